// The state one fold step sees, recorded so the fold can be incremental.
//
// A document is folded unit by unit (a unit is a segment of the shell extraction: a few lines that
// end where the shell is between commands). While a unit runs, every model look-up goes through a
// UnitState: it answers from the unit's own working copies, else from the document's state as the
// units above left it (`before`), else, for tables where that makes sense, from what OTHER
// documents define (`elsewhere`: we cannot know in which order files run, so a definition anywhere
// counts, a deletion elsewhere does not). Each answer is recorded as a read (key → the Entry seen),
// each change as a write. A unit whose recorded reads still resolve to the same Entry objects would
// compute the same thing again, so the fold reuses it without running it (see fold.ts).
import type { ResourceInfo, NodeInfo } from './types';
import { didYouMean } from '../base/didYouMean';
import type { NameIndex } from './nameIndex';

/** One committed value of a key. Entries are never mutated; `deleted` marks a removal. */
export interface Entry {
  readonly value: unknown;
  readonly deleted: boolean;
}

/** Tables of the model state. Keys are `${table}\0${name}`. */
export type Table =
  | 'rsc' // resources
  | 'ever' // everCreated
  | 'node' // nodes
  | 'host' // knownHostNames
  | 'prop' // properties
  | 'rdef' // resourceDefaults
  | 'name' // clusterName (one key)
  | 'tcb' // targetcli backstores
  | 'tct' // targetcli targets
  | 'tcp' // targetcli tpgs
  | 'tca' // targetcli acls
  | 'tcl' // targetcli luns
  | 'con' // constraints by id
  | 'conr' // constraint ids by resource
  | 'uniq' // agent unique-parameter values → resource ids
  | 'memb' // node name (and its short name) → the cluster it is a member of (model/clusters.ts)
  | 'cur'; // the cluster this document's commands are on (one key, this document only)

/** Tables where a definition in another document counts (existence checks across files). */
const SHARED: ReadonlySet<Table> = new Set<Table>([
  'rsc',
  'ever',
  'node',
  'host',
  'prop',
  'rdef',
  'name',
  'tcb',
  'tct',
  'tcp',
  'tca',
  'tcl',
  'con',
  'memb',
]);

function cloneResource(r: ResourceInfo): ResourceInfo {
  return {
    ...r,
    params: new Map(r.params),
    meta: new Map(r.meta),
    ops: r.ops.map((o) => ({ name: o.name, options: new Map(o.options) })),
    members: [...r.members],
  };
}

/** Values the fold code mutates in place get a private copy per unit; the others are replaced whole. */
const CLONE: Partial<Record<Table, (v: never) => unknown>> = {
  rsc: cloneResource,
  ever: cloneResource,
  node: (n: NodeInfo) => ({ ...n, addresses: [...n.addresses] }),
  conr: (a: string[]) => [...a],
  uniq: (a: string[]) => [...a],
};

export function key(table: Table, name: string): string {
  return `${table}\0${name}`;
}

function tableOf(k: string): Table {
  return k.slice(0, k.indexOf('\0')) as Table;
}

function nameOf(k: string): string {
  return k.slice(k.indexOf('\0') + 1);
}

interface Working {
  value: unknown;
  deleted: boolean;
  /** What the unit saw before it changed the key. */
  base: Entry | undefined;
  /** The value came from another file whose order relative to this one is unknown. */
  foreign?: boolean;
  /** `base` was answered by another document. */
  elsewhere?: boolean;
  /** The unit set the key (not only read it). */
  written?: boolean;
}

/** What a unit depends on and produces. */
export interface UnitEffects {
  /** key → Entry seen (null: nothing). Keys prefixed with `L` were looked up in this document only. */
  reads: Map<string, Entry | null>;
  writes: Map<string, Entry>;
  /** Keys answered from other documents (or looked for there and not found). */
  elsewhere: Set<string>;
  /** The unit enumerated a whole table: it is re-run whenever its document is folded. */
  volatile: boolean;
  /** The unit asked for the nearest resource id ("did you mean"): it is re-run when resource ids change. */
  suggests?: boolean;
}

/** An open shell construct whose arms are alternatives (see `beginBranch`). */
interface BranchFrame {
  /** The working copies as they were before the construct (each arm starts from a copy). */
  before: Map<string, Working>;
  /** The working copies each finished arm left. */
  arms: Map<string, Working>[];
  /** Alternatives of the construct, an implicit empty one included. */
  of: number;
}

/** Tables whose values say whether they exist on every path (`maybe`), for duplicate-id checks. */
const MAYBE: ReadonlySet<Table> = new Set<Table>(['rsc', 'ever', 'con']);
/** Tables where a value the unit sets is written even when another document gives the same value:
 * the document then answers itself, so an edit of that other document (a corosync.conf's
 * cluster_name) does not reach every later unit here that reads a node (model/clusters.ts joinCluster). */
const SHADOW: ReadonlySet<Table> = new Set<Table>(['memb', 'node']);

/** Tables of id lists: after alternatives, the union of what the arms list. */
const LISTS: ReadonlySet<Table> = new Set<Table>(['conr', 'uniq']);

export class UnitState {
  private work = new Map<string, Working>();
  private readonly frames: BranchFrame[] = [];
  readonly effects: UnitEffects = { reads: new Map(), writes: new Map(), elsewhere: new Set(), volatile: false };

  constructor(
    /** The document's state above this unit. */
    private readonly before: { get(k: string): Entry | undefined },
    /** Definitions of other documents (undefined: none). */
    private readonly elsewhereOf: (k: string) => Entry | undefined,
    /** Whether the answer of `elsewhereOf(k)` comes from a file known to run before this one. */
    private readonly elsewhereCertain: (k: string) => boolean = () => false,
  ) {}

  /** Set by `resolve`: the last key it answered from a file of unknown order. */
  private lastForeign = false;
  /** Set by `resolve`: the last key was answered by another document. */
  private lastElsewhere = false;

  private resolve(k: string, local: boolean): Entry | undefined {
    this.lastForeign = false;
    this.lastElsewhere = false;
    const own = this.before.get(k);
    if (own || local || !SHARED.has(tableOf(k))) {
      this.effects.reads.set(local ? `L${k}` : k, own ?? null);
      return own;
    }
    const other = this.elsewhereOf(k);
    this.effects.reads.set(k, other ?? null);
    this.effects.elsewhere.add(k);
    this.lastElsewhere = !!other;
    if (other && !other.deleted) this.lastForeign = !this.elsewhereCertain(k);
    return other;
  }

  /** The working copy of a key, made on first touch (a private clone for mutable values). */
  private touch(k: string): Working {
    let w = this.work.get(k);
    if (!w) {
      const base = this.resolve(k, false);
      const live = base && !base.deleted;
      const clone = CLONE[tableOf(k)];
      w = { value: live ? (clone ? clone(base.value as never) : base.value) : undefined, deleted: !live, base };
      if (live && this.lastForeign) w.foreign = true;
      if (this.lastElsewhere) w.elsewhere = true;
      this.work.set(k, w);
    }
    return w;
  }

  get(k: string): unknown {
    const w = this.touch(k);
    return w.deleted ? undefined : w.value;
  }

  has(k: string): boolean {
    const w = this.work.get(k);
    if (w) return !w.deleted;
    const e = this.resolve(k, false);
    return !!e && !e.deleted;
  }

  /** A look-up in this document only (ids that would be duplicates, generated ids). A working copy
   * that only holds what another document says (read earlier in this unit, not set here) is not this
   * document's: taking it for one made `pcs resource create X` a duplicate of X defined in a file of
   * unknown order, after a line above had merely named X (a fuzz finding: two files then kept each
   * other's definitions alive after the real one was deleted). */
  hasLocal(k: string): boolean {
    const w = this.work.get(k);
    if (w && (w.written || !w.elsewhere)) return !w.deleted;
    const e = this.resolve(k, true);
    return !!e && !e.deleted;
  }

  getLocal(k: string): unknown {
    if (!this.hasLocal(k)) return undefined;
    return this.get(k);
  }

  set(k: string, value: unknown): void {
    if (this.nameIndex) {
      const table = tableOf(k);
      if (table === 'rsc') this.nameIndex(table)?.add(nameOf(k));
    }
    const w = this.touch(k);
    w.value = value;
    w.deleted = false;
    w.foreign = false;
    w.written = true;
  }

  /** The live value of `k` was read from another file and nothing says whether that file runs
   * before this one: a verdict that depends on its state depends on the order of the files. */
  isForeign(k: string): boolean {
    const w = this.touch(k);
    return !w.deleted && !!w.foreign;
  }

  delete(k: string): boolean {
    const w = this.touch(k);
    const existed = !w.deleted;
    w.value = undefined;
    w.deleted = true;
    return existed;
  }

  // ---- alternatives (shell if/elif/else, case, a || b) ------------------------------------------

  private copyWork(from: Map<string, Working>): Map<string, Working> {
    const out = new Map<string, Working>();
    for (const [k, w] of from) {
      const clone = CLONE[tableOf(k)];
      out.set(k, { value: !w.deleted && clone ? clone(w.value as never) : w.value, deleted: w.deleted, base: w.base, foreign: w.foreign });
    }
    return out;
  }

  /** A construct of `of` alternatives starts: its first arm runs from the state as it is now. */
  beginBranch(of: number): void {
    this.frames.push({ before: this.copyWork(this.work), arms: [], of });
  }

  /** The next arm of the innermost construct: it starts from the state before the construct. */
  nextArm(): void {
    const frame = this.frames[this.frames.length - 1];
    if (!frame) return;
    frame.arms.push(this.work);
    this.work = this.copyWork(frame.before);
  }

  /**
   * The construct ends: what exists after it is the union of its arms (and of the state before it
   * when some path runs no arm). A resource or constraint that some path does not create is marked
   * `maybe`: a later line creating the same id is not a certain duplicate.
   */
  endBranch(): void {
    const frame = this.frames.pop();
    if (!frame) return;
    frame.arms.push(this.work);
    const paths = frame.arms.length < frame.of ? [...frame.arms, frame.before] : frame.arms;
    const keys = new Set<string>();
    for (const arm of frame.arms) for (const k of arm.keys()) keys.add(k);
    const merged = frame.before;
    for (const k of keys) {
      const table = tableOf(k);
      let base: Entry | undefined;
      for (const p of paths) {
        const w = p.get(k);
        if (w) {
          base = w.base;
          break;
        }
      }
      const baseLive = !!base && !base.deleted;
      const live: unknown[] = [];
      for (const p of paths) {
        const w = p.get(k) ?? frame.before.get(k);
        if (w ? !w.deleted : baseLive) live.push(w ? w.value : base!.value);
      }
      if (!live.length) {
        merged.set(k, { value: undefined, deleted: true, base });
        continue;
      }
      let value: unknown;
      if (LISTS.has(table)) value = [...new Set(live.flatMap((v) => v as string[]))];
      else {
        const clone = CLONE[table];
        value = clone ? clone(live[live.length - 1] as never) : live[live.length - 1];
        if (MAYBE.has(table) && live.length < paths.length && value && typeof value === 'object')
          value = { ...(value as object), maybe: true };
      }
      merged.set(k, { value, deleted: false, base });
    }
    this.work = merged;
  }

  /** Set by the fold: the index of every name written to a table (resource ids), for `suggest`. */
  nameIndex: ((table: Table) => NameIndex | undefined) | undefined;

  /** Whether `k` is live at this point, without recording a read. */
  private peekLive(k: string): boolean {
    const w = this.work.get(k);
    if (w) return !w.deleted;
    const own = this.before.get(k);
    if (own) return !own.deleted;
    if (!SHARED.has(tableOf(k))) return false;
    const other = this.elsewhereOf(k);
    return !!other && !other.deleted;
  }

  /**
   * The nearest live name of `table` to `word` ("did you mean"), from the fold's index: bounded work,
   * and the unit depends on the table's ids (re-run when they change) and on the name it suggests,
   * not on every key. Without an index: a scan of every name (the unit is then volatile).
   */
  suggest(table: Table, word: string): string | undefined {
    const index = this.nameIndex?.(table);
    if (!index) return didYouMean(word, this.names(table));
    this.effects.suggests = true;
    const best = index.suggest(word, (name) => this.peekLive(key(table, name)));
    if (best !== undefined) this.has(key(table, best));
    return best;
  }

  /** Every live name of a table at this point (this document, other documents, this unit). */
  names(table: Table): string[] {
    this.effects.volatile = true;
    const prefix = `${table}\0`;
    const out = new Set<string>();
    const consider = (k: string, e: { deleted: boolean }) => {
      if (k.startsWith(prefix) && !e.deleted) out.add(nameOf(k));
    };
    for (const k of this.ownKeys(prefix)) {
      const e = this.before.get(k);
      if (e) consider(k, e);
    }
    if (SHARED.has(table)) for (const k of this.elsewhereKeys(prefix)) if (!this.before.get(k)) out.add(nameOf(k));
    for (const [k, w] of this.work) {
      if (!k.startsWith(prefix)) continue;
      if (w.deleted) out.delete(nameOf(k));
      else out.add(nameOf(k));
    }
    return [...out];
  }

  /** Set by the fold: every key this document writes (any position). */
  ownKeys: (prefix: string) => Iterable<string> = () => [];

  /** Set by the fold: every key other documents define. */
  elsewhereKeys: (prefix: string) => Iterable<string> = () => [];

  /** Turn the working copies into writes: unchanged keys are not written; an equal value keeps the
   * Entry of the unit's previous run so the units below still see the same object. */
  commit(previous: Map<string, Entry> | undefined): UnitEffects {
    for (const [k, w] of this.work) {
      const base = w.base;
      const unchanged = w.deleted ? !base || base.deleted : !!base && !base.deleted && deepEqual(w.value, base.value);
      if (unchanged && !(w.written && w.elsewhere && SHADOW.has(tableOf(k)))) continue;
      const old = previous?.get(k);
      if (old && old.deleted === w.deleted && (w.deleted || deepEqual(old.value, w.value))) this.effects.writes.set(k, old);
      else this.effects.writes.set(k, { value: w.value, deleted: w.deleted });
    }
    return this.effects;
  }
}

/** Structural equality of plain data: primitives, arrays, Maps, Sets, plain objects (an undefined
 * property equals a missing one). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !deepEqual(v, b.get(k))) return false;
    return true;
  }
  if (a instanceof Set) {
    if (!(b instanceof Set) || a.size !== b.size) return false;
    for (const v of a) if (!b.has(v)) return false;
    return true;
  }
  if (Array.isArray(b) || b instanceof Map || b instanceof Set) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const k in ra) if (ra[k] !== undefined && !deepEqual(ra[k], rb[k])) return false;
  for (const k in rb) if (rb[k] !== undefined && ra[k] === undefined) return false;
  return true;
}

// ---- Map/Set views the fold code uses as if they were the model's collections -------------------

/** A Map over one table of a UnitState. Enumeration marks the unit volatile. */
export class StateMap<V> extends Map<string, V> {
  constructor(
    private readonly state: UnitState,
    private readonly table: Table,
  ) {
    super();
  }
  override get(name: string): V | undefined {
    return this.state.get(key(this.table, name)) as V | undefined;
  }
  override has(name: string): boolean {
    return this.state.has(key(this.table, name));
  }
  hasLocal(name: string): boolean {
    return this.state.hasLocal(key(this.table, name));
  }
  getLocal(name: string): V | undefined {
    return this.state.getLocal(key(this.table, name)) as V | undefined;
  }
  isForeign(name: string): boolean {
    return this.state.isForeign(key(this.table, name));
  }
  /** The nearest live name to `word` (see UnitState.suggest). */
  suggest(word: string): string | undefined {
    return this.state.suggest(this.table, word);
  }
  override set(name: string, value: V): this {
    this.state.set(key(this.table, name), value);
    return this;
  }
  override delete(name: string): boolean {
    return this.state.delete(key(this.table, name));
  }
  override clear(): void {
    for (const name of this.state.names(this.table)) this.delete(name);
  }
  override get size(): number {
    return this.state.names(this.table).length;
  }
  override *keys(): MapIterator<string> {
    yield* this.state.names(this.table);
  }
  override *values(): MapIterator<V> {
    for (const name of this.state.names(this.table)) yield this.get(name)!;
  }
  override *entries(): MapIterator<[string, V]> {
    for (const name of this.state.names(this.table)) yield [name, this.get(name)!];
  }
  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
  override forEach(fn: (value: V, key: string, map: Map<string, V>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
}

export class StateSet extends Set<string> {
  constructor(
    private readonly state: UnitState,
    private readonly table: Table,
  ) {
    super();
  }
  override has(name: string): boolean {
    return this.state.has(key(this.table, name));
  }
  override add(name: string): this {
    if (!this.state.has(key(this.table, name))) this.state.set(key(this.table, name), true);
    return this;
  }
  override delete(name: string): boolean {
    return this.state.delete(key(this.table, name));
  }
  override clear(): void {
    for (const name of this.state.names(this.table)) this.delete(name);
  }
  override get size(): number {
    return this.state.names(this.table).length;
  }
  override *values(): SetIterator<string> {
    yield* this.state.names(this.table);
  }
  override keys(): SetIterator<string> {
    return this.values();
  }
  override *entries(): SetIterator<[string, string]> {
    for (const v of this.values()) yield [v, v];
  }
  override [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }
  override forEach(fn: (value: string, value2: string, set: Set<string>) => void): void {
    for (const v of this.values()) fn(v, v, this);
  }
}

/** Look a name up in this document only when the map is a fold view; a plain Map answers as usual. */
export function hasLocal(map: Map<string, unknown>, name: string): boolean {
  return map instanceof StateMap ? map.hasLocal(name) : map.has(name);
}

/** Whether the map's value for `name` comes from another file of unknown order (false for a plain Map). */
export function isForeign(map: Map<string, unknown>, name: string): boolean {
  return map instanceof StateMap ? map.isForeign(name) : false;
}

/** "Did you mean": the nearest name of the map to `word` (indexed and bounded inside the fold). */
export function suggestName(map: Map<string, unknown>, word: string): string | undefined {
  return map instanceof StateMap ? map.suggest(word) : didYouMean(word, [...map.keys()]);
}

export function getLocal<V>(map: Map<string, V>, name: string): V | undefined {
  return map instanceof StateMap ? (map as StateMap<V>).getLocal(name) : map.get(name);
}
