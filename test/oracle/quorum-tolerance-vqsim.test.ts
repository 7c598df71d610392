// The tolerance claims of the quorum engine ("survives any k simultaneous failures", "the smallest
// set of failures that stops it", the last_man_standing steps) asked of the real votequorum code:
// corosync-vqsim. For each generated configuration (random weights, expected_votes overrides,
// two_node, wait_for_all, auto_tie_breaker lowest/highest/list, last_man_standing, allow_downscale):
//   - all nodes start together; vqsim's verdict must be the engine's all-up verdict;
//   - the engine's worst set of k = anyFailures nodes fails at once (vqsim: a split moving them to
//     partition 1): the survivors must stay quorate;
//   - the worst set of k + 1 nodes (the engine's smallest stopping set): the survivors must not be;
//   - a random failure set: the engine's verdict (afterFailure) must be vqsim's;
//   - with last_man_standing: the engine's steps, the window passing between them, keep quorum,
//     and one more failure at the end (the tie-breaker, when there is one) loses it.
// Each question is a fresh vqsim run. vqsim starts a cluster of n nodes in O(n^3) messages (every
// node added one at a time, each change sent to every node), so the sizes are sampled: most
// configurations have 1-16 nodes, six 17-48, one 100 (QUORUM_TOLERANCE_LARGE=1 adds 64-, 110- and
// VQSIM_MAX_NODES-node runs, which may go wrong: two vqsims side by side on a loaded machine lose messages
// below the limit measured alone; seed 20261203: at 119 one start did not settle, at 110 one all-up
// verdict was q=0 with every node a member).
// How far vqsim goes (corosync-vqsim 3.1.7 here; measured with all nodes of one vote, started from the
// config as this driver does; names and ids play no part: vqsim knows nodes by nodeid only):
// - 119 nodes start and agree; from 120 they never do. vqsim creates every node of the config in one
//   loop (vqmain.c create_nodes_from_config) during which the controller reads nothing, while each node
//   process writes a nodeinfo and a view list per membership change to its non-blocking socket pair
//   (net.core.wmem_default, 212,992 bytes here): at 120 nodes the writes fail with EAGAIN ("write (view
//   list to parent) failed: Resource temporarily unavailable", "writev wrote only -1 of N bytes",
//   vqsim_vq_engine.c quorum_fn / api_totem_mcast), the messages are lost and the nodes stay split in
//   different rings; some runs abort on the controller's assert(write_res == len) (vqmain.c:151,
//   propogate_vq_message). -n and -o change nothing here (they act after start-up), nor does command
//   length (the start-up reads no command).
// - 385 nodes and more can never work: votequorum keeps the members in arrays of PROCESSOR_COUNT_MAX
//   (384, corosync's own largest cluster), vqsim passes its node list (up to MAX_NODES, 1024) unchecked,
//   and every node process aborts with "*** buffer overflow detected ***" in votequorum's sync_init
//   (memcpy of 385 members into quorum_members[384]). 400 nodes are out of reach of any votequorum.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  afterFailure,
  analyzeTolerance,
  defaultQuorumConfig,
  resolveQuorumSettings,
  simulate,
  worstFailureSet,
  type QuorumConfig,
  type QuorumEvent,
} from '../../shared/src/quorum/engine';
import { ensureTool } from '../support/tools';
import { Vqsim, sleep, rng, corosyncConf, type NodeLine } from './vqsim';

interface Question {
  label: string;
  /** Node ids failing at once from "all up" (empty: just all up). */
  down: number[];
  expect: boolean;
  /** last_man_standing: steps of failures with the window between them; `expect` is for after the last. */
  steps?: number[][];
}

interface Case {
  label: string;
  config: QuorumConfig;
  questions: Question[];
}

const WINDOW = 150;
/** The largest cluster corosync-vqsim starts and settles, alone (see the header); the default sample keeps a margin. */
const VQSIM_MAX_NODES = 119;
const VQSIM_SAMPLE_MAX = 100;

function makeConfig(votes: number[], extra: Partial<QuorumConfig>): QuorumConfig {
  return {
    ...defaultQuorumConfig(votes.map((v, i) => ({ name: `n${i + 1}`, nodeid: i + 1, votes: v }))),
    lastManStandingWindow: WINDOW,
    ...extra,
  };
}

function sizes(random: () => number, large: boolean): number[] {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const out: number[] = [1, 2, 3];
  for (let i = 0; i < 27; i++) out.push(int(2, 16));
  for (let i = 0; i < 6; i++) out.push(int(17, 48));
  out.push(VQSIM_SAMPLE_MAX);
  if (large) out.push(64, 110, VQSIM_MAX_NODES);
  return out;
}

function generate(seed: number, large: boolean): Case[] {
  const random = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const cases: Case[] = [];
  for (const n of sizes(random, large)) {
    const uniform = random() < 0.3;
    const votes = Array.from({ length: n }, () => (uniform ? 1 : int(1, 3)));
    const sum = votes.reduce((a, b) => a + b, 0);
    const extra: Partial<QuorumConfig> = {};
    if (random() < 0.3) extra.expectedVotes = Math.max(1, sum + int(-Math.floor(sum / 3), Math.ceil(sum / 3)));
    if (random() < 0.2) extra.twoNode = true;
    if (random() < 0.3) extra.waitForAll = random() < 0.7;
    if (random() < 0.35) {
      extra.autoTieBreaker = true;
      const pick = random();
      extra.autoTieBreakerNode = pick < 0.4 ? 'lowest' : pick < 0.7 ? 'highest' : Array.from({ length: int(1, 3) }, () => int(1, n + 1));
    }
    if (random() < 0.25) extra.lastManStanding = true;
    if (random() < 0.15) extra.allowDownscale = true;
    // last_man_standing needs 1 vote per node: make it count in most of the configurations that ask for it.
    const config = makeConfig(extra.lastManStanding && random() < 0.8 ? votes.map(() => 1) : votes, extra);
    const settings = resolveQuorumSettings(config);
    const label = `n=${n} votes=${uniform || extra.lastManStanding ? `${config.nodes[0].votes}x${n}` : votes.slice(0, 12).join(',') + (n > 12 ? ',…' : '')} ${JSON.stringify(extra)}`;
    if (settings.startupError) continue; // refusals are the other oracle's business (real corosync)
    const a = analyzeTolerance(config);
    // Every run first checks the all-up verdict; a run of its own only when nothing else is asked.
    const questions: Question[] =
      a.anyFailures < 1 && !(a.anyFailures >= 0 && a.anyFailures + 1 < n) ? [{ label: 'all up', down: [], expect: a.allUp.quorate }] : [];
    if (a.anyFailures >= 1)
      questions.push({
        label: `worst ${a.anyFailures} (any ${a.anyFailures} survive)`,
        down: worstFailureSet(config, a.anyFailures),
        expect: true,
      });
    if (a.anyFailures >= 0 && a.anyFailures + 1 < n)
      questions.push({
        label: `worst ${a.anyFailures + 1} (smallest stopping set)`,
        down: worstFailureSet(config, a.anyFailures + 1),
        expect: false,
      });
    if (n > 1 && n <= 16) {
      const down = [...config.nodes]
        .sort(() => random() - 0.5)
        .slice(0, int(1, n - 1))
        .map((x) => x.nodeid)
        .sort((x, y) => x - y);
      questions.push({ label: `random ${down.length}`, down, expect: afterFailure(config, down).quorate });
    }
    const lms = a.lastManStanding;
    if (lms && lms.stages.length > 1) {
      const ids = (names: string[]) => names.map((name) => config.nodes.find((x) => x.name === name)!.nodeid);
      const steps = lms.stages.filter((s) => s.tolerates).map((s) => ids(s.failed));
      const gone = new Set(steps.flat());
      const left = config.nodes.filter((x) => !gone.has(x.nodeid)).map((x) => x.nodeid);
      questions.push({ label: `last_man_standing steps ${lms.stages.map((s) => s.up).join('→')}`, down: [], steps, expect: true });
      if (left.length >= 2) {
        // One more failure: the tie-breaker of what is left when there is one, else any node.
        const atb = resolveQuorumSettings(config).atb;
        const victim =
          atb === 'lowest'
            ? Math.min(...left)
            : atb === 'highest'
              ? Math.max(...left)
              : atb === 'list'
                ? ((config.autoTieBreakerNode as number[]).find((id) => left.includes(id)) ?? left[0])
                : left[0];
        const events: QuorumEvent[] = [{ type: 'start' }];
        for (const s of steps) events.push({ type: 'fail', nodes: s }, { type: 'wait' });
        events.push({ type: 'fail', nodes: [victim] });
        questions.push({
          label: `last_man_standing, then node ${victim} (${lms.downTo} left → ${left.length - 1})`,
          down: [],
          steps: [...steps, [victim]],
          expect: simulate(config, events).final.quorate,
        });
        assert.equal(
          simulate(config, events).final.quorate,
          lms.downTo < 2 ? true : false,
          `${label}: downTo ${lms.downTo} but one more failure leaves quorum ${simulate(config, events).final.quorate}`,
        );
      }
    }
    cases.push({ label, config, questions });
  }
  return cases;
}

interface Verdict {
  label: string;
  expect: boolean;
  got: boolean | null;
  /** vqsim's own nodes of the surviving partition disagreed (votequorum raced with itself): not compared. */
  raced: boolean;
}

async function ask(dir: string, config: QuorumConfig, q: Question, slack = 1): Promise<{ got: boolean; raced: boolean; allUp: boolean }> {
  fs.writeFileSync(path.join(dir, 'q.conf'), corosyncConf(config));
  const ids = config.nodes.map((x) => x.nodeid);
  const sim = new Vqsim(dir);
  const n = ids.length;
  // Start-up grows as n^3 messages; a busy machine needs more.
  const patience = (10_000 + n * n * 4) * slack;
  try {
    const expected = new Map(ids.map((id) => [id, ids]));
    let lines = await sim.settle(expected, patience);
    const allUp = lines.every((l) => l.q === '1');
    const steps = q.steps ?? (q.down.length ? [q.down] : []);
    let stay = ids;
    let part = 0;
    for (const step of steps) {
      part++;
      if (part > 1) await sleep(config.lastManStandingWindow + 150);
      sim.send(`split ${part}:${step.join(',')}`);
      stay = stay.filter((id) => !step.includes(id));
      for (const id of stay) expected.set(id, stay);
      for (const id of step) expected.delete(id); // the failed side is not asked about
      lines = await sim.settle(expected, patience);
      // Every step but the last must leave the survivors quorate (the steps are meant to be survivable).
      if (q.steps && part < steps.length && !survivors(lines, stay).every((l) => l.q === '1')) return { got: false, raced: false, allUp };
    }
    const mine = survivors(lines, stay);
    const qs = new Set(mine.map((l) => l.q));
    return { got: mine[0].q === '1', raced: qs.size > 1, allUp };
  } finally {
    sim.stop();
  }
}

function survivors(lines: NodeLine[], stay: number[]): NodeLine[] {
  return lines.filter((l) => stay.includes(l.nodeid));
}

describe('quorum tolerance claims vs corosync-vqsim', () => {
  let dirs: string[] = [];
  const skip = ensureTool('corosync-vqsim', ['corosync-vqsim']);
  const seed = Number(process.env.QUORUM_SEED ?? 20261203);
  const large = process.env.QUORUM_TOLERANCE_LARGE === '1';

  before(() => {
    dirs = Array.from({ length: 2 }, () => fs.mkdtempSync(path.join(os.tmpdir(), 'vt-')));
  });
  after(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it(
    'worst sets of size k keep quorum, of size k + 1 do not; random sets and last_man_standing steps agree',
    { skip, timeout: 900_000 },
    async () => {
      const cases = generate(seed, large);
      const questions = cases.flatMap((c) => c.questions.map((q) => ({ c, q })));
      console.log(
        `quorum tolerance vqsim: seed ${seed}, ${cases.length} configurations of ${Math.min(...cases.map((c) => c.config.nodes.length))}-${Math.max(...cases.map((c) => c.config.nodes.length))} nodes, ${questions.length} questions`,
      );
      const verdicts: Verdict[] = [];
      const started = Date.now();
      let next = 0;
      await Promise.all(
        dirs.map(async (dir) => {
          while (next < questions.length) {
            const { c, q } = questions[next++];
            const label = `${c.label} [${q.label}] down=${q.down.length > 12 ? q.down.slice(0, 12).join(',') + ',…' : q.down.join(',')}`;
            try {
              // A vqsim that does not settle (a machine busy with the lab and end-to-end layers) gets two more
              // tries with more patience; an answer is still required of every question of the default sample.
              let r = await ask(dir, c.config, q)
                .catch(() => ask(dir, c.config, q, 2))
                .catch(() => ask(dir, c.config, q, 4));
              const allUp = analyzeTolerance(c.config).allUp.quorate;
              // From about 100 nodes vqsim's start-up can lose messages on a busy machine and answer q=0
              // with every node a member (header; seen at 110 nodes alone, at 100 in a fresh-clone run
              // beside the lab and end-to-end layers): a disagreement there is asked again, twice, on a
              // fresh vqsim with more patience. A real disagreement repeats and still counts.
              for (let retry = 1; c.config.nodes.length > 48 && retry <= 2; retry++) {
                const agrees = r.got === q.expect && (!(q.down.length || q.steps) || r.allUp === allUp);
                if (agrees || r.raced) break;
                console.log(`  vqsim disagreed on ${label}; asking again (${retry}/2)`);
                r = await ask(dir, c.config, q, 2 * retry).catch(() => r);
              }
              if (q.down.length || q.steps)
                verdicts.push({ label: `${c.label} [all up, before: ${q.label}]`, expect: allUp, got: r.allUp, raced: false });
              verdicts.push({ label, expect: q.expect, got: r.got, raced: r.raced });
            } catch (e) {
              verdicts.push({ label: `${label}: ${(e as Error).message.slice(0, 200)}`, expect: q.expect, got: null, raced: false });
            }
          }
        }),
      );
      const failed = verdicts.filter((v) => v.got === null);
      const raced = verdicts.filter((v) => v.raced);
      const compared = verdicts.filter((v) => v.got !== null && !v.raced);
      const mismatches = compared.filter((v) => v.got !== v.expect);
      for (const v of raced) console.log(`  vqsim nodes disagreed (not compared): ${v.label}`);
      for (const v of failed) console.log(`  vqsim gave no answer: ${v.label}`);
      for (const v of mismatches.slice(0, 20)) console.log(`  MISMATCH engine=${v.expect ? 1 : 0} vqsim=${v.got ? 1 : 0} ${v.label}`);
      const byKind = (re: RegExp) => compared.filter((v) => re.test(v.label)).length;
      console.log(
        `quorum tolerance vqsim: ${compared.length - mismatches.length}/${compared.length} agree in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
          `(${byKind(/\[worst \d+ \(any/)} any-k sets, ${byKind(/\[worst \d+ \(smallest/)} stopping sets, ${byKind(/\[random/)} random sets, ${byKind(/\[last_man_standing/)} last_man_standing runs, ${byKind(/\[all up/)} all-up verdicts; ` +
          `${raced.length} raced, ${failed.length} without an answer)`,
      );
      assert.equal(mismatches.length, 0, `${mismatches.length} mismatches, first: ${mismatches[0]?.label}`);
      // Large runs may overwhelm vqsim; the default sample must all be answered.
      if (!large) assert.equal(failed.length, 0, `vqsim gave no answer for: ${failed[0]?.label}`);
      assert.ok(compared.length >= questions.length * 0.9, 'too few questions compared to call this a proof');
      // The claims themselves were asked: some any-k sets, some stopping sets, some of more than 16 and 32 nodes.
      assert.ok(byKind(/\[worst \d+ \(any/) >= 10 && byKind(/\[worst \d+ \(smallest/) >= 10);
      assert.ok(
        compared.some(
          (v) => /^n=(\d+)/.test(v.label) && Number(/^n=(\d+)/.exec(v.label)![1]) > 32 && /\[worst \d+ \(smallest/.test(v.label),
        ),
      );
    },
  );
});
