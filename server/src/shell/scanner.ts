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
/** Keywords after which the next word is again in command position. */
const COMMAND_PREFIX = new Set(['do', 'then', 'else', 'elif', '!', 'time', '{', 'if', 'while', 'until']);

export class ShellScanner {
  /** Quoting / nesting contexts; the bottom one is the top-level code. */
  private contexts: { kind: Context; closer?: string; depth?: number }[] = [{ kind: 'code' }];
  private keywords: string[] = [];
  private pending: Heredoc[] = [];
  private body: Heredoc | undefined;
  private continued = false;

  /** True when the lines fed so far form complete commands. */
  get complete(): boolean {
    return (
      this.contexts.length === 1 && this.keywords.length === 0 && this.pending.length === 0 && !this.body && !this.continued
    );
  }

  /** True while reading the body of a heredoc (its lines are data, not commands). */
  get inHeredoc(): boolean {
    return this.body !== undefined;
  }

  /** Feed one line (without its newline). */
  feed(line: string): void {
    if (this.body) {
      const candidate = this.body.stripTabs ? line.replace(/^\t+/, '') : line;
      if (candidate === this.body.delimiter) this.body = this.pending.shift();
      return;
    }
    this.continued = false;
    let commandStart = this.contexts.length === 1 ? this.atCommandStartAfterNewline : true;
    let word = '';
    let wordStart = true;
    const endWord = () => {
      if (word && commandStart) {
        const top = this.contexts[this.contexts.length - 1];
        if (top.kind === 'code') this.keyword(word);
        commandStart = COMMAND_PREFIX.has(word) || /^\w+=/.test(word);
        if (word === 'for' || word === 'case' || word === 'select') commandStart = false;
      } else if (word) {
        commandStart = false;
      }
      word = '';
      wordStart = true;
    };
    const n = line.length;
    let lastOperator = '';
    for (let i = 0; i < n; i++) {
      const c = line[i];
      const top = this.contexts[this.contexts.length - 1];
      switch (top.kind) {
        case 'sq':
          if (c === "'") this.contexts.pop();
          continue;
        case 'ansi':
          if (c === '\\') i++;
          else if (c === "'") this.contexts.pop();
          continue;
        case 'dq':
          if (c === '\\') i++;
          else if (c === '"') this.contexts.pop();
          else if (c === '`') this.contexts.push({ kind: 'bq' });
          else if (c === '$' && line[i + 1] === '(') {
            if (line[i + 2] === '(') { this.contexts.push({ kind: 'arith', depth: 0 }); i += 2; }
            else { this.contexts.push({ kind: 'code', closer: ')' }); i++; }
          } else if (c === '$' && line[i + 1] === '{') { this.contexts.push({ kind: 'param' }); i++; }
          continue;
        case 'bq':
          if (c === '\\') i++;
          else if (c === '`') this.contexts.pop();
          continue;
        case 'param':
          if (c === '}') this.contexts.pop();
          else if (c === '\\') i++;
          continue;
        case 'arith':
          if (c === '(') top.depth = (top.depth ?? 0) + 1;
          else if (c === ')') {
            if ((top.depth ?? 0) > 0) top.depth = (top.depth ?? 0) - 1;
            else if (line[i + 1] === ')') { this.contexts.pop(); i++; }
          }
          continue;
        case 'code':
          break;
      }
      // code context
      if (c === ' ' || c === '\t') { endWord(); continue; }
      if (c === '#' && wordStart) { endWord(); break; }
      if (c === '\\') {
        if (i === n - 1) { endWord(); this.continued = true; lastOperator = ''; break; }
        word += line[i + 1];
        i++;
        wordStart = false;
        lastOperator = '';
        continue;
      }
      lastOperator = '';
      if (c === "'") { this.contexts.push({ kind: 'sq' }); word += 'q'; wordStart = false; continue; }
      if (c === '"') { this.contexts.push({ kind: 'dq' }); word += 'q'; wordStart = false; continue; }
      if (c === '`') { this.contexts.push({ kind: 'bq' }); word += 'q'; wordStart = false; continue; }
      if (c === '$') {
        const next = line[i + 1];
        if (next === '(') {
          if (line[i + 2] === '(') { this.contexts.push({ kind: 'arith', depth: 0 }); i += 2; }
          else { this.contexts.push({ kind: 'code', closer: ')' }); i++; }
        } else if (next === '{') { this.contexts.push({ kind: 'param' }); i++; }
        else if (next === "'") { this.contexts.push({ kind: 'ansi' }); i++; }
        word += '$';
        wordStart = false;
        continue;
      }
      if (c === '(') {
        endWord();
        if (line[i + 1] === '(') { this.contexts.push({ kind: 'arith', depth: 0 }); i++; }
        else this.contexts.push({ kind: 'code', closer: ')' });
        commandStart = true;
        continue;
      }
      if (c === ')') {
        endWord();
        if (top.closer === ')') this.contexts.pop();
        commandStart = false;
        continue;
      }
      if (c === '<' && line[i + 1] === '<' && line[i + 2] !== '<') {
        endWord();
        let j = i + 2;
        let stripTabs = false;
        if (line[j] === '-') { stripTabs = true; j++; }
        while (line[j] === ' ' || line[j] === '\t') j++;
        const m = /^(?:'([^']*)'|"([^"]*)"|\\?([^\s;&|<>()'"]+))/.exec(line.slice(j));
        if (m) {
          this.pending.push({ delimiter: m[1] ?? m[2] ?? m[3], stripTabs });
          i = j + m[0].length - 1;
        } else {
          i = j - 1;
        }
        continue;
      }
      if (c === '&' || c === '|' || c === ';') {
        endWord();
        const two = line.slice(i, i + 2);
        if (two === '&&' || two === '||' || two === ';;' || two === '|&') i++;
        lastOperator = two === '&&' || two === '||' ? two : c === '|' ? '|' : '';
        commandStart = true;
        continue;
      }
      if (c === '<' || c === '>') { endWord(); continue; }
      word += c;
      wordStart = false;
    }
    endWord();
    if (lastOperator) this.continued = true;
    this.atCommandStartAfterNewline = true;
    if (this.contexts[this.contexts.length - 1].kind === 'code' && this.pending.length > 0 && !this.body) {
      this.body = this.pending.shift();
    }
  }

  private atCommandStartAfterNewline = true;

  private keyword(word: string): void {
    const closer = OPENERS[word];
    if (closer) {
      this.keywords.push(closer);
    } else if (CLOSERS.has(word) && this.keywords[this.keywords.length - 1] === word) {
      this.keywords.pop();
    }
  }
}
