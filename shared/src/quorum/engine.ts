// The votequorum engine: what corosync's votequorum service (corosync 3.1, exec/votequorum.c)
// computes for a cluster, as pure functions. No I/O, no editor API: the language service, the CLI
// and the calculator webview all run this same code. Proven against `corosync-vqsim` by
// test/oracle/quorum-vqsim.test.ts.
//
// votequorum is history-dependent (wait_for_all, last_man_standing, auto_tie_breaker and the rule
// that quorum never decreases all depend on what happened before), so the core is a small state
// machine fed with a sequence of membership events. The common question "all nodes were up together,
// then these failed at once" is `afterFailure()`.
import type { Range } from 'vscode-languageserver-types';

export type AutoTieBreakerNode = 'lowest' | 'highest' | number[];

export interface QuorumNode {
  name: string;
  nodeid: number;
  /** quorum_votes (1 when not set). */
  votes: number;
  /** Where the node is written (its `node {` section), for editor features. */
  range?: Range;
}

export interface QdeviceConfig {
  /** quorum.device.votes; undefined = not set (votequorum then derives it: node count - 1). */
  votes?: number;
  model: string;
  /** quorum.device.net.algorithm (ffsplit, lms). */
  algorithm?: string;
}

export interface QuorumConfig {
  nodes: QuorumNode[];
  /** quorum.expected_votes; overrides the sum of the nodelist's votes. */
  expectedVotes?: number;
  twoNode: boolean;
  /** quorum.wait_for_all; undefined = not set, which means "on" when two_node is on. */
  waitForAll?: boolean;
  lastManStanding: boolean;
  /** last_man_standing_window in ms (default 10000). */
  lastManStandingWindow: number;
  autoTieBreaker: boolean;
  autoTieBreakerNode: AutoTieBreakerNode;
  allowDownscale: boolean;
  qdevice?: QdeviceConfig;
  /** quorum.provider as written (undefined when missing). Only corosync_votequorum gives quorum. */
  provider?: string;
}

export const VOTEQUORUM = 'corosync_votequorum';
export const DEFAULT_LMS_WINDOW = 10000;

/** A config with every option at corosync's default, for callers that build one step by step. */
export function defaultQuorumConfig(nodes: QuorumNode[] = []): QuorumConfig {
  return {
    nodes,
    twoNode: false,
    lastManStanding: false,
    lastManStandingWindow: DEFAULT_LMS_WINDOW,
    autoTieBreaker: false,
    autoTieBreakerNode: 'lowest',
    allowDownscale: false,
    provider: VOTEQUORUM,
  };
}

type AtbType = 'none' | 'lowest' | 'highest' | 'list';

/** The settings votequorum actually runs with after its own start-up adjustments (votequorum_readconfig). */
export interface EffectiveQuorumSettings {
  /** False when no quorum provider is configured: corosync then has no quorum at all. */
  votequorum: boolean;
  /** corosync refuses to start votequorum with this configuration (its own message). */
  startupError?: string;
  /** Expected votes at start-up, before the "raise to the votes present" rule. */
  configuredExpected: number;
  nodelistVotes: number;
  twoNode: boolean;
  waitForAll: boolean;
  lastManStanding: boolean;
  atb: AtbType;
  atbList: number[];
  allowDownscale: boolean;
  /** Votes the quorum device casts (0 without a device). */
  qdeviceVotes: number;
  /** What votequorum changed on its own, in words (two_node turned off by ATB, ...). */
  notes: string[];
}

export function resolveQuorumSettings(config: QuorumConfig): EffectiveQuorumSettings {
  const notes: string[] = [];
  const nodelistVotes = config.nodes.reduce((sum, n) => sum + n.votes, 0);
  const nodeCount = config.nodes.length;
  const votequorum = config.provider === VOTEQUORUM;
  let twoNode = config.twoNode;
  // two_node switches wait_for_all on; an explicit wait_for_all: 0 still wins.
  const waitForAll = config.waitForAll ?? twoNode;
  let lastManStanding = config.lastManStanding;
  let atb: AtbType = 'none';
  let atbList: number[] = [];
  if (config.autoTieBreaker) {
    const choice = config.autoTieBreakerNode;
    if (choice === 'highest') atb = 'highest';
    else if (Array.isArray(choice) && choice.length) {
      atb = 'list';
      atbList = choice.filter((id) => id > 0);
      if (!atbList.length) atb = 'none';
    } else atb = 'lowest';
    if (atb === 'none')
      notes.push('auto_tie_breaker_node is not lowest, highest or a list of node IDs: votequorum disables auto_tie_breaker');
  }
  const qdev = config.qdevice && config.qdevice.model ? config.qdevice : undefined;
  let qdeviceVotes = qdev?.votes ?? -1;
  let startupError: string | undefined;
  const fail = (message: string) => {
    startupError ??= message;
  };

  if (!nodeCount && !config.expectedVotes) fail('configuration error: nodelist or quorum.expected_votes must be configured!');
  if (twoNode && qdev) fail('configuration error: two_node and quorum device cannot be configured at the same time!');
  if (twoNode && atb !== 'none') {
    notes.push('two_node and auto_tie_breaker are not compatible: votequorum disables two_node');
    twoNode = false;
  }
  if (atb !== 'none' && nodelistVotes % 2 === 1 && !waitForAll) {
    if (lastManStanding) fail('configuration error: auto_tie_breaker & last_man_standing not available in odd sized cluster');
    else {
      notes.push('auto_tie_breaker with an odd number of votes needs wait_for_all: votequorum disables auto_tie_breaker');
      atb = 'none';
    }
  }
  if (qdev && lastManStanding) fail('configuration error: quorum.device is not compatible with last_man_standing');
  if (qdev && atb !== 'none') fail('configuration error: quorum.device is not compatible with auto_tie_breaker');
  if (qdev && config.allowDownscale) fail('configuration error: quorum.device is not compatible with allow_downscale');
  if (config.expectedVotes && qdev && qdeviceVotes === -1)
    fail('configuration error: quorum.device.votes must be specified when quorum.expected_votes is set');
  if (qdev && qdeviceVotes === -1 && nodeCount && nodeCount !== nodelistVotes)
    fail('configuration error: quorum.device.votes must be specified when not all nodes votes 1');
  if (qdeviceVotes > 0 && config.expectedVotes && config.expectedVotes - qdeviceVotes < 2)
    fail('configuration error: quorum.device.votes is too high or expected_votes is too low');

  let nodeExpected = nodelistVotes;
  if (qdev && qdeviceVotes === -1 && !config.expectedVotes && nodeCount && nodeCount === nodelistVotes) {
    qdeviceVotes = nodelistVotes - 1;
    nodeExpected += qdeviceVotes;
  }
  let configuredExpected = nodeCount ? nodeExpected : 1;
  if (config.allowDownscale) {
    // allow_downscale turns on expected-votes tracking, which replaces quorum.expected_votes by the
    // highest value stored on disk. A fresh node has none stored, so the nodelist sum is used.
    if (config.expectedVotes)
      notes.push('allow_downscale: quorum.expected_votes is replaced by the tracked value (nodelist votes on a fresh node)');
  } else if (config.expectedVotes) configuredExpected = config.expectedVotes;
  if (lastManStanding && config.nodes.some((n) => n.votes > 1)) {
    notes.push('last_man_standing works only when every node has 1 vote: votequorum disables it as soon as a node with more votes joins');
    lastManStanding = false;
  }
  return {
    votequorum,
    startupError,
    configuredExpected,
    nodelistVotes,
    twoNode,
    waitForAll,
    lastManStanding,
    atb,
    atbList,
    allowDownscale: config.allowDownscale,
    qdeviceVotes: qdev ? Math.max(0, qdeviceVotes) : 0,
    notes,
  };
}

// ---- the state machine ---------------------------------------------------------------------------

/** One step of a cluster's history, as seen by the nodes that stay together. */
export type QuorumEvent =
  /** These nodes (default: all) start together from nothing. Always the first event. */
  | { type: 'start'; nodes?: number[] }
  /** These nodes fail at once (crash, power, network): the others lose sight of them. */
  | { type: 'fail'; nodes: number[] }
  /** These nodes shut down cleanly (matters only with allow_downscale). */
  | { type: 'leave'; nodes: number[] }
  /** These nodes (re)start and join the partition. */
  | { type: 'join'; nodes: number[] }
  /** last_man_standing_window elapses with no membership change. */
  | { type: 'wait' }
  /** The quorum device starts or stops giving its vote to this partition. */
  | { type: 'qdevice'; voting: boolean };

export interface QuorumState {
  /** Node ids of the partition (the nodes that see each other). */
  members: number[];
  expectedVotes: number;
  /** Votes present (nodes of the partition + the quorum device's vote when it gives it). */
  totalVotes: number;
  quorum: number;
  quorate: boolean;
  /** wait_for_all holds quorum back until all expected votes have been seen together. */
  waitingForAll: boolean;
  /** auto_tie_breaker granted quorum although the votes alone fall short. */
  byTieBreaker: boolean;
  /** A last_man_standing timer is running: after the window, expected votes drop to the nodes present. */
  lmsPending: boolean;
  /**
   * The verdict depends on message timing inside corosync, not only on the history: after a
   * partition of several nodes lost quorum under wait_for_all, a late "I was quorate" message from
   * a peer may or may not clear the wait-for-all state (votequorum.c races here; corosync-vqsim
   * shows both outcomes). `quorate` is the outcome with wait_for_all re-armed.
   */
  timingDependent: boolean;
}

/** Partition-level votequorum state; every member went through the same history, so one copy serves them all. */
class Partition {
  members = new Set<number>();
  previous: number[] = [];
  expected: number;
  quorum = 0;
  quorate = false;
  wfaStatus: boolean;
  lowest = -1;
  highest = -1;
  lmsPending = false;
  qdeviceVoting: boolean;
  byAtb = false;
  evBarrier: number;
  /** wait_for_all was re-armed by a quorum loss among several nodes (see QuorumState.timingDependent). */
  wfaRace = false;
  timingDependent = false;

  constructor(
    private readonly s: EffectiveQuorumSettings,
    private readonly votesOf: Map<number, number>,
  ) {
    this.expected = s.configuredExpected;
    this.evBarrier = s.configuredExpected;
    this.wfaStatus = s.waitForAll;
    this.qdeviceVoting = s.qdeviceVotes > 0;
  }

  private memberVotes(): number {
    let sum = 0;
    for (const id of this.members) sum += this.votesOf.get(id) ?? 0;
    return sum;
  }

  /** votequorum's sync: the membership changes to `next`, then quorum is recalculated. */
  changeMembership(next: Set<number>): void {
    let left = false;
    for (const id of this.members) if (!next.has(id)) left = true;
    if (this.s.lastManStanding) {
      const count = next.size;
      if ((count >= this.quorum && left) || (count <= this.quorum && this.s.atb !== 'none' && next.has(this.lowest))) {
        this.lmsPending = true;
      }
    }
    this.previous = [...this.members];
    this.members = next;
    this.recalculate(false, false);
  }

  lmsWindowElapsed(): void {
    if (!this.lmsPending) return;
    this.lmsPending = false;
    if (this.quorate) this.recalculate(true, true);
  }

  /** A clean shutdown with allow_downscale: the leavers announce it, the rest lower expected votes. */
  cleanLeave(leavers: number[]): void {
    if (!this.s.allowDownscale) return;
    const leaving = new Set(leavers);
    const staying = new Set([...this.members].filter((id) => !leaving.has(id)));
    const saved = this.members;
    this.members = staying;
    this.recalculate(true, true);
    this.members = saved;
  }

  recalculate(allowDecrease: boolean, byCurrentNodes: boolean): void {
    const s = this.s;
    const nodeVotes = this.memberVotes();
    // get_total_votes counts the device's configured votes whether or not it currently votes.
    const allVotes = nodeVotes + s.qdeviceVotes;
    const allCount = this.members.size + (s.qdeviceVotes ? 1 : 0);
    if (allVotes > this.expected) this.expected = allVotes;

    let maxExpected = byCurrentNodes ? allCount : 0;
    if (s.allowDownscale && allowDecrease && maxExpected) maxExpected = Math.max(this.evBarrier, maxExpected);
    const voting = this.qdeviceVoting && s.qdeviceVotes > 0;
    const total = nodeVotes + (voting ? s.qdeviceVotes : 0);
    const totalNodes = this.members.size + (voting ? 1 : 0);
    const highestExpected = maxExpected > 0 ? maxExpected : this.expected;
    let quorum = Math.max((highestExpected + 2) >> 1, (total + 2) >> 1);
    if (!allowDecrease) quorum = Math.max(this.quorum, quorum);
    if (s.twoNode && totalNodes <= 2) quorum = 1;
    this.quorum = quorum & 0xff; // a uint8_t in votequorum.c
    if (byCurrentNodes && allCount) this.expected = allCount;
    this.decide(total);
  }

  private decide(total: number): void {
    const s = this.s;
    this.byAtb = false;
    this.timingDependent = false;
    const wasQuorate = this.quorate;
    if (s.waitForAll && this.wfaStatus) {
      if (total !== this.expected) {
        // Would the votes alone (or the tie-breaker) have given quorum? Then the race matters.
        if (this.wfaRace && (this.quorum <= total || this.atbWouldGrant(total))) this.timingDependent = true;
        this.quorate = false;
        return;
      }
      this.wfaStatus = false;
      this.wfaRace = false;
    }
    let quorate = this.quorum <= total;
    if (quorate) {
      let lowest = Infinity;
      let highest = -Infinity;
      for (const id of this.members) {
        if (id < lowest) lowest = id;
        if (id > highest) highest = id;
      }
      this.lowest = lowest;
      this.highest = highest;
    }
    if (
      s.atb !== 'none' &&
      total === this.expected >> 1 &&
      this.previous.length - this.members.size < this.quorum &&
      this.tieBreakerPresent()
    ) {
      if (!quorate) this.byAtb = true;
      quorate = true;
    }
    this.quorate = quorate;
    if (s.waitForAll) {
      this.wfaStatus = !quorate;
      if (quorate) this.wfaRace = false;
      else if (wasQuorate && this.members.size > 1) this.wfaRace = true;
    }
  }

  private atbWouldGrant(total: number): boolean {
    return (
      this.s.atb !== 'none' &&
      total === this.expected >> 1 &&
      this.previous.length - this.members.size < this.quorum &&
      this.tieBreakerPresent()
    );
  }

  private tieBreakerPresent(): boolean {
    if (this.s.atb === 'lowest') return this.members.has(this.lowest);
    if (this.s.atb === 'highest') return this.members.has(this.highest);
    const list = this.s.atbList;
    for (let i = 0; i < list.length; i++) {
      if (!this.members.has(list[i])) continue;
      // An earlier tie-breaker node that was with us before may be in the other half: no quorum.
      for (let j = 0; j < i; j++) if (this.previous.includes(list[j])) return false;
      return true;
    }
    return false;
  }

  snapshot(): QuorumState {
    const voting = this.qdeviceVoting && this.s.qdeviceVotes > 0;
    return {
      members: [...this.members].sort((a, b) => a - b),
      expectedVotes: this.expected,
      totalVotes: this.memberVotes() + (voting ? this.s.qdeviceVotes : 0),
      quorum: this.quorum,
      quorate: this.quorate,
      waitingForAll: this.s.waitForAll && this.wfaStatus,
      byTieBreaker: this.byAtb,
      lmsPending: this.lmsPending,
      timingDependent: this.timingDependent,
    };
  }
}

export interface SimulationResult {
  settings: EffectiveQuorumSettings;
  /** The state after each event. */
  states: QuorumState[];
  final: QuorumState;
}

/** An error in the events given (unknown node id, ...): the message says what is wrong. */
export class QuorumInputError extends Error {}

/**
 * Runs votequorum through `events` (the first must be a `start`) and returns the state of the
 * partition after each one. Without a quorum provider every state is quorate (corosync then has
 * no quorum to lose); a configuration votequorum refuses to start with is never quorate.
 */
export function simulate(config: QuorumConfig, events: QuorumEvent[]): SimulationResult {
  const settings = resolveQuorumSettings(config);
  const votesOf = new Map<number, number>();
  for (const n of config.nodes) votesOf.set(n.nodeid, n.votes);
  const allIds = config.nodes.map((n) => n.nodeid);
  const check = (ids: number[]) => {
    for (const id of ids) if (!votesOf.has(id)) throw new QuorumInputError(`node id ${id} is not in the nodelist`);
    return ids;
  };
  if (!events.length || events[0].type !== 'start') events = [{ type: 'start' }, ...events];
  const partition = new Partition(settings, votesOf);
  const states: QuorumState[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'start': {
        const ids = check(event.nodes ?? allIds);
        partition.changeMembership(new Set(ids));
        break;
      }
      case 'fail':
      case 'leave': {
        const gone = new Set(check(event.nodes));
        if (event.type === 'leave') partition.cleanLeave([...gone]);
        partition.changeMembership(new Set([...partition.members].filter((id) => !gone.has(id))));
        break;
      }
      case 'join': {
        const ids = check(event.nodes);
        partition.changeMembership(new Set([...partition.members, ...ids]));
        break;
      }
      case 'wait':
        partition.lmsWindowElapsed();
        break;
      case 'qdevice':
        partition.qdeviceVoting = event.voting;
        partition.recalculate(false, false);
        break;
    }
    const state = partition.snapshot();
    if (!settings.votequorum) state.quorate = true;
    else if (settings.startupError) state.quorate = false;
    states.push(state);
  }
  return { settings, states, final: states[states.length - 1] };
}

/** All nodes were up together, then the nodes in `down` failed at once: the survivors' state. */
export function afterFailure(config: QuorumConfig, down: number[]): QuorumState {
  const events: QuorumEvent[] = [{ type: 'start' }];
  if (down.length) events.push({ type: 'fail', nodes: down });
  return simulate(config, events).final;
}

// ---- failure tolerance ---------------------------------------------------------------------------
//
// "All nodes were up together, then the nodes of a set D failed at once." Once all nodes were up and
// quorate, a failure changes neither expected votes E nor quorum Q (quorum never decreases), so the
// survivors' verdict depends on D only through (see Partition.recalculate and decide above):
//   - the votes left, T = votes present with all up - votes of D (a quorum device keeps voting),
//   - |D|: two_node sets quorum to 1 when at most 2 nodes (device included) remain, and
//     auto_tie_breaker grants quorum only when fewer than Q nodes left,
//   - whether the tie-breaker node is in D.
// The survivors are quorate iff T >= Q(|D|), or auto_tie_breaker holds: T == floor(E/2), |D| < Q and
// the tie-breaker node survived. So the worst set of k failures is the k largest vote holders, with
// the tie-breaker node first among equal votes: every answer below comes from the nodes sorted that
// way (O(n log n)), never from enumerating sets. Nodes are array indices, never bits of a mask.

export interface EvenSplitOutcome {
  /** False when the votes cannot be split into two equal halves. */
  possible: boolean;
  /** One such split (node names): first the nodes in file order up to half the votes when that works. */
  example?: [string[], string[]];
  /** What happens in every equal-vote split: no side keeps quorum, exactly one does, or it depends. */
  outcome?: 'no-side' | 'one-side' | 'mixed';
  /** With auto_tie_breaker: the node whose side keeps quorum (lowest/highest id, or the first listed present). */
  tieBreaker?: string;
  /** For the example split: which side stays quorate (index 0/1), or null for none. */
  exampleQuorateSide?: 0 | 1 | null;
  /** Who breaks the tie when exactly one side keeps quorum. With a quorum device, corosync-qnetd gives
   * its vote to one side only (ffsplit and lms: the side with more active nodes, then heuristics, then
   * its tie_breaker); the example rows show each side as if it got the device's vote. */
  decidedBy?: 'auto_tie_breaker' | 'quorum device';
  /** True when the votes are too large to search for a split within the time budget (possible is then false). */
  undecided?: boolean;
}

/** last_man_standing, failures spread over time: the worst failures at each step, the window passing between steps. */
export interface LastManStandingAnalysis {
  /** last_man_standing_window (ms): how long the membership must stay unchanged before expected votes drop. */
  window: number;
  /** Each step: `up` nodes (expected votes = up), and how many of them may fail at once (the worst ones, `failed`). */
  stages: { up: number; tolerates: number; failed: string[] }[];
  /** Failing in such steps (or one at a time), each after the window, the cluster stays quorate down to this many nodes. */
  downTo: number;
  /** With auto_tie_breaker and 2 nodes left: the last node alone keeps quorum if it is the tie-breaker of the two. */
  tieBreakerLast: boolean;
}

export interface ToleranceAnalysis {
  /** Verdict with every node up (after they all started together). */
  allUp: QuorumState;
  /** Largest k (at most nodes - 1) such that every set of at most k nodes failing at once leaves the others quorate (-1 if not quorate all up). */
  anyFailures: number;
  /** Nodes whose loss alone keeps the cluster quorate / stops it. */
  singleFailureSurvived: string[];
  singleFailureStops: string[];
  /** Examples of the smallest sets of nodes whose failure stops the cluster (node names, file order), at most `limit`; not all of them. */
  smallestStoppingSets: string[][];
  /** Number of failure sets (of all 2^n, the empty set included) that keep quorum; counted (not enumerated) up to 32 nodes, else undefined. */
  survivingSets?: number;
  totalSets?: number;
  evenSplit: EvenSplitOutcome;
  /** Always true: the figures hold for every failure set (they are derived, not sampled). Kept for callers. */
  exhaustive: boolean;
  /** The worst failure sets the two figures rest on (node names): anyFailures of them keep quorum, one more stops it (null when nothing short of every node does). */
  worstCase: { survived: string[]; stops: string[] | null };
  /** Present when last_man_standing is in effect: what failures spread over time do. */
  lastManStanding?: LastManStandingAnalysis;
  /** What the figures assume (quorum device, allow_downscale, last_man_standing), in words. */
  assumptions: string[];
}

const cache = new Map<string, ToleranceAnalysis>();
/** The same config object asks again (lens, hover and diagnostics of one file version): no key to build. */
const byObject = new WeakMap<QuorumConfig, Map<number, ToleranceAnalysis>>();

function cacheKey(config: QuorumConfig): string {
  let nodes = '';
  for (const n of config.nodes) nodes += `${n.nodeid}:${n.votes}:${n.name.length}:${n.name}\u0000`;
  return JSON.stringify([
    nodes,
    config.expectedVotes,
    config.twoNode,
    config.waitForAll,
    config.lastManStanding,
    config.lastManStandingWindow,
    config.autoTieBreaker,
    config.autoTieBreakerNode,
    config.allowDownscale,
    config.qdevice,
    config.provider,
  ]);
}

/**
 * Failure-tolerance analysis: starting from all nodes up together, which sets of simultaneous
 * failures the survivors survive. Results are cached per configuration (hover and lenses ask often).
 */
export function analyzeTolerance(config: QuorumConfig, limit = 5): ToleranceAnalysis {
  let mine = byObject.get(config);
  const same = mine?.get(limit);
  if (same) return same;
  const key = cacheKey(config) + '|' + limit;
  const result = cache.get(key) ?? computeTolerance(config, limit);
  if (cache.size > 64) cache.clear();
  cache.set(key, result);
  if (!mine) byObject.set(config, (mine = new Map()));
  mine.set(limit, result);
  return result;
}

/** The partition's figures that a simultaneous failure from "all up, quorate" depends on. */
interface FailureModel {
  nodes: QuorumNode[];
  /** Node indices, most votes first; the tie-breaker node first among equal votes; then file order. */
  order: number[];
  /** prefix[k]: votes of order[0..k-1]. */
  prefix: number[];
  /** Index of the tie-breaker node (-1: none, or auto_tie_breaker off). */
  tb: number;
  /** Position of the tie-breaker node in `order` (n when none). */
  tbPos: number;
  /** Votes present with all up (device included). */
  present: number;
  expected: number;
  quorum: number;
  twoNode: boolean;
  device: boolean;
  atb: boolean;
}

function tieBreakerIndex(nodes: QuorumNode[], s: EffectiveQuorumSettings): number {
  if (s.atb === 'none' || !nodes.length) return -1;
  let best = -1;
  if (s.atb === 'list') {
    const index = new Map<number, number>();
    nodes.forEach((n, i) => {
      if (!index.has(n.nodeid)) index.set(n.nodeid, i);
    });
    for (const id of s.atbList) if (index.has(id)) return index.get(id)!;
    return -1;
  }
  for (let i = 0; i < nodes.length; i++) {
    if (best < 0) best = i;
    else if (s.atb === 'lowest' ? nodes[i].nodeid < nodes[best].nodeid : nodes[i].nodeid > nodes[best].nodeid) best = i;
  }
  return best;
}

function failureModel(nodes: QuorumNode[], s: EffectiveQuorumSettings, present: number, expected: number, quorum: number): FailureModel {
  const tb = tieBreakerIndex(nodes, s);
  const order = nodes.map((_, i) => i);
  order.sort((a, b) => nodes[b].votes - nodes[a].votes || (a === tb ? -1 : b === tb ? 1 : a - b));
  const prefix = [0];
  for (const i of order) prefix.push(prefix[prefix.length - 1] + nodes[i].votes);
  const tbPos = tb < 0 ? nodes.length : order.indexOf(tb);
  return {
    nodes,
    order,
    prefix,
    tb,
    tbPos,
    present,
    expected,
    quorum,
    twoNode: s.twoNode,
    device: s.qdeviceVotes > 0,
    atb: s.atb !== 'none' && tb >= 0,
  };
}

/** Quorum after k of the model's nodes failed at once. */
function quorumAfter(m: FailureModel, k: number): number {
  return m.twoNode && m.nodes.length - k + (m.device ? 1 : 0) <= 2 ? 1 : m.quorum;
}

/** Do the survivors keep quorum when k nodes holding `lost` votes failed at once (tbLost: the tie-breaker among them)? */
function survivesLoss(m: FailureModel, k: number, lost: number, tbLost: boolean): boolean {
  const total = m.present - lost;
  const q = quorumAfter(m, k);
  if (total >= q) return true;
  return m.atb && !tbLost && total === m.expected >> 1 && k < q;
}

/** The worst k failures of the model: node indices. */
function worstSet(m: FailureModel, k: number): number[] {
  return m.order.slice(0, k);
}

/** Smallest k in 1..n-1 whose worst set stops the cluster (0: none does). */
function smallestStop(m: FailureModel): number {
  const n = m.nodes.length;
  for (let k = 1; k < n; k++) if (!survivesLoss(m, k, m.prefix[k], m.tbPos < k)) return k;
  return 0;
}

/** Node names of a set of indices, in file order (no sort: a mark per node). */
function names(m: FailureModel, indices: number[]): string[] {
  const marked = new Uint8Array(m.nodes.length);
  for (const i of indices) marked[i] = 1;
  const out: string[] = [];
  for (let i = 0; i < marked.length; i++) if (marked[i]) out.push(m.nodes[i].name);
  return out;
}

/**
 * Examples of stopping sets of size k: the worst set, then the sets one swap away from it that also
 * stop (each swap of a member for a non-member gives a different set, so none repeats).
 */
function stoppingExamples(m: FailureModel, k: number, limit: number): number[][] {
  const n = m.nodes.length;
  const worst = worstSet(m, k);
  const out: number[][] = [worst];
  let tries = 0;
  for (let i = k - 1; i >= 0 && out.length < limit; i--) {
    for (let j = k; j < n && out.length < limit && tries++ < 400; j++) {
      const drop = m.order[i];
      const add = m.order[j];
      const lost = m.prefix[k] - m.nodes[drop].votes + m.nodes[add].votes;
      const tbLost = m.tb >= 0 && (add === m.tb || (m.tbPos < k && drop !== m.tb));
      if (!survivesLoss(m, k, lost, tbLost)) out.push(worst.map((x) => (x === drop ? add : x)));
    }
  }
  return out;
}

/** Failure sets (of all 2^n) that keep quorum, counted by (size, votes lost) without listing them; undefined when too large. */
function countSurvivingSets(m: FailureModel): number | undefined {
  const n = m.nodes.length;
  const total = m.nodes.reduce((s, x) => s + x.votes, 0);
  if (n > 32 || (n + 1) * (total + 1) > 2_000_000) return undefined;
  // ways[k * (total + 1) + v]: sets of k nodes other than the tie-breaker holding v votes.
  const width = total + 1;
  let ways = new Float64Array((n + 1) * width);
  ways[0] = 1;
  m.nodes.forEach((node, i) => {
    if (i === m.tb) return;
    const next = ways.slice();
    for (let k = 0; k < n; k++)
      for (let v = 0; v + node.votes <= total; v++) {
        const w = ways[k * width + v];
        if (w) next[(k + 1) * width + v + node.votes] += w;
      }
    ways = next;
  });
  const tbVotes = m.tb >= 0 ? m.nodes[m.tb].votes : 0;
  let count = 0;
  for (let k = 0; k <= n; k++)
    for (let v = 0; v <= total; v++) {
      const w = ways[k * width + v];
      if (!w) continue;
      if (k === 0 || survivesLoss(m, k, v, false)) count += w;
      if (m.tb >= 0 && k + 1 <= n && survivesLoss(m, k + 1, v + tbVotes, true)) count += w;
    }
  return count;
}

function assumptionsOf(config: QuorumConfig, s: EffectiveQuorumSettings): string[] {
  const out: string[] = [];
  if (s.qdeviceVotes > 0) {
    const algorithm = config.qdevice?.algorithm ?? 'ffsplit';
    out.push(
      `quorum device (${algorithm}): its ${s.qdeviceVotes} vote${s.qdeviceVotes === 1 ? '' : 's'} count for the surviving nodes (qnetd reachable; when the other nodes are down the survivors are the only partition it sees, and ${algorithm} votes for it). In a split the device votes for one side only.`,
    );
  }
  if (config.allowDownscale)
    out.push(
      'allow_downscale: nodes shut down cleanly lower expected votes; failures (crash, power, network) do not, so the figures are those of failures.',
    );
  if (s.lastManStanding)
    out.push(
      `last_man_standing: the figures are for failures at once; when failures are spread over time, each time ${config.lastManStandingWindow} ms pass with no change, expected votes drop to the nodes present and fewer votes keep quorum.`,
    );
  return out;
}

interface Prepared {
  settings: EffectiveQuorumSettings;
  allUp: QuorumState;
  /** The closed form applies: votequorum runs, all up is quorate, node ids are distinct. */
  model?: FailureModel;
  indexOf: Map<number, number>;
  /** Node ids in increasing order in the file (members then need no sorting). */
  idsSorted: boolean;
}
const prepared = new WeakMap<QuorumConfig, Prepared>();

/** Settings, the all-up state (the state machine) and the failure model of a config, once per config object. */
function prepare(config: QuorumConfig): Prepared {
  let p = prepared.get(config);
  if (p) return p;
  const settings = resolveQuorumSettings(config);
  const allUp = afterFailure(config, []);
  const indexOf = new Map<number, number>();
  config.nodes.forEach((x, i) => indexOf.set(x.nodeid, i));
  const closedForm = settings.votequorum && !settings.startupError && allUp.quorate && indexOf.size === config.nodes.length;
  const model = closedForm ? failureModel(config.nodes, settings, allUp.totalVotes, allUp.expectedVotes, allUp.quorum) : undefined;
  const idsSorted = config.nodes.every((x, i) => i === 0 || config.nodes[i - 1].nodeid < x.nodeid);
  p = { settings, allUp, model, indexOf, idsSorted };
  prepared.set(config, p);
  return p;
}

/**
 * The survivors' state after "all nodes up together, then the nodes `down` failed at once" — the
 * same state as afterFailure(config, down) (test/unit/quorum/tolerance.test.ts holds the two
 * together on every failure set of generated clusters), computed from the failure model in O(n)
 * instead of running the state machine. Falls back to afterFailure where the model does not apply.
 */
export function failureState(config: QuorumConfig, down: number[]): QuorumState {
  const { settings, allUp, model: m, indexOf, idsSorted } = prepare(config);
  if (!m || !down.length) return down.length ? afterFailure(config, down) : allUp;
  const gone = new Set<number>();
  for (const id of down) {
    const i = indexOf.get(id);
    if (i === undefined) throw new QuorumInputError(`node id ${id} is not in the nodelist`);
    gone.add(i);
  }
  let lost = 0;
  for (const i of gone) lost += config.nodes[i].votes;
  const k = gone.size;
  const tbLost = m.tb >= 0 && gone.has(m.tb);
  const quorum = quorumAfter(m, k);
  const totalVotes = m.present - lost;
  const quorate = survivesLoss(m, k, lost, tbLost);
  const members: number[] = [];
  config.nodes.forEach((x, i) => {
    if (!gone.has(i)) members.push(x.nodeid);
  });
  if (!idsSorted) members.sort((a, b) => a - b);
  const count = members.length;
  let lowest = Infinity;
  for (const x of config.nodes) if (x.nodeid < lowest) lowest = x.nodeid;
  const lowestUp = !gone.has(indexOf.get(lowest)!);
  const lmsPending =
    settings.lastManStanding && ((count >= m.quorum && k > 0) || (count <= m.quorum && settings.atb !== 'none' && lowestUp));
  return {
    members,
    expectedVotes: m.expected,
    totalVotes,
    quorum,
    quorate,
    waitingForAll: settings.waitForAll && !quorate,
    byTieBreaker: quorate && totalVotes < quorum,
    lmsPending,
    timingDependent: false,
  };
}

function computeTolerance(config: QuorumConfig, limit: number): ToleranceAnalysis {
  const nodes = config.nodes;
  const n = nodes.length;
  const { settings, allUp } = prepare(config);
  const evenSplitResult = evenSplitOf(config, settings, allUp);
  const assumptions = assumptionsOf(config, settings);
  const base = { allUp, evenSplit: evenSplitResult, exhaustive: true, assumptions };
  const all = nodes.map((x) => x.name);
  if (!settings.votequorum) {
    // No quorum provider: every partition counts as quorate.
    return {
      ...base,
      anyFailures: Math.max(0, n - 1),
      singleFailureSurvived: all,
      singleFailureStops: [],
      smallestStoppingSets: [],
      survivingSets: n <= 32 ? 2 ** n : undefined,
      totalSets: n <= 32 ? 2 ** n : undefined,
      worstCase: { survived: [], stops: null },
    };
  }
  if (!allUp.quorate || settings.startupError) {
    return {
      ...base,
      anyFailures: -1,
      singleFailureSurvived: [],
      singleFailureStops: all,
      smallestStoppingSets: [],
      survivingSets: n <= 32 ? 0 : undefined,
      totalSets: n <= 32 ? 2 ** n : undefined,
      worstCase: { survived: [], stops: [] },
    };
  }
  const m = prepare(config).model ?? failureModel(nodes, settings, allUp.totalVotes, allUp.expectedVotes, allUp.quorum);
  const stopAt = smallestStop(m);
  const anyFailures = stopAt ? stopAt - 1 : Math.max(0, n - 1);
  const single = nodes.map((node, i) => n > 1 && survivesLoss(m, 1, node.votes, i === m.tb));
  const result: ToleranceAnalysis = {
    ...base,
    anyFailures,
    singleFailureSurvived: nodes.filter((_, i) => single[i]).map((x) => x.name),
    singleFailureStops: nodes.filter((_, i) => !single[i]).map((x) => x.name),
    smallestStoppingSets: stopAt ? stoppingExamples(m, stopAt, limit).map((set) => names(m, set)) : [],
    survivingSets: countSurvivingSets(m),
    totalSets: n <= 32 ? 2 ** n : undefined,
    worstCase: { survived: names(m, worstSet(m, anyFailures)), stops: stopAt ? names(m, worstSet(m, stopAt)) : null },
  };
  if (result.survivingSets === undefined) result.totalSets = undefined;
  if (settings.lastManStanding) result.lastManStanding = lastManStandingCascade(config, settings, m);
  return result;
}

/**
 * The worst k nodes to lose at once from "all up" (node ids): the k largest vote holders, the
 * tie-breaker node first among equal votes. If any k failures stop the cluster, these do.
 */
export function worstFailureSet(config: QuorumConfig, k: number): number[] {
  const { settings, allUp, model } = prepare(config);
  const m = model ?? failureModel(config.nodes, settings, allUp.totalVotes, allUp.expectedVotes, allUp.quorum);
  return worstSet(m, Math.max(0, Math.min(k, config.nodes.length))).map((i) => config.nodes[i].nodeid);
}

/**
 * last_man_standing with failures spread over time: at each step the worst failures the nodes up
 * can take at once fail, then the window passes (expected votes drop to the nodes present, quorum
 * follows). Each step is the same closed form as above on the nodes still up (votequorum keeps
 * last_man_standing only when every node has 1 vote); the sequence is then replayed through the
 * state machine and cut where it disagrees, so what is reported is what `simulate` does.
 */
function lastManStandingCascade(config: QuorumConfig, s: EffectiveQuorumSettings, first: FailureModel): LastManStandingAnalysis {
  const stages: LastManStandingAnalysis['stages'] = [];
  const events: QuorumEvent[] = [{ type: 'start' }];
  let up = config.nodes;
  let m = first;
  for (let step = 0; step < 64 && up.length; step++) {
    const stop = smallestStop(m);
    const tolerates = stop ? stop - 1 : up.length - 1;
    const failed = worstSet(m, tolerates);
    stages.push({ up: up.length, tolerates, failed: names(m, failed) });
    if (!tolerates) break;
    const gone = new Set(failed);
    events.push({ type: 'fail', nodes: failed.map((i) => up[i].nodeid) }, { type: 'wait' });
    const states = simulate(config, events).states;
    const afterFail = states[states.length - 2];
    const afterWait = states[states.length - 1];
    if (!afterFail.quorate || !afterWait.quorate) {
      // The state machine disagrees with the step (it should not): report no further step.
      stages[stages.length - 1] = { up: up.length, tolerates: 0, failed: [] };
      break;
    }
    up = up.filter((_, i) => !gone.has(i));
    // After the window: expected votes and quorum as votequorum recalculated them.
    m = failureModel(up, s, afterWait.totalVotes, afterWait.expectedVotes, afterWait.quorum);
  }
  const downTo = stages[stages.length - 1].up;
  return { window: config.lastManStandingWindow, stages, downTo, tieBreakerLast: s.atb !== 'none' && downTo === 2 };
}

// ---- even split ----------------------------------------------------------------------------------

/** Node indices of one side holding exactly `half` votes (the other side is the rest), or undefined / 'too-large'. */
function findHalf(votes: number[], half: number): number[] | undefined | 'too-large' {
  // A prefix in file order reads best ("node1..node4 | node5..node8").
  let sum = 0;
  for (let i = 0; i < votes.length - 1; i++) {
    sum += votes[i];
    if (sum === half) return votes.slice(0, i + 1).map((_, j) => j);
    if (sum > half) break;
  }
  const words = (half >> 5) + 1;
  if (votes.length * words > 20_000_000) return 'too-large';
  // Subset sum over a bitset of reachable sums; from[s] is the node whose addition first reached s.
  const reach = new Uint32Array(words);
  const from = new Int32Array(half + 1).fill(-1);
  reach[0] = 1;
  for (let i = 0; i < votes.length; i++) {
    const w = votes[i];
    if (w === 0 || w > half) continue;
    const shiftWords = w >> 5;
    const shiftBits = w & 31;
    for (let j = words - 1; j >= shiftWords; j--) {
      const lo = reach[j - shiftWords] << shiftBits;
      const carry = shiftBits && j - shiftWords - 1 >= 0 ? reach[j - shiftWords - 1] >>> (32 - shiftBits) : 0;
      const added = (lo | carry) & ~reach[j];
      if (!added) continue;
      reach[j] |= added;
      for (let b = 0; b < 32; b++)
        if (added & (1 << b)) {
          const s = (j << 5) + b;
          if (s <= half) from[s] = i;
        }
    }
    if (from[half] >= 0) break;
  }
  if (from[half] < 0) return undefined;
  const side: number[] = [];
  for (let s = half; s > 0; s -= votes[from[s]]) side.push(from[s]);
  return side.sort((a, b) => a - b);
}

/**
 * Sizes (node counts) a set of nodes other than `exclude` can have while holding exactly `half`
 * votes, as a boolean array; undefined when the search is too large.
 */
function halfSizes(votes: number[], half: number, exclude: number): boolean[] | undefined {
  const n = votes.length;
  const words = (n >> 5) + 1;
  if (n * (half + 1) * words > 10_000_000) return undefined;
  // sizes[s * words + j]: bit b of word j set when s votes can be held by (32j + b) nodes.
  const sizes = new Uint32Array((half + 1) * words);
  sizes[0] = 1;
  for (let i = 0; i < n; i++) {
    const w = votes[i];
    if (i === exclude || w > half) continue;
    for (let s = half; s >= w; s--) {
      let carry = 0;
      for (let j = 0; j < words; j++) {
        const v = sizes[(s - w) * words + j];
        sizes[s * words + j] |= (v << 1) | carry;
        carry = v >>> 31;
      }
    }
  }
  const out: boolean[] = [];
  for (let c = 0; c <= n; c++) out.push(!!(sizes[half * words + (c >> 5)] & (1 << (c & 31))));
  return out;
}

/** Every split of the nodes into two sides with equal votes, each side judged as "the other side failed". */
export function evenSplit(config: QuorumConfig): EvenSplitOutcome {
  const { settings, allUp } = prepare(config);
  return evenSplitOf(config, settings, allUp);
}

function evenSplitOf(config: QuorumConfig, settings: EffectiveQuorumSettings, allUp: QuorumState): EvenSplitOutcome {
  const nodes = config.nodes;
  const n = nodes.length;
  const votes = nodes.map((x) => x.votes);
  const total = votes.reduce((s, v) => s + v, 0);
  if (n < 2 || total % 2) return { possible: false };
  const half = total / 2;
  const found = findHalf(votes, half);
  if (found === 'too-large') return { possible: false, undecided: true };
  if (!found || found.length === n || !found.length) return { possible: false };
  const inA = new Set(found);
  const sideA = nodes.filter((_, i) => inA.has(i));
  const sideB = nodes.filter((_, i) => !inA.has(i));
  const qa = failureState(
    config,
    sideB.map((x) => x.nodeid),
  ).quorate;
  const qb = failureState(
    config,
    sideA.map((x) => x.nodeid),
  ).quorate;
  const example: [string[], string[]] = [sideA.map((x) => x.name), sideB.map((x) => x.name)];
  const exampleQuorateSide = qa && !qb ? 0 : qb && !qa ? 1 : null;
  if (!settings.votequorum) return { possible: true, example, outcome: 'mixed', exampleQuorateSide };
  if (!allUp.quorate || settings.startupError) return { possible: true, example, outcome: 'no-side', exampleQuorateSide };
  const m = failureModel(nodes, settings, allUp.totalVotes, allUp.expectedVotes, allUp.quorum);
  if (settings.qdeviceVotes > 0) {
    // The device votes for one side only: that side holds half + the device's votes, the other half.
    const withDevice = half + settings.qdeviceVotes >= m.quorum;
    const without = half >= m.quorum;
    return {
      possible: true,
      example,
      outcome: withDevice && !without ? 'one-side' : !withDevice ? 'no-side' : 'mixed',
      exampleQuorateSide,
      decidedBy: withDevice && !without ? 'quorum device' : undefined,
    };
  }
  // A side of c nodes (the other side n - c failed) holding half the votes; tbHere: the tie-breaker is on it.
  const sideOk = (c: number, tbHere: boolean) => survivesLoss(m, n - c, half, !tbHere);
  let one = 0;
  let none = 0;
  let both = 0;
  const judge = (cWithTb: number) => {
    const a = sideOk(cWithTb, true);
    const b = sideOk(n - cWithTb, false);
    if (a && b) both++;
    else if (a || b) one++;
    else none++;
  };
  // Does the verdict depend on the sides' node counts? Only through two_node (quorum 1 with at most
  // 2 nodes) and auto_tie_breaker (fewer than quorum nodes gone), which all votes >= 1 settle.
  const countMatters = m.twoNode || (m.atb && votes.some((v) => v === 0));
  if (!countMatters) judge(m.tb >= 0 ? (inA.has(m.tb) ? sideA.length : sideB.length) : sideA.length);
  else {
    // Sizes of the side that holds the tie-breaker (or of side A when there is none).
    const tb = m.tb;
    const rest = halfSizes(votes, tb >= 0 ? half - votes[tb] : half, tb);
    if (!rest || (tb >= 0 && votes[tb] > half)) return { possible: true, example, exampleQuorateSide, undecided: !rest };
    rest.forEach((ok, c) => {
      if (ok && c + (tb >= 0 ? 1 : 0) < n && c + (tb >= 0 ? 1 : 0) > 0) judge(c + (tb >= 0 ? 1 : 0));
    });
  }
  const outcome = none && !one && !both ? 'no-side' : one && !none && !both ? 'one-side' : 'mixed';
  return {
    possible: true,
    example,
    outcome,
    tieBreaker: outcome === 'one-side' && m.atb ? nodes[m.tb].name : undefined,
    exampleQuorateSide,
    decidedBy: outcome === 'one-side' && m.atb ? 'auto_tie_breaker' : undefined,
  };
}
