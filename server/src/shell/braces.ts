// Bash brace expansion for the literal words of lab scripts: `node{1..3}`, `{1..4}`, `{01..10}`,
// `{a..c}`, `{nfs3,mountd,rpc-bind}`, nested `{a,b{1,2}}`. Output is capped so a typo such as
// `{1..99999}` cannot blow up memory.

export const MAX_VALUES = 256;

/** Every word `text` expands to, in bash order; `[text]` when it holds no brace expression. */
export function expandBraces(text: string): string[] {
  const out = expand(text);
  return out.length > MAX_VALUES ? out.slice(0, MAX_VALUES) : out;
}

function expand(text: string): string[] {
  for (let open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open + 1)) {
    if (open > 0 && text[open - 1] === '$') continue;
    const close = matchingBrace(text, open);
    if (close < 0) return [text];
    const inner = text.slice(open + 1, close);
    const alternatives = splitTopLevel(inner);
    let options: string[] | undefined;
    if (alternatives.length > 1) {
      options = alternatives.flatMap((a) => expand(a));
    } else {
      options = sequence(inner);
    }
    if (!options) continue;
    const prefix = text.slice(0, open);
    const suffixes = expand(text.slice(close + 1));
    const out: string[] = [];
    for (const o of options) {
      for (const s of suffixes) {
        out.push(prefix + o + s);
        if (out.length > MAX_VALUES) return out;
      }
    }
    return out;
  }
  return [text];
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function splitTopLevel(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  return parts;
}

/** `1..3`, `01..10`, `3..1`, `1..10..2`, `a..e`; undefined when `inner` is not a sequence. */
function sequence(inner: string): string[] | undefined {
  const num = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(inner);
  if (num) {
    const from = Number(num[1]);
    const to = Number(num[2]);
    const step = Math.abs(Number(num[3] ?? 1)) || 1;
    const width = /^-?0\d/.test(num[1]) || /^-?0\d/.test(num[2]) ? Math.max(num[1].length, num[2].length) : 0;
    const out: string[] = [];
    const dir = from <= to ? 1 : -1;
    for (let v = from; dir > 0 ? v <= to : v >= to; v += dir * step) {
      out.push(
        width
          ? String(Math.abs(v))
              .padStart(width - (v < 0 ? 1 : 0), '0')
              .replace(/^/, v < 0 ? '-' : '')
          : String(v),
      );
      if (out.length > MAX_VALUES) break;
    }
    return out;
  }
  const chr = /^([A-Za-z])\.\.([A-Za-z])$/.exec(inner);
  if (chr) {
    const a = chr[1].charCodeAt(0);
    const b = chr[2].charCodeAt(0);
    const out: string[] = [];
    const dir = a <= b ? 1 : -1;
    for (let v = a; dir > 0 ? v <= b : v >= b; v += dir) out.push(String.fromCharCode(v));
    return out;
  }
  return undefined;
}
