// Editor features on corosync.conf: completion, hover, symbols, folding and formatting.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  corosyncCompletion,
  corosyncHover,
  corosyncSymbols,
  corosyncFolding,
  formatCorosync,
  corosyncSchema,
} from '../../../server/src/corosync/index';
import { ready, parse, conf, applyEdits } from './helpers';

const labels = (text: string, line: number, character: number) =>
  corosyncCompletion(parse(text), text, { line, character }).map((i) => i.label);

const hoverText = (text: string, line: number, character: number) => {
  const h = corosyncHover(parse(text), { line, character });
  return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : null;
};

describe('corosync editor features', () => {
  before(ready);

  describe('completion', () => {
    it('offers totem keys inside totem, without keys already present, and no quorum keys', () => {
      const text = 'totem {\n    version: 2\n    tok\n}\n';
      const got = labels(text, 2, 7);
      assert.ok(got.includes('token') && got.includes('token_coefficient') && got.includes('crypto_cipher'));
      assert.ok(got.includes('interface'), 'sub-section interface');
      assert.ok(!got.includes('version'), 'version is already set');
      assert.ok(!got.includes('two_node'));
    });

    it('offers node keys including ringX_addr inside a node block', () => {
      const text = 'nodelist {\n    node {\n        \n    }\n}\n';
      const got = labels(text, 2, 8);
      assert.ok(
        ['ring0_addr', 'ring1_addr', 'nodeid', 'name', 'quorum_votes'].every((k) => got.includes(k)),
        got.join(),
      );
    });

    it('offers top-level sections that are not there yet', () => {
      const text = conf() + '\n';
      const got = labels(text, 20, 0);
      assert.ok(got.includes('logging') && got.includes('system'));
      assert.ok(!got.includes('totem') && !got.includes('nodelist'), 'present sections are not offered again');
    });

    it('offers enum values after the colon, replacing the typed prefix', () => {
      const text = 'totem {\n    version: 2\n    transport: kn\n}\n';
      const items = corosyncCompletion(parse(text), text, { line: 2, character: 17 });
      assert.deepEqual(
        items.map((i) => i.label),
        ['knet', 'udpu', 'udp'],
      );
      const edit = items[0].textEdit as { range: { start: { character: number } }; newText: string };
      assert.equal(edit.range.start.character, 15);
      assert.deepEqual(labels('totem {\n    version: 2\n    crypto_hash: \n}\n', 2, 17), [
        'none',
        'md5',
        'sha1',
        'sha256',
        'sha384',
        'sha512',
      ]);
    });

    it('offers nothing in comments or for free-text values', () => {
      assert.deepEqual(labels('totem {\n    # tok\n}\n', 1, 9), []);
      assert.deepEqual(labels('totem {\n    cluster_name: \n}\n', 1, 18), []);
    });
  });

  describe('hover', () => {
    const text = conf('    token: 3000\n    transport: knet\n');
    it('explains a key with type, range and default', () => {
      const h = hoverText(text, 3, 6)!;
      assert.match(h, /totem\.token/);
      assert.match(h, /integer 0\.\.4294967295/);
      assert.match(h, /Default: `3000`/);
    });
    it('explains a value (integer with unit, enum with the alternatives)', () => {
      assert.match(hoverText(text, 3, 12)!, /3 s/);
      const enumHover = hoverText(text, 4, 17)!;
      assert.match(enumHover, /\*\*knet\*\*/);
      assert.match(enumHover, /`udpu`/);
    });
    it('explains a section and lists its keys', () => {
      const h = hoverText(text, 0, 2)!;
      assert.match(h, /totem \{ \}/);
      assert.match(h, /`crypto_cipher`/);
    });
    it('returns null on unknown keys and blank space', () => {
      assert.equal(hoverText(conf('    tokne: 1\n'), 3, 6), null);
      assert.equal(corosyncHover(parse('\n\n'), { line: 1, character: 0 }), null);
    });
  });

  describe('symbols and folding', () => {
    it('outlines sections, nodes by name and keys', () => {
      const symbols = corosyncSymbols(parse(conf()));
      assert.deepEqual(
        symbols.map((s) => s.name),
        ['totem', 'nodelist', 'quorum'],
      );
      const nodes = symbols[1].children!;
      assert.deepEqual(
        nodes.map((n) => n.name),
        ['node node1', 'node node2'],
      );
      assert.match(nodes[0].detail!, /id 1/);
      assert.ok(symbols[0].children!.some((c) => c.name === 'cluster_name' && c.detail === 'lab'));
    });

    it('folds each section up to the line before its closing brace, and comment runs', () => {
      const text = '# a\n# b\n' + conf();
      const ranges = corosyncFolding(parse(text));
      assert.ok(
        ranges.some((r) => r.startLine === 2 && r.endLine === 4),
        JSON.stringify(ranges),
      );
      assert.ok(
        ranges.some((r) => r.startLine === 7 && r.endLine === 10),
        'first node block',
      );
      assert.ok(ranges.some((r) => r.startLine === 0 && r.endLine === 1 && r.kind === 'comment'));
    });
  });

  describe('formatting', () => {
    const messy =
      'totem{\nversion:2\n      cluster_name :  lab   \n  interface {\nlinknumber: 0\n}\n}\n# nodes\nnodelist {\n node {\n\t\tring0_addr: 10.0.0.1\n    nodeid: 1\n  }\n}\n';

    it('re-indents with spaces and normalises key and section spelling', () => {
      const out = applyEdits(messy, formatCorosync(messy, parse(messy), { tabSize: 4, insertSpaces: true }));
      assert.equal(
        out,
        'totem {\n    version: 2\n    cluster_name: lab\n    interface {\n        linknumber: 0\n    }\n}\n# nodes\nnodelist {\n    node {\n        ring0_addr: 10.0.0.1\n        nodeid: 1\n    }\n}\n',
      );
    });

    it('uses tabs when the editor says so', () => {
      const out = applyEdits(messy, formatCorosync(messy, parse(messy), { tabSize: 8, insertSpaces: false }));
      assert.match(out, /^\t\tlinknumber: 0$/m);
    });

    it('is idempotent and keeps the meaning (same keys, values and sections)', () => {
      for (const opts of [
        { tabSize: 2, insertSpaces: true },
        { tabSize: 4, insertSpaces: false },
      ]) {
        const once = applyEdits(messy, formatCorosync(messy, parse(messy), opts));
        assert.deepEqual(formatCorosync(once, parse(once), opts), []);
        const flat = (t: string) =>
          JSON.stringify(corosyncSymbols(parse(t)), (k, v) => (k === 'range' || k === 'selectionRange' ? undefined : v));
        assert.equal(flat(once), flat(messy));
      }
    });
  });

  it('exposes the schema with every documented section', () => {
    const paths = corosyncSchema.sections.map((s) => s.path);
    for (const p of [
      'totem',
      'totem.interface',
      'nodelist.node',
      'quorum',
      'quorum.device',
      'quorum.device.net',
      'quorum.device.heuristics',
      'logging.logger_subsys',
      'system',
      'resources',
      'nozzle',
    ]) {
      assert.ok(paths.includes(p), p);
    }
    assert.ok(corosyncSchema.keys.length > 100, `${corosyncSchema.keys.length} keys`);
  });
});
