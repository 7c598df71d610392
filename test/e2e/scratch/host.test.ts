import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { requireE2ETools } from '../harness';
import { runExtensionHostTests } from '../hostRunner';
test('host runner with tmp ext', async () => {
  const { tools } = await requireE2ETools();
  const r = await runExtensionHostTests({ tools: tools!, name: 'host-tmp', extensionPath: join(import.meta.dirname, '..', 'tmp-ext'), testsPath: join(import.meta.dirname, 'host', 'index.cjs'), workspace: join(import.meta.dirname, '..', 'tmp-ws') });
  console.log(r.exitCode, r.output.slice(-1500));
  assert.equal(r.exitCode, 0);
});
