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
import type { AgentUse, Invocation, ScriptExtract, Word } from '../base/types';
import type { CsFile } from '../corosync/ast';
import { applyPcs, pendingNodeChecks } from '../pcs/apply';
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
import { extractUnits } from '../shell/extract';
import { isCorosyncConfPath } from '../base/paths';
import { LabOrder, runsBefore, unordered } from './order';
import { afterSetup, followPrompt, legacySetup } from './clusters';
import { NameIndex } from './nameIndex';
import { isPromotable, unitSteps, type Step } from './steps';
import { DocFold, type Run, type Unit } from './docFold';
import { movedRuns, type Moved } from './lineShift';
import { applyCorosync, applyEmbeddedCorosyncNames, applyHosts } from './nodeFacts';

export { expandInvocation } from './steps';

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
