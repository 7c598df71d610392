// Messages and quick fixes for the classes of disagreement found on public corosync.conf files
// (issue 10): each block states what a user sees on such a file. Whether corosync refuses or
// accepts each case is proven by test/oracle/fixtures/corosync/classes/ in the oracle layer.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { ready, check, codes, conf, applyEdits, fixesOf, parse, NODES2, QUORUM } from './helpers';
import { quorumDiagnostics } from '../../../server/src/quorum/features';

const ERROR = 1;
const WARNING = 2;
const INFORMATION = 3;

const NAMED_TWO_LINKS = `nodelist {
    node {
        ring0_addr: 10.1.0.1
        ring1_addr: 10.2.0.1
        name: n1
        nodeid: 1
    }
    node {
        ring0_addr: 10.1.0.2
        ring1_addr: 10.2.0.2
        name: n2
        nodeid: 2
    }
}
`;

function errorsOf(text: string) {
  return check(text).filter((d) => d.severity === ERROR);
}

describe('corosync: classes from real-world files', () => {
  before(ready);

  describe('ttl without multicast', () => {
    it('accepts ttl: 1 under knet and udpu, with a note and a fix that removes it', () => {
      for (const transport of ['knet', 'udpu']) {
        const text = conf(`    transport: ${transport}\n    interface {\n        linknumber: 0\n        ttl: 1\n    }\n`);
        assert.deepEqual(errorsOf(text), [], transport);
        const note = check(text).find((d) => d.code === 'corosync/ttl-ignored')!;
        assert.equal(note.severity, INFORMATION);
        const fixed = applyEdits(text, fixesOf(note)[0].edits);
        assert.doesNotMatch(fixed, /ttl/);
        assert.deepEqual(check(fixed), []);
      }
    });

    it('refuses another ttl, quoting corosync with the interface number', () => {
      const [d] = errorsOf(conf('    transport: udpu\n    interface {\n        linknumber: 0\n        ttl: 3\n    }\n'));
      assert.equal(d.code, 'corosync/interface-transport');
      assert.match(d.message, /\("Can only set ttl on multicast transport types for interface 0"\)/);
    });
  });

  describe('several links', () => {
    it('needs names with udpu too, and then refuses the second link of udpu', () => {
      const unnamed = NAMED_TWO_LINKS.replace(/ {8}name: n\d\n/g, '');
      assert.deepEqual(codes(conf('    transport: udpu\n', unnamed + QUORUM), undefined, ERROR), [
        '7:corosync/multilink-name',
        '12:corosync/multilink-name',
      ]);
      const [d] = errorsOf(conf('    transport: udpu\n', NAMED_TWO_LINKS + QUORUM));
      assert.equal(d.code, 'corosync/too-many-links');
      assert.match(d.message, /"2 is too many configured interfaces for non-Knet transport\."/);
      assert.deepEqual(errorsOf(conf('    transport: knet\n', NAMED_TWO_LINKS + QUORUM)), []);
    });

    it('refuses an interface block that configures a link no node has, but not a bare one', () => {
      const [d] = errorsOf(conf('    interface {\n        linknumber: 1\n        knet_link_priority: 5\n    }\n'));
      assert.equal(d.code, 'corosync/link-mismatch');
      assert.match(d.message, /"Not all nodes have the same number of links"/);
      assert.deepEqual(errorsOf(conf('    interface {\n        linknumber: 1\n    }\n')), []);
    });
  });

  describe('corosync 3 needs a nodelist', () => {
    const multicast =
      'totem {\n    version: 2\n    interface {\n        ringnumber: 0\n        bindnetaddr: 10.70.1.0\n        mcastaddr: 239.255.70.1\n    }\n}\n';

    it('gives one error quoting what corosync prints in each case', () => {
      const [a] = errorsOf(multicast);
      assert.equal(a.code, 'corosync/no-nodes');
      assert.match(a.message, /corosync 3 needs a nodelist/);
      assert.match(a.message, /"No valid name found for local host"/);
      assert.match(a.message, /node \{ ring0_addr: ADDRESS_OF_NODE1 {2}nodeid: 1 \}/);
      const [b] = errorsOf('totem {\n    version: 2\n    cluster_name: x\n}\n');
      assert.match(b.message, /"No interfaces defined"/);
      assert.equal(errorsOf(multicast).length, 1);
      const skeleton = applyEdits(multicast, fixesOf(a)[0].edits);
      assert.match(skeleton, /^\}\n\nnodelist \{\n {4}node \{\n {8}ring0_addr: ADDRESS_OF_NODE1\n/m);
      assert.deepEqual(
        errorsOf(skeleton.replace('ADDRESS_OF_NODE1', '10.70.1.1').replace('ADDRESS_OF_NODE2', '10.70.1.2')).filter(
          (d) => d.code === 'corosync/no-nodes',
        ),
        [],
      );
    });

    it('builds the nodelist from corosync 2 member addresses', () => {
      const text =
        'totem {\n    version: 2\n    transport: udpu\n    interface {\n        member {\n            memberaddr: 10.80.3.1\n        }\n        member {\n            memberaddr: 10.80.3.2\n        }\n        mcastport: 5405\n    }\n}\n' +
        QUORUM;
      const d = errorsOf(text).find((x) => x.code === 'corosync/no-nodes')!;
      assert.match(d.message, /ring0_addr: 10\.80\.3\.1/);
      const fixed = applyEdits(text, fixesOf(d)[0].edits);
      assert.match(fixed, /nodelist \{\n {4}node \{\n {8}ring0_addr: 10\.80\.3\.1\n {8}nodeid: 1\n/);
      assert.deepEqual(errorsOf(fixed), []);
      // With the nodelist in place corosync ignores the members: a warning with a fix that removes them.
      const member = check(fixed).find((x) => x.code === 'corosync/obsolete')!;
      assert.match(member.message, /Members ignored/);
    });
  });

  describe('corosync 1/2 keys and sections', () => {
    it('names what replaced them instead of calling them unknown', () => {
      const text =
        'compatibility: whitetank\n' +
        conf('    vsftype: none\n    threads: 0\n    rrp_mode: passive\n') +
        'amf {\n    mode: disabled\n}\naisexec {\n    user: root\n}\nservice {\n    name: pacemaker\n    ver: 0\n}\nlogging {\n    logger_subsys {\n        subsys: QUORUM\n        tags: enter\n    }\n}\n';
      const ds = check(text);
      assert.deepEqual(
        ds.filter((d) => /unknown|misplaced/.test(String(d.code))),
        [],
      );
      assert.ok(
        ds.every((d) => d.severity === WARNING),
        ds.map((d) => d.code).join(),
      );
      const by = (re: RegExp) => ds.find((d) => re.test(d.message))!;
      assert.match(by(/rrp_mode/).message, /link_mode: passive/);
      assert.match(by(/service \{ name: pacemaker \}/).message, /systemctl enable --now pacemaker/);
      assert.match(by(/compatibility/).message, /corosync 2 and 3 ignore it/);
      assert.ok(by(/amf/) && by(/aisexec/) && by(/vsftype/) && by(/`tags`/));
    });

    it('rewrites rrp_mode to link_mode, and removes the pacemaker service section', () => {
      const text = conf('    rrp_mode: active\n');
      const d = check(text).find((x) => x.code === 'corosync/obsolete')!;
      const fixed = applyEdits(text, fixesOf(d)[0].edits);
      assert.match(fixed, /^ {4}link_mode: active$/m);
      assert.deepEqual(check(fixed), []);
      const withService = conf() + 'service {\n    name: pacemaker\n    ver: 1\n}\n';
      const s = check(withService).find((x) => x.code === 'corosync/obsolete')!;
      assert.equal(applyEdits(withService, fixesOf(s)[0].edits), conf());
    });

    it('renames ringnumber 0 to linknumber, but not a ring that would become a link the nodes lack', () => {
      const zero = conf('    interface {\n        ringnumber: 0\n        mcastport: 5405\n    }\n');
      const d = check(zero).find((x) => x.code === 'corosync/deprecated-key')!;
      assert.deepEqual(check(applyEdits(zero, fixesOf(d)[0].edits)), []);
      const one = conf('    transport: udpu\n    interface {\n        ringnumber: 1\n        mcastport: 5405\n    }\n');
      const r = check(one).find((x) => x.code === 'corosync/deprecated-key')!;
      assert.deepEqual(fixesOf(r), []);
      assert.match(r.message, /configures link 0/);
    });

    it('refuses a member block with anything but memberaddr', () => {
      const text = conf(
        '    transport: udpu\n    interface {\n        member {\n            memberaddr: 10.0.0.1\n            port: 5405\n        }\n    }\n',
      );
      assert.deepEqual(codes(text, undefined, ERROR), ['8:corosync/member']);
      assert.match(errorsOf(text)[0].message, /"Only memberaddr is allowed in member section"/);
    });
  });

  describe('end-of-line comments', () => {
    it('explains the refused value in the one error of the line, with a fix that moves the comment', () => {
      const text = conf('    token: 5000 # slow VMs\n');
      const ds = check(text);
      assert.deepEqual(
        ds.map((d) => `${d.range.start.line + 1}:${d.code}`),
        ['4:corosync/invalid-value'],
      );
      assert.match(ds[0].message, /no end-of-line comments: `# slow VMs` is part of the value/);
      const fixed = applyEdits(text, fixesOf(ds[0])[0].edits);
      assert.match(fixed, /^ {4}# slow VMs\n {4}token: 5000\n/m);
      assert.deepEqual(check(fixed), []);
    });

    it('warns when corosync takes the comment into a name, and refuses an address or a subsystem with one', () => {
      const name = NODES2.replace('name: node1', 'name: node1 # primary');
      const [w] = check(conf('', name + QUORUM));
      assert.equal(w.code, 'corosync/inline-comment');
      assert.equal(w.severity, WARNING);
      assert.match(w.message, /"node1 # primary", not "node1"/);
      const addr = NODES2.replace('ring0_addr: 192.168.56.12', 'ring0_addr: 192.168.56.12 # backup');
      const [e] = errorsOf(conf('', addr + QUORUM));
      assert.equal(e.code, 'corosync/inline-comment');
      assert.match(e.message, /"failed to parse node address '192\.168\.56\.12 # backup'"/);
      const subsys = conf() + 'logging {\n    logger_subsys {\n        subsys: QUORUM # q\n        debug: on\n    }\n}\n';
      const [s] = errorsOf(subsys);
      assert.equal(s.range.start.line + 1, 24); // the block's closing brace, where corosync reports it
    });
  });

  describe('one clear message', () => {
    it('gives a line corosync cannot read its syntax error only', () => {
      assert.deepEqual(codes(conf('    token#x: 3000\n')), ['4:corosync/invalid-key-name']);
    });

    it('does not add errors derived from a value corosync already refuses', () => {
      assert.deepEqual(codes(conf('    crypto_cipher: aes256\n    crypto_hash: sha-256\n'), undefined, ERROR), [
        '5:corosync/invalid-value',
      ]);
      assert.deepEqual(
        codes(
          conf(
            '    transport: tcp\n    crypto_cipher: aes256\n    crypto_hash: sha256\n    interface {\n        knet_link_priority: 2\n    }\n',
          ),
          undefined,
          ERROR,
        ),
        ['4:corosync/invalid-value'],
      );
      const token = check(conf('    token: 10\n')).filter((d) => d.severity === ERROR);
      assert.equal(token.length, 1);
      assert.doesNotMatch(token[0].message, /Not appropriate token/);
    });

    it('gives no quorum figures on a file whose nodeids repeat', () => {
      const text = conf(
        '',
        NODES2.replace('nodeid: 2', 'nodeid: 1') + 'quorum {\n    provider: corosync_votequorum\n    expected_votes: 3\n}\n',
      );
      assert.deepEqual(codes(text, undefined, ERROR), ['14:corosync/duplicate-nodeid']);
      assert.deepEqual(quorumDiagnostics(parse(text)), []);
    });
  });

  describe('expected_votes', () => {
    const nodes = (n: number) =>
      `nodelist {\n${Array.from({ length: n }, (_, i) => `    node {\n        ring0_addr: 10.0.0.${i + 1}\n        nodeid: ${i + 1}\n    }\n`).join('')}}\n`;
    const mismatch = (n: number, ev: number) =>
      quorumDiagnostics(parse(conf('', nodes(n) + `quorum {\n    provider: corosync_votequorum\n    expected_votes: ${ev}\n}\n`))).find(
        (d) => d.code === 'quorum/expected-votes-mismatch',
      );

    it('never says "quorum becomes N instead of N"', () => {
      for (const [n, ev] of [
        [4, 5],
        [2, 3],
        [3, 2],
        [4, 3],
        [6, 2],
        [5, 6],
      ]) {
        const d = mismatch(n, ev);
        assert.ok(d, `${n} nodes, expected_votes ${ev}`);
        const m = /quorum becomes (\d+) instead of (\d+)/.exec(d.message);
        if (m) assert.notEqual(m[1], m[2], d.message);
      }
    });

    it('says a higher value that changes nothing is information, and a lower one matters at start-up', () => {
      const same = mismatch(4, 5)!;
      assert.equal(same.severity, INFORMATION);
      assert.match(same.message, /quorum 3 from it, the same as from the nodes' votes/);
      const low = mismatch(6, 2)!;
      assert.equal(low.severity, WARNING);
      assert.match(low.message, /raises expected votes to 6 \(quorum 4\), but until then quorum is 2/);
    });
  });
});
