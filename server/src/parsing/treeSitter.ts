// Loads web-tree-sitter and our two grammars (bash from the tree-sitter-bash package, corosync
// built from grammars/tree-sitter-corosync) once per process. Everything after `initParsers()`
// is synchronous, so requests never wait on I/O.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Parser, Language } from 'web-tree-sitter';

export type { Parser, Language, Tree, Node as SyntaxNode, Edit } from 'web-tree-sitter';

export interface Grammars {
  bash: Language;
  corosync: Language;
}

let loaded: Promise<Grammars> | undefined;
let ready: Grammars | undefined;

/** Where the wasm files are: next to the bundle in a packaged extension, else in the source tree. */
function wasmCandidates(file: string): string[] {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  const repo = findRepoRoot(here);
  const out = [path.join(here, file), path.join(here, 'wasm', file)];
  if (repo) {
    out.push(
      path.join(repo, 'dist', file),
      path.join(repo, 'grammars', 'tree-sitter-corosync', file),
      path.join(repo, 'node_modules', 'tree-sitter-bash', file),
      path.join(repo, 'node_modules', 'web-tree-sitter', file),
    );
  }
  return out;
}

function findRepoRoot(start: string): string | undefined {
  let dir = start;
  for (let i = 0; i < 8; i++) {
    if (fs.existsSync(path.join(dir, 'grammars', 'tree-sitter-corosync'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

export function locateWasm(file: string): string {
  for (const candidate of wasmCandidates(file)) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(
    `cannot find ${file}; run "npm run build" (the corosync grammar wasm is built by grammars/tree-sitter-corosync/build-wasm.sh)`,
  );
}

export function initParsers(): Promise<Grammars> {
  if (!loaded) {
    loaded = (async () => {
      const runtime = locateWasm('tree-sitter.wasm');
      await Parser.init({ locateFile: () => runtime });
      const [bash, corosync] = await Promise.all([
        Language.load(fs.readFileSync(locateWasm('tree-sitter-bash.wasm'))),
        Language.load(fs.readFileSync(locateWasm('tree-sitter-corosync.wasm'))),
      ]);
      ready = { bash, corosync };
      return ready;
    })();
  }
  return loaded;
}

/** The loaded grammars; throws if `initParsers()` has not completed. */
export function grammars(): Grammars {
  if (!ready) throw new Error('tree-sitter grammars are not loaded yet: await initParsers() first');
  return ready;
}

const parsers = new Map<Language, Parser>();

/**
 * Every parse has a time budget: tree-sitter's error recovery is worse than linear on some broken
 * shapes (thousands of `<<EOF` lines, a line of thousands of `>`: seconds, then minutes), and a parse
 * cannot be interrupted from outside. The budget is CPU time of this process and wall time together (a
 * loaded machine or a busy garbage collector alone does not make a normal parse go over it) and grows with the text (normal text parses at well under a
 * microsecond per character), so only such shapes reach it. A parse over budget returns null; callers
 * report the text as not analysed (`shell/parse-budget`).
 */
export const PARSE_BUDGET_BASE_MS = 500;
export const PARSE_BUDGET_MS_PER_CHAR = 0.02;
export function parseBudgetMs(chars: number): number {
  return (PARSE_BUDGET_BASE_MS + chars * PARSE_BUDGET_MS_PER_CHAR) * budgetScale;
}

let budgetScale = 1;
/** Tests only: scale every parse budget, so a test can make the real parser stop on ordinary text
 * (0: the first progress report is over it). Returns the previous scale. */
export function scaleParseBudget(scale: number): number {
  const previous = budgetScale;
  budgetScale = scale;
  return previous;
}

const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

/** One parser per language, reused: creating a Parser allocates wasm memory. Its `parse` has the budget. */
export function parserFor(language: Language): Parser {
  let parser = parsers.get(language);
  if (!parser) {
    const created = new Parser();
    created.setLanguage(language);
    // A parser whose parse was cancelled is not used again (web-tree-sitter 0.25 can fault in a later
    // parse on it, even after reset()): the next parse runs on a fresh one.
    let inner = created;
    const parse = (...args: Parameters<Parser['parse']>) => Parser.prototype.parse.apply(inner, args);
    created.parse = (input, oldTree, options) => {
      if (options?.progressCallback) return parse(input, oldTree, options);
      const chars = typeof input === 'string' ? input.length : 0;
      const budget = parseBudgetMs(chars);
      const deadline = cpuMs() + budget;
      const wallDeadline = performance.now() + budget;
      // Over budget when both clocks say so: the process's CPU time alone also counts the garbage
      // collector's threads (a fuzz worker with a 1 GB heap went over it on a 7 KB corosync.conf that
      // parses in milliseconds), and wall time alone counts a busy machine.
      const tree = parse(input, oldTree, { ...options, progressCallback: () => cpuMs() > deadline && performance.now() > wallDeadline });
      if (!tree) {
        const cancelled = inner;
        inner = new Parser();
        inner.setLanguage(language);
        try {
          cancelled.delete();
        } catch {
          // a parser left in a bad state is only dropped
        }
      }
      return tree;
    };
    parser = created;
    parsers.set(language, parser);
  }
  return parser;
}
