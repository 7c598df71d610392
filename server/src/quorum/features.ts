// Editor features of the quorum family, computed by the votequorum engine from a corosync.conf:
// diagnostics (codes quorum/...), a CodeLens on `quorum` and `nodelist`, an inlay hint with each
// node's share of the votes, and a hover with a table of failure scenarios.
import type { Diagnostic, DiagnosticSeverity, Hover, InlayHint, Position, Range } from 'vscode-languageserver-types';
import type { CsFile, CsSection } from '../corosync/ast';
import { escapeMarkdown } from '../service/markdownEscape';
import { rangeContains as inside } from '../base/position';
import { diagnostic } from '../base/diagnostic';
import { keyOf, quorumViewOfCorosync, type CorosyncQuorumView } from './adapters';
import {
  afterFailure,
  analyzeTolerance,
  failureState,
  resolveQuorumSettings,
  VOTEQUORUM,
  type QuorumConfig,
  type ToleranceAnalysis,
} from './engine';

const WARNING: DiagnosticSeverity = 2;
const ERROR: DiagnosticSeverity = 1;

/** One view per CsFile object: diagnostics, lenses, hints and hover all ask for the same one. */
const views = new WeakMap<CsFile, CorosyncQuorumView>();
function viewOf(file: CsFile): CorosyncQuorumView {
  let view = views.get(file);
  if (!view) {
    view = quorumViewOfCorosync(file);
    views.set(file, view);
  }
  return view;
}

function diag(range: Range, code: string, message: string, severity: DiagnosticSeverity = WARNING): Diagnostic {
  return diagnostic(range, severity, code, message);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function listNames(names: string[], max = 4): string {
  if (names.length <= max) return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? '');
  return `${names.slice(0, max).join(', ')} … (${names.length} nodes)`;
}

/**
 * The two halves of a clean even split that leaves no side quorate, when nothing breaks the tie
 * (no auto_tie_breaker, no quorum device) in a cluster of more than two nodes; else undefined.
 */
export function untiedEvenSplit(config: QuorumConfig, analysis: ToleranceAnalysis, votes: number): [string[], string[]] | undefined {
  const settings = resolveQuorumSettings(config);
  const { evenSplit, allUp } = analysis;
  if (!allUp.quorate || config.nodes.length <= 2 || votes % 2 !== 0 || settings.atb !== 'none' || config.qdevice) return undefined;
  return evenSplit.possible && evenSplit.outcome === 'no-side' ? (evenSplit.example as [string[], string[]]) : undefined;
}

export function quorumDiagnostics(file: CsFile): Diagnostic[] {
  const view = viewOf(file);
  const { quorum, nodelist, config } = view;
  const out: Diagnostic[] = [];
  if (!nodelist && !quorum) return out;
  const anchor = quorum?.nameRange ?? nodelist!.nameRange;
  const providerKey = keyOf(quorum, 'provider');
  if (config.provider !== VOTEQUORUM) {
    out.push(
      diag(
        providerKey?.valueRange ?? anchor,
        'quorum/no-provider',
        providerKey
          ? `provider "${providerKey.value}" is not a quorum provider: corosync accepts it but runs without quorum, so Pacemaker cannot tell a majority from a lone node after a split. Use "provider: corosync_votequorum".`
          : `No quorum provider: without "provider: corosync_votequorum" in a quorum section corosync computes no quorum, so every partition of a split would keep running resources. Add quorum { provider: corosync_votequorum }.`,
      ),
    );
    return out;
  }
  const nodes = config.nodes;
  if (!nodes.length) return out;
  // Two nodes with one nodeid: corosync refuses the file (corosync/duplicate-nodeid says so), and
  // votequorum would count them as one node, so any figure given here would contradict the other.
  if (
    new Set(view.nodeSections.map((n) => keyOf(n, 'nodeid')?.value.trim()).filter((v) => v)).size <
    view.nodeSections.filter((n) => keyOf(n, 'nodeid')?.value.trim()).length
  )
    return out;
  const settings = resolveQuorumSettings(config);
  const sum = settings.nodelistVotes;
  const q = (key: string) => keyOf(quorum, key);

  if (settings.startupError) {
    const atbQdev = settings.startupError.includes('auto_tie_breaker') && settings.startupError.includes('device');
    const at = (atbQdev ? q('auto_tie_breaker') : undefined) ?? q('last_man_standing') ?? q('two_node') ?? anchor;
    out.push(
      diag(
        'range' in at ? at.range : at,
        atbQdev ? 'quorum/atb-with-qdevice' : 'quorum/refused-at-startup',
        `corosync refuses to start votequorum with this quorum section ("${settings.startupError}"; corosync -t does not check it). ` +
          (atbQdev
            ? 'A quorum device already breaks ties: remove auto_tie_breaker, or remove the device.'
            : 'Change the options named in the message.'),
        ERROR,
      ),
    );
    return out;
  }
  if (config.qdevice && config.autoTieBreaker) {
    out.push(
      diag(
        q('auto_tie_breaker')?.range ?? anchor,
        'quorum/atb-with-qdevice',
        'auto_tie_breaker together with a quorum device: votequorum only tolerates it here because it already switched auto_tie_breaker off (odd number of votes without wait_for_all); add wait_for_all and corosync will refuse to start. Remove auto_tie_breaker: the device breaks ties.',
      ),
    );
  }
  for (const note of settings.notes) {
    const key = note.startsWith('two_node')
      ? q('two_node')
      : note.startsWith('auto_tie_breaker')
        ? q('auto_tie_breaker')
        : note.startsWith('last_man')
          ? q('last_man_standing')
          : note.startsWith('allow_downscale')
            ? q('allow_downscale')
            : undefined;
    if (note.startsWith('two_node')) continue; // reported below with the two_node checks
    if (config.qdevice && note.startsWith('auto_tie_breaker with an odd')) continue;
    out.push(diag(key?.range ?? anchor, 'quorum/option-ignored', `${note}. Remove the option or fix what it needs.`));
  }

  const ev = q('expected_votes');
  const analysis = analyzeTolerance(config);
  const allUp = analysis.allUp;
  // A cluster that is never quorate gets quorum/never-quorate below, which names expected_votes.
  if (config.expectedVotes !== undefined && ev && config.expectedVotes !== sum && !config.qdevice && allUp.quorate) {
    const natural = afterFailure({ ...config, expectedVotes: undefined }, []).quorum;
    // votequorum never lets expected votes stay below the votes it sees, so with every node up a
    // low expected_votes gives the same quorum as the sum; it matters only before all have joined.
    const startQuorum = Math.floor(config.expectedVotes / 2) + 1;
    let effect: string;
    let severity = WARNING;
    if (config.expectedVotes > sum) {
      effect =
        allUp.quorum !== natural
          ? `quorum becomes ${allUp.quorum} instead of ${natural}, so fewer failures are survived (any ${analysis.anyFailures} instead of more)`
          : `votequorum computes quorum ${allUp.quorum} from it, the same as from the nodes' votes, so it changes nothing today but will be wrong when nodes are added or removed`;
      if (allUp.quorum === natural) severity = 3;
    } else if (!config.waitForAll && !config.twoNode && startQuorum < natural) {
      effect =
        `once every node has joined, votequorum raises expected votes to ${sum} (quorum ${natural}), but until then quorum is ${startQuorum}, ` +
        (2 * startQuorum <= sum
          ? 'so two groups of nodes that start apart can each be quorate (split brain at start-up)'
          : 'so fewer nodes than a majority can be quorate at start-up');
    } else {
      effect = `with every node up votequorum raises expected votes to ${sum} and quorum is ${natural}, as without it, so it changes nothing`;
      severity = 3;
    }
    out.push(
      diag(
        ev.range,
        'quorum/expected-votes-mismatch',
        `expected_votes is ${config.expectedVotes} but the nodes have ${sum} votes: ${effect}. Remove expected_votes (votequorum uses the sum) or change the nodes' quorum_votes.`,
        severity,
      ),
    );
  }
  if (!allUp.quorate) {
    out.push(
      diag(
        ev?.range ?? anchor,
        'quorum/never-quorate',
        `Even with every node up the cluster is not quorate (${allUp.totalVotes} votes present, quorum ${allUp.quorum}${allUp.waitingForAll ? ', wait_for_all waits for ' + allUp.expectedVotes + ' votes' : ''}): Pacemaker will start no resources. Lower expected_votes to the sum of the votes (${sum}).`,
      ),
    );
  } else if (nodes.length >= 2 && analysis.singleFailureStops.length) {
    const stops = analysis.singleFailureStops;
    out.push(
      diag(
        nodelistAnchor(view) ?? anchor,
        'quorum/single-point-of-failure',
        `The loss of ${stops.length === nodes.length ? 'any single node' : listNames(stops)} stops the cluster (quorum ${allUp.quorum} of ${allUp.expectedVotes} expected, ${allUp.totalVotes} votes present): ` +
          (nodes.length === 2
            ? 'a two-node cluster needs two_node: 1 (with fencing) or a quorum device.'
            : 'give the other nodes more votes, add a node, or add a quorum device.'),
      ),
    );
  }
  const total = sum;
  const untied = untiedEvenSplit(config, analysis, total);
  if (untied) {
    const [a, b] = untied;
    out.push(
      diag(
        quorum?.nameRange ?? anchor,
        'quorum/even-split',
        `${total} votes and no tie-breaker: a split into two halves of ${total / 2} votes (e.g. ${a.join(', ')} | ${b.join(', ')}) leaves no side quorate and the whole cluster stops. Add auto_tie_breaker: 1, a quorum device, or an odd number of votes.`,
      ),
    );
  }
  const twoNode = q('two_node');
  if (config.twoNode && twoNode && nodes.length !== 2) {
    out.push(
      diag(
        twoNode.range,
        'quorum/two-node-not-two',
        `two_node: 1 with ${plural(nodes.length, 'node')}: it is meant for exactly 2 nodes. votequorum sets quorum to 1 whenever 2 or fewer nodes remain, so after failures 1 node alone can be quorate, and it also turns on wait_for_all. Remove two_node (or set it to 0).`,
      ),
    );
  } else if (config.twoNode && twoNode && settings.notes.some((n) => n.startsWith('two_node'))) {
    out.push(
      diag(
        twoNode.range,
        'quorum/option-ignored',
        'two_node and auto_tie_breaker together: votequorum disables two_node. Keep one of them.',
      ),
    );
  }
  return out;
}

function nodelistAnchor(view: CorosyncQuorumView): Range | undefined {
  return view.nodelist?.nameRange;
}

// ---- lenses, hints, hover ---------------------------------------------------------------------------

/** Short text of what the cluster survives and what stops it (the lens line). */
export function summaryTitle(config: QuorumConfig, analysis: ToleranceAnalysis = analyzeTolerance(config)): string {
  const settings = resolveQuorumSettings(config);
  const sum = settings.nodelistVotes;
  if (config.provider !== VOTEQUORUM) return `no quorum provider · ${plural(config.nodes.length, 'node')} · every partition keeps running`;
  if (settings.startupError) return `corosync refuses to start votequorum: ${settings.startupError.replace(/^configuration error: /, '')}`;
  const allUp = analysis.allUp;
  const head = `quorum ${allUp.quorum} of ${allUp.expectedVotes} expected · ${plural(sum, 'vote')} configured`;
  if (!allUp.quorate) return `${head} · never quorate, even with all nodes up`;
  return `${head} · survives: ${survivesText(config, analysis)} · stops if: ${stopsText(analysis)}`;
}

function survivesText(config: QuorumConfig, a: ToleranceAnalysis): string {
  if (a.anyFailures >= config.nodes.length - 1 && config.nodes.length > 1) return `any ${plural(a.anyFailures, 'node')} failing`;
  if (a.anyFailures >= 2) return `any ${a.anyFailures} nodes failing`;
  if (a.anyFailures === 1) return 'any one node';
  if (!a.singleFailureSurvived.length) return 'no node failure';
  // Describe the survivable single losses by vote weight when that is exact.
  const survived = new Set(a.singleFailureSurvived);
  const weights = [...new Set(config.nodes.map((n) => n.votes))];
  const okWeights = weights.filter((w) => config.nodes.filter((n) => n.votes === w).every((n) => survived.has(n.name)));
  const exact = config.nodes.every((n) => survived.has(n.name) === okWeights.includes(n.votes));
  if (exact && okWeights.length === 1) return `any one ${okWeights[0]}-vote node`;
  return `the loss of ${listNames(a.singleFailureSurvived, 3)}`;
}

function stopsText(a: ToleranceAnalysis): string {
  const sets = a.smallestStoppingSets;
  if (!sets.length) return 'nothing short of every node';
  if (sets[0].length > 3) {
    // Large sets: the size and one example, abbreviated.
    const first = sets[0];
    return `${first.length} nodes fail, e.g. ${first.slice(0, 3).join(' + ')} + … + ${first.at(-1)}`;
  }
  const shown = sets.slice(0, 3).map((s) => s.join(' + '));
  const more = a.smallestStoppingSets.length > 3 ? ' or …' : '';
  return `${shown.length > 1 ? shown.slice(0, -1).join(', ') + ' or ' + shown.at(-1) : shown[0]}${more} fail${sets[0].length === 1 ? 's' : ''}`;
}

export function quorumCodeLenses(file: CsFile): { range: Range; title: string }[] {
  const view = viewOf(file);
  if (!view.config.nodes.length) return [];
  const title = summaryTitle(view.config);
  const out: { range: Range; title: string }[] = [];
  for (const section of [view.quorum, view.nodelist]) if (section) out.push({ range: section.nameRange, title });
  return out;
}

/** One hint per node section; with `lines`, only for the sections that overlap those lines (the editor's visible range). */
export function quorumInlayHints(file: CsFile, lines?: { start: number; end: number }): InlayHint[] {
  const view = viewOf(file);
  const sum = view.config.nodes.reduce((s, n) => s + n.votes, 0);
  if (!sum) return [];
  const hints: InlayHint[] = [];
  view.nodeSections.forEach((section, i) => {
    if (lines && (section.range.end.line < lines.start || section.range.start.line > lines.end)) return;
    const node = view.config.nodes[i];
    const at = keyOf(section, 'quorum_votes') ?? keyOf(section, 'nodeid') ?? keyOf(section, 'name') ?? keyOf(section, 'ring0_addr');
    const position = at ? at.valueRange.end : section.nameRange.end;
    const pct = Math.round((node.votes / sum) * 100);
    hints.push({
      position,
      label: ` ${node.votes}/${sum} votes (${pct}%)`,
      paddingLeft: true,
      tooltip: `${node.name} holds ${node.votes} of the ${sum} votes of the nodelist`,
    });
  });
  return hints;
}

/** A Markdown table of failure scenarios, on the name of the `quorum` or `nodelist` section. */
export function quorumHover(file: CsFile, pos: Position): Hover | null {
  const view = viewOf(file);
  const section: CsSection | undefined = [view.quorum, view.nodelist].find((s) => s && inside(s.nameRange, pos));
  if (!section || !view.config.nodes.length) return null;
  return { contents: { kind: 'markdown', value: scenarioMarkdown(view.config) }, range: section.nameRange };
}

export function scenarioMarkdown(config: QuorumConfig): string {
  const a = analyzeTolerance(config);
  // Node names come from the file: escaped, so a name cannot become an image, a link or HTML.
  const lines = [`**Quorum** — ${escapeMarkdown(summaryTitle(config, a))}`, ''];
  if (config.provider !== VOTEQUORUM || resolveQuorumSettings(config).startupError) return lines.join('\n');
  lines.push('| scenario (all nodes up, then at once) | votes present | quorum | quorate |', '|---|---:|---:|:---:|');
  const idsOf = new Map<string, number[]>();
  for (const n of config.nodes) {
    const list = idsOf.get(n.name);
    if (list) list.push(n.nodeid);
    else idsOf.set(n.name, [n.nodeid]);
  }
  const row = (label: string, down: string[]) => {
    const ids: number[] = [];
    for (const name of new Set(down)) for (const id of idsOf.get(name) ?? []) ids.push(id);
    const s = failureState(config, ids);
    const mark = s.quorate ? (s.byTieBreaker ? 'yes (tie-breaker)' : 'yes') : s.waitingForAll ? 'no (wait_for_all)' : 'no';
    lines.push(`| ${escapeMarkdown(label)} | ${s.totalVotes} | ${s.quorum} | ${mark} |`);
  };
  row('all nodes up', []);
  const byVotes = new Map<number, string[]>();
  for (const n of config.nodes) {
    const list = byVotes.get(n.votes);
    if (list) list.push(n.name);
    else byVotes.set(n.votes, [n.name]);
  }
  for (const [votes, names] of [...byVotes].sort((x, y) => x[0] - y[0])) {
    row(`${names.length > 1 ? 'any one' : ''} ${votes}-vote node down (${listNames(names, 3)})`.trim(), [names[0]]);
  }
  const setLabel = (set: string[]) =>
    set.length > 4 ? `${set.length} nodes down (${set.slice(0, 3).join(' + ')} + … + ${set.at(-1)})` : `${set.join(' + ')} down`;
  const stopping = a.smallestStoppingSets;
  for (const set of stopping.length && stopping[0].length > 4 ? stopping.slice(0, 1) : stopping.slice(0, 3))
    if (set.length > 1) row(setLabel(set), set);
  if (a.evenSplit.possible && a.evenSplit.example) {
    const [left, right] = a.evenSplit.example;
    const device = a.evenSplit.decidedBy === 'quorum device' ? ' (if the device votes for it)' : '';
    row(`even split, side ${listNames(left, 3)}${device}`, right);
    row(`even split, side ${listNames(right, 3)}${device}`, left);
  }
  lines.push('');
  lines.push(
    a.anyFailures >= 0
      ? `Any ${plural(a.anyFailures, 'node')} may fail at once without losing quorum${a.survivingSets !== undefined ? `; ${a.survivingSets} of ${a.totalSets} failure sets keep it` : ''}.`
      : 'Not quorate even with all nodes up.',
  );
  if (resolveQuorumSettings(config).waitForAll)
    lines.push('', 'wait_for_all: after a cold start the cluster becomes quorate only once every node has been seen together.');
  const lms = a.lastManStanding;
  if (lms) {
    const steps = lms.stages.map((s) => s.up).join(' → ');
    lines.push(
      '',
      `last_man_standing: failures spread over time go further than this table. When ${lms.window} ms pass with no membership change, expected votes drop to the nodes present; ` +
        `failing in steps (at most the number the nodes up can take at once, then the window), it stays quorate down to ${plural(lms.downTo, 'node')} (${steps})` +
        (lms.tieBreakerLast ? ', and down to 1 if the node that stays is the tie-breaker of the last two.' : '.'),
    );
  } else if (config.lastManStanding)
    lines.push('', 'last_man_standing is set but votequorum does not apply it here (see the diagnostics).');
  for (const note of a.assumptions) if (!note.startsWith('last_man_standing')) lines.push('', note);
  return lines.join('\n');
}
