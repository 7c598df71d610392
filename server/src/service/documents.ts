// One entry per document the service knows: editor buffers and files read from disk. Each entry keeps
// its text, the tree-sitter tree of its last parse and the tree edits made since, so the next parse is
// incremental (tree.edit + parse(text, oldTree)) and analysis results are cached per version.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Tree, Edit } from '../parsing/treeSitter';
import type { DocumentKind, Range } from '../base/types';

export interface TextChange {
  /** Absent for a full-text replacement. */
  range?: Range;
  text: string;
}

export class DocumentEntry {
  readonly uri: string;
  readonly kind: DocumentKind;
  text: TextDocument;
  /** True while an editor owns the text (disk changes are then ignored). */
  open: boolean;
  /** Tree of the last parse, already `edit()`-ed with every change since. */
  tree: Tree | undefined;
  /** Cached analysis products, dropped on every change. Keyed by producer name. */
  readonly cache = new Map<string, unknown>();

  constructor(uri: string, kind: DocumentKind, text: string, version: number, open: boolean) {
    this.uri = uri;
    this.kind = kind;
    this.text = TextDocument.create(uri, kind, version, text);
    this.open = open;
  }

  get version(): number {
    return this.text.version;
  }

  getText(): string {
    return this.text.getText();
  }

  /** Apply editor changes in order, keeping the old tree in step so the re-parse is incremental. */
  applyChanges(changes: TextChange[], version: number): void {
    for (const change of changes) {
      if (!change.range) {
        this.tree = undefined;
        this.text = TextDocument.update(this.text, [{ text: change.text }], version);
        continue;
      }
      // A range beyond the end, negative or reversed means what TextDocument makes of it (clamped,
      // ordered); the tree must be edited with that same range or it drifts from the text.
      const range = clampRange(this.text, change.range);
      if (this.tree) this.tree.edit(treeEditFor(this.text, range, change.text));
      const joinsCrLf = formsCrLf(this.text, range, change.text);
      this.text = TextDocument.update(this.text, [{ range, text: change.text }], version);
      // TextDocument's incremental line index counts a CR and a LF that an edit brings together as two
      // line breaks (every later position would be off by a line): index such a text afresh.
      if (joinsCrLf) this.text = TextDocument.create(this.uri, this.kind, version, this.text.getText());
    }
    this.cache.clear();
  }

  /** Memoise `compute` for this version of the document. */
  cached<T>(key: string, compute: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = compute();
    this.cache.set(key, value);
    return value;
  }
}

/** True when replacing `range` by `text` puts a CR right before a LF that were not a pair before. */
function formsCrLf(doc: TextDocument, range: Range, text: string): boolean {
  const all = doc.getText();
  const before = all[doc.offsetAt(range.start) - 1];
  const after = all[doc.offsetAt(range.end)];
  return (before === '\r' && (text.startsWith('\n') || (text === '' && after === '\n'))) || (text.endsWith('\r') && after === '\n');
}

/** `range` inside the document and in order: both ends clamped to the text, start before end. */
function clampRange(doc: TextDocument, range: Range): Range {
  const a = doc.offsetAt(range.start);
  const b = doc.offsetAt(range.end);
  return { start: doc.positionAt(Math.min(a, b)), end: doc.positionAt(Math.max(a, b)) };
}

/**
 * The tree-sitter edit for replacing `range` with `newText`. web-tree-sitter 0.25 counts indices and
 * columns in UTF-16 code units, the same unit as LSP positions, so no byte conversion is needed.
 */
function treeEditFor(doc: TextDocument, range: Range, newText: string): Edit {
  const startIndex = doc.offsetAt(range.start);
  const oldEndIndex = doc.offsetAt(range.end);
  const lines = newText.split('\n');
  const newEndRow = range.start.line + lines.length - 1;
  const newEndColumn = lines.length === 1 ? range.start.character + newText.length : lines[lines.length - 1].length;
  return {
    startIndex,
    oldEndIndex,
    newEndIndex: startIndex + newText.length,
    startPosition: { row: range.start.line, column: range.start.character },
    oldEndPosition: { row: range.end.line, column: range.end.character },
    newEndPosition: { row: newEndRow, column: newEndColumn },
  };
}
