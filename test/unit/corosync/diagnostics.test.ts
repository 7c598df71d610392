// Diagnostics of corosync.conf: one block per rule family, asserting code, severity and line.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { ready, check, codes, conf, NODES2, QUORUM, applyEdits, fixesOf } from './helpers';

const ERROR = 1;
const WARNING = 2;

describe('corosync diagnostics', () => {
  before(ready);

  it('reports nothing for a valid two-node knet file', () => {
    assert.deepEqual(check(conf('    transport: knet\n    crypto_cipher: aes256\n    crypto_hash: sha256\n')), []);
  });

  describe('syntax', () => {
    it('points a missing closing brace at the section left open', () => {
      const text = 'totem {\n    version: 2\n    cluster_name: lab\n\n' + NODES2 + QUORUM;
      const d = check(text).find((x) => x.code === 'corosync/syntax');
      assert.ok(d, 'expected a syntax error');
      assert.equal(d.severity, ERROR);
      assert.equal(d.range.start.line, 0);
      assert.match(d.message, /totem/);
    });

    it('offers a quick fix that closes the brace and leaves a valid file', () => {
      const text = 'totem {\n    version: 2\n    cluster_name: lab\n\n' + NODES2 + QUORUM;
      const d = check(text).find((x) => x.code === 'corosync/syntax')!;
      const [fix] = fixesOf(d);
      assert.ok(fix, 'expected a quick fix');
      const fixed = applyEdits(text, fix.edits);
      assert.deepEqual(
        check(fixed).filter((x) => x.severity === ERROR),
        [],
      );
    });

    it('reports an unexpected closing brace and a line that is neither key nor section', () => {
      assert.ok(codes(conf() + '}\n').some((c) => c.endsWith(':corosync/syntax')));
      assert.deepEqual(codes(conf('    token 3000\n'), undefined, ERROR), ['4:corosync/syntax']);
    });
  });

  describe('keys', () => {
    it('warns about a misspelled key and offers the schema name', () => {
      const d = check(conf('    tokne: 3000\n')).find((x) => x.code === 'corosync/unknown-key')!;
      assert.equal(d.severity, WARNING);
      assert.match(d.message, /Did you mean `token`\?/);
      const fixed = applyEdits(conf('    tokne: 3000\n'), fixesOf(d)[0].edits);
      assert.match(fixed, /^ {4}token: 3000$/m);
      assert.deepEqual(check(fixed), []);
    });

    it('warns about a key in the wrong section, naming where it belongs', () => {
      const d = check(conf('    two_node: 1\n')).find((x) => x.code === 'corosync/misplaced-key')!;
      assert.equal(d.severity, WARNING);
      assert.match(d.message, /quorum/);
    });

    it('warns about unknown sections with a suggestion, and repeated keys and sections', () => {
      assert.deepEqual(codes(conf() + 'quroum {\n    two_node: 1\n}\n'), ['20:corosync/unknown-section']);
      assert.deepEqual(codes(conf('    token: 3000\n    token: 5000\n')), ['5:corosync/duplicate-key']);
      assert.deepEqual(codes(conf() + 'totem {\n    token: 5000\n}\n'), ['20:corosync/duplicate-section']);
    });

    it('rejects key names corosync cannot store', () => {
      assert.deepEqual(codes(conf('    token timeout: 3000\n'), undefined, ERROR), ['4:corosync/invalid-key-name']);
    });
  });

  describe('values', () => {
    it('rejects integers out of range or not integers, like corosync', () => {
      assert.deepEqual(codes(conf('    token: 3s\n'), undefined, ERROR), ['4:corosync/invalid-value']);
      const d = check(conf('', NODES2 + 'quorum {\n    provider: corosync_votequorum\n    wait_for_all: 256\n}\n')).find(
        (x) => x.code === 'corosync/invalid-value',
      )!;
      assert.match(d.message, /0\.\.255/);
    });

    it('offers 1 for two_node: yes', () => {
      const text = conf('', NODES2 + 'quorum {\n    provider: corosync_votequorum\n    two_node: yes\n}\n');
      const d = check(text).find((x) => x.code === 'corosync/invalid-value')!;
      assert.equal(d.severity, ERROR);
      assert.match(applyEdits(text, fixesOf(d)[0].edits), /two_node: 1/);
    });

    it('rejects invalid enums with the allowed values and a suggestion', () => {
      const d = check(conf('    transport: kent\n')).find((x) => x.code === 'corosync/invalid-value')!;
      assert.equal(d.severity, ERROR);
      assert.match(d.message, /`knet`/);
      assert.match(d.message, /Did you mean `knet`/);
    });

    it('warns (not errors) about values corosync silently ignores', () => {
      assert.deepEqual(codes(conf('    secauth: maybe\n')), ['4:corosync/ignored-value']);
      const provider = check(conf('', NODES2 + 'quorum {\n    provider: bogus\n}\n'));
      assert.deepEqual(
        provider.map((d) => [d.code, d.severity]),
        [['corosync/quorum-provider', WARNING]],
      );
      assert.deepEqual(codes('totem {\n    version: 2\n    cluster_name:\n}\n' + NODES2 + QUORUM), ['3:corosync/empty-cluster-name']);
    });
  });

  describe('totem', () => {
    it('requires version 2', () => {
      assert.deepEqual(codes(conf().replace('version: 2', 'version: 3'), undefined, ERROR), ['2:corosync/version']);
      assert.deepEqual(codes(conf().replace('    version: 2\n', ''), undefined, ERROR), ['1:corosync/version']);
    });

    it('requires a hash with a cipher, and crypto only with knet', () => {
      assert.deepEqual(codes(conf('    crypto_cipher: aes256\n'), undefined, ERROR), ['4:corosync/crypto-hash-required']);
      assert.deepEqual(codes(conf('    transport: udpu\n    crypto_cipher: aes256\n    crypto_hash: sha256\n'), undefined, ERROR), [
        '5:corosync/crypto-transport',
      ]);
      assert.deepEqual(codes(conf('    transport: udpu\n    crypto_cipher: none\n    crypto_hash: none\n')), []);
    });

    it('follows corosync on token minimums (token_coefficient counts with 3+ nodes)', () => {
      assert.ok(codes(conf('    token: 10\n    consensus: 5\n'), undefined, ERROR).includes('4:corosync/timeout-minimum'));
      assert.ok(codes(conf('    token: 100\n'), undefined, ERROR).includes('4:corosync/timeout-minimum'));
      const three = NODES2.replace(
        /\}\n$/,
        '    node {\n        ring0_addr: 192.168.56.13\n        name: node3\n        nodeid: 3\n    }\n}\n',
      );
      assert.deepEqual(codes(conf('    token: 5\n', three + QUORUM), undefined, ERROR), []);
      assert.deepEqual(codes(conf('    token: 126\n'), undefined, ERROR), []);
      assert.deepEqual(codes(conf('    token: 125\n'), undefined, ERROR), ['4:corosync/timeout-minimum']);
    });

    it('rejects ttl with knet and link priority with udp', () => {
      assert.deepEqual(codes(conf('    interface {\n        linknumber: 0\n        ttl: 4\n    }\n'), undefined, ERROR), [
        '6:corosync/interface-transport',
      ]);
    });
  });

  describe('nodelist', () => {
    const node = (addr: string, id?: number | string, name?: string, extra = '') =>
      `    node {\n        ring0_addr: ${addr}\n${name ? `        name: ${name}\n` : ''}${id !== undefined ? `        nodeid: ${id}\n` : ''}${extra}    }\n`;
    const list = (...nodes: string[]) => `nodelist {\n${nodes.join('')}}\n` + QUORUM;

    it('renumbers a duplicate nodeid to the next free one', () => {
      const text = conf('', list(node('10.0.0.1', 1, 'a'), node('10.0.0.2', 2, 'b'), node('10.0.0.3', 1, 'c')));
      const d = check(text).find((x) => x.code === 'corosync/duplicate-nodeid')!;
      assert.equal(d.severity, ERROR);
      assert.equal(d.range.start.line + 1, 19);
      const fix = fixesOf(d)[0];
      assert.match(fix.title, /3/);
      assert.deepEqual(check(applyEdits(text, fix.edits)), []);
    });

    it('requires a nodeid on every knet node, not on udpu IPv4 nodes', () => {
      assert.deepEqual(codes(conf('', list(node('10.0.0.1', 1, 'a'), node('10.0.0.2', undefined, 'b'))), undefined, ERROR), [
        '11:corosync/missing-nodeid',
      ]);
      assert.deepEqual(codes(conf('    transport: udpu\n', list(node('10.0.0.1'), node('10.0.0.2')))), []);
    });

    it('rejects a link on some nodes only, several links without names, and mixed IP families', () => {
      assert.deepEqual(
        codes(conf('', list(node('10.0.0.1', 1, 'a', '        ring1_addr: 10.1.0.1\n'), node('10.0.0.2', 2, 'b'))), undefined, ERROR),
        ['12:corosync/link-mismatch'],
      );
      assert.deepEqual(
        codes(
          conf(
            '',
            list(
              node('10.0.0.1', 1, undefined, '        ring1_addr: 10.1.0.1\n'),
              node('10.0.0.2', 2, undefined, '        ring1_addr: 10.1.0.2\n'),
            ),
          ),
          undefined,
          ERROR,
        ),
        ['6:corosync/multilink-name', '11:corosync/multilink-name'],
      );
      assert.deepEqual(codes(conf('', list(node('10.0.0.1', 1, 'a'), node('fd00::2', 2, 'b'))), undefined, ERROR), [
        '12:corosync/mixed-ip-family',
      ]);
    });

    it('warns about duplicate node names and addresses, which corosync accepts', () => {
      assert.deepEqual(codes(conf('', list(node('10.0.0.1', 1, 'a'), node('10.0.0.2', 2, 'a')))), ['13:corosync/duplicate-node-name']);
      assert.deepEqual(codes(conf('', list(node('10.0.0.1', 1, 'a'), node('10.0.0.1', 2, 'b')))), ['12:corosync/duplicate-node-address']);
    });
  });

  describe('qdevice and logging', () => {
    it('warns about a broken qdevice section', () => {
      const text = conf(
        '',
        NODES2 +
          'quorum {\n    provider: corosync_votequorum\n    device {\n        votes: 3\n        net {\n            algorithm: ffsplit\n        }\n    }\n}\n',
      );
      const qd = check(text).filter((d) => d.code === 'corosync/qdevice');
      assert.ok(qd.length >= 3, qd.map((d) => d.message).join('\n'));
      assert.ok(qd.every((d) => d.severity === WARNING));
      assert.ok(
        qd.some((d) => /model/.test(d.message)) && qd.some((d) => /host/.test(d.message)) && qd.some((d) => /1 vote/.test(d.message)),
      );
    });

    it('rejects logger_subsys without subsys at its closing brace, where corosync reports it', () => {
      assert.deepEqual(codes(conf() + 'logging {\n    logger_subsys {\n        debug: on\n    }\n}\n', undefined, ERROR), [
        '23:corosync/missing-subsys',
      ]);
    });
  });

  describe('workspace hosts', () => {
    it('hints when a node name is not among the hosts named elsewhere, with a near match', () => {
      const hosts = new Map([
        ['node1', [{ uri: 'file:///a.sh', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]],
        ['node-2', []],
      ]);
      const ds = check(conf(), { workspaceHosts: hosts });
      assert.deepEqual(
        ds.map((d) => [d.range.start.line + 1, d.code, d.severity]),
        [[13, 'corosync/unknown-host', 4]],
      );
      assert.equal(fixesOf(ds[0])[0].edits[0].newText, 'node-2');
      assert.deepEqual(check(conf()), [], 'no hint when the workspace hosts are unknown');
    });
  });
});
