import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { join } from 'node:path';
import { uiTest, useSession } from '../harness';

describe('throwaway extension', () => {
  const shared = useSession({ name: 'tmp', workspace: join(import.meta.dirname, '..', 'tmp-ws'), extension: join(import.meta.dirname, '..', 'tmp-ext') });
  uiTest(shared, 'diagnostic shown', async (vs) => {
    await vs.openFile('a.demo');
    await vs.waitForLanguageMode('Tmp Demo');
    const p = await vs.waitForProblem((p) => /BAD is not allowed/.test(p.message));
    assert.equal(p.code, 'tmp/bad');
    assert.equal(p.line, 2);
    assert.deepEqual(await vs.squiggleLines('error'), [2]);
  });
  uiTest(shared, 'hover shown', async (vs) => {
    const h = await vs.hoverAt('a.demo', 'world', 0, /tmp hover/);
    assert.match(h, /world/);
  });
  uiTest(shared, 'deliberately failing (screenshot check)', async (vs) => {
    assert.deepEqual(await vs.squiggleLines('error'), [1]);
  });
});
