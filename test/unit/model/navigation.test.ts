import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildClusterModel,
  scriptDefinition,
  scriptReferences,
  scriptRename,
  scriptHover,
  scriptCompletion,
  scriptSymbols,
  workspaceSymbols,
  clusterNodes,
} from '../../../server/src/scripts/index';
import { doc } from '../pcs/lines';

const a = doc(
  'file:///w/01-setup.sh',
  ['pcs cluster setup lab node1 node2', 'pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.5 --group web'].join('\n'),
);
const b = doc(
  'file:///w/02-constraints.sh',
  [
    'pcs constraint location vip prefers node1=100',
    'pcs resource update vip ip=10.0.0.6',
    'pcs constraint location ',
    'pcs property set no-quorum-policy=',
    'pcs resource ',
  ].join('\n'),
);

test('definition and references of a resource id across files', () => {
  const model = buildClusterModel([b, a], []);
  const def = scriptDefinition(b, model, { line: 0, character: 25 });
  assert.deepEqual(def, [{ uri: a.uri, range: { start: { line: 1, character: 20 }, end: { line: 1, character: 23 } } }]);
  const refs = scriptReferences(b, model, { line: 0, character: 25 }, true);
  assert.equal(refs.length, 3);
});

test('rename a resource everywhere, and refuse an invalid id', () => {
  const model = buildClusterModel([a, b], []);
  const edit = scriptRename(a, model, { line: 1, character: 21 }, 'vip_web')!;
  assert.equal(edit.changes![a.uri].length, 1);
  assert.equal(edit.changes![b.uri].length, 2);
  assert.ok(edit.changes![b.uri].every((e) => e.newText === 'vip_web' && e.range.end.character - e.range.start.character === 3));
  assert.equal(scriptRename(a, model, { line: 1, character: 21 }, '9vip'), null);
});

test('node names navigate to cluster setup; clusterNodes lists members', () => {
  const model = buildClusterModel([a, b], []);
  const def = scriptDefinition(b, model, { line: 0, character: 38 });
  assert.equal(def[0].uri, a.uri);
  assert.deepEqual(
    clusterNodes(model).map((n) => n.name),
    ['node1', 'node2'],
  );
});

test('hover on a resource id shows its definition and the constraints touching it', () => {
  const model = buildClusterModel([a, b], []);
  const hover = scriptHover(b, model, { line: 0, character: 25 })!;
  const text = (hover.contents as { value: string }).value;
  assert.match(text, /ocf:heartbeat:IPaddr2/);
  assert.match(text, /member of group \*\*web\*\*/);
  assert.match(text, /location `location-vip-node1-100`: 100 on node1/);
  const sub = scriptHover(b, model, { line: 0, character: 6 })!;
  assert.match((sub.contents as { value: string }).value, /pcs constraint/);
});

test('completion: resource ids, property values, subcommands', () => {
  const model = buildClusterModel([a, b], []);
  const text = b.extract.invocations.map(() => '').join('\n');
  void text;
  const src = [
    'pcs constraint location vip prefers node1=100',
    'pcs resource update vip ip=10.0.0.6',
    'pcs constraint location ',
    'pcs property set no-quorum-policy=',
    'pcs resource ',
  ].join('\n');
  const ids = scriptCompletion(b, model, src, { line: 2, character: 24 }).map((i) => i.label);
  assert.ok(ids.includes('vip') && ids.includes('web'), ids.join());
  const values = scriptCompletion(b, model, src, { line: 3, character: 34 }).map((i) => i.label);
  assert.deepEqual(values.sort(), ['demote', 'freeze', 'ignore', 'stop', 'suicide']);
  const subs = scriptCompletion(b, model, src, { line: 4, character: 13 }).map((i) => i.label);
  assert.ok(subs.includes('create') && subs.includes('cleanup'), subs.join());
});

test('symbols: declarations per document and workspace query', () => {
  const model = buildClusterModel([a, b], []);
  const names = scriptSymbols(a, model).map((s) => s.name);
  assert.deepEqual(
    names,
    ['lab', 'node1', 'node2', 'vip', 'web'].filter((n) => n !== 'lab'),
  );
  assert.ok(workspaceSymbols(model, 'vi').some((s) => s.name === 'vip'));
  assert.ok(workspaceSymbols(model, 'location').some((s) => s.name === 'location-vip-node1-100'));
});
