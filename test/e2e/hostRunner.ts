// The second way to test in a real VS Code: mocha tests inside the extension host with the real
// `vscode` API, no clicking. Runs the VS Code server bundled in code-server with
// --enable-smoke-test-driver, opens the workbench in headless chromium with an
// extensionDevelopmentPath + extensionTestsPath payload, and receives the exit code through
// `codeAutomationExit` (as VS Code's own browser integration tests do).

import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { format } from 'node:util';
import { basename, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { artifactsRoot, type Tools } from './harness';
// @ts-expect-error plain .mjs helper shared with scripts/start.mjs (no type declarations)
import { codeServerEnv, killGroup, trackGroup, trackTempDir, BASE_SETTINGS } from '../../scripts/e2e/code-server.mjs';

export interface HostRunOptions {
  tools: Tools;
  /** Unpacked extension folder (its package.json `main` must be built). */
  extensionPath: string;
  /** A CommonJS file exporting `run(): Promise<void>` (see test/e2e/host/index.cjs). */
  testsPath: string;
  /** Fixture workspace, copied before opening. */
  workspace: string;
  name: string;
  timeoutMs?: number;
}

export interface HostRunResult {
  exitCode: number;
  /** Everything the extension host logged (the mocha report among it). */
  output: string;
  artifacts: string;
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

export async function runExtensionHostTests(opts: HostRunOptions): Promise<HostRunResult> {
  const artifacts = join(artifactsRoot(), opts.name);
  mkdirSync(artifacts, { recursive: true });
  const base = mkdtempSync(join(tmpdir(), 'pcmk-e2e-host-'));
  trackTempDir(base);
  const env = codeServerEnv(base, opts.tools);
  const log = createWriteStream(join(artifacts, 'vscode-server.log'));
  const workspace = join(base, 'ws', basename(resolve(opts.workspace)));
  cpSync(resolve(opts.workspace), workspace, { recursive: true });
  const userData = join(base, 'user');
  mkdirSync(join(userData, 'User'), { recursive: true });
  // server-main reads machine settings from its server data dir.
  const serverData = join(base, 'server-data');
  mkdirSync(join(serverData, 'data', 'Machine'), { recursive: true });
  writeFileSync(join(serverData, 'data', 'Machine', 'settings.json'), JSON.stringify(BASE_SETTINGS));

  const port = await freePort();
  const serverMain = join(opts.tools.codeServerRoot, 'lib', 'vscode', 'out', 'server-main.js');
  const args = [
    serverMain,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    '--disable-workspace-trust',
    '--user-data-dir',
    userData,
    '--server-data-dir',
    serverData,
    '--extensions-dir',
    join(base, 'ext'),
  ];
  log.write(`$ ${opts.tools.node24Bin} ${args.join(' ')}\n`);
  const server = spawn(opts.tools.node24Bin, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  trackGroup(server.pid);
  server.stdout?.on('data', (c) => log.write(c));
  server.stderr?.on('data', (c) => log.write(c));
  const context = { close: async () => undefined } as { close: () => Promise<unknown> };
  let output = '';
  try {
    const origin = `http://127.0.0.1:${port}`;
    const end = Date.now() + 60_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`VS Code server exited early (${server.exitCode}); see ${artifacts}`);
      // server-main has no /healthz; /version answers once it listens.
      if (
        await fetch(`${origin}/version`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (Date.now() > end) throw new Error(`VS Code server not ready after 60 s; see ${artifacts}`);
      await new Promise((r) => setTimeout(r, 150));
    }
    const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${resolve(p)}`;
    const payload = [
      ['extensionDevelopmentPath', remote(opts.extensionPath)],
      ['extensionTestsPath', remote(opts.testsPath)],
    ];
    const url = `${origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    const ctx = await chromium.launchPersistentContext(join(base, 'browser'), {
      executablePath: opts.tools.chromium,
      env: { ...process.env, ...env },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    context.close = () => ctx.close();
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    let exitCode = -1;
    const exited = new Promise<void>((res) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => {
        exitCode = code;
        res();
      });
    });
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      // VS Code forwards console calls as (format, ...values).
      const line = format(...(Array.isArray(args) ? args : [args]));
      output += line + '\n';
    });
    await page.goto(url);
    const timeout = opts.timeoutMs ?? 120_000;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      exited,
      new Promise<void>((_, rej) => {
        timer = setTimeout(() => rej(new Error(`extension-host tests did not finish in ${timeout} ms`)), timeout);
      }),
    ]).finally(() => clearTimeout(timer));
    await page.screenshot({ path: join(artifacts, 'host-tests-finished.png') }).catch(() => undefined);
    writeFileSync(join(artifacts, 'host-output.log'), output);
    return { exitCode, output, artifacts };
  } catch (err) {
    writeFileSync(join(artifacts, 'host-output.log'), output);
    throw err;
  } finally {
    await context.close().catch(() => undefined);
    await killGroup(server);
    log.end();
    if (process.env.PCMK_E2E_KEEP !== '1') rmSync(base, { recursive: true, force: true, maxRetries: 3 });
  }
}
