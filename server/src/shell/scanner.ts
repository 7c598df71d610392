// A small line-by-line shell lexer that only answers one question: after these lines, does the shell
// need more input (open quote, `\` at the end, pending heredoc, trailing `&&`/`||`/`|`, an open
// `for ... done`, `if ... fi`, `{ }`, `( )`, `$( )`)? The extractor uses it to cut a script into
// independently parseable chunks and to tell the continuation lines of a pasted command from the
// program output around it. The full syntax is left to tree-sitter-bash.

type Context = 'code' | 'sq' | 'dq' | 'bq' | 'param' | 'arith' | 'ansi';

interface Heredoc {
  delimiter: string;
  stripTabs: boolean;
}

const OPENERS: Record<string, string> = { for: 'done', while: 'done', until: 'done', select: 'done', if: 'fi', case: 'esac', '{': '}' };
const CLOSERS = new Set(['done', 'fi', 'esac', '}']);
const SPECIAL = /[\\'"`$(){}<>|&;#]/;
const OPENER_START = /^\s*(?:for|while|until|select|if|case|done|fi|esac|do|then)(?:\s|$)/;
const HEREDOC_WORD = /^(?:'([^']*)'|"([^"]*)"|\\?([^\s;&|<>()'"]+))/;
const ASSIGNMENT = /^\w+=/;
const [SQ, DQ, BQ, BACKSLASH, DOLLAR, LPAREN, RPAREN, LBRACE, RBRACE, SPACE, TAB, HASH, LT, GT, AMP, PIPE, SEMI, DASH] = [
  "'",
  '"',
  '`',
  '\\',
  '$',
  '(',
  ')',
  '{',
  '}',
  ' ',
  '\t',
  '#',
  '<',
  '>',
  '&',
  '|',
  ';',
  '-',
].map((c) => c.charCodeAt(0));
/** Keywords after which the next word is again in command position. */
const COMMAND_PREFIX = new Set(['do', 'then', 'else', 'elif', '!', 'time', '{', 'if', 'while', 'until']);

export class ShellScanner {
  /** Quoting / nesting contexts; the bottom one is the top-level code. */
  private contexts: { kind: Context; closer?: string; depth?: number; line?: number; col?: number }[] = [{ kind: 'code' }];
  private keywords: string[] = [];
  /** Where each open keyword (`if`, `for`, …) is, parallel to `keywords`. */
  private keywordAt: { line: number; col: number }[] = [];
  /** Line number given to `feed` (for the positions above). */
  private lineNo = 0;
  /** The first `fi`/`done`/`esac` in command position with nothing open: bash refuses the script. */
  stray: { line: number; col: number; word: string } | undefined;

  /**
   * What bash says at the end of the text when something is still open, and where it opened:
   * the innermost quote/substitution ("unexpected EOF while looking for matching `X'"), else the
   * innermost open keyword ("syntax error: unexpected end of file"). Undefined when all is closed
   * (a pending heredoc or a trailing `\`/`&&` is not reported: bash's verdict there is not an error or
   * depends on what follows).
   */
  get openAtEnd(): { line: number; col: number; message: string } | undefined {
    const top = this.contexts[this.contexts.length - 1];
    if (this.contexts.length > 1 && !this.body) {
      const closer =
        top.kind === 'sq' || top.kind === 'ansi'
          ? "'"
          : top.kind === 'dq'
            ? '"'
            : top.kind === 'bq'
              ? '`'
              : top.kind === 'param'
                ? '}'
                : ')';
      return { line: top.line ?? 0, col: top.col ?? 0, message: `unexpected EOF while looking for matching \`${closer}'` };
    }
    if (this.keywords.length && !this.body && this.pending.length === 0) {
      const at = this.keywordAt[this.keywordAt.length - 1];
      return { line: at?.line ?? 0, col: at?.col ?? 0, message: 'syntax error: unexpected end of file' };
    }
    return undefined;
  }
  private pending: Heredoc[] = [];
  private body: Heredoc | undefined;
  private continued = false;

  /** True when the lines fed so far form complete commands. */
  get complete(): boolean {
    return this.contexts.length === 1 && this.keywords.length === 0 && this.pending.length === 0 && !this.body && !this.continued;
  }

  /** True inside an open quote (single, double, backquote) at the end of the lines fed so far. */
  get inQuote(): boolean {
    const k = this.contexts[this.contexts.length - 1].kind;
    return k === 'sq' || k === 'dq' || k === 'bq' || k === 'ansi';
  }

  /** True while reading the body of a heredoc (its lines are data, not commands). */
  get inHeredoc(): boolean {
    return this.body !== undefined;
  }

  /** Feed one line (without its newline). */
  feed(line: string, lineNo = this.lineNo + 1): void {
    this.lineNo = lineNo;
    if (this.body) {
      const candidate = this.body.stripTabs ? line.replace(/^\t+/, '') : line;
      if (candidate === this.body.delimiter) this.body = this.pending.shift();
      return;
    }
    this.continued = false;
    // Fast path: a plain command line at top level, nothing open, no special character.
    if (this.contexts.length === 1 && this.keywords.length === 0 && !SPECIAL.test(line) && !OPENER_START.test(line)) {
      return;
    }
    this.commandStart = true;
    this.wordStart = -1;
    const n = line.length;
    let lastOperator = '';
    for (let i = 0; i < n; i++) {
      const c = line.charCodeAt(i);
      const top = this.contexts[this.contexts.length - 1];
      switch (top.kind) {
        case 'sq':
          if (c === SQ) this.contexts.pop();
          continue;
        case 'ansi':
          if (c === BACKSLASH) i++;
          else if (c === SQ) this.contexts.pop();
          continue;
        case 'dq':
          if (c === BACKSLASH) i++;
          else if (c === DQ) this.contexts.pop();
          else if (c === BQ) this.contexts.push({ kind: 'bq', line: this.lineNo, col: i });
          else if (c === DOLLAR && line.charCodeAt(i + 1) === LPAREN) {
            if (line.charCodeAt(i + 2) === LPAREN) {
              this.contexts.push({ kind: 'arith', depth: 0, line: this.lineNo, col: i });
              i += 2;
            } else {
              this.contexts.push({ kind: 'code', closer: ')', line: this.lineNo, col: i });
              i++;
            }
          } else if (c === DOLLAR && line.charCodeAt(i + 1) === LBRACE) {
            this.contexts.push({ kind: 'param', line: this.lineNo, col: i });
            i++;
          }
          continue;
        case 'bq':
          if (c === BACKSLASH) i++;
          else if (c === BQ) this.contexts.pop();
          continue;
        case 'param':
          if (c === RBRACE) this.contexts.pop();
          else if (c === BACKSLASH) i++;
          continue;
        case 'arith':
          if (c === LPAREN) top.depth = (top.depth ?? 0) + 1;
          else if (c === RPAREN) {
            if ((top.depth ?? 0) > 0) top.depth = (top.depth ?? 0) - 1;
            else if (line.charCodeAt(i + 1) === RPAREN) {
              this.contexts.pop();
              i++;
            }
          }
          continue;
        case 'code':
          break;
      }
      // code context
      if (c === SPACE || c === TAB) {
        this.endWord(line, i);
        continue;
      }
      if (c === HASH && this.wordStart < 0) break;
      if (c === BACKSLASH) {
        if (i === n - 1) {
          this.endWord(line, i);
          this.continued = true;
          lastOperator = '';
          break;
        }
        if (this.wordStart < 0) this.wordStart = i;
        i++;
        lastOperator = '';
        continue;
      }
      lastOperator = '';
      if (c === SQ || c === DQ || c === BQ) {
        this.contexts.push({ kind: c === SQ ? 'sq' : c === DQ ? 'dq' : 'bq', line: this.lineNo, col: i });
        if (this.wordStart < 0) this.wordStart = i;
        continue;
      }
      if (c === DOLLAR) {
        const next = line.charCodeAt(i + 1);
        if (this.wordStart < 0) this.wordStart = i;
        if (next === LPAREN) {
          if (line.charCodeAt(i + 2) === LPAREN) {
            this.contexts.push({ kind: 'arith', depth: 0, line: this.lineNo, col: i });
            i += 2;
          } else {
            this.contexts.push({ kind: 'code', closer: ')', line: this.lineNo, col: i });
            i++;
          }
        } else if (next === LBRACE) {
          this.contexts.push({ kind: 'param', line: this.lineNo, col: i });
          i++;
        } else if (next === SQ) {
          this.contexts.push({ kind: 'ansi', line: this.lineNo, col: i });
          i++;
        }
        continue;
      }
      if (c === LPAREN) {
        this.endWord(line, i);
        if (line.charCodeAt(i + 1) === LPAREN) {
          this.contexts.push({ kind: 'arith', depth: 0, line: this.lineNo, col: i });
          i++;
        } else this.contexts.push({ kind: 'code', closer: ')', line: this.lineNo, col: i });
        this.commandStart = true;
        continue;
      }
      if (c === RPAREN) {
        this.endWord(line, i);
        if (top.closer === ')') this.contexts.pop();
        this.commandStart = false;
        continue;
      }
      if (c === LT && line.charCodeAt(i + 1) === LT && line.charCodeAt(i + 2) !== LT) {
        this.endWord(line, i);
        let j = i + 2;
        let stripTabs = false;
        if (line.charCodeAt(j) === DASH) {
          stripTabs = true;
          j++;
        }
        while (line.charCodeAt(j) === SPACE || line.charCodeAt(j) === TAB) j++;
        const m = HEREDOC_WORD.exec(line.slice(j));
        if (m) {
          this.pending.push({ delimiter: m[1] ?? m[2] ?? m[3], stripTabs });
          i = j + m[0].length - 1;
        } else {
          i = j - 1;
        }
        continue;
      }
      if (c === AMP || c === PIPE || c === SEMI) {
        this.endWord(line, i);
        const d = line.charCodeAt(i + 1);
        const double = d === c && c !== PIPE ? true : c === PIPE && d === PIPE;
        if (double || (c === PIPE && d === AMP)) i++;
        lastOperator = double && c !== SEMI ? 'and-or' : c === PIPE ? '|' : '';
        this.commandStart = true;
        continue;
      }
      if (c === LT || c === GT) {
        this.endWord(line, i);
        continue;
      }
      if (this.wordStart < 0) this.wordStart = i;
    }
    this.endWord(line, n);
    if (lastOperator) this.continued = true;
    if (this.contexts[this.contexts.length - 1].kind === 'code' && this.pending.length > 0 && !this.body) {
      this.body = this.pending.shift();
    }
  }

  private commandStart = true;
  private wordCol = 0;
  /** Start of the word being read in the current line, or -1 between words. */
  private wordStart = -1;

  private endWord(line: string, end: number): void {
    if (this.wordStart < 0) return;
    const start = this.wordStart;
    this.wordStart = -1;
    if (!this.commandStart) return;
    const word = line.slice(start, end);
    this.wordCol = start;
    const top = this.contexts[this.contexts.length - 1];
    if (top.kind === 'code') this.keyword(word);
    this.commandStart = COMMAND_PREFIX.has(word) || ASSIGNMENT.test(word);
    if (word === 'for' || word === 'case' || word === 'select') this.commandStart = false;
  }

  private keyword(word: string): void {
    const closer = OPENERS[word];
    if (closer) {
      this.keywords.push(closer);
      this.keywordAt.push({ line: this.lineNo, col: this.wordCol });
    } else if (CLOSERS.has(word) && this.keywords[this.keywords.length - 1] === word) {
      this.keywords.pop();
      this.keywordAt.pop();
    } else if (word !== '}' && CLOSERS.has(word) && this.keywords.length === 0 && this.contexts.length === 1) {
      this.stray ??= { line: this.lineNo, col: this.wordCol, word };
    }
  }
}
