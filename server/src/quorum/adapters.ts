// Builds the engine's QuorumConfig from what a lab describes: a corosync.conf (typed CsFile) or the
// facts a pcs script states (`pcs cluster setup`, `pcs quorum update`, `pcs quorum expected-votes`,
// `pcs quorum device add`). Values are read the way corosync reads them: the last key wins,
// a value that is not a number counts as unset (corosync itself would refuse the file, which the
// corosync rules report).
import type { CsFile, CsKeyValue, CsNode, CsSection } from '../corosync/ast';
import type { Range } from '../base/types';
import {
  DEFAULT_LMS_WINDOW,
  defaultQuorumConfig,
  type AutoTieBreakerNode,
  type QuorumConfig,
  type QuorumNode,
} from '../../../shared/src/quorum/engine';

export function sections(children: CsNode[], name: string): CsSection[] {
  return children.filter((c): c is CsSection => c.type === 'section' && c.name === name);
}

/** The last `key` directly inside `section` (corosync keeps the last of repeated keys). */
export function keyOf(section: CsSection | undefined, key: string): CsKeyValue | undefined {
  if (!section) return undefined;
  let found: CsKeyValue | undefined;
  for (const c of section.children) if (c.type === 'key' && c.key === key) found = c;
  return found;
}

function uint(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

function flag(value: string | undefined): boolean | undefined {
  const n = uint(value);
  return n === undefined ? undefined : n !== 0;
}

export function parseAtbNode(value: string | undefined): AutoTieBreakerNode {
  const v = (value ?? '').trim();
  if (v === 'highest') return 'highest';
  // votequorum takes a list only when it starts with a number (atoi != 0).
  if (/^\d/.test(v) && Number.parseInt(v, 10)) {
    const ids: number[] = [];
    for (const part of v.split(/\s+/)) {
      const n = Number.parseInt(part, 10);
      if (!n) break;
      ids.push(n);
    }
    return ids;
  }
  return 'lowest';
}

export interface CorosyncQuorumView {
  quorum?: CsSection;
  nodelist?: CsSection;
  nodeSections: CsSection[];
  config: QuorumConfig;
}

/** The quorum-relevant sections of a corosync.conf and the configuration they describe. */
export function quorumViewOfCorosync(file: CsFile): CorosyncQuorumView {
  const quorum = sections(file.children, 'quorum').at(-1);
  const nodelist = sections(file.children, 'nodelist').at(-1);
  const nodeSections = nodelist ? sections(nodelist.children, 'node') : [];
  const nodes: QuorumNode[] = [];
  nodeSections.forEach((node, index) => {
    const name = keyOf(node, 'name')?.value || keyOf(node, 'ring0_addr')?.value || `node ${index + 1}`;
    // corosync gives a node without nodeid none; knet refuses that for the local node. Use the
    // position so the engine can still reason about it.
    const nodeid = uint(keyOf(node, 'nodeid')?.value) ?? index + 1;
    const votes = uint(keyOf(node, 'quorum_votes')?.value) ?? 1;
    nodes.push({ name, nodeid, votes, range: node.range });
  });
  const config = defaultQuorumConfig(nodes);
  config.provider = keyOf(quorum, 'provider')?.value;
  const get = (key: string) => keyOf(quorum, key)?.value;
  const expected = uint(get('expected_votes'));
  if (expected) config.expectedVotes = expected;
  config.twoNode = flag(get('two_node')) ?? false;
  const wfa = flag(get('wait_for_all'));
  if (wfa !== undefined) config.waitForAll = wfa;
  config.lastManStanding = flag(get('last_man_standing')) ?? false;
  config.lastManStandingWindow = uint(get('last_man_standing_window')) ?? DEFAULT_LMS_WINDOW;
  config.autoTieBreaker = flag(get('auto_tie_breaker')) ?? false;
  config.autoTieBreakerNode = parseAtbNode(get('auto_tie_breaker_node'));
  config.allowDownscale = flag(get('allow_downscale')) ?? false;
  const device = quorum ? sections(quorum.children, 'device').at(-1) : undefined;
  const model = keyOf(device, 'model')?.value;
  if (device && model) {
    const net = sections(device.children, 'net').at(-1);
    config.qdevice = { model, votes: uint(keyOf(device, 'votes')?.value), algorithm: keyOf(net, 'algorithm')?.value };
  }
  return { quorum, nodelist, nodeSections, config };
}

export function quorumConfigFromCorosync(file: CsFile): QuorumConfig {
  return quorumViewOfCorosync(file).config;
}

// ---- pcs facts ---------------------------------------------------------------------------------------

/**
 * What a pcs script says about quorum, in the order the script says it. The pcs helper fills it
 * from command words; values are the strings written on the command line.
 */
export interface PcsQuorumFacts {
  /** `pcs cluster setup NAME NODE...`: node names in order (nodeids are given 1, 2, ... as pcs does). */
  nodes: { name: string; range?: Range }[];
  /** Quorum options of `pcs cluster setup ... quorum wait_for_all=1 ...` and every
   * `pcs quorum update key=value ...`, in script order (later ones win). */
  options: Record<string, string>[];
  /** `pcs quorum expected-votes N` (runtime change; the last one wins). */
  expectedVotes?: string;
  /** `pcs quorum device add [votes=N] model net host=... algorithm=...`. */
  device?: { model: string; options: Record<string, string> };
  /** `pcs quorum device remove`. */
  deviceRemoved?: boolean;
}

/** Why a fact could not be used (an unknown option, a value that is not a number). */
export interface FactProblem {
  message: string;
  option?: string;
}

export function quorumConfigFromFacts(facts: PcsQuorumFacts, problems: FactProblem[] = []): QuorumConfig {
  const nodes: QuorumNode[] = facts.nodes.map((n, i) => ({ name: n.name, nodeid: i + 1, votes: 1, range: n.range }));
  const config = defaultQuorumConfig(nodes);
  // pcs writes two_node: 1 itself for a two-node cluster without a quorum device.
  config.twoNode = nodes.length === 2;
  const merged: Record<string, string> = {};
  for (const set of facts.options) Object.assign(merged, set);
  const bool = (key: string): boolean | undefined => {
    const v = merged[key];
    if (v === undefined) return undefined;
    if (v === '1' || v === '0') return v === '1';
    problems.push({ message: `${key}=${v}: pcs accepts only 0 or 1`, option: key });
    return undefined;
  };
  const wfa = bool('wait_for_all');
  if (wfa !== undefined) config.waitForAll = wfa;
  config.lastManStanding = bool('last_man_standing') ?? false;
  config.autoTieBreaker = bool('auto_tie_breaker') ?? false;
  if (merged.last_man_standing_window !== undefined) {
    const w = uint(merged.last_man_standing_window);
    if (w === undefined)
      problems.push({
        message: `last_man_standing_window=${merged.last_man_standing_window} is not a number of ms`,
        option: 'last_man_standing_window',
      });
    else config.lastManStandingWindow = w;
  }
  if (merged.auto_tie_breaker_node !== undefined) config.autoTieBreakerNode = parseAtbNode(merged.auto_tie_breaker_node);
  for (const key of Object.keys(merged)) {
    if (!['wait_for_all', 'last_man_standing', 'last_man_standing_window', 'auto_tie_breaker', 'auto_tie_breaker_node'].includes(key))
      problems.push({
        message: `${key} is not a pcs quorum option (wait_for_all, last_man_standing, last_man_standing_window, auto_tie_breaker)`,
        option: key,
      });
  }
  if (facts.expectedVotes !== undefined) {
    const n = uint(facts.expectedVotes);
    if (n === undefined || n === 0) problems.push({ message: `expected-votes ${facts.expectedVotes} is not a positive number` });
    else config.expectedVotes = n;
  }
  if (facts.device && !facts.deviceRemoved) {
    const votes = facts.device.options.votes !== undefined ? uint(facts.device.options.votes) : undefined;
    config.qdevice = { model: facts.device.model, votes, algorithm: facts.device.options.algorithm };
    // pcs turns two_node off when it adds a quorum device.
    config.twoNode = false;
  }
  return config;
}
