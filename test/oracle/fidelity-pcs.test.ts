// The real pcs (`pcs -f` on an offline CIB) against our verdicts on shell alternatives, file order and
// a two-cluster DR memo. A line gets an error from us exactly when pcs refuses it on every path
// through the script that runs it (the arms of if/elif/else and case, the right side of `||` only when
// the left failed); numbered chapters run in their order; each cluster of the memo has its own CIB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { ensureTool, failOrSkip } from '../support/tools';
import { wordsOf } from '../unit/pcs/lines';
import { LanguageService } from '../../server/src/service/languageService';

const run = promisify(execFile);
const fixtures = path.join(__dirname, '..', 'unit', 'model', 'fixtures');

function skipReason(): string | undefined {
  return (
    ensureTool('pcs', ['pcs']) ??
    ensureTool('cibadmin', ['pacemaker-cli-utils']) ??
    ensureTool('fence_dummy', ['fence-agents']) ??
    (process.getuid?.() === 0 ? undefined : failOrSkip('unshare --net needs root'))
  );
}

/** The pcs arguments of a script or memo line (prompt, indentation, `case` label and `||` stripped). */
function pcsArgs(line: string): string[] {
  const text = line
    .replace(/^\s*\[[^\]]*\]#\s*/, '')
    .replace(/^\s*\w+\)\s*/, '')
    .replace(/\s*(;;|\|\|)\s*$/, '')
    .trim();
  return wordsOf(text, 0)
    .map((w) => w.text)
    .slice(1);
}

/** A fresh offline CIB with the given nodes; the caller removes `dir`. */
function freshCib(dir: string, name: string, nodes: string[]): string {
  const cib = path.join(dir, `${name}.xml`);
  fs.writeFileSync(cib, execFileSync('cibadmin', ['--empty']));
  nodes.forEach((n, i) =>
    execFileSync('cibadmin', ['--create', '-o', 'nodes', '-X', `<node id="${i + 1}" uname="${n}"/>`], {
      env: { ...process.env, CIB_file: cib },
    }),
  );
  return cib;
}

async function pcs(cib: string, args: string[]): Promise<number> {
  try {
    await run('unshare', ['--net', 'pcs', '-f', cib, ...args], { env: { ...process.env, LC_ALL: 'C' }, timeout: 60_000 });
    return 0;
  } catch (error) {
    const e = error as { code?: number };
    return typeof e.code === 'number' ? e.code : 1;
  }
}

async function ourErrors(files: Record<string, string>): Promise<Map<string, number[]>> {
  const s = new LanguageService();
  await s.init();
  for (const [uri, text] of Object.entries(files)) s.setDocument(uri, uri.endsWith('.md') ? 'markdown' : 'shell', text, 1);
  return new Map(
    Object.keys(files).map((uri) => [
      uri,
      [
        ...new Set(
          s
            .diagnostics(uri)
            .filter((d) => d.severity === 1)
            .map((d) => d.range.start.line + 1),
        ),
      ],
    ]),
  );
}

/** One step of a path: a 1-based line, run only when `ifFailed` (a line of the same path) was refused. */
interface Step {
  line: number;
  ifFailed?: number;
}

test('shell alternatives: an error exactly where pcs refuses the line on every path that runs it', { timeout: 600_000 }, async (t) => {
  const reason = skipReason();
  if (reason) return t.skip(reason);
  const file = path.join(fixtures, 'clusters', 'fence-branches.sh');
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  // if (6) / elif (8) / else (10, 11) with no case item matching; the `lyon` item (16) once; `||` on 19-20
  const paths: Step[][] = [
    [[6], []],
    [[8], []],
    [[10, 11], []],
    [[6], [16]],
  ].map(([arm, item]) => [...arm, 13, ...item, 19].map((line): Step => ({ line })).concat([{ line: 20, ifFailed: 19 }, { line: 22 }]));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcs-branches-'));
  const refusedOn = new Map<number, boolean[]>();
  try {
    for (let i = 0; i < paths.length; i += 2) {
      await Promise.all(
        paths.slice(i, i + 2).map(async (steps, k) => {
          const cib = freshCib(dir, `path${i + k}`, ['node1', 'node2']);
          const rc = new Map<number, number>();
          for (const step of steps) {
            if (step.ifFailed !== undefined && rc.get(step.ifFailed) === 0) continue;
            const code = await pcs(cib, pcsArgs(lines[step.line - 1]));
            rc.set(step.line, code);
            refusedOn.set(step.line, [...(refusedOn.get(step.line) ?? []), code !== 0]);
          }
        }),
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const uri = 'file:///lab/fence-branches.sh';
  const ours = (await ourErrors({ [uri]: lines.join('\n') })).get(uri)!;
  const pcsAlways = [...refusedOn]
    .filter(([, v]) => v.every(Boolean))
    .map(([line]) => line)
    .sort((a, b) => a - b);
  assert.deepEqual(ours, pcsAlways, `pcs refuses on some path: ${JSON.stringify([...refusedOn].filter(([, v]) => v.some(Boolean)))}`);
  assert.deepEqual(pcsAlways, [11, 22]);
});

test(
  'numbered chapters run in order: pcs accepts constraints before the clone and refuses them after it, as we say',
  { timeout: 600_000 },
  async (t) => {
    const reason = skipReason();
    if (reason) return t.skip(reason);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcs-chapters-'));
    try {
      for (const lab of ['chapters', 'clone-first']) {
        const folder = path.join(fixtures, 'order', lab);
        const names = fs.readdirSync(folder).sort();
        const files = Object.fromEntries(names.map((n) => [`file:///lab/${lab}/${n}`, fs.readFileSync(path.join(folder, n), 'utf8')]));
        const ours = await ourErrors(files);
        const cib = freshCib(dir, lab, ['node1', 'node2']);
        for (const n of names) {
          const lines = files[`file:///lab/${lab}/${n}`].split('\n');
          const refused: number[] = [];
          for (let i = 0; i < lines.length; i++)
            if (lines[i].startsWith('pcs ') && (await pcs(cib, pcsArgs(lines[i]))) !== 0) refused.push(i + 1);
          assert.deepEqual(ours.get(`file:///lab/${lab}/${n}`), refused, `${lab}/${n}`);
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
);

test('the DR memo: each cluster on its own CIB accepts its lines, the same ids in both included', { timeout: 600_000 }, async (t) => {
  const reason = skipReason();
  if (reason) return t.skip(reason);
  const text = fs.readFileSync(path.join(fixtures, 'clusters', 'dr-memo.md'), 'utf8');
  const lines = text.split('\n');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcs-dr-'));
  try {
    const cibs: Record<string, string> = {
      node1: freshCib(dir, 'primary', ['node1', 'node2']),
      node3: freshCib(dir, 'recovery', ['node3', 'node4']),
    };
    const refused: number[] = [];
    for (let i = 0; i < lines.length; i++) {
      const m = /^\[root@(node[13]) ~\]# pcs (resource create|stonith create|constraint) /.exec(lines[i]);
      if (m && (await pcs(cibs[m[1]], pcsArgs(lines[i]))) !== 0) refused.push(i + 1);
    }
    assert.deepEqual(refused, []);
    assert.deepEqual((await ourErrors({ 'file:///lab/dr-memo.md': text })).get('file:///lab/dr-memo.md'), []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
