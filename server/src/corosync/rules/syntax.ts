// Syntax errors from the parser, worded as corosync words them, plus the position where corosync
// would report them. A missing brace is reported by corosync at the last line of the file; we point
// at the section left open, which is where the fix goes.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CsFile, CsNode, CsSection, CsSyntaxError } from '../ast';
import { ERROR, WARNING, diagnostic } from './model';
import { PARSE_BUDGET_BASE_MS, PARSE_BUDGET_MS_PER_CHAR } from '../../parsing/treeSitter';
import * as l10n from '@vscode/l10n';

export function syntaxRules(file: CsFile): Diagnostic[] {
  return file.syntaxErrors.map((e) => syntaxDiagnostic(file, e));
}

function syntaxDiagnostic(file: CsFile, e: CsSyntaxError): Diagnostic {
  switch (e.kind) {
    case 'missing-brace': {
      const section = e.section;
      const name = section ? `\`${section.name}\`` : undefined;
      const insertAt = section ? closingBracePosition(file, section) : { line: file.lineCount, character: 0 };
      const indent = section ? ' '.repeat(section.nameRange.start.character) : '';
      return diagnostic(
        section ? section.nameRange : e.range,
        ERROR,
        'corosync/syntax',
        (name
          ? l10n.t('Missing closing brace: section {0} opened here is never closed.', name)
          : l10n.t('Missing closing brace: a section opened here is never closed.')) +
          ' ' +
          (e.corosyncLine !== undefined
            ? l10n.t(
                'corosync refuses the file ("{0}", reported at line {1}, the last line). Add `}` where the section ends.',
                'Missing closing brace',
                e.corosyncLine + 1,
              )
            : l10n.t(
                'corosync refuses the file ("{0}", reported at the last line). Add `}` where the section ends.',
                'Missing closing brace',
              )),
        [
          {
            title: name ? l10n.t('Close section {0}', name) : l10n.t('Close the section'),
            edits: [
              {
                range: { start: insertAt, end: insertAt },
                newText: insertAt.character === 0 && insertAt.line < file.lineCount ? `${indent}}\n` : `\n${indent}}\n`,
              },
            ],
          },
        ],
      );
    }
    case 'unexpected-brace':
      return diagnostic(
        e.range,
        ERROR,
        'corosync/syntax',
        l10n.t(
          'Unexpected closing brace: no section is open here, so corosync refuses the file. Remove it, or add the missing `name {` above.',
        ),
      );
    case 'parse-budget':
      return diagnostic(
        e.range,
        WARNING,
        'corosync/parse-budget',
        l10n.t(
          'The corosync.conf parser (tree-sitter-corosync) went over its time budget ({0} ms + {1} ms per character) on this file: it is not analysed (nothing in it is checked). corosync itself may read it.',
          PARSE_BUDGET_BASE_MS,
          PARSE_BUDGET_MS_PER_CHAR,
        ),
      );
    default:
      // Key names corosync cannot store get their own code: the line is well formed, the name is not.
      return diagnostic(
        e.range,
        ERROR,
        e.reason === 'invalid-key-name' ? 'corosync/invalid-key-name' : 'corosync/syntax',
        l10n.t('{0}: corosync refuses the file.', e.message || 'Line is not opening or closing section or key value') +
          ' ' +
          (e.advice ?? l10n.t('Write `key: value`, `name {` or `}` on this line, or start it with `#` to make it a comment.')),
      );
  }
}

/**
 * Where the missing `}` most likely belongs: before the first thing inside the open section that is
 * indented no deeper than the section itself (a `nodelist {` swallowed by an unclosed `totem {`),
 * else at the end of the file.
 */
function closingBracePosition(file: CsFile, section: CsSection) {
  const column = section.nameRange.start.character;
  const openLine = section.nameRange.start.line;
  const visit = (nodes: CsNode[]): CsNode | undefined => {
    for (const n of nodes) {
      const start = n.type === 'key' ? n.keyRange.start : n.nameRange.start;
      if (start.line > openLine && start.character <= column) return n;
      if (n.type === 'section') {
        const inner = visit(n.children);
        if (inner) return inner;
      }
    }
    return undefined;
  };
  const found = visit(section.children);
  if (found) {
    const start = found.type === 'key' ? found.keyRange.start : found.nameRange.start;
    return { line: start.line, character: 0 };
  }
  return { line: file.lineCount, character: 0 };
}
