// Position helpers (LSP positions: 0-based line, UTF-16 character), one copy each.
import type { Position, Range } from 'vscode-languageserver-types';

/** Whether `pos` is inside `range`, both ends included (a cursor right after a word is on it). */
export function rangeContains(range: Range, pos: Position): boolean {
  if (pos.line < range.start.line || pos.line > range.end.line) return false;
  if (pos.line === range.start.line && pos.character < range.start.character) return false;
  if (pos.line === range.end.line && pos.character > range.end.character) return false;
  return true;
}

/** Comparator: document order of the ranges' starts (`list.sort(byRangeStart)`). */
export function byRangeStart(a: { range: Range }, b: { range: Range }): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
