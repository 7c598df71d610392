// Adapters, diagnostics, lens, inlay hints and hover of the quorum family on real parsed files.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { initParsers } from '../../../server/src/parsing/treeSitter';
import { parseCorosync } from '../../../server/src/corosync/parse';
import { quorumConfigFromCorosync, quorumConfigFromFacts } from '../../../server/src/quorum/adapters';
import { quorumDiagnostics, quorumCodeLenses, quorumInlayHints, quorumHover } from '../../../server/src/quorum/features';
import { afterFailure } from '../../../shared/src/quorum/engine';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

function conf(votes: number[], quorumLines: string[], names = votes.map((_, i) => `node${i + 1}`)): string {
  const nodes = votes.map(
    (v, i) =>
      `    node {\n        ring0_addr: 10.0.0.${i + 1}\n        name: ${names[i]}\n        nodeid: ${i + 1}\n${v !== 1 ? `        quorum_votes: ${v}\n` : ''}    }`,
  );
  return `totem {\n    version: 2\n    cluster_name: lab\n}\n\nnodelist {\n${nodes.join('\n')}\n}\n\nquorum {\n${quorumLines.map((l) => `    ${l}\n`).join('')}}\n`;
}
const fileOf = (text: string) => parseCorosync(text).file;
const codes = (text: string) => quorumDiagnostics(fileOf(text)).map((d) => d.code);

before(async () => {
  await initParsers();
});

describe('quorumConfigFromCorosync', () => {
  it('reads the seed-004 file: weighted votes, names, ids and expected_votes', () => {
    const c = quorumConfigFromCorosync(fileOf(fixture('seed004.conf')));
    assert.deepEqual(
      c.nodes.map((n) => [n.name, n.nodeid, n.votes]),
      [
        ['sv1.home.dom', 1, 2],
        ['sv2.home.dom', 2, 2],
        ['cl1.home.dom', 3, 1],
        ['cl2.home.dom', 4, 1],
      ],
    );
    assert.equal(c.expectedVotes, 8);
    assert.equal(c.provider, 'corosync_votequorum');
  });
  it('reads every quorum option and the quorum device', () => {
    const c = quorumConfigFromCorosync(
      fileOf(
        conf(
          [1, 1, 1, 1],
          [
            'provider: corosync_votequorum',
            'wait_for_all: 0',
            'last_man_standing: 1',
            'last_man_standing_window: 20000',
            'auto_tie_breaker: 1',
            'auto_tie_breaker_node: 3 1',
            'allow_downscale: 1',
            'device {',
            '    model: net',
            '    votes: 1',
            '    net {',
            '        algorithm: ffsplit',
            '    }',
            '}',
          ],
        ),
      ),
    );
    assert.equal(c.waitForAll, false);
    assert.equal(c.lastManStanding, true);
    assert.equal(c.lastManStandingWindow, 20000);
    assert.deepEqual(c.autoTieBreakerNode, [3, 1]);
    assert.equal(c.allowDownscale, true);
    assert.deepEqual(c.qdevice, { model: 'net', votes: 1, algorithm: 'ffsplit' });
  });
});

describe('quorumConfigFromFacts (pcs scripts)', () => {
  it('pcs cluster setup with 2 nodes gets two_node; a quorum device turns it off', () => {
    const two = quorumConfigFromFacts({ nodes: [{ name: 'a' }, { name: 'b' }], options: [] });
    assert.equal(two.twoNode, true);
    assert.equal(afterFailure(two, [2]).quorate, true);
    const withDevice = quorumConfigFromFacts({
      nodes: [{ name: 'a' }, { name: 'b' }],
      options: [],
      device: { model: 'net', options: { host: 'qnetd', algorithm: 'ffsplit' } },
    });
    assert.equal(withDevice.twoNode, false);
    assert.equal(withDevice.qdevice?.algorithm, 'ffsplit');
  });
  it('later pcs quorum update wins; expected-votes applies; bad values are reported', () => {
    const problems: { message: string }[] = [];
    const c = quorumConfigFromFacts(
      {
        nodes: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
        options: [{ wait_for_all: '1' }, { wait_for_all: '0', auto_tie_breaker: 'yes', bogus: '1' }],
        expectedVotes: '5',
      },
      problems,
    );
    assert.equal(c.waitForAll, false);
    assert.equal(c.expectedVotes, 5);
    assert.equal(c.autoTieBreaker, false);
    assert.deepEqual(
      problems.map((p) => p.message.split(':')[0].split(' ')[0]),
      ['auto_tie_breaker=yes', 'bogus'],
    );
  });
});

describe('quorumDiagnostics', () => {
  it('seed-004: expected_votes differs from the sum (with its effect) and each server is a single point of failure', () => {
    const ds = quorumDiagnostics(fileOf(fixture('seed004.conf')));
    const ev = ds.find((d) => d.code === 'quorum/expected-votes-mismatch')!;
    assert.match(ev.message, /expected_votes is 8 but the nodes have 6 votes: quorum becomes 5 instead of 4/);
    assert.equal(ev.severity, 2);
    assert.equal(ev.range.start.line, 33);
    const spof = ds.find((d) => d.code === 'quorum/single-point-of-failure')!;
    assert.match(spof.message, /sv1\.home\.dom or sv2\.home\.dom stops the cluster/);
  });
  it('an even vote count with no tie-breaker warns; auto_tie_breaker or 5 nodes do not', () => {
    assert.ok(codes(conf([1, 1, 1, 1], ['provider: corosync_votequorum'])).includes('quorum/even-split'));
    assert.ok(!codes(conf([1, 1, 1, 1], ['provider: corosync_votequorum', 'auto_tie_breaker: 1'])).includes('quorum/even-split'));
    assert.deepEqual(codes(conf([1, 1, 1, 1, 1], ['provider: corosync_votequorum'])), []);
  });
  it('two_node with 3 nodes warns at the two_node key', () => {
    const d = quorumDiagnostics(fileOf(conf([1, 1, 1], ['provider: corosync_votequorum', 'two_node: 1']))).find(
      (x) => x.code === 'quorum/two-node-not-two',
    )!;
    assert.ok(d);
    assert.equal(d.range.start.line, 25);
  });
  it('a two-node cluster without two_node: losing any node stops it', () => {
    const d = quorumDiagnostics(fileOf(conf([1, 1], ['provider: corosync_votequorum']))).find(
      (x) => x.code === 'quorum/single-point-of-failure',
    )!;
    assert.match(d.message, /any single node.*two_node: 1/);
  });
  it('auto_tie_breaker with a quorum device: corosync refuses to start (error)', () => {
    const d = quorumDiagnostics(
      fileOf(
        conf([1, 1, 1, 1], ['provider: corosync_votequorum', 'auto_tie_breaker: 1', 'device {', '    model: net', '    votes: 1', '}']),
      ),
    );
    assert.deepEqual(
      d.map((x) => [x.code, x.severity]),
      [['quorum/atb-with-qdevice', 1]],
    );
  });
  it('no quorum provider warns', () => {
    assert.deepEqual(codes(conf([1, 1, 1], ['expected_votes: 3'])), ['quorum/no-provider']);
    assert.deepEqual(codes(conf([1, 1, 1], ['provider: bogus'])), ['quorum/no-provider']);
  });
  it('expected_votes that can never be reached: never quorate', () => {
    assert.ok(codes(conf([1, 1, 1], ['provider: corosync_votequorum', 'expected_votes: 9'])).includes('quorum/never-quorate'));
  });
});

describe('lens, inlay hints, hover', () => {
  it('the lens on quorum and nodelist tells the seed-004 story', () => {
    const lenses = quorumCodeLenses(fileOf(fixture('seed004.conf')));
    assert.equal(lenses.length, 2);
    assert.equal(
      lenses[0].title,
      'quorum 5 of 8 expected · 6 votes configured · survives: any one 1-vote node · stops if: sv1.home.dom or sv2.home.dom fails',
    );
    assert.deepEqual(
      lenses.map((l) => l.range.start.line).sort((a, b) => a - b),
      [6, 31],
    );
  });
  it('each node shows its share of the votes beside quorum_votes', () => {
    const hints = quorumInlayHints(fileOf(fixture('seed004.conf')));
    assert.deepEqual(
      hints.map((h) => [h.position.line, h.label]),
      [
        [11, ' 2/6 votes (33%)'],
        [17, ' 2/6 votes (33%)'],
        [22, ' 1/6 votes (17%)'],
        [27, ' 1/6 votes (17%)'],
      ],
    );
  });
  it('hover on the quorum section name gives a table of failure scenarios; elsewhere nothing', () => {
    const file = fileOf(fixture('seed004.conf'));
    const h = quorumHover(file, { line: 31, character: 2 })!;
    const md = (h.contents as { value: string }).value;
    assert.match(md, /\| all nodes up \| 6 \| 5 \| yes \|/);
    assert.match(md, /\| any one 2-vote node down \(sv1\.home\.dom or sv2\.home\.dom\) \| 4 \| 5 \| no \|/);
    assert.equal(quorumHover(file, { line: 33, character: 8 }), null);
  });
});
