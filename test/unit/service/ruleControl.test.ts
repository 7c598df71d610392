// Rule control: suppression comments and severity settings, honoured by the language service (and so
// by the server and `pcmk-lsp check`, which both ask it).
import { test, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../../../server/src/service/languageService';

let service = new LanguageService();
before(() => service.init());
// Each test starts from an empty workspace: workspace-wide rules (STONITH) look at every document.
beforeEach(() => {
  service = new LanguageService();
});

function diagnose(uri: string, kind: 'shell' | 'markdown' | 'corosync', text: string) {
  service.setDocument(uri, kind, text, 1, true);
  return service.diagnostics(uri).map((d) => ({ line: d.range.start.line, code: String(d.code), severity: d.severity, d }));
}

const STONITH_OFF = 'pcs property set stonith-enabled=false';
const MKFS = 'mkfs.xfs /dev/sdb1';

test('disable-next-line silences that code on the next line only', () => {
  const found = diagnose('file:///rc/a.sh', 'shell', ['# pcmk-lsp disable-next-line=shell/destructive-command', MKFS, MKFS].join('\n'));
  assert.deepEqual(
    found.filter((f) => f.code === 'shell/destructive-command').map((f) => f.line),
    [2],
  );
  assert.ok(!found.some((f) => f.code === 'suppression/unused'));
});

test('disable-line, file-wide disable and several codes', () => {
  const lines = [
    '#!/bin/bash',
    'mkfs.xfs /dev/sdb1   # pcmk-lsp disable-line=shell/destructive-command',
    'mkfs.xfs /dev/sdc1',
    STONITH_OFF,
  ];
  const before = diagnose('file:///rc/b.sh', 'shell', lines.join('\n'));
  assert.deepEqual(
    before.filter((f) => f.code === 'shell/destructive-command').map((f) => f.line),
    [2],
  );
  const fileWide = diagnose(
    'file:///rc/b.sh',
    'shell',
    ['# pcmk-lsp disable=shell/destructive-command, pcs/stonith-disabled', ...lines.slice(1)].join('\n'),
  );
  assert.deepEqual(
    fileWide.map((f) => f.code).filter((c) => c !== 'suppression/unused'),
    [],
  );
});

test('a suppression that suppresses nothing is a hint, with a safe fix that removes it', () => {
  const found = diagnose('file:///rc/c.sh', 'shell', ['# pcmk-lsp disable-next-line=pcs/stonith-disabld', STONITH_OFF].join('\n'));
  const unused = found.find((f) => f.code === 'suppression/unused');
  assert.ok(unused, JSON.stringify(found));
  assert.equal(unused.severity, 4);
  assert.equal(unused.line, 0);
  assert.match(unused.d.message, /suppresses nothing: no pcs\/stonith-disabld on the next line/);
  assert.ok(
    found.some((f) => f.code === 'pcs/stonith-disabled' && f.line === 1),
    'the misspelled code suppressed nothing',
  );
  const data = unused.d.data as { fixes: { safe?: boolean; edits: { range: unknown; newText: string }[] }[] };
  assert.deepEqual(data.fixes[0]!.edits[0], { range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, newText: '' });
  assert.equal(data.fixes[0]!.safe, true);
});

test('Markdown: an HTML comment above a fence line and a # comment inside the fence both work', () => {
  const memo = [
    '# Lab',
    '',
    '<!-- pcmk-lsp disable-next-line=pcs/stonith-disabled -->',
    '```bash',
    STONITH_OFF,
    '```',
    '',
    '```bash',
    '# pcmk-lsp disable-next-line',
    'mkfs.xfs /dev/sdb1',
    '```',
  ];
  const found = diagnose('file:///rc/memo.md', 'markdown', memo.join('\n'));
  assert.deepEqual(
    found.map((f) => f.code),
    [],
  );
});

test('corosync.conf: a whole-line comment suppresses, a comment after a value does not count', () => {
  const conf = (comment: string, trailing = '') =>
    [
      'totem {',
      '    version: 2',
      '    cluster_name: lab',
      `    transport: knet${trailing}`,
      comment,
      '    bogus_key: 1',
      '}',
      'nodelist {',
      '    node {',
      '        ring0_addr: 10.0.0.1',
      '        nodeid: 1',
      '        name: n1',
      '    }',
      '}',
      'quorum {',
      '    provider: corosync_votequorum',
      '}',
    ].join('\n');
  const plain = diagnose('file:///rc/corosync.conf', 'corosync', conf(''));
  const unknown = plain.find((f) => f.line === 5);
  assert.ok(unknown, JSON.stringify(plain.map((f) => `${f.line}:${f.code}`)));
  const suppressed = diagnose('file:///rc/corosync.conf', 'corosync', conf(`    # pcmk-lsp disable-next-line=${unknown.code}`));
  assert.ok(!suppressed.some((f) => f.line === 5), JSON.stringify(suppressed.map((f) => `${f.line}:${f.code}`)));
});

test('severity settings change or remove a code everywhere, and links point at the rule page', () => {
  service.configureRules(
    { 'pcs/stonith-disabled': 'error', 'shell/destructive-command': 'off' },
    (code) => `file:///docs/${code.split('/')[0]}.md`,
  );
  try {
    const found = diagnose('file:///rc/d.sh', 'shell', [STONITH_OFF, 'mkfs.xfs /dev/sdb1'].join('\n'));
    assert.deepEqual(
      found.map((f) => `${f.code}:${f.severity}`),
      ['pcs/stonith-disabled:1'],
    );
    assert.deepEqual(found[0]!.d.codeDescription, { href: 'file:///docs/pcs.md' });
  } finally {
    service.configureRules({});
  }
});

test('the "Disable CODE for this line" quick fix writes a comment the suppression then honours', () => {
  const uri = 'file:///rc/e.sh';
  const text = ['#!/bin/bash', 'if true; then', `  ${STONITH_OFF}`, 'fi'].join('\n');
  const found = diagnose(uri, 'shell', text);
  const target = found.find((f) => f.code === 'pcs/stonith-disabled')!;
  const action = service.codeActions(uri, target.d.range, [target.d]).find((a) => a.title === 'Disable pcs/stonith-disabled for this line');
  assert.ok(action, 'action offered');
  const edit = action.edit!.changes![uri]![0]!;
  assert.equal(edit.newText, '  # pcmk-lsp disable-next-line=pcs/stonith-disabled\n');
  const lines = text.split('\n');
  lines.splice(edit.range.start.line, 0, edit.newText.replace(/\n$/, ''));
  assert.deepEqual(
    diagnose(uri, 'shell', lines.join('\n')).map((f) => f.code),
    [],
  );
});
