// Finds what is under the cursor (section name, key, value) and the section a position is inside.
import type { Position } from 'vscode-languageserver-types';
import type { CsFile, CsKeyValue, CsNode, CsSection } from '../ast';
import { sectionPath } from '../rules/model';
import { rangeContains as contains } from '../../base/position';

export type Hit =
  | { kind: 'section'; section: CsSection; path: string }
  | { kind: 'key'; key: CsKeyValue; path: string }
  | { kind: 'value'; key: CsKeyValue; path: string };

export function hitAt(file: CsFile, pos: Position): Hit | null {
  let nodes: CsNode[] = file.children;
  for (;;) {
    const candidates = nodes.filter((n) => n.range.start.line <= pos.line && pos.line <= n.range.end.line);
    let descended = false;
    for (const n of candidates) {
      if (n.type === 'key') {
        const path = n.parent ? sectionPath(n.parent) : '';
        if (contains(n.keyRange, pos)) return { kind: 'key', key: n, path };
        if (contains(n.valueRange, pos) || (n.range.start.line === pos.line && pos.character > n.keyRange.end.character)) {
          return { kind: 'value', key: n, path };
        }
        continue;
      }
      if (contains(n.nameRange, pos)) return { kind: 'section', section: n, path: sectionPath(n) };
      if (contains(n.range, pos)) {
        nodes = n.children;
        descended = true;
        break;
      }
    }
    if (!descended) return null;
  }
}

/** The innermost section whose body contains `pos` (after its `{`, before its `}`), or null at top level. */
export function enclosingSection(file: CsFile, pos: Position): CsSection | null {
  let found: CsSection | null = null;
  let nodes: CsNode[] = file.children;
  for (;;) {
    let inner: CsSection | null = null;
    for (const n of nodes) {
      if (n.type !== 'section') continue;
      const open = n.openBraceRange.end;
      const afterOpen = pos.line > open.line || (pos.line === open.line && pos.character >= open.character);
      const close = n.closeBraceRange?.start;
      const beforeClose = !close || pos.line < close.line || (pos.line === close.line && pos.character <= close.character);
      if (afterOpen && beforeClose) inner = n;
    }
    if (!inner) return found;
    found = inner;
    nodes = inner.children;
  }
}
