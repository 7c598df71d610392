// The issue-12 benchmark script: `pcs cluster setup`, a fence device, then groups of four IPaddr2
// resources, a location constraint and an ssh loop, repeated to the wanted length (bench.ts, bench-profile.ts).
const PER_GROUP = 4;
/** Lines of the script; `resourceLines` are the lines of `pcs resource create rN`, `ids` their ids. */
export function labScript(lines: number): { text: string; resourceLines: number[]; ids: string[] } {
  const out = [
    '#!/bin/bash',
    'pcs host auth node1 node2 node3 -u hacluster',
    'pcs cluster setup lab node1 node2 node3 --start --enable',
    'pcs stonith create fence-lab fence_ipmilan ip=10.0.9.1 username=admin password_script=/root/ipmi-pass pcmk_host_list="node1 node2 node3"',
    '',
  ];
  const resourceLines: number[] = [];
  const ids: string[] = [];
  let n = 0;
  for (let g = 0; out.length < lines; g++) {
    for (let k = 0; k < PER_GROUP; k++, n++) {
      resourceLines.push(out.length);
      ids.push(`r${n}`);
      out.push(
        `pcs resource create r${n} ocf:heartbeat:IPaddr2 ip=10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255} cidr_netmask=24 op monitor interval=30s --group g${g}`,
      );
    }
    out.push(`pcs constraint location g${g} prefers node${(g % 3) + 1}=100`);
    out.push(`for i in node1 node2 node3; do ssh root@$i "mkdir -p /srv/g${g}"; done`);
    out.push('');
  }
  const kept = out.slice(0, lines);
  const within = resourceLines.filter((l) => l < lines);
  return { text: kept.join('\n') + '\n', resourceLines: within, ids: ids.slice(0, within.length) };
}
