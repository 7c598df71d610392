// Quorum facts read from pcs scripts: `pcs cluster setup` (+ `pcs quorum ...` lines after it) gives
// the same QuorumConfig, lens, hover and quorum/* diagnostics a corosync.conf gives; the CLI accepts
// scripts and memos; and the corosync.conf the real pcs writes for the same commands agrees with it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { initParsers } from '../../../server/src/parsing/treeSitter';
import { extractScript } from '../../../server/src/shell/extract';
import { parseCorosync } from '../../../server/src/corosync/parse';
import { quorumConfigFromCorosync } from '../../../server/src/quorum/adapters';
import { analyzeTolerance, type QuorumConfig } from '../../../shared/src/quorum/engine';
import { summaryTitle } from '../../../server/src/quorum/features';
import { quorumConfigFromScripts, quorumFactsFromExtract } from '../../../server/src/quorum/fromScripts';
import { scriptQuorumCodeLenses, scriptQuorumDiagnostics, scriptQuorumHover } from '../../../server/src/quorum/scriptFeatures';
import { quorumCli } from '../../support/quorumCli';
import { canUseNetns, ensureTool, failOrSkip } from '../../support/tools';

const root = path.resolve(import.meta.dirname, '../../..');

before(async () => {
  await initParsers();
});

const shell = (text: string) => extractScript(text, 'shell').extract;
const markdown = (text: string) => extractScript(text, 'markdown').extract;
const codes = (text: string) => scriptQuorumDiagnostics(shell(text)).map((d) => d.code);

const THREE = 'pcs cluster setup lab node1 node2 node3 --start --enable\n';
const TWO =
  '#!/bin/bash\npcs host auth node1 node2 -u hacluster -p secret\npcs cluster setup lab node1 addr=10.0.0.1 node2 addr=10.0.0.2\n';
// Seed 004's command: four nodes with addresses, `\` continuations, knet options.
const SEED004 = [
  'pcs host auth sv1.home.dom sv2.home.dom cl1.home.dom cl2.home.dom -u hacluster -p secret',
  'pcs cluster setup fo_cluster \\',
  ' sv1.home.dom addr=192.168.1.71 sv2.home.dom addr=192.168.1.72 cl1.home.dom addr=192.168.1.73 cl2.home.dom addr=192.168.1.74 \\',
  ' transport knet ip_version=ipv4 link transport=udp mcastport=5420',
  '',
].join('\n');

describe('quorumConfigFromScripts / quorumFactsFromExtract', () => {
  it('3-node setup: quorum 2 of 3, survives any one node, no warning', () => {
    const config = quorumConfigFromScripts([shell(THREE)])!;
    assert.deepEqual(
      config.nodes.map((n) => [n.name, n.nodeid, n.votes]),
      [
        ['node1', 1, 1],
        ['node2', 2, 1],
        ['node3', 3, 1],
      ],
    );
    assert.equal(config.twoNode, false);
    assert.match(summaryTitle(config), /^quorum 2 of 3 expected · 3 votes configured · survives: any one node/);
    assert.deepEqual(codes(THREE), []);
  });

  it('2-node setup: pcs writes two_node, so quorum 1 of 2 with wait_for_all and one node may fail', () => {
    const config = quorumConfigFromScripts([shell(TWO)])!;
    assert.equal(config.twoNode, true);
    const a = analyzeTolerance(config);
    assert.equal(a.allUp.quorum, 1);
    assert.equal(a.anyFailures, 1);
    assert.deepEqual(codes(TWO), []);
    const hover = scriptQuorumHover(shell(TWO), { line: 2, character: 14 })!;
    assert.match((hover.contents as { value: string }).value, /wait_for_all: after a cold start/);
  });

  it('seed 004 setup with continuations: 4 nodes, quorum 3 of 4, even split warning on the node words', () => {
    const ex = shell(SEED004);
    const got = quorumFactsFromExtract(ex)!;
    assert.deepEqual(
      got.facts.nodes.map((n) => n.name),
      ['sv1.home.dom', 'sv2.home.dom', 'cl1.home.dom', 'cl2.home.dom'],
    );
    assert.deepEqual(got.anchor.start, { line: 1, character: 0 });
    assert.equal(got.anchor.end.line, 3);
    const config = quorumConfigFromScripts([ex])!;
    assert.equal(analyzeTolerance(config).allUp.quorum, 3);
    const [lens] = scriptQuorumCodeLenses(ex);
    assert.match(lens.title, /^quorum 3 of 4 expected · 4 votes configured · survives: any one node/);
    const diags = scriptQuorumDiagnostics(ex);
    assert.deepEqual(
      diags.map((d) => [d.code, d.severity]),
      [['quorum/even-split', 2]],
    );
    assert.deepEqual(diags[0].range, { start: { line: 2, character: 1 }, end: { line: 2, character: 106 } });
  });

  it('an even split is fixed by a later `pcs quorum update auto_tie_breaker=1` or a quorum device', () => {
    assert.deepEqual(codes(SEED004 + 'pcs quorum update auto_tie_breaker=1\n'), []);
    const withDevice = SEED004 + 'pcs quorum device add model net host=qnetd.home.dom algorithm=ffsplit\n';
    assert.deepEqual(codes(withDevice), []);
    const config = quorumConfigFromScripts([shell(withDevice)])!;
    assert.deepEqual(config.qdevice, { model: 'net', votes: 1, algorithm: 'ffsplit' });
    assert.equal(analyzeTolerance(config).allUp.expectedVotes, 5);
    // removed again: the warning is back
    assert.deepEqual(codes(withDevice + 'pcs quorum device remove\n'), ['quorum/even-split']);
  });

  it('pcs quorum expected-votes 8 on 4 one-vote nodes is refused by votequorum (error) and changes nothing', () => {
    const text = SEED004 + 'pcs quorum expected-votes 8\n';
    const diags = scriptQuorumDiagnostics(shell(text));
    const refused = diags.find((d) => d.code === 'quorum/expected-votes-refused')!;
    assert.equal(refused.severity, 1);
    assert.deepEqual(refused.range, { start: { line: 4, character: 26 }, end: { line: 4, character: 27 } });
    assert.match(refused.message, /quorum 5 but the cluster has only 4 votes/);
    const config = quorumConfigFromScripts([shell(text)])!;
    assert.equal(config.expectedVotes, undefined);
    assert.ok(config.notes.some((n) => n.includes('expected-votes 8 is refused')));
  });

  it('an accepted higher expected-votes applies later: quorum 4 of 6, every single failure stops it', () => {
    const ex = shell(SEED004 + 'pcs cluster start --all\npcs quorum expected-votes 6\n');
    const config = quorumConfigFromScripts([ex])!;
    assert.equal(config.expectedVotes, 6);
    assert.match(scriptQuorumCodeLenses(ex)[0].title, /^quorum 4 of 6 expected .* survives: no node failure/);
    const diags = scriptQuorumDiagnostics(ex);
    const mismatch = diags.find((d) => d.code === 'quorum/expected-votes-mismatch')!;
    assert.equal(mismatch.severity, 2);
    assert.match(mismatch.message, /quorum becomes 4 instead of 3/);
    assert.ok(diags.some((d) => d.code === 'quorum/single-point-of-failure'));
  });

  it('a lower expected-votes is a warning that explains when it matters', () => {
    const d = scriptQuorumDiagnostics(shell(THREE + 'pcs quorum expected-votes 1\n')).find(
      (x) => x.code === 'quorum/expected-votes-mismatch',
    )!;
    assert.match(d.message, /nothing changes .* lowers quorum to 1/);
  });

  it('quorum options of the setup and of later updates, pcs rules for two_node and devices', () => {
    // auto_tie_breaker on 2 nodes: pcs leaves two_node out, so node 1's loss stops the cluster
    const atb2 = 'pcs cluster setup lab n1 n2 quorum auto_tie_breaker=1\n';
    assert.equal(quorumConfigFromScripts([shell(atb2)])!.twoNode, false);
    assert.deepEqual(codes(atb2), ['quorum/single-point-of-failure']);
    // ATB on an odd count without wait_for_all: votequorum ignores it
    assert.deepEqual(codes('pcs cluster setup lab n1 n2 n3 quorum auto_tie_breaker=1\n'), ['quorum/option-ignored']);
    // ATB + LMS on an odd count without wait_for_all: corosync refuses to start votequorum
    const refused = scriptQuorumDiagnostics(shell('pcs cluster setup lab n1 n2 n3 quorum auto_tie_breaker=1 last_man_standing=1\n'));
    assert.deepEqual(
      refused.map((d) => [d.code, d.severity]),
      [['quorum/refused-at-startup', 1]],
    );
    // `key=` removes an option; device add drops ATB
    const c = quorumConfigFromScripts([
      shell(
        'pcs cluster setup lab n1 n2 n3 n4 quorum wait_for_all=1 auto_tie_breaker=1\npcs quorum update wait_for_all=\npcs quorum device add model net host=q algorithm=lms\n',
      ),
    ])!;
    assert.equal(c.waitForAll, undefined);
    assert.equal(c.autoTieBreaker, false);
    assert.deepEqual(c.qdevice, { model: 'net', votes: undefined, algorithm: 'lms' });
    // node add / remove
    const grown = quorumConfigFromScripts([shell(TWO + 'pcs cluster node add node3 addr=10.0.0.3\n')])!;
    assert.deepEqual([grown.nodes.length, grown.twoNode], [3, false]);
    const shrunk = quorumConfigFromScripts([shell(THREE + 'pcs cluster node remove node3\n')])!;
    assert.deepEqual([shrunk.nodes.map((n) => n.name), shrunk.twoNode], [['node1', 'node2'], true]);
  });

  it('workspace: later pcs quorum lines in another file apply; with several setups the last wins and a note says so', () => {
    const setup = shell(THREE);
    const later = shell('pcs quorum device add model net host=q algorithm=ffsplit\n');
    assert.equal(quorumConfigFromScripts([setup, later])!.qdevice?.votes, 1);
    assert.equal(quorumConfigFromScripts([later, setup])!.qdevice, undefined);
    const both = quorumConfigFromScripts([setup, shell(TWO)])!;
    assert.equal(both.nodes.length, 2);
    assert.match(both.notes.join('\n'), /2 pcs cluster setup commands found \(lab, lab\); the last one is used/);
    assert.equal(quorumConfigFromScripts([later]), undefined);
  });

  it('Markdown memo with prompts, pcs 0.9 --name syntax, and a setup in a memo gets a lens per cluster', () => {
    const memo =
      '# Lab\n\n```\nnode1# pcs cluster setup a node1.example.com node2.example.com --start --enable\nnode1# pcs cluster setup b node3.example.com node4.example.com node5.example.com\n```\n';
    const lenses = scriptQuorumCodeLenses(markdown(memo));
    assert.equal(lenses.length, 2);
    assert.match(lenses[0].title, /^quorum 1 of 2 expected/);
    assert.match(lenses[1].title, /^quorum 2 of 3 expected/);
    const old = quorumConfigFromScripts([shell('pcs cluster setup --name lab n1 n2 n3 n4 --wait_for_all=1\n')])!;
    assert.deepEqual([old.nodes.length, old.waitForAll], [4, true]);
  });

  it('hover only on the setup word; no features without a setup', () => {
    const ex = shell(THREE);
    assert.equal(scriptQuorumHover(ex, { line: 0, character: 5 }), null);
    assert.ok(scriptQuorumHover(ex, { line: 0, character: 12 }));
    // an unresolved $NODES could be any number of nodes: no figures rather than wrong ones
    assert.equal(quorumConfigFromScripts([shell('NODES="a b c"\npcs cluster setup lab $NODES\n')]), undefined);
    const none = shell('pcs quorum update wait_for_all=1\npcs status\n');
    assert.deepEqual([scriptQuorumCodeLenses(none), scriptQuorumDiagnostics(none), quorumFactsFromExtract(none)], [[], [], undefined]);
  });
});

// ---- CLI ------------------------------------------------------------------------------------------

describe('pcmk-lsp quorum on scripts and memos', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-scripts-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a script with seed 004 setup, as a function: 4 nodes, --down two nodes → not quorate, exit 1', async () => {
    const file = path.join(dir, 'setup.sh');
    fs.writeFileSync(file, SEED004);
    const r = await quorumCli(['--format', 'json', file, '--down', 'sv1.home.dom,cl1.home.dom']);
    assert.equal(r.code, 1, r.err);
    const j = JSON.parse(r.out);
    assert.deepEqual([j.expectedVotes, j.totalVotes, j.quorum, j.quorate], [4, 2, 3, false]);
    assert.equal(j.tolerates.anyFailures, 1);
    assert.equal(j.tolerates.evenSplit.outcome, 'no-side');
    assert.match(j.notes.join('\n'), /computed from the pcs commands/);
  });

  it('a script that writes corosync.conf in a heredoc uses that file, not its pcs lines', async () => {
    const file = path.join(dir, 'write.sh');
    const conf = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'seed004.conf'), 'utf8');
    fs.writeFileSync(file, `#!/bin/bash\n${THREE}cat > /etc/corosync/corosync.conf <<'EOF'\n${conf}EOF\n`);
    const r = await quorumCli(['--format', 'json', file]);
    const j = JSON.parse(r.out);
    assert.deepEqual([j.expectedVotes, j.quorum, j.nodes.map((n: { votes: number }) => n.votes)], [8, 5, [2, 2, 1, 1]]);
    assert.match(j.notes.join('\n'), /computed from the corosync.conf written at line 4/);
  });

  it('a Markdown memo, as a process: JSON on stdout, exit 0', () => {
    const file = path.join(dir, 'memo.md');
    fs.writeFileSync(
      file,
      '# Setup\n\n```bash\n[root@node1 ~]# pcs cluster setup lab node1 node2 node3\n[root@node1 ~]# pcs quorum update wait_for_all=1\n```\n',
    );
    const p = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'server/src/main.ts', 'quorum', file, '--format', 'json', '--down', 'node2'],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(p.status, 0, p.stderr);
    const j = JSON.parse(p.stdout);
    assert.deepEqual([j.expectedVotes, j.totalVotes, j.quorum, j.quorate], [3, 2, 2, true]);
    assert.deepEqual(
      j.nodes.map((n: { name: string; up: boolean }) => [n.name, n.up]),
      [
        ['node1', true],
        ['node2', false],
        ['node3', true],
      ],
    );
  });

  it('a script without setup nor corosync.conf: clear message, exit 2', async () => {
    const file = path.join(dir, 'empty.sh');
    fs.writeFileSync(file, 'pcs status\n');
    const r = await quorumCli([file]);
    assert.equal(r.code, 2);
    assert.match(r.err, /neither a corosync.conf heredoc with nodes nor a pcs cluster setup/);
  });
});

// ---- oracle: the corosync.conf real pcs writes -------------------------------------------------------

function comparable(c: QuorumConfig) {
  return {
    nodes: c.nodes.map((n) => [n.name, n.nodeid, n.votes]),
    expectedVotes: c.expectedVotes,
    twoNode: c.twoNode,
    waitForAll: c.waitForAll,
    lastManStanding: c.lastManStanding,
    lastManStandingWindow: c.lastManStandingWindow,
    autoTieBreaker: c.autoTieBreaker,
    qdevice: c.qdevice ? { model: c.qdevice.model, votes: c.qdevice.votes, algorithm: c.qdevice.algorithm } : undefined,
    provider: c.provider,
    summary: summaryTitle(c),
  };
}

/** Deterministic generator (LCG) so a failure names a reproducible case. */
function* generatedCases(seed: number): Generator<string[][], void, unknown> {
  let s = seed;
  const rnd = (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor(s / 65536) % n;
  };
  for (;;) {
    const count = 2 + rnd(4);
    const setup = ['cluster', 'setup', 'lab'];
    for (let i = 1; i <= count; i++) setup.push(`n${i}`, `addr=10.99.0.${i}`);
    const options = [];
    if (rnd(2)) options.push(`wait_for_all=${rnd(2)}`);
    if (rnd(2)) options.push('auto_tie_breaker=1');
    if (rnd(3) === 0) options.push('last_man_standing=1', `last_man_standing_window=${1000 * (1 + rnd(9))}`);
    if (options.length) setup.push('quorum', ...options);
    const later: string[][] = [];
    if (rnd(2)) later.push(['quorum', 'device', 'add', 'model', 'net', 'host=127.0.0.1', `algorithm=${rnd(2) ? 'ffsplit' : 'lms'}`]);
    yield [setup, ...later];
  }
}

describe('oracle: pcs cluster setup --corosync_conf writes what quorumConfigFromScripts computes', () => {
  let skip: string | undefined;
  let dir: string;
  before(() => {
    skip = ensureTool('pcs', ['pcs']) ?? (canUseNetns() ? undefined : failOrSkip('needs root for unshare --net around pcs'));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-pcs-oracle-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const fixed: string[][][] = [
    [
      ['cluster', 'setup', 'lab', 'n1', 'addr=10.99.0.1', 'n2', 'addr=10.99.0.2'],
      ['quorum', 'update', 'auto_tie_breaker=1'],
    ],
  ];
  const gen = generatedCases(42);
  const cases: string[][][] = [...fixed, gen.next().value!, gen.next().value!, gen.next().value!];

  cases.forEach((commands, i) => {
    it(`case ${i + 1}: ${commands.map((c) => 'pcs ' + c.join(' ')).join(' ; ')}`, (t) => {
      if (skip) return t.skip(skip);
      const conf = path.join(dir, `case${i}.conf`);
      for (const [k, argv] of commands.entries()) {
        const extra = k === 0 ? ['--corosync_conf', conf, '--no-cluster-uuid'] : ['--corosync_conf', conf];
        const r = spawnSync('unshare', ['--net', 'pcs', ...argv, ...extra], { encoding: 'utf8', timeout: 60_000 });
        assert.equal(r.status, 0, `pcs ${argv.join(' ')}: ${r.stderr}`);
      }
      const { file } = parseCorosync(fs.readFileSync(conf, 'utf8'));
      const fromPcs = quorumConfigFromCorosync(file);
      const script = commands.map((c) => 'pcs ' + c.join(' ')).join('\n') + '\n';
      const fromScript = quorumConfigFromScripts([shell(script)])!;
      assert.deepEqual(comparable(fromScript), comparable(fromPcs));
    });
  });
});
