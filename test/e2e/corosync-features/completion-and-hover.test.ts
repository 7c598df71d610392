// Issue 3 in a real VS Code: key completion knows which section the cursor is in, value completion
// offers the transports corosync accepts, and hovering a key explains it.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { fixture, uiTest, useSession } from '../harness';

describe('corosync.conf completion and hover in a real VS Code', () => {
  const shared = useSession({ name: 'corosync-features', workspace: fixture('corosync-features') });

  uiTest(shared, 'inside totem, completion offers totem keys only', async (vs) => {
    await vs.openFile('corosync.conf');
    await vs.waitForLanguageMode('Corosync config');
    // The blank line between cluster_name and token is inside `totem {`.
    const blank = vs.positionOf('corosync.conf', /^\s*$/);
    assert.equal(blank.line, 4, 'fixture: line 4 is the blank line inside totem');
    const labels = await vs.completionsAt({ line: 4, column: 5 }, (l) => l.includes('crypto_cipher'));
    assert.ok(labels.includes('crypto_cipher'), `crypto_cipher should be offered in totem; got ${JSON.stringify(labels)}`);
    assert.ok(!labels.includes('ring0_addr'), `ring0_addr belongs to nodelist.node, not totem; got ${JSON.stringify(labels)}`);
    await vs.screenshot('totem-key-completion');
    await vs.page.keyboard.press('Escape');
  });

  uiTest(shared, 'after "transport: " completion offers knet, udp and udpu', async (vs) => {
    await vs.openFile('corosync.conf');
    await vs.goTo(4, 5);
    await vs.type('transport: ');
    await vs.page.keyboard.press('Escape'); // close any suggestion list typing opened
    const labels = await vs.completionsAt();
    for (const transport of ['knet', 'udp', 'udpu']) {
      assert.ok(labels.includes(transport), `${transport} should be offered after transport:; got ${JSON.stringify(labels)}`);
    }
    assert.ok(!labels.includes('crypto_cipher'), `a value position should not offer keys; got ${JSON.stringify(labels)}`);
    await vs.screenshot('transport-value-completion');
    await vs.page.keyboard.press('Escape');
  });

  uiTest(shared, 'hovering token and two_node shows their descriptions', async (vs) => {
    await vs.openFile('corosync.conf');
    const token = await vs.hoverAt('corosync.conf', /\btoken\b/, 0, /token/i);
    assert.match(token, /milli ?seconds|\bms\b/i, `token hover should say it is a time in ms: ${JSON.stringify(token)}`);
    await vs.screenshot('hover-token');
    await vs.page.keyboard.press('Escape');
    const twoNode = await vs.hoverAt('corosync.conf', 'two_node', 0, /two_node/i);
    assert.match(
      twoNode,
      /two[- ]node|2 nodes|wait_for_all/i,
      `two_node hover should explain two-node clusters: ${JSON.stringify(twoNode)}`,
    );
    assert.ok(twoNode.replace(/\s+/g, ' ').length > 60, `two_node hover too short: ${JSON.stringify(twoNode)}`);
  });
});
