// Developer tool: the bench's script and edits in process (no LSP), for `node --cpu-prof`.
// node --import tsx scripts/bench-profile.ts [lines] [edits]
import { performance } from 'node:perf_hooks';
import * as fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { LanguageService } from '../server/src/service/languageService';
import { labScript } from './benchScript';

const LINES = Number(process.argv[2] ?? 10000);
const EDITS = Number(process.argv[3] ?? 10);

async function main() {
  const s = new LanguageService();
  await s.init();
  const uri = 'file:///p/lab.sh';
  const { text, resourceLines } = labScript(LINES);
  const t = performance.now();
  s.setDocument(uri, 'shell', text, 1);
  const d = s.diagnostics(uri);
  console.log(`first ${(performance.now() - t).toFixed(0)} ms, ${d.length} diagnostics`);
  let v = 1;
  const session = process.env.PROFILE ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const only = process.env.EDITS_ONLY?.split(',');
  const time = (label: string, f: () => void) => {
    if (only && !only.includes(label)) return;
    const c0 = process.cpuUsage().user;
    const t0 = performance.now();
    f();
    s.diagnostics(uri);
    const ms = performance.now() - t0;
    const cpuMs = (process.cpuUsage().user - c0) / 1000;
    console.log(`${label} ${ms.toFixed(1)} ms cpu ${cpuMs.toFixed(1)} ms stats=${JSON.stringify(s.foldStats())}`);
  };
  if (process.env.CONF) {
    const conf = ['totem {', '    version: 2', '    cluster_name: lab', '    transport: knet', '    token: 3000', '}', 'nodelist {'];
    for (let n = 1; n <= 250; n++)
      conf.push(
        '    node {',
        `        ring0_addr: 10.1.${(n >> 8) & 255}.${n & 255}`,
        `        name: node${n}`,
        `        nodeid: ${n}`,
        '    }',
      );
    conf.push('}', 'quorum {', '    provider: corosync_votequorum', '}');
    const c = 'file:///p/corosync.conf';
    s.setDocument(c, 'corosync', conf.join('\n') + '\n', 1);
    s.diagnostics(c);
    for (let k = 0; k < EDITS; k++) {
      for (const [line, col] of [
        [4, 14],
        [2, 22],
      ]) {
        const before = s.foldStats();
        const t0 = performance.now();
        s.changeDocument(c, [{ range: { start: { line, character: col }, end: { line, character: col } }, text: '1' }], ++v);
        s.diagnostics(c);
        const after = s.foldStats();
        console.log(`conf line ${line} ${(performance.now() - t0).toFixed(1)} ms units run ${after.unitsRun - before.unitsRun}`);
        s.changeDocument(c, [{ range: { start: { line, character: col }, end: { line, character: col + 1 } }, text: '' }], ++v);
        s.diagnostics(c);
      }
    }
    if (session) fs.writeFileSync(process.env.PROFILE!, JSON.stringify((await session.post('Profiler.stop')).profile));
    return;
  }
  for (let k = 0; k < EDITS; k++) {
    const line = resourceLines[(k * 7919) % resourceLines.length];
    time('type', () =>
      s.changeDocument(uri, [{ range: { start: { line, character: 22 }, end: { line, character: 22 } }, text: 'x' }], ++v),
    );
    time('untype', () =>
      s.changeDocument(uri, [{ range: { start: { line, character: 22 }, end: { line, character: 23 } }, text: '' }], ++v),
    );
    time('insert', () =>
      s.changeDocument(
        uri,
        [
          {
            range: { start: { line, character: 0 }, end: { line, character: 0 } },
            text: `pcs resource create extra${k} ocf:heartbeat:IPaddr2 ip=10.200.0.${k} cidr_netmask=24 --group g1\n`,
          },
        ],
        ++v,
      ),
    );
    time('delete', () =>
      s.changeDocument(uri, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' }], ++v),
    );
  }
  for (let k = 0; k < EDITS; k++) {
    const line = resourceLines[(k * 7919) % resourceLines.length];
    s.changeDocument(uri, [{ range: { start: { line, character: 22 }, end: { line, character: 22 } }, text: 'x' }], ++v);
    s.diagnostics(uri);
    let t0 = performance.now();
    s.hover(uri, { line, character: 22 });
    const h = performance.now() - t0;
    t0 = performance.now();
    s.documentSymbols(uri);
    console.log(`hover ${h.toFixed(1)} ms, documentSymbols ${(performance.now() - t0).toFixed(1)} ms`);
  }
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(process.env.PROFILE!, JSON.stringify(profile));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
