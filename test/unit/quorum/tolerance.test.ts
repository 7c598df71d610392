// The failure-tolerance figures (analyzeTolerance, evenSplit, worstFailureSet) are derived from the
// worst-case sets, not enumerated. Here they are held against the state machine itself (`afterFailure`,
// `simulate`): every failure set of small generated clusters (listed by this test, as arrays of node
// ids), and worst-case and random sets of large ones. The regressions of issue 11 finding 7 (17+
// nodes: wrong "any k"; 33+ nodes: node 33 read as node 1) have their own cases.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  afterFailure,
  analyzeTolerance,
  defaultQuorumConfig,
  evenSplit,
  failureState,
  resolveQuorumSettings,
  simulate,
  worstFailureSet,
  type QuorumConfig,
  type QuorumEvent,
} from '../../../shared/src/quorum/engine';
import { summaryTitle } from '../../../server/src/quorum/features';
import { rng } from '../../support/rng';

function cluster(votes: number[], extra: Partial<QuorumConfig> = {}): QuorumConfig {
  return { ...defaultQuorumConfig(votes.map((v, i) => ({ name: `n${i + 1}`, nodeid: i + 1, votes: v }))), ...extra };
}

/** Every subset of `items` (as arrays), the empty one first. */
function subsets<T>(items: T[]): T[][] {
  let out: T[][] = [[]];
  for (const item of items) out = out.concat(out.map((s) => [...s, item]));
  return out;
}

function randomConfig(random: () => number, n: number): QuorumConfig {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const uniform = random() < 0.3;
  const votes = Array.from({ length: n }, () => (uniform ? 1 : int(random() < 0.1 ? 0 : 1, 3)));
  const sum = votes.reduce((a, b) => a + b, 0);
  const extra: Partial<QuorumConfig> = {};
  if (random() < 0.3) extra.expectedVotes = Math.max(1, sum + int(-Math.floor(sum / 2), Math.ceil(sum / 2)));
  if (random() < 0.2) extra.twoNode = true;
  if (random() < 0.3) extra.waitForAll = random() < 0.7;
  if (random() < 0.35) {
    extra.autoTieBreaker = true;
    const pick = random();
    extra.autoTieBreakerNode = pick < 0.4 ? 'lowest' : pick < 0.7 ? 'highest' : Array.from({ length: int(1, 3) }, () => int(1, n + 2));
  }
  if (random() < 0.2) extra.lastManStanding = true;
  if (random() < 0.15) extra.allowDownscale = true;
  if (random() < 0.15)
    extra.qdevice = { model: 'net', votes: random() < 0.5 ? undefined : int(1, 3), algorithm: random() < 0.5 ? 'ffsplit' : 'lms' };
  const config = cluster(votes, extra);
  // Node ids in a shuffled order, so "lowest"/"highest" are not simply the first/last node.
  if (random() < 0.5) {
    const ids = config.nodes.map((x) => x.nodeid).sort(() => random() - 0.5);
    config.nodes.forEach((x, i) => (x.nodeid = ids[i] * 3));
    if (Array.isArray(extra.autoTieBreakerNode)) config.autoTieBreakerNode = extra.autoTieBreakerNode.map((id) => id * 3);
  }
  return config;
}

const ids = (config: QuorumConfig, names: string[]) => names.map((name) => config.nodes.find((x) => x.name === name)!.nodeid);

describe('tolerance figures against every failure set (state machine), 2..10 nodes', () => {
  it('600 generated clusters: any k, single failures, smallest stopping sets, surviving-set counts', () => {
    const random = rng(1107);
    let checked = 0;
    for (let c = 0; c < 600; c++) {
      const n = 2 + (c % 9);
      const config = randomConfig(random, n);
      const label = JSON.stringify(config);
      const a = analyzeTolerance(config);
      const all = config.nodes.map((x) => x.nodeid);
      const quorate = new Map<string, boolean>();
      const sets = subsets(all);
      for (const set of sets) {
        const state = afterFailure(config, set);
        quorate.set(set.join(','), state.quorate);
        // The closed form the editor features use gives the state machine's state, field by field.
        if (set.length) assert.deepEqual(failureState(config, set), state, `${label} down ${set}`);
      }
      const verdict = (set: number[]) => quorate.get([...set].sort((x, y) => all.indexOf(x) - all.indexOf(y)).join(','))!;
      // "any k": every set of 1..k nodes (some node left) keeps quorum; some set of k+1 does not.
      const proper = sets.filter((s) => s.length >= 1 && s.length < n);
      const firstStop = Math.min(...proper.filter((s) => !verdict(s)).map((s) => s.length));
      const expectedAny = !a.allUp.quorate ? -1 : Number.isFinite(firstStop) ? firstStop - 1 : n - 1;
      assert.equal(a.anyFailures, expectedAny, label);
      if (a.allUp.quorate && Number.isFinite(firstStop)) {
        assert.ok(a.smallestStoppingSets.length >= 1, label);
        for (const s of a.smallestStoppingSets) {
          assert.equal(s.length, firstStop, label);
          assert.equal(verdict(ids(config, s)), false, `${label} ${s}`);
        }
        // The worst-case sets the claims rest on.
        assert.equal(verdict(worstFailureSet(config, firstStop)), false, label);
        if (firstStop > 1) assert.equal(verdict(worstFailureSet(config, firstStop - 1)), true, label);
        assert.deepEqual(
          a.worstCase.stops,
          config.nodes.filter((x) => worstFailureSet(config, firstStop).includes(x.nodeid)).map((x) => x.name),
        );
      } else assert.deepEqual(a.smallestStoppingSets, [], label);
      // Single failures.
      if (a.allUp.quorate) {
        const survived = config.nodes.filter((x) => verdict([x.nodeid])).map((x) => x.name);
        assert.deepEqual(a.singleFailureSurvived, survived, label);
      }
      // Surviving failure sets, counted against the listing (all 2^n, the empty set included).
      if (a.allUp.quorate && resolveQuorumSettings(config).votequorum)
        assert.equal(a.survivingSets, sets.filter((s) => verdict(s)).length, label);
      checked++;
    }
    assert.equal(checked, 600);
  });

  it('even split outcome against every equal-vote split', () => {
    const random = rng(4242);
    let possible = 0;
    for (let c = 0; c < 500; c++) {
      const n = 2 + (c % 9);
      const config = randomConfig(random, n);
      if (config.qdevice) config.qdevice = undefined; // the device's side is qnetd's choice, see below
      const label = JSON.stringify(config);
      const e = evenSplit(config);
      const all = config.nodes.map((x) => x.nodeid);
      const votesOf = new Map(config.nodes.map((x) => [x.nodeid, x.votes]));
      const total = config.nodes.reduce((s, x) => s + x.votes, 0);
      // Node all[0] stays on side A, so each split is visited once.
      const splits = subsets(all.slice(1)).filter((b) => b.length && 2 * b.reduce((s, id) => s + votesOf.get(id)!, 0) === total);
      assert.equal(e.possible, total % 2 === 0 && splits.length > 0, label);
      if (!e.possible) continue;
      possible++;
      const [sideA, sideB] = e.example!;
      assert.equal(sideA.length + sideB.length, n);
      const sum = (names: string[]) => ids(config, names).reduce((s, id) => s + votesOf.get(id)!, 0);
      assert.equal(sum(sideA), sum(sideB), label);
      let one = 0;
      let none = 0;
      let both = 0;
      for (const b of splits) {
        const a = all.filter((id) => !b.includes(id));
        const qa = afterFailure(config, b).quorate;
        const qb = afterFailure(config, a).quorate;
        if (qa && qb) both++;
        else if (qa || qb) one++;
        else none++;
      }
      const outcome = none && !one && !both ? 'no-side' : one && !none && !both ? 'one-side' : 'mixed';
      assert.equal(e.outcome, outcome, label);
    }
    assert.ok(possible > 100);
  });
});

describe('tolerance on large clusters (issue 11, finding 7)', () => {
  it('20 equal nodes survive any 9 failures, not 20', () => {
    const config = cluster(Array(20).fill(1));
    const a = analyzeTolerance(config);
    assert.equal(a.anyFailures, 9);
    assert.equal(a.smallestStoppingSets[0].length, 10);
    assert.match(summaryTitle(config, a), /survives: any 9 nodes failing · stops if: 10 nodes fail, e\.g\. n1 \+ n2 \+ n3 \+ … \+ n10$/);
    assert.equal(afterFailure(config, worstFailureSet(config, 9)).quorate, true);
    assert.equal(afterFailure(config, worstFailureSet(config, 10)).quorate, false);
  });

  it('node 33 is node 33: a 40-vote node among 39 one-vote nodes is the single point of failure', () => {
    const votes = Array(40).fill(1);
    votes[32] = 40;
    const a = analyzeTolerance(cluster(votes));
    assert.deepEqual(a.singleFailureStops, ['n33']);
    assert.deepEqual(a.smallestStoppingSets, [['n33']]);
    assert.equal(a.anyFailures, 0);
    assert.ok(a.singleFailureSurvived.includes('n1'));
  });

  it('100 to 1,000 weighted nodes: the worst k keep quorum, the worst k + 1 do not, random sets of at most k keep it', () => {
    const random = rng(77);
    for (const n of [17, 33, 64, 100, 250, 400, 1000]) {
      for (let rep = 0; rep < 4; rep++) {
        const config = randomConfig(random, n);
        const label = `${n} nodes ${JSON.stringify({ ...config, nodes: config.nodes.map((x) => x.votes).join(',') })}`;
        const a = analyzeTolerance(config);
        if (a.anyFailures < 0) {
          assert.equal(afterFailure(config, []).quorate, false, label);
          continue;
        }
        assert.equal(afterFailure(config, worstFailureSet(config, a.anyFailures)).quorate, true, label);
        if (a.anyFailures + 1 < n) {
          assert.equal(afterFailure(config, worstFailureSet(config, a.anyFailures + 1)).quorate, false, label);
          for (const s of a.smallestStoppingSets) assert.equal(afterFailure(config, ids(config, s)).quorate, false, `${label} ${s}`);
        }
        for (let r = 0; r < 10; r++) {
          const set = [...config.nodes]
            .sort(() => random() - 0.5)
            .slice(0, 1 + Math.floor(random() * (n - 1)))
            .map((x) => x.nodeid);
          assert.deepEqual(failureState(config, set), afterFailure(config, set), `${label} state ${set}`);
        }
        for (let r = 0; r < 20; r++) {
          const k = 1 + Math.floor(random() * Math.max(1, a.anyFailures));
          if (k > a.anyFailures) break;
          const set = [...config.nodes]
            .sort(() => random() - 0.5)
            .slice(0, k)
            .map((x) => x.nodeid);
          assert.equal(afterFailure(config, set).quorate, true, `${label} random ${set}`);
        }
        const single = new Set(a.singleFailureSurvived);
        for (let r = 0; r < 10; r++) {
          const node = config.nodes[Math.floor(random() * n)];
          assert.equal(afterFailure(config, [node.nodeid]).quorate, single.has(node.name), `${label} single ${node.name}`);
        }
      }
    }
  });

  it('quorum wraps at 256 as votequorum stores it (uint8): 10 nodes of 60 votes, one node alone is quorate', () => {
    const config = cluster(Array(10).fill(60));
    const a = analyzeTolerance(config);
    assert.equal(a.allUp.quorum, 301 & 0xff);
    assert.equal(a.anyFailures, 9);
  });

  it('even split of 22 and of 400 equal nodes is found (first half | second half), no side keeps quorum', () => {
    for (const n of [22, 400]) {
      const e = evenSplit(cluster(Array(n).fill(1)));
      assert.equal(e.possible, true);
      assert.equal(e.outcome, 'no-side');
      assert.equal(e.example![0].length, n / 2);
      assert.equal(e.example![0][0], 'n1');
    }
    // 10,000 nodes: quorum 5001 wraps to 137 (uint8), so both halves are quorate.
    const big = evenSplit(cluster(Array(10000).fill(1)));
    assert.equal(big.outcome, 'mixed');
    assert.equal(big.example![1][0], 'n5001');
    const atb = evenSplit(cluster(Array(300).fill(1), { autoTieBreaker: true, autoTieBreakerNode: 'highest' }));
    assert.equal(atb.outcome, 'one-side');
    assert.equal(atb.tieBreaker, 'n300');
  });
});

describe('tie-breaker, two_node, quorum device, last_man_standing, allow_downscale', () => {
  it('auto_tie_breaker: 4 equal nodes survive any 1; the worst 2 include the tie-breaker node', () => {
    const config = cluster([1, 1, 1, 1], { autoTieBreaker: true, autoTieBreakerNode: [3, 1] });
    const a = analyzeTolerance(config);
    assert.equal(a.anyFailures, 1);
    assert.deepEqual(worstFailureSet(config, 2), [3, 1]);
    assert.deepEqual(a.smallestStoppingSets[0], ['n1', 'n3']);
    // Any 2 that spare node 3 keep quorum through the tie-breaker.
    assert.equal(afterFailure(config, [1, 2]).quorate, true);
  });

  it('two_node on 4 weighted nodes: the loss of the 5-vote node stops it, yet losing it with another leaves 2 nodes quorate', () => {
    const config = cluster([5, 1, 1, 1], { twoNode: true });
    const a = analyzeTolerance(config);
    assert.equal(a.anyFailures, 0);
    assert.deepEqual(a.singleFailureStops, ['n1']);
    assert.equal(afterFailure(config, [1, 2]).quorate, true);
  });

  it('quorum device: its votes count for the survivors, and an even split is decided by the device', () => {
    const config = cluster([1, 1, 1, 1], { qdevice: { model: 'net', votes: 1, algorithm: 'ffsplit' } });
    const a = analyzeTolerance(config);
    assert.equal(a.anyFailures, 2);
    assert.equal(a.evenSplit.outcome, 'one-side');
    assert.equal(a.evenSplit.decidedBy, 'quorum device');
    assert.match(a.assumptions.join(' '), /quorum device \(ffsplit\): its 1 vote count for the surviving nodes/);
    const lms = analyzeTolerance(cluster([1, 1, 1, 1], { qdevice: { model: 'net', algorithm: 'lms' } }));
    assert.equal(lms.anyFailures, 3); // the device's 3 votes keep the last node quorate
  });

  it('last_man_standing: 9 nodes fail in steps down to 2, each step the worst the nodes up can take, as simulate replays it', () => {
    const config = cluster(Array(9).fill(1), { lastManStanding: true, lastManStandingWindow: 150 });
    const lms = analyzeTolerance(config).lastManStanding!;
    assert.deepEqual(
      lms.stages.map((s) => [s.up, s.tolerates]),
      [
        [9, 4],
        [5, 2],
        [3, 1],
        [2, 0],
      ],
    );
    assert.equal(lms.downTo, 2);
    assert.equal(lms.tieBreakerLast, false);
    const events: QuorumEvent[] = [{ type: 'start' }];
    for (const s of lms.stages.filter((x) => x.tolerates)) events.push({ type: 'fail', nodes: ids(config, s.failed) }, { type: 'wait' });
    const r = simulate(config, events);
    assert.ok(r.states.every((s) => s.quorate));
    const last = config.nodes.filter((x) => !lms.stages.some((s) => s.failed.includes(x.name)));
    assert.equal(last.length, 2);
    assert.equal(simulate(config, [...events, { type: 'fail', nodes: [last[0].nodeid] }]).final.quorate, false);
    // With two_node, 2 nodes hold quorum 1, so the last one stays.
    assert.equal(analyzeTolerance(cluster(Array(6).fill(1), { lastManStanding: true, twoNode: true })).lastManStanding!.downTo, 1);
    // With auto_tie_breaker, down to 2, and the last node may stay if it is the tie-breaker.
    assert.equal(
      analyzeTolerance(cluster(Array(6).fill(1), { lastManStanding: true, autoTieBreaker: true })).lastManStanding!.tieBreakerLast,
      true,
    );
  });

  it('allow_downscale does not change what failures do; the figures say so', () => {
    const plain = analyzeTolerance(cluster([2, 1, 1, 1, 1]));
    const down = analyzeTolerance(cluster([2, 1, 1, 1, 1], { allowDownscale: true }));
    assert.equal(down.anyFailures, plain.anyFailures);
    assert.match(down.assumptions.join(' '), /allow_downscale: nodes shut down cleanly lower expected votes; failures .* do not/);
  });
});
