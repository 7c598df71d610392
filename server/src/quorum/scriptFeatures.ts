// Quorum features of shell scripts and Markdown memos: every `pcs cluster setup` gets the same lens
// and failure-scenario hover as a corosync.conf, computed from the setup and the pcs quorum/node
// lines after it in the same document (see ./fromScripts). Diagnostics use the quorum/... codes where
// they can happen through pcs; what pcs itself refuses is left to the pcs rules. Options pcs manages
// itself (two_node, and auto_tie_breaker next to a device) cannot go wrong through pcs.
import type { Diagnostic, DiagnosticSeverity, Hover, Position, Range } from 'vscode-languageserver-types';
import type { ScriptExtract, Word } from '../base/types';
import { rangeContains as inside } from '../base/position';
import { diagnostic } from '../base/diagnostic';
import { analyzeTolerance, resolveQuorumSettings, type QuorumConfig } from '../../../shared/src/quorum/engine';
import { scenarioMarkdown, summaryTitle, untiedEvenSplit } from './features';
import { configOfState, replayPcsQuorum, type ScriptQuorumState } from './fromScripts';
import * as l10n from '@vscode/l10n';
import { orList } from '../base/orList';

const ERROR: DiagnosticSeverity = 1;
const WARNING: DiagnosticSeverity = 2;

interface Cluster {
  state: ScriptQuorumState;
  config: QuorumConfig;
}

// One replay per extract object: lenses, diagnostics and hover ask for the same one.
const cache = new WeakMap<ScriptExtract, Cluster[]>();
function clustersOf(extract: ScriptExtract): Cluster[] {
  let clusters = cache.get(extract);
  if (!clusters) {
    clusters = replayPcsQuorum(extract.invocations).map((state) => ({ state, config: configOfState(state) }));
    cache.set(extract, clusters);
  }
  return clusters;
}

function diag(range: Range, code: string, message: string, severity: DiagnosticSeverity = WARNING): Diagnostic {
  return diagnostic(range, severity, code, message);
}

function span(from: Word, to: Word): Range {
  return { start: from.range.start, end: to.range.end };
}

/** The node words of a setup, as one range (first node to last node written in the setup). */
function nodesRange(state: ScriptQuorumState): Range {
  const inSetup = state.nodes.filter(
    (n) => n.word.range.start.line >= state.setup.range.start.line && n.word.range.end.line <= state.setup.range.end.line,
  );
  return inSetup.length ? span(inSetup[0].word, inSetup.at(-1)!.word) : state.setupWord.range;
}

export function scriptQuorumCodeLenses(extract: ScriptExtract): { range: Range; title: string }[] {
  return clustersOf(extract).map(({ state, config }) => ({ range: state.setup.range, title: summaryTitle(config) }));
}

export function scriptQuorumDiagnostics(extract: ScriptExtract): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const cluster of clustersOf(extract)) clusterDiagnostics(cluster, out);
  return out;
}

function clusterDiagnostics({ state, config }: Cluster, out: Diagnostic[]): void {
  const nodes = config.nodes;
  const sum = nodes.length; // pcs gives every node 1 vote
  for (const r of state.refusedExpectedVotes) {
    out.push(
      diag(
        r.word.range,
        'quorum/expected-votes-refused',
        (r.votes === 1
          ? l10n.t('expected-votes {0} would need quorum {1} but the cluster has only 1 vote:', r.value, r.quorum)
          : l10n.t('expected-votes {0} would need quorum {1} but the cluster has only {2} votes:', r.value, r.quorum, r.votes)) +
          ' ' +
          l10n.t(
            'votequorum refuses the change (pcs reports an error) and nothing changes. Use a value whose majority the nodes can reach (at most {0}), or none at all.',
            2 * r.votes - 1,
          ),
        ERROR,
      ),
    );
  }
  for (const line of state.expectedVotesLines) {
    if (line.value === line.votes) continue;
    const natural = Math.floor(line.votes / 2) + 1;
    const quorum = Math.max(Math.floor(line.value / 2) + 1, natural);
    const effect =
      line.value > line.votes
        ? l10n.t('quorum becomes {0} instead of {1}, so fewer node failures are survived', quorum, natural)
        : l10n.t(
            'with every node up nothing changes (votequorum keeps quorum {0}), but run while nodes are down it lowers quorum to {1}, so a minority can become quorate (split brain without fencing)',
            natural,
            Math.floor(line.value / 2) + 1,
          );
    out.push(
      diag(
        line.word.range,
        'quorum/expected-votes-mismatch',
        l10n.t(
          'expected-votes {0} differs from the {1} votes of the cluster: {2}. It changes only the running cluster, not corosync.conf. Leave expected votes at {1}.',
          line.value,
          line.votes,
          effect,
        ),
      ),
    );
  }
  if (!nodes.length) return;
  const settings = resolveQuorumSettings(config);
  const optionWord = (key: string) => state.options.get(key)?.word.range ?? state.setupWord.range;
  if (settings.startupError) {
    out.push(
      diag(
        optionWord(settings.startupError.includes('last_man_standing') ? 'last_man_standing' : 'auto_tie_breaker'),
        'quorum/refused-at-startup',
        l10n.t(
          'pcs writes these quorum options, but corosync refuses to start votequorum with them ("{0}"). Change the options named in the message (e.g. add wait_for_all=1).',
          settings.startupError,
        ),
        ERROR,
      ),
    );
    return;
  }
  for (const note of settings.notes) {
    if (note.startsWith('two_node')) continue; // pcs drops two_node itself when auto_tie_breaker is on
    const key = note.startsWith('auto_tie_breaker') ? 'auto_tie_breaker' : note.startsWith('last_man') ? 'last_man_standing' : undefined;
    out.push(
      diag(
        key ? optionWord(key) : state.setupWord.range,
        'quorum/option-ignored',
        l10n.t('{0}. Remove the option or fix what it needs.', note),
      ),
    );
  }
  const analysis = analyzeTolerance(config);
  const allUp = analysis.allUp;
  if (allUp.quorate && nodes.length >= 2 && analysis.singleFailureStops.length) {
    const stops = analysis.singleFailureStops;
    out.push(
      diag(
        nodesRange(state),
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
              orList(stops),
              allUp.quorum,
              allUp.expectedVotes,
              allUp.totalVotes,
            )) +
          ' ' +
          (nodes.length === 2
            ? l10n.t(
                'with auto_tie_breaker pcs leaves two_node out; remove auto_tie_breaker=1 so pcs writes two_node: 1 (with fencing), or add a quorum device.',
              )
            : l10n.t('add a node or a quorum device.')),
      ),
    );
  }
  const untied = untiedEvenSplit(config, analysis, sum);
  if (untied) {
    const [a, b] = untied;
    out.push(
      diag(
        nodesRange(state),
        'quorum/even-split',
        l10n.t(
          '{0} nodes and no tie-breaker: a split into two halves of {1} (e.g. {2}) leaves no side quorate and the whole cluster stops. Add `quorum auto_tie_breaker=1` to the setup (or `pcs quorum update auto_tie_breaker=1`), a quorum device (`pcs quorum device add model net host=... algorithm=ffsplit`), or an odd number of nodes.',
          sum,
          sum / 2,
          `${a.join(', ')} | ${b.join(', ')}`,
        ),
      ),
    );
  }
}

/** The failure-scenario table, on the `setup` word of a `pcs cluster setup` line. */
export function scriptQuorumHover(extract: ScriptExtract, pos: Position): Hover | null {
  for (const { state, config } of clustersOf(extract)) {
    if (!inside(state.setupWord.range, pos)) continue;
    return { contents: { kind: 'markdown', value: scenarioMarkdown(config) }, range: state.setupWord.range };
  }
  return null;
}
