// The language service re-folds only what an edit touched (model/build.ts IncrementalModel). These
// tests edit documents step by step and compare every answer with a service that analyses the same
// texts from scratch, and check the cross-file rule: a name defined in another file exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LanguageService } from '../../../server/src/service/languageService';
import type { DocumentKind } from '../../../server/src/base/types';
import type { Diagnostic } from 'vscode-languageserver-types';

const fixtures = path.join(import.meta.dirname, 'fixtures');

async function service(): Promise<LanguageService> {
  const s = new LanguageService();
  await s.init();
  return s;
}

function summary(list: Diagnostic[]): string[] {
  return list
    .map(
      (d) =>
        `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message}`,
    )
    .sort();
}

/** A fresh service given the same texts, and the diagnostics of every document. */
async function coldService(docs: Map<string, { kind: DocumentKind; text: string }>) {
  const fresh = await service();
  for (const [uri, d] of docs) fresh.setDocument(uri, d.kind, d.text, 1);
  return { service: fresh, diagnostics: new Map([...docs.keys()].map((uri) => [uri, summary(fresh.diagnostics(uri))])) };
}

/** The model's tables in the order rules and features see them ("the first resource" depends on it). */
function modelOrder(s: LanguageService) {
  const m = s.clusterModel();
  return {
    resources: [...m.resources.keys()],
    everCreated: [...m.everCreated.keys()],
    nodes: [...m.nodes.keys()],
    constraints: m.constraints.map((c) => c.id),
    properties: [...m.properties.keys()],
  };
}

function lineEdit(text: string, line: number, character: number, deleteCount: number, insert: string) {
  const lines = text.split('\n');
  const l = Math.min(line, lines.length - 1);
  const c = Math.min(character, lines[l].length);
  const end = Math.min(c + deleteCount, lines[l].length);
  return { range: { start: { line: l, character: c }, end: { line: l, character: end } }, text: insert };
}

test('a resource created in another file exists; within a file, order matters; deletions elsewhere do not hide it', async () => {
  const s = await service();
  const constraints = 'file:///lab/constraints.sh';
  const resources = 'file:///lab/resources.sh';
  const cleanup = 'file:///lab/cleanup.sh';
  s.setDocument(
    constraints,
    'shell',
    '#!/bin/bash\npcs constraint location web_vip prefers node1=100\npcs constraint location no_such_rsc prefers node1=100\n',
    1,
  );
  s.setDocument(
    resources,
    'shell',
    '#!/bin/bash\npcs resource create web_vip ocf:heartbeat:IPaddr2 ip=10.0.0.10\npcs constraint location late prefers node1=100\npcs resource create late ocf:heartbeat:IPaddr2 ip=10.0.0.11\n',
    1,
  );
  s.setDocument(cleanup, 'shell', '#!/bin/bash\npcs resource delete web_vip\n', 1);
  const unknown = (uri: string) =>
    s
      .diagnostics(uri)
      .filter((d) => d.code === 'pcs/unknown-resource')
      .map((d) => d.range.start.line);
  assert.deepEqual(unknown(constraints), [2], 'web_vip comes from resources.sh; no_such_rsc exists nowhere');
  assert.deepEqual(unknown(resources), [2], "'late' is used above the line that creates it in the same file");
  assert.deepEqual(unknown(cleanup), [], 'deleting a resource another file creates is fine');
  // the other file stops creating it: the error appears without touching constraints.sh
  s.changeDocument(resources, [lineEdit(s.getText(resources)!, 1, 20, 7, 'web_ip')], 2);
  assert.deepEqual(unknown(constraints), [1, 2]);
  s.changeDocument(resources, [lineEdit(s.getText(resources)!, 1, 20, 6, 'web_vip')], 3);
  assert.deepEqual(unknown(constraints), [2]);
  // creating the same id in two files is not a duplicate (either may run)
  s.setDocument(constraints, 'shell', '#!/bin/bash\npcs resource create web_vip ocf:heartbeat:IPaddr2 ip=10.0.0.12\n', 4);
  assert.deepEqual(
    s.diagnostics(constraints).filter((d) => d.code === 'pcs/duplicate-id'),
    [],
  );
});

test('edits re-fold incrementally and give the same diagnostics as a fresh analysis', async () => {
  const s = await service();
  const docs = new Map<string, { kind: DocumentKind; text: string }>();
  const names = ['seed000-lab.sh', 'seed001-lab.sh', 'seed001-memo.md', 'seed002-lab.sh', 'seed004-lab.sh'];
  for (const name of names) {
    const uri = `file:///ws/${name}`;
    const text = readFileSync(path.join(fixtures, name), 'utf8');
    const kind: DocumentKind = name.endsWith('.md') ? 'markdown' : 'shell';
    docs.set(uri, { kind, text });
    s.setDocument(uri, kind, text, 1);
  }
  const uris = [...docs.keys()];
  for (const uri of uris) s.diagnostics(uri);
  // a deterministic mix of edits: typing, new lines, deleted lines, renamed ids, blank lines
  let seed = Number(process.env.INCREMENTAL_SEED ?? 7);
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
  const inserts = [
    'x',
    ' ',
    '\n',
    '\n\n',
    'pcs resource delete web\n',
    'pcs resource create extra ocf:heartbeat:Dummy\n',
    'pcs constraint order start extra then web\n',
    'pcs property set stonith-enabled=false\n',
    // multi-line pastes: everything below moves by several lines
    'pcs resource create pasted ocf:heartbeat:Dummy\npcs constraint location pasted prefers node1=100\n\npcs resource delete pasted\n',
    '\n\n\n# pasted notes\n',
  ];
  for (let step = 0; step < 80; step++) {
    const uri = uris[next(uris.length)];
    const text = docs.get(uri)!.text;
    const lineCount = text.split('\n').length;
    const line = next(lineCount);
    let change =
      step % 5 === 4 ? lineEdit(text, line, 0, 1000, '') : lineEdit(text, line, next(40), next(3), inserts[next(inserts.length)]);
    // whole lines deleted (or joined): the lines below move up
    if (step % 7 === 6)
      change = {
        range: { start: { line, character: 0 }, end: { line: Math.min(lineCount - 1, line + 1 + next(4)), character: 0 } },
        text: '',
      };
    s.changeDocument(uri, [change], step + 2);
    docs.get(uri)!.text = s.getText(uri)!;
    const fresh = await coldService(docs);
    for (const u of uris)
      assert.deepEqual(summary(s.diagnostics(u)), fresh.diagnostics.get(u), `step ${step}: ${u} after editing ${uri} at line ${line}`);
    assert.deepEqual(modelOrder(s), modelOrder(fresh.service), `step ${step}: the model's order after editing ${uri} at line ${line}`);
  }
});

test('a line inserted and undone, again and again: positions moved in place come back exactly, repeated blocks included', async () => {
  // lines move by shifting the moved units' products in place; the extraction must then never hand
  // out an old copy of a moved segment (undo brings the same text back to its old line)
  const s = await service();
  const uri = 'file:///ws/repeat.sh';
  const block = [
    'pcs resource create web ocf:heartbeat:Dummy --group g',
    'pcs constraint location missing prefers node1=100',
    'pcs resource create web ocf:heartbeat:Dummy --group g',
    '',
  ];
  const lines = ['#!/bin/bash', 'pcs cluster setup lab node1 node2 --start', ''];
  for (let i = 0; i < 12; i++) lines.push(...block);
  const original = lines.join('\n') + '\n';
  const docs = new Map([[uri, { kind: 'shell' as DocumentKind, text: original }]]);
  s.setDocument(uri, 'shell', original, 1);
  const first = s.diagnostics(uri);
  assert.ok(first.some((d) => d.code === 'pcs/unknown-resource'));
  let version = 1;
  for (const line of [5, 20, 3, 44, 5, 5]) {
    const inserted = line % 2 ? 'echo step\n' : 'pcs resource create extra ocf:heartbeat:Dummy\n\n';
    s.changeDocument(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: inserted }], ++version);
    docs.get(uri)!.text = s.getText(uri)!;
    assert.deepEqual(summary(s.diagnostics(uri)), (await coldService(docs)).diagnostics.get(uri), `after inserting at line ${line}`);
    const end = { line: line + inserted.split('\n').length - 1, character: 0 };
    s.changeDocument(uri, [{ range: { start: { line, character: 0 }, end }, text: '' }], ++version);
    assert.equal(s.getText(uri), original);
    assert.deepEqual(summary(s.diagnostics(uri)), summary(first), `after undoing the insert at line ${line}`);
  }
  assert.ok(s.foldStats().unitsShifted > 0, 'the moved units were reused, not run again');
});

test('a resource named above its create line and changed in another file: no false duplicate, and deleting the create removes it everywhere', async () => {
  // A line that only names `web_vip` made its later `pcs resource create` look like a duplicate of
  // the memo's clone of it (the memo's copy was taken for this script's own); the two files then
  // kept each other's definition alive after the create line was deleted (long fuzz run, input 79773).
  const s = await service();
  const script = 'file:///dup/setup.sh';
  const memo = 'file:///dup/memo.md';
  const setup = [
    '#!/bin/bash',
    'pcs resource create web_db ocf:heartbeat:Dummy',
    'pcs constraint order web_db then start web_vip',
    'pcs resource create web_vip ocf:heartbeat:IPaddr2 ip=10.9.0.5 cidr_netmask=24',
    '',
  ].join('\n');
  const notes = ['# Notes', '', '```bash', 'pcs resource clone web_vip', '```', ''].join('\n');
  const docs = new Map<string, { kind: DocumentKind; text: string }>([
    [memo, { kind: 'markdown', text: notes }],
    [script, { kind: 'shell', text: setup }],
  ]);
  s.setDocument(memo, 'markdown', notes, 1);
  s.setDocument(script, 'shell', setup, 1);
  const codes = (uri: string) => s.diagnostics(uri).map((d) => `${d.range.start.line} ${d.code}`);
  assert.deepEqual(
    codes(script).filter((c) => c.endsWith('duplicate-id')),
    [],
  );
  assert.ok(s.clusterModel().resources.has('web_vip'));
  // the create line goes: web_vip exists nowhere, as a fresh analysis says
  s.changeDocument(script, [{ range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, text: '' }], 2);
  docs.get(script)!.text = s.getText(script)!;
  const fresh = await coldService(docs);
  for (const uri of [script, memo]) assert.deepEqual(summary(s.diagnostics(uri)), fresh.diagnostics.get(uri), uri);
  assert.equal(s.clusterModel().resources.has('web_vip'), false);
  assert.deepEqual(modelOrder(s), modelOrder(fresh.service));
});

test('a corosync.conf edit updates what scripts see of it without re-analysing them', async () => {
  const s = await service();
  const conf = 'file:///c/corosync.conf';
  const script = 'file:///c/storage.sh';
  s.setDocument(
    conf,
    'corosync',
    'totem {\n    version: 2\n    cluster_name: lab\n}\nnodelist {\n    node {\n        ring0_addr: 10.0.0.1\n        name: node1\n        nodeid: 1\n    }\n}\n',
    1,
  );
  s.setDocument(script, 'shell', '#!/bin/bash\nmkfs.gfs2 -p lock_dlm -t lab:data -j 1 /dev/vg/lv\n', 1);
  const clusterName = () => s.diagnostics(script).filter((d) => d.code === 'shell/gfs2-cluster-name').length;
  assert.equal(clusterName(), 0);
  s.changeDocument(conf, [{ range: { start: { line: 2, character: 18 }, end: { line: 2, character: 21 } }, text: 'prod' }], 2);
  assert.equal(clusterName(), 1, 'the lock table names lab, the cluster is now prod');
});
