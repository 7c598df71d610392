#!/usr/bin/env node
// `npm start`: install what is missing, build and package the extension, and serve a browser VS Code
// (code-server on 127.0.0.1) with the extension installed and examples/lab open. Ctrl-C stops everything.
//
// Environment: PCMK_PORT (default 8080), PCMK_WORKSPACE (default examples/lab), PCMK_SKIP_PACKAGE=1
// (reuse dist/pacemaker-lab.vsix as it is), PCMK_EXTENSION (another .vsix or extension folder to load).

import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { ensureDeps } from './ensure-deps.mjs';
import { ensureTools, EXIT_UNAVAILABLE, REPO_ROOT } from './e2e/ensure-tools.mjs';
import { codeServerEnv, installExtension, killGroup, startCodeServer } from './e2e/code-server.mjs';

const say = (msg) => process.stdout.write(`start: ${msg}\n`);

function portIsFree(port) {
  return new Promise((res) => {
    const srv = createServer();
    srv.once('error', () => res(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => res(true)));
  });
}

async function main() {
  const port = Number(process.env.PCMK_PORT ?? 8080);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PCMK_PORT must be a port number, got "${process.env.PCMK_PORT}"`);
  }
  const workspace = resolve(process.env.PCMK_WORKSPACE ?? join(REPO_ROOT, 'examples', 'lab'));
  if (!existsSync(workspace)) throw new Error(`workspace folder ${workspace} does not exist`);
  if (!(await portIsFree(port))) {
    throw new Error(`127.0.0.1:${port} is in use; choose another port with PCMK_PORT=8081 npm start`);
  }

  ensureDeps(REPO_ROOT);

  // Start the tools install now, in parallel with the build: the first install takes ~2 minutes.
  const toolsPromise = ensureTools();
  toolsPromise.catch(() => undefined);

  const vsix = process.env.PCMK_EXTENSION ? resolve(process.env.PCMK_EXTENSION) : join(REPO_ROOT, 'dist', 'pacemaker-lab.vsix');
  if (process.env.PCMK_EXTENSION) {
    say(`using ${vsix}`);
  } else if (process.env.PCMK_SKIP_PACKAGE === '1' && existsSync(vsix)) {
    say(`using existing ${vsix}`);
  } else {
    say('building and packaging the extension (npm run package)');
    // Async, so the tools install keeps going meanwhile.
    const status = await new Promise((res) => {
      const child = spawn('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: 'inherit' });
      child.on('error', () => res('spawn error'));
      child.on('exit', (code, signal) => res(signal ?? code));
    });
    if (status !== 0) throw new Error(`npm run package failed (exit ${status})`);
  }

  let tools;
  try {
    tools = await toolsPromise;
  } catch (err) {
    if (err?.skip) {
      process.stderr.write(`start: cannot set up code-server here: ${err.message}\n`);
      process.exit(EXIT_UNAVAILABLE);
    }
    throw err;
  }

  // A stable private home for this VS Code: settings and open editors survive restarts,
  // and nothing is written to the user's own ~/.config or ~/.local.
  const base = join(REPO_ROOT, '.tools', 'start');
  mkdirSync(base, { recursive: true });
  const env = codeServerEnv(base, tools);
  const dirs = { userDataDir: join(base, 'user'), extensionsDir: join(base, 'ext') };
  const log = createWriteStream(join(base, 'code-server.log'), { flags: 'a' });
  say('installing the extension into code-server');
  await installExtension({ tools, env, ...dirs, extension: vsix, log });

  const { child, url } = await startCodeServer({ tools, env, ...dirs, port, workspace, log });
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    say('stopping code-server');
    await killGroup(child);
    log.end();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGHUP', () => void stop(0));
  child.on('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`start: code-server stopped by itself (${signal ?? code}); log: ${join(base, 'code-server.log')}\n`);
    void stop(typeof code === 'number' && code !== 0 ? code : 1);
  });

  say(`Pacemaker Lab is ready: ${url}`);
  say(`(workspace ${workspace}; log ${join(base, 'code-server.log')}; Ctrl-C to stop)`);
}

main().catch((err) => {
  process.stderr.write(`start: ${err?.message ?? err}\n`);
  process.exit(1);
});
