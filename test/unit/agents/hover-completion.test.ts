import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agentHover } from '../../../server/src/agents/hover';
import {
  completeAgentIds,
  completeAgentParams,
  completeMetaAttributes,
  completeOpNames,
  completeOpOptions,
  completeParamValues,
} from '../../../server/src/agents/completion';
import { at, useFromLine } from './useFromLine';

const text = (h: ReturnType<typeof agentHover>) => (h ? (h.contents as { value: string }).value : '');

// The agents of the seed labs, with a line each as a lab would write it.
const SEED_LINES: [string, string][] = [
  ['pcs resource create vip ocf:heartbeat:IPaddr2 ip=192.168.122.50 cidr_netmask=24', 'ip'],
  ['pcs resource create fs Filesystem device=/dev/vg/lv directory=/srv fstype=xfs', 'fstype'],
  ['pcs resource create ex exportfs clientspec=* directory=/srv fsid=0', 'fsid'],
  ['pcs resource create nfs nfsserver nfs_shared_infodir=/srv/nfsinfo', 'nfs_shared_infodir'],
  ['pcs resource create notify nfsnotify source_host=10.0.0.5', 'source_host'],
  ['pcs resource create web apache configfile=/etc/apache2/apache2.conf', 'configfile'],
  ['pcs resource create lvm LVM-activate vgname=vg0 vg_access_mode=lvmlockd', 'vg_access_mode'],
  ['pcs resource create locks ocf:heartbeat:lvmlockd', ''],
  ['pcs resource create dlm ocf:pacemaker:controld', ''],
  ['pcs resource create d ocf:pacemaker:Dummy fake=x', 'fake'],
  ['pcs resource create mail MailTo email=root@localhost', 'email'],
  ['pcs stonith create scsi fence_scsi devices=/dev/sdb', 'devices'],
  ['pcs stonith create ilo fence_ilo4_ssh ip=10.0.0.9 username=admin', 'username'],
];

test('hover on the agent word of every seed agent shows descriptions, parameters and actions', () => {
  for (const [line] of SEED_LINES) {
    const use = useFromLine(line);
    const value = text(agentHover(use, use.agent.range.start));
    assert.match(value, /\| parameter \| type \| default \| required \| unique \|/, line);
    assert.match(value, /\| action \| timeout \| interval/, line);
    assert.match(value, /_Source: agent catalog — resource-agents /, line);
  }
  const use = useFromLine(SEED_LINES[0][0]);
  const value = text(agentHover(use, at(SEED_LINES[0][0], 'IPaddr2')));
  assert.match(value, /\*\*ocf:heartbeat:IPaddr2\*\*/);
  assert.match(value, /\| `ip` \| string \| {2}\| yes \| yes \|/);
  assert.match(value, /\| monitor \| 20s \| 10s \|/);
});

test('hover on name=value explains that parameter', () => {
  for (const [line, param] of SEED_LINES) {
    if (!param) continue;
    const use = useFromLine(line);
    const value = text(agentHover(use, at(line, ` ${param}=`, 2)));
    assert.match(value, new RegExp(`^\\*\\*${param}\\*\\*`), line);
  }
  const line = SEED_LINES[2][0];
  const fsid = text(agentHover(useFromLine(line), at(line, 'fsid=', 1)));
  assert.match(fsid, /\*\*required\*\*/);
  assert.match(fsid, /fsid/i);
  const host = 'pcs stonith create scsi fence_scsi devices=/dev/sdb pcmk_host_list=node1';
  assert.match(text(agentHover(useFromLine(host), at(host, 'pcmk_host_list'))), /added by pcs\/Pacemaker/);
});

test('hover on op names, op options and meta attributes', () => {
  const line =
    'pcs resource create fs Filesystem device=/dev/vg/lv directory=/srv fstype=xfs op monitor interval=20s timeout=40s on-fail=fence meta target-role=Stopped migration-threshold=3';
  const use = useFromLine(line);
  assert.match(text(agentHover(use, at(line, 'monitor'))), /timeout 40s, interval 20s/);
  assert.match(text(agentHover(use, at(line, 'on-fail'))), /\*\*on-fail\*\* — operation option/);
  assert.match(text(agentHover(use, at(line, 'interval='))), /\*\*interval\*\*/);
  assert.match(text(agentHover(use, at(line, 'target-role'))), /\*\*target-role\*\* — resource meta attribute/);
  assert.match(text(agentHover(use, at(line, 'migration-threshold'))), /banned/);
  assert.equal(agentHover(use, { line: 0, character: 1 }), null, 'no hover on `pcs`');
});

test('agent id completion: grouped, short names found, fence agents for stonith', () => {
  const items = completeAgentIds('ipadd', 'resource');
  assert.deepEqual(items.map((i) => i.label).sort(), ['ocf:heartbeat:IPaddr', 'ocf:heartbeat:IPaddr2']);
  assert.ok(items.every((i) => i.detail?.startsWith('ocf:heartbeat')));
  const pacemaker = completeAgentIds('ocf:pacemaker:', 'resource');
  assert.ok(pacemaker.some((i) => i.label === 'ocf:pacemaker:controld'));
  assert.ok(pacemaker.every((i) => i.label.startsWith('ocf:pacemaker:')));
  const fence = completeAgentIds('fence_il', 'stonith').map((i) => i.label);
  assert.ok(fence.includes('fence_ilo4_ssh'));
  assert.ok(fence.every((l) => l.startsWith('fence_il')));
});

test('parameter completion: required first, given ones removed, detail and snippet', () => {
  const items = completeAgentParams('ocf:heartbeat:exportfs', ['clientspec=*'], '');
  const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1)).map((i) => i.label);
  assert.deepEqual(sorted.slice(0, 2), ['directory', 'fsid']);
  assert.ok(!sorted.includes('clientspec'));
  const fsid = items.find((i) => i.label === 'fsid')!;
  assert.match(fsid.detail!, /^required · string/);
  assert.equal(fsid.insertText, 'fsid=$0');
  const fence = completeAgentParams('stonith:fence_scsi', [], 'pcmk_host_l').map((i) => i.label);
  assert.deepEqual(fence, ['pcmk_host_list']);
});

test('values, op names, op options and meta attribute completion', () => {
  assert.deepEqual(
    completeParamValues('stonith:fence_ilo4_ssh', 'method', '').map((i) => i.label),
    ['onoff', 'cycle'],
  );
  assert.deepEqual(
    completeParamValues('stonith:fence_scsi', 'aptpl', '').map((i) => i.label),
    ['true', 'false'],
    'booleans offer true/false',
  );
  const ops = completeOpNames('ocf:pacemaker:Stateful').map((i) => i.label);
  for (const name of ['monitor', 'start', 'stop', 'promote', 'demote']) assert.ok(ops.includes(name), name);
  assert.ok(completeOpOptions().some((i) => i.label === 'on-fail'));
  assert.deepEqual(
    completeMetaAttributes('target').map((i) => i.label),
    ['target-role'],
  );
  assert.ok(completeMetaAttributes('').some((i) => i.label === 'interleave'));
});
