// Small helpers for the shell-extraction tests: run the real extractor (real tree-sitter-bash wasm)
// and compute the exact LSP range a substring occupies, so range assertions are independent of
// how many UTF-16 units the non-ASCII text before it takes.
import type { Invocation, Range, ScriptExtract } from '../../../server/src/base/types';
import { initParsers } from '../../../server/src/parsing/treeSitter';
import { extractScript } from '../../../server/src/shell/extract';

export async function extract(text: string, kind: 'shell' | 'markdown'): Promise<ScriptExtract> {
  await initParsers();
  return extractScript(text, kind).extract;
}

/** The range of the `occurrence`-th `needle` on 0-based line `line` of `text`. */
export function rangeOn(text: string, line: number, needle: string, occurrence = 0): Range {
  const lineText = text.split('\n')[line];
  let at = -1;
  for (let k = 0; k <= occurrence; k++) {
    at = lineText.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found on line ${line}: ${lineText}`);
  }
  return { start: { line, character: at }, end: { line, character: at + needle.length } };
}

/** Offset of `needle` on line `line` (document offset). */
export function offsetOn(text: string, line: number, needle: string): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < line; i++) offset += lines[i].length + 1;
  const at = lines[line].indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not found on line ${line}`);
  return offset + at;
}

export function argvText(inv: Invocation): string[] {
  return inv.argv.map((w) => w.text);
}

export function commandsNamed(x: ScriptExtract, command: string): Invocation[] {
  return x.invocations.filter((i) => i.command === command);
}

/** The text a range covers. */
export function textAt(text: string, r: Range): string {
  const lines = text.split('\n');
  if (r.start.line === r.end.line) return lines[r.start.line].slice(r.start.character, r.end.character);
  const out = [lines[r.start.line].slice(r.start.character)];
  for (let l = r.start.line + 1; l < r.end.line; l++) out.push(lines[l]);
  out.push(lines[r.end.line].slice(0, r.end.character));
  return out.join('\n');
}
