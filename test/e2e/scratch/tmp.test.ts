import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startSession } from '../harness';

test('tmp ext: diagnostics + hover', async () => {
  const s = await startSession({ name: 'tmp', workspace: join(import.meta.dirname, '..', 'tmp-ws'), extension: join(import.meta.dirname, '..', 'tmp-ext') });
  try {
    await s.screenshot('loaded');
    await s.openFile('a.demo');
    await s.waitForLanguageMode('Tmp Demo');
    const p = await s.waitForProblem((p) => /BAD is not allowed/.test(p.message));
    console.log(p);
    assert.equal(p.line, 2);
    assert.equal(await (await s.squiggles('error')).count() > 0, true);
    await s.screenshot('problems');
    const h = await s.hoverAt('a.demo', 'hello', 0, /tmp hover/);
    console.log(h);
    await s.screenshot('hover');
  } catch (e) { await s.screenshot('failure'); throw e; } finally { await s.close(); }
});
