#!/usr/bin/env node
// Runs the extension-host tests (test/e2e/host) in a desktop VS Code through @vscode/test-electron.
// Only where one exists: set VSCODE_EXECUTABLE to its binary. Never required here (no download).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../../../scripts/e2e/ensure-tools.mjs';

const exe = process.env.VSCODE_EXECUTABLE;
if (!exe) {
  console.log('electron e2e: skipped (set VSCODE_EXECUTABLE to a desktop VS Code binary to run it)');
  process.exit(0);
}
const { runTests } = await import('@vscode/test-electron');
const build = spawnSync('node', ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const base = mkdtempSync(join(tmpdir(), 'pcmk-electron-'));
const workspace = join(base, 'ws');
cpSync(join(REPO_ROOT, 'test', 'e2e', 'fixtures', 'corosync-syntax'), workspace, { recursive: true });
let code = 1;
try {
  code = await runTests({
    vscodeExecutablePath: exe,
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: join(REPO_ROOT, 'test', 'e2e', 'host', 'index.cjs'),
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--user-data-dir',
      join(base, 'user'),
      '--extensions-dir',
      join(base, 'ext'),
    ],
  });
} catch (err) {
  console.error(`electron e2e failed: ${err?.message ?? err}`);
} finally {
  rmSync(base, { recursive: true, force: true });
}
process.exit(code);
