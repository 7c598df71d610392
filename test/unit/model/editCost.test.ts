// What an edit re-runs, by behaviour a user sees and by counting (LanguageService.foldStats), never by
// time: a line inserted above moves the diagnostics below by one line and changes nothing else, and
// only the edited unit runs again (the units below are reused, moved); typing inside an id runs the
// edited unit and the units that read that id, not the rest of the file; a corosync.conf edit does
// not re-run the script's units that name nodes the script set up itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../../../server/src/service/languageService';
import type { Diagnostic } from 'vscode-languageserver-types';

async function service(): Promise<LanguageService> {
  const s = new LanguageService();
  await s.init();
  return s;
}

const show = (list: Diagnostic[]) => list.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`).sort();

/** A lab script of `groups` blocks: four IPaddr2 resources in a group, a location constraint on a
 * missing resource (an error per block), an ssh loop. */
function lab(groups: number, missing = true): string {
  const out = [
    '#!/bin/bash',
    'pcs cluster setup lab node1 node2 node3 --start',
    'pcs stonith create fence-lab fence_ipmilan ip=10.0.9.1 username=admin',
    '',
  ];
  let n = 0;
  for (let g = 0; g < groups; g++) {
    for (let k = 0; k < 4; k++, n++)
      out.push(`pcs resource create r${n} ocf:heartbeat:IPaddr2 ip=10.0.${g}.${k + 10} cidr_netmask=24 --group g${g}`);
    out.push(`pcs constraint location ${missing ? 'missing' : 'g'}${g} prefers node1=100`);
    out.push(`for i in node1 node2 node3; do ssh root@$i "mkdir -p /srv/g${g}"; done`);
    out.push('');
  }
  return out.join('\n') + '\n';
}

const insertAt = (line: number, text: string) => [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text }];

test('a line inserted above: the diagnostics below move by one line, nothing else changes, only the new unit runs', async () => {
  const s = await service();
  const uri = 'file:///lab/edit.sh';
  s.setDocument(uri, 'shell', lab(40), 1);
  const before = s.diagnostics(uri);
  assert.equal(before.filter((d) => d.code === 'pcs/unknown-resource').length, 40);
  const at = 4 + 7 * 10; // the first line of block 10
  const stats = s.foldStats();
  s.changeDocument(uri, insertAt(at, 'echo preparing the next group\n'), 2);
  const after = s.diagnostics(uri);
  const moved = before.map((d) => {
    const shift = d.range.start.line >= at ? 1 : 0;
    return `${d.range.start.line + shift}:${d.range.start.character} ${d.code} ${d.message}`;
  });
  assert.deepEqual(show(after), moved.sort());
  const now = s.foldStats();
  // the new line's unit; every unit below it is reused with its positions moved
  assert.equal(now.unitsRun - stats.unitsRun, 1, 'units run for one inserted line');
  // and deleting it again restores the first answers exactly
  s.changeDocument(uri, [{ range: { start: { line: at, character: 0 }, end: { line: at + 1, character: 0 } }, text: '' }], 3);
  assert.deepEqual(show(s.diagnostics(uri)), show(before));
  assert.ok(s.foldStats().unitsRun - now.unitsRun <= 1);
});

test('a new `pcs resource create` line runs its own unit and the units that can answer otherwise, not the file', async () => {
  const s = await service();
  const uri = 'file:///lab/insert.sh';
  s.setDocument(uri, 'shell', lab(40), 1);
  const before = s.diagnostics(uri);
  const stats = s.foldStats();
  const at = 4 + 7 * 20;
  s.changeDocument(uri, insertAt(at, 'pcs resource create missing20 ocf:heartbeat:IPaddr2 ip=10.0.99.1 cidr_netmask=24\n'), 2);
  const after = s.diagnostics(uri);
  // the constraint of block 20 names an existing resource now: its error is gone; the unknown ids
  // below it are one edit from the new id, so their "did you mean" names it; the rest only moved
  const expected = before
    .filter((d) => !(d.code === 'pcs/unknown-resource' && d.message.includes("'missing20'")))
    .map((d) => {
      const line = d.range.start.line + (d.range.start.line >= at ? 1 : 0);
      const message = line > at ? d.message.replace(' does not exist.', " does not exist. Did you mean 'missing20'?") : d.message;
      return `${line}:${d.range.start.character} ${d.code} ${message}`;
    });
  assert.deepEqual(show(after), expected.sort());
  const fresh = await service();
  fresh.setDocument(uri, 'shell', s.getText(uri)!, 1);
  assert.deepEqual(show(fresh.diagnostics(uri)), show(after));
  // the new line's unit, and the 19 units below whose unknown id may now have a nearer id; not the
  // other 270 units of the file
  const ran = s.foldStats().unitsRun - stats.unitsRun;
  assert.ok(ran <= 1 + 19, `${ran} units ran for one inserted resource`);
});

test('typing inside a resource id runs the edited unit, not the units below that do not read it', async () => {
  const s = await service();
  const uri = 'file:///lab/type.sh';
  s.setDocument(uri, 'shell', lab(40, false), 1);
  s.diagnostics(uri);
  const stats = s.foldStats();
  const line = 4 + 7 * 5 + 1; // `pcs resource create r21 …`
  const col = 'pcs resource create r2'.length;
  s.changeDocument(uri, [{ range: { start: { line, character: col }, end: { line, character: col } }, text: 'x' }], 2);
  const diagnostics = s.diagnostics(uri);
  assert.ok(!diagnostics.some((d) => d.range.start.line === line), 'r2x1 is a valid new id');
  const ran = s.foldStats().unitsRun - stats.unitsRun;
  assert.ok(ran <= 2, `${ran} units ran for one character typed in an id`);
});

test('a corosync.conf cluster_name edit does not re-run the script units that name the nodes the script set up', async () => {
  const s = await service();
  const conf = ['totem {', '    version: 2', '    cluster_name: lab', '    transport: knet', '}', 'nodelist {'];
  for (let n = 1; n <= 3; n++)
    conf.push('    node {', `        ring0_addr: 10.0.0.${n}`, `        name: node${n}`, `        nodeid: ${n}`, '    }');
  conf.push('}', 'quorum {', '    provider: corosync_votequorum', '}');
  const confUri = 'file:///lab/corosync.conf';
  const uri = 'file:///lab/setup.sh';
  s.setDocument(confUri, 'corosync', conf.join('\n') + '\n', 1);
  s.setDocument(uri, 'shell', lab(30), 1);
  const before = show(s.diagnostics(uri));
  for (const [version, text] of [
    [2, 'labx'],
    [3, 'lab'],
  ] as const) {
    const stats = s.foldStats();
    s.changeDocument(confUri, [{ range: { start: { line: 2, character: 18 }, end: { line: 2, character: 30 } }, text }], version);
    s.diagnostics(confUri);
    s.diagnostics(uri);
    const ran = s.foldStats().unitsRun - stats.unitsRun;
    assert.ok(ran <= 3, `${ran} units ran after cluster_name became '${text}' (the corosync.conf, the script's setup)`);
  }
  assert.deepEqual(show(s.diagnostics(uri)), before);
});
