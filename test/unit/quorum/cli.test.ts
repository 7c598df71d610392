// `pcmk-lsp quorum`: as a function (runQuorumCli) and as a process (exit codes, stdout/stderr).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { quorumCli } from '../../support/quorumCli';

const root = path.resolve(import.meta.dirname, '../../..');
const seed004 = path.join(import.meta.dirname, 'fixtures', 'seed004.conf');

describe('runQuorumCli', () => {
  it('JSON for seed-004 with a server down: 4 of 5 votes, not quorate, exit 1', async () => {
    const r = await quorumCli(['--format', 'json', seed004, '--down', 'sv1.home.dom']);
    assert.equal(r.code, 1);
    const j = JSON.parse(r.out);
    assert.deepEqual([j.expectedVotes, j.totalVotes, j.quorum, j.quorate], [8, 4, 5, false]);
    assert.deepEqual(j.nodes[0], { name: 'sv1.home.dom', nodeid: 1, votes: 2, up: false });
    assert.equal(j.tolerates.anyFailures, 0);
    assert.deepEqual(j.tolerates.smallestStoppingSets, [['sv1.home.dom'], ['sv2.home.dom']]);
    assert.equal(j.tolerates.evenSplit.outcome, 'no-side');
  });
  it('--down takes node ids too, several at once; a client down keeps quorum (exit 0)', async () => {
    const r = await quorumCli([seed004, '--down=3', '--format=json']);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.out).totalVotes, 5);
    const two = await quorumCli([seed004, '--down', '3,4', '--format', 'json']);
    assert.equal(JSON.parse(two.out).quorate, false);
  });
  it('text output names the figures', async () => {
    const r = await quorumCli([seed004]);
    assert.equal(r.code, 0);
    assert.match(r.out, /expected votes 8, total votes 6, quorum 5\nquorate: yes/);
  });
  it('bad input: clear message and exit 2', async () => {
    let r = await quorumCli([seed004, '--down', 'sv3.home.dom']);
    assert.equal(r.code, 2);
    assert.match(r.err, /no node "sv3\.home\.dom" in the nodelist; did you mean "sv1\.home\.dom"/);
    r = await quorumCli(['/no/such/corosync.conf']);
    assert.equal(r.code, 2);
    assert.match(r.err, /cannot read \/no\/such\/corosync\.conf: no such file/);
    r = await quorumCli(['--format', 'yaml', seed004]);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown format "yaml"/);
    r = await quorumCli([]);
    assert.equal(r.code, 2);
    assert.match(r.err, /FILE is missing/);
  });
  it('a file without a nodelist: exit 2', async () => {
    const dir = fs.mkdtempSync(path.join(root, '.tmp-quorum-'));
    try {
      const f = path.join(dir, 'corosync.conf');
      fs.writeFileSync(f, 'totem {\n    version: 2\n}\nquorum {\n    provider: corosync_votequorum\n}\n');
      const r = await quorumCli([f]);
      assert.equal(r.code, 2);
      assert.match(r.err, /has no nodelist/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('pcmk-lsp quorum on a large cluster (issue 11, finding 7)', () => {
  it('40 nodes, one with 3 votes: JSON gives any 19 failures and the worst sets (extension fields); text abbreviates the sets', async () => {
    const dir = fs.mkdtempSync(path.join(root, '.tmp-quorum-'));
    try {
      const nodes = Array.from(
        { length: 40 },
        (_, i) =>
          `    node {\n        ring0_addr: 10.1.0.${i + 1}\n        name: m${i + 1}\n        nodeid: ${i + 1}\n${i === 32 ? '        quorum_votes: 3\n' : ''}    }`,
      );
      const f = path.join(dir, 'corosync.conf');
      fs.writeFileSync(
        f,
        `totem {\n    version: 2\n    cluster_name: big\n}\nnodelist {\n${nodes.join('\n')}\n}\nquorum {\n    provider: corosync_votequorum\n}\n`,
      );
      const r = await quorumCli(['--format', 'json', f]);
      assert.equal(r.code, 0, r.err);
      const j = JSON.parse(r.out);
      // 42 votes, quorum 22: m33 (3 votes) and 18 others lost leave 21 < 22; m33 and 17 others leave 22.
      assert.deepEqual([j.expectedVotes, j.quorum], [42, 22]);
      assert.equal(j.tolerates.anyFailures, 18);
      assert.equal(j.tolerates.worstCase.stops.length, 19);
      assert.ok(j.tolerates.worstCase.stops.includes('m33'));
      assert.equal(j.tolerates.worstCase.survived.length, 18);
      assert.equal(j.tolerates.lastManStanding, null);
      assert.equal(j.tolerates.survivingSets, null);
      const text = await quorumCli([f]);
      assert.match(
        text.out,
        /smallest loss that stops it: 19 nodes \(m1 \+ m2 \+ m3 \+ … \+ m33\) \(and others; --format json lists examples\)/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('pcmk-lsp quorum as a process', () => {
  it('prints JSON on stdout and exits with the quorate status', () => {
    const runner = path.join(import.meta.dirname, 'fixtures', 'run-cli.ts');
    const p = spawnSync(process.execPath, ['--import', 'tsx', runner, '--format', 'json', seed004, '--down', 'sv2.home.dom'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(p.status, 1, p.stderr);
    assert.equal(JSON.parse(p.stdout).quorate, false);
  });
  it('the built command (bin/pcmk-lsp.js) when dist/server.js exists', (t) => {
    if (!fs.existsSync(path.join(root, 'dist/server.js'))) return t.skip('dist/server.js is not built (npm run build)');
    const p = spawnSync(process.execPath, [path.join(root, 'bin/pcmk-lsp.js'), 'quorum', '--format', 'json', seed004, '--down', '4'], {
      encoding: 'utf8',
    });
    assert.equal(p.status, 0, p.stderr);
    assert.equal(JSON.parse(p.stdout).totalVotes, 5);
  });
});
