// Units moved by whole lines: an inserted or deleted line moves every unit below it. Their runs are
// kept and their products' positions moved in place (see ARCHITECTURE.md, "Data flow of an edit").
import type { ExtractUnit } from '../shell/extract';
import type { DocFold, Run, Unit } from './docFold';

/** Old runs whose unit reappears with the same content at the end of the document, moved by the same
 * number of lines (text inserted or deleted above them), keyed by the new unit's index. */
export interface Moved {
  runs: Map<number, Run>;
  shift: LineShift;
}

export function movedRuns(doc: DocFold, units: Unit[]): Moved | undefined {
  let lines = 0;
  let chars = 0;
  let from: ExtractUnit | undefined;
  const runs = new Map<number, Run>();
  for (let i = units.length - 1, j = doc.runs.length - 1; i >= 0 && j >= 0; i--, j--) {
    const now = units[i].source;
    const was = doc.runs[j].source;
    if (!now || !was || now.content !== was.content) break;
    if (!from) {
      lines = now.line - was.line;
      chars = now.offset - was.offset;
      if (lines === 0) return undefined;
    } else if (now.line - was.line !== lines || now.offset - was.offset !== chars) break;
    from = was;
    if (units[i].key !== was) runs.set(i, doc.runs[j]);
  }
  if (!from || !runs.size) return undefined;
  const shift = new LineShift(doc.uri, from.line, lines, from.offset, chars);
  return { runs, shift };
}

/** Moves this document's positions at or below line `from` by `lines` (and text offsets by `chars`)
 * in the products of the moved runs, in place: each object is visited once, so a position shared by
 * several products (a resource's declaration in its entry, its occurrence and a diagnostic) moves
 * once. Positions above `from` and inside a reference to another document stay. Entries keep their
 * identity, so the runs that read them stay valid; the fold reports their keys as changed (other
 * documents and the workspace rules may have copied the old positions). Nothing is allocated per
 * position: an inserted line costs a walk of what moved, not a copy of it. */
class LineShift {
  private readonly seen = new Set<object>();
  constructor(
    readonly uri: string,
    readonly from: number,
    readonly lines: number,
    readonly fromOffset: number,
    readonly chars: number,
  ) {}

  /** The old run, moved with its unit: the same run object, its products shifted. */
  run(old: Run, source: ExtractUnit | undefined): Run {
    this.move(old.diagnostics);
    this.move(old.occurrences);
    this.move(old.nodeChecks);
    for (const e of old.effects.writes.values()) this.move(e.value);
    old.source = source;
    old.key = source;
    return old;
  }

  /** Only positions are changed, so only they are remembered (a set of every container visited cost
   * as much as the rest of the walk); containers shared by several products are walked again, and the
   * depth bound keeps a cycle, should a value ever hold one, from recursing without end. */
  private move(v: unknown, depth = 0): void {
    if (typeof v !== 'object' || v === null || depth > 12) return;
    if (Array.isArray(v)) {
      for (const x of v) if (typeof x === 'object' && x !== null) this.move(x, depth + 1);
      return;
    }
    if (v instanceof Map) {
      for (const x of v.values()) if (typeof x === 'object' && x !== null) this.move(x, depth + 1);
      return;
    }
    if (v instanceof Set) return;
    const o = v as Record<string, unknown>;
    if (typeof o.uri === 'string' && o.uri !== this.uri) return;
    if (typeof o.line === 'number' && typeof o.character === 'number') {
      if (o.line >= this.from && !this.seen.has(o)) {
        this.seen.add(o);
        o.line += this.lines;
      }
      return;
    }
    for (const k in o) {
      const x = o[k];
      if (k === 'textOffset' && typeof x === 'number') {
        // a word's offset: words are not shared between products, and the object is seen once per product
        if (x >= this.fromOffset && !this.seen.has(o)) {
          this.seen.add(o);
          o[k] = x + this.chars;
        }
      } else if (typeof x === 'object' && x !== null) this.move(x, depth + 1);
    }
  }
}
