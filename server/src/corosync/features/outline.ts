// Document symbols (sections, nodes by name, keys) and folding ranges (sections, comment blocks).
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-types';
import type { CsFile, CsNode, CsSection } from '../ast';

const SYMBOL_NAMESPACE = 3;
const SYMBOL_PROPERTY = 7;
const SYMBOL_OBJECT = 19;

export function symbols(file: CsFile): DocumentSymbol[] {
  return file.children.map(toSymbol);
}

function toSymbol(n: CsNode): DocumentSymbol {
  if (n.type === 'key') {
    return { name: n.key, detail: n.value, kind: SYMBOL_PROPERTY, range: n.range, selectionRange: n.keyRange };
  }
  return {
    name: n.name === 'node' ? nodeLabel(n) : n.name,
    detail: n.name === 'node' ? nodeDetail(n) : undefined,
    kind: n.name === 'node' ? SYMBOL_OBJECT : SYMBOL_NAMESPACE,
    range: n.range,
    selectionRange: n.nameRange,
    children: n.children.map(toSymbol),
  };
}

function value(section: CsSection, key: string): string | undefined {
  for (let i = section.children.length - 1; i >= 0; i--) {
    const c = section.children[i];
    if (c.type === 'key' && c.key === key) return c.value;
  }
  return undefined;
}

function nodeLabel(s: CsSection): string {
  const name = value(s, 'name') ?? value(s, 'ring0_addr');
  return name ? `node ${name}` : 'node';
}

function nodeDetail(s: CsSection): string | undefined {
  const parts = [value(s, 'nodeid') && `id ${value(s, 'nodeid')}`, value(s, 'name') && value(s, 'ring0_addr')].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

export function folding(file: CsFile): FoldingRange[] {
  const out: FoldingRange[] = [];
  const walk = (nodes: CsNode[]) => {
    for (const n of nodes) {
      if (n.type !== 'section') continue;
      const start = n.nameRange.start.line;
      const end = n.closeBraceRange ? n.closeBraceRange.start.line - 1 : n.range.end.line;
      if (end > start) out.push({ startLine: start, endLine: end });
      walk(n.children);
    }
  };
  walk(file.children);
  // Runs of consecutive comment lines fold as one.
  const lines = [...new Set(file.comments.map((c) => c.start.line))].sort((a, b) => a - b);
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++;
    if (j > i) out.push({ startLine: lines[i], endLine: lines[j], kind: 'comment' });
    i = j + 1;
  }
  return out;
}
