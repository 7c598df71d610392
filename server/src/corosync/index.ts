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
import { legacyRules } from './rules/legacy';
import { INLINE_COMMENT_CODE, inlineCommentRules } from './rules/comments';
import type { FixData } from '../base/types';
import { hover } from './features/hover';
import { completion } from './features/completion';
import { symbols, folding } from './features/outline';
import { format } from './features/format';

export interface CorosyncContext {
  /** host names found in other workspace files (pcs host auth, /etc/hosts heredocs), for the mismatch hint; undefined = unknown */
  workspaceHosts?: Map<string, { uri: string; range: Range }[]>;
}

export function corosyncDiagnostics(file: CsFile, ctx?: CorosyncContext): Diagnostic[] {
  const syntax = syntaxRules(file);
  const view = buildView(file);
  // With a brace out of place the section structure is not what the author meant, so checks that
  // depend on it (where sections and keys sit, the nodelist) would only add noise; values are
  // still checked.
  if (file.syntaxErrors.some((e) => e.kind !== 'bad-line'))
    return [...syntax, ...oneMessagePerLine(file, [...valueRules(view), ...inlineCommentRules(view)])];
  const rest = [
    ...keyRules(view),
    ...valueRules(view),
    ...inlineCommentRules(view),
    ...totemRules(view),
    ...nodelistRules(view),
    ...qdeviceRules(view),
    ...loggingRules(view),
    ...legacyRules(view),
    ...consistencyRules(view, ctx?.workspaceHosts),
  ];
  return [...syntax, ...oneMessagePerLine(file, rest)];
}

/**
 * A line corosync cannot read gets its syntax error only; an inline comment's explanation joins
 * the diagnostic already on its line (the refused value) instead of adding a second one.
 */
function oneMessagePerLine(file: CsFile, diagnostics: Diagnostic[]): Diagnostic[] {
  const badLines = new Set(file.syntaxErrors.filter((e) => e.kind === 'bad-line').map((e) => e.range.start.line));
  const kept = diagnostics.filter((d) => !badLines.has(d.range.start.line));
  const comments = kept.filter((d) => d.code === INLINE_COMMENT_CODE && d.severity !== 1);
  const drop = new Set<Diagnostic>();
  for (const c of comments) {
    const host = kept
      .filter((d) => d !== c && d.code !== INLINE_COMMENT_CODE && d.range.start.line === c.range.start.line)
      .sort((a, b) => (a.severity ?? 1) - (b.severity ?? 1))[0];
    if (!host) continue;
    const explanation = c.message.slice(c.message.indexOf('corosync has no end-of-line comments'));
    host.message = `${host.message} (${explanation})`;
    const fixes = (c.data as FixData | undefined)?.fixes ?? [];
    const own = (host.data as FixData | undefined)?.fixes ?? [];
    host.data = { fixes: [...fixes, ...own] } satisfies FixData;
    drop.add(c);
  }
  return kept.filter((d) => !drop.has(d));
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
