// The same corosync checks, from inside the extension host through the real `vscode` API
// (test/e2e/host/*.spec.cjs), loaded from the repository folder (no .vsix).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixture, REPO_ROOT, requireE2ETools } from '../harness';
import { runExtensionHostTests } from '../hostRunner';

test('extension-host tests pass on the corosync-syntax fixture', { timeout: 10 * 60_000 }, async (t) => {
  const { tools, skip } = await requireE2ETools();
  if (!tools) return t.skip(skip);
  if (!existsSync(join(REPO_ROOT, 'dist', 'client.js')) || !existsSync(join(REPO_ROOT, 'dist', 'server.js'))) {
    const build = spawnSync('node', ['scripts/build.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, `build failed:\n${build.stdout}${build.stderr}`);
  }
  const result = await runExtensionHostTests({
    tools,
    name: 'extension-host-corosync',
    extensionPath: REPO_ROOT,
    testsPath: join(REPO_ROOT, 'test', 'e2e', 'host', 'index.cjs'),
    workspace: fixture('corosync-syntax'),
  });
  const report = result.output
    .split('\n')
    .filter((l) => /passing|failing|pending|✔|✓|^\s*\d+\) /.test(l))
    .join('\n');
  t.diagnostic(`extension host report:\n${report}\nlogs: ${result.artifacts}`);
  assert.equal(result.exitCode, 0, `extension-host tests failed:\n${result.output.slice(-3000)}`);
});
