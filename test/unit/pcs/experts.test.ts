// Checks experts expect (issue 10, item 8): each fixture holds one mistake pcs accepts, next to the
// right way of doing the same thing, read through the real extraction (as `pcmk-lsp check` does).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildClusterModel, scriptDiagnostics } from '../../../server/src/scripts/index';
import { initParsers } from '../../../server/src/parsing/treeSitter';
import { extractScript } from '../../../server/src/shell/extract';
import type { FixData } from '../../../server/src/base/types';

before(async () => {
  await initParsers();
});

function analyse(name: string, extra = '') {
  const text = fs.readFileSync(path.join(__dirname, 'fixtures', 'experts', name), 'utf8') + extra;
  const d = { uri: `file:///experts/${name}`, kind: 'shell', extract: extractScript(text, 'shell').extract } as const;
  const diags = scriptDiagnostics(d, buildClusterModel([d], []));
  const lines = text.split('\n');
  /** `severity:first words of the line` of each diagnostic with `code`. */
  const found = (code: string) =>
    diags.filter((x) => x.code === code).map((x) => `${x.severity}:${lines[x.range.start.line].split(' ').slice(0, 4).join(' ')}`);
  return { diags, found, text };
}

test('a Filesystem on DRBD needs promote-then-start and a colocation with the Promoted role', () => {
  const { diags, found } = analyse('drbd-filesystem.sh');
  assert.deepEqual(found('pcs/drbd-filesystem-unordered'), ['2:pcs resource create late_fs', '2:pcs resource create bare_fs']);
  const late = diags.find((x) => x.code === 'pcs/drbd-filesystem-unordered' && x.message.includes('late_fs'))!;
  assert.match(late.message, /waits for DRBD's start, not its promote/);
  assert.match(late.message, /not with its Promoted role/);
  const bare = diags.find((x) => x.message.includes('bare_fs'))!;
  assert.match(bare.message, /no order constraint .* no colocation/s);
  assert.deepEqual(
    diags.filter((x) => x.severity === 1),
    [],
    'pcs accepts every line',
  );
});

test('a Filesystem on DRBD with no promotable DRBD resource at all', () => {
  const text =
    'pcs resource create d ocf:linbit:drbd drbd_resource=r0\npcs resource create fs ocf:heartbeat:Filesystem device=/dev/drbd0 directory=/m fstype=xfs\n';
  const doc = { uri: 'file:///x.sh', kind: 'shell', extract: extractScript(text, 'shell').extract } as const;
  const d = scriptDiagnostics(doc, buildClusterModel([doc], [])).find((x) => x.code === 'pcs/drbd-filesystem-unordered');
  assert.ok(d);
  assert.match(d.message, /'d' is not promotable: 'pcs resource promotable d/);
});

test('resource op defaults timeout below the advised timeout of an operation that uses it', () => {
  const { diags, found, text } = analyse('op-defaults-timeout.sh');
  assert.deepEqual(found('pcs/op-defaults-timeout-short'), ['2:pcs resource op defaults']);
  const d = diags.find((x) => x.code === 'pcs/op-defaults-timeout-short')!;
  assert.match(d.message, /'data' monitor: ocf:heartbeat:Filesystem advises 40s/);
  assert.match(d.message, /'quick' monitor: ocf:heartbeat:Dummy advises 20s/);
  const edit = (d.data as FixData).fixes[0].edits[0];
  const line = text.split('\n')[edit.range.start.line];
  assert.equal(line.slice(edit.range.start.character, edit.range.end.character), '15s');
  assert.equal(edit.newText, '40s');
  // with a timeout high enough, nothing; an operation with its own timeout does not use the default
  assert.deepEqual(
    analyse('op-defaults-timeout.sh', 'pcs resource op defaults update timeout=60s\n').found('pcs/op-defaults-timeout-short'),
    [],
  );
  const own =
    'pcs resource create d ocf:heartbeat:Filesystem device=/dev/sdb1 directory=/d fstype=xfs op monitor interval=20s timeout=60s\npcs resource op defaults update timeout=15s\n';
  const doc = { uri: 'file:///own.sh', kind: 'shell', extract: extractScript(own, 'shell').extract } as const;
  assert.deepEqual(
    scriptDiagnostics(doc, buildClusterModel([doc], [])).filter((x) => x.code === 'pcs/op-defaults-timeout-short'),
    [],
  );
});

test('two nodes fenced through one management board; virtual BMCs on different ports are fine', () => {
  const { diags, found } = analyse('fence-shared-address.sh');
  assert.deepEqual(found('pcs/fence-shared-address'), ['2:pcs stonith create ipmi-n2']);
  assert.match(
    diags.find((x) => x.code === 'pcs/fence-shared-address')!.message,
    /'ipmi-n2' \(for node2\) and 'ipmi-n1' \(for node1\) use the same management board 10\.20\.0\.11/,
  );
});

test('a floating IP outside every subnet of the nodes is information', () => {
  const { found } = analyse('vip-subnet.sh');
  assert.deepEqual(found('pcs/vip-outside-subnets'), ['3:pcs resource create vip_elsewhere']);
});

test('a one-node cluster with no-quorum-policy=ignore: information instead of the split-brain warning', () => {
  const { found } = analyse('single-node-ignore.sh');
  assert.deepEqual(found('pcs/no-quorum-ignore-single-node'), ['3:pcs property set no-quorum-policy=ignore']);
  assert.deepEqual(found('pcs/no-quorum-ignore'), []);
  // a second node: the warning is back, the advice gone
  const two = analyse('single-node-ignore.sh', 'pcs cluster node add second addr=10.1.1.2\n');
  assert.deepEqual(two.found('pcs/no-quorum-ignore-single-node'), []);
  assert.deepEqual(two.found('pcs/no-quorum-ignore'), ['2:pcs property set no-quorum-policy=ignore']);
});

test('a globally-unique IPaddr2 clone (CLUSTERIP) is a warning; a plain clone is not', () => {
  const { found } = analyse('clusterip.sh');
  assert.deepEqual(found('pcs/ipaddr2-clusterip'), ['2:pcs resource clone shared_ip']);
});
