// The calculator page in a real headless chromium: the webview's messages are answered by the
// extension-side computeScenario (the same round trip VS Code does), nodes toggle, the verdict
// follows, the Content-Security-Policy admits only the page's own nonce'd script and style.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { computeScenario, liveMessage, quorumPanelHtml } from '../../../client/src/quorumPanel';
import type { LabStatus } from '../../../server/src/lab/lab';
import { defaultQuorumConfig } from '../../../shared/src/quorum/engine';
import { ensureTool } from '../../support/tools';

const skip = ensureTool('chromium', ['chromium']);

/** A lab split in two, as `pcmk-lsp lab status --format json` reports it; the cl side claims a quorum it cannot have. */
function node(name: string, members: string[], totalVotes: number, quorate: boolean): LabStatus['nodes'][number] {
  return {
    name,
    address: '192.168.78.1',
    sshPort: 1,
    power: 'on',
    daemons: { corosync: true, pacemaker: true, pcsd: true },
    quorate,
    quorum: { expectedVotes: 8, totalVotes, quorum: 5, members },
    memoryKb: 1,
    partition: 'br0',
  };
}
const splitLab: LabStatus = {
  name: 'lab',
  dir: '/run/pcmk-lab/lab',
  sshConfig: '/run/pcmk-lab/lab/ssh_config',
  clusterName: 'home',
  nodes: [
    node('sv1.home.dom', ['sv1.home.dom', 'sv2.home.dom'], 4, false),
    node('sv2.home.dom', ['sv2.home.dom', 'sv1.home.dom'], 4, false),
    node('cl1.home.dom', ['cl1.home.dom', 'cl2.home.dom'], 2, true),
    { ...node('cl2.home.dom', [], 0, false), power: 'off', quorate: undefined, quorum: undefined },
  ],
};
const config = {
  ...defaultQuorumConfig([
    { name: 'sv1.home.dom', nodeid: 1, votes: 2 },
    { name: 'sv2.home.dom', nodeid: 2, votes: 2 },
    { name: 'cl1.home.dom', nodeid: 3, votes: 1 },
    { name: 'cl2.home.dom', nodeid: 4, votes: 1 },
  ]),
  expectedVotes: 8,
};

describe('quorum calculator page', { skip }, () => {
  let browser: Browser;
  let page: Page;
  let profile: string;
  const errors: string[] = [];
  before(async () => {
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-panel-'));
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage({ viewport: { width: 900, height: 760 } });
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    // VS Code's bridge: postMessage from the page goes to the extension, the answer comes back as a message event.
    // The page says 'ready' once; the extension then sends the live lab figures (here: a split lab).
    await page.exposeFunction('extensionCompute', (msg: { type: string; id: number; scenario: Parameters<typeof computeScenario>[0] }) =>
      msg.type === 'ready'
        ? liveMessage(config, splitLab)
        : {
            type: 'result',
            id: msg.id,
            result: computeScenario(msg.scenario),
          },
    );
    // Like VS Code, define acquireVsCodeApi before the page's own script (with the page's nonce).
    const html = quorumPanelHtml('vscode-webview://test', config, 'corosync.conf');
    const nonce = /'nonce-([^']+)'/.exec(html)![1];
    const bridge =
      `<script nonce="${nonce}">window.acquireVsCodeApi = () => ({ postMessage: async (msg) => ` +
      `window.postMessage(await window.extensionCompute(msg), '*') });</script>`;
    await page.setContent(html.replace('<body>', `<body>${bridge}`));
  });
  after(async () => {
    await browser?.close();
    fs.rmSync(profile, { recursive: true, force: true });
  });

  it('shows the all-up verdict, then follows node toggles and option switches', async () => {
    await page.waitForFunction(() => document.getElementById('badge')!.textContent === 'QUORATE');
    assert.equal(await page.textContent('#quorum'), '5');
    assert.equal(await page.textContent('#expected'), '8');
    // Live lab rows beside the prediction: the sv side agrees with the engine, the cl side's claimed quorum does not.
    await page.waitForFunction(() => document.querySelectorAll('#liveRows tr').length === 2);
    const rows = await page.$$eval('#liveRows tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
    assert.deepEqual(rows, [
      [
        'sv1.home.dom, sv2.home.dom',
        'sv1.home.dom sv2.home.dom',
        '4/8 votes · quorum 5 · NOT quorate',
        '4/8 votes · quorum 5 · NOT quorate',
        '= agree',
      ],
      ['cl1.home.dom', 'cl1.home.dom cl2.home.dom', '2/8 votes · quorum 5 · quorate', '2/8 votes · quorum 5 · NOT quorate', '≠ differ'],
    ]);
    assert.match((await page.textContent('#liveNote'))!, /Not reporting \(off or corosync stopped\): cl2\.home\.dom\./);
    await page.click('button.node[data-nodeid="1"]');
    await page.waitForFunction(() => document.getElementById('badge')!.textContent === 'NOT QUORATE');
    assert.equal(await page.textContent('#total'), '4');
    assert.match((await page.textContent('#why'))!, /4 < 5/);
    // Dropping expected_votes back to the sum (6) makes the same failure survivable.
    await page.fill('#expectedVotes', '');
    await page.waitForFunction(() => document.getElementById('badge')!.textContent === 'QUORATE');
    assert.equal(await page.textContent('#quorum'), '4');
    const shot = await page.screenshot({ fullPage: true });
    assert.ok(shot.length > 10_000);
    if (process.env.QUORUM_PANEL_SHOT) fs.writeFileSync(process.env.QUORUM_PANEL_SHOT, shot);
    assert.deepEqual(errors, []);
  });

  it('the policy allows only the nonce: an injected inline script does not run', async () => {
    const html = quorumPanelHtml('vscode-webview://test', config, 'x');
    const nonce = /'nonce-([^']+)'/.exec(html)![1];
    assert.match(html, new RegExp(`<script nonce="${nonce.replace(/[+/]/g, '\\$&')}">`));
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.append(s);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    assert.equal(ran, false);
  });

  it('a node name cannot break out of the page', () => {
    const html = quorumPanelHtml(
      'x',
      { ...config, nodes: [{ name: '</script><img src=x onerror=alert(1)>', nodeid: 1, votes: 1 }] },
      '<b>t</b>',
    );
    assert.ok(!html.includes('</script><img'));
    assert.ok(html.includes('&lt;b&gt;t&lt;/b&gt;'));
  });
});
