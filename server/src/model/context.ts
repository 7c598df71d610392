// The fold context: the model being built plus the helpers every rule uses to report a diagnostic or
// record a mention while the fold walks the workspace's commands in order. During the incremental
// fold (build.ts) `model` is a view of one unit's state (state.ts) and its diagnostics/occurrences
// lists are the unit's own.
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { diagnostic as makeDiagnostic } from '../base/diagnostic';
import type { FixData, Invocation, SeverityName, Word } from '../base/types';
import type { ClusterModel, Occurrence, Ref } from './types';
import { ConstraintStore } from './constraintStore';
import { clusterOfCommand } from './clusters';

export type Severity = SeverityName;

export function emptyModel(): ClusterModel {
  return {
    nodes: new Map(),
    knownHostNames: new Set(),
    resources: new Map(),
    everCreated: new Map(),
    constraints: [],
    properties: new Map(),
    resourceDefaults: new Map(),
    targetcli: { backstores: new Map(), targets: new Map(), tpgs: new Set(), acls: new Map(), luns: new Map() },
    occurrences: new Map(),
    diagnostics: new Map(),
    order: [],
  };
}

export class FoldContext {
  uri = '';
  /** The invocation being applied (set by the fold). */
  inv: Invocation | undefined;
  private readonly mentionKeys = new Map<string, Set<string>>();
  /** Set by the fold: the fold state's key/value access for the cluster bookkeeping (model/clusters.ts). */
  clusterState?: { get(k: string): unknown; getLocal(k: string): unknown; set(k: string, v: unknown): void };

  /** The cluster the current command belongs to: the one of the node it runs on, else the one this
   * document was last on (model/clusters.ts). */
  get cluster(): string | undefined {
    return clusterOfCommand(this);
  }

  constructor(
    readonly model: ClusterModel,
    readonly constraints: ConstraintStore = new ConstraintStore(),
  ) {}

  report(uri: string, range: Range, severity: Severity, code: string, message: string, fixes?: FixData['fixes'], related?: Ref[]): void {
    const diagnostic: Diagnostic = makeDiagnostic(range, severity, code, message, fixes);
    if (related?.length) {
      diagnostic.relatedInformation = related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: 'related' }));
    }
    let list = this.model.diagnostics.get(uri);
    if (!list) this.model.diagnostics.set(uri, (list = []));
    // the same word can be reported twice when a loop expands one line into several commands
    // (a set per list: a workspace rule may report thousands of times into one document)
    let seen = REPORTED.get(list);
    if (!seen || seen.size !== list.length) REPORTED.set(list, (seen = new Set(list.map(reportKey))));
    const k = reportKey(diagnostic);
    if (seen.has(k)) return;
    seen.add(k);
    list.push(diagnostic);
  }

  /** Report on a word of the current document. */
  at(word: Word | Range, severity: Severity, code: string, message: string, fixes?: FixData['fixes'], related?: Ref[]): void {
    const range = 'range' in word ? word.range : word;
    this.report(this.uri, range, severity, code, message, fixes, related);
  }

  ref(word: Word | Range): Ref {
    return { uri: this.uri, range: 'range' in word ? word.range : word };
  }

  mention(word: Word, key: string, name: string, decl: boolean): void {
    if (word.dynamic && !word.values) return;
    let list = this.model.occurrences.get(this.uri);
    if (!list) this.model.occurrences.set(this.uri, (list = []));
    const range = nameRange(word, name);
    let seen = this.mentionKeys.get(this.uri);
    if (!seen) this.mentionKeys.set(this.uri, (seen = new Set()));
    const id = `${key}@${range.start.line}:${range.start.character}`;
    if (seen.has(id)) return;
    seen.add(id);
    const occurrence: Occurrence = { uri: this.uri, range, key, name, decl };
    list.push(occurrence);
  }
}

/** Each diagnostics list's reported (code, range, message), for `report`'s duplicate check. */
const REPORTED = new WeakMap<Diagnostic[], Set<string>>();
function reportKey(d: Diagnostic): string {
  const r = d.range;
  return `${String(d.code)}\0${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}\0${d.message}`;
}

/**
 * The characters of `name` inside `word` (`node1=100` → `node1`; `"vip"` → `vip`), so rename edits
 * only the name. Falls back to the whole word when the word is not a plain one-line literal.
 */
export function nameRange(word: Word, name: string, from = 0): Range {
  const index = word.text.indexOf(name, from);
  if (index < 0 || word.textOffset === undefined || word.range.start.line !== word.range.end.line) return word.range;
  const rawLength = word.range.end.character - word.range.start.character;
  // a literal word whose raw form is the text itself, possibly quoted
  const quoted = rawLength === word.text.length + 2;
  if (rawLength !== word.text.length && !quoted) return word.range;
  const start = word.range.start.character + (quoted ? 1 : 0) + index;
  return { start: { line: word.range.start.line, character: start }, end: { line: word.range.start.line, character: start + name.length } };
}

/** A sub-word: `key=value` split into its value part, keeping exact characters when possible. */
export function valueWord(word: Word, value: string, offsetInText: number): Word {
  const range = nameRange(word, value, offsetInText);
  return {
    text: value,
    range,
    dynamic: word.dynamic,
    textOffset: word.textOffset !== undefined ? word.textOffset + offsetInText : undefined,
  };
}
