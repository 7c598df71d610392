// The client's plain modules speak the display language: extension.ts hands VS Code's bundle to
// @vscode/l10n (l10n.config({ contents: vscode.l10n.bundle })); here the shipped bundles are loaded by
// configureLanguage (server/src/cli/l10n.ts) into that same module. The quorum calculator's page, the Nodes view of a local lab and the restart notice.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { configureLanguage } from '../../../server/src/cli/l10n';
import { quorumPanelHtml } from '../../../client/src/quorumPanel';
import { labNodeViews, labSummary } from '../../../client/src/lab/labView';
import { ServerRestartPolicy } from '../../../client/src/serverRestarts';
import type { QuorumConfig } from '../../../shared/src/quorum/engine';
import type { LabStatus } from '../../../server/src/lab/lab';

// configureLanguage configures the one @vscode/l10n in node_modules, the one the client modules import
const useBundle = (lang: 'ko' | 'ja' | 'fr') => assert.equal(configureLanguage(lang), undefined);

const config: QuorumConfig = {
  nodes: [
    { nodeid: 1, name: 'node1', votes: 1 },
    { nodeid: 2, name: 'node2', votes: 1 },
  ],
  twoNode: true,
} as QuorumConfig;

const status: LabStatus = {
  name: 'lab',
  dir: '/run/pcmk-lab/lab',
  sshConfig: '/run/pcmk-lab/lab/ssh_config',
  clusterName: 'web',
  nodes: [
    {
      name: 'node1',
      address: '192.168.78.11',
      sshPort: 40000,
      power: 'off',
      fenced: true,
      daemons: { corosync: false, pacemaker: false, pcsd: false },
      memoryKb: 262_144,
      partition: 'br0',
    },
    {
      name: 'node2',
      address: '192.168.78.12',
      sshPort: 40001,
      power: 'on',
      daemons: { corosync: false, pacemaker: false, pcsd: false },
      memoryKb: 262_144,
      partition: 'br0',
    },
  ],
} as LabStatus;

describe('l10n: the client in the display language', () => {
  after(() => configureLanguage('en'));

  it('English when no bundle is given (as in English VS Code)', () => {
    configureLanguage('en');
    const html = quorumPanelHtml('vscode-webview://test', config, 'corosync.conf');
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<h1>Quorum calculator<\/h1>/);
    assert.equal(labSummary(status), 'lab 1/2 on · no cluster yet');
  });

  it('Japanese: the calculator page, its lang attribute and the texts its script writes; option names stay', () => {
    useBundle('ja');
    const html = quorumPanelHtml('vscode-webview://test', config, 'corosync.conf');
    assert.match(html, /<html lang="ja">/);
    assert.match(html, /<h1>クォーラム計算機<\/h1>/);
    assert.match(html, /<span>出席票数<\/span>/);
    assert.match(html, /"NOT_QUORATE":"クォーラムなし"/);
    assert.match(html, /"waiting":"wait_for_all: \{0\} 票すべてがそろうのを待っています"/);
    assert.match(html, /<input type="checkbox" id="twoNode"> two_node<\/label>/);
    assert.doesNotMatch(html, /Quorum calculator|votes present|Reset to the file/);
  });

  it('Korean: the Nodes view of a local lab', () => {
    useBundle('ko');
    const [fenced, bare] = labNodeViews(status);
    assert.equal(fenced!.state, '꺼짐(펜싱됨)');
    assert.equal(bare!.description, 'lab · 켜짐 · 데몬 없음');
    assert.match(
      bare!.tooltip,
      /^node2\(로컬 실습 환경 lab\) · 192\.168\.78\.12\n상태: 켜짐 · 데몬 없음\ncorosync: 실행 중 아님\n이 노드에서 실행 중인 리소스 없음\n메모리: 256 MB/,
    );
    assert.equal(labSummary(status), 'lab 1/2 on · 아직 클러스터 없음');
  });

  it('French: the notice when the language server keeps stopping', () => {
    useBundle('fr');
    let now = 0;
    const policy = new ServerRestartPolicy(1, 60_000, () => now);
    assert.match(policy.onUnexpectedStop().notify!.text, /^Le serveur de langage Pacemaker Lab s'est arrêté de façon inattendue/);
    now = 1000;
    const last = policy.onUnexpectedStop();
    assert.equal(last.restart, false);
    assert.match(last.notify!.text, /^Le serveur de langage Pacemaker Lab s'est arrêté 2 fois en 1 minutes/);
  });
});
