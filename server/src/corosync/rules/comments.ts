// Inline comments: corosync has no end-of-line comments. A `#` only starts a comment at the
// beginning of a line; after a value it is part of the value ("token: 3000 # ms" sets token to
// "3000 # ms"). Measured with corosync 3.1.7: integers, enums, addresses, `link_mode`, logging
// switches and `subsys` are then refused; names, paths and other strings are taken with the comment.
//
// This module reports the refusals no other rule sees (addresses, `subsys`, `uid`) and a warning
// for the others; refusals of typed values come from the value rules, and index.ts merges the
// explanation below into whatever else was reported on that line, so a line gets one diagnostic.
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { CsKeyValue } from '../ast';
import type { FixData } from '../../base/types';
import { ERROR, WARNING, diagnostic, type CsView } from './model';
import * as l10n from '@vscode/l10n';

export const INLINE_COMMENT_CODE = 'corosync/inline-comment';

/** Where the comment starts inside the value (the blank before `#`), or -1. */
export function inlineCommentStart(value: string): number {
  const m = /\s+#/.exec(value);
  return m ? m.index : -1;
}

/** Keys whose value is not a corosync setting of its own: a shell command, the secret key. */
function skipped(path: string, key: string): boolean {
  return (path === 'quorum.device.heuristics' && key.startsWith('exec_')) || (path === 'totem' && key === 'key');
}

export interface InlineComment {
  key: CsKeyValue;
  path: string;
  /** The value as the author meant it, and the comment. */
  meant: string;
  comment: string;
  /** The comment's range inside the value (blank included). */
  range: Range;
}

export function inlineComments(view: CsView): InlineComment[] {
  const out: InlineComment[] = [];
  for (const { section, path } of view.sections) {
    for (const c of section.children) {
      if (c.type !== 'key' || skipped(path, c.key)) continue;
      const at = inlineCommentStart(c.value);
      if (at < 0) continue;
      const v = c.valueRange.start;
      out.push({
        key: c,
        path,
        meant: c.value.slice(0, at),
        comment: c.value.slice(at).trim(),
        range: { start: { line: v.line, character: v.character + at }, end: c.valueRange.end },
      });
    }
  }
  return out;
}

/** Moves the comment to a line of its own above the key (same indentation). */
export function moveCommentFix(ic: InlineComment): FixData['fixes'][number] {
  const line = ic.key.range.start.line;
  const indent = ' '.repeat(ic.key.range.start.character);
  return {
    title: l10n.t('Move the comment to its own line'),
    edits: [
      { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${ic.comment}\n` },
      { range: ic.range, newText: '' },
    ],
  };
}

export function explanation(ic: InlineComment): string {
  return l10n.t(
    'corosync has no end-of-line comments: `{0}` is part of the value, which becomes "{1}". Put the comment on its own line.',
    ic.comment,
    ic.key.value,
  );
}

/** The refusals only an inline comment causes (the value rules see the typed keys). */
export function inlineCommentRules(view: CsView): Diagnostic[] {
  const out: Diagnostic[] = [];
  const hasNodelist = view.nodes.some((n) => n.links.size > 0);
  for (const ic of inlineComments(view)) {
    const { key, path } = ic;
    const value = key.value;
    const fix = [moveCommentFix(ic)];
    let refusal: string | undefined;
    if (path === 'nodelist.node' && /^ring[0-7]_addr$/.test(key.key)) {
      refusal = l10n.t(
        'the other nodes print ("{0}"), the node itself ("{1}")',
        `failed to parse node address '${value}'`,
        `failed to parse bindnet address '${value}'`,
      );
    } else if (path === 'totem.interface' && key.key === 'mcastaddr') {
      refusal = `("failed to parse mcast address '${value}'")`;
    } else if (path === 'totem.interface' && key.key === 'bindnetaddr' && !hasNodelist) {
      refusal = `("failed to parse bindnet address '${value}'")`;
    } else if (path === 'uidgid' && key.key === 'uid') {
      refusal = `("The '${value}' user is not found in /etc/passwd, please read the documentation.")`;
    }
    if (refusal) {
      out.push(
        diagnostic(
          key.valueRange,
          ERROR,
          INLINE_COMMENT_CODE,
          l10n.t('corosync refuses the file: {0}. {1}', refusal, explanation(ic)),
          fix,
        ),
      );
    } else if (path === 'logging.logger_subsys' && key.key === 'subsys') {
      // corosync stores the block's keys under logger_subsys.VALUE, so the comment lands in a key
      // name icmap refuses; it says so at the block's closing brace.
      const section = key.parent!;
      out.push(
        diagnostic(
          section.closeBraceRange ?? key.valueRange,
          ERROR,
          INLINE_COMMENT_CODE,
          l10n.t(
            'corosync refuses the file ("{0}"): the subsystem name on line {1} carries a comment. {2}',
            `Can't store key "logging.logger_subsys.${value}.…" into icmap`,
            key.range.start.line + 1,
            explanation(ic),
          ),
          fix,
        ),
      );
    } else {
      out.push(
        diagnostic(
          key.valueRange,
          WARNING,
          INLINE_COMMENT_CODE,
          l10n.t('`{0}` is set to "{1}", not "{2}": {3}', key.key, value, ic.meant, explanation(ic)),
          fix,
        ),
      );
    }
  }
  return out;
}
