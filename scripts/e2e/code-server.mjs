// Launch helpers for code-server, shared by the e2e harness (test/e2e/harness.ts) and `npm start`.
// code-server runs in its own process group: it spawns an agent host and an extension host that
// would otherwise outlive it, so we always kill the whole group.

import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './ensure-tools.mjs';

/** Settings that keep the workbench quiet and deterministic (no tours, AI panels, update checks). */
export const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'files.autoSave': 'off',
};

const liveGroups = new Set();
const tempDirs = new Set();
let exitHookInstalled = false;
function killAllGroups() {
  for (const g of liveGroups) {
    try {
      process.kill(-g, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  liveGroups.clear();
  killProcessesUsing([...tempDirs]);
  if (process.env.PCMK_E2E_KEEP === '1') return;
  // The browser may still be writing its profile while it shuts down: retry for a moment (sync: we
  // may be inside an 'exit' handler).
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; attempt < 15 && [...tempDirs].some((d) => existsSync(d)); attempt++) {
    for (const d of tempDirs) {
      try {
        rmSync(d, { recursive: true, force: true });
      } catch {
        /* retried */
      }
    }
    Atomics.wait(pause, 0, 0, 100);
  }
  tempDirs.clear();
}
/** SIGKILL processes whose command line names one of our private folders (the browser, its helpers). */
function killProcessesUsing(dirs) {
  if (!dirs.length || !existsSync('/proc')) return;
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (dirs.some((d) => cmdline.includes(d))) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }
}

/** A private temp folder to remove when this process ends, even by a signal; `untrack` after removing it yourself. */
export function trackTempDir(dir) {
  tempDirs.add(dir);
  installExitHook();
  return () => tempDirs.delete(dir);
}
/** Remember a process group so it dies with this process even when no cleanup code runs. */
export function trackGroup(pid) {
  liveGroups.add(pid);
  installExitHook();
}
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', killAllGroups);
  // A signal skips 'exit' handlers: kill the groups, then let the signal do what it would have done.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    const onSignal = () => {
      killAllGroups();
      if (process.listenerCount(sig) === 1) {
        process.removeListener(sig, onSignal);
        process.kill(process.pid, sig);
      }
    };
    process.on(sig, onSignal);
  }
}

/** Environment for code-server with every writable location private to `base`. */
export function codeServerEnv(base, tools) {
  const dirs = {
    HOME: join(base, 'home'),
    XDG_CONFIG_HOME: join(base, 'xdg-config'),
    XDG_DATA_HOME: join(base, 'xdg-data'),
    XDG_CACHE_HOME: join(base, 'xdg-cache'),
    XDG_RUNTIME_DIR: join(base, 'xdg-runtime'),
    TMPDIR: join(base, 'tmp'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  chmodSync(dirs.XDG_RUNTIME_DIR, 0o700);
  const env = { ...process.env, ...dirs };
  // A CI secret in the environment must not reach the extension host or its logs.
  for (const k of Object.keys(env)) if (/TOKEN|SECRET|PASSWORD|NPM_AUTH/i.test(k)) delete env[k];
  delete env.VSCODE_IPC_HOOK_CLI;
  env.PATH = `${resolve(tools.node24Bin, '..')}:${process.env.PATH}`;
  return env;
}

function runLogged(cmd, args, { env, log, cwd }) {
  return new Promise((res, rej) => {
    log?.write(`$ ${cmd} ${args.join(' ')}\n`);
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const keep = (c) => {
      out += c;
      log?.write(c);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', rej);
    child.on('exit', (code) => (code === 0 ? res(out) : rej(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${out.slice(-3000)}`))));
  });
}

/**
 * Install a .vsix (or an unpacked extension folder, packaged on the fly with vsce) into extensionsDir.
 */
export async function installExtension({ tools, env, userDataDir, extensionsDir, extension, log }) {
  let vsix = resolve(extension);
  let tmp;
  if (existsSync(vsix) && statSync(vsix).isDirectory()) {
    tmp = mkdtempSync(join(env.TMPDIR, 'vsix-'));
    const out = join(tmp, 'ext.vsix');
    const vsce = join(REPO_ROOT, 'node_modules', '.bin', 'vsce');
    await runLogged(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out], {
      env: { ...process.env, TMPDIR: env.TMPDIR },
      log,
      cwd: vsix,
    });
    vsix = out;
  }
  if (!existsSync(vsix)) throw new Error(`extension not found: ${extension}`);
  try {
    await runLogged(
      tools.node24Bin,
      [tools.codeServerBin, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
      { env, log },
    );
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Start code-server on 127.0.0.1:port opening `workspace`; resolves once /healthz answers.
 * Returns { child, url }. The caller must `await killGroup(child)`.
 */
export async function startCodeServer({
  tools,
  env,
  userDataDir,
  extensionsDir,
  port,
  workspace,
  settings = {},
  log,
  timeoutMs = 60_000,
  workspaceTrust = false,
}) {
  const userSettings = join(userDataDir, 'User', 'settings.json');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  let existing = {};
  try {
    existing = JSON.parse(readFileSync(userSettings, 'utf8'));
  } catch {
    /* none yet */
  }
  // workspaceTrust: the folder opens untrusted (Restricted Mode), without the startup question.
  const trust = workspaceTrust
    ? {
        'security.workspace.trust.enabled': true,
        'security.workspace.trust.startupPrompt': 'never',
        'security.workspace.trust.banner': 'never',
      }
    : {};
  writeFileSync(userSettings, JSON.stringify({ ...BASE_SETTINGS, ...existing, ...settings, ...trust }, null, 2));

  const args = [
    tools.codeServerBin,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--reconnection-grace-time',
    '5',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    workspace,
  ];
  log?.write(`$ ${tools.node24Bin} ${args.join(' ')}\n`);
  const child = spawn(tools.node24Bin, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  trackGroup(child.pid);
  let output = '';
  const keep = (c) => {
    output = (output + c).slice(-6000);
    log?.write(c);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = signal ?? code;
  });

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== null) throw new Error(`code-server exited (${exited}) before it was ready:\n${output}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await killGroup(child);
      throw new Error(`code-server not ready on ${base} after ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { child, url: `${base}/?folder=${encodeURI(workspace)}` };
}

/** SIGTERM the child's process group, then SIGKILL whatever is left of it. */
export async function killGroup(child, graceMs = 3000) {
  const pgid = child.pid;
  if (!pgid) return;
  const alive = () => {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    /* gone */
  }
  const end = Date.now() + graceMs;
  while (alive() && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  if (alive()) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  liveGroups.delete(pgid);
}
