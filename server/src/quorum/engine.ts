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
    if (atb === 'none') notes.push('auto_tie_breaker_node is not lowest, highest or a list of node IDs: votequorum disables auto_tie_breaker');
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
    if (config.expectedVotes) notes.push('allow_downscale: quorum.expected_votes is replaced by the tracked value (nodelist votes on a fresh node)');
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

interface SimNode {
  id: number;
  votes: number;
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
    const staying = new Set([...this.members].filter((id) => !leavers.includes(id)));
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
      this.lowest = Math.min(...this.members);
      this.highest = Math.max(...this.members);
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

export interface EvenSplitOutcome {
  /** False when the votes cannot be split into two equal halves. */
  possible: boolean;
  /** One such split (node names), the most balanced in node count. */
  example?: [string[], string[]];
  /** What happens in every equal-vote split: no side keeps quorum, exactly one does, or it depends. */
  outcome?: 'no-side' | 'one-side' | 'mixed';
  /** With auto_tie_breaker: the node whose side keeps quorum (lowest/highest id, or the first listed present). */
  tieBreaker?: string;
  /** For the example split: which side stays quorate (index 0/1), or null for none. */
  exampleQuorateSide?: 0 | 1 | null;
}

export interface ToleranceAnalysis {
  /** Verdict with every node up (after they all started together). */
  allUp: QuorumState;
  /** Largest k such that ANY k nodes failing at once leave the others quorate (-1 if not quorate all up). */
  anyFailures: number;
  /** Nodes whose loss alone keeps the cluster quorate / stops it. */
  singleFailureSurvived: string[];
  singleFailureStops: string[];
  /** The smallest sets of nodes whose failure stops the cluster (node names), at most `limit`. */
  smallestStoppingSets: string[][];
  /** Number of failure sets (of all 2^n, the empty set included) that keep quorum; undefined when not enumerated. */
  survivingSets?: number;
  totalSets?: number;
  evenSplit: EvenSplitOutcome;
  /** True when the analysis enumerated every failure set (n <= 16); otherwise only up to 3 failures. */
  exhaustive: boolean;
}

const EXHAUSTIVE_LIMIT = 16;
const cache = new Map<string, ToleranceAnalysis>();

function cacheKey(config: QuorumConfig): string {
  return JSON.stringify([
    config.nodes.map((n) => [n.name, n.nodeid, n.votes]),
    config.expectedVotes,
    config.twoNode,
    config.waitForAll,
    config.lastManStanding,
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
  const key = cacheKey(config) + '|' + limit;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = computeTolerance(config, limit);
  if (cache.size > 64) cache.clear();
  cache.set(key, result);
  return result;
}

function computeTolerance(config: QuorumConfig, limit: number): ToleranceAnalysis {
  const nodes = config.nodes;
  const n = nodes.length;
  const ids = nodes.map((node) => node.nodeid);
  const allUp = afterFailure(config, []);
  const survives = (mask: number) => afterFailure(config, ids.filter((_, i) => mask & (1 << i))).quorate;
  const exhaustive = n <= EXHAUSTIVE_LIMIT;
  const single = nodes.map((_, i) => survives(1 << i));
  let anyFailures = allUp.quorate ? n : -1;
  const stoppingBySize: number[][] = [];
  let surviving = 0;
  if (allUp.quorate) {
    // Enumerate failure sets by size; stop growing once the smallest stopping sets are known
    // (and, for the count, keep going only when exhaustive).
    const maxSize = exhaustive ? n : Math.min(n, 3);
    for (let size = 1; size <= maxSize; size++) {
      let allSurvive = true;
      forEachSubset(n, size, (mask) => {
        const ok = survives(mask);
        if (ok) surviving++;
        else {
          allSurvive = false;
          (stoppingBySize[size] ??= []).push(mask);
        }
      });
      if (!allSurvive && anyFailures === n) anyFailures = size - 1;
      if (!exhaustive && !allSurvive) break;
    }
    surviving++; // the empty failure set
  }
  const firstStopSize = stoppingBySize.findIndex((list) => list && list.length);
  const smallestStoppingSets =
    firstStopSize > 0
      ? stoppingBySize[firstStopSize].slice(0, limit).map((mask) => nodes.filter((_, i) => mask & (1 << i)).map((x) => x.name))
      : [];
  return {
    allUp,
    anyFailures,
    singleFailureSurvived: nodes.filter((_, i) => single[i]).map((x) => x.name),
    singleFailureStops: nodes.filter((_, i) => !single[i]).map((x) => x.name),
    smallestStoppingSets,
    survivingSets: exhaustive && allUp.quorate ? surviving : exhaustive ? 0 : undefined,
    totalSets: exhaustive ? 2 ** n : undefined,
    evenSplit: evenSplit(config),
    exhaustive,
  };
}

function forEachSubset(n: number, size: number, visit: (mask: number) => void): void {
  const pick = (start: number, left: number, mask: number) => {
    if (left === 0) return visit(mask);
    for (let i = start; i <= n - left; i++) pick(i + 1, left - 1, mask | (1 << i));
  };
  pick(0, size, 0);
}

/** Every split of the nodes into two sides with equal votes, each side judged after the split. */
export function evenSplit(config: QuorumConfig): EvenSplitOutcome {
  const nodes = config.nodes;
  const n = nodes.length;
  const total = nodes.reduce((s, x) => s + x.votes, 0);
  if (n < 2 || total % 2 || n > 20) return { possible: false };
  const ids = nodes.map((x) => x.nodeid);
  let example: number | undefined;
  let exampleBalance = Infinity;
  let oneSide = 0;
  let noSide = 0;
  let bothSides = 0;
  const winners = new Set<string>();
  // Node 0 stays on side A, so each split is visited once.
  for (let mask = 0; mask < 1 << (n - 1); mask++) {
    const sideB = mask << 1;
    let votesB = 0;
    let countB = 0;
    for (let i = 0; i < n; i++)
      if (sideB & (1 << i)) {
        votesB += nodes[i].votes;
        countB++;
      }
    if (votesB * 2 !== total) continue;
    const a = afterFailure(config, ids.filter((_, i) => sideB & (1 << i))).quorate;
    const b = afterFailure(config, ids.filter((_, i) => !(sideB & (1 << i)))).quorate;
    if (a && b) bothSides++;
    else if (a || b) oneSide++;
    else noSide++;
    const balance = Math.abs(n - 2 * countB);
    if (balance < exampleBalance) {
      exampleBalance = balance;
      example = sideB;
    }
    if (a !== b) {
      const side = nodes.filter((_, i) => (a ? !(sideB & (1 << i)) : sideB & (1 << i)));
      winners.add(side.map((x) => x.name).join(','));
    }
  }
  if (example === undefined) return { possible: false };
  const sideBNodes = nodes.filter((_, i) => example! & (1 << i));
  const sideANodes = nodes.filter((_, i) => !(example! & (1 << i)));
  const qa = afterFailure(config, sideBNodes.map((x) => x.nodeid)).quorate;
  const qb = afterFailure(config, sideANodes.map((x) => x.nodeid)).quorate;
  const settings = resolveQuorumSettings(config);
  let tieBreaker: string | undefined;
  if (settings.atb !== 'none' && oneSide && !noSide && !bothSides) {
    const byId = (id: number) => nodes.find((x) => x.nodeid === id)?.name;
    if (settings.atb === 'lowest') tieBreaker = byId(Math.min(...ids));
    else if (settings.atb === 'highest') tieBreaker = byId(Math.max(...ids));
    else tieBreaker = byId(settings.atbList.find((id) => ids.includes(id)) ?? -1);
  }
  return {
    possible: true,
    example: [sideANodes.map((x) => x.name), sideBNodes.map((x) => x.name)],
    outcome: noSide && !oneSide && !bothSides ? 'no-side' : oneSide && !noSide && !bothSides ? 'one-side' : 'mixed',
    tieBreaker,
    exampleQuorateSide: qa && !qb ? 0 : qb && !qa ? 1 : null,
  };
}
