// `npm run bench`: the figures of issue 12's table, measured as an editor sees them: over LSP, with
// the bundled server (dist/server.js, or PCMK_LSP_SERVER), on a generated 10,000-line lab script
// (`pcs cluster setup`, a fence device, blocks of `pcs resource create rN ocf:heartbeat:IPaddr2 …
// --group gK`, a location constraint, an ssh loop). Each edit changes the model:
//   (a) a character typed inside a resource id (then removed: both change the model),
//   (b) a new `pcs resource create` line inserted, (c) a line deleted (the inserted one),
// timed from didChange to the publishDiagnostics of that document (of that version when the server
// says it); a hover right after each; a cold open → first diagnostics; the peak RSS of the server
// process tree. Beside it: documentSymbol after a comment edit against bash-language-server (same
// document, same run), a 250-node corosync.conf edit with the script open, and hover latency while a
// workspace of 1,000 files is analysed in the background. Then the in-process lines other issues cite
// (the quorum engine on 10,000 nodes).
// Writes .test-artifacts/bench.json and prints a table with the ratio to the bar and to the peer.
// BENCH_EDITS (default 40) samples per edit kind, BENCH_LINES (10000), BENCH_SKIP=peer,workspace,quorum.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { LanguageService } from '../server/src/service/languageService';
import { labScript } from './benchScript';

const root = path.resolve(__dirname, '..');
const LINES = Number(process.env.BENCH_LINES ?? 10000);
const EDITS = Number(process.env.BENCH_EDITS ?? 40);
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const SERVER = process.env.PCMK_LSP_SERVER ?? path.join(root, 'dist', 'server.js');

// ---- the lab script ---------------------------------------------------------------------------------

function corosyncConf(nodes: number, cluster = 'lab'): string {
  const conf = ['totem {', '    version: 2', `    cluster_name: ${cluster}`, '    transport: knet', '    token: 3000', '}', 'nodelist {'];
  for (let n = 1; n <= nodes; n++)
    conf.push(
      '    node {',
      `        ring0_addr: 10.1.${(n >> 8) & 255}.${n & 255}`,
      `        name: node${n}`,
      `        nodeid: ${n}`,
      '    }',
    );
  conf.push('}', 'quorum {', '    provider: corosync_votequorum', '}');
  return conf.join('\n') + '\n';
}

// ---- statistics -----------------------------------------------------------------------------------

interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}
function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const pick = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return { n: s.length, p50: pick(0.5), p95: pick(0.95), max: s[s.length - 1] };
}
const fmt = (ms: number | undefined) => (ms === undefined ? '' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

// ---- an LSP client over stdio ---------------------------------------------------------------------

interface Published {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

class Client {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  private waiters: { uri: string; after: number; version?: number; resolve: (p: Published) => void }[] = [];
  private published = 0;
  private peakKb = 0;
  private sampler: NodeJS.Timeout;

  constructor(command: string, args: string[]) {
    this.process = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', () => {});
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      const seq = ++this.published;
      for (const w of [...this.waiters]) {
        if (w.uri !== p.uri || seq <= w.after) continue;
        // the server says which version it analysed: only that one counts; else the first after the edit
        if (w.version !== undefined && p.version !== undefined && p.version !== w.version) continue;
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(p);
      }
    });
    this.connection.onRequest('workspace/configuration', (p: { items?: unknown[] }) => (p.items ?? []).map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification(() => {});
    this.connection.listen();
    this.sampler = setInterval(() => this.sample(), 25);
  }

  /** RSS of the server and its descendants, now (kB). */
  treeRssKb(): number {
    let total = 0;
    const visit = (pid: number) => {
      try {
        const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
        total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
          const kids = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
          for (const kid of kids ? kids.split(/\s+/) : []) visit(Number(kid));
        }
      } catch {
        /* gone */
      }
    };
    if (this.process.pid) visit(this.process.pid);
    return total;
  }
  private sample() {
    this.peakKb = Math.max(this.peakKb, this.treeRssKb());
  }
  /** The highest sampled RSS of the tree, and the kernel's high-water mark of the server process. */
  peak(): { sampledMb: number; hwmMb: number } {
    this.sample();
    let hwm = 0;
    try {
      hwm = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${this.process.pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      /* gone */
    }
    return { sampledMb: this.peakKb / 1024, hwmMb: hwm / 1024 };
  }

  async initialize(rootPath?: string, options?: unknown): Promise<void> {
    const rootUri = rootPath ? `file://${rootPath}` : null;
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
      capabilities: {
        textDocument: { publishDiagnostics: { versionSupport: true }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
      },
      initializationOptions: options,
    });
    await this.connection.sendNotification('initialized', {});
  }
  /** The next publishDiagnostics of `uri` from now (of `version`, when the server sends versions). */
  nextDiagnostics(uri: string, version?: number, timeoutMs = 120_000): Promise<Published> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} (version ${version}) in ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ uri, after: this.published, version, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }
  open(uri: string, languageId: string, text: string, version = 1) {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }
  change(uri: string, version: number, contentChanges: unknown[]) {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }
  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }
  async close(): Promise<void> {
    clearInterval(this.sampler);
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]);
      await this.connection.sendNotification('exit');
    } catch {
      /* already gone */
    }
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null || this.process.signalCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.process.kill('SIGKILL');
        resolve();
      }, 5000);
      this.process.once('exit', () => (clearTimeout(timer), resolve()));
    });
    this.connection.dispose();
  }
}

const ourServer = () => new Client(process.execPath, [SERVER, '--stdio']);
const at = (line: number, character: number) => ({ line, character });
const range = (sl: number, sc: number, el: number, ec: number) => ({ start: at(sl, sc), end: at(el, ec) });

// ---- the table ------------------------------------------------------------------------------------

interface Row {
  name: string;
  stats?: Stats;
  value?: number;
  unit: 'ms' | 'MB';
  bar?: number;
  /** compare the bar with p95 (default) or p50/value */
  barOn?: 'p95' | 'p50' | 'value';
  peer?: { name: string; stats: Stats };
}
const rows: Row[] = [];
const extra: Record<string, unknown> = {};

async function benchEdits() {
  const client = ourServer();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmk-bench-'));
  try {
    await client.initialize(tmp);
    const uri = `file://${tmp}/lab.sh`;
    const { text, resourceLines, ids } = labScript(LINES);
    // cold: open → first diagnostics of the document
    const t = performance.now();
    const first = client.nextDiagnostics(uri);
    await client.open(uri, 'shellscript', text, 1);
    const firstDiagnostics = await first;
    const cold = performance.now() - t;
    rows.push({ name: `open → first diagnostics (cold, ${LINES} lines)`, value: cold, unit: 'ms', bar: 1000, barOn: 'value' });
    extra.firstDiagnostics = firstDiagnostics.diagnostics.length;
    extra.versionSent = firstDiagnostics.version !== undefined;

    let version = 1;
    const lines = text.split('\n');
    const typing: number[] = [];
    const insert: number[] = [];
    const del: number[] = [];
    const hover: number[] = [];
    const pick = (k: number) => resourceLines[Math.floor((((k * 7919 + 13) % 9973) / 9973) * resourceLines.length)];
    const edit = async (changes: unknown[], into: number[], hoverAt?: { line: number; character: number }) => {
      version++;
      const start = performance.now();
      const published = client.nextDiagnostics(uri, version);
      await client.change(uri, version, changes);
      await published;
      into.push(performance.now() - start);
      if (hoverAt) {
        const h = performance.now();
        await client.request('textDocument/hover', { textDocument: { uri }, position: hoverAt });
        hover.push(performance.now() - h);
      }
    };
    for (let k = 0; k < EDITS; k++) {
      // (a) type one character inside a resource id, then take it back (both change the model)
      const index = resourceLines.indexOf(pick(k));
      const line = resourceLines[index];
      const col = 'pcs resource create r'.length + 1;
      await edit([{ range: range(line, col, line, col), text: 'x' }], typing, at(line, col));
      await edit([{ range: range(line, col, line, col + 1), text: '' }], typing, at(line, col));
    }
    for (let k = 0; k < EDITS; k++) {
      // (b) a new `pcs resource create` line above a resource of a group; (c) delete that line
      const line = pick(k + 1000);
      const group = /--group (\S+)/.exec(lines[line])![1];
      const newLine = `pcs resource create extra${k} ocf:heartbeat:IPaddr2 ip=10.200.${(k >> 8) & 255}.${k & 255} cidr_netmask=24 --group ${group}\n`;
      await edit([{ range: range(line, 0, line, 0), text: newLine }], insert, at(line, 22));
      await edit([{ range: range(line, 0, line + 1, 0), text: '' }], del, at(line, 22));
    }
    rows.push({ name: 'edit → diagnostics: type one character inside a resource id', stats: stats(typing), unit: 'ms', bar: 30 });
    rows.push({ name: 'edit → diagnostics: insert a `pcs resource create` line', stats: stats(insert), unit: 'ms', bar: 30 });
    rows.push({ name: 'edit → diagnostics: delete a line', stats: stats(del), unit: 'ms', bar: 30 });
    rows.push({ name: 'hover right after an edit', stats: stats(hover), unit: 'ms', bar: 5 });
    extra.resources = ids.length;

    // documentSymbol after a comment edit: ours, then bash-language-server on the same document
    const commentLine = lines.length - 1;
    const symbols: number[] = [];
    const symbolAfterEdit = async (c: Client, into: number[], v: number) => {
      await c.change(uri, v, [{ range: range(commentLine, 0, commentLine, 0), text: `# note ${v}\n` }]);
      const s = performance.now();
      await c.request('textDocument/documentSymbol', { textDocument: { uri } });
      into.push(performance.now() - s);
      await c.change(uri, v + 1, [{ range: range(commentLine, 0, commentLine + 1, 0), text: '' }]);
    };
    for (let k = 0; k < Math.min(EDITS, 20); k++) {
      await symbolAfterEdit(client, symbols, version + 1);
      version += 2;
    }
    const symbolRow: Row = { name: 'documentSymbol right after an edit (comment)', stats: stats(symbols), unit: 'ms', bar: 30 };
    rows.push(symbolRow);
    if (!SKIP.has('peer')) {
      const bin = path.join(root, 'node_modules', 'bash-language-server', 'out', 'cli.js');
      if (fs.existsSync(bin)) {
        const peer = new Client(process.execPath, [bin, 'start']);
        try {
          await peer.initialize(tmp);
          await peer.open(uri, 'shellscript', text, 1);
          const peerSymbols: number[] = [];
          await peer.request('textDocument/documentSymbol', { textDocument: { uri } });
          // (seconds per request: a few samples; BENCH_PEER_EDITS)
          const peerEdits = Number(process.env.BENCH_PEER_EDITS ?? Math.min(EDITS, 5));
          for (let k = 0, v = 2; k < peerEdits; k++, v += 2) await symbolAfterEdit(peer, peerSymbols, v);
          symbolRow.peer = { name: 'bash-language-server', stats: stats(peerSymbols) };
        } finally {
          await peer.close();
        }
      } else extra.peer = 'bash-language-server not installed (npm install)';
    }

    // a 250-node corosync.conf, edited with the script open: a totem value, then cluster_name typed
    const confUri = `file://${tmp}/corosync.conf`;
    const confFirst = client.nextDiagnostics(confUri);
    await client.open(confUri, 'corosync', corosyncConf(250), 1);
    await confFirst;
    const token: number[] = [];
    const clusterName: number[] = [];
    let cv = 1;
    for (let k = 0; k < EDITS; k++) {
      for (const [line, col, into] of [
        [4, 14, token],
        [2, 22, clusterName],
      ] as const) {
        cv++;
        let s = performance.now();
        let p = client.nextDiagnostics(confUri, cv);
        await client.change(confUri, cv, [{ range: range(line, col, line, col), text: '1' }]);
        await p;
        into.push(performance.now() - s);
        cv++;
        s = performance.now();
        p = client.nextDiagnostics(confUri, cv);
        await client.change(confUri, cv, [{ range: range(line, col, line, col + 1), text: '' }]);
        await p;
        into.push(performance.now() - s);
      }
    }
    rows.push({ name: 'corosync.conf (250 nodes) edit → diagnostics: token value', stats: stats(token), unit: 'ms', bar: 30 });
    rows.push({ name: 'corosync.conf (250 nodes) edit → diagnostics: cluster_name', stats: stats(clusterName), unit: 'ms', bar: 30 });

    const peak = client.peak();
    rows.push({
      name: 'server peak RSS (process tree)',
      value: Math.max(peak.sampledMb, peak.hwmMb),
      unit: 'MB',
      bar: 150,
      barOn: 'value',
    });
    extra.rss = peak;
  } finally {
    await client.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** 1,000 lab files on disk: hover on an open document while the server reads and analyses them. */
async function benchWorkspace() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmk-bench-ws-'));
  const client = ourServer();
  try {
    for (let f = 0; f < 1000; f++) {
      const body = ['#!/bin/bash'];
      for (let k = 0; k < 8; k++)
        body.push(`pcs resource create w${f}x${k} ocf:heartbeat:IPaddr2 ip=10.3.${f & 255}.${k} cidr_netmask=24 --group wg${f}`);
      body.push(`pcs constraint location wg${f} prefers node${(f % 3) + 1}=50`);
      fs.writeFileSync(path.join(tmp, `lab${String(f).padStart(4, '0')}.sh`), body.join('\n') + '\n');
    }
    const start = performance.now();
    await client.initialize(tmp);
    const uri = `file://${tmp}/open.sh`;
    const text = 'pcs cluster setup lab node1 node2 node3\npcs resource create vip ocf:heartbeat:IPaddr2 ip=10.9.9.9 cidr_netmask=24\n';
    await client.open(uri, 'shellscript', text, 1);
    // the background pass publishes every file; a hover goes in every 20 ms until the last one is out
    const lastFile = `file://${tmp}/lab0999.sh`;
    let done = false;
    const finished = client.nextDiagnostics(lastFile, undefined, 300_000).then(() => (done = true));
    const hovers: number[] = [];
    while (!done && performance.now() - start < 300_000) {
      const h = performance.now();
      await client.request('textDocument/hover', { textDocument: { uri }, position: at(1, 22) });
      hovers.push(performance.now() - h);
      await new Promise((r) => setTimeout(r, 20));
    }
    await finished;
    extra.workspaceAnalysedMs = performance.now() - start;
    rows.push({ name: 'hover while 1,000 workspace files are analysed', stats: stats(hovers), unit: 'ms', bar: 5 });
    const peak = client.peak();
    extra.workspaceRss = peak;
    rows.push({
      name: 'server peak RSS, 1,000-file workspace',
      value: Math.max(peak.sampledMb, peak.hwmMb),
      unit: 'MB',
      bar: 150,
      barOn: 'value',
    });
  } finally {
    await client.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function printTable() {
  const lines = ['| measure | p50 | p95 | bar | ratio to bar | peer (p95) | ratio to peer |', '|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    const u = (v: number | undefined) => (v === undefined ? '' : r.unit === 'MB' ? `${v.toFixed(0)} MB` : fmt(v));
    const measured = r.stats ? (r.barOn === 'p50' ? r.stats.p50 : r.stats.p95) : r.value!;
    const ratio = r.bar ? `${(measured / r.bar).toFixed(2)}×${measured <= r.bar ? ' ✓' : ''}` : '';
    const peer = r.peer ? `${fmt(r.peer.stats.p95)} (${r.peer.name})` : '';
    const peerRatio = r.peer && r.stats ? `${(r.stats.p95 / r.peer.stats.p95).toFixed(2)}×` : '';
    lines.push(
      `| ${r.name}${r.stats ? ` (n=${r.stats.n})` : ''} | ${r.stats ? u(r.stats.p50) : u(r.value)} | ${r.stats ? u(r.stats.p95) : ''} | ${u(r.bar)} | ${ratio} | ${peer} | ${peerRatio} |`,
    );
  }
  console.log(lines.join('\n'));
}

// ---- in-process lines other issues cite -------------------------------------------------------------

/**
 * A corosync.conf of QUORUM_NODES (10,000) nodes and a `pcs cluster setup` of as many: the quorum
 * family's share (diagnostics, lens, hover, inlay hints; the tolerance analysis is not cached between
 * samples: each sample is a new file version) and the whole first analysis, parsing included.
 * Wall and CPU time (the CPU figure holds when the machine is busy).
 */
async function benchBigQuorum() {
  const service = new LanguageService();
  await service.init();
  const line = (s: Stats) => `median ${s.p50.toFixed(2)} ms · p95 ${s.p95.toFixed(2)} ms · max ${s.max.toFixed(2)} ms (n=${s.n})`;
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
    `bench: quorum analysis of ${nodes} nodes (diagnostics + lens + hover + inlay hints, uncached): wall ${line(stats(wall))}; CPU ${line(stats(cpus))}`,
  );
  // The tolerance answers alone ("survives any k", smallest stopping sets, the even split), which the
  // features above format for every line of the nodelist.
  const { analyzeTolerance, evenSplit } = await import('../shared/src/quorum/engine');
  const { quorumConfigFromCorosync } = await import('../server/src/quorum/adapters');
  const config = quorumConfigFromCorosync(file);
  const engine: number[] = [];
  for (let k = 0; k < Math.min(EDITS, 10); k++) {
    t = performance.now();
    analyzeTolerance(config);
    evenSplit(config);
    engine.push(performance.now() - t);
  }
  console.log(`bench: quorum engine alone, ${nodes} nodes (tolerance + even split): ${line(stats(engine))}`);
  extra.quorumEngine = stats(engine);
  const names = Array.from({ length: nodes }, (_, i) => `node${i + 1}`);
  const rowsOfNames: string[] = [];
  for (let i = 0; i < names.length; i += 20) rowsOfNames.push(names.slice(i, i + 20).join(' '));
  const script = `#!/bin/bash\npcs cluster setup big \\\n  ${rowsOfNames.join(' \\\n  ')}\n`;
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
}

async function main() {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`node scripts/build.mjs\` first`);
  const load = os.loadavg();
  console.log(
    `bench: server ${path.relative(root, SERVER)}, ${LINES} lines, ${EDITS} samples per edit kind, load ${load.map((l) => l.toFixed(2)).join(' ')}, ${os.cpus().length} cores`,
  );
  await benchEdits();
  if (!SKIP.has('workspace')) await benchWorkspace();
  printTable();
  if (!SKIP.has('quorum')) await benchBigQuorum();
  const out = path.join(root, '.test-artifacts', 'bench.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    JSON.stringify({ date: new Date().toISOString(), load, lines: LINES, edits: EDITS, server: SERVER, rows, ...extra }, null, 2) + '\n',
  );
  console.log(`bench: ${path.relative(root, out)}; extra: ${JSON.stringify(extra)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
