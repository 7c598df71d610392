// parseCorosync: the typed CsFile and corosync's own syntax verdicts, on the real tree-sitter grammar.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { initParsers } from '../../../server/src/parsing/treeSitter';
import type { Edit, Tree } from '../../../server/src/parsing/treeSitter';
import { parseCorosync } from '../../../server/src/corosync/parse';
import type { CsFile, CsKeyValue, CsNode, CsSection } from '../../../server/src/corosync/ast';

const fixtures = path.join(__dirname, 'fixtures', 'parse');

before(async () => {
  await initParsers();
});

function parse(text: string): CsFile {
  return parseCorosync(text).file;
}

function section(nodes: CsNode[], name: string, nth = 0): CsSection {
  const found = nodes.filter((n): n is CsSection => n.type === 'section' && n.name === name)[nth];
  assert.ok(found, `section ${name}#${nth} not found`);
  return found;
}

function key(nodes: CsNode[], name: string): CsKeyValue {
  const found = nodes.find((n): n is CsKeyValue => n.type === 'key' && n.key === name);
  assert.ok(found, `key ${name} not found`);
  return found;
}

const r = (l1: number, c1: number, l2: number, c2: number) => ({
  start: { line: l1, character: c1 },
  end: { line: l2, character: c2 },
});

describe('parseCorosync: structure', () => {
  test('seed 004: its "blank" lines hold no-break spaces, which corosync refuses; the rest parses', () => {
    const seed = fs.readFileSync(path.join(fixtures, 'seed-004-four-nodes.conf'), 'utf8');
    const nbsp = parse(seed).syntaxErrors;
    assert.deepEqual(
      nbsp.map((e) => [e.range.start.line + 1, e.reason]),
      [9, 16, 24, 31, 38, 46, 51].map((line) => [line, 'not-a-line']),
    );
    assert.match(nbsp[0]!.advice!, /no-break spaces \(U\+00A0\)/);
  });

  test('the four-node corosync.conf of seed 004 (blank lines emptied) parses, nodes and votes included', () => {
    const seed = fs.readFileSync(path.join(fixtures, 'seed-004-four-nodes.conf'), 'utf8');
    const file = parse(seed.replace(/^\u00a0$/gm, ''));
    assert.deepEqual(file.syntaxErrors, []);
    assert.deepEqual(
      file.children.map((n) => (n.type === 'section' ? n.name : n.key)),
      ['totem', 'nodelist', 'quorum', 'logging'],
    );
    const totem = section(file.children, 'totem');
    assert.equal(key(totem.children, 'crypto_cipher').value, 'aes256');
    const iface = section(totem.children, 'interface');
    assert.equal(iface.parent, totem);
    assert.equal(key(iface.children, 'mcastport').value, '5420');
    const nodes = section(file.children, 'nodelist').children.filter((n) => n.type === 'section');
    assert.equal(nodes.length, 4);
    const votes = nodes.map((n) => key((n as CsSection).children, 'quorum_votes').value);
    assert.deepEqual(votes, ['2', '2', '1', '1']);
    assert.equal(key(section(file.children, 'quorum').children, 'expected_votes').value, '8');
    assert.equal(file.lineCount, 58);
  });

  test('nested sections carry name, brace and full ranges, and parents', () => {
    const text = 'totem {\n  interface {\n    linknumber: 0\n  }\n}\n';
    const file = parse(text);
    const totem = section(file.children, 'totem');
    assert.deepEqual(totem.nameRange, r(0, 0, 0, 5));
    assert.deepEqual(totem.openBraceRange, r(0, 6, 0, 7));
    assert.deepEqual(totem.closeBraceRange, r(4, 0, 4, 1));
    assert.deepEqual(totem.range, r(0, 0, 4, 1));
    assert.equal(totem.parent, null);
    const iface = section(totem.children, 'interface');
    assert.deepEqual(iface.range, r(1, 2, 3, 3));
    const link = key(iface.children, 'linknumber');
    assert.equal(link.parent, iface);
    assert.deepEqual(link.keyRange, r(2, 4, 2, 14));
    assert.deepEqual(link.valueRange, r(2, 16, 2, 17));
    assert.deepEqual(link.range, r(2, 4, 2, 17));
  });

  test('values keep inner spaces and colons (IPv6) and lose surrounding blanks', () => {
    const file = parse('nodelist {\n node {\n  ring0_addr:   fd00::1:2   \n  name:\tnode one\t\n }\n}\n');
    const node = section(section(file.children, 'nodelist').children, 'node');
    const addr = key(node.children, 'ring0_addr');
    assert.equal(addr.value, 'fd00::1:2');
    assert.deepEqual(addr.valueRange, r(2, 16, 2, 25));
    assert.equal(key(node.children, 'name').value, 'node one');
  });

  test('comments are whole lines; a # after a value stays part of the value, as corosync reads it', () => {
    const file = parse('# head\nlogging {\n    # inside\n    to_syslog: yes # note\n}\n');
    assert.deepEqual(file.comments, [r(0, 0, 0, 6), r(2, 4, 2, 12)]);
    assert.equal(key(section(file.children, 'logging').children, 'to_syslog').value, 'yes # note');
  });

  test('an empty value is accepted with an empty range right after the colon', () => {
    const file = parse('logging {\n  to_syslog:   \n}\n');
    const kv = key(section(file.children, 'logging').children, 'to_syslog');
    assert.equal(kv.value, '');
    assert.deepEqual(kv.valueRange, r(1, 12, 1, 12));
    assert.deepEqual(file.syntaxErrors, []);
  });

  test('lines corosync accepts although they look odd: `a: b {`, `totem: {`, an empty key in a section', () => {
    const file = parse('a: b {\n}\ntotem: {\n  version: 2\n}\nlogging {\n  : yes\n}\n');
    assert.deepEqual(file.syntaxErrors, []);
    assert.equal((file.children[0] as CsSection).name, 'a: b');
    const totem = file.children[1] as CsSection;
    assert.equal(totem.name, 'totem');
    assert.deepEqual(totem.nameRange, r(2, 0, 2, 5));
    assert.equal(key(section(file.children, 'logging').children, '').value, 'yes');
  });

  test('CRLF line endings give the same values and ranges as LF', () => {
    const lf = 'totem {\n  cluster_name: lab\n}\n';
    const crlf = parse(lf.replace(/\n/g, '\r\n'));
    assert.deepEqual(crlf.syntaxErrors, []);
    const kv = key(section(crlf.children, 'totem').children, 'cluster_name');
    assert.equal(kv.value, 'lab');
    assert.deepEqual(kv.valueRange, r(1, 16, 1, 19));
    assert.deepEqual(stripParents(crlf), stripParents(parse(lf)));
  });

  test('a last line without newline, tabs, and an empty file', () => {
    const file = parse('quorum {\n\ttwo_node:\t1\n}');
    assert.deepEqual(file.syntaxErrors, []);
    assert.equal(key(section(file.children, 'quorum').children, 'two_node').value, '1');
    assert.deepEqual(section(file.children, 'quorum').closeBraceRange, r(2, 0, 2, 1));
    const empty = parse('');
    assert.deepEqual(empty.children, []);
    assert.deepEqual(empty.syntaxErrors, []);
    assert.equal(empty.lineCount, 1);
  });

  test('positions are LSP positions (UTF-16) after Japanese, Korean and astral characters', () => {
    const text = '# 日本語のコメント\ntotem {\n  cluster_name: 한국어 😀 lab\n  token: 3000\n}\n';
    const file = parse(text);
    assert.deepEqual(file.comments, [r(0, 0, 0, 10)]);
    const totem = section(file.children, 'totem');
    const name = key(totem.children, 'cluster_name');
    assert.equal(name.value, '한국어 😀 lab');
    // "한국어 😀 lab" is 10 UTF-16 units (the emoji takes two) but 18 UTF-8 bytes.
    assert.deepEqual(name.valueRange, r(2, 16, 2, 26));
    const lines = text.split('\n');
    assert.equal(lines[2]!.slice(name.valueRange.start.character, name.valueRange.end.character), name.value);
    assert.deepEqual(key(totem.children, 'token').valueRange, r(3, 9, 3, 13));
  });
});

describe('parseCorosync: syntax errors in corosync wording', () => {
  test('missing closing brace points at the section left open and names the line corosync reports', () => {
    const text = '# c\n\ntotem {\n  version: 2\n\nquorum {\n  provider: corosync_votequorum\n}\n';
    const file = parse(text);
    assert.equal(file.syntaxErrors.length, 1);
    const e = file.syntaxErrors[0]!;
    assert.equal(e.kind, 'missing-brace');
    assert.equal(e.section?.name, 'totem');
    assert.deepEqual(e.range, r(2, 0, 2, 5));
    assert.equal(
      e.message,
      'Missing closing brace: section "totem" opened on line 3 is never closed (corosync reports this at the end of the file, line 8)',
    );
    assert.equal(e.corosyncLine, 7);
    // The quorum section is read inside totem, as corosync reads it; the tree stays usable.
    const totem = section(file.children, 'totem');
    assert.equal(totem.closeBraceRange, null);
    assert.equal(section(totem.children, 'quorum').closeBraceRange?.start.line, 7);
    assert.deepEqual(totem.range, r(2, 0, 7, 1));
  });

  test('two unclosed sections at end of file are both reported, the tree keeps their content', () => {
    const file = parse('nodelist {\n  node {\n    ring0_addr: 10.0.0.1');
    assert.deepEqual(
      file.syntaxErrors.map((e) => [e.kind, e.section?.name]),
      [
        ['missing-brace', 'nodelist'],
        ['missing-brace', 'node'],
      ],
    );
    const node = section(section(file.children, 'nodelist').children, 'node');
    assert.equal(key(node.children, 'ring0_addr').value, '10.0.0.1');
    assert.deepEqual(node.range, r(1, 2, 2, 24));
  });

  test('unexpected closing brace at top level', () => {
    const file = parse('totem {\n}\n  }\n');
    assert.deepEqual(
      file.syntaxErrors.map((e) => [e.kind, e.message, e.range]),
      [['unexpected-brace', 'Unexpected closing brace', r(2, 2, 2, 3)]],
    );
  });

  test('a line that is neither section, key/value nor brace, half-typed keys included', () => {
    const file = parse('totem {\n  version 2\n  crypto_\n  token: 3000\n}\n');
    assert.deepEqual(
      file.syntaxErrors.map((e) => [e.kind, e.reason, e.message, e.range]),
      [
        ['bad-line', 'not-a-line', 'Line is not opening or closing section or key value', r(1, 2, 1, 11)],
        ['bad-line', 'not-a-line', 'Line is not opening or closing section or key value', r(2, 2, 2, 9)],
      ],
    );
    // The rest of the section is still there for the other features.
    assert.equal(key(section(file.children, 'totem').children, 'token').value, '3000');
  });

  test('braces with other text, a brace without a name, text after an opening brace', () => {
    const file = parse('{\n}\nlogging { to_syslog: yes\n}\nquorum {\n  provider: corosync_votequorum\n}}\n');
    assert.deepEqual(
      file.syntaxErrors.map((e) => [e.reason ?? e.kind, e.message, e.range.start.line]),
      [
        ['missing-section-name', "Missing section name before opening bracket '{'", 0],
        ['extra-after-open-brace', "Extra characters after opening bracket '{'", 2],
        [
          'missing-brace',
          'Missing closing brace: section "quorum" opened on line 5 is never closed (corosync reports this at the end of the file, line 7)',
          4,
        ],
        ['extra-around-close-brace', "Extra characters before or after closing bracket '}'", 6],
      ],
    );
    assert.deepEqual(file.syntaxErrors[1]!.range, r(2, 10, 2, 24));
  });

  test('key and section names corosync cannot store: other characters, or a path under 3 characters', () => {
    const file = parse('ab: x\nlogging {\n  a#b: yes\n  to/syslog-x.y_z: yes\n}\nmy section {\n  k1: v\n  k2: v\n}\n');
    assert.deepEqual(
      file.syntaxErrors.map((e) => [e.reason, e.message, e.range]),
      [
        ['invalid-key-name', 'Can\'t store key "ab" into icmap, returned error is CS_ERR_NAME_TOO_LONG', r(0, 0, 0, 2)],
        ['invalid-key-name', 'Can\'t store key "logging.a#b" into icmap, returned error is CS_ERR_NAME_TOO_LONG', r(2, 2, 2, 5)],
        // Once per section, at the first key (where corosync reports it).
        ['invalid-key-name', 'Can\'t store key "my section.k1" into icmap, returned error is CS_ERR_NAME_TOO_LONG', r(6, 2, 6, 4)],
      ],
    );
  });

  test('line too long counts UTF-8 bytes like corosync: 510 are fine, 511 are not, comments too', () => {
    const ok = `logging {\n  logfile: ${'x'.repeat(510 - 11)}\n}\n`;
    assert.deepEqual(parse(ok).syntaxErrors, []);
    const tooLong = `logging {\n  logfile: ${'x'.repeat(511 - 11)}\n}\n`;
    assert.deepEqual(
      parse(tooLong).syntaxErrors.map((e) => [e.reason, e.message, e.range]),
      [['line-too-long', 'Line too long', r(1, 0, 1, 511)]],
    );
    // 170 Japanese characters are 510 bytes; one more is too many even in a comment.
    assert.deepEqual(parse(`#${'あ'.repeat(169)}\n`).syntaxErrors, []);
    const comment = parse(`#${'あ'.repeat(170)}\n`);
    assert.equal(comment.syntaxErrors[0]?.reason, 'line-too-long');
    assert.deepEqual(comment.syntaxErrors[0]?.range, r(0, 0, 0, 171));
  });

  test('the verdicts recorded from corosync -t are reproduced: same files refused, same line, same words', () => {
    const dir = path.join(fixtures, 'oracle');
    const verdicts = JSON.parse(fs.readFileSync(path.join(dir, 'verdicts.json'), 'utf8')) as Record<
      string,
      { line: number; message: string } | null
    >;
    assert.ok(Object.keys(verdicts).length >= 20);
    const mismatches: string[] = [];
    for (const [name, verdict] of Object.entries(verdicts)) {
      const file = parse(fs.readFileSync(path.join(dir, name), 'utf8'));
      if (verdict === null) {
        if (file.syntaxErrors.length) mismatches.push(`${name}: corosync accepts, we report ${file.syntaxErrors[0]!.message}`);
        continue;
      }
      const corosyncWords = verdict.message;
      const hit = file.syntaxErrors.find((e) =>
        e.kind === 'missing-brace'
          ? corosyncWords === 'Missing closing brace' && e.corosyncLine === verdict.line - 1
          : e.range.start.line === verdict.line - 1 && e.message === corosyncWords,
      );
      if (!hit)
        mismatches.push(
          `${name}: corosync says line ${verdict.line} "${corosyncWords}", we say ${JSON.stringify(file.syntaxErrors.map((e) => [e.range.start.line + 1, e.message]))}`,
        );
    }
    assert.deepEqual(mismatches, []);
  });
});

describe('parseCorosync: incremental re-parse', () => {
  /** Applies a text change the way an editor does: edit the old tree, then parse with it. */
  function applyEdit(text: string, tree: Tree, from: number, to: number, insert: string) {
    const newText = text.slice(0, from) + insert + text.slice(to);
    const edit: Edit = {
      startIndex: from,
      oldEndIndex: to,
      newEndIndex: from + insert.length,
      startPosition: pointAt(text, from),
      oldEndPosition: pointAt(text, to),
      newEndPosition: pointAt(newText, from + insert.length),
    };
    tree.edit(edit);
    return { newText, result: parseCorosync(newText, tree) };
  }

  test('typing, deleting a brace and pasting lines give the same CsFile as a fresh parse', () => {
    let text = fs.readFileSync(path.join(fixtures, 'seed-004-four-nodes.conf'), 'utf8');
    let tree = parseCorosync(text).tree!;
    const steps: [number, number, string][] = [];
    // Type a new key in totem one character at a time.
    const at = text.indexOf('   interface {');
    for (const [i, ch] of [...'   token: 3000\n'].entries()) steps.push([at + i, at + i, ch]);
    // Delete the brace closing totem, then put it back; add a Japanese comment; paste a node.
    steps.push([-1, -1, 'delete-totem-close']);
    steps.push([0, 0, '# 設定ファイル\n']);
    steps.push([-2, -2, 'paste-node']);
    for (const [from, to, insert] of steps) {
      let edit: [number, number, string] = [from, to, insert];
      if (insert === 'delete-totem-close') {
        const close = text.indexOf('\n}\n') + 1;
        edit = [close, close + 1, ''];
      } else if (insert === 'paste-node') {
        const end = text.lastIndexOf('   node {');
        edit = [end, end, '   node {\n       ring0_addr: 192.168.1.75\n       nodeid: 5\n   }\n'];
      }
      const { newText, result } = applyEdit(text, tree, ...edit);
      assert.deepEqual(stripParents(result.file), stripParents(parseCorosync(newText).file), `after edit ${JSON.stringify(edit)}`);
      text = newText;
      tree = result.tree!;
    }
    const file = parseCorosync(text).file;
    assert.equal(file.syntaxErrors[0]?.kind, 'missing-brace');
    assert.equal(key(section(file.children, 'totem').children, 'token').value, '3000');
  });
});

function pointAt(text: string, index: number) {
  const before = text.slice(0, index);
  const row = before.split('\n').length - 1;
  return { row, column: index - (before.lastIndexOf('\n') + 1) };
}

/** The CsFile without parent links (and the section copy inside errors), for structural comparison. */
function stripParents(file: CsFile): unknown {
  const strip = (n: CsNode): unknown =>
    n.type === 'section'
      ? { ...n, parent: n.parent?.name ?? null, children: n.children.map(strip) }
      : { ...n, parent: n.parent?.name ?? null };
  return {
    ...file,
    children: file.children.map(strip),
    syntaxErrors: file.syntaxErrors.map((e) => ({ ...e, section: e.section?.nameRange })),
  };
}
