// "Pacemaker: Open quorum calculator": a webview where nodes are toggled up/down and the quorum
// options switched, with the verdict computed live by the same votequorum engine the language
// server uses (the webview posts the scenario, the extension answers with the engine's figures).
import * as crypto from 'node:crypto';
// Types only at load time: the page builder and computeScenario are also tested outside VS Code.
import type * as vscode from 'vscode';
import { afterFailure, analyzeTolerance, simulate, type QuorumConfig } from '../../shared/src/quorum/engine';
import type { QuorumPanelConfig } from '../../shared/src/protocol';
import { currentLabStatus, onLabStatus } from './lab/labStatusHub';
import { liveQuorumView, type LiveQuorumView } from './lab/liveQuorum';
import type { LabStatus } from '../../server/src/lab/lab';
import * as l10n from '@vscode/l10n';

interface Scenario {
  config: QuorumConfig;
  down: number[];
  /** 'failure': all up together, then `down` failed at once. 'cold': only the up nodes started. */
  mode: 'failure' | 'cold';
}

const panels = new Map<string, vscode.WebviewPanel>();
/** The file's configuration each open panel predicts the live lab from. */
const panelConfigs = new Map<string, QuorumConfig>();

/** What the panel's "Live lab" section shows for a lab status (null: no lab is up). */
export function liveMessage(
  config: QuorumConfig,
  status: LabStatus | undefined,
): { type: 'live'; view: LiveQuorumView | null; lab?: string } {
  return status ? { type: 'live', view: liveQuorumView(config, status), lab: status.name } : { type: 'live', view: null };
}

/** The engine's answer for a scenario, as the webview shows it. */
export function computeScenario(s: Scenario) {
  const up = s.config.nodes.map((n) => n.nodeid).filter((id) => !s.down.includes(id));
  const state =
    s.mode === 'cold'
      ? up.length
        ? simulate(s.config, [{ type: 'start', nodes: up }]).final
        : { expectedVotes: 0, totalVotes: 0, quorum: 0, quorate: false, waitingForAll: false, byTieBreaker: false, timingDependent: false }
      : afterFailure(s.config, s.down);
  const tolerance = analyzeTolerance(s.config);
  return {
    expectedVotes: state.expectedVotes,
    totalVotes: state.totalVotes,
    quorum: state.quorum,
    quorate: state.quorate,
    waitingForAll: state.waitingForAll,
    byTieBreaker: state.byTieBreaker,
    summary: (s.config as QuorumPanelConfig).summary ?? '',
    anyFailures: tolerance.anyFailures,
    stopping: tolerance.smallestStoppingSets,
  };
}

export function openQuorumPanel(context: vscode.ExtensionContext, config: QuorumConfig, title: string): void {
  const existing = panels.get(title);
  if (existing) {
    existing.reveal();
    panelConfigs.set(title, config);
    void existing.webview.postMessage({ type: 'config', config });
    void existing.webview.postMessage(liveMessage(config, currentLabStatus()));
    return;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const api: typeof vscode = require('vscode');
  const panel = api.window.createWebviewPanel('pacemakerLab.quorum', l10n.t('Quorum: {0}', title), api.ViewColumn.Beside, {
    enableScripts: true,
    retainContextWhenHidden: true,
    localResourceRoots: [],
  });
  panels.set(title, panel);
  panelConfigs.set(title, config);
  // While a local lab is up: its live corosync-quorumtool figures beside the engine's prediction, every poll.
  const unsubscribe = onLabStatus((status) => void panel.webview.postMessage(liveMessage(panelConfigs.get(title) ?? config, status)));
  panel.onDidDispose(
    () => {
      unsubscribe();
      panels.delete(title);
      panelConfigs.delete(title);
    },
    null,
    context.subscriptions,
  );
  panel.webview.onDidReceiveMessage(
    (message: { type: string; id: number; scenario: Scenario }) => {
      if (message.type === 'ready') {
        void panel.webview.postMessage(liveMessage(panelConfigs.get(title) ?? config, currentLabStatus()));
        return;
      }
      if (message.type !== 'compute') return;
      try {
        void panel.webview.postMessage({ type: 'result', id: message.id, result: computeScenario(message.scenario) });
      } catch (error) {
        void panel.webview.postMessage({ type: 'error', id: message.id, message: (error as Error).message });
      }
    },
    null,
    context.subscriptions,
  );
  panel.webview.html = quorumPanelHtml(panel.webview.cspSource, config, title);
  // The page asks for the live figures once its script runs ('ready'), so the first status is not lost.
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The whole page: theme colours only, no remote resources, scripts allowed by nonce only. */
export function quorumPanelHtml(cspSource: string, config: QuorumConfig, title: string): string {
  const nonce = crypto.randomBytes(16).toString('base64');
  // JSON inside a <script>: escape "<" so a node name can never close the tag.
  const initial = JSON.stringify(config).replace(/</g, '\\u003c');
  const h = escapeHtml;
  // the texts the page's script writes, in the display language (JSON, "<" escaped as above)
  const texts = JSON.stringify({
    vote: l10n.t('id {0} · {1} vote'),
    votes: l10n.t('id {0} · {1} votes'),
    up: l10n.t('UP'),
    down: l10n.t('DOWN'),
    figures: l10n.t('{0}/{1} votes · quorum {2}'),
    quorate: l10n.t('quorate'),
    notQuorate: l10n.t('NOT quorate'),
    QUORATE: l10n.t('QUORATE'),
    NOT_QUORATE: l10n.t('NOT QUORATE'),
    notPartition: l10n.t('not a partition of this file ({0})'),
    agree: l10n.t('= agree'),
    differ: l10n.t('≠ differ'),
    noCorosync: l10n.t('No lab node runs corosync yet.'),
    silent: l10n.t('Not reporting (off or corosync stopped): {0}.'),
    lab: l10n.t('Lab {0}, updated every 5 s.'),
    tieBreaker: l10n.t('kept by auto_tie_breaker'),
    waiting: l10n.t('wait_for_all: waiting to see all {0} votes together'),
  }).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="${h(l10n.t('en'))}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${h(l10n.t('Quorum calculator'))}</title>
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 16px 20px; max-width: 980px; }
  h1 { font-size: 1.3em; font-weight: 600; margin: 0 0 4px; }
  .sub { color: var(--vscode-descriptionForeground); margin-bottom: 16px; }
  .verdict { display: flex; flex-wrap: wrap; align-items: center; gap: 18px; padding: 14px 16px; border-radius: 6px; border: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); background: var(--vscode-editorWidget-background, rgba(128,128,128,.08)); margin-bottom: 16px; }
  .badge { font-weight: 700; letter-spacing: .04em; padding: 6px 12px; border-radius: 4px; color: #fff; min-width: 120px; text-align: center; white-space: nowrap; }
  /* Fixed, strong colours: theme greens are often too pale for white text. */
  .badge.ok { background: #2e7d32; }
  .badge.no { background: #c62828; }
  .figures { display: flex; gap: 22px; }
  .figure b { display: block; font-size: 1.6em; font-variant-numeric: tabular-nums; }
  .figure span { color: var(--vscode-descriptionForeground); font-size: .9em; white-space: nowrap; }
  .why { color: var(--vscode-descriptionForeground); white-space: nowrap; }
  .bar { position: relative; height: 12px; border-radius: 6px; background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, transparent); margin: 4px 0 18px; }
  .bar .fill { position: absolute; inset: 0 auto 0 0; border-radius: 6px; background: var(--vscode-progressBar-background, #0e70c0); }
  .bar .mark { position: absolute; top: -5px; bottom: -5px; width: 2px; background: var(--vscode-editorWarning-foreground); }
  h2 { font-size: 1em; font-weight: 600; text-transform: uppercase; letter-spacing: .06em; color: var(--vscode-descriptionForeground); margin: 18px 0 8px; }
  .nodes { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 8px; }
  .node { display: flex; flex-direction: column; align-items: flex-start; gap: 2px; text-align: left; padding: 10px 12px; border-radius: 6px; cursor: pointer; font: inherit; color: var(--vscode-foreground); background: var(--vscode-editorWidget-background, rgba(128,128,128,.08)); border: 1px solid var(--vscode-focusBorder, #007fd4); }
  .node[aria-pressed="false"] { opacity: .55; border-style: dashed; border-color: var(--vscode-errorForeground); }
  .node .name { font-weight: 600; word-break: break-all; }
  .node .meta { color: var(--vscode-descriptionForeground); font-size: .9em; }
  .node .state { font-size: .85em; font-weight: 600; }
  .node[aria-pressed="true"] .state { color: var(--vscode-testing-iconPassed, #388a34); }
  .node[aria-pressed="false"] .state { color: var(--vscode-errorForeground); }
  .node:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
  .options { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 8px 18px; }
  label { display: flex; align-items: center; gap: 8px; }
  input[type=number], select { background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent); padding: 3px 6px; font: inherit; }
  input[type=number] { width: 6em; }
  .toolbar { display: flex; gap: 8px; margin-top: 16px; }
  .toolbar button { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); border: none; padding: 5px 12px; border-radius: 2px; cursor: pointer; font: inherit; }
  .toolbar button:hover { background: var(--vscode-button-secondaryHoverBackground); }
  .live table { border-collapse: collapse; width: 100%; }
  .live th, .live td { text-align: left; padding: 4px 10px 4px 0; border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,.3)); font-variant-numeric: tabular-nums; }
  .live th { color: var(--vscode-descriptionForeground); font-weight: 600; }
  .live .agree { color: var(--vscode-testing-iconPassed, #388a34); font-weight: 600; }
  .live .differ { color: var(--vscode-errorForeground); font-weight: 600; }
  .live .note { color: var(--vscode-descriptionForeground); margin-top: 6px; }
  .summary { margin-top: 18px; padding: 10px 12px; border-left: 3px solid var(--vscode-textLink-foreground); background: var(--vscode-textBlockQuote-background); }
</style>
</head>
<body>
<h1>${h(l10n.t('Quorum calculator'))}</h1>
<div class="sub">${escapeHtml(title)} · ${h(l10n.t('votequorum as corosync 3 computes it'))} · ${h(l10n.t('click a node to fail it'))}</div>
<div class="verdict" role="status" aria-live="polite">
  <div id="badge" class="badge">…</div>
  <div class="figures">
    <div class="figure"><b id="total">–</b><span>${h(l10n.t('votes present'))}</span></div>
    <div class="figure"><b id="quorum">–</b><span>${h(l10n.t('quorum'))}</span></div>
    <div class="figure"><b id="expected">–</b><span>${h(l10n.t('expected votes'))}</span></div>
  </div>
  <div id="why" class="why"></div>
</div>
<div class="bar" aria-hidden="true"><div id="fill" class="fill"></div><div id="mark" class="mark"></div></div>
<h2>${h(l10n.t('Nodes'))}</h2>
<div id="nodes" class="nodes"></div>
<h2>${h(l10n.t('Options'))}</h2>
<div class="options">
  <label><input type="checkbox" id="twoNode"> two_node</label>
  <label>wait_for_all <select id="waitForAll"><option value="">${h(l10n.t('default'))}</option><option value="1">1</option><option value="0">0</option></select></label>
  <label><input type="checkbox" id="autoTieBreaker"> auto_tie_breaker</label>
  <label>${h(l10n.t('tie-breaker node'))} <select id="atbNode"><option value="lowest">lowest</option><option value="highest">highest</option></select></label>
  <label><input type="checkbox" id="lastManStanding"> last_man_standing</label>
  <label>expected_votes <input type="number" id="expectedVotes" min="1" placeholder="${h(l10n.t('sum'))}"></label>
  <label>${h(l10n.t('scenario'))} <select id="mode"><option value="failure">${h(l10n.t('all up, then these fail'))}</option><option value="cold">${h(l10n.t('cold start of the up nodes'))}</option></select></label>
</div>
<div class="toolbar"><button id="reset">${h(l10n.t('Reset to the file'))}</button><button id="allUp">${h(l10n.t('All nodes up'))}</button></div>
<div id="summary" class="summary"></div>
<section id="live" class="live" hidden>
<h2>${h(l10n.t('Live lab ({0})', 'corosync-quorumtool'))}</h2>
<table><thead><tr><th>${h(l10n.t('seen from'))}</th><th>${h(l10n.t('members'))}</th><th>${h(l10n.t('live'))}</th><th>${h(l10n.t('predicted from the file'))}</th><th></th></tr></thead><tbody id="liveRows"></tbody></table>
<div id="liveNote" class="note"></div>
</section>
<script nonce="${nonce}">
(function () {
  const vscode = acquireVsCodeApi();
  const T = ${texts};
  const fmt = (s, ...a) => s.replace(/\\{(\\d+)\\}/g, (m, i) => (Number(i) < a.length ? String(a[Number(i)]) : m));
  let original = ${initial};
  let config = JSON.parse(JSON.stringify(original));
  let down = new Set();
  let seq = 0;
  const $ = (id) => document.getElementById(id);

  function renderNodes() {
    const box = $('nodes');
    box.textContent = '';
    for (const n of config.nodes) {
      const b = document.createElement('button');
      b.className = 'node';
      b.setAttribute('aria-pressed', String(!down.has(n.nodeid)));
      b.dataset.nodeid = String(n.nodeid);
      const name = document.createElement('span'); name.className = 'name'; name.textContent = n.name;
      const meta = document.createElement('span'); meta.className = 'meta'; meta.textContent = fmt(n.votes === 1 ? T.vote : T.votes, n.nodeid, n.votes);
      const state = document.createElement('span'); state.className = 'state'; state.textContent = down.has(n.nodeid) ? T.down : T.up;
      b.append(name, meta, state);
      b.addEventListener('click', () => { down.has(n.nodeid) ? down.delete(n.nodeid) : down.add(n.nodeid); renderNodes(); compute(); });
      box.append(b);
    }
  }

  function readOptions() {
    config.twoNode = $('twoNode').checked;
    const wfa = $('waitForAll').value;
    if (wfa === '') delete config.waitForAll; else config.waitForAll = wfa === '1';
    config.autoTieBreaker = $('autoTieBreaker').checked;
    if (!Array.isArray(config.autoTieBreakerNode) || $('atbNode').value !== 'list') config.autoTieBreakerNode = $('atbNode').value;
    config.lastManStanding = $('lastManStanding').checked;
    const ev = parseInt($('expectedVotes').value, 10);
    if (ev > 0) config.expectedVotes = ev; else delete config.expectedVotes;
  }

  function writeOptions() {
    $('twoNode').checked = !!config.twoNode;
    $('waitForAll').value = config.waitForAll === undefined ? '' : config.waitForAll ? '1' : '0';
    $('autoTieBreaker').checked = !!config.autoTieBreaker;
    const sel = $('atbNode');
    if (Array.isArray(config.autoTieBreakerNode)) {
      if (!sel.querySelector('option[value=list]')) { const o = document.createElement('option'); o.value = 'list'; o.textContent = 'list ' + config.autoTieBreakerNode.join(' '); sel.append(o); }
      sel.value = 'list';
    } else sel.value = config.autoTieBreakerNode || 'lowest';
    $('lastManStanding').checked = !!config.lastManStanding;
    $('expectedVotes').value = config.expectedVotes ? String(config.expectedVotes) : '';
  }

  function figures(f) {
    return f ? fmt(T.figures, f.totalVotes, f.expectedVotes, f.quorum) + ' · ' + (f.quorate ? T.quorate : T.notQuorate) : '–';
  }

  function renderLive(m) {
    const box = $('live');
    if (!m.view) { box.hidden = true; return; }
    box.hidden = false;
    const body = $('liveRows');
    body.textContent = '';
    for (const r of m.view.rows) {
      const tr = document.createElement('tr');
      tr.className = 'liveRow';
      const cells = [r.seenFrom.join(', '), r.members.join(' '), figures(r.live), r.predicted ? figures(r.predicted) : fmt(T.notPartition, r.unknownMembers.join(' '))];
      for (const text of cells) { const td = document.createElement('td'); td.textContent = text; tr.append(td); }
      const verdict = document.createElement('td');
      verdict.className = r.agree ? 'agree' : 'differ';
      verdict.textContent = r.agree ? T.agree : T.differ;
      tr.append(verdict);
      body.append(tr);
    }
    $('liveNote').textContent = (m.view.rows.length ? '' : T.noCorosync + ' ') +
      (m.view.silent.length ? fmt(T.silent, m.view.silent.join(', ')) + ' ' : '') +
      fmt(T.lab, m.lab);
  }

  function compute() {
    vscode.postMessage({ type: 'compute', id: ++seq, scenario: { config, down: [...down], mode: $('mode').value } });
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type === 'config') { original = m.config; config = JSON.parse(JSON.stringify(original)); down = new Set(); writeOptions(); renderNodes(); compute(); return; }
    if (m.type === 'error') { $('why').textContent = m.message; return; }
    if (m.type === 'live') { renderLive(m); return; }
    if (m.type !== 'result' || m.id !== seq) return;
    const r = m.result;
    const badge = $('badge');
    badge.textContent = r.quorate ? T.QUORATE : T.NOT_QUORATE;
    badge.className = 'badge ' + (r.quorate ? 'ok' : 'no');
    $('total').textContent = r.totalVotes;
    $('quorum').textContent = r.quorum;
    $('expected').textContent = r.expectedVotes;
    $('why').textContent = r.quorate
      ? (r.byTieBreaker ? T.tieBreaker : r.totalVotes + ' ≥ ' + r.quorum)
      : (r.waitingForAll ? fmt(T.waiting, r.expectedVotes) : r.totalVotes + ' < ' + r.quorum);
    const max = Math.max(r.expectedVotes, r.totalVotes, 1);
    $('fill').style.width = (100 * r.totalVotes / max) + '%';
    $('mark').style.left = 'calc(' + (100 * Math.min(r.quorum, max) / max) + '% - 1px)';
    $('summary').textContent = r.summary;
  });

  for (const id of ['twoNode', 'waitForAll', 'autoTieBreaker', 'atbNode', 'lastManStanding', 'expectedVotes', 'mode']) {
    $(id).addEventListener('input', () => { readOptions(); compute(); });
  }
  $('reset').addEventListener('click', () => { config = JSON.parse(JSON.stringify(original)); down = new Set(); writeOptions(); renderNodes(); compute(); });
  $('allUp').addEventListener('click', () => { down = new Set(); renderNodes(); compute(); });
  writeOptions();
  renderNodes();
  compute();
  vscode.postMessage({ type: 'ready' });
})();
</script>
</body>
</html>`;
}
