// Generated huge lab scripts for the scaling tests (issue 11, finding 8): many resources, and many
// constraints that name resources which do not exist (each one an "unknown resource" diagnostic with a
// did-you-mean search). Deterministic: the same `lines` give the same text.

/**
 * A script of about `lines` lines: a cluster setup, then blocks of a resource creation followed by
 * constraints, one in `unknownEvery` of which names a resource that is never created.
 */
export function hugeScript(lines: number, unknownEvery = 2): string {
  const out: string[] = [
    '#!/bin/bash',
    '# generated: a large lab script with many references to resources that do not exist',
    'pcs cluster setup big node1 node2 node3',
    'pcs property set stonith-enabled=false',
  ];
  let i = 0;
  while (out.length < lines) {
    out.push(`pcs resource create web${i} ocf:heartbeat:IPaddr2 ip=10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255} cidr_netmask=8`);
    const target = i % unknownEvery === 0 ? `ghost${i}` : `web${i}`;
    out.push(`pcs constraint location ${target} prefers node1=100`);
    i++;
  }
  return out.slice(0, lines).join('\n') + '\n';
}

/** The 0-based line of resource `web{i}`'s creation in `hugeScript` (for hovers). */
export function creationLine(i: number): number {
  return 4 + 2 * i;
}
