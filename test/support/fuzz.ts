// The fuzzer (issue 11): inputs are mutations of the repository's own corosync.conf, script and memo
// fixtures (test/**/fixtures, examples/) plus random bytes; they go through the language service
// directly (every feature), the CLI and the server over stdio. Used by the fixed-seed slices in
// `npm test` (test/unit/fuzz, test/lsp/fuzz.test.ts) and by the long run (`npm run fuzz`).
//
// Properties: no throw, no exit, bounded time per input, every diagnostic range (and outline, folding
// and formatting range) inside its document, and the same diagnostics from the CLI and the server.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, DocumentSymbol, Position, Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../../server/src/service/languageService';
import { analyzeTolerance, evenSplit, resolveQuorumSettings } from '../../shared/src/quorum/engine';
import type { DocumentKind } from '../../server/src/base/types';
import { rng } from './rng';

export const repoRoot = path.resolve(__dirname, '..', '..');

// ---- random numbers (reproducible from a seed) -------------------------------------------------

export class Rng {
  private readonly uniform: () => number;
  constructor(seed: number) {
    this.uniform = rng(seed >>> 0 || 0x9e3779b9);
  }
  /** mulberry32: a uniform float in [0, 1). */
  next(): number {
    return this.uniform();
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---- corpus ------------------------------------------------------------------------------------

export interface Seed {
  /** Path relative to the repository. */
  file: string;
  kind: DocumentKind;
  text: string;
}

function kindOfFixture(file: string): DocumentKind | undefined {
  const base = path.basename(file).toLowerCase();
  if (base.endsWith('.conf')) return 'corosync';
  if (base.endsWith('.sh') || base.endsWith('.bash')) return 'shell';
  if (base.endsWith('.md') || base.endsWith('.txt')) return 'markdown';
  return undefined;
}

function walk(dir: string, out: string[]): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'crashes') walk(p, out);
    } else if (entry.isFile()) out.push(p);
  }
}

/** Every fixture of the repository the service reads: test/**\/fixtures/** and examples/**. */
export function loadCorpus(root = repoRoot): Seed[] {
  const files: string[] = [];
  walk(path.join(root, 'examples'), files);
  const testDirs: string[] = [];
  const findFixtureDirs = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === 'node_modules') continue;
      const p = path.join(dir, entry.name);
      if (entry.name === 'fixtures') testDirs.push(p);
      else findFixtureDirs(p);
    }
  };
  findFixtureDirs(path.join(root, 'test'));
  for (const d of testDirs) walk(d, files);
  const seeds: Seed[] = [];
  for (const file of files.sort()) {
    const kind = kindOfFixture(file);
    if (!kind) continue;
    const stat = fs.statSync(file);
    if (stat.size > 256 * 1024) continue;
    seeds.push({ file: path.relative(root, file), kind, text: fs.readFileSync(file, 'utf8') });
  }
  return seeds;
}

// ---- mutations ---------------------------------------------------------------------------------

/** Fragments that matter to one of our parsers (braces, quotes, substitutions, heredocs, fences, prompts). */
const FRAGMENTS = [
  '{',
  '}',
  '{\n',
  '}\n',
  '"',
  "'",
  '`',
  '$(',
  ')',
  '${',
  '$((',
  '\\',
  '\\\n',
  '<<EOF\n',
  '\nEOF\n',
  "<<'EOF'\n",
  '<<-EOF\n',
  '#',
  ':',
  ': ',
  '=',
  ';',
  '|',
  '&&',
  '||',
  '&',
  '>',
  '>>',
  '2>&1',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '\0',
  ' ',
  '```\n',
  '```bash\n',
  '```sh\n',
  '~~~\n',
  '    ',
  '- ',
  '# ',
  'node1 # ',
  '[root@node1 ~]# ',
  '$ ',
  'pcs ',
  'pcs resource create ',
  'pcs constraint ',
  'pcs cluster setup ',
  'pcs stonith create ',
  'pcs quorum ',
  'targetcli ',
  "ssh node1 '",
  'bash -c "',
  'for i in node{1..3}; do ',
  '; done',
  'cat > /etc/corosync/corosync.conf <<EOF\n',
  'totem {',
  'nodelist {',
  'node {',
  'quorum {',
  'logging {',
  'ring0_addr: ',
  'nodeid: ',
  'name: ',
  'two_node: 1',
  'quorum_votes: ',
  'expected_votes: ',
  'provider: corosync_votequorum',
  'transport: knet',
  'interface {',
  'é',
  'ß',
  '名前',
  '노드',
  '😀',
  '\uD800',
  '\uDC00',
  '\u202E',
  '\uFEFF',
  '\u200B',
  '\u00A0',
  '\u2028',
  '\uFFFD',
  '0',
  '-1',
  '4294967296',
  '99999999999999999999',
  'NaN',
  '1e400',
  '::',
  '%s%n',
  '$$',
  '$@',
  '$1',
  '*',
  '?',
  '[',
];

function randomUnicode(rng: Rng): string {
  const ranges: [number, number][] = [
    [0x20, 0x7e],
    [0x00, 0x1f],
    [0xa0, 0x2ff],
    [0x3040, 0x30ff],
    [0xac00, 0xd7a3],
    [0xd800, 0xdfff],
    [0x1f600, 0x1f64f],
  ];
  const [lo, hi] = rng.pick(ranges);
  return String.fromCodePoint(lo + rng.int(hi - lo + 1));
}

function randomBytes(rng: Rng, length: number): string {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = rng.chance(0.7) ? 0x20 + rng.int(0x5f) : rng.int(256);
  return rng.chance(0.5) ? bytes.toString('utf8') : bytes.toString('latin1');
}

const tokenRe = /[A-Za-z0-9_.\-/]+|\s+|./gsu;

type Mutator = (text: string, rng: Rng, corpus: Seed[]) => string;

const at = (text: string, rng: Rng) => rng.int(text.length + 1);

export const MUTATORS: Record<string, Mutator> = {
  deleteRange: (t, r) => {
    const a = at(t, r);
    return t.slice(0, a) + t.slice(Math.min(t.length, a + 1 + r.int(r.chance(0.8) ? 8 : 200)));
  },
  duplicateRange: (t, r) => {
    const a = at(t, r);
    const b = Math.min(t.length, a + 1 + r.int(120));
    return t.slice(0, b) + t.slice(a, b) + t.slice(b);
  },
  insertFragment: (t, r) => {
    const a = at(t, r);
    return t.slice(0, a) + r.pick(FRAGMENTS) + t.slice(a);
  },
  insertUnicode: (t, r) => {
    const a = at(t, r);
    let s = '';
    for (let i = 1 + r.int(4); i > 0; i--) s += randomUnicode(r);
    return t.slice(0, a) + s + t.slice(a);
  },
  replaceChar: (t, r) => {
    if (!t.length) return t;
    const a = r.int(t.length);
    return t.slice(0, a) + (r.chance(0.5) ? r.pick(FRAGMENTS) : randomUnicode(r)) + t.slice(a + 1);
  },
  deleteLine: (t, r) => {
    const lines = t.split('\n');
    lines.splice(r.int(lines.length), 1);
    return lines.join('\n');
  },
  duplicateLine: (t, r) => {
    const lines = t.split('\n');
    const i = r.int(lines.length);
    lines.splice(i, 0, ...Array(1 + r.int(3)).fill(lines[i]));
    return lines.join('\n');
  },
  swapLines: (t, r) => {
    const lines = t.split('\n');
    const i = r.int(lines.length);
    const j = r.int(lines.length);
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    return lines.join('\n');
  },
  moveBlock: (t, r) => {
    const lines = t.split('\n');
    const i = r.int(lines.length);
    const block = lines.splice(i, 1 + r.int(6));
    lines.splice(r.int(lines.length + 1), 0, ...block);
    return lines.join('\n');
  },
  swapTokens: (t, r) => {
    const tokens = t.match(tokenRe) ?? [];
    if (tokens.length < 2) return t;
    const i = r.int(tokens.length);
    const j = r.int(tokens.length);
    [tokens[i], tokens[j]] = [tokens[j]!, tokens[i]!];
    return tokens.join('');
  },
  replaceToken: (t, r, corpus) => {
    const tokens = t.match(tokenRe) ?? [];
    if (!tokens.length) return t;
    const other = r.pick(corpus).text.match(tokenRe) ?? ['x'];
    tokens[r.int(tokens.length)] = r.pick(other);
    return tokens.join('');
  },
  duplicateToken: (t, r) => {
    const tokens = t.match(tokenRe) ?? [];
    if (!tokens.length) return t;
    const i = r.int(tokens.length);
    tokens.splice(i, 0, tokens[i]!.repeat(1 + r.int(3)));
    return tokens.join('');
  },
  crlf: (t, r) => (r.chance(0.5) ? t.replace(/\r?\n/g, '\r\n') : t.replace(/\n/g, '\r')),
  nul: (t, r) => {
    const a = at(t, r);
    return t.slice(0, a) + '\0'.repeat(1 + r.int(3)) + t.slice(a);
  },
  longLine: (t, r) => {
    const lines = t.split('\n');
    const i = r.int(lines.length);
    const unit = lines[i] || r.pick(FRAGMENTS);
    lines[i] = unit.repeat(Math.max(1, Math.floor((2_000 + r.int(30_000)) / Math.max(1, unit.length))));
    return lines.join('\n');
  },
  spliceOther: (t, r, corpus) => {
    const other = r.pick(corpus).text;
    const a = at(t, r);
    const b = r.int(other.length + 1);
    return r.chance(0.5) ? t.slice(0, a) + other.slice(b) : other.slice(0, b) + t.slice(a);
  },
  truncate: (t, r) => t.slice(0, at(t, r)),
  randomBytes: (t, r) => {
    const a = at(t, r);
    return t.slice(0, a) + randomBytes(r, 1 + r.int(64)) + t.slice(a);
  },
};

const MUTATOR_NAMES = Object.keys(MUTATORS);

export interface FuzzInput {
  index: number;
  kind: DocumentKind;
  text: string;
  /** Where it came from: the seed file and the mutations, or "random bytes". */
  origin: string;
}

/** The `index`-th input of a run with `seed`: the same seed and index always give the same input. */
export function makeInput(seed: number, index: number, corpus: Seed[]): FuzzInput {
  const rng = new Rng((seed * 0x9e3779b1 + index * 0x85ebca6b) >>> 0);
  if (rng.chance(0.06)) {
    const kind = rng.pick<DocumentKind>(['corosync', 'shell', 'markdown']);
    return { index, kind, text: randomBytes(rng, rng.int(3000)), origin: 'random bytes' };
  }
  const base = rng.pick(corpus);
  let text = base.text;
  const applied: string[] = [];
  for (let n = 1 + rng.int(rng.chance(0.2) ? 30 : 6); n > 0; n--) {
    const name = rng.pick(MUTATOR_NAMES);
    text = MUTATORS[name]!(text, rng, corpus);
    applied.push(name);
  }
  // Keep inputs modest: the deep-recursion and megabyte-line shapes have their own tests (findings 6, 8).
  if (text.length > 200_000) text = text.slice(0, 200_000);
  // Sometimes read a file as another kind (a corosync.conf in a memo, a script named corosync.conf).
  const kind = rng.chance(0.1) ? rng.pick<DocumentKind>(['corosync', 'shell', 'markdown']) : base.kind;
  return { index, kind, text, origin: `${base.file} + ${applied.join(',')}` };
}

// ---- properties --------------------------------------------------------------------------------

export interface Violation {
  property: 'throw' | 'range' | 'time' | 'cli-server' | 'exit';
  feature: string;
  detail: string;
}

export const URI_OF: Record<DocumentKind, string> = {
  corosync: 'file:///fuzz/lab/corosync.conf',
  shell: 'file:///fuzz/lab/setup.sh',
  markdown: 'file:///fuzz/lab/memo.md',
};

export function inside(doc: TextDocument, p: Position): boolean {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return false;
  if (p.line >= doc.lineCount) return false;
  const start = doc.offsetAt({ line: p.line, character: 0 });
  const next = p.line + 1 < doc.lineCount ? doc.offsetAt({ line: p.line + 1, character: 0 }) : doc.getText().length;
  const lineText = doc
    .getText()
    .slice(start, next)
    .replace(/\r?\n$|\r$/, '');
  return p.character <= lineText.length;
}

export function rangeInside(doc: TextDocument, r: Range | undefined): boolean {
  if (!r || !inside(doc, r.start) || !inside(doc, r.end)) return false;
  return r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character);
}

const contains = (outer: Range, inner: Range) =>
  (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
  (outer.end.line > inner.end.line || (outer.end.line === inner.end.line && outer.end.character >= inner.end.character));

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((l) => l.trim().startsWith('at '))
    .slice(0, 4)
    .map((l) => l.trim());
  return `${error.name}: ${error.message.slice(0, 200)} ${frames.join(' ')}`;
}

/** A fresh service with the lab examples open beside the fuzzed document (the cross-file model matters). */
export async function fuzzService(): Promise<LanguageService> {
  const service = new LanguageService();
  await service.init();
  for (const f of ['lab.sh', 'memo.md']) {
    const file = path.join(repoRoot, 'examples', 'lab', f);
    if (fs.existsSync(file))
      service.setDocument(`file:///fuzz/other/${f}`, f.endsWith('.md') ? 'markdown' : 'shell', fs.readFileSync(file, 'utf8'), 0, false);
  }
  return service;
}

export interface ServiceResult {
  violations: Violation[];
  diagnostics: Diagnostic[];
  /** Wall time of all features on this input. */
  ms: number;
  /** CPU time (user + system) of this process meanwhile: what the bound applies to, since other work on a shared machine stretches wall time. */
  cpuMs: number;
}

/**
 * Runs every feature of the service on `input` and checks the properties. With `incremental`, the
 * document already open is edited into the input (one didChange: the differing middle), so the
 * incremental paths run too.
 */
export function runService(service: LanguageService, input: FuzzInput, rng: Rng, incremental: boolean): ServiceResult {
  const uri = URI_OF[input.kind];
  const violations: Violation[] = [];
  const doc = TextDocument.create(uri, input.kind, 1, input.text);
  let diagnostics: Diagnostic[] = [];
  const started = performance.now();
  const cpu = process.cpuUsage();
  const guard = <T>(feature: string, run: () => T): T | undefined => {
    try {
      return run();
    } catch (error) {
      violations.push({ property: 'throw', feature, detail: errorText(error) });
      return undefined;
    }
  };
  const randomPosition = (): Position => {
    if (rng.chance(0.05)) return { line: rng.int(doc.lineCount + 3) - 1, character: rng.int(200) - 1 };
    const offset = rng.int(input.text.length + 1);
    return doc.positionAt(offset);
  };

  guard('open', () => {
    const previous = service.getText(uri);
    if (incremental && previous !== undefined && service.kindOf(uri) === input.kind) {
      const old = TextDocument.create(uri, input.kind, 0, previous);
      let a = 0;
      while (a < previous.length && a < input.text.length && previous[a] === input.text[a]) a++;
      let b = 0;
      while (
        b < previous.length - a &&
        b < input.text.length - a &&
        previous[previous.length - 1 - b] === input.text[input.text.length - 1 - b]
      )
        b++;
      // An editor never splits a CRLF: widen the edit over one it would cut.
      if (a > 0 && previous[a - 1] === '\r' && previous[a] === '\n') a--;
      if (b > 0 && previous[previous.length - b - 1] === '\r' && previous[previous.length - b] === '\n') b--;
      const range = { start: old.positionAt(a), end: old.positionAt(previous.length - b) };
      service.changeDocument(uri, [{ range, text: input.text.slice(a, input.text.length - b) }], input.index + 1);
      const got = service.getText(uri)!;
      if (got !== input.text) {
        let d = 0;
        while (d < got.length && got[d] === input.text[d]) d++;
        throw new Error(
          `the incremental edit did not give the input text: edit ${a}..${previous.length - b} of ${previous.length}, first difference at ${d}: ${JSON.stringify(got.slice(d - 5, d + 5))} vs ${JSON.stringify(input.text.slice(d - 5, d + 5))}`,
        );
      }
    } else {
      service.setDocument(uri, input.kind, input.text, input.index + 1, true);
    }
  });
  diagnostics = guard('diagnostics', () => service.diagnostics(uri)) ?? [];
  for (const d of diagnostics) {
    if (!rangeInside(doc, d.range))
      violations.push({
        property: 'range',
        feature: 'diagnostics',
        detail: `${d.code}: ${JSON.stringify(d.range)} (${doc.lineCount} lines)`,
      });
  }
  for (let i = 0; i < 3; i++) {
    const pos = randomPosition();
    guard('hover', () => service.hover(uri, pos));
    guard('completion', () => service.completion(uri, pos));
  }
  const pos = randomPosition();
  guard('definition', () => service.definition(uri, pos));
  guard('references', () => service.references(uri, pos, true));
  const renameAt = guard('prepareRename', () => service.prepareRename(uri, pos));
  if (renameAt) guard('rename', () => service.rename(uri, renameAt.start, 'renamed_id'));
  const symbols = guard('documentSymbols', () => service.documentSymbols(uri)) ?? [];
  const checkSymbol = (s: DocumentSymbol) => {
    if (!rangeInside(doc, s.range) || !rangeInside(doc, s.selectionRange) || !contains(s.range, s.selectionRange))
      violations.push({
        property: 'range',
        feature: 'documentSymbols',
        detail: `${s.name.slice(0, 40)}: ${JSON.stringify(s.range)} / ${JSON.stringify(s.selectionRange)}`,
      });
    for (const c of s.children ?? []) checkSymbol(c);
  };
  symbols.forEach(checkSymbol);
  guard('workspaceSymbols', () => service.workspaceSymbols(''));
  for (const f of guard('foldingRanges', () => service.foldingRanges(uri)) ?? []) {
    if (f.startLine < 0 || f.endLine < f.startLine || f.endLine >= doc.lineCount)
      violations.push({ property: 'range', feature: 'foldingRanges', detail: `${f.startLine}-${f.endLine} of ${doc.lineCount}` });
  }
  const edits = guard('format', () => service.format(uri, { tabSize: 4, insertSpaces: true })) ?? [];
  const sorted = [...edits].sort((x, y) => doc.offsetAt(x.range.start) - doc.offsetAt(y.range.start));
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]!;
    if (!rangeInside(doc, e.range)) violations.push({ property: 'range', feature: 'format', detail: JSON.stringify(e.range) });
    if (i > 0 && doc.offsetAt(e.range.start) < doc.offsetAt(sorted[i - 1]!.range.end))
      violations.push({ property: 'range', feature: 'format', detail: `overlapping edits at ${JSON.stringify(e.range.start)}` });
  }
  for (const d of diagnostics.slice(0, 20)) guard('codeActions', () => service.codeActions(uri, d.range, [d]));
  guard('codeLenses', () => service.codeLenses(uri));
  guard('inlayHints', () => service.inlayHints(uri, { start: { line: 0, character: 0 }, end: { line: doc.lineCount, character: 0 } }));
  guard('nodes', () => service.nodes());
  const config = guard('quorumConfig', () => service.quorumConfig(uri));
  if (config) {
    guard('quorum', () => {
      resolveQuorumSettings(config);
      analyzeTolerance(config);
      evenSplit(config);
    });
  }
  const used = process.cpuUsage(cpu);
  return { violations, diagnostics, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

/** Comparable text of a diagnostic: range, severity, code and message. */
export function diagnosticKey(d: { range: Range; severity?: number | string; code?: unknown; message: string }): string {
  const severity = typeof d.severity === 'number' ? ['', 'error', 'warning', 'information', 'hint'][d.severity] : d.severity;
  const r = d.range;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${severity} ${String(d.code)} ${d.message}`;
}

/** The file name the CLI recognises for a kind. */
export const FILE_OF: Record<DocumentKind, string> = { corosync: 'corosync.conf', shell: 'setup.sh', markdown: 'memo.md' };

/**
 * Shrinks `text` while `fails(text)` stays true: whole lines first, then characters (ddmin-like, bounded).
 */
export function minimize(text: string, fails: (t: string) => boolean, budget = 2000): string {
  let best = text;
  let tries = 0;
  for (const unit of ['\n', '']) {
    let parts = unit ? best.split(unit) : [...best];
    let chunk = Math.max(1, Math.floor(parts.length / 2));
    while (chunk >= 1 && tries < budget) {
      let changed = false;
      for (let i = 0; i < parts.length && tries < budget;) {
        const candidate = [...parts.slice(0, i), ...parts.slice(i + chunk)];
        tries++;
        if (candidate.length < parts.length && fails(candidate.join(unit))) {
          parts = candidate;
          changed = true;
        } else i += chunk;
      }
      if (!changed) chunk = Math.floor(chunk / 2);
    }
    best = parts.join(unit);
  }
  return best;
}
