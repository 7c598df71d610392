// Quick fixes travel inside each diagnostic (`data.fixes`, see FixData), computed by the rule that
// found the problem, so answering a code-action request needs no second analysis.
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { FixData } from '../base/types';

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function isFixData(data: unknown): data is FixData {
  return !!data && typeof data === 'object' && Array.isArray((data as FixData).fixes);
}

export function codeActionsFromDiagnostics(uri: string, range: Range, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (!overlaps(diagnostic.range, range) || !isFixData(diagnostic.data)) continue;
    const fixes = diagnostic.data.fixes;
    fixes.forEach((fix, index) => {
      actions.push({
        title: fix.title,
        kind: 'quickfix',
        diagnostics: [diagnostic],
        isPreferred: fixes.length === 1 || index === 0,
        edit: { changes: { [uri]: fix.edits } },
      });
    });
  }
  return actions;
}
