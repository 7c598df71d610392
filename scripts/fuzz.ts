// The long fuzz run (issue 11):
//   npm run fuzz -- --inputs 100000 [--seed N] [--workers 2] [--cli-every 1000] [--out .fuzz-findings]
// Inputs are the same as the fixed-seed slices in `npm test` (test/support/fuzz.ts): mutations of the
// repository's corosync.conf, script and memo fixtures plus random bytes. Every input goes through
// every feature of the language service; every `--cli-every`-th also through `pcmk-lsp check --format
// json` and the bundled server over stdio (build first: `npm run build`). Each input that breaks a
// property is written to the output folder with what broke (a throw is also minimized), and the run
// ends with its figures: inputs, wall time, findings by kind, the slowest inputs.
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  fuzzService,
  loadCorpus,
  makeInput,
  minimize,
  repoRoot,
  Rng,
  runService,
  FILE_OF,
  type FuzzInput,
  type Violation,
} from '../test/support/fuzz';

interface Options {
  inputs: number;
  seed: number;
  workers: number;
  cliEvery: number;
  out: string;
  /** Internal: this process is worker `worker` of `workers`. */
  worker?: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    inputs: 10_000,
    seed: Date.now() % 1_000_000,
    workers: 1,
    cliEvery: 1000,
    out: path.join(repoRoot, '.fuzz-findings'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--inputs') o.inputs = Number(value());
    else if (a === '--seed') o.seed = Number(value());
    else if (a === '--workers') o.workers = Number(value());
    else if (a === '--cli-every') o.cliEvery = Number(value());
    else if (a === '--out') o.out = path.resolve(value());
    else if (a === '--worker') o.worker = Number(value());
    else throw new Error(`unknown option ${a} (use --inputs N --seed N --workers N --cli-every N --out DIR)`);
  }
  if (!Number.isInteger(o.inputs) || o.inputs < 1 || !Number.isInteger(o.seed) || !(o.workers >= 1) || !(o.cliEvery >= 0))
    throw new Error('bad option value');
  return o;
}

interface WorkerReport {
  inputs: number;
  findings: { index: number; kind: string; origin: string; violation: Violation; file: string }[];
  slowest: { index: number; cpuMs: number; ms: number; chars: number; origin: string }[];
  cliRuns: number;
}

async function runWorker(o: Options, worker: number): Promise<WorkerReport> {
  const corpus = loadCorpus();
  const service = await fuzzService();
  const report: WorkerReport = { inputs: 0, findings: [], slowest: [], cliRuns: 0 };
  const seen = new Set<string>();
  let processes:
    | {
        client: import('../test/lsp/client').TestLspClient;
        dir: string;
        cliAndServer: typeof import('../test/support/fuzzProcesses').cliAndServer;
      }
    | undefined;
  const save = async (input: FuzzInput, violation: Violation) => {
    // One file per distinct finding (property, feature, first words of the detail).
    const key = `${violation.property}|${violation.feature}|${violation.detail.replace(/\d+/g, 'N').slice(0, 80)}`;
    const first = !seen.has(key);
    seen.add(key);
    let file = '';
    if (first) {
      fs.mkdirSync(o.out, { recursive: true });
      const base = path.join(o.out, `seed${o.seed}-${input.index}-${violation.property}-${violation.feature}`);
      let text = input.text;
      if (violation.property === 'throw' && violation.feature !== 'cli') {
        // Minimize on a fresh service: keep what still throws in the same feature.
        // At most two minutes: an input that throws only after seconds (a parse over its budget)
        // would otherwise hold the worker for an hour of tries.
        const fresh = await fuzzService();
        const until = Date.now() + 120_000;
        text = minimize(
          text,
          (t) =>
            Date.now() < until &&
            runService(fresh, { ...input, text: t }, new Rng(input.index), false).violations.some(
              (v) => v.property === 'throw' && v.feature === violation.feature,
            ),
          400,
        );
      }
      file = `${base}${path.extname(FILE_OF[input.kind as keyof typeof FILE_OF]) || '.txt'}`;
      fs.writeFileSync(file, text);
      fs.writeFileSync(
        `${base}.json`,
        JSON.stringify(
          {
            seed: o.seed,
            index: input.index,
            kind: input.kind,
            origin: input.origin,
            violation,
            minimized: text.length < input.text.length,
          },
          null,
          2,
        ),
      );
    }
    report.findings.push({ index: input.index, kind: input.kind, origin: input.origin, violation, file });
  };
  // Warm-up outside the figures.
  runService(service, { index: -1, kind: 'corosync', text: corpus[0]!.text, origin: 'warm-up' }, new Rng(1), false);
  for (let i = worker; i < o.inputs; i += o.workers) {
    const input = makeInput(o.seed, i, corpus);
    const result = runService(service, input, new Rng(o.seed ^ i), i % 2 === 1);
    report.inputs++;
    for (const v of result.violations) await save(input, v);
    if (result.cpuMs > 2000) await save(input, { property: 'time', feature: 'all', detail: `${result.cpuMs.toFixed(0)} ms CPU` });
    report.slowest.push({ index: i, cpuMs: result.cpuMs, ms: result.ms, chars: input.text.length, origin: input.origin.slice(0, 120) });
    report.slowest.sort((a, b) => b.cpuMs - a.cpuMs);
    report.slowest.length = Math.min(report.slowest.length, 5);
    if (o.cliEvery && i % o.cliEvery === 0) {
      if (!processes) {
        const { TestLspClient } = await import('../test/lsp/client');
        const { cliAndServer } = await import('../test/support/fuzzProcesses');
        const client = new TestLspClient();
        await client.initialize();
        processes = { client, cliAndServer, dir: fs.mkdtempSync(path.join(os.tmpdir(), 'pcmk-fuzz-')) };
      }
      const { violations } = await processes.cliAndServer(processes.client, input, processes.dir);
      report.cliRuns++;
      for (const v of violations) await save(input, v);
    }
    if (report.inputs % 1000 === 0 && process.send) process.send({ progress: report.inputs });
  }
  if (processes) {
    await processes.client.shutdown().catch(() => processes!.client.process.kill('SIGKILL'));
    fs.rmSync(processes.dir, { recursive: true, force: true });
  }
  return report;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  if (o.worker !== undefined) {
    const report = await runWorker(o, o.worker);
    process.send!({ report });
    return;
  }
  const started = Date.now();
  console.log(
    `fuzz: seed ${o.seed}, ${o.inputs} inputs, ${o.workers} worker(s), CLI and server every ${o.cliEvery || 'never'}; findings go to ${o.out}`,
  );
  const progress = new Array<number>(o.workers).fill(0);
  const reports = await Promise.all(
    Array.from(
      { length: o.workers },
      (_, w) =>
        new Promise<WorkerReport>((resolve, reject) => {
          const args = [
            '--inputs',
            String(o.inputs),
            '--seed',
            String(o.seed),
            '--workers',
            String(o.workers),
            '--cli-every',
            String(o.cliEvery),
            '--out',
            o.out,
            '--worker',
            String(w),
          ];
          const child = fork(__filename, args, { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
          let done = false;
          child.on('message', (m: { progress?: number; report?: WorkerReport }) => {
            if (m.progress) {
              progress[w] = m.progress;
              const total = progress.reduce((a, b) => a + b, 0);
              console.log(`fuzz: ${total} inputs, ${((Date.now() - started) / 1000).toFixed(0)} s`);
            }
            if (m.report) {
              done = true;
              resolve(m.report);
            }
          });
          // A worker that dies is itself a finding: the process exited on some input.
          child.on('exit', (code, signal) =>
            done ? undefined : reject(new Error(`worker ${w} exited (${code ?? signal}) before finishing`)),
          );
        }),
    ),
  );
  const seconds = (Date.now() - started) / 1000;
  const inputs = reports.reduce((a, r) => a + r.inputs, 0);
  const findings = reports.flatMap((r) => r.findings);
  const slowest = reports
    .flatMap((r) => r.slowest)
    .sort((a, b) => b.cpuMs - a.cpuMs)
    .slice(0, 5);
  const byKind = new Map<string, { count: number; first: (typeof findings)[number] }>();
  for (const f of findings) {
    const key = `${f.violation.property} in ${f.violation.feature}: ${f.violation.detail.replace(/\d+/g, 'N').slice(0, 100)}`;
    const entry = byKind.get(key);
    if (entry) entry.count++;
    else byKind.set(key, { count: 1, first: f });
  }
  console.log(
    `\nfuzz: ${inputs} inputs in ${seconds.toFixed(0)} s (${((seconds * 1000) / inputs).toFixed(1)} ms per input, ${o.workers} worker(s)), ${reports.reduce((a, r) => a + r.cliRuns, 0)} through the CLI and the server`,
  );
  console.log(`fuzz: ${findings.length} finding(s) of ${byKind.size} kind(s)`);
  for (const [key, { count, first }] of byKind)
    console.log(`  ${count} × ${key}\n      first: input ${first.index} (${first.kind}, ${first.origin.slice(0, 100)}) ${first.file}`);
  console.log('fuzz: slowest inputs (CPU ms, wall ms, characters, origin):');
  for (const s of slowest) console.log(`  #${s.index}: ${s.cpuMs.toFixed(0)} / ${s.ms.toFixed(0)} ms, ${s.chars} chars, ${s.origin}`);
  process.exitCode = findings.length ? 1 : 0;
}

main().catch((error) => {
  console.error(`fuzz: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});
