// The typed view of a corosync.conf that rules and features work on. It is built from the
// tree-sitter-corosync syntax tree by parse.ts; rules never walk the raw tree themselves.
import type { Range } from '../service/types';

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
  kind: 'missing-brace' | 'unexpected-brace' | 'bad-line';
  /** For a missing brace: the section left open. */
  section?: CsSection;
}

export interface CsFile {
  children: CsNode[];
  syntaxErrors: CsSyntaxError[];
  /** Comment lines, for the formatter (kept in place, re-indented). */
  comments: Range[];
  lineCount: number;
}
