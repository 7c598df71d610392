// One finding of `pcmk-lsp check`: the JSON contract's object (0-based LSP positions), which the text,
// gcc and SARIF formats print in their own way. Its own module, so check.ts and sarif.ts need not import
// each other.
import type { Range } from 'vscode-languageserver-types';
import type { SeverityName } from '../base/types';

export interface CheckFinding {
  file: string;
  range: Range;
  severity: SeverityName;
  code: string;
  message: string;
}
