// The votequorum engine on the figures measured on real corosync nodes (facts file §3) and on the
// behaviours votequorum(5) describes; the differential proof is test/oracle/quorum-vqsim.test.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  afterFailure,
  analyzeTolerance,
  defaultQuorumConfig,
  resolveQuorumSettings,
  simulate,
  QuorumInputError,
  type QuorumConfig,
} from '../../../shared/src/quorum/engine';

function cluster(votes: number[], extra: Partial<QuorumConfig> = {}): QuorumConfig {
  return { ...defaultQuorumConfig(votes.map((v, i) => ({ name: `n${i + 1}`, nodeid: i + 1, votes: v }))), ...extra };
}

describe('quorum engine: measured figures', () => {
  const seed004 = cluster([2, 2, 1, 1], { expectedVotes: 8 });
  it('votes 2,2,1,1 with expected_votes 8: all up is 5 of 8, quorate', () => {
    assert.deepEqual(pick(afterFailure(seed004, [])), { expectedVotes: 8, totalVotes: 6, quorum: 5, quorate: true });
  });
  it('one 1-vote node down keeps quorum, one 2-vote node down loses it', () => {
    assert.deepEqual(pick(afterFailure(seed004, [3])), { expectedVotes: 8, totalVotes: 5, quorum: 5, quorate: true });
    assert.deepEqual(pick(afterFailure(seed004, [1])), { expectedVotes: 8, totalVotes: 4, quorum: 5, quorate: false });
  });
  it('without expected_votes the same nodes survive a 2-vote loss (quorum 4 of 6)', () => {
    assert.deepEqual(pick(afterFailure(cluster([2, 2, 1, 1]), [2])), { expectedVotes: 6, totalVotes: 4, quorum: 4, quorate: true });
  });
  it('two_node: one node stopped after both were up stays quorate; a cold start alone waits for all', () => {
    const two = cluster([1, 1], { twoNode: true });
    assert.deepEqual(pick(afterFailure(two, [2])), { expectedVotes: 2, totalVotes: 1, quorum: 1, quorate: true });
    const cold = simulate(two, [{ type: 'start', nodes: [1] }]).final;
    assert.equal(cold.quorate, false);
    assert.equal(cold.waitingForAll, true);
  });
  it('two_node with 4 weighted nodes behaves like a normal cluster while more than 2 nodes are up', () => {
    assert.deepEqual(pick(afterFailure(cluster([2, 2, 1, 1], { twoNode: true }), [])), {
      expectedVotes: 6,
      totalVotes: 6,
      quorum: 4,
      quorate: true,
    });
  });
});

describe('quorum engine: votequorum(5) behaviours', () => {
  it('expected votes rise to the votes present when expected_votes is lower', () => {
    const s = afterFailure(cluster([1, 1, 1, 1, 1], { expectedVotes: 3 }), []);
    assert.equal(s.expectedVotes, 5);
    assert.equal(s.quorum, 3);
  });
  it('wait_for_all with expected_votes above the votes of all nodes is never quorate', () => {
    const s = afterFailure(cluster([1, 1, 1], { expectedVotes: 5, waitForAll: true }), []);
    assert.equal(s.quorate, false);
    assert.equal(s.waitingForAll, true);
  });
  it('auto_tie_breaker: in a 2+2 split only the side with the lowest node id keeps quorum', () => {
    const c = cluster([1, 1, 1, 1], { autoTieBreaker: true });
    assert.equal(afterFailure(c, [3, 4]).quorate, true);
    assert.equal(afterFailure(c, [3, 4]).byTieBreaker, true);
    assert.equal(afterFailure(c, [1, 2]).quorate, false);
    const highest = cluster([1, 1, 1, 1], { autoTieBreaker: true, autoTieBreakerNode: 'highest' });
    assert.equal(afterFailure(highest, [1, 2]).quorate, true);
    const list = cluster([1, 1, 1, 1], { autoTieBreaker: true, autoTieBreakerNode: [3, 1] });
    assert.equal(afterFailure(list, [1, 2]).quorate, true);
    assert.equal(afterFailure(list, [3, 4]).quorate, false);
  });
  it('auto_tie_breaker with an odd vote count and no wait_for_all is switched off', () => {
    const s = resolveQuorumSettings(cluster([1, 1, 1], { autoTieBreaker: true }));
    assert.equal(s.atb, 'none');
    assert.match(s.notes.join(), /odd number of votes/);
  });
  it('corosync refuses auto_tie_breaker + last_man_standing on an odd cluster, and ATB + a quorum device', () => {
    assert.match(
      resolveQuorumSettings(cluster([1, 1, 1], { autoTieBreaker: true, lastManStanding: true })).startupError!,
      /odd sized cluster/,
    );
    const q = resolveQuorumSettings(cluster([1, 1, 1, 1], { autoTieBreaker: true, qdevice: { model: 'net', votes: 1 } }));
    assert.match(q.startupError!, /not compatible with auto_tie_breaker/);
    assert.equal(afterFailure(cluster([1, 1, 1, 1], { autoTieBreaker: true, qdevice: { model: 'net', votes: 1 } }), []).quorate, false);
  });
  it('last_man_standing: 8 nodes lose 3, then after the window 2 more, and stay quorate', () => {
    const c = cluster([1, 1, 1, 1, 1, 1, 1, 1], { lastManStanding: true });
    const r = simulate(c, [{ type: 'start' }, { type: 'fail', nodes: [6, 7, 8] }, { type: 'wait' }, { type: 'fail', nodes: [4, 5] }]);
    assert.equal(r.states[1].quorum, 5);
    assert.equal(r.states[2].expectedVotes, 5);
    assert.equal(r.states[2].quorum, 3);
    assert.equal(r.final.quorate, true);
    // Without the window elapsing, the same cascade loses quorum.
    const fast = simulate(c, [{ type: 'start' }, { type: 'fail', nodes: [6, 7, 8] }, { type: 'fail', nodes: [4, 5] }]);
    assert.equal(fast.final.quorate, false);
  });
  it('last_man_standing is disabled when a node has more than one vote', () => {
    assert.equal(resolveQuorumSettings(cluster([2, 1, 1], { lastManStanding: true })).lastManStanding, false);
  });
  it('a quorum device: its votes count, and without votes set it gets nodes - 1', () => {
    const c = cluster([1, 1, 1, 1], { qdevice: { model: 'net' } });
    const s = afterFailure(c, [2, 3, 4]);
    assert.equal(s.expectedVotes, 7);
    assert.equal(s.totalVotes, 4);
    assert.equal(s.quorate, true);
  });
  it('no quorum provider: always quorate (corosync has no quorum to lose)', () => {
    assert.equal(afterFailure(cluster([1, 1, 1], { provider: undefined }), [1, 2]).quorate, true);
  });
  it('an unknown node id in an event is a clear input error', () => {
    assert.throws(
      () => afterFailure(cluster([1, 1]), [9]),
      (e: unknown) => e instanceof QuorumInputError && /node id 9/.test(String(e)),
    );
  });
});

describe('quorum engine: failure tolerance', () => {
  it('seed-004: survives no arbitrary failure; losing either server stops it; no side of an even split keeps quorum', () => {
    const a = analyzeTolerance(cluster([2, 2, 1, 1], { expectedVotes: 8 }));
    assert.equal(a.anyFailures, 0);
    assert.deepEqual(a.singleFailureStops, ['n1', 'n2']);
    assert.deepEqual(a.smallestStoppingSets, [['n1'], ['n2']]);
    assert.equal(a.evenSplit.possible, true);
    assert.equal(a.evenSplit.outcome, 'no-side');
  });
  it('5 equal nodes tolerate any 2 failures; the smallest stopping sets have 3 nodes', () => {
    const a = analyzeTolerance(cluster([1, 1, 1, 1, 1]));
    assert.equal(a.anyFailures, 2);
    assert.equal(a.smallestStoppingSets[0].length, 3);
    assert.equal(a.evenSplit.possible, false);
    assert.equal(a.survivingSets, 16); // 1 + 5 + 10 of the 32 failure sets
  });
  it('with auto_tie_breaker an even split leaves exactly the side of the lowest node quorate', () => {
    const a = analyzeTolerance(cluster([1, 1, 1, 1], { autoTieBreaker: true }));
    assert.equal(a.evenSplit.outcome, 'one-side');
    assert.equal(a.evenSplit.tieBreaker, 'n1');
  });
  it('16 nodes are analysed exhaustively', () => {
    const a = analyzeTolerance(cluster(Array(16).fill(1)));
    assert.equal(a.exhaustive, true);
    assert.equal(a.anyFailures, 7);
  });
});

function pick(s: { expectedVotes: number; totalVotes: number; quorum: number; quorate: boolean }) {
  return { expectedVotes: s.expectedVotes, totalVotes: s.totalVotes, quorum: s.quorum, quorate: s.quorate };
}
