import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agentDiagnostics } from '../../../server/src/agents/diagnostics';
import type { FixData } from '../../../server/src/base/types';
import { useFromLine } from './useFromLine';

function check(line: string, others: string[] = [], force = false) {
  return agentDiagnostics(
    useFromLine(line),
    others.map((o) => useFromLine(o)),
    { force },
  );
}
const codes = (line: string, others: string[] = []) => check(line, others).map((d) => `${d.severity}:${d.code}`);

test('missing required parameter is an error with a quick fix adding placeholders', () => {
  const line = 'pcs resource create nfsexp exportfs clientspec=192.168.1.0/24 directory=/srv/nfs';
  const [d] = check(line);
  assert.equal(d.code, 'pcs/agent-param-missing');
  assert.equal(d.severity, 1);
  assert.match(d.message, /'fsid'/);
  const fix = (d.data as FixData).fixes[0];
  assert.deepEqual(fix.edits[0], {
    range: { start: { line: 0, character: line.length }, end: { line: 0, character: line.length } },
    newText: ' fsid=',
  });
  assert.equal(check(line, [], true)[0].severity, 2, '--force turns it into a warning');
});

test('required parameters satisfied by their deprecated names, as pcs counts them', () => {
  assert.deepEqual(codes('pcs stonith create f fence_ilo4_ssh ip=1.2.3.4 username=admin password=x'), []);
  assert.deepEqual(codes('pcs stonith create f fence_ilo4_ssh ip=1.2.3.4 login=admin'), ['4:pcs/agent-param-deprecated']);
  const [d] = check('pcs stonith create f fence_ilo4_ssh ip=1.2.3.4');
  assert.match(d.message, /'username' or 'login' \(deprecated\)/);
});

test('unknown parameter: error with did-you-mean and a replacing fix', () => {
  const line = 'pcs resource create vip IPaddr2 ip=10.0.0.5 cidr_netmsk=24';
  const [d] = check(line);
  assert.equal(d.code, 'pcs/agent-param-unknown');
  assert.equal(d.severity, 1);
  assert.match(d.message, /Did you mean 'cidr_netmask'/);
  assert.deepEqual(d.range, {
    start: { line: 0, character: line.indexOf('cidr_netmsk') },
    end: { line: 0, character: line.indexOf('cidr_netmsk') + 11 },
  });
  assert.equal((d.data as FixData).fixes[0].edits[0].newText, 'cidr_netmask');
  assert.deepEqual(codes('pcs resource create vip IPaddr2 ip=1.2.3.4 trace_ra=1'), [], 'pcs adds trace_ra for heartbeat agents');
  assert.deepEqual(
    codes('pcs stonith create f fence_scsi devices=/dev/sdb pcmk_host_list="node1 node2"'),
    [],
    'pcmk_* come from the fence daemon',
  );
  assert.deepEqual(codes('pcs stonith create f fence_ilo4_ssh ip=1.2.3.4 username=a help=1'), ['1:pcs/agent-param-unknown']);
});

test('fence agents: action is refused, port only deprecated, empty values refused', () => {
  assert.deepEqual(codes('pcs stonith create f fence_scsi devices=/dev/sdb action=off'), ['1:pcs/stonith-action-deprecated']);
  assert.deepEqual(codes('pcs stonith create f fence_scsi devices=/dev/sdb port=node1'), ['4:pcs/agent-param-deprecated']);
  assert.deepEqual(codes('pcs resource create vip IPaddr2 ip='), ['1:pcs/agent-param-empty']);
});

test('unknown, ambiguous and misplaced agents', () => {
  const [unknown] = check('pcs resource create x ocf:heartbeat:IPadr2 ip=1.2.3.4');
  assert.equal(unknown.code, 'pcs/agent-unknown');
  assert.match(unknown.message, /Did you mean 'ocf:heartbeat:IPaddr2'/);
  const [ambiguous] = check('pcs resource create d Dummy');
  assert.equal(ambiguous.code, 'pcs/agent-ambiguous');
  assert.equal((ambiguous.data as FixData).fixes.length, 2);
  assert.deepEqual(codes('pcs resource create x fence_scsi'), ['2:pcs/agent-stonith-in-resource']);
  assert.deepEqual(codes('pcs resource create tgt systemd:tgtd'), []);
  assert.deepEqual(codes('pcs resource create tgt systemd:tgtd port=3260'), ['1:pcs/agent-param-unknown']);
});

test('values that do not fit the declared type are warnings', () => {
  assert.deepEqual(codes('pcs resource create vip IPaddr2 ip=1.2.3.4 arp_count=many'), ['2:pcs/agent-param-type']);
  assert.deepEqual(codes('pcs stonith create f fence_ilo4_ssh ip=1.2.3.4 username=a method=reset'), ['2:pcs/agent-param-type']);
  assert.deepEqual(codes('pcs stonith create f fence_ilo4_ssh ip=1.2.3.4 username=a method=cycle'), []);
});

test('unique parameter reused by another resource of the same agent', () => {
  const earlier = ['pcs resource create vip1 ocf:heartbeat:IPaddr2 ip=10.0.0.5'];
  const all = check('pcs resource create vip2 ipaddr2 ip=10.0.0.5', earlier);
  assert.deepEqual(
    all.map((d) => d.code),
    ['pcs/agent-name-case', 'pcs/agent-param-not-unique'],
    'the lower-case short name also gets a hint',
  );
  const d = all[1];
  assert.equal(d.severity, 1);
  assert.match(d.message, /'vip1'/);
  assert.equal(check('pcs resource create vip2 IPaddr2 ip=10.0.0.5', earlier, true)[0].severity, 2);
  assert.deepEqual(codes('pcs resource create vip2 IPaddr2 ip=10.0.0.6', earlier), []);
});

test('operations: unknown name, unknown option, bad values, duplicate interval, short timeout', () => {
  const [op] = check('pcs resource create vip IPaddr2 ip=1.2.3.4 op monitr interval=10s');
  assert.equal(op.code, 'pcs/agent-op-unknown');
  assert.equal((op.data as FixData).fixes[0].edits[0].newText, 'monitor');
  assert.deepEqual(codes('pcs resource create vip IPaddr2 ip=1.2.3.4 op monitor interval=10s bogus=1'), ['1:pcs/agent-op-option-unknown']);
  assert.deepEqual(codes('pcs resource create vip IPaddr2 ip=1.2.3.4 op start on-fail=bogus'), ['1:pcs/agent-op-option-value']);
  assert.deepEqual(codes('pcs resource create vip IPaddr2 ip=1.2.3.4 op monitor interval=10s role=master'), []);
  assert.deepEqual(codes('pcs resource create vip IPaddr2 ip=1.2.3.4 op monitor interval=10s op monitor interval=10s'), [
    '1:pcs/agent-op-interval-duplicate',
  ]);
  assert.deepEqual(codes('pcs resource create vip IPaddr2 ip=1.2.3.4 op monitor interval=abc'), ['2:pcs/agent-op-duration']);
  const line = 'pcs resource create fs Filesystem device=/dev/sdb1 directory=/mnt fstype=xfs op monitor interval=20s timeout=5s';
  const [short] = check(line);
  assert.equal(short.code, 'pcs/agent-op-timeout-short');
  assert.match(short.message, /40s/);
  assert.deepEqual(
    codes('pcs resource create fs Filesystem device=/dev/sdb1 directory=/mnt fstype=xfs op monitor interval=20s timeout=40s'),
    [],
  );
  assert.deepEqual(codes('pcs stonith create f fence_scsi devices=/dev/sdb op reboot interval=0'), ['1:pcs/agent-op-unknown']);
});

test('meta target-role must be a role (case-insensitive, as Pacemaker reads it)', () => {
  const [d] = check('pcs resource create vip IPaddr2 ip=1.2.3.4 meta target-role=Sarted');
  assert.equal(d.code, 'pcs/meta-target-role');
  assert.equal(d.severity, 2);
  assert.equal((d.data as FixData).fixes[0].edits[0].newText, 'Started');
  assert.deepEqual(codes('pcs resource create vip IPaddr2 ip=1.2.3.4 meta target-role=stopped'), []);
});

test('deprecated fence parameters: one hint per line with one fix renaming them all', () => {
  const line = 'pcs stonith create f1 fence_ipmilan pcmk_host_list=node1 ipaddr=10.0.0.1 login=admin passwd=x lanplus=1';
  const found = check(line);
  assert.deepEqual(
    found.map((d) => `${d.severity}:${d.code}`),
    ['4:pcs/agent-param-deprecated'],
  );
  assert.match(found[0].message, /'ipaddr' → 'ip', 'login' → 'username', 'passwd' → 'password'/);
  const edits = (found[0].data as FixData).fixes[0].edits;
  assert.deepEqual(
    edits.map((e) => [line.slice(e.range.start.character, e.range.end.character), e.newText]),
    [
      ['ipaddr', 'ip'],
      ['login', 'username'],
      ['passwd', 'password'],
    ],
  );
});

test('an agent of a provider no package here ships: a warning (pcs accepts it where the package is installed)', () => {
  const [d] = check('pcs resource create ag_cluster ocf:mssql:ag ag_name=AG1 meta failure-timeout=60s');
  assert.equal(d.code, 'pcs/agent-unknown');
  assert.equal(d.severity, 2);
  assert.match(d.message, /provider 'mssql'/);
  // a known provider with an unknown type stays an error: the same packages on the node do not have it
  assert.equal(check('pcs resource create x ocf:heartbeat:NoSuchAgent')[0].severity, 1);
});
