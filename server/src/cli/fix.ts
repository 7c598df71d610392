// `pcmk-lsp check --fix`: applies the safe quick fixes (those a rule marks `safe`: the rewrite
// cannot change the line's meaning beyond the fix), as `eslint --fix` does, then writes the files.
// Repeats until nothing is left to fix (a fix can reveal another), at most MAX_PASSES times.
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Position, TextEdit } from 'vscode-languageserver-types';
import type { LanguageService } from '../service/languageService';
import { isFixData } from '../service/fixes';
import type { LabFile } from '../service/workspaceFiles';

const MAX_PASSES = 10;

export interface FixReport {
  /** Path → number of fixes applied to it. */
  fixed: Map<string, number>;
}

/** Applies safe fixes to the documents of `service` (already holding `files`) and writes changed files. */
export function applySafeFixes(service: LanguageService, files: LabFile[]): FixReport {
  const fixed = new Map<string, number>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changedAny = false;
    for (const file of files) {
      const uri = pathToFileURL(file.path).toString();
      const text = service.getText(uri);
      if (text === undefined) continue;
      const edits = safeEdits(service.diagnostics(uri));
      if (!edits.length) continue;
      const next = applyEdits(text, edits);
      if (next === text) continue;
      service.setDocument(uri, file.kind, next, pass + 1, true);
      fixed.set(file.path, (fixed.get(file.path) ?? 0) + edits.length);
      changedAny = true;
    }
    if (!changedAny) break;
  }
  for (const file of files) {
    if (!fixed.has(file.path)) continue;
    fs.writeFileSync(file.path, service.getText(pathToFileURL(file.path).toString())!);
  }
  return { fixed };
}

/** The edits of every diagnostic's single safe fix, without overlaps (the first one wins). */
function safeEdits(diagnostics: Diagnostic[]): TextEdit[] {
  const chosen: TextEdit[] = [];
  for (const diagnostic of diagnostics) {
    if (!isFixData(diagnostic.data)) continue;
    const safe = diagnostic.data.fixes.filter((fix) => fix.safe);
    // Two safe fixes for one problem is a choice, not a fix: leave it to the person.
    if (safe.length !== 1) continue;
    const edits = safe[0]!.edits;
    if (edits.some((edit) => chosen.some((other) => overlaps(edit, other)))) continue;
    chosen.push(...edits);
  }
  return chosen;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Touching insertions at one point would be applied in an undefined order: treat as overlapping.
  return !before(a.range.end, b.range.start) && !before(b.range.end, a.range.start);
}

function applyEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const offset = (p: Position) => Math.min(text.length, (lineStarts[p.line] ?? text.length) + p.character);
  const sorted = edits
    .map((edit) => ({ start: offset(edit.range.start), end: offset(edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const edit of sorted) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  return out;
}
