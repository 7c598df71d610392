// The typed view of a corosync.conf that rules and features work on. It is built from the
// tree-sitter-corosync syntax tree by parse.ts; rules never walk the raw tree themselves.
import type { Range } from '../base/types';

export interface CsKeyValue {
  type: 'key';
  key: string;
  keyRange: Range;
  /** Value with surrounding blanks trimmed, as corosync stores it. */
  value: string;
  valueRange: Range;
  range: Range;
  parent: CsSection | null;
}

export interface CsSection {
  type: 'section';
  name: string;
  nameRange: Range;
  /** From the section name to the closing brace (or the end of what was parsed when it is missing). */
  range: Range;
  openBraceRange: Range;
  /** null when the closing brace is missing. */
  closeBraceRange: Range | null;
  children: CsNode[];
  parent: CsSection | null;
}

export type CsNode = CsSection | CsKeyValue;

export interface CsSyntaxError {
  range: Range;
  /** corosync's own wording where it has one ("Missing closing brace", "Unexpected closing brace",
   * "Line is not opening or closing section or key value"). */
  message: string;
  /** 'parse-budget': the parser went over its time budget; the file is not analysed (not corosync's verdict). */
  kind: 'missing-brace' | 'unexpected-brace' | 'bad-line' | 'parse-budget';
  /** For a missing brace: the section left open. */
  section?: CsSection;
  /** Which of corosync's line-level rejections a 'bad-line' is (absent for the other kinds). */
  reason?: CsBadLineReason;
  /** One sentence on how to fix it, in our words (the message keeps corosync's wording). */
  advice?: string;
  /** For a missing brace: the 0-based line corosync names (the file's last line). */
  corosyncLine?: number;
}

/**
 * corosync 3.x rejects a line for one of these reasons (exec/coroparse.c and icmap):
 * - not-a-line: "Line is not opening or closing section or key value"
 * - missing-section-name: "Missing section name before opening bracket '{'"
 * - extra-after-open-brace: "Extra characters after opening bracket '{'"
 * - extra-around-close-brace: "Extra characters before or after closing bracket '}'"
 * - line-too-long: "Line too long" (more than 510 bytes before the newline)
 * - invalid-key-name: "Can't store key ... into icmap" (a character outside [A-Za-z0-9._/:-] in the
 *   section path or key, or a path shorter than 3 characters)
 * - section-path-too-long: "Start of section makes total cmap path too long" (the dotted path of the
 *   open sections reaches 255 bytes; corosync stops reading there)
 */
export type CsBadLineReason =
  | 'not-a-line'
  | 'missing-section-name'
  | 'extra-after-open-brace'
  | 'extra-around-close-brace'
  | 'line-too-long'
  | 'invalid-key-name'
  | 'section-path-too-long';

export interface CsFile {
  children: CsNode[];
  syntaxErrors: CsSyntaxError[];
  /** Comment lines, for the formatter (kept in place, re-indented). */
  comments: Range[];
  lineCount: number;
}
