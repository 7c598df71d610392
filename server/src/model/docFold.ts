// One document's fold: its units' runs in order, and the indexes the incremental fold looks things
// up in (key -> writer runs, position of each run, the exact first-write order of the keys).
import type { Diagnostic } from 'vscode-languageserver-types';
import type { NodeCheck } from '../pcs/apply';
import type { WrittenFile } from '../base/types';
import type { ExtractUnit } from '../shell/extract';
import type { FoldContext } from './context';
import type { Occurrence } from './types';
import type { Entry, UnitEffects } from './state';
import type { Rank } from './order';

/** What one unit produced the last time it ran. */
export interface Run {
  effects: UnitEffects;
  diagnostics: Diagnostic[];
  occurrences: Occurrence[];
  nodeChecks: NodeCheck[];
  /** The extraction unit it ran for (its content and place), when it is one. */
  source?: ExtractUnit;
  /** The unit's key (`Unit.key`) it ran for. */
  key?: object;
}

export interface Unit {
  /** Identity of the input: the same object means the same text at the same place. */
  key: object;
  source?: ExtractUnit;
  execute(ctx: FoldContext): void;
}

export class DocFold {
  input: object | undefined;
  runs: Run[] = [];
  byKey = new Map<object, Run>();
  /** Position of each run in `runs`. */
  pos = new Map<Run, number>();
  /** key → the runs that write it, in document order: "the value of k above unit i" is a look-up. */
  writers = new Map<string, Run[]>();
  /** Every key written here, in the order of its first writer (then that writer's own order): the
   * order in which the merged model lists them. Kept exact by `rebuildIndex` and `replaceAt`. */
  keyOrder: string[] = [];
  /** Keys this document looked for in other documents. */
  elsewhere = new Set<string>();
  dirty = true;
  preambleFiles: WrittenFile[] = [];
  preambleKey: object = {};
  /** Where the lab runs this document (model/order.ts); undefined: unknown. */
  rank: Rank;
  constructor(
    readonly uri: string,
    readonly kind: 'corosync' | 'script',
  ) {}

  /** The entry of `k` as the units above position `at` left it (all units when omitted). */
  entryAt(k: string, at = Infinity): Entry | undefined {
    const list = this.writers.get(k);
    if (!list) return undefined;
    if (at === Infinity) return list[list.length - 1].effects.writes.get(k);
    for (let i = list.length - 1; i >= 0; i--) if (this.pos.get(list[i])! < at) return list[i].effects.writes.get(k);
    return undefined;
  }

  /** The last live entry of `k`: what other documents see (a deletion here does not hide it there). */
  defined(k: string): Entry | undefined {
    const list = this.writers.get(k);
    if (!list) return undefined;
    for (let i = list.length - 1; i >= 0; i--) {
      const e = list[i].effects.writes.get(k)!;
      if (!e.deleted) return e;
    }
    return undefined;
  }

  rebuildIndex(): void {
    this.pos = new Map(this.runs.map((r, i) => [r, i]));
    this.writers = new Map();
    for (const run of this.runs) {
      for (const k of run.effects.writes.keys()) {
        const list = this.writers.get(k);
        if (list) list.push(run);
        else this.writers.set(k, [run]);
      }
    }
    // a Map iterates in insertion order: here, the order of each key's first writer
    this.keyOrder = [...this.writers.keys()];
  }

  /** Where `k` is first written: its first writer's position, then its place in that writer's writes. */
  private firstWrite(k: string): [number, number] {
    const first = this.writers.get(k)![0];
    let i = 0;
    for (const w of first.effects.writes.keys()) {
      if (w === k) break;
      i++;
    }
    return [this.pos.get(first)!, i];
  }

  /** The first index of `keyOrder` whose key is first written at or after (`at`, `index`). */
  private lowerBound(at: number, index: number): number {
    let lo = 0;
    let hi = this.keyOrder.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const [p, i] = this.firstWrite(this.keyOrder[mid]);
      if (p < at || (p === at && i < index)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Put `run` at position `at` in place of `old` (same place), keeping the writers index sorted and
   * `keyOrder` exact: the keys first written at `at` are one stretch of it, replaced by the new run's. */
  replaceAt(at: number, old: Run, run: Run): void {
    const from = this.lowerBound(at, 0);
    let to = from;
    while (to < this.keyOrder.length && this.pos.get(this.writers.get(this.keyOrder[to])![0]) === at) to++;
    // keys the new run writes that a later unit wrote first until now: they move up to this stretch
    const movers: string[] = [];
    for (const k of run.effects.writes.keys()) {
      const first = this.writers.get(k)?.[0];
      if (first && first !== old && this.pos.get(first)! > at) movers.push(k);
    }
    for (const k of old.effects.writes.keys()) {
      const list = this.writers.get(k)!;
      const i = list.indexOf(old);
      if (i >= 0) list.splice(i, 1);
      if (!list.length) this.writers.delete(k);
    }
    this.pos.delete(old);
    this.runs[at] = run;
    this.pos.set(run, at);
    for (const k of run.effects.writes.keys()) {
      let list = this.writers.get(k);
      if (!list) this.writers.set(k, (list = []));
      let i = list.length;
      while (i > 0 && this.pos.get(list[i - 1])! > at) i--;
      list.splice(i, 0, run);
    }
    const before = this.keyOrder.slice(from, to);
    const stretch = [...run.effects.writes.keys()].filter((k) => this.writers.get(k)![0] === run);
    // (movers sit after the stretch: removing them leaves `from` and `to` valid)
    for (const k of movers) {
      const i = this.keyOrder.indexOf(k, to);
      if (i >= 0) this.keyOrder.splice(i, 1);
    }
    this.keyOrder.splice(from, to - from, ...stretch);
    // keys this unit wrote first that a later unit still writes: now first written there
    const inStretch = new Set(stretch);
    for (const k of before) {
      if (inStretch.has(k) || !this.writers.has(k)) continue;
      const [p, i] = this.firstWrite(k);
      this.keyOrder.splice(this.lowerBound(p, i), 0, k);
    }
  }
}
