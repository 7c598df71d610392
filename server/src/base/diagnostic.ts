// The one diagnostic factory. Every diagnostic of the product carries the same `source`, so the
// Problems panel (and any LSP client) shows one name: the name of the server and the command, which is
// also the prefix of suppression comments (`# pcmk-lsp disable-next-line=CODE`) and SARIF's tool name.
import type { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import type { FixData, SeverityName } from './types';

export const DIAGNOSTIC_SOURCE = 'pcmk-lsp';

/** LSP severity numbers by the names of the CLI contract and the rule settings. */
export const SEVERITY: Record<SeverityName, DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

const SEVERITY_NAMES: Record<number, SeverityName> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

/** The name of a diagnostic's severity (a diagnostic without one is an error, as LSP clients show it). */
export function severityName(d: Diagnostic): SeverityName {
  return SEVERITY_NAMES[d.severity ?? 1] ?? 'error';
}

/** A diagnostic with the product's source; `fixes` travel in `data` (FixData) when there are any. */
export function diagnostic(
  range: Range,
  severity: DiagnosticSeverity | SeverityName,
  code: string,
  message: string,
  fixes?: FixData['fixes'],
): Diagnostic {
  const d: Diagnostic = {
    range,
    severity: typeof severity === 'string' ? SEVERITY[severity] : severity,
    code,
    source: DIAGNOSTIC_SOURCE,
    message,
  };
  if (fixes && fixes.length) d.data = { fixes } satisfies FixData;
  return d;
}
