// Which machine "node1" means: the workspace model, ~/.ssh/config and the pacemakerLab.nodes setting.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildInventory, parseSshConfig, resolveNode, resolveTargets } from '../../../client/src/runOnNode/inventory';

const sshConfig = fs.readFileSync(path.join(__dirname, 'fixtures', 'ssh_config'), 'utf8');

describe('ssh config Host entries', () => {
  test('literal aliases with HostName, User, Port; wildcards, negations and Match blocks are not hosts', () => {
    assert.deepEqual(parseSshConfig(sshConfig), [
      { alias: 'node1', hostName: '192.168.78.11', user: 'root' },
      { alias: 'n1', hostName: '192.168.78.11', user: 'root' },
      { alias: 'storage', hostName: '192.168.78.20', user: 'admin', port: 2222 },
      { alias: 'bastion', hostName: 'jump.example.org' },
    ]);
  });

  test('first value wins, as in ssh', () => {
    assert.deepEqual(parseSshConfig('Host a\n  HostName one\nHost a\n  HostName two\n'), [{ alias: 'a', hostName: 'one' }]);
  });
});

describe('inventory', () => {
  const model = [
    { name: 'node1', addresses: ['192.168.78.11'], source: 'corosync.conf' },
    { name: 'node2.example.com', addresses: ['192.168.78.12'], source: 'corosync.conf' },
    { name: 'node3', addresses: [], source: 'pcs host auth' },
  ];

  test('setting beats ssh config beats the model address', () => {
    const inventory = buildInventory(model, parseSshConfig(sshConfig), { node3: 'root@192.168.78.13:2200' });
    const byName = Object.fromEntries(inventory.map((node) => [node.name, node]));
    assert.equal(byName.node1!.destination, 'node1');
    assert.equal(byName.node1!.via, 'ssh-config');
    assert.equal(byName['node2.example.com']!.destination, '192.168.78.12');
    assert.equal(byName['node2.example.com']!.via, 'model');
    assert.equal(byName.node3!.destination, 'root@192.168.78.13:2200');
    assert.equal(byName.node3!.via, 'setting');
  });

  test('ssh-config-only hosts are offered but are not "all nodes"', () => {
    const inventory = buildInventory(model, parseSshConfig(sshConfig), {});
    assert.ok(inventory.some((node) => node.name === 'storage' && !node.clusterMember));
    // n1 points at node1's address, so it is node1, not a host of its own.
    assert.ok(!inventory.some((node) => node.name === 'n1'));
    const all = resolveTargets(inventory, '*');
    assert.deepEqual(
      all.resolved.map((node) => node.name),
      ['node1', 'node2.example.com', 'node3'],
    );
  });

  test('a prompt name finds the node by short name or address; unknown names are reported', () => {
    const inventory = buildInventory(model, [], {});
    assert.equal(resolveNode(inventory, 'node2')?.name, 'node2.example.com');
    assert.equal(resolveNode(inventory, '192.168.78.11')?.name, 'node1');
    assert.deepEqual(resolveTargets(inventory, ['node1', 'node9']).unknown, ['node9']);
  });

  test('with no cluster nodes at all, "all nodes" says so instead of running nowhere', () => {
    assert.deepEqual(resolveTargets(buildInventory([], parseSshConfig(sshConfig), {}), '*').unknown, ['*']);
  });
});
