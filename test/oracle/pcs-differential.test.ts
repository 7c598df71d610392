// Differential test against the real pcs: every corpus line is applied in order with `pcs -f` to an
// offline CIB holding the script's nodes, and analysed by the language service (the same path
// `pcmk-lsp check` uses: extraction, cluster model, script and agent diagnostics). pcs refusing a
// line (exit code != 0) must match an error from us on that line; no accepted line may carry one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { ensureTool, failOrSkip } from '../support/tools';
import { buildClusterModel, scriptDiagnostics } from '../../server/src/scripts/index';
import { doc, wordsOf } from '../unit/pcs/lines';
import { CLUSTER_PROPERTIES } from '../../server/src/pcs/clusterProperties.data';

const run = promisify(execFile);
const CORPUS = path.join(__dirname, 'fixtures', 'pcs-corpus');

interface LineResult {
  file: string;
  line: number;
  text: string;
  rc: number;
  stderr: string;
  ours: string[];
  /** Our non-error diagnostics on the line. */
  advice: string[];
}

/** Lines pcs refuses here only because an agent is not installed on this machine. */
const nodeDependent: LineResult[] = [];

/** crm_simulate's allocation scores per resource, read from the CIB the script built. */
const simulated = new Map<string, string>();

function skipReason(): string | undefined {
  return (
    ensureTool('pcs', ['pcs']) ??
    ensureTool('cibadmin', ['pacemaker-cli-utils']) ??
    ensureTool('crm_verify', ['pacemaker-cli-utils']) ??
    (process.getuid?.() === 0 ? undefined : failOrSkip('unshare --net needs root'))
  );
}

function setupDoc(nodes: string[]) {
  return doc('file:///corpus/00-setup.sh', `pcs cluster setup lab ${nodes.join(' ')}`);
}

async function runScript(file: string): Promise<LineResult[]> {
  const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
  const lines = text.split('\n');
  const nodes = (/^# nodes: (.*)$/m.exec(text)?.[1] ?? '').split(/\s+/).filter(Boolean);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcs-diff-'));
  try {
    const cib = path.join(dir, 'cib.xml');
    fs.writeFileSync(cib, execFileSync('cibadmin', ['--empty']));
    nodes.forEach((n, i) =>
      execFileSync('cibadmin', ['--create', '-o', 'nodes', '-X', `<node id="${i + 1}" uname="${n}"/>`], {
        env: { ...process.env, CIB_file: cib },
      }),
    );
    const d = doc(`file:///corpus/${file}`, text);
    // the workspace also holds the script that set the cluster up with those nodes
    const model = buildClusterModel([setupDoc(nodes), d], []);
    const all = scriptDiagnostics(d, model);
    const errors = all.filter((x) => x.severity === 1);
    const results: LineResult[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].startsWith('pcs ')) continue;
      const argv = wordsOf(lines[i], i)
        .map((w) => w.text)
        .slice(1);
      let rc = 0;
      let stderr = '';
      let deprecation = '';
      try {
        const out = await run('unshare', ['--net', 'pcs', '-f', cib, ...argv], { env: { ...process.env, LC_ALL: 'C' }, timeout: 180_000 });
        if (/^Deprecation Warning/m.test(out.stderr)) deprecation = 'Deprecation Warning';
      } catch (error) {
        const e = error as { code?: number; stderr?: string };
        rc = typeof e.code === 'number' ? e.code : 1;
        stderr = (e.stderr ?? '')
          .split('\n')
          .filter((l) => l.startsWith('Error'))
          .join(' | ');
        if (/^Deprecation Warning/m.test(e.stderr ?? '')) stderr += ' | Deprecation Warning';
        // refused only because this machine lacks an agent the lab's nodes get from a package: pcs's
        // verdict depends on the node. Create it anyway so later lines see it; we must warn, not refuse.
        const reasons = (e.stderr ?? '').split('\n').filter((l) => l.startsWith('Error') && !l.includes('Errors have occurred'));
        const provider = /'ocf:([^:']+):/.exec(reasons[0] ?? '')?.[1];
        const notShippedHere = provider !== undefined && !fs.existsSync(path.join('/usr/lib/ocf/resource.d', provider));
        if (notShippedHere && reasons.every((l) => l.includes('is not installed or does not provide valid metadata'))) {
          nodeDependent.push({
            file,
            line: i,
            text: lines[i],
            rc,
            stderr,
            ours: errors.filter((x) => x.range.start.line === i).map((x) => `${x.code}`),
            advice: all.filter((x) => x.range.start.line === i && x.severity === 2).map((x) => `${x.code}`),
          });
          await run('unshare', ['--net', 'pcs', '-f', cib, ...argv, '--force'], {
            env: { ...process.env, LC_ALL: 'C' },
            timeout: 180_000,
          }).catch(() => undefined);
          continue;
        }
      }
      if (rc === 0) stderr = deprecation;
      results.push({
        file,
        line: i,
        text: lines[i],
        rc,
        stderr,
        ours: errors.filter((e) => e.range.start.line === i).map((e) => `${e.code}: ${e.message}`),
        advice: all.filter((e) => e.range.start.line === i && e.severity !== 1).map((e) => `${e.code}`),
      });
    }
    simulated.set(file, execFileSync('crm_simulate', ['-x', cib, '-S', '-s'], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } }));
    return results;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('pcs and the language service agree on which lines pcs refuses', { timeout: 900_000 }, async (t) => {
  const reason = skipReason();
  if (reason) return t.skip(reason);
  // PCS_DIFF_FILES=09-pcs09-forms.sh runs only those corpus files (while working on one class)
  const only = process.env.PCS_DIFF_FILES?.split(',').filter(Boolean);
  const files = fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith('.sh') && (!only || only.includes(f)))
    .sort();
  const results: LineResult[] = [];
  // a few parallel batches of independent scripts (each has its own CIB)
  const queue = [...files];
  const workers = Array.from({ length: 4 }, async () => {
    for (let f = queue.shift(); f; f = queue.shift()) results.push(...(await runScript(f)));
  });
  await Promise.all(workers);
  const refused = results.filter((r) => r.rc !== 0);
  const accepted = results.filter((r) => r.rc === 0);
  const missed = refused.filter((r) => !r.ours.length);
  const falseErrors = accepted.filter((r) => r.ours.length);
  const agree = results.length - missed.length - falseErrors.length;
  console.log(
    `pcs differential: ${results.length} lines, pcs refused ${refused.length}, accepted ${accepted.length}; agreement ${agree}/${results.length} (${((100 * agree) / results.length).toFixed(1)}%); missed refusals ${missed.length}; false errors ${falseErrors.length}`,
  );
  for (const r of missed) console.log(`MISSED ${r.file}:${r.line + 1}: ${r.text}\n   pcs: ${r.stderr}`);
  for (const r of falseErrors) console.log(`FALSE  ${r.file}:${r.line + 1}: ${r.text}\n   ours: ${r.ours.join(' || ')}`);
  // a line pcs 0.11 runs with a deprecation warning carries advice from us (the pcs 0.9 form and its rewrite), never an error
  const deprecatedUnflagged = accepted.filter((r) => r.stderr.includes('Deprecation Warning') && !r.advice.length);
  for (const r of deprecatedUnflagged) console.log(`UNFLAGGED DEPRECATION ${r.file}:${r.line + 1}: ${r.text}`);
  assert.deepEqual(
    deprecatedUnflagged.map((r) => `${r.file}:${r.line + 1}`),
    [],
    'every deprecation warning of pcs is advice from us',
  );
  // an agent of a provider no package here ships: a warning, never an error (the node may have it)
  for (const r of nodeDependent)
    console.log(`NODE-DEPENDENT ${r.file}:${r.line + 1}: ${r.text} — ours: ${[...r.ours, ...r.advice].join(', ')}`);
  assert.deepEqual(
    nodeDependent.filter((r) => r.ours.length || !r.advice.includes('pcs/agent-unknown')).map((r) => `${r.file}:${r.line + 1}`),
    [],
    'node-dependent agents are warnings',
  );
  assert.deepEqual(
    missed.map((r) => `${r.file}:${r.line + 1}`),
    [],
    'every line pcs refuses carries an error',
  );
  assert.deepEqual(
    falseErrors.map((r) => `${r.file}:${r.line + 1}`),
    [],
    'no line pcs accepts carries an error',
  );
  if (only) return;
  assert.ok(results.length >= 150, `corpus has ${results.length} lines`);
  // our can-never-run warning is confirmed by Pacemaker's scheduler: -INFINITY on every node
  const seed = simulated.get('07-seed004.sh') ?? '';
  const blockedScores = [...seed.matchAll(/pcmk__primitive_assign: Blocked allocation score on (\S+): (\S+)/g)].map((m) => m[2]);
  assert.ok(
    blockedScores.length >= 4 && blockedScores.every((s) => s === '-INFINITY'),
    seed
      .split('\n')
      .filter((l) => l.includes('Blocked'))
      .join('\n'),
  );
  const text = fs.readFileSync(path.join(CORPUS, '07-seed004.sh'), 'utf8');
  const d = doc('file:///corpus/07-seed004.sh', text);
  const warnings = scriptDiagnostics(d, buildClusterModel([setupDoc((/^# nodes: (.*)$/m.exec(text)?.[1] ?? '').split(' ')), d], []));
  const never = warnings.filter((w) => w.code === 'pcs/cannot-run-anywhere');
  assert.deepEqual(
    never.map((w) => text.split('\n')[w.range.start.line].split(' ')[3]),
    ['Blocked'],
  );
  assert.ok(warnings.some((w) => w.code === 'pcs/constraint-loop'));
  assert.deepEqual(
    missed.map((r) => `${r.file}:${r.line + 1}`),
    [],
    'every line pcs refuses carries an error',
  );
  assert.deepEqual(
    falseErrors.map((r) => `${r.file}:${r.line + 1}`),
    [],
    'no line pcs accepts carries an error',
  );
});

test('the property table matches the installed Pacemaker daemons', (t) => {
  const reason = skipReason();
  if (reason) return t.skip(reason);
  const names = new Set<string>();
  for (const daemon of ['pacemaker-based', 'pacemaker-controld', 'pacemaker-schedulerd']) {
    const xml = execFileSync(`/usr/lib/pacemaker/${daemon}`, ['metadata'], { encoding: 'utf8' });
    for (const m of xml.matchAll(/<parameter name="([^"]+)"/g)) names.add(m[1]);
  }
  assert.deepEqual([...names].sort(), [...new Set(CLUSTER_PROPERTIES.map((p) => p.name))].sort());
});
