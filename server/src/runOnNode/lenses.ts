// CodeLenses that run a lab line or block on a cluster node: "▶ Run on node1" where the prompt names
// the node, "▶ Run on all nodes" where it names several (`node1/2#`, `nodeX#`), "▶ Run on…" to pick.
// The lens carries the text to run with the prompts removed; the client does the ssh part.
//
// A "command" is a whole statement, not one program: `a | b && c` is one line to run, a line ending
// in `\` continues, a heredoc body belongs to its `cat <<EOF` line, and `for … do … done` or
// `if … fi` spanning lines is one statement (running a loop body alone would be wrong).
import type { CodeLens, Range } from 'vscode-languageserver-types';
import type { PromptTarget, RunnableBlock, ScriptExtract } from '../base/types';
import { escapeLensTitle } from '../base/markdownEscape';
import { RUN_ON_NODE_COMMAND, scopeOf, type RunOnNodeArgs } from '../../../shared/src/runOnNode/args';
import * as l10n from '@vscode/l10n';

export { RUN_ON_NODE_COMMAND, type RunOnNodeArgs };

/** A statement of a block: its lines, its text without prompts, the prompt of its first line. */
export interface Statement {
  range: Range;
  text: string;
  prompt?: PromptTarget;
}

const OPENERS = new Set(['for', 'while', 'until', 'select', 'if', 'case', '{']);
const CLOSERS = new Set(['done', 'fi', 'esac', '}']);
// Words after which the next word is again in command position.
const COMMAND_LEADERS = new Set(['do', 'then', 'else', 'elif', '{', '!', 'time']);

const SPECIAL = new Set([' ', '\t', '\\', "'", '"', '#', '<', ';', '&', '|', '(', ')']);

interface ScanState {
  quote: '' | "'" | '"';
  depth: number;
  heredocs: { delimiter: string; stripTabs: boolean }[];
}

/** Scans one line (outside heredoc bodies); updates quotes, nesting and pending heredocs. Returns true when the line continues. */
function scanLine(line: string, state: ScanState): boolean {
  let i = 0;
  let commentAt = -1;
  let atCommand = state.quote === '';
  let word = '';
  let wordIsCommand = false;
  const endWord = () => {
    if (word && wordIsCommand) {
      if (OPENERS.has(word)) state.depth++;
      else if (CLOSERS.has(word) && state.depth > 0) state.depth--;
      atCommand = COMMAND_LEADERS.has(word) || OPENERS.has(word) || CLOSERS.has(word);
    } else if (word) {
      atCommand = false;
    }
    word = '';
  };
  while (i < line.length) {
    const ch = line[i]!;
    if (state.quote === "'") {
      if (ch === "'") state.quote = '';
      i++;
      continue;
    }
    if (state.quote === '"') {
      if (ch === '\\') i += 2;
      else {
        if (ch === '"') state.quote = '';
        i++;
      }
      continue;
    }
    if (ch === '\\') {
      if (i === line.length - 1) {
        endWord();
        return true;
      }
      word += line.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch === "'" || ch === '"') {
      if (!word) wordIsCommand = false;
      word += ch;
      state.quote = ch;
      i++;
      continue;
    }
    if (ch === '#' && !word) {
      commentAt = i; // a comment runs to the end of the line
      break;
    }
    if (ch === '<' && line.startsWith('<<', i) && !line.startsWith('<<<', i)) {
      endWord();
      const heredoc = /^<<(-?)\s*(?:'([^']*)'|"([^"]*)"|\\?([^\s;&|<>()]+))/.exec(line.slice(i));
      if (heredoc) {
        state.heredocs.push({ delimiter: heredoc[2] ?? heredoc[3] ?? heredoc[4] ?? '', stripTabs: heredoc[1] === '-' });
        i += heredoc[0].length;
        continue;
      }
    }
    if (ch === ' ' || ch === '\t') {
      endWord();
      i++;
      continue;
    }
    if (ch === ';' || ch === '&' || ch === '|' || ch === '(' || ch === ')') {
      endWord();
      atCommand = true;
      i++;
      continue;
    }
    // Take the rest of a plain word at once (most characters of a line are plain words).
    let j = i + 1;
    while (j < line.length && !SPECIAL.has(line[j]!)) j++;
    if (!word) wordIsCommand = atCommand;
    word += line.slice(i, j);
    i = j;
  }
  if (state.quote === '') endWord();
  if (state.quote !== '' || state.depth > 0) return true;
  // A line ending in a pipe or && / || continues on the next one.
  const code = (commentAt >= 0 ? line.slice(0, commentAt) : line).trimEnd();
  return code.endsWith('|') || code.endsWith('&&');
}

/** Splits a runnable block into statements, removing the prompts the extraction found. */
export function blockStatements(block: RunnableBlock, promptsByLine: Map<number, PromptTarget>): Statement[] {
  const lines = block.text.split('\n');
  const firstLine = block.range.start.line;
  const statements: Statement[] = [];
  const state: ScanState = { quote: '', depth: 0, heredocs: [] };
  let openHeredocs: ScanState['heredocs'] = [];
  let current: { start: number; startChar: number; lines: string[]; prompt?: PromptTarget } | undefined;
  let continues = false;

  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!.replace(/\r$/, '');
    const lineNo = firstLine + index;
    const lineStart = index === 0 ? block.range.start.character : 0;
    if (openHeredocs.length) {
      current!.lines.push(raw);
      const pending = openHeredocs[0]!;
      if ((pending.stripTabs ? raw.replace(/^\t+/, '') : raw) === pending.delimiter) openHeredocs.shift();
      if (!openHeredocs.length && !continues) finish(lineNo, raw.length);
      continue;
    }
    let text = raw;
    const prompt = promptsByLine.get(lineNo);
    if (prompt) text = raw.slice(Math.max(0, prompt.range.end.character - lineStart)).replace(/^\s+/, '');
    if (!current) {
      if (!text.trim() || text.trim().startsWith('#')) continue;
      current = { start: lineNo, startChar: lineStart, lines: [], prompt };
    }
    current.lines.push(text);
    continues = scanLine(text, state);
    if (state.heredocs.length) {
      openHeredocs = state.heredocs;
      state.heredocs = [];
      continue;
    }
    if (!continues) finish(lineNo, lineStart + raw.length);
  }
  if (current) finish(firstLine + lines.length - 1, (lines[lines.length - 1] ?? '').length);
  return statements;

  function finish(endLine: number, endChar: number) {
    if (!current) return;
    statements.push({
      range: { start: { line: current.start, character: current.startChar }, end: { line: endLine, character: endChar } },
      text: current.lines.join('\n'),
      prompt: current.prompt,
    });
    current = undefined;
    state.quote = '';
    state.depth = 0;
  }
}

function promptNodes(prompt: PromptTarget | undefined): string[] | '*' | null {
  if (!prompt || !prompt.nodes.length) return null;
  return prompt.nodes.includes('*') ? '*' : prompt.nodes;
}

function nodesKey(nodes: string[] | '*' | null): string {
  return nodes === null ? '' : nodes === '*' ? '*' : nodes.join('\u0000');
}

function lensesFor(uri: string, range: Range, text: string, nodes: string[] | '*' | null, what: '' | 'block '): CodeLens[] {
  // Node names come from the file's prompts: no codicon (`$(…)`) or control character reaches the title.
  const lens = (title: string, target: string[] | '*' | null): CodeLens => ({
    range,
    command: {
      title: escapeLensTitle(title),
      command: RUN_ON_NODE_COMMAND,
      arguments: [{ uri, range, text, kind: what ? 'block' : 'statement', scope: scopeOf(target), nodes: target } satisfies RunOnNodeArgs],
    },
  });
  const out: CodeLens[] = [];
  const block = what === 'block ';
  if (nodes === '*') out.push(lens(block ? l10n.t('▶ Run block on all nodes') : l10n.t('▶ Run on all nodes'), '*'));
  else if (nodes && nodes.length === 1)
    out.push(lens(block ? l10n.t('▶ Run block on {0}', nodes[0]) : l10n.t('▶ Run on {0}', nodes[0]), nodes));
  else if (nodes && nodes.length > 1)
    out.push(
      lens(
        block ? l10n.t('▶ Run block on all nodes ({0})', nodes.join(', ')) : l10n.t('▶ Run on all nodes ({0})', nodes.join(', ')),
        nodes,
      ),
    );
  out.push(lens(block ? l10n.t('▶ Run block on…') : l10n.t('▶ Run on…'), null));
  return out;
}

/**
 * One lens group per runnable statement (its prompt's node, all nodes, or pick) and one per block
 * of two or more statements. In a block where some lines carry prompts, lines without one are taken
 * for command output and are not run.
 */
export function runCodeLenses(extract: ScriptExtract, uri = '', mode: RunLensMode = 'all'): CodeLens[] {
  if (mode === 'off') return [];
  // The extract is cached per document version, so the lenses are too (a 10,000-line script takes ~35 ms).
  const cached = lensCache.get(extract);
  if (cached && cached.uri === uri && cached.mode === mode) return cached.lenses;
  const lenses = computeLenses(extract, uri, mode);
  lensCache.set(extract, { uri, mode, lenses });
  return lenses;
}

/**
 * Where run lenses go (`pacemakerLab.runOnNode.lenses`): `all` above every command and block;
 * `blocks` above blocks, single-command blocks and lines whose prompt names a node; `off` nowhere.
 */
export type RunLensMode = 'all' | 'blocks' | 'off';

const lensCache = new WeakMap<ScriptExtract, { uri: string; mode: RunLensMode; lenses: CodeLens[] }>();

// Commands that change only the running shell (options, directory, variables): a lens that runs one of
// them alone on a node does nothing there. They still run as part of their block.
const SHELL_ONLY = new Set([
  'set',
  'cd',
  'pushd',
  'popd',
  'export',
  'unset',
  'shopt',
  'trap',
  'alias',
  'unalias',
  'declare',
  'typeset',
  'local',
  'readonly',
  'source',
  '.',
  'true',
  ':',
  'umask',
  'hash',
]);

function computeLenses(extract: ScriptExtract, uri: string, mode: RunLensMode): CodeLens[] {
  const promptsByBlock = new Map<number, Map<number, PromptTarget>>();
  const commandLinesByBlock = new Map<number, Set<number>>();
  // Lines where some command does something on the node (not only shell state).
  const effectLines = new Set<number>();
  for (const invocation of extract.invocations) {
    let prompts = promptsByBlock.get(invocation.block);
    if (!prompts) promptsByBlock.set(invocation.block, (prompts = new Map()));
    if (invocation.prompt) prompts.set(invocation.prompt.range.start.line, invocation.prompt);
    let lines = commandLinesByBlock.get(invocation.block);
    if (!lines) commandLinesByBlock.set(invocation.block, (lines = new Set()));
    lines.add(invocation.range.start.line);
    if (!SHELL_ONLY.has(invocation.command)) effectLines.add(invocation.range.start.line);
  }
  const acts = (statement: Statement) => {
    for (let line = statement.range.start.line; line <= statement.range.end.line; line++) if (effectLines.has(line)) return true;
    return false;
  };

  const lenses: CodeLens[] = [];
  extract.blocks.forEach((block, blockIndex) => {
    const commandLines = commandLinesByBlock.get(blockIndex);
    if (!commandLines) return;
    const prompts = promptsByBlock.get(blockIndex) ?? new Map<number, PromptTarget>();
    if (block.prompt) prompts.set(block.prompt.range.start.line, prompts.get(block.prompt.range.start.line) ?? block.prompt);
    let statements = blockStatements(block, prompts).filter((statement) => {
      for (let line = statement.range.start.line; line <= statement.range.end.line; line++) if (commandLines.has(line)) return true;
      return false;
    });
    if (statements.some((statement) => statement.prompt)) statements = statements.filter((statement) => statement.prompt);
    if (!statements.some(acts)) return;
    for (const statement of statements) {
      if (!acts(statement)) continue;
      // `blocks`: a line keeps its own lens only when its prompt names where it runs, or it is the block.
      if (mode === 'blocks' && statements.length >= 2 && !statement.prompt) continue;
      lenses.push(...lensesFor(uri, statement.range, statement.text, promptNodes(statement.prompt), ''));
    }
    if (statements.length >= 2) {
      // A block whose lines name different nodes has no single place to run: each line keeps its own lens.
      const keys = new Set(statements.map((statement) => nodesKey(promptNodes(statement.prompt))));
      if (keys.size === 1) {
        const range: Range = { start: statements[0]!.range.start, end: statements[statements.length - 1]!.range.end };
        lenses.push(
          ...lensesFor(uri, range, statements.map((statement) => statement.text).join('\n'), promptNodes(statements[0]!.prompt), 'block '),
        );
      }
    }
  });
  return lenses;
}
