import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAgentCatalog } from '../../../server/src/agents/catalog';

const catalog = loadAgentCatalog();

test('short names resolve case-insensitively, as pcs guesses them', () => {
  for (const [name, id] of [
    ['ipaddr2', 'ocf:heartbeat:IPaddr2'],
    ['IPADDR2', 'ocf:heartbeat:IPaddr2'],
    ['apache', 'ocf:heartbeat:apache'],
    ['exportfs', 'ocf:heartbeat:exportfs'],
    ['controld', 'ocf:pacemaker:controld'],
    ['fence_scsi', 'stonith:fence_scsi'],
  ]) {
    const r = catalog.resolve(name, 'resource');
    assert.equal(r.kind, 'found', name);
    assert.equal(r.kind === 'found' && r.agent.id, id);
    assert.equal(r.kind === 'found' && r.guessed, true);
  }
});

test('a short name matching several agents is ambiguous, with the candidates pcs lists', () => {
  const r = catalog.resolve('Dummy', 'resource');
  assert.equal(r.kind, 'ambiguous');
  assert.deepEqual(r.kind === 'ambiguous' && r.candidates, ['ocf:heartbeat:Dummy', 'ocf:pacemaker:Dummy']);
  assert.equal(
    r.kind === 'ambiguous' && r.message,
    "Multiple agents match 'Dummy', please specify full name: 'ocf:heartbeat:Dummy' or 'ocf:pacemaker:Dummy'",
  );
});

test('full names, parameterless standards and invalid names', () => {
  assert.equal(catalog.resolve('ocf:heartbeat:IPaddr2', 'resource').kind, 'found');
  assert.equal(catalog.resolve('ocf:heartbeat:ipaddr2', 'resource').kind, 'unknown', 'full names are case-sensitive');
  for (const name of ['systemd:tgtd', 'lsb:nfs', 'service:httpd', 'systemd:lvm2-pvscan@252:2']) {
    assert.equal(catalog.resolve(name, 'resource').kind, 'parameterless', name);
  }
  const unknown = catalog.resolve('ocf:heartbeat:NoSuchAgent', 'resource');
  assert.equal(unknown.kind, 'unknown');
  assert.match(
    unknown.kind === 'unknown' ? unknown.message : '',
    /^Agent 'ocf:heartbeat:NoSuchAgent' is not installed or does not provide valid metadata/,
  );
  assert.equal(catalog.resolve('nosuchagent', 'resource').kind, 'unknown');
  assert.equal(catalog.resolve('ocf:IPaddr2', 'resource').kind, 'invalid');
  assert.equal(catalog.resolve('bogus:x', 'resource').kind, 'invalid');
  assert.equal(catalog.resolve('systemd:p:x', 'resource').kind, 'invalid');
});

test('stonith create takes a bare fence agent name', () => {
  const r = catalog.resolve('fence_scsi', 'stonith');
  assert.equal(r.kind === 'found' && r.agent.id, 'stonith:fence_scsi');
  assert.equal(catalog.resolve('stonith:fence_scsi', 'stonith').kind, 'invalid');
  assert.equal(catalog.resolve('fence_nothing', 'stonith').kind, 'unknown');
  // pcs never guesses the helpers it leaves out of its agent lists.
  assert.equal(catalog.resolve('fence_legacy', 'resource').kind, 'unknown');
});
