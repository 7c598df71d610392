// The pure parts of the lab in VS Code: how a lab's status reads in the Nodes view, lab nodes first in
// "Run on…", the statements "Run up to here" / "Run all blocks" run, and the lab limits said on a line.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { labNodeViews, labSummary } from '../../../client/src/lab/labView';
import { buildInventory, orderLabFirst, parseSshConfig, resolveTargets } from '../../../client/src/runOnNode/inventory';
import { formatLabLimit, labLimitOf } from '../../../shared/src/lab/limits';
import { documentSteps } from '../../../server/src/lab/steps';
import { LanguageService } from '../../../server/src/service/languageService';
import type { LabStatus } from '../../../server/src/lab/lab';

function labNode(name: string, extra: Partial<LabStatus['nodes'][number]> = {}): LabStatus['nodes'][number] {
  return {
    name,
    address: '192.168.78.11',
    sshPort: 40000,
    power: 'on',
    daemons: { corosync: true, pacemaker: true, pcsd: true },
    quorate: true,
    quorum: { expectedVotes: 3, totalVotes: 2, quorum: 2, members: ['node2', 'node3'] },
    memoryKb: 262_144,
    partition: 'br0',
    ...extra,
  };
}

const afterKill: LabStatus = {
  name: 'lab',
  dir: '/run/pcmk-lab/lab',
  sshConfig: '/run/pcmk-lab/lab/ssh_config',
  clusterName: 'web',
  nodes: [
    labNode('node1', {
      power: 'off',
      fenced: true,
      quorate: undefined,
      quorum: undefined,
      daemons: { corosync: false, pacemaker: false, pcsd: false },
    }),
    labNode('node2'),
    labNode('node3'),
  ],
  cluster: {
    dc: 'node2',
    quorate: true,
    nodes: [
      { name: 'node1', online: false, standby: false },
      { name: 'node2', online: true, standby: false },
      { name: 'node3', online: true, standby: true },
    ],
    resources: [
      { id: 'lab-fence', agent: 'stonith:fence_lab', role: 'Started', nodes: ['node2'] },
      { id: 'web-ip', agent: 'ocf:heartbeat:IPaddr2', role: 'Started', nodes: ['node2'], group: 'web' },
      { id: 'web-app', agent: 'ocf:pacemaker:Dummy', role: 'Started', nodes: ['node2'], group: 'web' },
    ],
  },
};

describe('Nodes view: a lab node as it reads live', () => {
  it('fenced, DC with quorum and the resources running there, standby', () => {
    const views = labNodeViews(afterKill);
    assert.deepEqual(
      views.map((v) => [v.name, v.description, v.icon]),
      [
        ['node1', 'lab · off (fenced)', 'off'],
        ['node2', 'lab · online · DC · quorate · runs lab-fence, web-ip, web-app', 'online'],
        ['node3', 'lab · standby · quorate', 'standby'],
      ],
    );
    assert.match(views[1]!.tooltip, /corosync-quorumtool: quorate, 2\/3 votes, quorum 2, members node2 node3/);
    assert.equal(labSummary(afterKill), 'lab 2/3 on · quorate · DC node2');
  });

  it('a bare lab: no cluster yet, the daemons that run; a cut-off node without quorum', () => {
    const bare: LabStatus = {
      ...afterKill,
      cluster: undefined,
      nodes: [
        labNode('node1', { daemons: { corosync: false, pacemaker: false, pcsd: true }, quorate: undefined, quorum: undefined }),
        labNode('node2', { daemons: { corosync: true, pacemaker: false, pcsd: true }, quorate: false, partition: 'br1' }),
      ],
    };
    assert.deepEqual(
      labNodeViews(bare).map((v) => v.description),
      ['lab · on · pcsd', 'lab · on · corosync pcsd · NO quorum · partitioned'],
    );
    assert.equal(labSummary(bare), 'lab 2/2 on · no cluster yet');
  });
});

describe('Run on…: lab nodes first', () => {
  const labConfig = parseSshConfig(
    ['Host node1', '  HostName 127.0.0.1', '  Port 40001', 'Host node2', '  HostName 127.0.0.1', '  Port 40002', ''].join('\n'),
  );

  it('the lab nodes lead, in the lab order, and count as cluster members even when only the lab ssh config names them', () => {
    const inventory = buildInventory([{ name: 'db1', addresses: ['10.0.0.5'], source: 'corosync.conf' }], labConfig, {});
    assert.deepEqual(
      inventory.map((n) => `${n.name}:${n.clusterMember}`),
      ['db1:true', 'node1:false', 'node2:false'],
    );
    const ordered = orderLabFirst(inventory, ['node2', 'node1']);
    assert.deepEqual(
      ordered.map((n) => `${n.name}:${n.clusterMember}:${n.destination}`),
      ['node2:true:node2', 'node1:true:node1', 'db1:true:10.0.0.5'],
    );
    assert.deepEqual(
      resolveTargets(ordered, '*').resolved.map((n) => n.name),
      ['node2', 'node1', 'db1'],
    );
  });

  it('no lab: the inventory is unchanged', () => {
    const inventory = buildInventory([], labConfig, {});
    assert.equal(orderLabFirst(inventory, []), inventory);
  });
});

describe('lab limits: said on the line that cannot work in a namespace', () => {
  it('DRBD, kernel modules, the iSCSI target and initiator, package managers', () => {
    assert.equal(
      formatLabLimit(labLimitOf('drbdadm create-md r0')!),
      'lab limit: DRBD needs the drbd kernel module and its kernel devices, which are one per machine, not per lab node',
    );
    assert.match(formatLabLimit(labLimitOf('sudo modprobe drbd')!), /DRBD needs the drbd kernel module/);
    assert.match(formatLabLimit(labLimitOf('modprobe dlm')!), /kernel modules are loaded into the machine's one kernel/);
    assert.match(
      formatLabLimit(labLimitOf('targetcli /backstores/block create name=disk1 dev=/dev/sdb')!),
      /LIO iSCSI target .*; use the lab's shared disk instead \(every node sees it at \/run\/pcmk-lab-shared-disk/,
    );
    assert.match(formatLabLimit(labLimitOf('iscsiadm -m discovery -t st -p 192.168.78.10')!), /iSCSI initiator sessions/);
    assert.match(formatLabLimit(labLimitOf('yum install -y pcs pacemaker fence-agents-all')!), /package manager/);
    assert.match(formatLabLimit(labLimitOf('LANG=C dnf -y install drbd')!), /package manager/);
  });

  it('a limit anywhere in a statement counts; cluster commands are not limits', () => {
    assert.ok(labLimitOf('echo start; modprobe drbd && echo done'));
    assert.equal(labLimitOf('pcs resource create drbd-data ocf:linbit:drbd drbd_resource=r0'), undefined);
    assert.equal(labLimitOf('pcs status'), undefined);
    assert.equal(labLimitOf('echo modprobe drbd'), undefined);
  });
});

describe('Run up to here / Run all blocks: the statements, as the lenses give them', () => {
  it('every statement in order with the nodes its prompt names; a block without prompts is one statement per command', async () => {
    const service = new LanguageService();
    await service.init();
    const uri = 'file:///lab/steps.md';
    const memo = [
      '# Lab',
      '',
      '```',
      '[root@node1 ~]# pcs host auth node1 node2 -u hacluster',
      '[root@node1 ~]# pcs cluster setup web node1 node2',
      '```',
      '',
      '```bash',
      'pcs cluster start --all',
      'cat <<EOF > /etc/motd',
      'lab',
      'EOF',
      'cd /tmp',
      '```',
      '',
      '```',
      '[root@node2 ~]# systemctl status pcsd',
      '```',
      '',
    ].join('\n');
    service.setDocument(uri, 'markdown', memo, 0, true);
    assert.deepEqual(
      documentSteps(service, uri).map((s) => [s.range.start.line, s.range.end.line, s.text, s.nodes]),
      [
        [3, 3, 'pcs host auth node1 node2 -u hacluster', ['node1']],
        [4, 4, 'pcs cluster setup web node1 node2', ['node1']],
        [8, 8, 'pcs cluster start --all', null],
        [9, 11, 'cat <<EOF > /etc/motd\nlab\nEOF', null],
        [16, 16, 'systemctl status pcsd', ['node2']],
      ],
    );
  });
});
