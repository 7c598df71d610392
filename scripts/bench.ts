// `npm run bench`: edit → diagnostics and hover latency on a generated 10,000-line lab script, measured
// through the language service (what the LSP layer calls) — the bar is < 30 ms and < 5 ms.
import { performance } from 'node:perf_hooks';
import { LanguageService } from '../server/src/service/languageService';

const LINES = Number(process.env.BENCH_LINES ?? 10000);
const EDITS = Number(process.env.BENCH_EDITS ?? 50);

function labScript(lines: number): string {
  const out = ['#!/bin/bash', 'pcs host auth node1 node2 node3 -u hacluster', 'pcs cluster setup lab node1 node2 node3 --start --enable'];
  let i = 0;
  while (out.length < lines) {
    const n = i++;
    out.push(
      `pcs resource create vip${n} ocf:heartbeat:IPaddr2 ip=10.0.${(n >> 8) & 255}.${n & 255} cidr_netmask=24 op monitor interval=30s --group grp${n % 50}`,
      `pcs resource create fs${n} ocf:heartbeat:Filesystem device=/dev/vg/lv${n} directory=/srv/d${n} fstype=xfs --group grp${n % 50}`,
      `pcs constraint location vip${n} prefers node${(n % 3) + 1}=100`,
      `for i in node{1..3}; do ssh root@$i "mkdir -p /srv/d${n}"; done`,
      `# step ${n}: check the status`,
      `pcs status`,
      '',
    );
  }
  return out.slice(0, lines).join('\n') + '\n';
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const pick = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return `median ${pick(0.5).toFixed(2)} ms · p95 ${pick(0.95).toFixed(2)} ms · max ${s[s.length - 1].toFixed(2)} ms (n=${s.length})`;
}

async function main() {
  const service = new LanguageService();
  let t = performance.now();
  await service.init();
  console.log(`bench: grammars loaded in ${(performance.now() - t).toFixed(1)} ms`);
  const uri = 'file:///bench/lab.sh';
  const text = labScript(LINES);
  t = performance.now();
  service.setDocument(uri, 'shell', text, 1);
  const first = service.diagnostics(uri);
  console.log(`bench: ${LINES}-line script, first analysis ${(performance.now() - t).toFixed(1)} ms, ${first.length} diagnostics`);

  const editTimes: number[] = [];
  const hoverTimes: number[] = [];
  for (let k = 0; k < EDITS; k++) {
    const line = 100 + Math.floor((k * 7919) % (LINES - 200));
    const current = service.getText(uri)!.split('\n')[line];
    const start = performance.now();
    service.changeDocument(
      uri,
      [{ range: { start: { line, character: current.length }, end: { line, character: current.length } }, text: ' ' }],
      k + 2,
    );
    service.diagnostics(uri);
    editTimes.push(performance.now() - start);
    const h = performance.now();
    service.hover(uri, { line, character: 25 });
    hoverTimes.push(performance.now() - h);
  }
  console.log(`bench: edit → diagnostics: ${stats(editTimes)}`);
  console.log(`bench: hover (after an edit's analysis): ${stats(hoverTimes)}`);

  // Enter pressed in the middle of the script: every later segment moves, so its units run again.
  const lineTimes: number[] = [];
  for (let k = 0; k < Math.min(EDITS, 10); k++) {
    const line = 100 + Math.floor((k * 7919) % (LINES - 200));
    const start = performance.now();
    service.changeDocument(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '\n' }], EDITS + k + 2);
    service.diagnostics(uri);
    lineTimes.push(performance.now() - start);
  }
  console.log(`bench: new line → diagnostics (not yet under the bar: moved units are shifted, still O(lines)): ${stats(lineTimes)}`);

  const conf = ['totem {', '    version: 2', '    cluster_name: lab', '    transport: knet', '}', 'nodelist {'];
  for (let n = 1; n <= 16; n++)
    conf.push('    node {', `        ring0_addr: 10.0.0.${n}`, `        name: node${n}`, `        nodeid: ${n}`, '    }');
  conf.push('}', 'quorum {', '    provider: corosync_votequorum', '}');
  const confUri = 'file:///bench/corosync.conf';
  service.setDocument(confUri, 'corosync', conf.join('\n') + '\n', 1);
  service.diagnostics(confUri);
  const confTimes: number[] = [];
  for (let k = 0; k < EDITS; k++) {
    const start = performance.now();
    service.changeDocument(confUri, [{ range: { start: { line: 2, character: 22 }, end: { line: 2, character: 22 } }, text: 'x' }], k + 2);
    service.diagnostics(confUri);
    service.codeLenses(confUri);
    confTimes.push(performance.now() - start);
  }
  console.log(`bench: corosync.conf (16 nodes) edit → diagnostics + quorum lens: ${stats(confTimes)}`);
  await benchBigQuorum(service);
  const mem = process.memoryUsage();
  console.log(`bench: memory rss ${(mem.rss / 1048576).toFixed(1)} MB, heap used ${(mem.heapUsed / 1048576).toFixed(1)} MB`);
}

/**
 * A corosync.conf of QUORUM_NODES (10,000) nodes and a `pcs cluster setup` of as many: the quorum
 * family's share (diagnostics, lens, hover, inlay hints; the tolerance analysis is not cached between
 * samples: each sample is a new file version) and the whole first analysis, parsing included.
 * Wall and CPU time (the CPU figure holds when the machine is busy).
 */
async function benchBigQuorum(service: LanguageService) {
  const nodes = Number(process.env.BENCH_QUORUM_NODES ?? 10000);
  const conf = ['totem {', '    version: 2', '    cluster_name: big', '    transport: knet', '}', 'nodelist {'];
  for (let n = 1; n <= nodes; n++)
    conf.push(
      '    node {',
      `        ring0_addr: 10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      `        name: node${n}`,
      `        nodeid: ${n}`,
      '    }',
    );
  conf.push('}', 'quorum {', '    provider: corosync_votequorum', '}');
  const text = conf.join('\n') + '\n';
  const uri = 'file:///bench/big/corosync.conf';
  const nodelistLine = 5;
  const cpu = () => process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000;
  let t = performance.now();
  let c = cpu();
  service.setDocument(uri, 'corosync', text, 1);
  service.diagnostics(uri);
  service.codeLenses(uri);
  service.hover(uri, { line: nodelistLine, character: 2 });
  console.log(
    `bench: corosync.conf (${nodes} nodes) first analysis, parse included (diagnostics + lens + hover): ${(performance.now() - t).toFixed(0)} ms wall, ${(cpu() - c).toFixed(0)} ms CPU`,
  );
  const file = service.corosyncFile(uri)!;
  const { parseCorosync } = await import('../server/src/corosync/parse');
  const { quorumDiagnostics, quorumCodeLenses, quorumHover, quorumInlayHints } = await import('../server/src/quorum/features');
  const wall: number[] = [];
  const cpus: number[] = [];
  for (let k = 0; k < Math.min(EDITS, 10); k++) {
    // A new version of the file (one node renamed): nothing of the quorum family is cached.
    const fresh = k === 0 ? file : parseCorosync(text.replace('name: node1\n', `name: edited${k}\n`)).file;
    t = performance.now();
    c = cpu();
    quorumDiagnostics(fresh);
    quorumCodeLenses(fresh);
    quorumHover(fresh, { line: nodelistLine, character: 2 });
    quorumInlayHints(fresh);
    wall.push(performance.now() - t);
    cpus.push(cpu() - c);
  }
  console.log(
    `bench: quorum analysis of ${nodes} nodes (diagnostics + lens + hover + inlay hints, uncached): wall ${stats(wall)}; CPU ${stats(cpus)}`,
  );
  // The tolerance answers alone ("survives any k", smallest stopping sets, the even split), which the
  // features above format for every line of the nodelist.
  const { analyzeTolerance, evenSplit } = await import('../server/src/quorum/engine');
  const { quorumConfigFromCorosync } = await import('../server/src/quorum/adapters');
  const config = quorumConfigFromCorosync(file);
  const engine: number[] = [];
  for (let k = 0; k < Math.min(EDITS, 10); k++) {
    t = performance.now();
    analyzeTolerance(config);
    evenSplit(config);
    engine.push(performance.now() - t);
  }
  console.log(`bench: quorum engine alone, ${nodes} nodes (tolerance + even split): ${stats(engine)}`);
  const names = Array.from({ length: nodes }, (_, i) => `node${i + 1}`);
  const rows: string[] = [];
  for (let i = 0; i < names.length; i += 20) rows.push(names.slice(i, i + 20).join(' '));
  const script = `#!/bin/bash\npcs cluster setup big \\\n  ${rows.join(' \\\n  ')}\n`;
  const scriptUri = 'file:///bench/big/setup.sh';
  t = performance.now();
  c = cpu();
  service.setDocument(scriptUri, 'shell', script, 1);
  service.diagnostics(scriptUri);
  service.codeLenses(scriptUri);
  service.hover(scriptUri, { line: 1, character: 12 });
  console.log(
    `bench: pcs cluster setup of ${nodes} nodes, first analysis (diagnostics + lens + hover): ${(performance.now() - t).toFixed(0)} ms wall, ${(cpu() - c).toFixed(0)} ms CPU`,
  );
  service.removeDocument(uri);
  service.removeDocument(scriptUri);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
