// Rule control, as ESLint and ShellCheck users expect it: suppression comments in the file and a
// per-code severity setting, applied to the finished diagnostics of one document. The server and
// `pcmk-lsp check` both go through `LanguageService.diagnostics`, so both honour the same comments
// and settings. Pure: the caller passes the text and the settings.
//
//   # pcmk-lsp disable-next-line=pcs/stonith-disabled,shell/destructive-command
//   pcs property set stonith-enabled=false
//   mkfs.xfs /dev/sdb1   # pcmk-lsp disable-line=shell/destructive-command
//   # pcmk-lsp disable=shell/password-on-command-line        (the whole file)
//   <!-- pcmk-lsp disable-next-line=pcs/unknown-node -->     (Markdown prose)
//
// Without `=CODES` a directive covers every code. A directive that suppresses nothing is reported
// as a hint (`suppression/unused`), so stale comments do not pile up.
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { DocumentKind, SeverityName } from '../base/types';
import { DIAGNOSTIC_SOURCE, SEVERITY } from '../base/diagnostic';
import * as l10n from '@vscode/l10n';

export type RuleLevel = 'off' | SeverityName;
/** Code → level, from the `pacemakerLab.rules` setting or `pcmk-lsp check --rule CODE=LEVEL`. */
export type RuleLevels = Readonly<Record<string, RuleLevel>>;

export const UNUSED_SUPPRESSION = 'suppression/unused';
const RULE_LEVELS: readonly RuleLevel[] = ['off', 'error', 'warning', 'information', 'hint'];

type DirectiveKind = 'disable' | 'disable-line' | 'disable-next-line';

interface Directive {
  kind: DirectiveKind;
  /** Codes named by the directive; empty means every code. */
  codes: string[];
  /** The comment itself, where an unused directive is reported. */
  range: Range;
  /** The line it applies to (`disable` applies to every line). */
  line: number;
}

// `#` must start a comment (line start or after blank); `<!--` for Markdown prose.
const DIRECTIVE =
  /(^|\s)(#|<!--)\s*pcmk-lsp\s+(disable-next-line|disable-line|disable)\b(?:\s*[=:]?\s*([A-Za-z0-9_./,\s-]*?))?\s*(?:-->)?\s*$/;

function isLevel(value: unknown): value is RuleLevel {
  return typeof value === 'string' && (RULE_LEVELS as readonly string[]).includes(value);
}

/**
 * Validates a levels object from a setting or the command line; returns the usable entries and
 * one message per entry that was ignored (shown to the person, never a crash).
 */
export function parseRuleLevels(input: unknown): { levels: Record<string, RuleLevel>; problems: string[] } {
  const levels: Record<string, RuleLevel> = {};
  const problems: string[] = [];
  if (input === undefined || input === null) return { levels, problems };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { levels, problems: ['pacemakerLab.rules must be an object of code → level'] };
  }
  for (const [code, level] of Object.entries(input as Record<string, unknown>)) {
    if (isLevel(level)) levels[code] = level;
    else problems.push(`rule ${code}: level must be one of ${RULE_LEVELS.join(', ')} (got ${JSON.stringify(level)})`);
  }
  return { levels, problems };
}

/** The suppression directives a document holds. Scans only lines that mention `pcmk-lsp`. */
export function findDirectives(text: string, kind?: DocumentKind): Directive[] {
  const out: Directive[] = [];
  if (!text.includes('pcmk-lsp')) return out;
  const lines = text.split(LINE_BREAK);
  for (let line = 0; line < lines.length; line++) {
    const content = lines[line]!;
    if (!content.includes('pcmk-lsp')) continue;
    const match = DIRECTIVE.exec(content);
    if (!match) continue;
    const start = match.index + match[1]!.length;
    // corosync.conf has whole-line comments only: text after a value belongs to the value.
    if (kind === 'corosync' && content.slice(0, start).trim()) continue;
    const directiveKind = match[3] as DirectiveKind;
    const codes = (match[4] ?? '').split(/[\s,]+/).filter(Boolean);
    const range = { start: { line, character: start }, end: { line, character: content.length } };
    const target = directiveKind === 'disable-next-line' ? nextCodeLine(lines, line) : line;
    out.push({ kind: directiveKind, codes, range, line: target });
  }
  return out;
}

/** The next line that holds something other than blanks, comments or a Markdown fence marker. */
function nextCodeLine(lines: string[], from: number): number {
  for (let line = from + 1; line < lines.length; line++) {
    const trimmed = lines[line]!.trim();
    if (!trimmed || trimmed.startsWith('```') || trimmed.startsWith('~~~') || DIRECTIVE.test(lines[line]!)) continue;
    return line;
  }
  return from + 1;
}

function covers(directive: Directive, diagnostic: Diagnostic): boolean {
  if (directive.codes.length && !directive.codes.includes(String(diagnostic.code ?? ''))) return false;
  return directive.kind === 'disable' || diagnostic.range.start.line === directive.line;
}

/**
 * Applies suppression comments and severity levels to a document's diagnostics, adds the unused
 * suppression hints, and links each diagnostic to its rule page when `docUrl` is given.
 */
export function applyRuleControl(
  diagnostics: readonly Diagnostic[],
  text: string,
  kind: DocumentKind,
  levels: RuleLevels,
  docUrl?: (code: string) => string | undefined,
): Diagnostic[] {
  const directives = findDirectives(text, kind);
  const used = new Map<Directive, Set<string>>();
  const out: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const code = String(diagnostic.code ?? '');
    const suppressors = directives.filter((d) => covers(d, diagnostic));
    if (suppressors.length) {
      for (const d of suppressors) {
        if (!used.has(d)) used.set(d, new Set());
        used.get(d)!.add(code);
      }
      continue;
    }
    const level = levels[code];
    if (level === 'off') continue;
    const href = docUrl?.(code);
    if (!level && !href) {
      out.push(diagnostic);
      continue;
    }
    out.push({
      ...diagnostic,
      ...(level ? { severity: SEVERITY[level] } : {}),
      ...(href ? { codeDescription: { href } } : {}),
    });
  }
  for (const directive of directives) {
    const hit = used.get(directive);
    const unusedCodes = directive.codes.length ? directive.codes.filter((c) => !hit?.has(c)) : hit ? [] : ['*'];
    if (!unusedCodes.length || levels[UNUSED_SUPPRESSION] === 'off') continue;
    const what = unusedCodes[0] === '*' ? l10n.t('any diagnostic') : unusedCodes.join(', ');
    const where =
      directive.kind === 'disable'
        ? l10n.t('in this file')
        : directive.kind === 'disable-line'
          ? l10n.t('on this line')
          : l10n.t('on the next line');
    out.push({
      range: directive.range,
      severity: SEVERITY[levels[UNUSED_SUPPRESSION] ?? 'hint'],
      source: DIAGNOSTIC_SOURCE,
      code: UNUSED_SUPPRESSION,
      message: l10n.t(
        'This pcmk-lsp {0} comment suppresses nothing: no {1} {2}. Remove it, or fix the code name.',
        directive.kind,
        what,
        where,
      ),
      tags: [1 /* Unnecessary */],
      data: {
        fixes: [
          {
            title: 'Remove the unused suppression comment',
            safe: true,
            edits: [{ range: wholeLineOrComment(text, directive.range), newText: '' }],
          },
        ],
      },
    });
  }
  return out;
}

/** The comment's own line when it stands alone (line break included), else just the comment. */
function wholeLineOrComment(text: string, range: Range): Range {
  const lineText = lineAt(text, range.start.line);
  if (lineText.slice(0, range.start.character).trim() === '') {
    return { start: { line: range.start.line, character: 0 }, end: { line: range.start.line + 1, character: 0 } };
  }
  // Trailing comment: drop the blanks before it too.
  const before = lineText.slice(0, range.start.character);
  const trimmed = before.replace(/\s+$/, '');
  return { start: { line: range.start.line, character: trimmed.length }, end: range.end };
}

function lineAt(text: string, line: number): string {
  return text.split(LINE_BREAK, line + 1)[line] ?? '';
}

/** Line breaks as LSP counts them (a lone CR is one too), so line numbers here are LSP lines. */
const LINE_BREAK = /\r\n|\r|\n/;

/** Whether `line` of a Markdown document lies inside a fenced code block. */
function insideFence(text: string, line: number): boolean {
  let inside = false;
  const lines = text.split(LINE_BREAK, line + 1);
  for (let i = 0; i < line && i < lines.length; i++) {
    if (/^\s*(```|~~~)/.test(lines[i]!)) inside = !inside;
  }
  return inside;
}

/** "Disable CODE for this line" actions for the diagnostics under the cursor. */
export function suppressionActions(uri: string, text: string, kind: DocumentKind, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    const code = String(diagnostic.code ?? '');
    const line = diagnostic.range.start.line;
    if (!code || code === UNUSED_SUPPRESSION || seen.has(`${code}@${line}`)) continue;
    seen.add(`${code}@${line}`);
    const lineText = lineAt(text, line);
    const indent = /^\s*/.exec(lineText)![0];
    const comment =
      kind === 'markdown' && !insideFence(text, line)
        ? `<!-- pcmk-lsp disable-next-line=${code} -->`
        : `# pcmk-lsp disable-next-line=${code}`;
    actions.push({
      title: l10n.t('Disable {0} for this line', code),
      kind: 'quickfix',
      diagnostics: [diagnostic],
      edit: {
        changes: { [uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${comment}\n` }] },
      },
    });
  }
  return actions;
}
