// Public API of the corosync.conf language support: diagnostics (all rule families) and editor
// features. Pure functions of a parsed CsFile; the LSP layer and `pcmk-lsp check` call them.
import type {
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Position,
  Range,
  TextEdit,
} from 'vscode-languageserver-types';
import type { CsFile } from './ast';
import { buildView } from './rules/model';
import { syntaxRules } from './rules/syntax';
import { keyRules } from './rules/keys';
import { valueRules } from './rules/values';
import { totemRules } from './rules/totem';
import { nodelistRules } from './rules/nodelist';
import { qdeviceRules } from './rules/qdevice';
import { loggingRules } from './rules/logging';
import { consistencyRules } from './rules/consistency';
import { hover } from './features/hover';
import { completion } from './features/completion';
import { symbols, folding } from './features/outline';
import { format } from './features/format';

export interface CorosyncContext {
  /** host names found in other workspace files (pcs host auth, /etc/hosts heredocs), for the mismatch hint; undefined = unknown */
  workspaceHosts?: Map<string, { uri: string; range: Range }[]>;
}

export function corosyncDiagnostics(file: CsFile, ctx?: CorosyncContext): Diagnostic[] {
  const out = syntaxRules(file);
  const view = buildView(file);
  // With a brace out of place the section structure is not what the author meant, so checks that
  // depend on it (where sections and keys sit, the nodelist) would only add noise; values are
  // still checked.
  if (file.syntaxErrors.some((e) => e.kind !== 'bad-line')) return [...out, ...valueRules(view)];
  out.push(
    ...keyRules(view),
    ...valueRules(view),
    ...totemRules(view),
    ...nodelistRules(view),
    ...qdeviceRules(view),
    ...loggingRules(view),
    ...consistencyRules(view, ctx?.workspaceHosts),
  );
  return out;
}

export function corosyncHover(file: CsFile, pos: Position): Hover | null {
  return hover(file, pos);
}

export function corosyncCompletion(file: CsFile, text: string, pos: Position): CompletionItem[] {
  return completion(file, text, pos);
}

export function corosyncSymbols(file: CsFile): DocumentSymbol[] {
  return symbols(file);
}

export function corosyncFolding(file: CsFile): FoldingRange[] {
  return folding(file);
}

export function formatCorosync(text: string, file: CsFile, opts: { tabSize: number; insertSpaces: boolean }): TextEdit[] {
  return format(text, file, opts);
}

export { corosyncSchema } from './schema';
