// Builds the text that tree-sitter-bash actually parses for one segment of a document (a chunk of a
// script, a Markdown fence, or the prose between fences), together with an origin map: for every
// character of that text, its offset in the segment's original text. Prompts, program output and
// prose are left out; continuation lines are kept; lines a PDF export wrapped are joined.
//
// Rules (documented here because they decide what counts as a command):
// - Script (a .sh file): every line is shell. A leading lab prompt (`node1# `, `node1 # `,
//   `[root@node1 ~]# `, `$ `) is still recognised and blanked, since people paste them; `# ` is
//   always a comment there, even when a command name follows.
// - Markdown fence tagged bash/sh/shell/console/zsh/terminal, or untagged with at least one
//   prompted or known-command line. If some line carries a prompt, only prompted lines and their
//   continuations are commands; the other lines are output. `# ` followed by a known command (or a
//   one-letter misspelling of one) is a root prompt, unless the fence also has bare command lines
//   and no other prompt, in which case the `# ` lines are comments. Lines that do not start with a
//   command-like word (`Static hostname: ...`, `> output`, `[콘솔 열기]`) are never commands.
// - Markdown prose (outside fences, also plain .txt memos): a line is a command when it starts
//   with a strong prompt (`node1# `, `[root@node1 ~]# `, `$ `) or with a known command followed by
//   shell-looking arguments (no sentence punctuation at its end, no non-ASCII letters).
// - Continuations: a line continues the command before it while the shell would still wait for
//   input (`\`, open quote, heredoc body, `&&`/`|` at the end, open `for`/`if`). After a prompted
//   line a `> ` secondary prompt is stripped from continuation lines.
// - In fences only, a line that a PDF export broke (the previous line is at least 70 characters
//   long and the next line does not start with a command) is joined to it: without a separator when
//   the break is mid-word (no blank before the break, or a hyphen at the end), else with one.
import { ShellScanner } from './scanner';
import { matchPrompt, isForeignPromptLine, type PromptMatch } from './prompt';
import { isKnownCommand, firstWord, SHELL_KEYWORDS } from './vocabulary';

export type SegmentMode = 'script' | 'fence' | 'prose';

/** A command group: one command line and its continuations. Offsets are segment-relative. */
export interface Group {
  /** Original offset of the command's first character (after the prompt). */
  start: number;
  prompt?: { match: PromptMatch; offset: number };
  /** Segment-relative line of the group's first line. */
  line: number;
  /** Runnable-block number within the segment (prose runs; fences and scripts set it elsewhere). */
  block: number;
}

export interface BuiltSegment {
  text: string;
  /** origins[i] = original segment offset of text[i]; origins[text.length] = end. */
  origins: Int32Array;
  groups: Group[];
  /** Number of prose blocks (runs of command lines) the segment holds. */
  blockCount: number;
  /** For each block: first and last segment line. */
  blockLines: [number, number][];
}

export interface SegmentLine {
  text: string;
  /** Segment-relative offset of the line's first character. */
  offset: number;
}

export function splitLines(text: string): SegmentLine[] {
  const out: SegmentLine[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    out.push({ text: text.slice(start, lineEnd), offset: start });
    if (nl < 0) break;
    start = nl + 1;
  }
  return out;
}

class Builder {
  chars: string[] = [];
  origins: number[] = [];
  push(text: string, origin: number): void {
    for (let i = 0; i < text.length; i++) {
      this.chars.push(text[i]);
      this.origins.push(origin + i);
    }
  }
  pushChar(ch: string, origin: number): void {
    this.chars.push(ch);
    this.origins.push(origin);
  }
  get length(): number {
    return this.chars.length;
  }
}

const WRAP_WIDTH = 70;
const PROSE_WORDS = new Set([
  'is',
  'are',
  'the',
  'a',
  'an',
  'and',
  'or',
  'to',
  'of',
  'with',
  'le',
  'la',
  'les',
  'de',
  'des',
  'est',
  'et',
  'pour',
  'sur',
  'command',
  'commands',
  'qui',
  'que',
]);

function trimEndLength(s: string): number {
  let e = s.length;
  while (e > 0 && (s[e - 1] === ' ' || s[e - 1] === '\t')) e--;
  return e;
}

/** Does an unprompted line start like a command a reader would type? */
function commandLike(line: string, mode: SegmentMode, tagged: boolean): boolean {
  const t = line.trim();
  if (!t || t.startsWith('#') || t.startsWith('>')) return false;
  const fw = firstWord(t);
  if (!fw) return false;
  if (mode === 'prose') {
    if (!isKnownCommand(fw) || (SHELL_KEYWORDS.has(fw) && fw !== 'for')) return false;
    if (/[^\x00-\x7f]/.test(t.replace(/'[^']*'|"[^"]*"/g, ''))) return false;
    if (/[.:!?,]$/.test(t)) return false;
    const words = t.split(/\s+/);
    if (words.length < 2) return false;
    if (PROSE_WORDS.has(words[1].toLowerCase())) return false;
    return true;
  }
  if (isKnownCommand(fw)) return true;
  if (/^[A-Za-z_]\w*=/.test(fw)) return true;
  if (/^(?:\.{1,2}\/|~\/|\/(?:usr\/)?(?:local\/)?s?bin\/|\/opt\/)/.test(fw)) return true;
  if (tagged && /^[a-z][a-z0-9_.+-]*$/.test(fw) && !/[^\x00-\x7f]/.test(t) && !/^\S+:(\s|$)/.test(t)) return true;
  if (t.startsWith('[ ') || t.startsWith('[[ ')) return true;
  return false;
}

interface Classified {
  prompt?: PromptMatch;
  foreign: boolean;
  blank: boolean;
  output: boolean;
}

function classify(lines: SegmentLine[], mode: SegmentMode): Classified[] {
  return lines.map((l) => {
    const blank = l.text.trim() === '';
    const foreign = !blank && mode !== 'script' && isForeignPromptLine(l.text);
    let prompt: PromptMatch | undefined;
    if (!blank && !foreign) {
      if (mode === 'script') prompt = l.text.includes('#') || l.text.includes('$') ? matchPrompt(l.text, 'script') : undefined;
      else prompt = matchPrompt(l.text, 'markdown');
      if (prompt && mode === 'prose' && prompt.raw === '#') prompt = undefined;
    }
    const output = !blank && !prompt && /^[ \t]*>/.test(l.text);
    return { prompt, foreign, blank, output };
  });
}

/** A script chunk: same text, prompts blanked, identity origins. */
export function buildScriptSegment(text: string): BuiltSegment {
  const lines = splitLines(text);
  const chars = text.split('');
  const groups: Group[] = [];
  const scanner = new ShellScanner();
  lines.forEach((l, index) => {
    const atStart = scanner.complete;
    const prompt =
      atStart && !scanner.inHeredoc && (l.text.includes('#') || l.text.includes('$')) ? matchPrompt(l.text, 'script') : undefined;
    let content = l.text;
    if (prompt) {
      for (let k = 0; k < prompt.length; k++) chars[l.offset + k] = ' ';
      content = ' '.repeat(prompt.length) + l.text.slice(prompt.length);
    }
    if (atStart && content.trim() && !content.trim().startsWith('#')) {
      groups.push({
        start: l.offset + (prompt ? prompt.length : /^[ \t]*/.exec(l.text)![0].length),
        prompt: prompt ? { match: prompt, offset: l.offset + prompt.start } : undefined,
        line: index,
        block: 0,
      });
    }
    scanner.feed(content);
  });
  const origins = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) origins[i] = i;
  const fixed = fixHeredocOperators(chars.join(''), origins);
  return { text: fixed, origins, groups, blockCount: 1, blockLines: [[0, lines.length - 1]] };
}

/**
 * A Markdown fence body or a prose region. `tagged` is true for fences declared as shell.
 */
export function buildMarkdownSegment(text: string, mode: 'fence' | 'prose', tagged: boolean): BuiltSegment {
  const lines = splitLines(text);
  const cls = classify(lines, mode);
  const strong = cls.some((c) => c.prompt && !(c.prompt.weak && c.prompt.raw === '#'));
  const first = assemble(lines, cls, mode, tagged, true);
  if (!strong && first.bareCommands > 0 && cls.some((c) => c.prompt?.raw === '#')) {
    return assemble(lines, cls, mode, tagged, false).segment;
  }
  return first.segment;
}

function assemble(
  lines: SegmentLine[],
  cls: Classified[],
  mode: 'fence' | 'prose',
  tagged: boolean,
  hashPrompts: boolean,
): { segment: BuiltSegment; bareCommands: number } {
  const promptOf = (i: number) => {
    const p = cls[i].prompt;
    if (p && !hashPrompts && p.raw === '#') return undefined;
    return p;
  };
  const promptedBlock = mode === 'fence' && lines.some((_, i) => promptOf(i));
  const out = new Builder();
  const groups: Group[] = [];
  const blockLines: [number, number][] = [];
  let scanner: ShellScanner | undefined;
  let groupPrompted = false;
  let lastLine = -1;
  let lastContentEnd = 0;
  let bareCommands = 0;

  const extendBlock = (i: number) => {
    if (mode === 'prose' && (blockLines.length === 0 || lastLine !== i - 1)) blockLines.push([i, i]);
    else if (blockLines.length) blockLines[blockLines.length - 1][1] = i;
    else blockLines.push([i, i]);
  };
  const startGroup = (i: number, from: number, prompt?: PromptMatch) => {
    const l = lines[i];
    if (from >= trimEndLength(l.text)) {
      // A prompt with nothing after it: no command; it ends the previous command but not its block.
      scanner = undefined;
      if (lastLine === i - 1 && blockLines.length) {
        blockLines[blockLines.length - 1][1] = i;
        lastLine = i;
      }
      return;
    }
    if (out.length > 0) out.pushChar('\n', lastContentEnd);
    const end = trimEndLength(l.text);
    const contentStart = Math.min(from, end);
    extendBlock(i);
    groups.push({
      start: l.offset + contentStart,
      prompt: prompt ? { match: prompt, offset: l.offset + prompt.start } : undefined,
      line: i,
      block: Math.max(0, blockLines.length - 1),
    });
    out.push(l.text.slice(contentStart, end), l.offset + contentStart);
    scanner = new ShellScanner();
    scanner.feed(l.text.slice(contentStart, end));
    groupPrompted = prompt !== undefined;
    lastLine = i;
    lastContentEnd = l.offset + end;
  };
  const appendLine = (i: number, from: number, join: 'newline' | 'space' | 'none') => {
    const l = lines[i];
    const end = trimEndLength(l.text);
    const start = Math.min(from, end);
    if (join === 'newline') out.pushChar('\n', lastContentEnd);
    else if (join === 'space') out.pushChar(' ', lastContentEnd);
    out.push(l.text.slice(start, end), l.offset + start);
    scanner!.feed(l.text.slice(start, end));
    extendBlock(i);
    lastLine = i;
    lastContentEnd = l.offset + end;
  };
  const wrapJoin = (i: number): 'space' | 'none' | undefined => {
    if (mode !== 'fence' || lastLine !== i - 1) return undefined;
    const prev = lines[i - 1].text;
    const prevEnd = trimEndLength(prev);
    if (prevEnd < WRAP_WIDTH) return undefined;
    const cur = lines[i].text;
    if (/^[ \t]/.test(cur)) return 'space';
    const trailingBlank = prevEnd < prev.length;
    const prevLast = prev[prevEnd - 1];
    if (prevLast === '-' && /[A-Za-z0-9]/.test(prev[prevEnd - 2] ?? '')) return 'none';
    if (!trailingBlank && /[\w./:=,-]/.test(prevLast) && /^[\w./:=,-]/.test(cur)) return 'none';
    return 'space';
  };

  for (let i = 0; i < lines.length; i++) {
    const c = cls[i];
    const line = lines[i].text;
    const prompt = promptOf(i);
    if (scanner && lastLine === i - 1 && !scanner.complete) {
      if (prompt && !(prompt.weak && scanner.inHeredoc)) {
        startGroup(i, prompt.length, prompt);
        continue;
      }
      let from = 0;
      if ((groupPrompted || mode === 'prose') && !c.blank) {
        const ps2 = /^[ \t]*>(?: |$)/.exec(line);
        if (ps2) from = ps2[0].length;
      }
      // Inside a quote a PDF line break is an artifact: join the pieces as the author wrote them.
      const join = scanner.inQuote && mode === 'fence' ? wrapJoin(i) : undefined;
      appendLine(i, from, join ?? 'newline');
      continue;
    }
    if (prompt) {
      startGroup(i, prompt.length, prompt);
      continue;
    }
    if (c.blank || c.foreign || c.output) continue;
    if (/^[ \t]*#/.test(line)) {
      // A comment between command lines keeps them in one block.
      if (lastLine === i - 1) {
        lastLine = i;
        if (blockLines.length) blockLines[blockLines.length - 1][1] = i;
      }
      continue;
    }
    const isCommand = commandLike(line, mode, tagged);
    if (scanner && !isKnownCommand(firstWord(line))) {
      const join = wrapJoin(i);
      if (join) {
        appendLine(i, 0, join);
        continue;
      }
    }
    if (isCommand) {
      bareCommands++;
      if (!promptedBlock) startGroup(i, /^[ \t]*/.exec(line)![0].length);
    }
  }
  const text = out.chars.join('');
  const origins = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) origins[i] = out.origins[i];
  origins[text.length] = text.length ? out.origins[text.length - 1] + 1 : 0;
  const fixed = fixHeredocOperators(text, origins);
  if (mode === 'fence' && blockLines.length === 0) blockLines.push([0, lines.length - 1]);
  if (mode === 'fence') {
    blockLines.splice(0, blockLines.length, [0, lines.length - 1]);
    for (const g of groups) g.block = 0;
  }
  return { segment: { text: fixed, origins, groups, blockCount: blockLines.length, blockLines }, bareCommands };
}

/**
 * tree-sitter-bash 0.25 reads `<<EOF>> /etc/hosts` as a heredoc delimited by `EOF>>`, where bash
 * stops the delimiter at the operator. Move one adjacent blank between the delimiter and the
 * operator (characters keep their origins, so every word stays where it was).
 */
function fixHeredocOperators(text: string, origins: Int32Array): string {
  if (!text.includes('<<')) return text;
  const re = /<<-?[ \t]*[A-Za-z_][\w]*(?=[<>|&;])/g;
  let chars: string[] | undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index;
    const delimEnd = start + m[0].length;
    let opEnd = delimEnd;
    while (opEnd < text.length && /[<>|&;]/.test(text[opEnd])) opEnd++;
    chars ??= text.split('');
    if (text[opEnd] === ' ' || text[opEnd] === '\t') {
      rotateRight(chars, origins, delimEnd, opEnd);
    } else if (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) {
      rotateLeft(chars, origins, start - 1, delimEnd - 1);
    }
  }
  return chars ? chars.join('') : text;
}

/** Move the character at `to` to position `from`, shifting [from, to) one to the right. */
function rotateRight(chars: string[], origins: Int32Array, from: number, to: number): void {
  const ch = chars[to];
  const or = origins[to];
  for (let k = to; k > from; k--) {
    chars[k] = chars[k - 1];
    origins[k] = origins[k - 1];
  }
  chars[from] = ch;
  origins[from] = or;
}

/** Move the character at `from` to position `to`, shifting (from, to] one to the left. */
function rotateLeft(chars: string[], origins: Int32Array, from: number, to: number): void {
  const ch = chars[from];
  const or = origins[from];
  for (let k = from; k < to; k++) {
    chars[k] = chars[k + 1];
    origins[k] = origins[k + 1];
  }
  chars[to] = ch;
  origins[to] = or;
}
