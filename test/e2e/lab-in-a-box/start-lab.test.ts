// Lab in a box in a real VS Code: "Pacemaker: Start local lab" from the command palette starts real
// lab nodes named as the workspace's script names them (alpha, beta); the Pacemaker Nodes view shows
// them live; the "▶ Run block on alpha" CodeLens runs a block of two lines on the lab node alpha
// through the lab's own ssh config; "Run all blocks" stops at the first failing line with its output
// and the lab limit; a node killed from outside turns off in the Nodes view and the status bar;
// "Pacemaker: Stop local lab" removes every namespace. Screenshots of each step.
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

/** The rows of the Pacemaker Nodes view: "label — description". */
async function nodeRows(vs: VSCodeSession): Promise<string[]> {
  const pane = vs.page.locator('.pane', { has: vs.page.locator('.pane-header', { hasText: /Pacemaker nodes/i }) });
  return pane
    .locator('.monaco-list-row')
    .evaluateAll((rows) =>
      rows.map(
        (row) =>
          `${row.querySelector('.label-name')?.textContent?.trim() ?? ''} — ${row.querySelector('.label-description')?.textContent?.trim() ?? ''}`,
      ),
    );
}

async function notifications(vs: VSCodeSession): Promise<string[]> {
  return vs.page.locator('.notification-list-item-message').allTextContents();
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
    'start the lab, see its nodes live, run a block on a lab node from its CodeLens, run all blocks to the first failure, stop the lab',
    async (vs) => {
      assert.notEqual(hostname(), 'alpha');
      assert.deepEqual(labNamespaces(), [], 'no lab named "lab" may be up before the test');
      ours = true;
      await vs.openFile('lab.sh');
      await vs.waitForLanguageMode('Shell Script');
      // The Nodes view before the lab: the workspace's nodes, no lab row.
      await vs.runCommand('Focus on Pacemaker nodes View');
      let rows: string[] = [];
      await waitUntil(
        async () => (rows = await nodeRows(vs)).some((r) => r.startsWith('alpha — ')),
        30_000,
        () => `the Nodes view to list alpha; rows ${JSON.stringify(rows)}`,
      );
      assert.ok(!rows.some((r) => r.startsWith('Local lab')), JSON.stringify(rows));

      const startedAt = Date.now();
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
      console.log(`# e2e: lab up and shown in the status bar ${((Date.now() - startedAt) / 1000).toFixed(1)} s after the palette pick`);
      assert.match(bar, /no cluster yet/, 'a bare lab has no cluster yet');
      assert.equal(labNamespaces().length, 3, 'a bridge and two nodes');

      // The Nodes view follows the lab: a summary row, then the lab nodes with their live state.
      await waitUntil(
        async () => {
          rows = await nodeRows(vs);
          return (
            rows[0] === 'Local lab — lab 2/2 on · no cluster yet' &&
            rows.includes('alpha — lab · on · pcsd') &&
            rows.includes('beta — lab · on · pcsd')
          );
        },
        30_000,
        () => `the Nodes view to show the lab; rows ${JSON.stringify(rows)}`,
      );
      await vs.screenshot('lab-up-nodes-view-and-status-bar');

      // A block (two prompt lines) on the lab node alpha from its CodeLens; the first connection asks first.
      await vs.clickCodeLens(/Run block on alpha/);
      const dialog = vs.page.locator('.monaco-dialog-box').first();
      await dialog.waitFor({ timeout: 30_000 });
      assert.match(
        (await dialog.textContent()) ?? '',
        /First connection in this session to alpha → alpha \(from cluster setup, ssh config\)/,
      );
      await vs.page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Run on alpha' }).first().click();
      let term: string[] = [];
      await waitUntil(
        async () => (term = await terminalRows(vs)).some((r) => /[✓✗] alpha: /.test(r)),
        60_000,
        () => `the block on alpha to finish; rows: ${JSON.stringify(term.filter(Boolean))}`,
      );
      term = term.filter(Boolean);
      assert.ok(
        term.some((r) => /✓ alpha: exit 0/.test(r)),
        JSON.stringify(term),
      );
      assert.ok(
        term.some((r) => r.trim() === 'alpha'),
        `first line of the block (hostname) prints alpha: ${JSON.stringify(term)}`,
      );
      assert.ok(
        term.some((r) => r.trim() === 'second line of the block on alpha'),
        `second line of the block ran on alpha: ${JSON.stringify(term)}`,
      );
      await vs.screenshot('ran-block-on-lab-node-alpha');

      // Run all blocks: the first line runs, the second fails (no iSCSI initiator in a lab node), the third never runs.
      await vs.openFile('steps.sh');
      await vs.waitForLanguageMode('Shell Script');
      await vs.waitForCodeLens(/Run block on alpha/);
      await vs.runCommand('Pacemaker: Run all blocks on nodes');
      let toasts: string[] = [];
      await waitUntil(
        async () => (toasts = await notifications(vs)).some((t) => t.startsWith('Stopped at line 4')),
        90_000,
        () => `"Stopped at line 4" notification; saw ${JSON.stringify(toasts)}`,
      );
      const stopped = toasts.find((t) => t.startsWith('Stopped at line 4'))!;
      assert.match(stopped, /^Stopped at line 4: "iscsiadm -m session" failed on alpha \(exit 127 · [\d.]+ s\)/);
      assert.match(stopped, /Output: .*iscsiadm: command not found/);
      assert.match(stopped, /lab limit: iSCSI initiator sessions are kernel state of the whole machine, not of a lab node/);
      assert.match(stopped, /1 of 3 lines ran before it\.$/);
      term = (await terminalRows(vs)).filter(Boolean);
      assert.ok(
        term.some((r) => r.trim() === 'first-step-ok'),
        JSON.stringify(term),
      );
      assert.ok(!term.some((r) => r.includes('this-line-never-runs')), `the line after the failure did not run: ${JSON.stringify(term)}`);
      await vs.screenshot('run-all-blocks-stopped-at-the-failing-line');

      // A node killed from outside turns off in the Nodes view and the status bar within the poll interval.
      const kill = spawnSync(process.execPath, [join(__dirname, '../../../bin/pcmk-lsp.js'), 'lab', 'kill', 'beta'], { encoding: 'utf8' });
      assert.equal(kill.status, 0, kill.stderr);
      await waitUntil(
        async () => /lab 1\/2 on/.test((bar = await statusBarText(vs))),
        30_000,
        () => `the status bar to show beta off; saw "${bar}"`,
      );
      await waitUntil(
        async () => (rows = await nodeRows(vs)).includes('beta — lab · off'),
        30_000,
        () => `the Nodes view to show beta off; rows ${JSON.stringify(rows)}`,
      );
      assert.ok(rows.includes('alpha — lab · on · pcsd'), JSON.stringify(rows));
      await vs.screenshot('nodes-view-beta-killed');

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
      await waitUntil(
        async () => !(rows = await nodeRows(vs)).some((r) => r.startsWith('Local lab')),
        15_000,
        () => `the lab rows to leave the Nodes view; rows ${JSON.stringify(rows)}`,
      );
    },
    420_000,
  );

  uiTest(
    shared,
    'a ready lab: the Nodes view shows DC, quorum and resources; the quorum calculator shows the live figures beside its prediction, equal after a kill',
    async (vs) => {
      assert.deepEqual(labNamespaces(), [], 'the first test removed its lab');
      await vs.openFile('lab.sh');
      await vs.waitForLanguageMode('Shell Script');
      const startedAt = Date.now();
      await vs.runCommand('Pacemaker: Start local lab');
      const ready = vs.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Ready' }).first();
      await ready.waitFor({ timeout: 10_000 });
      await ready.click();
      let bar = '';
      await waitUntil(
        async () => /lab 2\/2 on · quorate · DC (alpha|beta)/.test((bar = await statusBarText(vs))),
        300_000,
        () => `a ready lab with a DC in the status bar; saw "${bar}"`,
      );
      console.log(`# e2e: ready lab (DC elected, quorate) shown ${((Date.now() - startedAt) / 1000).toFixed(1)} s after the palette pick`);
      let rows: string[] = [];
      await waitUntil(
        async () => {
          rows = await nodeRows(vs);
          return (
            rows.some((r) => /^(alpha|beta) — lab · online · DC · quorate/.test(r)) &&
            rows.some((r) => / · runs lab-fence$/.test(r)) &&
            rows.filter((r) => / — lab · online · /.test(r)).length === 2
          );
        },
        60_000,
        () => `both nodes online, a DC and lab-fence running in the Nodes view; rows ${JSON.stringify(rows)}`,
      );
      assert.match(rows[0] ?? '', /^Local lab — lab 2\/2 on · quorate · DC (alpha|beta)$/);

      // The calculator of the script's cluster: the live row beside the prediction, one partition of both nodes.
      await vs.runCommand('Pacemaker: Open quorum calculator');
      const liveRows = () =>
        vs
          .webview()
          .locator('#liveRows tr')
          .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '').join(' | ')));
      let live: string[] = [];
      await waitUntil(
        async () => (live = await liveRows().catch(() => [])).length === 1 && live[0]!.startsWith('alpha, beta | alpha beta |'),
        30_000,
        () => `the calculator's live row for both nodes; saw ${JSON.stringify(live)}`,
      );
      assert.equal(live[0], 'alpha, beta | alpha beta | 2/2 votes · quorum 1 · quorate | 2/2 votes · quorum 1 · quorate | = agree');
      await vs.screenshot('ready-lab-nodes-view-and-calculator-live');

      // beta fails hard: alpha alone, quorate by two_node, exactly as the engine predicts; beta is off in the view.
      const kill = spawnSync(process.execPath, [join(__dirname, '../../../bin/pcmk-lsp.js'), 'lab', 'kill', 'beta'], { encoding: 'utf8' });
      assert.equal(kill.status, 0, kill.stderr);
      await waitUntil(
        async () => (live = await liveRows().catch(() => [])).length === 1 && live[0]!.startsWith('alpha | alpha |'),
        60_000,
        () => `the calculator's live row for alpha alone; saw ${JSON.stringify(live)}`,
      );
      assert.equal(live[0], 'alpha | alpha | 1/2 votes · quorum 1 · quorate | 1/2 votes · quorum 1 · quorate | = agree');
      assert.match((await vs.webview().locator('#liveNote').textContent()) ?? '', /Not reporting \(off or corosync stopped\): beta\./);
      await waitUntil(
        async () =>
          (rows = await nodeRows(vs)).some((r) => /^beta — lab · off/.test(r)) &&
          rows.some((r) => /^alpha — lab · online · DC · quorate/.test(r)),
        60_000,
        () => `beta off and alpha DC in the Nodes view; rows ${JSON.stringify(rows)}`,
      );
      await vs.screenshot('ready-lab-beta-killed-calculator-agrees');

      await vs.runCommand('Pacemaker: Stop local lab');
      await waitUntil(
        async () => labNamespaces().length === 0,
        90_000,
        () => `the lab namespaces to go; left ${labNamespaces().join(' ')}`,
      );
      await waitUntil(
        async () =>
          (await vs
            .webview()
            .locator('#live')
            .getAttribute('hidden')
            .catch(() => null)) !== null,
        15_000,
        () => 'the live section of the calculator to hide once the lab is gone',
      );
    },
    480_000,
  );
});
