// Issue 6 in a real VS Code: the resource agent's metadata (from the installed resource-agents)
// explains an agent name and each of its parameters where the script uses them.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { fixture, uiTest, useSession } from '../harness';
import type { PageElement } from '../pageDom';

describe('resource agent hovers in a real VS Code', () => {
  const shared = useSession({ name: 'agents', workspace: fixture('agents') });

  uiTest(shared, 'hovering ocf:heartbeat:IPaddr2 shows the agent and its parameters', async (vs) => {
    await vs.openFile('nfs.sh');
    await vs.waitForLanguageMode('Shell Script');
    const text = await vs.hoverAt('nfs.sh', 'ocf:heartbeat:IPaddr2', 0, /IPaddr2/);
    const flat = text.replace(/\s+/g, ' ');
    assert.match(flat, /IP ?v4|IPv6|virtual IP|IP address/i, `the agent description: ${flat.slice(0, 400)}`);
    // The parameters table: the required ip, and cidr_netmask which the line sets.
    assert.match(flat, /\bip\b/, `parameter ip missing: ${flat.slice(0, 600)}`);
    assert.match(flat, /cidr_netmask/, `parameter cidr_netmask missing: ${flat.slice(0, 600)}`);
    const table = vs.page.locator('.monaco-hover:not(.hidden) table, .monaco-resizable-hover table').first();
    await table.waitFor({ timeout: 5_000 });
    const tableText = (await table.innerText()).replace(/\s+/g, ' ');
    assert.match(tableText, /\bip\b/, `the table lists ip: ${tableText.slice(0, 300)}`);
    assert.match(tableText, /cidr_netmask/, `the table lists cidr_netmask: ${tableText.slice(0, 300)}`);
    // The table sits below the long description: scroll the hover to it for the picture.
    await table.evaluate((el) => (el as unknown as PageElement).scrollIntoView({ block: 'start' }));
    await vs.screenshot('ipaddr2-parameters-table');
  });

  uiTest(shared, 'hovering fsid= on the exportfs line shows the fsid parameter', async (vs) => {
    await vs.openFile('nfs.sh');
    const text = await vs.hoverAt('nfs.sh', 'fsid=', 0, /fsid/);
    const flat = text.replace(/\s+/g, ' ');
    // resource-agents' exportfs metadata: fsid is required and may be an integer, a UUID or "root".
    assert.match(flat, /required/, `fsid is a required parameter: ${flat}`);
    assert.match(flat, /positive integer, a UUID/, `the fsid long description: ${flat}`);
    assert.match(flat, /exportfs/, `the hover should say which agent the parameter belongs to: ${flat}`);
    assert.ok(flat.length > 40, `fsid hover too short: ${flat}`);
  });
});
