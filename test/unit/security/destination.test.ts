// Issue 11, finding 1: ssh destinations and ssh config aliases are validated by us before ssh sees
// them, whether they come from a workspace file, pacemakerLab.nodes or an ssh config.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { destinationProblem, parseDestination } from '../../../shared/src/runOnNode/destination';
import { buildInventory, parseSshConfig } from '../../../client/src/runOnNode/inventory';
import { buildSshArgv, runOverSsh } from '../../../shared/src/runOnNode/sshRunner';

describe('ssh destinations', () => {
  const accepted: [string, { user?: string; host: string; port?: number }][] = [
    ['node1', { user: undefined, host: 'node1' }],
    ['root@192.168.78.11', { user: 'root', host: '192.168.78.11' }],
    ['admin@lab-node2:2222', { user: 'admin', host: 'lab-node2', port: 2222 }],
    ['node1.example.com', { user: undefined, host: 'node1.example.com' }],
    ['fd00::11', { user: undefined, host: 'fd00::11' }],
    ['root@[fd00::11]:2200', { user: 'root', host: 'fd00::11', port: 2200 }],
    ['ssh://admin@node2:22', { user: 'admin', host: 'node2', port: 22 }],
    ['lab_node_3', { user: undefined, host: 'lab_node_3' }],
    ['hacluster.admin@10.0.0.1', { user: 'hacluster.admin', host: '10.0.0.1' }],
  ];
  for (const [destination, parsed] of accepted) {
    test(`accepts ${destination}`, () => assert.deepEqual(parseDestination(destination), parsed));
  }

  const refused: [string, RegExp][] = [
    ['node$(touch /tmp/x)', /contains "\$"/],
    ['node`id`', /contains "`"/],
    ['%h.evil', /contains "%"/],
    ['node 1', /contains a space|space/],
    ['-oProxyCommand=touch /tmp/x', /starts with "-"/],
    ['root@-oProxyCommand=x', /not a valid user name|host/],
    ['node1;reboot', /contains ";"/],
    ['node1|x', /contains "\|"/],
    ['node1&', /contains "&"/],
    ['a<b', /contains "<"/],
    ['a>b', /contains ">"/],
    ['node(1)', /contains "\("/],
    ["node'1", /contains "'"/],
    ['node"1', /contains """/],
    ['node\\1', /contains "\\"/],
    ['node\u001b[2J', /contains \\x1b/],
    ['node\n1', /contains/],
    ['node\u0000', /contains \\x00/],
    ['..', /not an IP address, a DNS name/],
    ['a/b', /contains "\/"/],
    ['node1:99999', /port/],
    ['node1:', /port/],
    ['@node1', /empty user/],
    ['root@', /no host/],
    ['', /empty/],
    ['[node1]:22', /not an IPv6 address/],
    ['-node', /starts with "-"/],
    ['node.-x', /not an IP address, a DNS name/],
  ];
  for (const [destination, reason] of refused) {
    test(`refuses ${JSON.stringify(destination)}`, () => {
      const problem = destinationProblem(destination);
      assert.ok(problem, `${JSON.stringify(destination)} must be refused`);
      assert.match(problem!, reason);
      // The message never carries a raw control character of the input.
      assert.doesNotMatch(problem!, /[\u0000-\u001f]/);
    });
  }

  test('a refused destination never reaches ssh: buildSshArgv throws, a run fails without spawning', async () => {
    assert.throws(() => buildSshArgv({ destination: 'node$(id)', command: 'true' }), /contains "\$"/);
    const result = await runOverSsh({ destination: 'x`id`', command: 'true', sshProgram: ['/nonexistent/never-run'] }).result;
    assert.equal(result.status, 'ssh-error');
    assert.deepEqual(result.argv, []);
    assert.match(result.failure!.message, /contains "`"/);
  });
});

describe('inventory: names from files and ssh config go through the same validation', () => {
  test('a node whose name or address cannot be a destination is listed with a problem', () => {
    const nodes = buildInventory(
      [
        { name: '..', addresses: [], source: 'corosync.conf' },
        { name: 'node$(touch x)', addresses: [], source: 'corosync.conf' },
        { name: 'node2', addresses: ['10.0.0.2'], source: 'corosync.conf' },
        { name: 'node3', addresses: ['-oProxyCommand=x'], source: '/etc/hosts heredoc' },
      ],
      [],
      { node4: 'root@node4;reboot' },
    );
    const byName = Object.fromEntries(nodes.map((n) => [n.name, n]));
    assert.match(byName['..']!.problem!, /not an IP address/);
    assert.match(byName['node$(touch x)']!.problem!, /"\$"/);
    assert.equal(byName.node2!.problem, undefined);
    assert.equal(byName.node2!.destination, '10.0.0.2');
    assert.match(byName.node3!.problem!, /starts with "-"/);
    assert.match(byName.node4!.problem!, /";"/);
  });

  test('ssh config Host aliases that are not plain names are not offered', () => {
    const hosts = parseSshConfig(
      ['Host good-node', '  HostName 10.0.0.1', 'Host bad$(id) also%h ok_2', '  User root', 'Host *', '  User x'].join('\n'),
    );
    assert.deepEqual(
      hosts.map((h) => h.alias),
      ['good-node', 'ok_2'],
    );
  });
});
