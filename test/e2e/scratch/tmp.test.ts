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
  uiTest(shared, 'codelens, webview, status bar', async (vs) => {
    assert.equal(await vs.waitForCodeLens(/tmp panel/), 'Open tmp panel');
    await vs.statusBarItem(/3 nodes/).waitFor();
    await vs.clickCodeLens('Open tmp panel');
    await vs.webview().locator('#t').waitFor();
    assert.equal(await vs.webview().locator('#t').textContent(), 'Hello panel');
  });
  uiTest(shared, 'completion shown', async (vs) => {
    await vs.goTo(3, 1);
    await vs.type('wo');
    const labels = await vs.completionsAt();
    assert.ok(labels.includes('world'), JSON.stringify(labels));
  });
});
