// Issue 5 in a real VS Code: a resource id created in one script and used in another. F12 on the use
// jumps to the `pcs resource create` in the other file; F2 renames it in both files.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe } from 'node:test';
import { fixture, uiTest, useSession, waitUntil, type VSCodeSession } from '../harness';

/** "Ln 3, Col 24" of the status bar as 1-based numbers. */
async function cursor(vs: VSCodeSession): Promise<{ line: number; column: number } | undefined> {
  const text =
    (await vs.page
      .locator('#status\\.editor\\.selection')
      .textContent()
      .catch(() => '')) ?? '';
  const m = /Ln (\d+), Col (\d+)/.exec(text);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}

async function activeTab(vs: VSCodeSession): Promise<string> {
  return (
    (await vs.page
      .locator('.tab.active')
      .first()
      .getAttribute('aria-label')
      .catch(() => '')) ?? ''
  ).trim();
}

describe('pcs ids across scripts in a real VS Code', () => {
  const shared = useSession({ name: 'navigation', workspace: fixture('navigation') });

  uiTest(shared, 'F12 on web_vip in constraints.sh opens its definition in resources.sh', async (vs) => {
    await vs.openFile('constraints.sh');
    await vs.waitForLanguageMode('Shell Script');
    const use = vs.positionOf('constraints.sh', 'web_vip');
    const def = vs.positionOf('resources.sh', 'web_vip');
    // The server indexes the workspace after start: retry F12 until it lands in resources.sh.
    await waitUntil(
      async () => {
        await vs.goTo(use.line, use.column + 2);
        await vs.page.keyboard.press('F12');
        await vs.page
          .locator('.tab.active[aria-label*="resources.sh"]')
          .first()
          .waitFor({ timeout: 3_000 })
          .catch(() => undefined);
        return (await activeTab(vs)).includes('resources.sh');
      },
      40_000,
      async () =>
        `F12 to open resources.sh; active tab is ${JSON.stringify(await activeTab(vs))}, cursor ${JSON.stringify(await cursor(vs))}`,
    );
    let at: { line: number; column: number } | undefined;
    await waitUntil(
      async () => (at = await cursor(vs))?.line === def.line,
      5_000,
      () => `cursor on line ${def.line}; at ${JSON.stringify(at)}`,
    );
    assert.ok(
      at!.column >= def.column && at!.column <= def.column + 'web_vip'.length,
      `cursor should be on web_vip (col ${def.column}); at ${JSON.stringify(at)}`,
    );
  });

  uiTest(shared, 'F2 renames web_vip to vip in both files', async (vs) => {
    await vs.openFile('constraints.sh');
    const use = vs.positionOf('constraints.sh', 'web_vip');
    await vs.goTo(use.line, use.column + 2);
    await vs.page.keyboard.press('F2');
    const input = vs.page.locator('.rename-box input, .rename-input').first();
    await input.waitFor({ timeout: 10_000 });
    assert.equal(await input.inputValue(), 'web_vip', 'the rename box starts with the whole id');
    await input.fill('vip');
    await vs.screenshot('rename-box');
    await vs.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
    await vs.runCommand('File: Save All Files');
    const constraints = () => readFileSync(vs.path('constraints.sh'), 'utf8');
    const resources = () => readFileSync(vs.path('resources.sh'), 'utf8');
    await waitUntil(
      async () => !/web_vip/.test(constraints() + resources()),
      10_000,
      () => `both files saved without web_vip:\n${constraints()}\n${resources()}`,
    );
    assert.match(constraints(), /^pcs constraint location vip prefers node1=100$/m);
    assert.match(resources(), /^pcs resource create vip ocf:heartbeat:IPaddr2 /m);
  });
});
