import { performance } from 'node:perf_hooks';
import { initParsers } from '/work/main/server/src/parsing/treeSitter';
import { extractScript } from '/work/main/server/src/shell/extract';
import { IncrementalModel } from '/work/main/server/src/model/build';
const LINES=10000;
function labScript(lines: number): string {
  const out = ['#!/bin/bash', 'pcs host auth node1 node2 node3 -u hacluster', 'pcs cluster setup lab node1 node2 node3 --start --enable'];
  let i = 0;
  while (out.length < lines) { const n = i++; out.push(
      `pcs resource create vip${n} ocf:heartbeat:IPaddr2 ip=10.0.${(n >> 8) & 255}.${n & 255} cidr_netmask=24 op monitor interval=30s --group grp${n % 50}`,
      `pcs resource create fs${n} ocf:heartbeat:Filesystem device=/dev/vg/lv${n} directory=/srv/d${n} fstype=xfs --group grp${n % 50}`,
      `pcs constraint location vip${n} prefers node${(n % 3) + 1}=100`,
      `for i in node{1..3}; do ssh root@$i "mkdir -p /srv/d${n}"; done`,
      `# step ${n}: check the status`, `pcs status`, '');}
  return out.slice(0, lines).join('\n') + '\n';
}
(async()=>{await initParsers();
const m = new IncrementalModel();
let lines = labScript(LINES).split('\n');
const uri='file:///b/lab.sh';
let {extract} = extractScript(lines.join('\n'),'shell',undefined,uri);
m.update([{uri,kind:'shell',extract}],[]);
for (let k=0;k<10;k++){
  const line = 100 + Math.floor((k * 7919) % (LINES - 200));
  lines.splice(line,0,'');
  const t0=performance.now();
  extract = extractScript(lines.join('\n'),'shell',undefined,uri).extract;
  const t1=performance.now();
  m.update([{uri,kind:'shell',extract}],[]);
  const t2=performance.now();
  console.log(`extract ${(t1-t0).toFixed(1)} update ${(t2-t1).toFixed(1)}`);
}
})();
