// Lab in a box in a real VS Code: "Pacemaker: Start local lab" from the command palette starts real
// lab nodes named as the workspace's script names them (alpha, beta), the status bar shows them live,
// the "▶ Run on alpha" CodeLens runs on the lab node alpha through the lab's own ssh config, and
// "Pacemaker: Stop local lab" removes every namespace.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { after, describe } from 'node:test';
import { labDown } from '../../../server/src/lab/lab';
import { canUseNetns, ensureTool, failOrSkip } from '../../support/tools';
import { uiTest, useSession, waitUntil, type VSCodeSession } from '../harness';

function skipReason(): string | undefined {
  if (!canUseNetns()) return failOrSkip('needs root with ip netns and unshare to build lab nodes');
  return (
    ensureTool('corosync', ['corosync']) ??
    ensureTool('pcs', ['pcs']) ??
    ensureTool('/usr/sbin/sshd', ['openssh-server']) ??
    ensureTool('socat', ['socat'])
  );
}

const labNamespaces = () => (fs.existsSync('/run/netns') ? fs.readdirSync('/run/netns') : []).filter((n) => n.startsWith('pcmklab-lab-'));

async function terminalRows(vs: VSCodeSession): Promise<string[]> {
  return vs.page
    .locator('.terminal-wrapper.active .xterm-rows > div, .xterm-rows > div')
    .evaluateAll((rows) => rows.map((row) => (row.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()));
}

async function statusBarText(vs: VSCodeSession): Promise<string> {
  const items = await vs.page.locator('.statusbar-item').allTextContents();
  return items.find((t) => /lab \d+\/\d+ on/.test(t)) ?? '';
}

describe('local lab from the command palette in a real VS Code', { skip: skipReason() }, () => {
  const shared = useSession({
    name: 'lab-in-a-box',
    workspace: join(__dirname, 'workspace'),
    settings: { 'terminal.integrated.gpuAcceleration': 'off' },
  });

  // Whatever happens, no lab stays behind (registered after useSession: runs once code-server is gone).
  let ours = false;
  after(async () => {
    if (!ours) return; // a lab "lab" someone else started is not ours to remove
    await labDown('lab');
    assert.deepEqual(labNamespaces(), []);
  });

  uiTest(
    shared,
    'start the lab, see its nodes live, run a line on a lab node from its CodeLens, stop the lab',
    async (vs) => {
      assert.notEqual(hostname(), 'alpha');
      assert.deepEqual(labNamespaces(), [], 'no lab named "lab" may be up before the test');
      ours = true;
      await vs.openFile('lab.sh');
      await vs.waitForLanguageMode('Shell Script');
      await vs.runCommand('Pacemaker: Start local lab');
      const bare = vs.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Bare' }).first();
      await bare.waitFor({ timeout: 10_000 });
      await bare.click();
      let bar = '';
      await waitUntil(
        async () => /lab 2\/2 on/.test((bar = await statusBarText(vs))),
        120_000,
        () => `the lab status bar item; saw "${bar}"`,
      );
      assert.match(bar, /no cluster yet/, 'a bare lab has no cluster yet');
      assert.equal(labNamespaces().length, 3, 'a bridge and two nodes');
      await vs.screenshot('lab-up-status-bar');

      // Starting the lab refreshes the Pacemaker Nodes view, whose reachability check asks once before
      // the first connection to the lab's nodes (run on node's own confirmation, never skipped).
      const connect = vs.page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Connect' }).first();
      const dialog = vs.page.locator('.monaco-dialog-box').first();
      await dialog.waitFor({ timeout: 30_000 });
      assert.match((await dialog.textContent()) ?? '', /alpha → alpha \(from cluster setup, ssh config\)/);
      await connect.click();
      await vs.waitForCodeLens(/Run on alpha/);
      await vs.clickCodeLens(/Run on alpha/);
      if (
        await connect.waitFor({ timeout: 5_000 }).then(
          () => true,
          () => false,
        )
      )
        await connect.click();
      let rows: string[] = [];
      await waitUntil(
        async () => (rows = await terminalRows(vs)).some((r) => /[✓✗] alpha: /.test(r)),
        60_000,
        () => `the run on alpha to finish; rows: ${JSON.stringify(rows.filter(Boolean))}`,
      );
      const text = rows.filter(Boolean);
      assert.ok(
        text.some((r) => /✓ alpha: exit 0/.test(r)),
        JSON.stringify(text),
      );
      assert.ok(
        text.some((r) => r.trim() === 'alpha'),
        `hostname on the lab node prints alpha: ${JSON.stringify(text)}`,
      );
      await vs.screenshot('ran-on-lab-node-alpha');

      // The status bar follows the lab: a node killed from outside shows as off within the poll interval.
      const kill = spawnSync(process.execPath, [join(__dirname, '../../../bin/pcmk-lsp.js'), 'lab', 'kill', 'beta'], { encoding: 'utf8' });
      assert.equal(kill.status, 0, kill.stderr);
      await waitUntil(
        async () => /lab 1\/2 on/.test((bar = await statusBarText(vs))),
        30_000,
        () => `the status bar to show beta off; saw "${bar}"`,
      );

      await vs.runCommand('Pacemaker: Stop local lab');
      await waitUntil(
        async () => labNamespaces().length === 0,
        60_000,
        () => `the lab namespaces to go; left ${labNamespaces().join(' ')}`,
      );
      await waitUntil(
        async () => (await statusBarText(vs)) === '',
        15_000,
        () => 'the lab status bar item to go',
      );
    },
    300_000,
  );
});
