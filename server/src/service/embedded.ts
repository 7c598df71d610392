// corosync.conf files that a script writes with a heredoc (`cat > /etc/corosync/corosync.conf <<EOF`).
// They are parsed and checked like a real corosync.conf; positions are mapped back into the script.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Hover, Position, Range } from 'vscode-languageserver-types';
import { parseCorosync } from '../corosync/parse';
import { corosyncHover } from '../corosync/index';
import { quorumHover } from '../quorum/features';
import type { CorosyncDocument } from '../scripts/index';
import type { ScriptExtract, WrittenFile } from '../base/types';
import { isCorosyncConfPath } from '../base/paths';

export interface EmbeddedCorosync {
  document: CorosyncDocument;
  contains(pos: Position): boolean;
  mapDiagnostic(d: Diagnostic): Diagnostic;
  hover(pos: Position): Hover | null;
}

export function embeddedCorosyncFiles(doc: TextDocument, extract: ScriptExtract): EmbeddedCorosync[] {
  return extract.files.filter((f) => isCorosyncConfPath(f.path)).map((f) => embed(doc, f));
}

function embed(doc: TextDocument, written: WrittenFile): EmbeddedCorosync {
  const { tree, file } = parseCorosync(written.content);
  tree?.delete();
  const lineCount = written.lineOffsets.length;
  const toDoc = (p: Position): Position => {
    const line = Math.min(p.line, lineCount - 1);
    if (line < 0) return written.contentRange.start;
    return doc.positionAt(written.lineOffsets[line] + p.character);
  };
  const toInner = (p: Position): Position | undefined => {
    const offset = doc.offsetAt(p);
    for (let i = lineCount - 1; i >= 0; i--) {
      if (offset >= written.lineOffsets[i]) return { line: i, character: offset - written.lineOffsets[i] };
    }
    return undefined;
  };
  const mapRange = (r: Range): Range => ({ start: toDoc(r.start), end: toDoc(r.end) });
  const { start, end } = written.contentRange;
  const contains = (p: Position) =>
    (p.line > start.line || (p.line === start.line && p.character >= start.character)) &&
    (p.line < end.line || (p.line === end.line && p.character <= end.character));
  return {
    document: { uri: `${doc.uri}#${written.path}@${start.line + 1}`, file },
    contains,
    mapDiagnostic: (d) => ({ ...d, range: mapRange(d.range), data: undefined }),
    hover(pos) {
      const inner = toInner(pos);
      if (!inner) return null;
      const h = quorumHover(file, inner) ?? corosyncHover(file, inner);
      return h && h.range ? { ...h, range: mapRange(h.range) } : h;
    },
  };
}
