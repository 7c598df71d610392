// Walks a tree-sitter-bash tree and collects every program invocation with its words, following
// loops (`for i in node{1..3}`), wrappers (`sshpass -p X ssh`, `sudo`, `env`, `timeout`) and
// command strings run elsewhere (`ssh host '...'`, `bash -c '...'`, `su -c`, `ssh host <<EOF`),
// whose text is parsed again and mapped back, character by character, to the original document.
import type { Node, Parser } from 'web-tree-sitter';
import { expandBraces, MAX_VALUES } from './braces';
import { baseName } from './vocabulary';

/** Offsets below are relative to the segment's original text. */
export interface Span {
  start: number;
  end: number;
  /** Segment-relative line/character of start and end, filled in once by the extractor. */
  sl?: number;
  sc?: number;
  el?: number;
  ec?: number;
}

export interface RelWord extends Span {
  text: string;
  textOffset?: number;
  values?: string[];
  dynamic?: boolean;
}

export interface RelInvocation extends Span {
  command: string;
  argv: RelWord[];
  remote?: { via: 'ssh' | 'shell'; host?: RelWord };
  /** The alternatives it sits in, outermost first (absent: it runs whenever the segment runs). */
  branch?: BranchStep[];
}

/**
 * One level of alternatives a command sits in: the arm `arm` of the construct `id` (an `if`/`elif`/
 * `else` chain, a `case`, or one side of `a || b`, an arm of its own next to an empty one). `id` is
 * the construct's offset in the segment (unique within it); `of` counts the construct's alternatives including an implicit empty
 * one (an `if` without `else`, a `case` without `*)`), so a fold knows whether some path runs none of
 * the arms. Conditions (`if cond; then`) are not in an arm: they run whichever arm follows.
 */
export interface BranchStep {
  id: number;
  arm: number;
  of: number;
}

export interface RelFile {
  path: string;
  content: string;
  start: number;
  end: number;
  lineOffsets: number[];
  append: boolean;
}

export interface WalkResult {
  invocations: RelInvocation[];
  files: RelFile[];
  /** Where the syntax tree first nests deeper than MAX_NESTING levels (what is below is not walked). */
  tooDeep?: Span;
  /** The first text (this segment, or a string run as a command inside it) whose parse went over the parse budget. */
  overBudget?: Span;
}

type Env = ReadonlyMap<string, readonly string[] | null>;

interface Ctx {
  text: string;
  /** Index in `text` → segment-relative original offset. */
  map: Int32Array;
  env: Env;
  remote?: RelInvocation['remote'];
  depth: number;
  branch?: BranchStep[];
}

/** A word with one entry per character of its unquoted text: where that character came from. */
interface BuiltWord {
  word: RelWord;
  /** Index in ctx.text of every character of word.text. */
  idx: number[];
  node: Node;
}

type Part = { kind: 'lit'; text: string; quoted: boolean } | { kind: 'var'; name: string } | { kind: 'dyn' };

const SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh']);
const SSH_ARG_OPTIONS = new Set('BbcDEeFIiJLlmOopQRSWw'.split(''));
const SSHPASS_ARG_OPTIONS = new Set('pfdP'.split(''));
const SUDO_ARG_OPTIONS = new Set('ugCDhprtUT'.split(''));
const MAX_DEPTH = 4;
/** Syntax-tree levels the walker descends (`$( $( …`, `if` in `if`, …) before it stops: the walk recurses,
 * and 2,000 levels overflow the stack. Real lab scripts stay far below (a few dozen). */
export const MAX_NESTING = 200;
const MAX_ALTERNATIVES = 64;

export class Walker {
  private readonly result: WalkResult = { invocations: [], files: [] };
  /** Current recursion depth of visit / visitSubstitutions. */
  private level = 0;

  constructor(private readonly parser: Parser) {}

  walk(text: string, map: Int32Array): WalkResult {
    this.parseAndVisit({ text, map, env: new Map(), depth: 0 });
    // Document order; a command found inside another one's words comes after it.
    this.result.invocations.sort((a, b) => a.start - b.start);
    return this.result;
  }

  private parseAndVisit(ctx: Ctx): void {
    const tree = this.parser.parse(ctx.text);
    if (!tree) {
      // Over the parse budget (parsing/treeSitter.ts): nothing of this text is walked.
      this.result.overBudget ??= { start: this.origin(ctx, 0), end: this.origin(ctx, 0) + 1 };
      return;
    }
    try {
      this.visit(tree.rootNode, ctx);
    } finally {
      tree.delete();
    }
  }

  private origin(ctx: Ctx, index: number): number {
    return ctx.map[Math.min(Math.max(index, 0), ctx.map.length - 1)];
  }

  private endOrigin(ctx: Ctx, end: number, start: number): number {
    if (end <= start) return this.origin(ctx, start);
    return this.origin(ctx, end - 1) + 1;
  }

  /** Counts the nesting; past MAX_NESTING records where and skips the subtree instead of recursing on. */
  private descend(node: Node, ctx: Ctx, walk: () => void): void {
    if (this.level >= MAX_NESTING) {
      this.result.tooDeep ??= { start: this.origin(ctx, node.startIndex), end: this.origin(ctx, node.startIndex) + 1 };
      return;
    }
    this.level++;
    try {
      walk();
    } finally {
      this.level--;
    }
  }

  private visit(node: Node, ctx: Ctx): void {
    this.descend(node, ctx, () => this.visitNode(node, ctx));
  }

  private visitNode(node: Node, ctx: Ctx): void {
    switch (node.type) {
      case 'comment':
      case 'heredoc_body':
        return;
      case 'command':
        this.command(node, ctx);
        return;
      case 'redirected_statement':
        this.redirected(node, ctx);
        return;
      case 'for_statement':
        this.forLoop(node, ctx);
        return;
      case 'pipeline':
        this.visitChildren(node, ctx);
        this.pipelineWrite(node, ctx);
        return;
      case 'if_statement':
        this.ifChain(node, ctx);
        return;
      case 'case_statement':
        this.caseArms(node, ctx);
        return;
      case 'list':
        this.orList(node, ctx);
        return;
      default:
        this.visitChildren(node, ctx);
    }
  }

  private visitChildren(node: Node, ctx: Ctx): void {
    for (const child of node.namedChildren) if (child) this.visit(child, ctx);
  }

  // ---- alternatives ------------------------------------------------------------------------------

  private arm(ctx: Ctx, id: number, arm: number, of: number): Ctx {
    // Past MAX_ALTERNATIVES nested alternatives (`a || b || c …` thousands long) the deeper ones are read
    // as a sequence: each arm copies its path, so following them all would cost depth² memory.
    if ((ctx.branch?.length ?? 0) >= MAX_ALTERNATIVES) return ctx;
    return { ...ctx, branch: [...(ctx.branch ?? []), { id, arm, of }] };
  }

  /** `if c; then A; elif d; then B; else C; fi`: A, B and C are alternatives; c and d are not in an arm. */
  private ifChain(node: Node, ctx: Ctx): void {
    const clauses: Node[] = [node];
    for (const child of node.namedChildren) {
      if (child?.type === 'elif_clause') clauses.push(child);
    }
    // an `if` without `else` has an implicit empty alternative
    const total = clauses.length + 1;
    const id = this.origin(ctx, node.startIndex);
    clauses.forEach((clause, arm) => {
      let afterThen = false;
      for (const child of clause.children) {
        if (!child) continue;
        if (!child.isNamed) {
          if (child.type === 'then') afterThen = true;
          continue;
        }
        if (child.type === 'elif_clause' || child.type === 'else_clause') continue;
        this.visit(child, afterThen ? this.arm(ctx, id, arm, total) : ctx);
      }
    });
    const elseClause = node.namedChildren.find((c) => c?.type === 'else_clause');
    if (elseClause) for (const child of elseClause.namedChildren) if (child) this.visit(child, this.arm(ctx, id, clauses.length, total));
  }

  /** `case w in a) A;; b) B;; esac`: each item is an alternative; without a `*)` item none may run. */
  private caseArms(node: Node, ctx: Ctx): void {
    const items = node.namedChildren.filter((c): c is Node => c?.type === 'case_item');
    const catchAll = items.some((item) => item.childrenForFieldName('value').some((v) => v?.text === '*'));
    const id = this.origin(ctx, node.startIndex);
    const of = items.length + (catchAll ? 0 : 1);
    for (const child of node.namedChildren) if (child && child.type !== 'case_item') this.visit(child, ctx);
    items.forEach((item, arm) => {
      for (const child of item.namedChildren) if (child) this.visit(child, this.arm(ctx, id, arm, of));
    });
  }

  /**
   * `a || b`: b runs only when a failed, which the model cannot tell (a command it thinks succeeds may
   * fail on a cluster in another state). So each side is an alternative of its own next to an empty
   * one: a's effects may not have happened, b starts from that and may not run either; what both
   * create is "maybe", and no error depends on whether a failed. `a && b` is a sequence.
   * `a && b && c` parses as `(a && b) && c`: the left spine is followed in a loop, so a chain of
   * thousands of commands costs no stack.
   */
  private orList(node: Node, ctx: Ctx): void {
    const levels: { node: Node; ctx: Ctx; op: Node | undefined; id: number; left: Node | undefined }[] = [];
    let cur = node;
    let curCtx = ctx;
    for (;;) {
      const op = cur.children.find((c) => c && !c.isNamed && (c.type === '||' || c.type === '&&')) ?? undefined;
      const id = this.origin(curCtx, cur.startIndex);
      const first = cur.namedChild(0);
      const left = first && first.type === 'list' && (!op || first.endIndex <= op.startIndex) ? first : undefined;
      levels.push({ node: cur, ctx: curCtx, op, id, left });
      if (!left) break;
      if (op?.type === '||') curCtx = this.arm(curCtx, id, 0, 2);
      cur = left;
    }
    for (let k = levels.length - 1; k >= 0; k--) {
      const { node: n, ctx: c, op, id, left } = levels[k];
      let arm = 0;
      for (const child of n.children) {
        if (!child) continue;
        if (op && child.equals(op)) {
          arm = 1;
          continue;
        }
        if (!child.isNamed || (left && child.equals(left))) continue;
        // each side of `||` is an alternative of its own next to an empty one (see above)
        this.visit(
          child,
          op?.type === '||' ? (arm === 0 ? this.arm(c, id, 0, 2) : this.arm(c, this.origin(c, child.startIndex), 0, 2)) : c,
        );
      }
    }
  }

  // ---- loops -----------------------------------------------------------------------------------

  private forLoop(node: Node, ctx: Ctx): void {
    const variable = node.childForFieldName('variable');
    const valueNodes = node.childrenForFieldName('value').filter((v): v is Node => v !== null);
    let values: string[] | null = [];
    for (const v of valueNodes) {
      this.visitSubstitutions(v, ctx);
      const built = this.buildWord(v, ctx);
      if (built.word.dynamic) {
        values = null;
        break;
      }
      for (const value of built.word.values ?? [built.word.text]) values.push(value);
      if (values.length > MAX_VALUES) values = values.slice(0, MAX_VALUES);
    }
    // `for i; do` iterates over the positional parameters: unknown here.
    if (valueNodes.length === 0) values = null;
    const env = new Map(ctx.env);
    if (variable) env.set(ctx.text.slice(variable.startIndex, variable.endIndex), values);
    const inner: Ctx = { ...ctx, env };
    for (const child of node.namedChildren) {
      if (!child || child === variable || valueNodes.some((v) => v.equals(child))) continue;
      if (variable && child.equals(variable)) continue;
      this.visit(child, inner);
    }
  }

  // ---- commands --------------------------------------------------------------------------------

  private command(node: Node, ctx: Ctx): RelInvocation | undefined {
    const words: BuiltWord[] = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      switch (child.type) {
        case 'variable_assignment':
          this.visitSubstitutions(child, ctx);
          continue;
        case 'comment':
        case 'file_redirect':
        case 'heredoc_redirect':
        case 'herestring_redirect':
          continue;
        case 'command_name': {
          const inner = child.namedChild(0) ?? child;
          this.visitSubstitutions(inner, ctx);
          words.push(this.buildWord(inner, ctx));
          continue;
        }
        default:
          this.visitSubstitutions(child, ctx);
          words.push(this.buildWord(child, ctx));
      }
    }
    if (words.length === 0) return undefined;
    const inv: RelInvocation = {
      command: baseName(words[0].word.text),
      argv: words.map((w) => w.word),
      start: this.origin(ctx, node.startIndex),
      end: this.endOrigin(ctx, node.endIndex, node.startIndex),
    };
    if (ctx.remote) inv.remote = ctx.remote;
    if (ctx.branch) inv.branch = ctx.branch;
    this.result.invocations.push(inv);
    this.unwrap(words, ctx);
    return inv;
  }

  /** Commands that run other commands: emit the inner command, re-parse command strings. */
  private unwrap(words: BuiltWord[], ctx: Ctx): void {
    if (ctx.depth >= MAX_DEPTH || words.length < 2) return;
    const name = baseName(words[0].word.text);
    const nested = (rest: BuiltWord[]) => {
      if (rest.length === 0) return;
      const first = rest[0];
      const last = rest[rest.length - 1];
      const inv: RelInvocation = {
        command: baseName(first.word.text),
        argv: rest.map((w) => w.word),
        start: first.word.start,
        end: last.word.end,
      };
      if (ctx.remote) inv.remote = ctx.remote;
      if (ctx.branch) inv.branch = ctx.branch;
      this.result.invocations.push(inv);
      this.unwrap(rest, { ...ctx, depth: ctx.depth + 1 });
    };
    switch (name) {
      case 'sshpass':
        nested(words.slice(skipOptions(words, 1, SSHPASS_ARG_OPTIONS)));
        return;
      case 'sudo':
        nested(words.slice(skipOptions(words, 1, SUDO_ARG_OPTIONS)));
        return;
      case 'nohup':
      case 'exec':
      case 'command':
      case 'time':
        nested(words.slice(skipOptions(words, 1, new Set())));
        return;
      case 'nice':
        nested(words.slice(skipOptions(words, 1, new Set(['n']))));
        return;
      case 'timeout': {
        const i = skipOptions(words, 1, new Set(['s', 'k']));
        nested(words.slice(i + 1));
        return;
      }
      case 'env': {
        let i = 1;
        while (i < words.length && (/^-/.test(words[i].word.text) || /^[A-Za-z_]\w*=/.test(words[i].word.text))) {
          if (words[i].word.text === '-u') i++;
          i++;
        }
        nested(words.slice(i));
        return;
      }
      case 'ssh': {
        const hostIndex = skipOptions(words, 1, SSH_ARG_OPTIONS);
        if (hostIndex >= words.length) return;
        const host = words[hostIndex];
        const rest = words.slice(hostIndex + 1);
        if (rest.length === 0) return;
        this.reparse(rest, ctx, { via: 'ssh', host: host.word });
        return;
      }
      case 'su': {
        const c = words.findIndex((w, i) => i > 0 && (w.word.text === '-c' || w.word.text === '--command'));
        if (c > 0 && c + 1 < words.length) this.reparse([words[c + 1]], ctx, { via: 'shell' });
        return;
      }
      default:
        if (SHELLS.has(name)) {
          let cflag = false;
          for (let i = 1; i < words.length; i++) {
            const t = words[i].word.text;
            if (/^[-+][A-Za-z]+$/.test(t)) {
              if (t.includes('c')) cflag = true;
              if (t.endsWith('o') || t === '-O') i++;
              continue;
            }
            if (cflag) this.reparse([words[i]], ctx, { via: 'shell' });
            return;
          }
        }
    }
  }

  /** Parse the text the words form (joined by blanks, as ssh does) as a script of its own. */
  private reparse(words: BuiltWord[], ctx: Ctx, remote: NonNullable<RelInvocation['remote']>): void {
    const chars: string[] = [];
    const idx: number[] = [];
    words.forEach((w, k) => {
      if (k > 0) {
        chars.push(' ');
        idx.push(Math.max(w.node.startIndex - 1, 0));
      }
      for (let i = 0; i < w.word.text.length; i++) {
        chars.push(w.word.text[i]);
        idx.push(w.idx[i]);
      }
    });
    if (chars.length === 0) return;
    const map = new Int32Array(chars.length + 1);
    for (let i = 0; i < chars.length; i++) map[i] = ctx.map[idx[i]];
    map[chars.length] = ctx.map[idx[idx.length - 1]] + 1;
    this.parseAndVisit({ text: chars.join(''), map, env: ctx.env, remote, depth: ctx.depth + 1, branch: ctx.branch });
  }

  /** Commands inside `$(...)`, backquotes and `<(...)` of a word. */
  private visitSubstitutions(node: Node, ctx: Ctx): void {
    this.descend(node, ctx, () => this.substitutions(node, ctx));
  }

  private substitutions(node: Node, ctx: Ctx): void {
    if (node.type === 'command_substitution' || node.type === 'process_substitution') {
      this.visitChildren(node, ctx);
      return;
    }
    if (node.namedChildCount === 0) return;
    for (const child of node.namedChildren) if (child) this.visitSubstitutions(child, ctx);
  }

  // ---- redirections and written files ------------------------------------------------------------

  private redirected(node: Node, ctx: Ctx): void {
    const body = node.childForFieldName('body');
    let inv: RelInvocation | undefined;
    const start = this.result.invocations.length;
    if (body) {
      if (body.type === 'command') inv = this.command(body, ctx);
      else this.visit(body, ctx);
    }
    const redirects = node.namedChildren.filter((c): c is Node => c !== null && c !== body && !(body && c.equals(body)));
    let target: { path: string; append: boolean } | undefined;
    let heredoc: Node | undefined;
    for (const r of redirects) {
      if (r.type === 'file_redirect') {
        target ??= this.fileTarget(r, ctx);
        this.visitSubstitutions(r, ctx);
      } else if (r.type === 'heredoc_redirect') {
        heredoc = r;
        for (const c of r.namedChildren) {
          if (!c) continue;
          if (c.type === 'file_redirect') target ??= this.fileTarget(c, ctx);
          else if (c.type === 'pipeline' || c.type === 'command' || c.type === 'list') {
            const before = this.result.invocations.length;
            this.visit(c, ctx);
            const tee = this.result.invocations.slice(before).find((i) => i.command === 'tee');
            if (tee) target ??= teeTarget(tee);
          } else if (c.type === 'heredoc_body') {
            this.visitSubstitutions(c, ctx);
          }
        }
      } else {
        this.visit(r, ctx);
      }
    }
    if (!inv || !heredoc) {
      if (inv && target && (inv.command === 'echo' || inv.command === 'printf')) this.echoWrite(inv, target);
      return;
    }
    if (inv.command === 'tee') target ??= teeTarget(inv);
    const content = this.heredocContent(heredoc, ctx);
    if (!content) return;
    if (target && (inv.command === 'cat' || inv.command === 'tee')) {
      this.result.files.push({ ...content.file, path: target.path, append: target.append });
      return;
    }
    // `ssh host <<EOF ... EOF` and `ssh host bash -s <<EOF`: the heredoc is a script run remotely.
    const sshInv = this.result.invocations.slice(start).find((i) => i.command === 'ssh');
    if (sshInv && ctx.depth < MAX_DEPTH && content.quotedOrPlain) {
      const hostIndex = skipOptionsWords(sshInv.argv, 1, SSH_ARG_OPTIONS);
      const rest = sshInv.argv.slice(hostIndex + 1).map((w) => w.text);
      if (rest.length === 0 || (rest.length <= 2 && SHELLS.has(baseName(rest[0])) && !rest.includes('-c'))) {
        this.parseAndVisit({
          text: content.text,
          map: content.map,
          env: ctx.env,
          remote: { via: 'ssh', host: sshInv.argv[hostIndex] },
          depth: ctx.depth + 1,
          branch: ctx.branch,
        });
      }
    }
  }

  private fileTarget(r: Node, ctx: Ctx): { path: string; append: boolean } | undefined {
    const op = ctx.text.slice(r.startIndex, r.endIndex);
    const dest = r.childForFieldName('destination') ?? r.namedChild(r.namedChildCount - 1);
    if (!dest) return undefined;
    const m = /^\d*(>>|>\||&>>|&>|>)/.exec(op);
    if (!m) return undefined;
    const built = this.buildWord(dest, ctx);
    if (built.word.dynamic) return undefined;
    return { path: built.word.text, append: m[1].includes('>>') };
  }

  private echoWrite(inv: RelInvocation, target: { path: string; append: boolean }): void {
    let args = inv.argv.slice(1);
    let newline = inv.command === 'echo';
    while (args.length && /^-[neE]+$/.test(args[0].text) && inv.command === 'echo') {
      if (args[0].text.includes('n')) newline = false;
      args = args.slice(1);
    }
    if (args.length === 0 || args.some((a) => a.dynamic)) return;
    let content = inv.command === 'printf' ? args[0].text.replace(/\\n/g, '\n') : args.map((a) => a.text).join(' ');
    if (newline) content += '\n';
    const first = args[0];
    const last = inv.command === 'printf' ? args[0] : args[args.length - 1];
    const startOffset = first.textOffset ?? first.start;
    this.result.files.push({
      path: target.path,
      content,
      start: startOffset,
      end: last.textOffset !== undefined ? last.textOffset + last.text.length : last.end,
      lineOffsets: [startOffset],
      append: target.append,
    });
  }

  private pipelineWrite(node: Node, ctx: Ctx): void {
    const cmds = node.namedChildren.filter((c): c is Node => c !== null && c.type === 'command');
    if (cmds.length < 2) return;
    const first = ctx.text.slice(cmds[0].startIndex, cmds[0].endIndex);
    if (!/^(echo|printf)\b/.test(first)) return;
    const invs = this.result.invocations;
    const teeInv = [...invs].reverse().find((i) => i.command === 'tee' && i.start >= this.origin(ctx, node.startIndex));
    const echoInv = invs.find((i) => (i.command === 'echo' || i.command === 'printf') && i.start === this.origin(ctx, cmds[0].startIndex));
    if (!teeInv || !echoInv) return;
    const target = teeTarget(teeInv);
    if (target) this.echoWrite(echoInv, target);
  }

  private heredocContent(
    heredoc: Node,
    ctx: Ctx,
  ): { file: Omit<RelFile, 'path' | 'append'>; text: string; map: Int32Array; quotedOrPlain: boolean } | undefined {
    const bodyNode = heredoc.namedChildren.find((c) => c?.type === 'heredoc_body');
    const endNode = heredoc.namedChildren.find((c) => c?.type === 'heredoc_end');
    const opText = ctx.text.slice(heredoc.startIndex, Math.min(heredoc.endIndex, heredoc.startIndex + 3));
    const stripTabs = opText.startsWith('<<-');
    // The body starts on the line after the one holding `<<EOF`, and ends before the terminator.
    const startLineEnd = ctx.text.indexOf('\n', heredoc.startIndex);
    if (startLineEnd < 0) return undefined;
    const bodyStart = Math.max(startLineEnd + 1, bodyNode ? Math.min(bodyNode.startIndex, startLineEnd + 1) : startLineEnd + 1);
    let bodyEnd = endNode ? endNode.startIndex : bodyNode ? bodyNode.endIndex : bodyStart;
    if (!endNode && !bodyNode) return undefined;
    while (bodyEnd > bodyStart && (ctx.text[bodyEnd - 1] === '\t' || ctx.text[bodyEnd - 1] === ' ') && endNode) bodyEnd--;
    const lines: { start: number; end: number }[] = [];
    let s = bodyStart;
    while (s < bodyEnd) {
      let e = ctx.text.indexOf('\n', s);
      if (e < 0 || e > bodyEnd) e = bodyEnd;
      let ls = s;
      if (stripTabs) while (ls < e && ctx.text[ls] === '\t') ls++;
      lines.push({ start: ls, end: e });
      s = e + 1;
    }
    const contentLines = lines.map((l) => ctx.text.slice(l.start, l.end));
    const content = contentLines.length ? contentLines.join('\n') + '\n' : '';
    const map = new Int32Array(Math.max(content.length, 0) + 1);
    let k = 0;
    for (const l of lines) {
      for (let i = l.start; i < l.end; i++) map[k++] = ctx.map[i];
      if (k < content.length) map[k++] = this.origin(ctx, l.end);
    }
    map[content.length] = lines.length
      ? this.endOrigin(ctx, lines[lines.length - 1].end, lines[lines.length - 1].start)
      : this.origin(ctx, bodyStart);
    const first = lines[0];
    const last = lines[lines.length - 1];
    return {
      file: {
        content,
        start: first ? this.origin(ctx, first.start) : this.origin(ctx, bodyStart),
        end: last ? this.endOrigin(ctx, last.end, last.start) : this.origin(ctx, bodyStart),
        lineOffsets: lines.map((l) => this.origin(ctx, l.start)),
      },
      text: content,
      map,
      quotedOrPlain: true,
    };
  }

  // ---- words -----------------------------------------------------------------------------------

  private buildWord(node: Node, ctx: Ctx): BuiltWord {
    const parts: Part[] = [];
    const chars: string[] = [];
    const idx: number[] = [];
    let dynamic = false;
    const text = ctx.text;
    const lit = (s: string, at: number[], quoted: boolean) => {
      for (let i = 0; i < s.length; i++) {
        chars.push(s[i]);
        idx.push(at[i]);
      }
      const last = parts[parts.length - 1];
      if (last && last.kind === 'lit' && last.quoted === quoted) last.text += s;
      else parts.push({ kind: 'lit', text: s, quoted });
    };
    const raw = (from: number, to: number) => {
      const at: number[] = [];
      for (let i = from; i < to; i++) at.push(i);
      return { s: text.slice(from, to), at };
    };
    const expansion = (n: Node) => {
      const r = raw(n.startIndex, n.endIndex);
      for (let i = 0; i < r.s.length; i++) {
        chars.push(r.s[i]);
        idx.push(r.at[i]);
      }
      const name = simpleVariable(n, text);
      if (name !== undefined && ctx.env.has(name) && ctx.env.get(name) !== null) {
        parts.push({ kind: 'var', name });
      } else {
        parts.push({ kind: 'dyn' });
        dynamic = true;
      }
    };
    /**
     * Removes backslash escapes from text[from, to) with the source index of every kept character. A
     * backslash escapes any character outside quotes, and only `escapable` ones inside double quotes;
     * a backslash-newline disappears (line continuation).
     */
    const unescaped = (from: number, to: number, escapable?: string) => {
      const s: string[] = [];
      const at: number[] = [];
      for (let i = from; i < to; i++) {
        const c = text[i];
        if (c === '\\' && i + 1 < to && (escapable === undefined || escapable.includes(text[i + 1]))) {
          if (text[i + 1] !== '\n') {
            s.push(text[i + 1]);
            at.push(i + 1);
          }
          i++;
          continue;
        }
        s.push(c);
        at.push(i);
      }
      return { s: s.join(''), at };
    };
    const unquoted = (from: number, to: number) => {
      const r = unescaped(from, to);
      lit(r.s, r.at, false);
    };
    const doubleQuoted = (n: Node) => {
      let pos = n.startIndex + 1;
      const end = n.endIndex - (text[n.endIndex - 1] === '"' ? 1 : 0);
      const flush = (to: number) => {
        const r = unescaped(pos, to, '$`"\\\n');
        if (r.s.length) lit(r.s, r.at, true);
      };
      for (const child of n.namedChildren) {
        if (!child || child.type === 'string_content') continue;
        flush(child.startIndex);
        expansion(child);
        pos = child.endIndex;
      }
      flush(end);
    };
    const visitPart = (n: Node) => {
      switch (n.type) {
        case 'concatenation':
          {
            let pos = n.startIndex;
            for (const child of n.children) {
              if (!child) continue;
              if (child.startIndex > pos) unquoted(pos, child.startIndex);
              visitPart(child);
              pos = child.endIndex;
            }
            if (pos < n.endIndex) unquoted(pos, n.endIndex);
          }
          return;
        case 'raw_string': {
          const r = raw(n.startIndex + 1, Math.max(n.startIndex + 1, n.endIndex - 1));
          lit(r.s, r.at, true);
          return;
        }
        case 'ansi_c_string': {
          const r = raw(n.startIndex + 2, Math.max(n.startIndex + 2, n.endIndex - 1));
          lit(r.s, r.at, true);
          return;
        }
        case 'string':
          doubleQuoted(n);
          return;
        case 'translated_string': {
          const inner = n.namedChild(0);
          if (inner) doubleQuoted(inner);
          return;
        }
        case 'simple_expansion':
        case 'expansion':
        case 'command_substitution':
        case 'process_substitution':
        case 'arithmetic_expansion':
          expansion(n);
          return;
        default:
          unquoted(n.startIndex, n.endIndex);
      }
    };
    visitPart(node);
    const wordText = chars.join('');
    const word: RelWord = {
      text: wordText,
      start: this.origin(ctx, node.startIndex),
      end: this.endOrigin(ctx, node.endIndex, node.startIndex),
    };
    if (idx.length > 0) {
      const base = ctx.map[idx[0]];
      let contiguous = true;
      for (let i = 1; i < idx.length && contiguous; i++) if (ctx.map[idx[i]] !== base + i) contiguous = false;
      if (contiguous) word.textOffset = base;
    } else if (node.type === 'string' || node.type === 'raw_string') {
      word.textOffset = this.origin(ctx, node.startIndex + 1);
    }
    if (dynamic) word.dynamic = true;
    const values = expandParts(parts, ctx.env);
    if (values) word.values = values;
    return { word, idx, node };
  }
}

function simpleVariable(n: Node, text: string): string | undefined {
  if (n.type === 'simple_expansion') {
    const v = n.namedChild(0);
    return v && v.type === 'variable_name' ? text.slice(v.startIndex, v.endIndex) : undefined;
  }
  if (n.type === 'expansion') {
    if (n.namedChildCount !== 1) return undefined;
    const v = n.namedChild(0);
    const raw = text.slice(n.startIndex, n.endIndex);
    return v && v.type === 'variable_name' && raw === '${' + text.slice(v.startIndex, v.endIndex) + '}'
      ? text.slice(v.startIndex, v.endIndex)
      : undefined;
  }
  return undefined;
}

/** Values of a word holding brace expressions or resolved loop variables; undefined otherwise. */
function expandParts(parts: Part[], env: Env): string[] | undefined {
  let expands = false;
  let acc: string[] = [''];
  for (const p of parts) {
    let options: readonly string[];
    if (p.kind === 'dyn') return undefined;
    if (p.kind === 'var') {
      options = env.get(p.name) ?? [];
      expands = true;
    } else if (!p.quoted && p.text.includes('{')) {
      options = expandBraces(p.text);
      if (options.length !== 1 || options[0] !== p.text) expands = true;
    } else {
      options = [p.text];
    }
    const next: string[] = [];
    for (const a of acc) {
      for (const o of options) {
        next.push(a + o);
        if (next.length >= MAX_VALUES) break;
      }
      if (next.length >= MAX_VALUES) break;
    }
    acc = next;
  }
  return expands ? acc : undefined;
}

/** Index of the first operand after `-x`-style options; letters in `withArg` consume a value. */
function skipOptions(words: BuiltWord[], from: number, withArg: Set<string>): number {
  return skipOptionsWords(
    words.map((w) => w.word),
    from,
    withArg,
  );
}

function skipOptionsWords(words: RelWord[], from: number, withArg: Set<string>): number {
  let i = from;
  while (i < words.length) {
    const t = words[i].text;
    if (t === '--') return i + 1;
    if (!/^-[A-Za-z0-9]/.test(t)) return i;
    const letters = t.slice(1);
    for (let k = 0; k < letters.length; k++) {
      if (withArg.has(letters[k])) {
        if (k === letters.length - 1) i++;
        break;
      }
    }
    i++;
  }
  return i;
}

function teeTarget(inv: RelInvocation): { path: string; append: boolean } | undefined {
  const args = inv.argv.slice(1);
  const append = args.some((a) => /^-[a-zA-Z]*a/.test(a.text) || a.text === '--append');
  const file = args.find((a) => !a.text.startsWith('-') && !a.dynamic);
  return file ? { path: file.text, append } : undefined;
}
