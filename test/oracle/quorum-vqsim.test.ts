// Differential proof of the votequorum engine against the real votequorum code: Debian's
// `corosync-vqsim` links corosync's own votequorum.c and simulates nodes and network splits.
// Every generated configuration is written as a corosync.conf, run through vqsim (all nodes up
// together, then a split: the "failed" nodes move to partition 1), and each side's q=0/1 is
// compared with the engine's verdict for "all up, then the other side failed at once".
// Seeded generation (QUORUM_SEED=... to replay); every mismatch fails the test.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  simulate,
  defaultQuorumConfig,
  resolveQuorumSettings,
  type QuorumConfig,
  type QuorumEvent,
  type QuorumState,
} from '../../shared/src/quorum/engine';
import { ensureTool, canUseNetns } from '../support/tools';
import { Vqsim, sleep, rng, corosyncConf, type NodeLine } from './vqsim';

interface Case {
  label: string;
  config: QuorumConfig;
  /** Nodes moved away (to partition 1) by the first split. */
  away: number[];
  /** For last_man_standing cascades: after the window, these survivors fail too. */
  cascade?: number[];
}

function makeConfig(votes: number[], extra: Partial<QuorumConfig> = {}): QuorumConfig {
  return {
    ...defaultQuorumConfig(votes.map((v, i) => ({ name: `n${i + 1}`, nodeid: i + 1, votes: v }))),
    lastManStandingWindow: 150,
    ...extra,
  };
}

function generate(seed: number, count: number): Case[] {
  const random = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    const n = int(2, 16);
    const uniform = random() < 0.35;
    const votes = Array.from({ length: n }, () => (uniform ? 1 : int(1, 3)));
    const sum = votes.reduce((a, b) => a + b, 0);
    const extra: Partial<QuorumConfig> = {};
    if (random() < 0.35) extra.expectedVotes = Math.max(1, sum + int(-Math.floor(sum / 2), Math.ceil(sum / 2)));
    if (random() < 0.25) extra.twoNode = true;
    if (random() < 0.3) extra.waitForAll = random() < 0.7;
    if (random() < 0.3) {
      extra.autoTieBreaker = true;
      const pick = random();
      if (pick < 0.5) extra.autoTieBreakerNode = 'lowest';
      else if (pick < 0.75) extra.autoTieBreakerNode = 'highest';
      else extra.autoTieBreakerNode = Array.from({ length: int(1, 3) }, () => int(1, n));
    }
    if (random() < 0.25) extra.lastManStanding = true;
    const config = makeConfig(votes, extra);
    // Failure set: a random subset (sometimes an exact half, the tie case), never everyone.
    const ids = config.nodes.map((x) => x.nodeid);
    const shuffled = [...ids].sort(() => random() - 0.5);
    const k = random() < 0.4 ? Math.floor(n / 2) : int(1, n - 1);
    const away = shuffled.slice(0, k).sort((a, b) => a - b);
    const stay = ids.filter((id) => !away.includes(id));
    const c: Case = { label: `#${i} votes=${votes.join(',')} ${JSON.stringify(extra)} away=${away.join(',')}`, config, away };
    if (config.lastManStanding && stay.length > 1 && random() < 0.7) {
      c.cascade = stay.slice(0, int(1, stay.length - 1));
      c.label += ` then=${c.cascade.join(',')}`;
    }
    cases.push(c);
  }
  return cases;
}

/** The seed-004 figures measured on real corosync nodes (facts file §3) as fixed cases. */
const FIXED: { label: string; config: QuorumConfig; away: number[] }[] = [
  { label: 'seed004 2,2,1,1 ev8 one 1-vote down', config: makeConfig([2, 2, 1, 1], { expectedVotes: 8 }), away: [3] },
  { label: 'seed004 2,2,1,1 ev8 one 2-vote down', config: makeConfig([2, 2, 1, 1], { expectedVotes: 8 }), away: [1] },
  { label: 'seed004 2,2,1,1 one 2-vote down', config: makeConfig([2, 2, 1, 1]), away: [2] },
  { label: 'two_node one stopped after both up', config: makeConfig([1, 1], { twoNode: true }), away: [2] },
  { label: 'two_node with 4 weighted nodes', config: makeConfig([2, 2, 1, 1], { twoNode: true }), away: [4] },
];

// ---- the run ------------------------------------------------------------------------------------------

interface Verdict {
  side: 'stay' | 'away';
  engine: boolean;
  vqsim: boolean;
  /** The engine declared this outcome timing-dependent inside corosync (not compared). */
  timingDependent: boolean;
  /** vqsim's own nodes of that side disagreed: votequorum raced with itself (not compared). */
  oracleSplit?: boolean;
  detail: string;
}

/**
 * corosync-vqsim ignores votequorum's start-up refusals, so configurations the engine says corosync
 * refuses are started with the real `corosync -f` instead, alone in a private network and mount
 * namespace (node 1 on 127.0.0.1, tmpfs over its state folders); the refusal message must appear.
 */
function realCorosyncRefusal(dir: string, config: QuorumConfig): string {
  const conf = corosyncConf(config)
    .replace('    cluster_name: vq', '    cluster_name: vq\n    transport: knet\n    crypto_cipher: none\n    crypto_hash: none')
    .replace('ring0_addr: 10.9.0.1\n', 'ring0_addr: 127.0.0.1\n')
    .concat('logging {\n    to_stderr: yes\n    to_syslog: no\n    to_logfile: no\n}\n');
  const file = path.join(dir, 'real.conf');
  fs.writeFileSync(file, conf);
  const script =
    'ip link set lo up; mount -t tmpfs r /run; mount -t tmpfs l /var/lib/corosync; mount -t tmpfs g /var/log/corosync; ' +
    `exec timeout 6 corosync -f -c ${file}`;
  const run = spawnSync('unshare', ['--net', '--mount', '--propagation', 'private', 'sh', '-c', script], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  return `${run.stdout}${run.stderr}`;
}

async function runCase(dir: string, c: Case): Promise<Verdict[]> {
  const refusal = resolveQuorumSettings(c.config).startupError;
  if (refusal) {
    const log = realCorosyncRefusal(dir, c.config);
    const refused = log.includes(refusal) && /Corosync Cluster Engine exiting with status 20/.test(log);
    return [
      {
        side: 'stay',
        engine: false,
        vqsim: !refused,
        timingDependent: false,
        detail: `${c.label} [startup] engine: "${refusal}"; real corosync ${refused ? 'refused' : 'started'}`,
      },
    ];
  }
  fs.writeFileSync(path.join(dir, 'q.conf'), corosyncConf(c.config));
  const ids = c.config.nodes.map((x) => x.nodeid);
  const stay = ids.filter((id) => !c.away.includes(id));
  const sim = new Vqsim(dir);
  try {
    await sim.settle(new Map(ids.map((id) => [id, ids])));
    sim.send(`split 1:${c.away.join(',')}`);
    const expected = new Map<number, number[]>();
    for (const id of stay) expected.set(id, stay);
    for (const id of c.away) expected.set(id, c.away);
    let lines = await sim.settle(expected);
    const stayEvents: QuorumEvent[] = [{ type: 'start' }, { type: 'fail', nodes: c.away }];
    const awayEvents: QuorumEvent[] = [{ type: 'start' }, { type: 'fail', nodes: stay }];
    if (c.cascade) {
      // Let the last_man_standing window pass, then a second failure on the staying side.
      await sleep(c.config.lastManStandingWindow + 150);
      sim.send(`split 2:${c.cascade.join(',')}`);
      const rest = stay.filter((id) => !c.cascade!.includes(id));
      for (const id of rest) expected.set(id, rest);
      for (const id of c.cascade) expected.set(id, c.cascade);
      lines = await sim.settle(expected);
      if (process.env.QUORUM_ONLY) console.log(JSON.stringify(lines));
      stayEvents.push({ type: 'wait' }, { type: 'fail', nodes: c.cascade });
      const restVerdict = lines.find((l) => l.nodeid === rest[0])!;
      return [
        compare('stay', simulate(c.config, stayEvents).final, restVerdict, c, lines),
        compare(
          'away',
          simulate(c.config, awayEvents).final,
          lines.find((l) => l.nodeid === c.away[0])!,
          c,
          lines,
        ),
      ];
    }
    return [
      compare(
        'stay',
        simulate(c.config, stayEvents).final,
        lines.find((l) => l.nodeid === stay[0])!,
        c,
        lines,
      ),
      compare(
        'away',
        simulate(c.config, awayEvents).final,
        lines.find((l) => l.nodeid === c.away[0])!,
        c,
        lines,
      ),
    ];
  } finally {
    sim.stop();
  }
}

/** `all`: every vqsim node line; the side's nodes must agree on q, else votequorum raced with itself. */
function compare(side: 'stay' | 'away', state: QuorumState, line: NodeLine, c: Case, all: NodeLine[]): Verdict {
  const engine = state.quorate;
  const peers = all.filter((l) => l.partition === line.partition);
  const split = new Set(peers.map((l) => l.q)).size > 1;
  return {
    side,
    engine,
    vqsim: line.q === '1',
    oracleSplit: split,
    timingDependent: state.timingDependent,
    detail: `${c.label} [${side}] vqsim q=${line.q} engine=${engine ? 1 : 0}${state.timingDependent ? ' (timing-dependent)' : ''}`,
  };
}

describe('quorum engine vs corosync-vqsim', () => {
  let dirs: string[] = [];
  const skip = ensureTool('corosync-vqsim', ['corosync-vqsim']) ?? (ensureTool('corosync', ['corosync']) || undefined);
  // Start-up refusals need the real corosync in a private namespace (root).
  const realSkip = canUseNetns() ? undefined : 'not root: cannot start corosync in a private namespace';
  const seed = Number(process.env.QUORUM_SEED ?? 20240404);
  const count = Number(process.env.QUORUM_CASES ?? 220);

  before(() => {
    dirs = Array.from({ length: 4 }, () => fs.mkdtempSync(path.join(os.tmpdir(), 'vq-')));
  });
  after(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it(`agrees on ${count} generated configurations and the seed-004 figures`, { skip, timeout: 240_000 }, async () => {
    console.log(`quorum vqsim: seed ${seed} (replay with QUORUM_SEED=${seed})`);
    let cases: Case[] = [...FIXED, ...generate(seed, count)];
    if (realSkip) {
      console.log(`quorum vqsim: start-up refusals not checked (${realSkip})`);
      cases = cases.filter((c) => !resolveQuorumSettings(c.config).startupError);
    }
    if (process.env.QUORUM_ONLY) cases = cases.filter((c) => c.label.startsWith(process.env.QUORUM_ONLY + ' '));
    const verdicts: Verdict[] = [];
    let next = 0;
    // Four vqsim processes at a time, each in its own folder.
    await Promise.all(
      dirs.map(async (dir) => {
        while (next < cases.length) {
          const c = cases[next++];
          verdicts.push(...(await runCase(dir, c)));
        }
      }),
    );
    const compared = verdicts.filter((v) => !v.timingDependent && !v.oracleSplit);
    const raced = verdicts.filter((v) => v.oracleSplit);
    for (const r of raced) console.log(`  vqsim nodes disagreed (not compared): ${r.detail}`);
    const mismatches = compared.filter((v) => v.engine !== v.vqsim);
    const refusals = verdicts.filter((v) => v.detail.includes('[startup]')).length;
    const timing = verdicts.filter((v) => v.timingDependent).length;
    console.log(
      `quorum vqsim: ${compared.length - mismatches.length}/${compared.length} agree over ${cases.length} configurations ` +
        `(${refusals} start-up refusals checked with real corosync; ${timing} verdicts the engine marks timing-dependent and ${raced.length} where vqsim's own nodes disagreed, not compared)`,
    );
    if (process.env.CI === 'true') assert.ok(timing <= compared.length / 20, 'too many timing-dependent verdicts to call this a proof');
    for (const m of mismatches.slice(0, 20)) console.log(`  MISMATCH ${m.detail}`);
    assert.equal(mismatches.length, 0, `${mismatches.length} mismatches, first: ${mismatches[0]?.detail}`);
  });
});
