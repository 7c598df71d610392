// The bundled CLI on labs other people write: a DR memo with two clusters (`pcmk-lsp quorum` reports
// both, `check` warns on a constraint naming the other cluster's node), a script whose if/else arms
// create the same fence device, and two files of unknown order.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from './client';

const cli = path.join(repoRoot, 'bin', 'pcmk-lsp.js');
const fixtures = path.join(repoRoot, 'test', 'unit', 'model', 'fixtures');
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: 'utf8' });
const memo = path.join(fixtures, 'clusters', 'dr-memo.md');

interface Finding {
  file: string;
  range: { start: { line: number } };
  severity: string;
  code: string;
}

describe('several clusters, branches and file order through the CLI', () => {
  it('pcmk-lsp quorum on the DR memo: one summary per cluster, the one-cluster fields unchanged at the top', () => {
    const r = run(['quorum', '--format', 'json', memo]);
    assert.equal(r.status, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.clusters.length, 2);
    assert.deepEqual(
      j.clusters.map((c: { name: string; nodes: { name: string }[]; expectedVotes: number }) => [
        c.name,
        c.nodes.map((n) => n.name),
        c.expectedVotes,
      ]),
      [
        ['primary-site', ['node1', 'node2'], 3], // node1's quorum device: 2 nodes + 1 ffsplit vote
        ['recovery-site', ['node3', 'node4'], 2],
      ],
    );
    // the top level is the last cluster, as a one-cluster consumer read it before
    assert.deepEqual(
      j.nodes.map((n: { name: string }) => n.name),
      ['node3', 'node4'],
    );
    assert.equal(j.name, undefined);
    for (const key of ['expectedVotes', 'totalVotes', 'quorum', 'quorate', 'tolerates', 'summary']) assert.ok(key in j.clusters[0], key);
    const text = run(['quorum', memo]);
    assert.match(text.stdout, /^cluster primary-site\n/);
    assert.match(text.stdout, /\ncluster recovery-site\n/);
  });

  it('--down names a node of one cluster: only that cluster loses it; a name in no cluster is refused', () => {
    const r = run(['quorum', '--format', 'json', memo, '--down', 'node3']);
    const j = JSON.parse(r.stdout);
    assert.deepEqual(
      j.clusters.map((c: { nodes: { up: boolean }[] }) => c.nodes.filter((n) => !n.up).length),
      [0, 1],
    );
    const bad = run(['quorum', memo, '--down', 'node9']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /no node "node9" in any cluster/);
  });

  it('pcmk-lsp check: the DR memo has no error and one node-of-other-cluster warning', () => {
    const r = run(['check', '--format', 'json', memo]);
    assert.equal(r.status, 0, r.stdout);
    const findings = JSON.parse(r.stdout) as Finding[];
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error'),
      [],
    );
    assert.deepEqual(
      findings.filter((f) => f.code === 'pcs/node-of-other-cluster').map((f) => f.severity),
      ['warning'],
    );
  });

  it('pcmk-lsp check: if/elif/else arms creating one fence device are no duplicates; a second create in one arm is', () => {
    const r = run(['check', '--format', 'json', path.join(fixtures, 'clusters', 'fence-branches.sh')]);
    const findings = JSON.parse(r.stdout) as Finding[];
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error').map((f) => `${f.range.start.line + 1} ${f.code}`),
      ['11 pcs/duplicate-id', '22 pcs/duplicate-id'],
    );
  });

  it('pcmk-lsp check: two files of unknown order (constraints in one, the clone in the other) give no error', () => {
    const r = run(['check', '--format', 'json', path.join(fixtures, 'order', 'unordered')]);
    assert.equal(r.status, 0, r.stdout);
    assert.deepEqual(
      (JSON.parse(r.stdout) as Finding[]).filter((f) => f.severity === 'error'),
      [],
    );
  });
});
