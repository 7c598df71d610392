// Issue 4 in a real VS Code: a weighted cluster (2 + 2 + 1 + 1 votes, expected_votes 8, as in a
// storage lab where the targets weigh more than the clients). The lens on `quorum {` states the
// verdict; the calculator panel shows quorum 5 of 8 and flips to "not quorate" when a 2-vote node fails.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { fixture, uiTest, useSession, waitUntil, type VSCodeSession } from '../harness';
import type { PageGlobals } from '../pageDom';

/** Text of the CodeLens rendered directly above 1-based `line` (undefined when none is). */
async function lensAbove(vs: VSCodeSession, line: number): Promise<string | undefined> {
  return vs.page.evaluate((target) => {
    const doc = (globalThis as unknown as PageGlobals).document;
    const editor = doc.querySelector('.editor-instance .monaco-editor');
    if (!editor) return undefined;
    const number = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].find(
      (el) => Number(el.textContent?.trim()) === target,
    );
    if (!number) return undefined;
    const top = number.getBoundingClientRect().top;
    let best: { gap: number; text: string } | undefined;
    for (const lens of editor.querySelectorAll('.codelens-decoration')) {
      const gap = top - lens.getBoundingClientRect().bottom;
      if (gap >= -2 && gap < 12 && (!best || gap < best.gap)) best = { gap, text: lens.textContent?.trim() ?? '' };
    }
    return best?.text;
  }, line);
}

describe('quorum calculator in a real VS Code', () => {
  const shared = useSession({ name: 'quorum', workspace: fixture('quorum-weighted') });

  uiTest(shared, 'the lens on quorum { states quorum 5 of 8', async (vs) => {
    await vs.openFile('corosync.conf');
    await vs.waitForLanguageMode('Corosync config');
    await vs.waitForCodeLens(/quorum 5 of 8/);
    const { line } = vs.positionOf('corosync.conf', /^quorum \{/);
    await vs.goTo(line, 1);
    let text: string | undefined;
    await waitUntil(
      async () => /quorum 5 of 8/.test((text = await lensAbove(vs, line)) ?? ''),
      10_000,
      () => `a lens above line ${line}; saw ${JSON.stringify(text)}`,
    );
    assert.match(text!, /quorum 5 of 8 expected/);
    assert.match(text!, /6 votes configured/);
    // Losing a 1-vote client leaves 5 ≥ 5; losing a 2-vote target leaves 4 < 5.
    assert.match(text!, /survives: any one 1-vote node/);
    assert.match(text!, /stops if: .*target-a.*target-b|stops if: .*target-b.*target-a/);
    await vs.screenshot('quorum-lens');

    // The lens is a link to the calculator.
    await vs.clickCodeLens(/quorum 5 of 8/);
    await vs.page.locator('.tab.active[aria-label*="Quorum: corosync.conf"]').first().waitFor({ timeout: 15_000 });
    await vs
      .webview()
      .locator('#badge')
      .filter({ hasText: /^QUORATE$/ })
      .waitFor({ timeout: 20_000 });
    await vs.runCommand('View: Close Editor'); // the next test opens it from the palette
    await vs.page.locator('.tab[aria-label*="Quorum: corosync.conf"]').first().waitFor({ state: 'detached' });
  });

  uiTest(shared, 'the panel shows 5 of 8, quorate, and not quorate once target-a is down', async (vs) => {
    await vs.openFile('corosync.conf');
    await vs.runCommand('Pacemaker: Open quorum calculator');
    const view = vs.webview();
    const badge = view.locator('#badge');
    await badge.filter({ hasText: /^QUORATE$/ }).waitFor({ timeout: 20_000 });
    assert.equal(await view.locator('#quorum').innerText(), '5');
    assert.equal(await view.locator('#expected').innerText(), '8');
    assert.equal(await view.locator('#total').innerText(), '6');
    assert.equal(await view.locator('.node').count(), 4, 'one button per node');
    await vs.screenshot('panel-all-up');

    const targetA = view.locator('.node', { hasText: 'target-a' });
    assert.match(await targetA.innerText(), /2 votes/);
    await targetA.click();
    await badge.filter({ hasText: /^NOT QUORATE$/ }).waitFor({ timeout: 10_000 });
    assert.equal(await view.locator('#total').innerText(), '4');
    assert.equal(await view.locator('#quorum').innerText(), '5', 'expected_votes 8 keeps quorum at 5');
    assert.equal(await targetA.getAttribute('aria-pressed'), 'false');
    assert.match(await view.locator('#why').innerText(), /4 < 5/);
    await vs.screenshot('panel-target-a-down');

    // Bring it back, fail a 1-vote client instead: still quorate with exactly 5.
    await targetA.click();
    await view.locator('.node', { hasText: 'client-a' }).click();
    await view.locator('#total').filter({ hasText: /^5$/ }).waitFor({ timeout: 10_000 });
    assert.equal(await badge.innerText(), 'QUORATE');
  });
});
