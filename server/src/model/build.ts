// Builds the cluster model as a fold over per-document step lists, incrementally.
//
// Each document is folded unit by unit (a unit is one segment of the shell extraction, see
// shell/extract.ts `extractUnits`; a corosync.conf is one unit). A unit's run records what it read
// and wrote (model/state.ts). On the next build a unit whose input object is unchanged and whose reads
// still resolve to the same entries is reused without running it; only edited units, and units below
// them that read a key whose value changed, run again. Documents are independent except for look-ups
// of names they do not define themselves, which are answered from what other documents define.
// The workspace model handed to features is the union of every document's final state (path order,
// later documents win), plus the workspace-wide rules run over it when some state changed.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AgentUse, Invocation, ScriptExtract, Word, WrittenFile } from '../base/types';
import type { CsFile, CsNode, CsSection } from '../corosync/ast';
import { parsePcs, type PcsCommand } from '../pcs/grammar';
import { applyPcs, pendingNodeChecks, type NodeCheck } from '../pcs/apply';
import { parseTargetcli, type TargetcliCommand } from '../targetcli/grammar';
import { applyTargetcli } from '../targetcli/apply';
import { FoldContext, emptyModel } from './context';
import type { ClusterModel, ConstraintInfo, CorosyncDocument, NodeInfo, Occurrence, ResourceInfo, ScriptDocument, Ref } from './types';
import { ConstraintStore } from './constraintStore';
import { StateMap, StateSet, UnitState, key, type Entry, type UnitEffects } from './state';
import { lineRules } from '../scripts/rules/lineRules';
import { stonithRules } from '../scripts/rules/stonith';
import { exportfsRules } from '../scripts/rules/exportfs';
import { nodeRules } from '../scripts/rules/nodes';
import { groupTypoRule } from '../scripts/rules/groups';
import { placementRules } from '../scripts/rules/placement';
import { expertRules } from '../scripts/rules/experts';
import { agentDiagnostics, uniqueValuesOf, notUniqueDiagnostic } from '../agents/diagnostics';
import { loadAgentCatalog, type AgentCatalog } from '../agents/catalog';
import { extractUnits, type ExtractUnit } from '../shell/extract';
import { isCorosyncConfPath } from '../base/paths';
import { LabOrder, runsBefore, unordered, type Rank } from './order';
import { afterSetup, followPrompt, joinCluster, legacySetup } from './clusters';
import { NameIndex } from './nameIndex';

/** Whether the agent has promote/demote actions (undefined when the catalog does not know it), cached per
 * catalog: a catalog swapped in (live metadata from a node) gets its own answers. */
const PROMOTABLE = new WeakMap<object, Map<string, boolean | undefined>>();
function isPromotable(agent: string, kind: 'resource' | 'stonith'): boolean | undefined {
  let catalog: AgentCatalog;
  try {
    catalog = loadAgentCatalog();
  } catch {
    return undefined;
  }
  let cache = PROMOTABLE.get(catalog);
  if (!cache) PROMOTABLE.set(catalog, (cache = new Map()));
  const k = `${kind}\0${agent}`;
  if (!cache.has(k)) cache.set(k, promotable(catalog, agent, kind));
  return cache.get(k);
}

function promotable(catalog: AgentCatalog, agent: string, kind: 'resource' | 'stonith'): boolean | undefined {
  try {
    const found = catalog.resolve(agent, kind);
    if (found.kind !== 'found') return undefined;
    return found.agent.actions.some((a) => a.name === 'promote');
  } catch {
    return undefined;
  }
}

export type Step =
  | { kind: 'pcs'; inv: Invocation; cmd: PcsCommand }
  | { kind: 'targetcli'; inv: Invocation; cmd: TargetcliCommand }
  | { kind: 'other'; inv: Invocation }
  | { kind: 'hosts'; file: WrittenFile };

const STEP_CACHE = new WeakMap<object, Step[]>();
/** Expand a line written inside a loop (`pcs ... node$i`) into one line per loop value. */
export function expandInvocation(inv: Invocation): Invocation[] {
  let n = 0; // (a loop, not Math.max(...counts): a line of a million words would overflow the stack)
  for (const w of inv.argv) n = Math.max(n, w.values?.length ?? 0);
  if (n <= 1) {
    if (n === 1)
      return [{ ...inv, argv: inv.argv.map((w) => (w.values ? { ...w, text: w.values[0], values: undefined, dynamic: false } : w)) }];
    return [inv];
  }
  const out: Invocation[] = [];
  for (let k = 0; k < n; k++) {
    out.push({
      ...inv,
      argv: inv.argv.map((w): Word => (w.values ? { ...w, text: w.values[k % w.values.length], values: undefined, dynamic: false } : w)),
    });
  }
  return out;
}

/** Steps of one unit in document order, parsed once per unit object. */
function unitSteps(unit: object, invocations: readonly Invocation[], files: readonly WrittenFile[]): Step[] {
  const cached = STEP_CACHE.get(unit);
  if (cached) return cached;
  const steps: { at: number; line: number; step: Step }[] = [];
  for (const inv of invocations) {
    for (const one of expandInvocation(inv)) {
      let step: Step;
      if (one.command === 'pcs') step = { kind: 'pcs', inv: one, cmd: parsePcs(one.argv) };
      else if (one.command === 'targetcli') step = { kind: 'targetcli', inv: one, cmd: parseTargetcli(one.argv) };
      else step = { kind: 'other', inv: one };
      steps.push({ line: one.range.start.line, at: one.range.start.character, step });
    }
  }
  for (const file of files) {
    if (file.path === '/etc/hosts')
      steps.push({ line: file.contentRange.start.line, at: file.contentRange.start.character, step: { kind: 'hosts', file } });
  }
  steps.sort((a, b) => a.line - b.line || a.at - b.at);
  const result = steps.map((s) => s.step);
  STEP_CACHE.set(unit, result);
  return result;
}

function uriPath(uri: string): string {
  return decodeURIComponent(uri.replace(/^file:\/\//, ''));
}

export interface BuildOptions {
  /** Run the agents layer's checks on every `resource create` / `stonith create` (default true). */
  agentChecks?: boolean;
  /** The lab's running order (`pacemakerLab.order`: paths or globs); else file names decide (model/order.ts). */
  order?: readonly string[];
}

/** One-shot build (tests, CLI). The language service keeps an IncrementalModel instead. */
export function buildClusterModel(scripts: ScriptDocument[], corosync: CorosyncDocument[], options: BuildOptions = {}): ClusterModel {
  return new IncrementalModel(options).update(scripts, corosync);
}

// ---- the incremental fold -------------------------------------------------------------------------

/** What one unit produced the last time it ran. */
interface Run {
  effects: UnitEffects;
  diagnostics: Diagnostic[];
  occurrences: Occurrence[];
  nodeChecks: NodeCheck[];
  /** The extraction unit it ran for (its content and place), when it is one. */
  source?: ExtractUnit;
  /** The unit's key (`Unit.key`) it ran for. */
  key?: object;
}

interface Unit {
  /** Identity of the input: the same object means the same text at the same place. */
  key: object;
  source?: ExtractUnit;
  execute(ctx: FoldContext): void;
}

class DocFold {
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

export class IncrementalModel {
  private docs = new Map<string, DocFold>();
  private order: DocFold[] = [];
  private model: ClusterModel | undefined;
  private stateRuleDiagnostics = new Map<string, Diagnostic[]>();
  private readonly localAgentCache = new Map<string, { line: number; diagnostics: Diagnostic[] }>();
  private readonly labOrder: LabOrder;
  /** Every resource id any unit wrote (only grows): "did you mean" searches it (model/nameIndex.ts). */
  private readonly resourceNames = new NameIndex();
  /** Set by a document's fold when the resource ids it defines (for other documents) changed. */
  private namesChanged = false;
  /** What the builds did, for tests that prove incrementality by counting: units run, units reused
   * moved by whole lines (their products shifted), builds. */
  readonly stats = { builds: 0, unitsRun: 0, unitsShifted: 0 };

  constructor(private readonly options: BuildOptions = {}) {
    this.labOrder = new LabOrder(options.order);
  }

  update(scripts: ScriptDocument[], corosync: CorosyncDocument[]): ClusterModel {
    const inputs: { uri: string; kind: 'corosync' | 'script'; source: ScriptDocument | CorosyncDocument }[] = [
      ...[...corosync]
        .sort((a, b) => uriPath(a.uri).localeCompare(uriPath(b.uri)))
        .map((d) => ({ uri: d.uri, kind: 'corosync' as const, source: d })),
      ...[...scripts]
        .sort((a, b) => uriPath(a.uri).localeCompare(uriPath(b.uri)))
        .map((d) => ({ uri: d.uri, kind: 'script' as const, source: d })),
    ];
    this.stats.builds++;
    const changed = new Set<string>();
    let structure = false;
    const next = new Map<string, DocFold>();
    const order: DocFold[] = [];
    for (const input of inputs) {
      const id = `${input.kind}\0${input.uri}`;
      let doc = this.docs.get(id);
      if (!doc) {
        doc = new DocFold(input.uri, input.kind);
        // corosync.conf files describe the cluster every script runs on: no place in the order
        if (input.kind === 'script') doc.rank = this.labOrder.rank(input.uri);
        structure = true;
      }
      const source = input.kind === 'corosync' ? (input.source as CorosyncDocument).file : (input.source as ScriptDocument).extract;
      if (doc.input !== source) doc.dirty = true;
      doc.input = source;
      if (next.has(id)) continue;
      next.set(id, doc);
      order.push(doc);
    }
    /** Documents whose resource ids changed in this update (null: a removed document had some). */
    const idsChangedBy = new Set<DocFold | null>();
    for (const [id, doc] of this.docs) {
      if (next.has(id)) continue;
      structure = true;
      for (const k of doc.writers.keys()) changed.add(k);
      if ([...doc.writers.keys()].some(isResourceKey)) idsChangedBy.add(null);
    }
    /** Another document's resource ids changed: this document's "did you mean" units run again. */
    const idsChangedElsewhere = (doc: DocFold) => idsChangedBy.size > (idsChangedBy.has(doc) ? 1 : 0);
    if (order.length !== this.order.length || order.some((d, i) => d !== this.order[i])) structure = true;
    this.docs = next;
    this.order = order;
    // Documents see each other's definitions: fold until no document's definitions change.
    const stateChangedAt = changed.size;
    let anyRun = structure;
    for (let pass = 0; pass < 4; pass++) {
      const passChanged = new Set<string>();
      for (const doc of order) {
        if (
          !doc.dirty &&
          !(
            changed.size &&
            (intersects(doc.elsewhere, changed) ||
              doc.runs.some((r) => r.effects.volatile) ||
              (idsChangedElsewhere(doc) && doc.runs.some((r) => r.effects.suggests)))
          )
        )
          continue;
        anyRun = true;
        this.namesChanged = false;
        this.foldDocument(doc, passChanged, changed, idsChangedElsewhere(doc));
        if (this.namesChanged) idsChangedBy.add(doc);
      }
      if (!passChanged.size) break;
      for (const k of passChanged) changed.add(k);
      // documents that looked these keys up elsewhere, or enumerated a table, fold again (cheap:
      // only the units concerned run)
      for (const doc of order)
        if (
          doc.runs.some((r) => r.effects.volatile || (idsChangedElsewhere(doc) && r.effects.suggests)) ||
          intersects(doc.elsewhere, passChanged)
        )
          doc.dirty = true;
      if (!order.some((d) => d.dirty)) break;
    }
    const stateChanged = structure || changed.size > stateChangedAt || !this.model;
    if (!anyRun && !stateChanged && this.model) return this.model;
    this.model = this.assemble(stateChanged);
    return this.model;
  }

  /**
   * What another document says about `k`. A document the lab orders before this one gives its final
   * state (the latest such document wins, a deletion included); one ordered after it is not seen;
   * a document of unknown order gives its last live entry (a definition anywhere counts).
   */
  private elsewhereOf(self: DocFold): (k: string) => Entry | undefined {
    const mine = self.rank;
    return (k) => {
      let earlier: { rank: number; entry: Entry } | undefined;
      if (mine !== undefined) {
        for (const doc of this.order) {
          if (doc === self || !runsBefore(doc.rank, mine)) continue;
          const e = doc.entryAt(k);
          if (e && (!earlier || doc.rank! > earlier.rank)) earlier = { rank: doc.rank!, entry: e };
        }
        if (earlier && !earlier.entry.deleted) return earlier.entry;
      }
      for (const doc of this.order) {
        if (doc === self || !unordered(doc.rank, mine)) continue;
        const e = doc.defined(k);
        if (e) return e;
      }
      return earlier?.entry;
    };
  }

  /** Whether `elsewhereOf(self)(k)` answers from a document known to run before this one. */
  private elsewhereCertain(self: DocFold): (k: string) => boolean {
    const mine = self.rank;
    if (mine === undefined) return () => false;
    return (k) => {
      let best: DocFold | undefined;
      for (const doc of this.order) {
        if (doc === self || !runsBefore(doc.rank, mine)) continue;
        const e = doc.entryAt(k);
        if (e && (!best || doc.rank! > best.rank!)) best = doc;
      }
      return !!best && !best.entryAt(k)!.deleted;
    };
  }

  private elsewhereKeys(self: DocFold): (prefix: string) => Iterable<string> {
    const order = this.order;
    return function* (prefix: string) {
      for (const doc of order) {
        if (doc === self || runsBefore(self.rank, doc.rank)) continue;
        for (const k of doc.writers.keys()) if (k.startsWith(prefix) && doc.defined(k)) yield k;
      }
    };
  }

  private unitsOf(doc: DocFold): Unit[] {
    if (doc.kind === 'corosync') {
      const file = doc.input as CsFile;
      return [{ key: file, execute: (ctx) => applyCorosync(ctx, file) }];
    }
    const extract = doc.input as ScriptExtract;
    const units: Unit[] = [];
    const embedded = extract.files.filter((f) => isCorosyncConfPath(f.path));
    if (embedded.length !== doc.preambleFiles.length || embedded.some((f, i) => f !== doc.preambleFiles[i])) {
      doc.preambleFiles = embedded;
      doc.preambleKey = {};
    }
    if (embedded.length)
      units.push({ key: doc.preambleKey, execute: (ctx) => embedded.forEach((f) => applyEmbeddedCorosyncNames(ctx, f)) });
    const parts = extractUnits(extract) ?? [extract];
    for (const part of parts) {
      units.push({
        key: part,
        source: 'content' in part ? part : undefined,
        execute: (ctx) => this.applySteps(ctx, unitSteps(part, part.invocations, part.files)),
      });
    }
    return units;
  }

  private applySteps(ctx: FoldContext, steps: Step[]): void {
    const state = STATE_OF.get(ctx);
    /** The alternatives the previous command sat in (shell/walk.ts BranchStep), outermost first. */
    let open: NonNullable<Invocation['branch']> = [];
    for (const step of steps) {
      if (step.kind === 'hosts') {
        applyHosts(ctx, step.file);
        continue;
      }
      if (state && (open.length || step.inv.branch)) open = enterBranch(state, open, step.inv.branch ?? []);
      ctx.inv = step.inv;
      const setup = step.kind === 'pcs' && step.cmd.def?.path.join(' ') === 'cluster setup';
      if (step.inv.prompt) followPrompt(ctx);
      if (setup) legacySetup(ctx, step.cmd);
      if (step.kind === 'pcs') applyPcs(ctx, step.cmd, { onAgentUse: (use) => this.checkAgent(ctx, use), isPromotable });
      else if (step.kind === 'targetcli') applyTargetcli(ctx, step.cmd);
      if (setup) afterSetup(ctx, step.cmd);
      lineRules(ctx, step.inv, step.kind === 'pcs' ? step.cmd : undefined);
    }
    if (state) for (let i = open.length; i > 0; i--) state.endBranch();
  }

  /** The agents layer's checks: line-local ones cached by the use's text and shape, uniqueness
   * answered by the fold's index of unique values (table `uniq`). */
  private checkAgent(ctx: FoldContext, use: AgentUse): boolean {
    const diagnostics: Diagnostic[] = [];
    if (this.options.agentChecks !== false) {
      try {
        diagnostics.push(...this.localAgentDiagnostics(use));
      } catch {
        /* a broken catalog must not break the fold */
      }
    }
    let groups: ReturnType<typeof uniqueValuesOf> = [];
    try {
      groups = uniqueValuesOf(use);
    } catch {
      groups = [];
    }
    const unitState = STATE_OF.get(ctx);
    const uniq = unitState ? new StateMap<string[]>(unitState, 'uniq') : localUnique(ctx);
    for (const g of groups) {
      const ids = uniq.get(g.key) ?? [];
      const clashes = ids.filter((id) => id !== use.id.text);
      if (clashes.length && this.options.agentChecks !== false) diagnostics.push(notUniqueDiagnostic(g, clashes));
      uniq.set(g.key, [...ids, use.id.text]);
    }
    if (!diagnostics.length) return false;
    let list = ctx.model.diagnostics.get(ctx.uri);
    if (!list) ctx.model.diagnostics.set(ctx.uri, (list = []));
    list.push(...diagnostics);
    return diagnostics.some((d) => d.severity === 1);
  }

  private localAgentDiagnostics(use: AgentUse): Diagnostic[] {
    const words: Word[] = [use.id, use.agent, ...use.params, ...use.meta];
    for (const op of use.ops) words.push(op.name, ...op.options);
    const base = use.id.range.start.line;
    let k = `${use.kind}`;
    for (const w of words) {
      const r = w.range;
      k += `\u0001${w.text}\u0002${r.start.line - base}:${r.start.character}:${r.end.line - base}:${r.end.character}:${w.dynamic ? 1 : 0}:${w.textOffset === undefined ? 0 : 1}:${w.values?.join('\u0003') ?? ''}`;
    }
    k += `\u0001${use.params.length}:${use.meta.length}:${use.ops.map((o) => o.options.length).join(',')}`;
    // copies in and out: a run's diagnostics are moved in place when its lines move (LineShift)
    const hit = this.localAgentCache.get(k);
    if (hit) return shiftLines(hit.diagnostics, base - hit.line);
    const diagnostics = agentDiagnostics(use, new Map());
    if (this.localAgentCache.size > 50_000) this.localAgentCache.clear();
    this.localAgentCache.set(k, { line: base, diagnostics: shiftLines(diagnostics, 0) });
    return diagnostics;
  }

  /**
   * Fold one document. `changed` collects the keys whose final or visible entry changed;
   * `elsewhereChanged` holds keys other documents changed during this update.
   */
  private foldDocument(doc: DocFold, changed: Set<string>, elsewhereChanged: Set<string>, idsChangedElsewhere: boolean): void {
    doc.dirty = false;
    const units = this.unitsOf(doc);
    const plan = units.map((u) => doc.byKey.get(u.key));
    const moved = movedRuns(doc, units);
    const sameShape = doc.runs.length === units.length && plan.every((run, i) => !run || run === doc.runs[i]);
    if (sameShape && !moved) this.foldInPlace(doc, units, plan, changed, elsewhereChanged, idsChangedElsewhere);
    else this.foldAll(doc, units, changed, moved, idsChangedElsewhere);
  }

  /** The usual edit: the same units at the same places, some with new text. Units are revisited only
   * when new, or when a key they read was changed above them (or in another document). */
  private foldInPlace(
    doc: DocFold,
    units: Unit[],
    plan: (Run | undefined)[],
    changed: Set<string>,
    elsewhereChanged: Set<string>,
    idsChangedElsewhere: boolean,
  ): void {
    const changedAbove = new Set<string>();
    const elsewhereOf = this.elsewhereOf(doc);
    let elsewhereMoved = false;
    // resource ids changed (here above, or elsewhere): units that suggested an id run again
    let idsChanged = idsChangedElsewhere;
    for (let i = 0; i < units.length; i++) {
      const current = doc.runs[i];
      let run = plan[i];
      if (run) {
        // a unit that enumerated a table depends on every key of it, here and in other documents
        const touched = run.effects.volatile
          ? changedAbove.size > 0 || elsewhereChanged.size > 0
          : (changedAbove.size > 0 && readsAny(run.effects, changedAbove)) ||
            (elsewhereChanged.size > 0 && intersects(run.effects.elsewhere, elsewhereChanged));
        const suggested = idsChanged && !!run.effects.suggests;
        if (!suggested && (!touched || isValid(run.effects, (k) => doc.entryAt(k, i), elsewhereOf))) continue;
      }
      const previous = current.effects.writes;
      const before = { get: (k: string) => doc.entryAt(k, i) };
      const finalBefore = new Map<string, [Entry | undefined, Entry | undefined]>();
      const keys = new Set([...previous.keys()]);
      run = this.execute(doc, units[i], before, previous);
      for (const k of run.effects.writes.keys()) keys.add(k);
      const liveBelow = new Map<string, boolean>();
      for (const k of keys) {
        if (previous.get(k) === run.effects.writes.get(k)) continue;
        finalBefore.set(k, [doc.entryAt(k), doc.defined(k)]);
        if (isResourceKey(k)) liveBelow.set(k, isLive(doc.entryAt(k, i + 1)));
      }
      doc.replaceAt(i, current, run);
      // the replaced unit's key goes: its text may come back (undo) as the same unit object, which
      // must then run again in place, not look like a reordered document
      if (current.key) doc.byKey.delete(current.key);
      doc.byKey.set(units[i].key, run);
      for (const [k, [final, visible]] of finalBefore) {
        changedAbove.add(k);
        // an id created or deleted here (not a value changed): "did you mean" below may answer otherwise
        if (liveBelow.has(k) && liveBelow.get(k) !== isLive(doc.entryAt(k, i + 1))) idsChanged = true;
        if (doc.entryAt(k) !== final || doc.defined(k) !== visible) {
          changed.add(k);
          if (isResourceKey(k) && (isLive(final) !== isLive(doc.entryAt(k)) || !visible !== !doc.defined(k))) this.namesChanged = true;
        }
      }
      if (run.effects.elsewhere.size || current.effects.elsewhere.size) elsewhereMoved = true;
    }
    // keys looked up elsewhere: recomputed only when a revisited unit had some
    if (elsewhereMoved) {
      const elsewhere = new Set<string>();
      for (const run of doc.runs) for (const k of run.effects.elsewhere) elsewhere.add(k);
      doc.elsewhere = elsewhere;
    }
  }

  /** Units were added, removed or moved: walk every unit with a fresh state map. */
  private foldAll(doc: DocFold, units: Unit[], changed: Set<string>, moved: Moved | undefined, idsChangedElsewhere: boolean): void {
    const state = new Map<string, Entry>();
    const elsewhere = new Set<string>();
    const elsewhereOf = this.elsewhereOf(doc);
    const runs: Run[] = [];
    const byKey = new Map<object, Run>();
    const oldIndex = doc.pos;
    const candidates = new Set<string>();
    /** Some resource id changed above the unit being folded (units that suggested an id run again). */
    let idsChanged = idsChangedElsewhere;
    const addCandidate = (k: string) => candidates.add(k);
    // A new unit (edited text) most likely replaces the old runs between its unchanged neighbours:
    // their writes are offered to the new run so equal values keep their Entry objects.
    const anchorIndex = units.map((u, i) => {
      const old = doc.byKey.get(u.key) ?? moved?.runs.get(i);
      return old ? oldIndex.get(old)! : -1;
    });
    const nextAnchor: number[] = new Array(units.length);
    for (let i = units.length - 1, next = doc.runs.length; i >= 0; i--) {
      nextAnchor[i] = next;
      if (anchorIndex[i] >= 0) next = anchorIndex[i];
    }
    let prevAnchor = -1;
    let windowKey = '';
    let windowWrites = new Map<string, Entry>();
    let reordered = false;
    let lastIndex = -1;
    for (let i = 0; i < units.length; i++) {
      const unit = units[i];
      const old = byKey.has(unit.key) ? undefined : doc.byKey.get(unit.key);
      let run: Run;
      let shifted: Run | undefined;
      if (old && !(idsChanged && old.effects.suggests) && isValid(old.effects, (k) => state.get(k), elsewhereOf)) {
        run = old;
        const index = oldIndex.get(old)!;
        if (index < lastIndex) reordered = true;
        lastIndex = index;
      } else if (
        moved?.runs.has(i) &&
        !(idsChanged && moved.runs.get(i)!.effects.suggests) &&
        isValid((shifted = moved.shift.run(moved.runs.get(i)!, unit.source)).effects, (k) => state.get(k), elsewhereOf)
      ) {
        // the same text moved by whole lines, and what it read moved with it: its products, shifted
        // in place (the same entries: other documents and the workspace rules learn of them here)
        run = shifted;
        this.stats.unitsShifted++;
        for (const k of run.effects.writes.keys()) changed.add(k);
      } else {
        let previous = old?.effects.writes ?? shifted?.effects.writes;
        if (!old && !shifted) {
          // one map per stretch between unchanged units, shared by the new units in it
          const window = `${prevAnchor}:${nextAnchor[i]}`;
          if (windowKey !== window) {
            windowKey = window;
            windowWrites = new Map();
            for (let j = prevAnchor + 1; j < nextAnchor[i] && j < doc.runs.length; j++) {
              for (const [k, e] of doc.runs[j].effects.writes) windowWrites.set(k, e);
            }
            // the old runs of the stretch are gone: their keys may have changed
            for (const k of windowWrites.keys()) addCandidate(k);
          }
          previous = windowWrites;
        }
        run = this.execute(doc, unit, state, previous);
        for (const [k, e] of run.effects.writes) if (previous?.get(k) !== e) addCandidate(k);
        // an id created or deleted (not a value changed, not moved): "did you mean" below may answer otherwise
        if (!idsChanged) {
          for (const [k, e] of run.effects.writes) if (isResourceKey(k) && isLive(e) !== isLive(previous?.get(k))) idsChanged = true;
          if (previous) for (const [k, e] of previous) if (isResourceKey(k) && isLive(e) && !run.effects.writes.has(k)) idsChanged = true;
        }
        if (old) for (const [k, e] of old.effects.writes) if (run.effects.writes.get(k) !== e) addCandidate(k);
      }
      if (anchorIndex[i] >= 0) prevAnchor = anchorIndex[i];
      runs.push(run);
      if (!byKey.has(unit.key)) byKey.set(unit.key, run);
      for (const [k, e] of run.effects.writes) state.set(k, e);
      for (const k of run.effects.elsewhere) elsewhere.add(k);
    }
    const kept = new Set(runs);
    for (const r of doc.runs) if (!kept.has(r)) for (const k of r.effects.writes.keys()) addCandidate(k);
    if (reordered) for (const k of doc.writers.keys()) addCandidate(k);
    const before = new Map<string, [Entry | undefined, Entry | undefined]>();
    for (const k of candidates) before.set(k, [doc.entryAt(k), doc.defined(k)]);
    doc.runs = runs;
    doc.byKey = byKey;
    doc.elsewhere = elsewhere;
    doc.rebuildIndex();
    if (reordered) for (const k of doc.writers.keys()) if (!before.has(k)) before.set(k, [undefined, undefined]);
    // what other documents and the merged model see: the final entry and the last live entry
    for (const [k, [final, visible]] of before) {
      if (doc.entryAt(k) === final && doc.defined(k) === visible) continue;
      changed.add(k);
      if (isResourceKey(k) && (isLive(final) !== isLive(doc.entryAt(k)) || !visible !== !doc.defined(k))) this.namesChanged = true;
    }
  }

  private execute(doc: DocFold, unit: Unit, before: { get(k: string): Entry | undefined }, previous: Map<string, Entry> | undefined): Run {
    const unitState = new UnitState(before, this.elsewhereOf(doc), this.elsewhereCertain(doc));
    unitState.elsewhereKeys = this.elsewhereKeys(doc);
    unitState.nameIndex = (table) => (table === 'rsc' ? this.resourceNames : undefined);
    this.stats.unitsRun++;
    unitState.ownKeys =
      before instanceof Map
        ? (prefix) => [...before.keys()].filter((k) => k.startsWith(prefix))
        : (prefix) => [...doc.writers.keys()].filter((k) => k.startsWith(prefix));
    const run: Run = { effects: unitState.effects, diagnostics: [], occurrences: [], nodeChecks: [], source: unit.source, key: unit.key };
    const model = stateModel(unitState, doc.uri, run);
    const ctx = new FoldContext(model, new ConstraintStore(new StateMap(unitState, 'con'), new StateMap(unitState, 'conr')));
    STATE_OF.set(ctx, unitState);
    ctx.clusterState = unitState;
    ctx.uri = doc.uri;
    unit.execute(ctx);
    run.nodeChecks = pendingNodeChecks(model);
    run.effects = unitState.commit(previous);
    return run;
  }

  /** The workspace model: every document's final state merged in fold order, runs' products, and
   * the workspace-wide rules (re-run only when some state changed). */
  private assemble(stateChanged: boolean): ClusterModel {
    const previous = this.model;
    const model = emptyModel();
    model.order = this.order.map((d) => d.uri);
    if (stateChanged || !previous) {
      // every document's final entries, in the order their keys are first written (rules that pick
      // "the first" depend on it), straight into the tables: a Map or Set keeps a key's first place and
      // takes the later document's value, as a merged map would
      const constraints = new Map<string, ConstraintInfo>();
      for (const doc of this.order) {
        for (const k of doc.keyOrder) {
          const sep = k.indexOf('\0');
          const table = k.slice(0, sep);
          // tables the fold keeps for itself (unique values, constraint lookups, memberships)
          if (table === 'uniq' || table === 'conr' || table === 'memb' || table === 'cur') continue;
          const list = doc.writers.get(k)!;
          const e = list[list.length - 1].effects.writes.get(k)!;
          if (e.deleted) continue;
          const name = k.slice(sep + 1);
          const value = e.value;
          switch (table) {
            case 'rsc':
              model.resources.set(name, value as ResourceInfo);
              break;
            case 'ever':
              model.everCreated.set(name, value as ResourceInfo);
              break;
            case 'node':
              model.nodes.set(name, value as NodeInfo);
              break;
            case 'host':
              model.knownHostNames.add(name);
              break;
            case 'prop':
              model.properties.set(name, value as { value: string; ref: Ref });
              break;
            case 'rdef':
              model.resourceDefaults.set(name, value as string);
              break;
            case 'name':
              model.clusterName = value as ClusterModel['clusterName'];
              break;
            case 'tcb':
              model.targetcli.backstores.set(name, value as Ref);
              break;
            case 'tct':
              model.targetcli.targets.set(name, value as Ref);
              break;
            case 'tcp':
              model.targetcli.tpgs.add(name);
              break;
            case 'tca':
              model.targetcli.acls.set(name, value as Ref);
              break;
            case 'tcl':
              model.targetcli.luns.set(name, value as Ref);
              break;
            case 'con':
              constraints.set(name, value as ConstraintInfo);
              break;
            default:
              break;
          }
        }
      }
      model.constraints = [...constraints.values()];
      // a resource that still exists is the same object in both maps (rules compare them)
      for (const [id, r] of model.everCreated) {
        const live = model.resources.get(id);
        if (live && live.kind === r.kind) model.everCreated.set(id, live);
      }
      const ctx = new FoldContext(model);
      stonithRules(ctx);
      exportfsRules(ctx);
      groupTypoRule(ctx);
      placementRules(ctx);
      expertRules(ctx);
      this.stateRuleDiagnostics = model.diagnostics;
      model.diagnostics = new Map();
    } else {
      model.clusterName = previous.clusterName;
      model.nodes = previous.nodes;
      model.knownHostNames = previous.knownHostNames;
      model.resources = previous.resources;
      model.everCreated = previous.everCreated;
      model.constraints = previous.constraints;
      model.properties = previous.properties;
      model.resourceDefaults = previous.resourceDefaults;
      model.targetcli = previous.targetcli;
    }
    // node names are checked against the final node list; the checks move with their lines
    const checks = pendingNodeChecks(model);
    for (const doc of this.order) for (const run of doc.runs) for (const c of run.nodeChecks) checks.push(c);
    nodeRules(new FoldContext(model));
    const nodeDiagnostics = model.diagnostics;
    const diagnostics = new Map<string, Diagnostic[]>();
    const occurrences = new Map<string, Occurrence[]>();
    for (const doc of this.order) {
      const list: Diagnostic[] = [];
      const occ: Occurrence[] = [];
      for (const run of doc.runs) {
        for (const d of run.diagnostics) list.push(d);
        for (const o of run.occurrences) occ.push(o);
      }
      for (const d of this.stateRuleDiagnostics.get(doc.uri) ?? []) list.push(d);
      for (const d of nodeDiagnostics.get(doc.uri) ?? []) list.push(d);
      if (list.length) diagnostics.set(doc.uri, [...(diagnostics.get(doc.uri) ?? []), ...list]);
      if (occ.length) occurrences.set(doc.uri, [...(occurrences.get(doc.uri) ?? []), ...occ]);
    }
    model.diagnostics = diagnostics;
    model.occurrences = occurrences;
    return model;
  }
}

// ---- shell alternatives -------------------------------------------------------------------------

/** Move the unit's state from the alternatives `open` to those of the next command, `path`: close
 * the constructs it left, switch arms where it is in another arm of the same construct, open the
 * constructs it entered. Returns the new open path. */
function enterBranch(
  state: UnitState,
  open: NonNullable<Invocation['branch']>,
  path: NonNullable<Invocation['branch']>,
): NonNullable<Invocation['branch']> {
  let common = 0;
  while (common < open.length && common < path.length && open[common].id === path[common].id && open[common].arm === path[common].arm)
    common++;
  const stack = open.slice(0, common);
  for (let i = open.length - 1; i >= common; i--) {
    if (i === common && path.length > common && open[i].id === path[i].id) {
      state.nextArm();
      stack.push(path[i]);
      common++;
      break;
    }
    state.endBranch();
  }
  for (let i = common; i < path.length; i++) {
    state.beginBranch(path[i].of);
    stack.push(path[i]);
  }
  return stack;
}

// ---- units moved by whole lines ------------------------------------------------------------------

/** Old runs whose unit reappears with the same content at the end of the document, moved by the same
 * number of lines (text inserted or deleted above them), keyed by the new unit's index. */
interface Moved {
  runs: Map<number, Run>;
  shift: LineShift;
}

function movedRuns(doc: DocFold, units: Unit[]): Moved | undefined {
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

const STATE_OF = new WeakMap<FoldContext, UnitState>();
/** Outside an incremental fold (a FoldContext over a plain model): a per-model index. */
const LOCAL_UNIQUE = new WeakMap<object, Map<string, string[]>>();
function localUnique(ctx: FoldContext): Map<string, string[]> {
  let map = LOCAL_UNIQUE.get(ctx.model);
  if (!map) LOCAL_UNIQUE.set(ctx.model, (map = new Map()));
  return map;
}

function isResourceKey(k: string): boolean {
  return k.startsWith('rsc\0');
}

function isLive(e: Entry | undefined): boolean {
  return !!e && !e.deleted;
}

function intersects(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const k of small) if (large.has(k)) return true;
  return false;
}

/** Do the unit's recorded reads still resolve to the entries it saw? */
function isValid(
  effects: UnitEffects,
  entryAbove: (k: string) => Entry | undefined,
  elsewhereOf: (k: string) => Entry | undefined,
): boolean {
  if (effects.volatile) return false;
  for (const [rk, seen] of effects.reads) {
    if (rk.charCodeAt(0) === 76 /* L: this document only */) {
      if ((entryAbove(rk.slice(1)) ?? null) !== seen) return false;
      continue;
    }
    const own = entryAbove(rk);
    if (own) {
      if (own !== seen) return false;
    } else if (effects.elsewhere.has(rk)) {
      if ((elsewhereOf(rk) ?? null) !== seen) return false;
    } else if (seen !== null) return false;
  }
  return true;
}

/** Did the unit read one of these keys (in either look-up mode)? */
function readsAny(effects: UnitEffects, keys: Set<string>): boolean {
  for (const rk of effects.reads.keys()) if (keys.has(rk.charCodeAt(0) === 76 ? rk.slice(1) : rk)) return true;
  return false;
}

/** The model as the fold code sees it while one unit runs: every collection is a view of the unit's state. */
function stateModel(state: UnitState, uri: string, run: Run): ClusterModel {
  const nameKey = key('name', '');
  return {
    get clusterName() {
      return state.get(nameKey) as ClusterModel['clusterName'];
    },
    set clusterName(value) {
      if (value) state.set(nameKey, value);
      else state.delete(nameKey);
    },
    nodes: new StateMap(state, 'node'),
    knownHostNames: new StateSet(state, 'host'),
    resources: new StateMap(state, 'rsc'),
    everCreated: new StateMap(state, 'ever'),
    constraints: [],
    properties: new StateMap(state, 'prop'),
    resourceDefaults: new StateMap(state, 'rdef'),
    targetcli: {
      backstores: new StateMap(state, 'tcb'),
      targets: new StateMap(state, 'tct'),
      tpgs: new StateSet(state, 'tcp'),
      acls: new StateMap(state, 'tca'),
      luns: new StateMap(state, 'tcl'),
    },
    occurrences: new Map([[uri, run.occurrences]]),
    diagnostics: new Map([[uri, run.diagnostics]]),
    order: [uri],
  };
}

/** A cached diagnostic moved by `delta` lines (ranges of fixes included). */
function shiftLines<T>(value: T, delta: number): T {
  if (Array.isArray(value)) return value.map((v) => shiftLines(v, delta)) as T;
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = shiftLines(v, delta);
  if (typeof out.line === 'number' && typeof out.character === 'number') out.line = (out.line as number) + delta;
  return out as T;
}

// ---- nodes from /etc/hosts and corosync.conf ------------------------------------------------------

function applyHosts(ctx: FoldContext, file: WrittenFile): void {
  const lines = file.content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].replace(/#.*/, '');
    const fields = text.trim().split(/\s+/).filter(Boolean);
    if (fields.length < 2) continue;
    const [address, ...names] = fields;
    if (!/^[0-9a-fA-F:.]+$/.test(address) || /^(127\.|::1$)/.test(address)) continue;
    for (const name of names) {
      ctx.model.knownHostNames.add(name);
      const existing = ctx.model.nodes.get(name);
      if (existing) {
        if (!existing.addresses.includes(address)) existing.addresses.push(address);
        continue;
      }
      const column = lines[i].indexOf(name);
      const line = file.contentRange.start.line + i;
      const start = (file.lineOffsets[i] !== undefined ? columnOf(file, i) : 0) + column;
      const range = { start: { line, character: start }, end: { line, character: start + name.length } };
      ctx.model.nodes.set(name, { name, addresses: [address], source: '/etc/hosts', member: false, decl: { uri: ctx.uri, range } });
      ctx.mention({ text: name, range }, `node:${name}`, name, true);
    }
  }
}

/** Column where content line i starts: the content may be indented inside a Markdown list. */
function columnOf(file: WrittenFile, i: number): number {
  return i === 0 ? file.contentRange.start.character : 0;
}

function children(section: { children: CsNode[] }, name: string): CsSection[] {
  return section.children.filter((c): c is CsSection => c.type === 'section' && c.name === name);
}

function applyCorosync(ctx: FoldContext, file: CsFile): void {
  let cluster: string | undefined;
  for (const totem of children(file, 'totem')) {
    for (const kv of totem.children) if (kv.type === 'key' && kv.key === 'cluster_name' && kv.value) cluster = kv.value;
  }
  for (const totem of children(file, 'totem')) {
    for (const kv of totem.children) {
      if (kv.type === 'key' && kv.key === 'cluster_name' && kv.value)
        ctx.model.clusterName = { name: kv.value, decl: { uri: ctx.uri, range: kv.valueRange } };
    }
  }
  for (const nodelist of children(file, 'nodelist')) {
    for (const node of children(nodelist, 'node')) {
      let name: { value: string; range: import('vscode-languageserver-types').Range } | undefined;
      const addresses: string[] = [];
      for (const kv of node.children) {
        if (kv.type !== 'key') continue;
        if (kv.key === 'name') name = { value: kv.value, range: kv.valueRange };
        else if (/^ring\d+_addr$/.test(kv.key)) addresses.push(kv.value);
      }
      const nodeName = name?.value ?? addresses[0];
      if (!nodeName) continue;
      const range = name?.range ?? node.nameRange;
      ctx.model.nodes.set(nodeName, {
        name: nodeName,
        addresses,
        source: 'corosync.conf',
        member: true,
        decl: { uri: ctx.uri, range },
        ...(cluster ? { cluster } : {}),
      });
      if (cluster) joinCluster(ctx, nodeName, cluster);
      ctx.model.knownHostNames.add(nodeName);
      ctx.mention({ text: nodeName, range }, `node:${nodeName}`, nodeName, true);
    }
  }
}

/** A corosync.conf written by a heredoc: its cluster_name and node names count (a light read; the
 * corosync layer analyses the embedded file in full). */
function applyEmbeddedCorosyncNames(ctx: FoldContext, file: WrittenFile): void {
  const lines = file.content.split('\n');
  const cluster = /^\s*cluster_name\s*:\s*(\S+)/m.exec(file.content)?.[1];
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*(name|cluster_name)\s*:\s*(\S+)/.exec(lines[i]);
    if (!m) continue;
    if (m[1] === 'cluster_name') {
      const line = file.contentRange.start.line + i;
      const ch = (i === 0 ? file.contentRange.start.character : 0) + lines[i].indexOf(m[2], m[0].indexOf(':'));
      ctx.model.clusterName = {
        name: m[2],
        decl: { uri: ctx.uri, range: { start: { line, character: ch }, end: { line, character: ch + m[2].length } } },
      };
    } else {
      const line = file.contentRange.start.line + i;
      const ch = (i === 0 ? file.contentRange.start.character : 0) + lines[i].indexOf(m[2], m[0].indexOf(':'));
      const range = { start: { line, character: ch }, end: { line, character: ch + m[2].length } };
      if (!ctx.model.nodes.get(m[2])?.member) {
        ctx.model.nodes.set(m[2], {
          name: m[2],
          addresses: [],
          source: 'corosync.conf',
          member: true,
          decl: { uri: ctx.uri, range },
          ...(cluster ? { cluster } : {}),
        });
        if (cluster) joinCluster(ctx, m[2], cluster);
        ctx.mention({ text: m[2], range }, `node:${m[2]}`, m[2], true);
      }
      ctx.model.knownHostNames.add(m[2]);
    }
  }
}
