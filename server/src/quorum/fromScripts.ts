// Quorum facts read from pcs command lines (shell scripts, Markdown memos): `pcs cluster setup`,
// `pcs quorum update`, `pcs quorum expected-votes`, `pcs quorum device add/remove` and
// `pcs cluster node add/remove`, replayed the way pcs 0.10/0.11 changes corosync.conf
// (pcs/lib/corosync/config_facade.py):
// - two_node: 1 is written for exactly 2 nodes, unless auto_tie_breaker=1 or a quorum device is set;
//   re-evaluated after every change (node add/remove, quorum update, device add/remove).
// - `quorum device add` deletes auto_tie_breaker, last_man_standing(_window), allow_downscale and
//   two_node; the device gets `votes: 1` for algorithm ffsplit and no votes otherwise (lms).
// - `quorum update` with a device refuses auto_tie_breaker / last_man_standing(_window); a second
//   `device add` is refused; `key=` (empty value) removes an option.
// - `quorum expected-votes N` changes the running cluster only, and votequorum refuses it when the
//   quorum it gives (N/2+1) exceeds the votes present (exec/votequorum.c, setexpected).
// A command pcs (or votequorum) refuses changes nothing here; reporting the refusal is the pcs rules' job.
import type { Invocation, Range, ScriptExtract, Word } from '../base/types';
import { PCS_LONG_OPTIONS, PCS_SHORT_OPTIONS, SETUP_SECTIONS } from '../pcs/grammar';
import { quorumConfigFromFacts, type PcsQuorumFacts } from './adapters';
import type { QuorumConfig } from '../../../shared/src/quorum/engine';

const QUORUM_OPTIONS = ['auto_tie_breaker', 'last_man_standing', 'last_man_standing_window', 'wait_for_all'];
const QDEVICE_INCOMPATIBLE = ['auto_tie_breaker', 'last_man_standing', 'last_man_standing_window'];
// pcs's getopt options that take a value, from the pcs grammar's tables.
const SHORT_WITH_VALUE = new Set(
  Object.keys(PCS_SHORT_OPTIONS)
    .filter((o) => PCS_SHORT_OPTIONS[o])
    .map((o) => `-${o}`),
);
const LONG_WITH_VALUE = new Set(
  Object.keys(PCS_LONG_OPTIONS)
    .filter((o) => PCS_LONG_OPTIONS[o])
    .map((o) => `--${o}`),
);

/** A pcs command line reduced to what quorum needs: positional words and `--options`. */
interface PcsWords {
  inv: Invocation;
  positional: Word[];
  options: Map<string, Word | undefined>;
}

function pcsWords(inv: Invocation): PcsWords {
  const positional: Word[] = [];
  const options = new Map<string, Word | undefined>();
  const argv = inv.argv;
  for (let i = 1; i < argv.length; i++) {
    const w = argv[i];
    const t = w.text;
    if (t === '--') {
      for (let k = i + 1; k < argv.length; k++) positional.push(argv[k]); // no spread: argv can be huge
      break;
    }
    if (t.startsWith('--')) {
      const eq = t.indexOf('=');
      const name = eq >= 0 ? t.slice(0, eq) : t;
      if (eq < 0 && LONG_WITH_VALUE.has(name)) options.set(name, argv[++i]);
      else options.set(name, w);
    } else if (t.length > 1 && t.startsWith('-') && !/^-\d/.test(t)) {
      const name = t.slice(0, 2);
      if (SHORT_WITH_VALUE.has(name) && t.length === 2) i++;
      options.set(name, w);
    } else positional.push(w);
  }
  return { inv, positional, options };
}

function keyValue(word: Word): { key: string; value: string } | undefined {
  const eq = word.text.indexOf('=');
  if (eq <= 0) return undefined;
  return { key: word.text.slice(0, eq), value: word.text.slice(eq + 1) };
}

// ---- the replayed state ----------------------------------------------------------------------------

export interface ScriptQuorumNode {
  name: string;
  word: Word;
}

/** What the pcs lines of one cluster (a setup and what follows it) leave behind. */
export interface ScriptQuorumState {
  /** The cluster name the setup gives (`setup NAME …`, pcs 0.9 `setup --name NAME …`). */
  name?: string;
  setup: Invocation;
  /** The `setup` word (hover target). */
  setupWord: Word;
  nodes: ScriptQuorumNode[];
  /** Quorum options in force, with the word that last set each. */
  options: Map<string, { value: string; word: Word }>;
  device?: { model: string; options: Record<string, string>; word: Word };
  /** The accepted `pcs quorum expected-votes N` (runtime), if any. */
  expectedVotes?: { value: number; word: Word };
  /** `pcs quorum expected-votes` lines votequorum refuses (quorum above the votes present). */
  refusedExpectedVotes: { value: number; word: Word; quorum: number; votes: number }[];
  /** Accepted expected-votes lines, for the mismatch warning. */
  expectedVotesLines: { value: number; word: Word; votes: number }[];
  notes: string[];
}

/** The node a command runs on: its ssh host, else its lab prompt when it names one node. */
function hostOf(inv: Invocation): string | undefined {
  const host = inv.remote?.via === 'ssh' ? inv.remote.host : undefined;
  if (host && !host.dynamic) return host.text.replace(/^[^@]*@/, '');
  const nodes = inv.prompt?.nodes.filter((n) => n !== '*') ?? [];
  return nodes.length === 1 ? nodes[0] : undefined;
}

/**
 * The pcs commands that matter for quorum, in order, and the cluster states they build. A command
 * changes the cluster of the node it runs on (prompt, ssh host) when that node is a member of one,
 * else the cluster set up last above it.
 */
export function replayPcsQuorum(invocations: readonly Invocation[], start?: ScriptQuorumState): ScriptQuorumState[] {
  const states: ScriptQuorumState[] = [];
  let cur: ScriptQuorumState | undefined = start;
  const ownerOf = (host: string | undefined) =>
    host ? [...states].reverse().find((s) => s.nodes.some((n) => n.name === host || n.name.split('.')[0] === host)) : undefined;
  for (const inv of invocations) {
    if (inv.command !== 'pcs') continue;
    // a prompt on a member node puts the following prompt-less lines on its cluster
    const prompted = inv.prompt && states.length ? ownerOf(hostOf({ ...inv, remote: undefined })) : undefined;
    if (!mentionsQuorumCommand(inv)) {
      if (prompted) cur = prompted;
      continue;
    }
    const p = pcsWords(inv);
    const [a, b, c] = p.positional.map((w) => w.text);
    if (a === 'cluster' && b === 'setup') {
      const next = setupState(p);
      if (next) {
        states.push(next);
        // typed on a member of another cluster (a DR lab sets the recovery site up from node1): stay there
        cur = prompted && !next.nodes.some((n) => prompted.nodes.some((m) => m.name === n.name)) ? prompted : next;
      }
      continue;
    }
    if (prompted) cur = prompted;
    const owner = ownerOf(hostOf(inv));
    const target = owner ?? cur;
    if (!target) continue;
    if (target !== cur) {
      applyQuorumCommand(target, p, a, b, c);
      continue;
    }
    if (a === 'cluster' && b === 'node' && (c === 'add' || c === 'remove' || c === 'delete')) nodeChange(cur, p, c);
    else if (a === 'quorum' && b === 'update') quorumUpdate(cur, p.positional.slice(2));
    else if (a === 'quorum' && b === 'expected-votes') expectedVotes(cur, p.positional[2]);
    else if (a === 'quorum' && b === 'device' && c === 'add') deviceAdd(cur, p.positional.slice(3));
    else if (a === 'quorum' && b === 'device' && (c === 'remove' || c === 'delete')) cur.device = undefined;
  }
  return states;
}

function applyQuorumCommand(
  state: ScriptQuorumState,
  p: PcsWords,
  a: string | undefined,
  b: string | undefined,
  c: string | undefined,
): void {
  if (a === 'cluster' && b === 'node' && (c === 'add' || c === 'remove' || c === 'delete')) nodeChange(state, p, c);
  else if (a === 'quorum' && b === 'update') quorumUpdate(state, p.positional.slice(2));
  else if (a === 'quorum' && b === 'expected-votes') expectedVotes(state, p.positional[2]);
  else if (a === 'quorum' && b === 'device' && c === 'add') deviceAdd(state, p.positional.slice(3));
  else if (a === 'quorum' && b === 'device' && (c === 'remove' || c === 'delete')) state.device = undefined;
}

/** Cheap pre-filter: most pcs lines (resources, constraints) never name `cluster` or `quorum`. */
function mentionsQuorumCommand(inv: Invocation): boolean {
  const argv = inv.argv;
  for (let i = 1; i < argv.length && i < 6; i++) {
    const t = argv[i].text;
    if (t === 'cluster' || t === 'quorum') return true;
  }
  return false;
}

function setupState(p: PcsWords): ScriptQuorumState | undefined {
  const setupWord = p.positional[1];
  const rest = p.positional.slice(2);
  const state: ScriptQuorumState = {
    setup: p.inv,
    setupWord,
    nodes: [],
    options: new Map(),
    refusedExpectedVotes: [],
    expectedVotesLines: [],
    notes: [],
  };
  if (p.options.has('--name')) {
    // pcs 0.9: `pcs cluster setup --name NAME node1[,addr2] node2 ... [--wait_for_all=1 ...]`
    const nameWord = p.options.get('--name');
    state.name = nameWord && !nameWord.text.startsWith('--name') ? nameWord.text : nameWord?.text.split('=')[1];
    for (const w of rest) {
      if (w.dynamic && !w.values) return undefined;
      for (const name of w.values ?? [w.text]) state.nodes.push({ name: name.split(',')[0], word: w });
    }
    for (const key of QUORUM_OPTIONS) {
      const w = p.options.get(`--${key}`);
      const kv = w && keyValue({ ...w, text: w.text.replace(/^--/, '') });
      if (w && kv) state.options.set(key, { value: kv.value, word: w });
    }
  } else {
    const [nameWord, ...words] = rest; // rest[0] is the cluster name
    if (nameWord && !nameWord.dynamic) state.name = nameWord.text;
    let section: string | undefined;
    for (const w of words) {
      if (SETUP_SECTIONS.has(w.text)) {
        section = w.text;
        continue;
      }
      const kv = keyValue(w);
      if (section === undefined && !kv) {
        // `node$i` in a loop gives each value; an unresolved `$NODES` could be any number of nodes.
        if (w.dynamic && !w.values) return undefined;
        for (const name of w.values ?? [w.text]) state.nodes.push({ name, word: w });
      } else if (section === 'quorum' && kv && QUORUM_OPTIONS.includes(kv.key) && kv.value !== '')
        state.options.set(kv.key, { value: kv.value, word: w });
    }
  }
  if (!rest.length || !state.nodes.length) return undefined;
  return state;
}

function nodeChange(state: ScriptQuorumState, p: PcsWords, verb: string): void {
  const names = p.positional.slice(3);
  if (verb === 'add') {
    const w = names[0];
    if (w && !keyValue(w) && !state.nodes.some((n) => n.name === w.text)) state.nodes.push({ name: w.text, word: w });
    return;
  }
  const gone = new Set(names.map((w) => w.text));
  state.nodes = state.nodes.filter((n) => !gone.has(n.name));
}

function quorumUpdate(state: ScriptQuorumState, words: Word[]): void {
  const pairs = words.map((w) => ({ w, kv: keyValue(w) }));
  // pcs refuses the whole command for an unknown option, and for ATB/LMS while a device is set.
  if (!pairs.length || pairs.some(({ kv }) => !kv || !QUORUM_OPTIONS.includes(kv.key))) return;
  if (state.device && pairs.some(({ kv }) => QDEVICE_INCOMPATIBLE.includes(kv!.key) && kv!.value !== '')) return;
  for (const { w, kv } of pairs) {
    if (kv!.value === '') state.options.delete(kv!.key);
    else state.options.set(kv!.key, { value: kv!.value, word: w });
  }
}

function deviceAdd(state: ScriptQuorumState, words: Word[]): void {
  if (state.device) return; // pcs: a quorum device is already defined
  const modelAt = words.findIndex((w) => w.text === 'model');
  const modelWord = modelAt >= 0 ? words[modelAt + 1] : undefined;
  if (!modelWord) return;
  const options: Record<string, string> = {};
  for (const w of words.slice(modelAt + 2)) {
    if (w.text === 'heuristics') break;
    const kv = keyValue(w);
    if (kv) options[kv.key] = kv.value;
  }
  for (const key of [...QDEVICE_INCOMPATIBLE]) state.options.delete(key);
  // pcs writes votes: 1 for ffsplit and no votes for other algorithms.
  delete options.votes;
  if (modelWord.text === 'net' && options.algorithm === 'ffsplit') options.votes = '1';
  state.device = { model: modelWord.text, options, word: modelWord };
}

/** Votes present with every node up: the nodes' votes (1 each under pcs) plus the device's. */
export function votesPresent(state: ScriptQuorumState): number {
  const n = state.nodes.length;
  if (!state.device) return n;
  const v = state.device.options.votes;
  return n + (v !== undefined ? Number(v) : n - 1);
}

function expectedVotes(state: ScriptQuorumState, word: Word | undefined): void {
  if (!word || !/^\d+$/.test(word.text)) return;
  const value = Number(word.text);
  const votes = votesPresent(state);
  // votequorum's check, with every node up: quorum = max(N/2+1, votes/2+1) must lie in [votes/2, votes].
  const quorum = Math.max(Math.floor(value / 2) + 1, Math.floor(votes / 2) + 1);
  if (value === 0 || quorum > votes) {
    state.refusedExpectedVotes.push({ value, word, quorum, votes });
    return;
  }
  state.expectedVotes = { value, word };
  state.expectedVotesLines.push({ value, word, votes });
}

// ---- to the engine ---------------------------------------------------------------------------------

export function factsOfState(state: ScriptQuorumState): PcsQuorumFacts {
  const options: Record<string, string> = {};
  for (const [key, { value }] of state.options) options[key] = value;
  return {
    nodes: state.nodes.map((n) => ({ name: n.name, range: n.word.range })),
    options: [options],
    expectedVotes: state.expectedVotes ? String(state.expectedVotes.value) : undefined,
    device: state.device ? { model: state.device.model, options: { ...state.device.options } } : undefined,
  };
}

/** The engine's view of a replayed state, with pcs's own two_node rule. */
export function configOfState(state: ScriptQuorumState): QuorumConfig {
  const config = quorumConfigFromFacts(factsOfState(state));
  config.twoNode = state.nodes.length === 2 && state.options.get('auto_tie_breaker')?.value !== '1' && !state.device;
  return config;
}

/**
 * The quorum facts of one document: its last `pcs cluster setup` and the pcs quorum/node lines
 * after it. `anchor` is the setup command's range (for a lens). Undefined without a setup.
 */
export function quorumFactsFromExtract(extract: ScriptExtract): { facts: PcsQuorumFacts; anchor: Range } | undefined {
  const state = replayPcsQuorum(extract.invocations).at(-1);
  return state ? { facts: factsOfState(state), anchor: state.setup.range } : undefined;
}

/** A QuorumConfig read from scripts, with what the reader wants the user to know. */
export type ScriptQuorumConfig = QuorumConfig & { notes: string[] };

/**
 * The cluster a workspace's scripts build: the last `pcs cluster setup` in the order of `extracts`
 * (then document order), with every later pcs quorum/node line of any file applied on top.
 */
export function quorumConfigFromScripts(extracts: readonly ScriptExtract[]): ScriptQuorumConfig | undefined {
  const all: Invocation[] = [];
  for (const e of extracts) for (const inv of e.invocations) if (inv.command === 'pcs') all.push(inv);
  const states = replayPcsQuorum(all);
  const state = states.at(-1);
  if (!state) return undefined;
  const notes = [...state.notes];
  if (states.length > 1) {
    const names = states.map((s) => s.setupWord && pcsWords(s.setup).positional[2]?.text).filter(Boolean);
    notes.push(`${states.length} pcs cluster setup commands found (${names.join(', ')}); the last one is used`);
  }
  for (const r of state.refusedExpectedVotes)
    notes.push(
      `pcs quorum expected-votes ${r.value} is refused by votequorum (quorum ${r.quorum} > ${r.votes} votes present) and is ignored`,
    );
  return Object.assign(configOfState(state), { notes });
}

/** One cluster of the workspace's scripts, with its name when the setup gives one. */
export type NamedScriptQuorumConfig = ScriptQuorumConfig & { name?: string };

/**
 * Every cluster the workspace's scripts set up (a DR lab has two), in the order of their first setup.
 * A later setup of the same name replaces the earlier one (the lab re-created that cluster); each
 * pcs quorum/node line changes the cluster of the node it runs on, else the one set up last above it.
 */
export function quorumConfigsFromScripts(extracts: readonly ScriptExtract[]): NamedScriptQuorumConfig[] {
  const all: Invocation[] = [];
  for (const e of extracts) for (const inv of e.invocations) if (inv.command === 'pcs') all.push(inv);
  const states = replayPcsQuorum(all);
  const byName = new Map<string, ScriptQuorumState>();
  const order: string[] = [];
  states.forEach((state, i) => {
    const k = state.name ?? `#${i}`;
    if (!byName.has(k)) order.push(k);
    byName.set(k, state);
  });
  return order.map((k) => {
    const state = byName.get(k)!;
    const notes = [...state.notes];
    for (const r of state.refusedExpectedVotes)
      notes.push(
        `pcs quorum expected-votes ${r.value} is refused by votequorum (quorum ${r.quorum} > ${r.votes} votes present) and is ignored`,
      );
    const config: NamedScriptQuorumConfig = Object.assign(configOfState(state), { notes });
    if (state.name) config.name = state.name;
    return config;
  });
}

/**
 * The cluster a script position is about, for the calculator: the cluster of the last `pcs cluster
 * setup` of `own` at or above `line` (the setup's lens passes its line), else the last one `own` sets
 * up, else the workspace's last cluster; its figures come from every script (quorumConfigsFromScripts).
 */
export function quorumConfigForScript(
  extracts: readonly ScriptExtract[],
  own: ScriptExtract | undefined,
  line?: number,
): ScriptQuorumConfig | undefined {
  const clusters = quorumConfigsFromScripts(extracts);
  if (!clusters.length) return undefined;
  const mine = own ? replayPcsQuorum(own.invocations) : [];
  const above = line === undefined ? mine : mine.filter((s) => s.setup.range.start.line <= line);
  const wanted = (above.length ? above : mine).at(-1)?.name;
  const found = wanted !== undefined ? clusters.filter((c) => c.name === wanted).at(-1) : undefined;
  if (found) return found;
  if (clusters.length === 1 || wanted === undefined) {
    const last = clusters[clusters.length - 1];
    if (clusters.length > 1)
      last.notes.push(
        `${clusters.length} clusters set up (${clusters.map((c) => c.name ?? '(unnamed)').join(', ')}); this is the last one`,
      );
    return last;
  }
  return clusters[clusters.length - 1];
}
