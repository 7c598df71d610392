// `pcmk-lsp quorum [--format text|json] FILE [--down NAME,...]`: votequorum figures for a
// corosync.conf, or for a shell script / Markdown memo (the corosync.conf it writes in a heredoc,
// else the cluster its pcs lines build: `pcs cluster setup`, `pcs quorum ...`). `--down` means: every node was up together, then these failed at once.
// JSON (stable contract, see docs/rules/quorum.md):
//   { expectedVotes, totalVotes, quorum, quorate, nodes: [{name, nodeid, votes, up}], tolerates: {...}, ... }
// A memo that sets up several clusters (a DR pair) adds `clusters: [{name, ...the same fields}]`, one per
// cluster; the top level stays the last cluster set up, as before.
// Exit status: 0 quorate, 1 not quorate, 2 bad input.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { closest } from 'fastest-levenshtein';
import { initParsers } from '../parsing/treeSitter';
import { parseCorosync } from '../corosync/parse';
import { quorumConfigFromCorosync } from '../quorum/adapters';
import { quorumConfigsFromScripts } from '../quorum/fromScripts';
import { extractScript } from '../shell/extract';
import { isCorosyncConfPath } from '../base/paths';
import { afterFailure, analyzeTolerance, resolveQuorumSettings, VOTEQUORUM, type QuorumConfig } from '../../../shared/src/quorum/engine';
import { summaryTitle } from '../quorum/features';
import * as l10n from '@vscode/l10n';

const usage = () => l10n.t('usage: {0}', 'pcmk-lsp quorum [--format text|json] FILE [--down NAME,...]') + '\n';

export interface QuorumReport {
  file: string;
  provider: string | null;
  expectedVotes: number;
  totalVotes: number;
  quorum: number;
  quorate: boolean;
  nodes: { name: string; nodeid: number; votes: number; up: boolean }[];
  tolerates: {
    /** Largest k such that ANY k nodes failing at once (from all up) keep quorum; -1 if never quorate. */
    anyFailures: number;
    /** Nodes whose loss alone keeps / stops quorum. */
    singleFailures: { survived: string[]; stops: string[] };
    /** The smallest sets of nodes whose simultaneous loss stops the cluster (up to 5). */
    smallestStoppingSets: string[][];
    /** Failure sets (of all 2^n) that keep quorum, counted without listing them; null above 32 nodes. */
    survivingSets: number | null;
    totalSets: number | null;
    evenSplit: {
      possible: boolean;
      example: [string[], string[]] | null;
      outcome: string | null;
      tieBreaker: string | null;
      decidedBy?: string | null;
    };
    /** The worst failure sets behind anyFailures: `survived` keeps quorum, `stops` (one node more) does not; null when nothing short of every node stops it. */
    worstCase?: { survived: string[]; stops: string[] | null };
    /** last_man_standing in effect: failures spread over time, in steps of the worst failures the nodes up can take, the window passing between steps. */
    lastManStanding?: {
      window: number;
      downTo: number;
      tieBreakerLast: boolean;
      stages: { up: number; tolerates: number; failed: string[] }[];
    } | null;
    /** What the figures assume (quorum device, allow_downscale, last_man_standing), in words. */
    assumptions?: string[];
  };
  waitingForAll: boolean;
  byTieBreaker: boolean;
  /** corosync's own message when it refuses to start votequorum with this file. */
  startupError: string | null;
  notes: string[];
  summary: string;
  /** Several clusters (a DR pair, booth sites): one report per cluster, the top level being the last. */
  clusters?: (QuorumReport & { name: string | null })[];
}

interface Args {
  format: 'text' | 'json';
  file?: string;
  down: string[];
}

function parseArgs(args: string[]): Args | string {
  const out: Args = { format: 'text', down: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (name: string) => {
      if (a.includes('=')) return a.slice(a.indexOf('=') + 1);
      const v = args[++i];
      if (v === undefined) throw new Error(l10n.t('{0} needs a value', name));
      return v;
    };
    try {
      if (a === '--format' || a.startsWith('--format=')) {
        const f = value('--format');
        if (f !== 'text' && f !== 'json') return l10n.t('unknown format "{0}" (use text or json)', f);
        out.format = f;
      } else if (a === '--down' || a.startsWith('--down=')) {
        out.down.push(
          ...value('--down')
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        );
      } else if (a === '-h' || a === '--help') return '';
      else if (a.startsWith('-')) return l10n.t('unknown option "{0}"', a);
      else if (out.file) return l10n.t('only one FILE is allowed (got "{0}" and "{1}")', out.file, a);
      else out.file = a;
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (!out.file) return l10n.t('FILE is missing');
  return out;
}

/** Resolves names (as in the nodelist: name, ring0_addr) or node ids to node ids. */
function resolveDown(config: QuorumConfig, names: string[]): number[] | string {
  const ids: number[] = [];
  for (const name of names) {
    const node =
      config.nodes.find((n) => n.name === name) ?? (/^\d+$/.test(name) ? config.nodes.find((n) => n.nodeid === Number(name)) : undefined);
    if (!node) {
      const known = config.nodes.map((n) => n.name);
      return known.length
        ? l10n.t(
            '--down: no node "{0}" in the nodelist; did you mean "{1}"? (nodes: {2}; node ids work too)',
            name,
            closest(name, known),
            known.join(', '),
          )
        : l10n.t('--down: no node "{0}" in the nodelist', name);
    }
    if (!ids.includes(node.nodeid)) ids.push(node.nodeid);
  }
  return ids;
}

export function quorumReport(file: string, config: QuorumConfig, down: number[]): QuorumReport {
  const settings = resolveQuorumSettings(config);
  const state = afterFailure(config, down);
  const a = analyzeTolerance(config);
  return {
    file,
    provider: config.provider ?? null,
    expectedVotes: state.expectedVotes,
    totalVotes: state.totalVotes,
    quorum: state.quorum,
    quorate: state.quorate,
    nodes: config.nodes.map((n) => ({ name: n.name, nodeid: n.nodeid, votes: n.votes, up: !down.includes(n.nodeid) })),
    tolerates: {
      anyFailures: a.anyFailures,
      singleFailures: { survived: a.singleFailureSurvived, stops: a.singleFailureStops },
      smallestStoppingSets: a.smallestStoppingSets,
      survivingSets: a.survivingSets ?? null,
      totalSets: a.totalSets ?? null,
      evenSplit: {
        possible: a.evenSplit.possible,
        example: a.evenSplit.example ?? null,
        outcome: a.evenSplit.outcome ?? null,
        tieBreaker: a.evenSplit.tieBreaker ?? null,
        decidedBy: a.evenSplit.decidedBy ?? null,
      },
      worstCase: a.worstCase,
      lastManStanding: a.lastManStanding ?? null,
      assumptions: a.assumptions,
    },
    waitingForAll: state.waitingForAll,
    byTieBreaker: state.byTieBreaker,
    startupError: settings.startupError ?? null,
    notes: settings.notes,
    summary: summaryTitle(config, a),
  };
}

function formatText(r: QuorumReport): string {
  const lines: string[] = [];
  const down = r.nodes.filter((n) => !n.up).map((n) => n.name);
  lines.push(`${r.file}: ${r.summary}`);
  if (r.provider !== VOTEQUORUM) lines.push(l10n.t('no quorum provider: corosync computes no quorum, every partition keeps running'));
  else if (r.startupError) lines.push(l10n.t('corosync refuses to start votequorum: {0}', r.startupError));
  lines.push(down.length ? l10n.t('all nodes up, then failed at once: {0}', down.join(', ')) : l10n.t('all nodes up'));
  for (const n of r.nodes)
    lines.push(
      `  ${n.up ? 'up  ' : 'DOWN'}  ${n.name} (${n.votes === 1 ? l10n.t('id {0}, {1} vote', n.nodeid, n.votes) : l10n.t('id {0}, {1} votes', n.nodeid, n.votes)})`,
    );
  lines.push(`expected votes ${r.expectedVotes}, total votes ${r.totalVotes}, quorum ${r.quorum}`);
  const why = r.quorate ? (r.byTieBreaker ? ' (by auto_tie_breaker)' : '') : r.waitingForAll ? ' (wait_for_all)' : '';
  lines.push(`quorate: ${r.quorate ? 'yes' : 'no'}${why}`);
  const t = r.tolerates;
  if (t.anyFailures >= 0)
    lines.push(
      t.anyFailures === 1
        ? l10n.t('tolerates any 1 simultaneous node failure')
        : l10n.t('tolerates any {0} simultaneous node failures', t.anyFailures),
    );
  const setText = (s: string[]) => (s.length > 6 ? `${s.length} nodes (${s.slice(0, 3).join(' + ')} + … + ${s.at(-1)})` : s.join(' + '));
  if (t.smallestStoppingSets.length) {
    const sets = t.smallestStoppingSets[0].length > 6 ? t.smallestStoppingSets.slice(0, 1) : t.smallestStoppingSets;
    lines.push(
      sets.length < t.smallestStoppingSets.length
        ? l10n.t('smallest loss that stops it: {0} (and others; --format json lists examples)', sets.map(setText).join(' | '))
        : l10n.t('smallest loss that stops it: {0}', sets.map(setText).join(' | ')),
    );
  }
  if (t.evenSplit.possible && t.evenSplit.example) {
    const outcome =
      t.evenSplit.outcome === 'no-side'
        ? l10n.t('no side stays quorate')
        : t.evenSplit.outcome === 'one-side'
          ? t.evenSplit.tieBreaker
            ? l10n.t('one side stays quorate (the one with {0})', t.evenSplit.tieBreaker)
            : t.evenSplit.decidedBy === 'quorum device'
              ? l10n.t('one side stays quorate (the one the quorum device votes for)')
              : l10n.t('one side stays quorate')
          : t.evenSplit.outcome === 'mixed'
            ? l10n.t('the outcome depends on the split')
            : l10n.t('too many nodes to work out every split');
    lines.push(l10n.t('even split ({0} | {1}): {2}', t.evenSplit.example[0].join(','), t.evenSplit.example[1].join(','), outcome));
  }
  const lms = t.lastManStanding;
  if (lms)
    lines.push(
      l10n.t(
        'last_man_standing (window {0} ms): failing in steps {1}, quorate down to {2}',
        lms.window,
        lms.stages.map((s) => s.up).join(' → '),
        (lms.downTo === 1 ? l10n.t('1 node') : l10n.t('{0} nodes', lms.downTo)) +
          (lms.tieBreakerLast ? ' ' + l10n.t('(1 if the last node is the tie-breaker)') : ''),
      ),
    );
  for (const note of t.assumptions ?? []) if (!note.startsWith('last_man_standing')) lines.push(l10n.t('assumes: {0}', note));
  for (const note of r.notes) lines.push(l10n.t('note: {0}', note));
  return lines.join('\n') + '\n';
}

export async function runQuorumCli(args: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    if (parsed) err(`pcmk-lsp quorum: ${parsed}\n`);
    err(usage());
    return parsed ? 2 : 0;
  }
  let text: string;
  try {
    text = await fs.promises.readFile(parsed.file!, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    err(
      `pcmk-lsp quorum: ${l10n.t('cannot read {0}: {1}', parsed.file!, code === 'ENOENT' ? l10n.t('no such file') : code === 'EISDIR' ? l10n.t('it is a folder') : (e as Error).message)}\n`,
    );
    return 2;
  }
  await initParsers();
  const source = quorumSource(parsed.file!, text);
  if (typeof source === 'string') {
    err(`pcmk-lsp quorum: ${source}\n`);
    return 2;
  }
  const { config, notes } = source;
  for (const w of source.warnings) err(`${parsed.file}:${w.line + 1}: warning: ${w.message}\n`);
  if (source.clusters && source.clusters.length > 1) return severalClusters(parsed, source.clusters, out, err);
  const down = resolveDown(config, parsed.down);
  if (typeof down === 'string') {
    err(`pcmk-lsp quorum: ${down}\n`);
    return 2;
  }
  const report = quorumReport(parsed.file!, config, down);
  report.notes.push(...notes);
  out(parsed.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : formatText(report));
  return report.quorate ? 0 : 1;
}

/** Several clusters: `--down` names are looked up in each; every cluster gets its report. */
function severalClusters(
  parsed: Args,
  clusters: NonNullable<QuorumSource['clusters']>,
  out: (s: string) => void,
  err: (s: string) => void,
): number {
  const missing = parsed.down.filter((name) => !clusters.some((c) => typeof resolveDown(c.config, [name]) !== 'string'));
  if (missing.length) {
    const known = clusters.flatMap((c) => c.config.nodes.map((n) => n.name));
    err(`pcmk-lsp quorum: ${l10n.t('--down: no node "{0}" in any cluster (nodes: {1})', missing[0], known.join(', '))}\n`);
    return 2;
  }
  const reports = clusters.map((c) => {
    const down = resolveDown(
      c.config,
      parsed.down.filter((name) => typeof resolveDown(c.config, [name]) !== 'string'),
    ) as number[];
    const report = quorumReport(parsed.file!, c.config, down);
    report.notes.push(...c.notes);
    return Object.assign({ name: c.name ?? null }, report);
  });
  const names = reports.map((r) => r.name ?? '(unnamed)');
  const last = reports[reports.length - 1];
  const top: QuorumReport = {
    ...last,
    notes: [
      ...last.notes,
      `${reports.length} clusters set up (${names.join(', ')}): each has its figures in "clusters"; these top-level figures are the last one's (${names[names.length - 1]})`,
    ],
  };
  delete (top as { name?: unknown }).name;
  top.clusters = reports;
  if (parsed.format === 'json') out(JSON.stringify(top, null, 2) + '\n');
  else out(reports.map((r) => `${l10n.t('cluster {0}', r.name ?? l10n.t('(unnamed)'))}\n${formatText(r)}`).join('\n'));
  return reports.every((r) => r.quorate) ? 0 : 1;
}

interface QuorumSource {
  config: QuorumConfig;
  notes: string[];
  warnings: { line: number; message: string }[];
  /** Each cluster the pcs lines set up, when they set up more than one. */
  clusters?: { name?: string; config: QuorumConfig; notes: string[] }[];
}

const SCRIPT_NAME = /\.(sh|bash|md|markdown|txt)$/i;

/**
 * Where the quorum figures come from: a corosync.conf as such; else (a script or memo, known by its
 * name, a `#!` line, or a corosync parse without nodes) the corosync.conf it writes in a heredoc;
 * else its pcs lines. A string says why there is nothing to compute.
 */
function quorumSource(name: string, text: string): QuorumSource | string {
  const looksLikeScript = SCRIPT_NAME.test(name) || text.startsWith('#!');
  if (!looksLikeScript) {
    const { file } = parseCorosync(text);
    const config = quorumConfigFromCorosync(file);
    if (config.nodes.length) {
      const warnings = file.syntaxErrors.map((e) => ({
        line: e.range.start.line,
        message: l10n.t('{0} (corosync would refuse this file)', e.message),
      }));
      return { config, notes: [], warnings };
    }
  }
  const kind = /\.(md|markdown)$/i.test(name) ? 'markdown' : 'shell';
  const { extract } = extractScript(text, kind);
  const written = extract.files.filter((f) => isCorosyncConfPath(f.path));
  for (const f of written.reverse()) {
    const { file } = parseCorosync(f.content);
    const config = quorumConfigFromCorosync(file);
    if (!config.nodes.length) continue;
    const first = f.contentRange.start.line;
    const warnings = file.syntaxErrors.map((e) => ({
      line: first + e.range.start.line,
      message: l10n.t('{0} (in the {1} it writes; corosync would refuse it)', e.message, f.path),
    }));
    return { config, notes: [`computed from the ${path.basename(f.path)} written at line ${first + 1}`], warnings };
  }
  const fromPcs = quorumConfigsFromScripts([extract]).filter((c) => c.nodes.length);
  if (fromPcs.length) {
    const how = 'computed from the pcs commands (pcs cluster setup and the pcs quorum/node lines after it)';
    const clusters = fromPcs.map(({ notes, name, ...config }) => ({ name, config: config as QuorumConfig, notes: [how, ...notes] }));
    const last = clusters[clusters.length - 1];
    return { config: last.config, notes: last.notes, warnings: [], ...(clusters.length > 1 ? { clusters } : {}) };
  }
  return looksLikeScript
    ? l10n.t('{0} has neither a corosync.conf heredoc with nodes nor a pcs cluster setup; there is no quorum to compute', name)
    : l10n.t('{0} has no nodelist with nodes; there is no quorum to compute', name);
}
