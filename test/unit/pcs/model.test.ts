import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildClusterModel, scriptDiagnostics } from '../../../server/src/scripts/index';
import type { FixData } from '../../../server/src/base/types';
import { doc } from './lines';

function check(text: string, uri = 'file:///w/a.sh') {
  const d = doc(uri, text);
  const model = buildClusterModel([d], []);
  const diags = scriptDiagnostics(d, model);
  return { model, diags, codes: diags.map((x) => `${x.range.start.line}:${x.code}`) };
}

test('constraint on a resource that does not exist is an error, with did-you-mean', () => {
  const { diags } = check(
    ['pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.5', 'pcs constraint location vpi prefers node1=100'].join('\n'),
  );
  const d = diags.find((x) => x.code === 'pcs/unknown-resource');
  assert.ok(d, JSON.stringify(diags));
  assert.equal(d.severity, 1);
  assert.equal(d.range.start.line, 1);
  assert.match(d.message, /Did you mean 'vip'/);
});

test('--group naming a primitive, duplicate id and invalid id are refused', () => {
  const { codes } = check(
    [
      'pcs resource create vip ocf:pacemaker:Dummy',
      'pcs resource create web ocf:pacemaker:Dummy --group vip',
      'pcs resource create vip ocf:pacemaker:Dummy',
      'pcs resource create 1bad ocf:pacemaker:Dummy',
    ].join('\n'),
  );
  assert.ok(codes.includes('1:pcs/not-a-group'), codes.join());
  assert.ok(codes.includes('2:pcs/duplicate-id'), codes.join());
  assert.ok(codes.includes('3:pcs/invalid-id'), codes.join());
});

test('a line sees the model the lines before it left: constraint before create is refused, after is fine', () => {
  const { codes } = check(
    [
      'pcs constraint order A then B',
      'pcs resource create A ocf:pacemaker:Dummy',
      'pcs resource create B ocf:pacemaker:Dummy',
      'pcs constraint order A then B',
    ].join('\n'),
  );
  assert.ok(codes.includes('0:pcs/unknown-resource'));
  assert.ok(!codes.some((c) => c.startsWith('3:') && c.includes('unknown')), codes.join());
});

test('invalid score, unknown property and invalid property value', () => {
  const { diags } = check(
    [
      'pcs resource create A ocf:pacemaker:Dummy',
      'pcs constraint location A prefers n1=abc',
      'pcs property set no-such-prop=1',
      'pcs property set no-quorum-policy=bogus',
      'pcs property set stonith-enabled=maybe',
    ].join('\n'),
  );
  const by = (code: string) => diags.filter((d) => d.code === code).map((d) => d.range.start.line);
  assert.deepEqual(by('pcs/invalid-score'), [1]);
  assert.deepEqual(by('pcs/unknown-property'), [2]);
  assert.deepEqual(by('pcs/invalid-property-value'), [3, 4]);
  const policy = diags.find((d) => d.range.start.line === 3)!;
  assert.match(policy.message, /'freeze'/);
});

test('unknown subcommand and option are errors with the replacement', () => {
  const { diags } = check(['pcs resource craete A ocf:pacemaker:Dummy', 'pcs cluster start --bogus', 'pcs stonith show --full'].join('\n'));
  const sub = diags.find((d) => d.code === 'pcs/unknown-command')!;
  assert.equal(sub.range.start.character, 13);
  assert.equal((sub.data as FixData).fixes[0].edits[0].newText, 'create');
  assert.ok(diags.some((d) => d.code === 'pcs/unknown-option' && d.range.start.line === 1));
  assert.ok(diags.some((d) => d.code === 'pcs/removed-command' && d.range.start.line === 2));
});

test('STONITH disabled, no-quorum-policy=ignore and missing fence device are warnings', () => {
  const a = check(['pcs property set stonith-enabled=false', 'pcs property set no-quorum-policy=ignore'].join('\n'));
  assert.ok(a.diags.some((d) => d.code === 'pcs/stonith-disabled' && d.severity === 2));
  assert.ok(a.diags.some((d) => d.code === 'pcs/no-quorum-ignore' && d.severity === 2));
  const b = check('pcs resource create A ocf:pacemaker:Dummy');
  assert.ok(b.diags.some((d) => d.code === 'pcs/no-fence-device'));
  const c = check(['pcs stonith create f1 fence_scsi devices=/dev/sdb', 'pcs resource create A ocf:pacemaker:Dummy'].join('\n'));
  assert.ok(!c.diags.some((d) => d.code === 'pcs/no-fence-device'));
});

test('node not in the cluster gets a did-you-mean (sr1 vs sv1)', () => {
  const { diags } = check(
    [
      'pcs host auth sv1.home.dom sv2.home.dom cl1.home.dom -u hacluster',
      'pcs stonith history cleanup sr1.home.dom',
      'pcs stonith history cleanup cl1.home.dom',
    ].join('\n'),
  );
  const d = diags.filter((x) => x.code === 'pcs/unknown-node');
  assert.equal(d.length, 1);
  assert.equal(d[0].range.start.line, 1);
  assert.match(d[0].message, /sv1\.home\.dom/);
});

test('group name used once and close to another group is flagged', () => {
  const { diags } = check(
    [
      'pcs resource create fs ocf:pacemaker:Dummy --group ha_group_iscsi',
      'pcs resource create vip ocf:pacemaker:Dummy --group ha_group_iscsi',
      'pcs resource create web ocf:pacemaker:Dummy --group ha_group',
    ].join('\n'),
  );
  const d = diags.filter((x) => x.code === 'pcs/group-name-typo');
  assert.equal(d.length, 1);
  assert.equal(d[0].range.start.line, 2);
  assert.match(d[0].message, /ha_group_iscsi/);
});

test('a resource banned from every node can never run; order loops are found', () => {
  const { diags } = check(
    [
      'pcs cluster setup lab n1 n2',
      'pcs resource create A ocf:pacemaker:Dummy',
      'pcs resource create B ocf:pacemaker:Dummy',
      'pcs constraint location A avoids n1',
      'pcs constraint location A avoids n2',
      'pcs constraint order A then B',
      'pcs constraint order B then A',
    ].join('\n'),
  );
  const never = diags.find((d) => d.code === 'pcs/cannot-run-anywhere');
  assert.equal(never?.range.start.line, 4);
  const loop = diags.find((d) => d.code === 'pcs/constraint-loop');
  assert.equal(loop?.range.start.line, 6);
});

test('mkfs.gfs2 with another cluster name and too few journals; GFS2 without freeze', () => {
  const { diags } = check(
    [
      'pcs cluster setup lab n1 n2 n3',
      'mkfs.gfs2 -j2 -p lock_dlm -t other:gfs2 /dev/vg/lv',
      'pcs resource create dlm ocf:pacemaker:controld --group locking',
    ].join('\n'),
  );
  assert.ok(diags.some((d) => d.code === 'shell/gfs2-cluster-name' && d.range.start.character === 29));
  assert.ok(diags.some((d) => d.code === 'shell/gfs2-journals'));
  assert.ok(diags.some((d) => d.code === 'pcs/gfs2-needs-freeze'));
});

test('passwords on the command line, destructive commands and a misspelled tool', () => {
  const { diags } = check(
    [
      'pcs host auth n1 n2 -u hacluster -p centos',
      'sshpass -p rocky ssh root@n1 true',
      'passwd --stdin hacluster',
      'pcs cluster destroy --all',
      'iscsadm -m node --login',
    ].join('\n'),
  );
  const by = (code: string) => diags.filter((d) => d.code === code).map((d) => d.range.start.line);
  assert.deepEqual(by('shell/password-on-command-line'), [0, 1, 2]);
  assert.deepEqual(by('shell/destructive-command'), [3]);
  const typo = diags.find((d) => d.code === 'shell/misspelled-command')!;
  assert.equal(typo.severity, 1);
  assert.match(typo.message, /iscsiadm/);
});

test('exportfs: duplicate fsid and export outside the NFSv4 root', () => {
  const { diags } = check(
    [
      'pcs resource create root ocf:heartbeat:exportfs clientspec=* directory=/srv/nfs fsid=0',
      'pcs resource create a ocf:heartbeat:exportfs clientspec=* directory=/srv/nfs/a fsid=1',
      'pcs resource create b ocf:heartbeat:exportfs clientspec=* directory=/data/b fsid=1',
    ].join('\n'),
  );
  assert.ok(diags.some((d) => d.code === 'pcs/exportfs-duplicate-fsid' && d.range.start.line === 2));
  assert.ok(diags.some((d) => d.code === 'pcs/exportfs-outside-nfsv4-root' && d.range.start.line === 2));
  assert.ok(!diags.some((d) => d.code === 'pcs/exportfs-outside-nfsv4-root' && d.range.start.line === 1));
});

test('cluster destroy resets the model: recreating ids afterwards is fine', () => {
  const { diags } = check(
    ['pcs resource create A ocf:pacemaker:Dummy', 'pcs cluster destroy --all', 'pcs resource create A ocf:pacemaker:Dummy'].join('\n'),
  );
  assert.ok(!diags.some((d) => d.code === 'pcs/duplicate-id'));
});
