// Editor features of the quorum family, computed by the votequorum engine from a corosync.conf:
// diagnostics (codes quorum/...), a CodeLens on `quorum` and `nodelist`, an inlay hint with each
// node's share of the votes, and a hover with a table of failure scenarios.
import type { Diagnostic, DiagnosticSeverity, Hover, InlayHint, Position, Range } from 'vscode-languageserver-types';
import type { CsFile, CsSection } from '../corosync/ast';
import { escapeMarkdown } from '../base/markdownEscape';
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
} from '../../../shared/src/quorum/engine';
import * as l10n from '@vscode/l10n';
import { orList } from '../base/orList';

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

/** `1 node`, `3 nodes` in the language of the messages. */
function nodeCount(n: number): string {
  return n === 1 ? l10n.t('1 node') : l10n.t('{0} nodes', n);
}

function listNames(names: string[], max = 4): string {
  if (names.length <= max) return names.length > 1 ? orList([names.slice(0, -1).join(', '), names.at(-1)!]) : (names[0] ?? '');
  return `${names.slice(0, max).join(', ')} … (${nodeCount(names.length)})`;
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
          ? l10n.t(
              'provider "{0}" is not a quorum provider: corosync accepts it but runs without quorum, so Pacemaker cannot tell a majority from a lone node after a split. Use "provider: corosync_votequorum".',
              providerKey.value,
            )
          : l10n.t(
              'No quorum provider: without "provider: corosync_votequorum" in a quorum section corosync computes no quorum, so every partition of a split would keep running resources. Add quorum { provider: corosync_votequorum }.',
            ),
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
        l10n.t(
          'corosync refuses to start votequorum with this quorum section ("{0}"; corosync -t does not check it).',
          settings.startupError,
        ) +
          ' ' +
          (atbQdev
            ? l10n.t('A quorum device already breaks ties: remove auto_tie_breaker, or remove the device.')
            : l10n.t('Change the options named in the message.')),
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
        l10n.t(
          'auto_tie_breaker together with a quorum device: votequorum only tolerates it here because it already switched auto_tie_breaker off (odd number of votes without wait_for_all); add wait_for_all and corosync will refuse to start. Remove auto_tie_breaker: the device breaks ties.',
        ),
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
    out.push(diag(key?.range ?? anchor, 'quorum/option-ignored', l10n.t('{0}. Remove the option or fix what it needs.', note)));
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
          ? l10n.t(
              'quorum becomes {0} instead of {1}, so fewer failures are survived (any {2} instead of more)',
              allUp.quorum,
              natural,
              analysis.anyFailures,
            )
          : l10n.t(
              "votequorum computes quorum {0} from it, the same as from the nodes' votes, so it changes nothing today but will be wrong when nodes are added or removed",
              allUp.quorum,
            );
      if (allUp.quorum === natural) severity = 3;
    } else if (!config.waitForAll && !config.twoNode && startQuorum < natural) {
      effect =
        l10n.t(
          'once every node has joined, votequorum raises expected votes to {0} (quorum {1}), but until then quorum is {2},',
          sum,
          natural,
          startQuorum,
        ) +
        ' ' +
        (2 * startQuorum <= sum
          ? l10n.t('so two groups of nodes that start apart can each be quorate (split brain at start-up)')
          : l10n.t('so fewer nodes than a majority can be quorate at start-up'));
    } else {
      effect = l10n.t(
        'with every node up votequorum raises expected votes to {0} and quorum is {1}, as without it, so it changes nothing',
        sum,
        natural,
      );
      severity = 3;
    }
    out.push(
      diag(
        ev.range,
        'quorum/expected-votes-mismatch',
        l10n.t(
          "expected_votes is {0} but the nodes have {1} votes: {2}. Remove expected_votes (votequorum uses the sum) or change the nodes' quorum_votes.",
          config.expectedVotes,
          sum,
          effect,
        ),
        severity,
      ),
    );
  }
  if (!allUp.quorate) {
    out.push(
      diag(
        ev?.range ?? anchor,
        'quorum/never-quorate',
        (allUp.waitingForAll
          ? l10n.t(
              'Even with every node up the cluster is not quorate ({0} votes present, quorum {1}, wait_for_all waits for {2} votes):',
              allUp.totalVotes,
              allUp.quorum,
              allUp.expectedVotes,
            )
          : l10n.t('Even with every node up the cluster is not quorate ({0} votes present, quorum {1}):', allUp.totalVotes, allUp.quorum)) +
          ' ' +
          l10n.t('Pacemaker will start no resources. Lower expected_votes to the sum of the votes ({0}).', sum),
      ),
    );
  } else if (nodes.length >= 2 && analysis.singleFailureStops.length) {
    const stops = analysis.singleFailureStops;
    out.push(
      diag(
        nodelistAnchor(view) ?? anchor,
        'quorum/single-point-of-failure',
        (stops.length === nodes.length
          ? l10n.t(
              'The loss of any single node stops the cluster (quorum {0} of {1} expected, {2} votes present):',
              allUp.quorum,
              allUp.expectedVotes,
              allUp.totalVotes,
            )
          : l10n.t(
              'The loss of {0} stops the cluster (quorum {1} of {2} expected, {3} votes present):',
              listNames(stops),
              allUp.quorum,
              allUp.expectedVotes,
              allUp.totalVotes,
            )) +
          ' ' +
          (nodes.length === 2
            ? l10n.t('a two-node cluster needs two_node: 1 (with fencing) or a quorum device.')
            : l10n.t('give the other nodes more votes, add a node, or add a quorum device.')),
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
        l10n.t(
          '{0} votes and no tie-breaker: a split into two halves of {1} votes (e.g. {2}) leaves no side quorate and the whole cluster stops. Add auto_tie_breaker: 1, a quorum device, or an odd number of votes.',
          total,
          total / 2,
          `${a.join(', ')} | ${b.join(', ')}`,
        ),
      ),
    );
  }
  const twoNode = q('two_node');
  if (config.twoNode && twoNode && nodes.length !== 2) {
    out.push(
      diag(
        twoNode.range,
        'quorum/two-node-not-two',
        l10n.t(
          'two_node: 1 with {0}: it is meant for exactly 2 nodes. votequorum sets quorum to 1 whenever 2 or fewer nodes remain, so after failures 1 node alone can be quorate, and it also turns on wait_for_all. Remove two_node (or set it to 0).',
          nodeCount(nodes.length),
        ),
      ),
    );
  } else if (config.twoNode && twoNode && settings.notes.some((n) => n.startsWith('two_node'))) {
    out.push(
      diag(
        twoNode.range,
        'quorum/option-ignored',
        l10n.t('two_node and auto_tie_breaker together: votequorum disables two_node. Keep one of them.'),
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
  if (config.provider !== VOTEQUORUM)
    return l10n.t('no quorum provider · {0} · every partition keeps running', nodeCount(config.nodes.length));
  if (settings.startupError)
    return l10n.t('corosync refuses to start votequorum: {0}', settings.startupError.replace(/^configuration error: /, ''));
  const allUp = analysis.allUp;
  const head =
    sum === 1
      ? l10n.t('quorum {0} of {1} expected · 1 vote configured', allUp.quorum, allUp.expectedVotes)
      : l10n.t('quorum {0} of {1} expected · {2} votes configured', allUp.quorum, allUp.expectedVotes, sum);
  if (!allUp.quorate) return head + ' · ' + l10n.t('never quorate, even with all nodes up');
  return head + ' · ' + l10n.t('survives: {0}', survivesText(config, analysis)) + ' · ' + l10n.t('stops if: {0}', stopsText(analysis));
}

function survivesText(config: QuorumConfig, a: ToleranceAnalysis): string {
  if (a.anyFailures >= config.nodes.length - 1 && config.nodes.length > 1)
    return a.anyFailures === 1 ? l10n.t('any 1 node failing') : l10n.t('any {0} nodes failing', a.anyFailures);
  if (a.anyFailures >= 2) return l10n.t('any {0} nodes failing', a.anyFailures);
  if (a.anyFailures === 1) return l10n.t('any one node');
  if (!a.singleFailureSurvived.length) return l10n.t('no node failure');
  // Describe the survivable single losses by vote weight when that is exact.
  const survived = new Set(a.singleFailureSurvived);
  const weights = [...new Set(config.nodes.map((n) => n.votes))];
  const okWeights = weights.filter((w) => config.nodes.filter((n) => n.votes === w).every((n) => survived.has(n.name)));
  const exact = config.nodes.every((n) => survived.has(n.name) === okWeights.includes(n.votes));
  if (exact && okWeights.length === 1) return l10n.t('any one {0}-vote node', okWeights[0]);
  return l10n.t('the loss of {0}', listNames(a.singleFailureSurvived, 3));
}

function stopsText(a: ToleranceAnalysis): string {
  const sets = a.smallestStoppingSets;
  if (!sets.length) return l10n.t('nothing short of every node');
  if (sets[0].length > 3) {
    // Large sets: the size and one example, abbreviated.
    const first = sets[0];
    return l10n.t('{0} nodes fail, e.g. {1}', first.length, `${first.slice(0, 3).join(' + ')} + … + ${first.at(-1)}`);
  }
  const shown = sets.slice(0, 3).map((s) => s.join(' + '));
  const more = a.smallestStoppingSets.length > 3 ? ' or …' : '';
  const which = `${shown.length > 1 ? orList([shown.slice(0, -1).join(', '), shown.at(-1)!]) : shown[0]}${more}`;
  return sets[0].length === 1 ? l10n.t('{0} fails', which) : l10n.t('{0} fail', which);
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
      label: ' ' + l10n.t('{0}/{1} votes ({2}%)', node.votes, sum, pct),
      paddingLeft: true,
      tooltip: l10n.t('{0} holds {1} of the {2} votes of the nodelist', node.name, node.votes, sum),
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
