// Command extraction from bash scripts and Markdown/plain-text lab memos.
//
// What is a command line (the full rule set is at the top of ./segment.ts):
// - .sh files: every line is shell; a pasted lab prompt (`node1# `, `node1 # `, `[root@node1 ~]# `,
//   `$ `) is stripped and recorded; `# ...` is always a comment, even `# pcs status`.
// - Markdown fences tagged bash/sh/shell/console/zsh (or untagged fences that hold prompts or known
//   commands): in a fence where lines carry prompts, only prompted lines and their continuations are
//   commands (the rest is output); `# cmd` is a root prompt when cmd is a known command.
// - Markdown/plain text outside fences: lines with a strong prompt, and bare lines that start with a
//   known command followed by shell-looking arguments.
//
// How it stays fast: the document is cut into segments (script chunks that end where the shell is
// between commands, Markdown fences, prose regions). Each segment is parsed on its own with
// tree-sitter-bash and its result cached by content, so an edit re-parses only the segment it
// touches. A whole-document tree-sitter re-parse of a 10,000-line script takes 100-300 ms in wasm
// here even with the edited old tree, so `previous.tree` is accepted for API compatibility but not
// needed, and no tree is returned.
import { lspLineBreaks } from '../parsing/lineBreaks';
import type { Tree } from '../parsing/treeSitter';
import { grammars, parserFor, PARSE_BUDGET_BASE_MS, PARSE_BUDGET_MS_PER_CHAR } from '../parsing/treeSitter';
import type { Invocation, PromptTarget, Range, RunnableBlock, ScriptExtract, Word, WrittenFile } from '../base/types';
import MarkdownIt from 'markdown-it';
import { isCorosyncConfPath } from '../base/paths';
import { ShellScanner } from './scanner';
import { matchPrompt, type PromptMatch } from './prompt';
import { buildMarkdownSegment, buildScriptSegment, splitLines, type BuiltSegment, type Group } from './segment';
import { Walker, MAX_NESTING, type RelFile, type RelInvocation, type RelWord, type Span } from './walk';
import * as l10n from '@vscode/l10n';

export type ScriptKind = 'shell' | 'markdown';

/** Fence info words that declare a shell block. */
const SHELL_TAGS = new Set(['bash', 'sh', 'shell', 'console', 'zsh', 'ksh', 'terminal', 'shell-session', 'shellsession', 'shellscript']);

/**
 * `owner` names the document (its URI): a segment's materialized objects are kept per owner and
 * start line, so the next extraction of the same document hands out the very same Invocation
 * objects for segments whose text and start line did not change (see `extractUnits`).
 */
export function extractScript(
  text: string,
  kind: ScriptKind,
  previous?: { tree: Tree },
  owner = '',
): { extract: ScriptExtract; tree?: Tree } {
  void previous;
  text = lspLineBreaks(text); // a lone CR is a line break for the editor: keep rows equal to LSP lines
  // NUL bytes are read as spaces (same length: every offset stays). tree-sitter-bash's lexer took a
  // NUL inside an open quote for the end of input and went back over the line again and again: an
  // 11 KB line of them cost 4 s of CPU (a fuzz finding). bash itself refuses such a file or drops them.
  if (text.includes('\0')) text = text.replace(/\0/g, ' ');
  const script = kind === 'shell' ? scriptSegments(text) : undefined;
  const segments = script ? script.segments : markdownSegments(text);
  const extract: ScriptExtract = { invocations: [], files: [], blocks: [] };
  const units: Materialized[] = [];
  const gen = (ownerGeneration.get(owner) ?? 0) + 1;
  ownerGeneration.set(owner, gen);
  let blockBase = 0;
  const problems: ShellProblem[] = script ? [...script.problems] : [];
  for (const seg of segments) {
    const analysed = analyse(seg);
    for (const { sl, sc, el, ec, ...p } of analysed.problems) {
      problems.push({ ...p, range: { start: { line: seg.line + sl, character: sc }, end: { line: seg.line + el, character: ec } } });
    }
    const m = materialize(analysed, seg, blockBase, owner, gen);
    units.push(m);
    for (const inv of m.invocations) extract.invocations.push(inv);
    for (const f of m.files) extract.files.push(f);
    for (const b of m.blocks) extract.blocks.push(b);
    blockBase += m.blocks.length;
  }
  UNITS.set(extract, units);
  PROBLEMS.set(extract, problems);
  if (script) {
    const perBlock: Invocation[][] = script.blocks.map(() => []);
    for (const inv of extract.invocations) perBlock[inv.block]?.push(inv);
    extract.blocks = script.blocks.map((b, i) => {
      const shared = sharedPrompt(perBlock[i]);
      const key = `${b.start}:${b.end}:${b.startLine}:${b.endLine}:${b.endCharacter}`;
      const cached = blockCache.get(key);
      const blockText = text.slice(b.start, b.end);
      if (cached && cached.text === blockText && cached.prompt === shared) return cached;
      const block: RunnableBlock = {
        range: { start: { line: b.startLine, character: 0 }, end: { line: b.endLine, character: b.endCharacter } },
        text: blockText,
      };
      if (shared) block.prompt = shared;
      if (blockCache.size > 100_000) blockCache.clear();
      blockCache.set(key, block);
      return block;
    });
  }
  cache.sweep();
  return { extract };
}

/** The invocations and files of each segment, in document order. A unit object is the same from one
 * extraction of a document to the next while the segment's text and start line stay the same (its
 * words' `textOffset` and block numbers are then updated in place), so later layers can cache per
 * unit. Undefined for extracts not made by `extractScript`. */
export function extractUnits(extract: ScriptExtract): readonly ExtractUnit[] | undefined {
  return UNITS.get(extract);
}

export interface ExtractUnit {
  readonly invocations: Invocation[];
  readonly files: WrittenFile[];
  /** The segment's kind and text, its first line and its offset in the document. A later extraction
   * that finds the same content moved by whole lines makes a new unit; the fold then shifts the old
   * unit's products instead of running it again (model/build.ts). */
  readonly content: string;
  readonly line: number;
  readonly offset: number;
}

const UNITS = new WeakMap<ScriptExtract, Materialized[]>();
const PROBLEMS = new WeakMap<ScriptExtract, ShellProblem[]>();

/** What the shell itself would refuse or what the extraction could not read, found while extracting. */
export interface ShellProblem {
  range: Range;
  code: 'shell/syntax' | 'shell/nesting-too-deep' | 'shell/line-too-long' | 'shell/parse-budget';
  severity: 'error' | 'warning';
  message: string;
}

/** The shell problems of an extract made by `extractScript` (empty for other extracts). */
export function extractProblems(extract: ScriptExtract): readonly ShellProblem[] {
  return PROBLEMS.get(extract) ?? [];
}

/** A problem with a segment-relative position (line relative to the segment's first line). */
type SegmentProblem = Omit<ShellProblem, 'range'> & { sl: number; sc: number; el: number; ec: number };
const ownerGeneration = new Map<string, number>();

// ---- segments ----------------------------------------------------------------------------------

interface Segment {
  mode: 'script' | 'fence' | 'prose';
  tagged: boolean;
  /** Absolute offset and line of the segment's first character. */
  offset: number;
  line: number;
  text: string;
  /** Script chunks: the block number (within the document's script blocks) each chunk belongs to. */
  scriptBlock?: number;
}

const CHUNK_HASH_MODULO = 32;
const CHUNK_MAX_LINES = 200;

interface ScriptBlockSpan {
  start: number;
  end: number;
  startLine: number;
  endLine: number;
  endCharacter: number;
}

/**
 * Cut a script where the shell is between commands: after every blank line (which also ends a
 * runnable block) and after lines chosen by their content, so chunk borders do not move when lines
 * are inserted elsewhere and unchanged chunks keep hitting the cache.
 */
function scriptSegments(text: string): { segments: Segment[]; blocks: ScriptBlockSpan[]; problems: ShellProblem[] } {
  const segments: Segment[] = [];
  const problems: ShellProblem[] = [];
  let stray: { line: number; col: number; word: string } | undefined;
  const blocks: ScriptBlockSpan[] = [];
  const scanner = new ShellScanner();
  let chunkStart = 0;
  let chunkLine = 0;
  let chunkBlock: number | undefined;
  let inBlock = false;
  const flush = (end: number, nextLine: number) => {
    if (end > chunkStart) {
      const seg: Segment = { mode: 'script', tagged: true, offset: chunkStart, line: chunkLine, text: text.slice(chunkStart, end) };
      if (chunkBlock !== undefined) seg.scriptBlock = chunkBlock;
      segments.push(seg);
    }
    chunkStart = end;
    chunkLine = nextLine;
    chunkBlock = undefined;
  };
  const n = text.length;
  let pos = 0;
  let line = 0;
  for (;;) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = n;
    const lineEnd = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    const raw = text.slice(pos, lineEnd);
    let blank = false;
    let cut = false;
    if (scanner.complete) {
      // From a clean state a line's effect depends on its text only: remember it.
      let info = lineCache.get(raw);
      if (!info) {
        info = cleanLineInfo(raw);
        if (lineCache.size > 100_000) lineCache.clear();
        lineCache.set(raw, info);
      }
      blank = info.blank;
      cut = info.cut;
      if (info.stray) stray ??= { line, col: info.stray.col, word: info.stray.word };
      if (!info.cleanAfter) scanner.feed(info.masked ?? raw, line);
    } else {
      scanner.feed(raw, line);
    }
    if (!blank) {
      if (!inBlock) {
        if (line > chunkLine) flush(pos, line);
        blocks.push({ start: pos, end: lineEnd, startLine: line, endLine: line, endCharacter: lineEnd - pos });
        inBlock = true;
      }
      const b = blocks[blocks.length - 1];
      b.end = lineEnd;
      b.endLine = line;
      b.endCharacter = lineEnd - pos;
      chunkBlock = blocks.length - 1;
    }
    if (nl >= n) break;
    if (blank) {
      inBlock = false;
    } else if (scanner.complete && (line - chunkLine >= CHUNK_MAX_LINES || cut)) {
      flush(nl + 1, line + 1);
    }
    pos = nl + 1;
    line++;
  }
  flush(n, line + 1);
  if (segments.length === 0) segments.push({ mode: 'script', tagged: true, offset: 0, line: 0, text: '' });
  // What `bash -n` refuses: a closing keyword with nothing open, or the end of the file inside a quote,
  // a substitution or an open if/for/while/case (pinned where it opened). test/oracle/bash-syntax.test.ts.
  const first = [stray, scanner.stray].filter((x) => x !== undefined).sort((a, b) => a!.line - b!.line || a!.col - b!.col)[0];
  if (first) {
    problems.push({
      code: 'shell/syntax',
      severity: 'error',
      message: l10n.t(
        'bash refuses this script: {0} (nothing open here for it to close).',
        `syntax error near unexpected token \`${first.word}'`,
      ),
      range: { start: { line: first.line, character: first.col }, end: { line: first.line, character: first.col + first.word.length } },
    });
  }
  const open = scanner.openAtEnd;
  if (open) {
    problems.push({
      code: 'shell/syntax',
      severity: 'error',
      message: l10n.t('bash refuses this script: {0} (opened here, never closed).', open.message),
      range: { start: { line: open.line, character: open.col }, end: { line: open.line, character: open.col + 1 } },
    });
  }
  return { segments, blocks, problems };
}

interface CleanLineInfo {
  blank: boolean;
  /** The line ends where the shell waits for a new command. */
  cleanAfter: boolean;
  /** A content-chosen chunk border follows this line (when it ends clean). */
  cut: boolean;
  /** The line with its prompt blanked, when it has one. */
  masked?: string;
  /** A `fi`/`done`/`esac` with nothing open (read from a clean state). */
  stray?: { col: number; word: string };
}

const lineCache = new Map<string, CleanLineInfo>();

function cleanLineInfo(raw: string): CleanLineInfo {
  const blank = raw.trim() === '';
  let masked: string | undefined;
  if (!blank && (raw.includes('#') || raw.includes('$'))) {
    const p = matchPrompt(raw, 'script');
    if (p) masked = ' '.repeat(p.length) + raw.slice(p.length);
  }
  const scanner = new ShellScanner();
  scanner.feed(masked ?? raw);
  const info: CleanLineInfo = { blank, cleanAfter: scanner.complete, cut: lineHash(masked ?? raw) % CHUNK_HASH_MODULO === 0 };
  if (scanner.stray) info.stray = { col: scanner.stray.col, word: scanner.stray.word };
  if (masked !== undefined) info.masked = masked;
  return info;
}

function lineHash(s: string): number {
  let h = s.length * 2654435761;
  const n = s.length;
  if (n > 0) h ^= (s.charCodeAt(0) * 40503) ^ (s.charCodeAt(n - 1) * 9973) ^ (s.charCodeAt(n >> 1) * 31);
  h ^= h >>> 13;
  return (h >>> 0) % 1000003;
}

let markdown: ReturnType<typeof MarkdownIt> | undefined;

/** Fences (via markdown-it) and the prose between them. */
function markdownSegments(text: string): Segment[] {
  markdown ??= new MarkdownIt({ html: true });
  const tokens = markdown.parse(text, {});
  const lines = splitLines(text);
  const lineOffset = (l: number) => (l < lines.length ? lines[l].offset : text.length);
  const segments: Segment[] = [];
  const proseUpTo = (from: number, to: number) => {
    if (to <= from) return;
    const start = lineOffset(from);
    const end = to < lines.length ? lineOffset(to) : text.length;
    segments.push({ mode: 'prose', tagged: false, offset: start, line: from, text: text.slice(start, end) });
  };
  let cursor = 0;
  for (const token of tokens) {
    if (token.type !== 'fence' || !token.map) continue;
    const [open, after] = token.map;
    const marker = token.markup;
    let close = after - 1;
    const closeLine = lines[close]?.text.trim() ?? '';
    const closed = close > open && closeLine.startsWith(marker) && closeLine.replace(/[`~]/g, '') === '';
    if (!closed) close = after;
    proseUpTo(cursor, open);
    cursor = Math.min(after, lines.length);
    const tag = token.info.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    if (tag && !SHELL_TAGS.has(tag)) continue;
    const from = open + 1;
    if (close <= from) {
      // An empty fence is still a runnable (empty) block when declared as shell.
      if (tag) segments.push({ mode: 'fence', tagged: true, offset: lineOffset(from), line: from, text: '' });
      continue;
    }
    const start = lineOffset(from);
    const end = lineOffset(close);
    let body = text.slice(start, end);
    if (body.endsWith('\n')) body = body.slice(0, -1);
    segments.push({ mode: 'fence', tagged: tag !== '', offset: start, line: from, text: body });
  }
  proseUpTo(cursor, lines.length);
  return segments;
}

// ---- analysis (cached by content) ----------------------------------------------------------------

/** A span whose segment-relative line and character were computed once. */
type Located = Required<Span>;

interface Analysed {
  built: BuiltSegment;
  invocations: RelInvocation[];
  files: RelFile[];
  lineStarts: number[];
  /** Fence that holds no shell (untagged and nothing command-like): not a block. */
  isShell: boolean;
  /** Materialized copies by `owner \0 start line`. */
  materialized?: Map<string, MaterializedAt>;
  problems: SegmentProblem[];
}

interface MaterializedAt {
  value: Materialized;
  offset: number;
  blockBase: number;
  scriptBlock: number | undefined;
  /** Extraction generation of the owner that last used it. */
  gen: number;
  owner: string;
}

class SegmentCache {
  private map = new Map<string, Analysed>();
  private used = new Set<string>();
  get(key: string): Analysed | undefined {
    const v = this.map.get(key);
    if (v) this.used.add(key);
    return v;
  }
  set(key: string, value: Analysed): void {
    this.map.set(key, value);
    this.used.add(key);
  }
  /** Keep what the last extractions used; forget the rest once the cache grows large. */
  sweep(): void {
    if (this.map.size > 4 * Math.max(this.used.size, 2000)) {
      for (const key of this.map.keys()) if (!this.used.has(key)) this.map.delete(key);
    }
    if (this.used.size > 50000) this.used.clear();
  }
}

let cache = new SegmentCache();
const blockCache = new Map<string, RunnableBlock>();

/** Forget every cached segment (tests use it to compare incremental and cold results). */
export function resetExtractionCache(): void {
  cache = new SegmentCache();
  blockCache.clear();
  lineCache.clear();
}

function analyse(seg: Segment): Analysed {
  const key = `${seg.mode}${seg.tagged ? '+' : '-'}\u0000${seg.text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const built = seg.mode === 'script' ? buildScriptSegment(seg.text) : buildMarkdownSegment(seg.text, seg.mode, seg.tagged);
  const parser = parserFor(grammars().bash);
  const longLine = blankLongLines(built);
  const walked = built.text.trim() ? new Walker(parser).walk(built.text, built.origins) : { invocations: [], files: [] };
  const lineStarts = [0];
  for (let i = seg.text.indexOf('\n'); i >= 0; i = seg.text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const isShell = seg.mode !== 'fence' || seg.tagged || built.groups.length > 0;
  const locate = (span: Span) => {
    const l = span as Located;
    const at = (rel: number) => {
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid] <= rel) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    l.sl = at(span.start);
    l.sc = span.start - lineStarts[l.sl];
    const end = Math.max(span.end, span.start);
    l.el = at(end);
    l.ec = end - lineStarts[l.el];
  };
  for (const inv of walked.invocations) {
    locate(inv);
    for (const w of inv.argv) if ((w as Located).sl === undefined) locate(w);
    if (inv.remote?.host && (inv.remote.host as Located).sl === undefined) locate(inv.remote.host);
  }
  const problems: SegmentProblem[] = [];
  if (longLine !== undefined) {
    const at: Span = { start: longLine, end: longLine };
    locate(at);
    const l = at as Located;
    problems.push({
      code: 'shell/line-too-long',
      severity: 'warning',
      message: l10n.t(
        'A line longer than {0} characters is not analysed (commands on it are not checked).',
        MAX_LINE_CHARS.toLocaleString('en'),
      ),
      sl: l.sl,
      sc: l.sc,
      el: l.el,
      ec: l.ec,
    });
  }
  if (seg.mode === 'fence' && seg.tagged && longLine === undefined && built.groups.length > 0 && built.groups.every((g) => !g.prompt)) {
    // A shell fence without prompts reads as a script to paste: a quote or `$(` left open at its end is
    // refused by bash. A fence is a fragment (a loop may span fences), so open keywords and closing
    // keywords are not judged, and fences with prompts (transcripts with output) are not judged at all.
    const fence = new ShellScanner();
    let lineNo = 0;
    const lineStartsBuilt = [0];
    for (let i = built.text.indexOf('\n'); i >= 0; i = built.text.indexOf('\n', i + 1)) lineStartsBuilt.push(i + 1);
    for (let k = 0; k < lineStartsBuilt.length; k++) {
      const end = k + 1 < lineStartsBuilt.length ? lineStartsBuilt[k + 1]! - 1 : built.text.length;
      fence.feed(built.text.slice(lineStartsBuilt[k], end), lineNo++);
    }
    const open = fence.openAtEnd;
    if (open && open.message.startsWith('unexpected EOF')) {
      const at: Span = { start: built.origins[(lineStartsBuilt[open.line] ?? 0) + open.col] ?? 0, end: 0 };
      at.end = at.start + 1;
      locate(at);
      const l = at as Located;
      problems.push({
        code: 'shell/syntax',
        severity: 'error',
        message: l10n.t('bash refuses this command: {0} (opened here, never closed).', open.message),
        sl: l.sl,
        sc: l.sc,
        el: l.el,
        ec: l.ec,
      });
    }
  }
  if ('tooDeep' in walked && walked.tooDeep) {
    const at = walked.tooDeep as Located;
    locate(at);
    problems.push({
      code: 'shell/nesting-too-deep',
      severity: 'warning',
      message: l10n.t('Nesting deeper than {0} levels is not analysed: commands inside it are not checked.', MAX_NESTING),
      sl: at.sl,
      sc: at.sc,
      el: at.el,
      ec: at.ec,
    });
  }
  if ('overBudget' in walked && walked.overBudget) {
    const at = walked.overBudget as Located;
    locate(at);
    problems.push({
      code: 'shell/parse-budget',
      severity: 'warning',
      message: l10n.t(
        'The shell parser (tree-sitter-bash) went over its time budget ({0} ms + {1} ms per character) on the lines from here to the next complete command: they are not analysed (commands in them are not checked).',
        PARSE_BUDGET_BASE_MS,
        PARSE_BUDGET_MS_PER_CHAR,
      ),
      sl: at.sl,
      sc: at.sc,
      el: at.el,
      ec: at.ec,
    });
  }
  const analysed: Analysed = { built, invocations: walked.invocations, files: walked.files, lineStarts, isShell, problems };
  cache.set(key, analysed);
  return analysed;
}

/** tree-sitter-bash needs seconds for a line of a few hundred kilobytes (a 2 MB line: minutes); no lab
 * command is that long, so such lines are blanked before parsing and reported instead. */
export const MAX_LINE_CHARS = 20_000;

/** Blanks (in place) every line of the built text longer than MAX_LINE_CHARS; returns the segment
 * offset of the first one. */
function blankLongLines(built: BuiltSegment): number | undefined {
  const text = built.text;
  if (text.length <= MAX_LINE_CHARS) return undefined;
  let first: number | undefined;
  let out: string[] | undefined;
  let last = 0;
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > MAX_LINE_CHARS) {
      first ??= built.origins[start];
      out ??= [];
      out.push(text.slice(last, start), ' '.repeat(end - start));
      last = end;
    }
    start = end + 1;
  }
  if (!out) return undefined;
  out.push(text.slice(last));
  built.text = out.join('');
  return first;
}

// ---- materialization -----------------------------------------------------------------------------

interface Materialized {
  invocations: Invocation[];
  files: WrittenFile[];
  blocks: RunnableBlock[];
  /** The segment's kind and text, start line and start offset (the offset follows in-place shifts). */
  content: string;
  line: number;
  offset: number;
}

function materialize(a: Analysed, seg: Segment, blockBase: number, owner: string, gen: number): Materialized {
  const key = `${owner}\0${seg.line}`;
  const hit = a.materialized?.get(key);
  if (hit) {
    // Same text at the same line: shift what depends on the offset or the block count in place.
    if (hit.offset !== seg.offset) shiftOffsets(hit.value, seg.offset - hit.offset);
    if (hit.blockBase !== blockBase || hit.scriptBlock !== seg.scriptBlock) {
      for (const inv of hit.value.invocations) {
        inv.block = seg.mode === 'script' ? (seg.scriptBlock ?? 0) : inv.block - hit.blockBase + blockBase;
      }
    }
    hit.offset = seg.offset;
    hit.value.offset = seg.offset;
    hit.blockBase = blockBase;
    hit.scriptBlock = seg.scriptBlock;
    hit.gen = gen;
    return hit.value;
  }
  const starts = a.lineStarts;
  const position = (rel: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= rel) lo = mid;
      else hi = mid - 1;
    }
    return { line: seg.line + lo, character: rel - starts[lo] };
  };
  const range = (s: number, e: number): Range => ({ start: position(s), end: position(Math.max(e, s)) });
  const line = seg.line;
  // Positions were located once per segment (see `locate`); only the line shift is added here.
  const spanRange = (p: Located): Range => ({
    start: { line: line + p.sl, character: p.sc },
    end: { line: line + p.el, character: p.ec },
  });
  const word = (w: RelWord): Word => {
    const out: Word = { text: w.text, range: spanRange(w as Located) };
    if (w.textOffset !== undefined) out.textOffset = seg.offset + w.textOffset;
    if (w.values) out.values = w.values;
    if (w.dynamic) out.dynamic = true;
    return out;
  };
  const groups = a.built.groups;
  const groupAt = (rel: number): Group | undefined => {
    let lo = 0;
    let hi = groups.length - 1;
    let found: Group | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (groups[mid].start <= rel) {
        found = groups[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const promptCache = new Map<Group, PromptTarget>();
  const promptOf = (g: Group | undefined): PromptTarget | undefined => {
    if (!g?.prompt) return undefined;
    let p = promptCache.get(g);
    if (!p) {
      const match: PromptMatch = g.prompt.match;
      const start = g.prompt.offset;
      p = { nodes: match.nodes, range: range(start, start + match.raw.length), raw: match.raw };
      promptCache.set(g, p);
    }
    return p;
  };

  // Blocks of this segment.
  const blocks: RunnableBlock[] = [];
  const blockOfLine: (relLine: number) => number | undefined = (() => {
    if (!a.isShell || seg.mode === 'script') return () => undefined;
    const lines = a.built.blockLines;
    return (relLine: number) => {
      for (let i = 0; i < lines.length; i++) if (relLine >= lines[i][0] && relLine <= lines[i][1]) return i;
      return undefined;
    };
  })();
  const blockRanges: [number, number][] = seg.mode !== 'script' && a.isShell ? a.built.blockLines : [];
  for (const [from, to] of blockRanges) {
    const s = starts[from] ?? 0;
    const lastStart = starts[to] ?? 0;
    const nl = seg.text.indexOf('\n', lastStart);
    let e = nl < 0 ? seg.text.length : nl;
    if (e > s && seg.text[e - 1] === '\r') e--;
    blocks.push({ range: range(s, e), text: seg.text.slice(s, e) });
  }

  const invocations: Invocation[] = [];
  const perBlock: Invocation[][] = blocks.map(() => []);
  for (const r of a.invocations) {
    const g = groupAt(r.start);
    const local = blockOfLine(g ? g.line : (r as Located).sl) ?? 0;
    const inv: Invocation = {
      command: r.command,
      argv: r.argv.map(word),
      range: spanRange(r as Located),
      block: seg.mode === 'script' ? (seg.scriptBlock ?? 0) : blockBase + local,
    };
    const prompt = promptOf(g);
    if (prompt) inv.prompt = prompt;
    if (r.remote) inv.remote = r.remote.host ? { via: r.remote.via, host: word(r.remote.host) } : { via: r.remote.via };
    if (r.branch) inv.branch = r.branch;
    invocations.push(inv);
    if (seg.mode !== 'script') perBlock[local]?.push(inv);
  }
  blocks.forEach((b, i) => {
    const shared = sharedPrompt(perBlock[i]);
    if (shared) b.prompt = shared;
  });

  const files: WrittenFile[] = a.files
    .filter((f) => isUnderstoodPath(f.path))
    .map((f) => ({
      path: f.path,
      content: f.content,
      contentRange: range(f.start, f.end),
      lineOffsets: f.lineOffsets.map((o) => seg.offset + o),
      append: f.append,
    }));
  const value: Materialized = {
    invocations,
    files,
    blocks,
    content: `${seg.mode}${seg.tagged ? '+' : '-'}\u0000${seg.text}`,
    line: seg.line,
    offset: seg.offset,
  };
  a.materialized ??= new Map();
  // forget this owner's copies from earlier extractions: the segment moved, and the fold moves the
  // old copy's positions in place (model/build.ts LineShift), so it must never be handed out again
  for (const [k, m] of a.materialized) if (m.owner === owner && m.gen < gen) a.materialized.delete(k);
  a.materialized.set(key, { value, offset: seg.offset, blockBase, scriptBlock: seg.scriptBlock, gen, owner });
  return value;
}

function shiftOffsets(m: Materialized, delta: number): void {
  for (const inv of m.invocations) {
    for (const w of inv.argv) if (w.textOffset !== undefined) w.textOffset += delta;
    const host = inv.remote?.host;
    if (host?.textOffset !== undefined) host.textOffset += delta;
  }
  for (const f of m.files) for (let i = 0; i < f.lineOffsets.length; i++) f.lineOffsets[i] += delta;
}

function sharedPrompt(invocations: Invocation[]): PromptTarget | undefined {
  if (!invocations || invocations.length === 0) return undefined;
  const first = invocations[0].prompt;
  if (!first) return undefined;
  const key = first.nodes.join(',') + '|' + first.raw;
  for (const inv of invocations) {
    if (!inv.prompt || inv.prompt.nodes.join(',') + '|' + inv.prompt.raw !== key) return undefined;
  }
  return first;
}

/** Files whose content other layers understand: /etc/hosts and corosync.conf. */
export function isUnderstoodPath(path: string): boolean {
  return /(^|\/)etc\/hosts$/.test(path) || isCorosyncConfPath(path);
}
