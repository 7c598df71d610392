// Real-world differential of corosync.conf files (not a test: the files are other people's and are
// never committed). Each file of $PCMK_REALWORLD_DIR/files goes through `pcmk-lsp check --format
// json` (the built CLI, as a user runs it) and through `corosync -t` in the environment-proof
// sandbox (corosync-sandbox.ts); the verdicts are compared and every file is classified.
//
//   node scripts/build.mjs
//   PCMK_REALWORLD_DIR=/work/team/realworld/corosync node --import tsx test/oracle/corosync-realworld.ts [LABEL]
//
// Writes $PCMK_REALWORLD_DIR/results-LABEL.json and prints a Markdown table and the figures.
// `sources.json` in the folder (file name -> { repo, path, commit, note }) names where each file
// came from.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCorosyncSandboxed, type SandboxVerdict } from './corosync-sandbox';

interface Finding {
  range: { start: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

export type Verdict = 'agree' | 'false-error' | 'missed-refusal' | 'wrong-line';

export interface FileResult {
  file: string;
  repo?: string;
  oracle: { rejected: boolean; line?: number; message: string; warnings: string[]; rewrites: string[] };
  errors: string[];
  warnings: string[];
  infos: string[];
  verdict: Verdict;
}

function classify(oracle: SandboxVerdict, findings: Finding[]): Verdict {
  const errors = findings.filter((f) => f.severity === 'error');
  if (!oracle.rejected) return errors.length ? 'false-error' : 'agree';
  if (!errors.length) return 'missed-refusal';
  if (
    oracle.line !== undefined &&
    !/Missing closing brace/.test(oracle.message) &&
    !errors.some((e) => e.range.start.line + 1 === oracle.line)
  )
    return 'wrong-line';
  return 'agree';
}

function main(): void {
  const root = process.env.PCMK_REALWORLD_DIR;
  if (!root) {
    console.error('set PCMK_REALWORLD_DIR to the folder holding files/ and sources.json');
    process.exit(2);
  }
  const label = process.argv[2] ?? 'now';
  const repoRoot = path.resolve(__dirname, '..', '..');
  const sources: Record<string, { repo?: string }> = fs.existsSync(path.join(root, 'sources.json'))
    ? JSON.parse(fs.readFileSync(path.join(root, 'sources.json'), 'utf8'))
    : {};
  const names = fs
    .readdirSync(path.join(root, 'files'))
    .filter((f) => !f.startsWith('.'))
    .sort();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-realworld-'));
  const results: FileResult[] = [];
  try {
    names.forEach((name, i) => {
      const text = fs.readFileSync(path.join(root, 'files', name), 'utf8');
      // The CLI knows a corosync.conf by its name.
      const copy = path.join(work, `f${i}`, 'corosync.conf');
      fs.mkdirSync(path.dirname(copy), { recursive: true });
      fs.writeFileSync(copy, text);
      const cli = spawnSync('node', [path.join(repoRoot, 'bin', 'pcmk-lsp.js'), 'check', '--format', 'json', copy], {
        encoding: 'utf8',
        cwd: work,
      });
      let findings: Finding[] = [];
      try {
        findings = JSON.parse(cli.stdout);
      } catch {
        throw new Error(`pcmk-lsp check failed on ${name}: ${cli.stderr}`);
      }
      const oracle = runCorosyncSandboxed(text, { dir: path.join(work, `s${i}`) });
      const show = (f: Finding) => `${f.range.start.line + 1}:${f.code}: ${f.message}`;
      results.push({
        file: name,
        repo: sources[name]?.repo,
        oracle: {
          rejected: oracle.rejected,
          line: oracle.line,
          message: oracle.message,
          warnings: oracle.warnings,
          rewrites: oracle.rewrites,
        },
        errors: findings.filter((f) => f.severity === 'error').map(show),
        warnings: findings.filter((f) => f.severity === 'warning').map(show),
        infos: findings.filter((f) => f.severity !== 'error' && f.severity !== 'warning').map(show),
        verdict: classify(oracle, findings),
      });
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  fs.writeFileSync(path.join(root, `results-${label}.json`), JSON.stringify(results, null, 1));
  const count = (v: Verdict) => results.filter((r) => r.verdict === v).length;
  const repos = new Set(results.map((r) => r.repo ?? r.file)).size;
  const rejected = results.filter((r) => r.oracle.rejected).length;
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    `| # | file | corosync -t (sandbox) | our errors | verdict |`,
    `|---|---|---|---|---|`,
    ...results.map(
      (r, i) =>
        `| ${i + 1} | ${cell(r.repo ?? r.file)} | ${r.oracle.rejected ? `refused${r.oracle.line ? ` (line ${r.oracle.line})` : ''}: ${cell(r.oracle.message)}` : 'accepted'} | ${cell(r.errors.map((e) => e.split(': ')[0]).join(', ') || '–')} | ${r.verdict} |`,
    ),
  ];
  console.log(lines.join('\n'));
  console.log(
    `\n${label}: ${results.length} files from ${repos} repositories; corosync refuses ${rejected}, accepts ${results.length - rejected}; ` +
      `agree ${count('agree')}/${results.length}; false errors ${count('false-error')}; missed refusals ${count('missed-refusal')}; wrong line ${count('wrong-line')}`,
  );
}

main();
