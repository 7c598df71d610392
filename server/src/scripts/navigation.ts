// Definition, references, rename and symbols over the model's occurrence index.
import {
  SymbolKind,
  type DocumentSymbol,
  type Location,
  type Position,
  type Range,
  type SymbolInformation,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { ClusterModel, Occurrence, ScriptDocument } from '../model/types';
import { isValidId } from '../pcs/values';
import { byRangeStart, rangeContains as contains } from '../base/position';

export function occurrenceAt(model: ClusterModel, uri: string, pos: Position): Occurrence | undefined {
  const list = model.occurrences.get(uri);
  if (!list) return undefined;
  let best: Occurrence | undefined;
  for (const o of list)
    if (
      contains(o.range, pos) &&
      (!best || o.range.end.character - o.range.start.character < best.range.end.character - best.range.start.character)
    )
      best = o;
  return best;
}

export function allOccurrences(model: ClusterModel, key: string): Occurrence[] {
  const out: Occurrence[] = [];
  for (const uri of model.order) for (const o of model.occurrences.get(uri) ?? []) if (o.key === key) out.push(o);
  return out;
}

const toLocation = (o: Occurrence): Location => ({ uri: o.uri, range: o.range });

export function scriptDefinition(doc: ScriptDocument, model: ClusterModel, pos: Position): Location[] {
  const at = occurrenceAt(model, doc.uri, pos);
  if (!at) return [];
  const all = allOccurrences(model, at.key);
  const decls = all.filter((o) => o.decl);
  // the declaration in effect for this line: the last one before it in fold order
  const order = model.order;
  const before = decls.filter(
    (d) => order.indexOf(d.uri) < order.indexOf(at.uri) || (d.uri === at.uri && d.range.start.line <= at.range.start.line),
  );
  const chosen = before.length ? before[before.length - 1] : decls[0];
  return chosen ? [toLocation(chosen)] : [];
}

export function scriptReferences(doc: ScriptDocument, model: ClusterModel, pos: Position, includeDeclaration: boolean): Location[] {
  const at = occurrenceAt(model, doc.uri, pos);
  if (!at) return [];
  return allOccurrences(model, at.key)
    .filter((o) => includeDeclaration || !o.decl)
    .map(toLocation);
}

export function scriptPrepareRename(doc: ScriptDocument, model: ClusterModel, pos: Position): Range | null {
  const at = occurrenceAt(model, doc.uri, pos);
  if (!at || at.key.startsWith('tcm:')) return null;
  return at.range;
}

export function scriptRename(doc: ScriptDocument, model: ClusterModel, pos: Position, newName: string): WorkspaceEdit | null {
  const at = occurrenceAt(model, doc.uri, pos);
  if (!at) return null;
  if (at.key.startsWith('rsc:') && !isValidId(newName).ok) return null;
  if (!newName || /\s/.test(newName)) return null;
  const changes: Record<string, { range: Range; newText: string }[]> = {};
  for (const o of allOccurrences(model, at.key)) {
    (changes[o.uri] ??= []).push({ range: o.range, newText: newName });
  }
  return { changes };
}

function kindOf(model: ClusterModel, key: string): SymbolKind {
  if (key.startsWith('node:')) return SymbolKind.Module;
  const r = model.everCreated.get(key.slice(4));
  switch (r?.kind) {
    case 'group':
      return SymbolKind.Namespace;
    case 'clone':
    case 'promotable':
      return SymbolKind.Array;
    case 'stonith':
      return SymbolKind.Event;
    default:
      return SymbolKind.Object;
  }
}

function detailOf(model: ClusterModel, key: string): string {
  if (key.startsWith('node:')) return `node (${model.nodes.get(key.slice(5))?.source ?? 'mentioned'})`;
  if (key.startsWith('tcm:')) return 'targetcli storage object';
  const r = model.everCreated.get(key.slice(4));
  return r ? `${r.kind}${r.agent ? ` ${r.agent}` : ''}` : 'resource';
}

export function scriptSymbols(doc: ScriptDocument, model: ClusterModel): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const o of model.occurrences.get(doc.uri) ?? []) {
    if (!o.decl) continue;
    out.push({ name: o.name, detail: detailOf(model, o.key), kind: kindOf(model, o.key), range: o.range, selectionRange: o.range });
  }
  for (const c of model.constraints) {
    if (c.ref.uri !== doc.uri) continue;
    out.push({ name: c.id, detail: `${c.type} constraint`, kind: SymbolKind.Operator, range: c.ref.range, selectionRange: c.ref.range });
  }
  return out.sort(byRangeStart);
}

export function workspaceSymbols(model: ClusterModel, query: string): SymbolInformation[] {
  const q = query.toLowerCase();
  const out: SymbolInformation[] = [];
  for (const uri of model.order) {
    for (const o of model.occurrences.get(uri) ?? []) {
      if (!o.decl || (q && !o.name.toLowerCase().includes(q))) continue;
      out.push({ name: o.name, kind: kindOf(model, o.key), location: toLocation(o), containerName: detailOf(model, o.key) });
    }
  }
  for (const c of model.constraints) {
    if (q && !c.id.toLowerCase().includes(q)) continue;
    out.push({
      name: c.id,
      kind: SymbolKind.Operator,
      location: { uri: c.ref.uri, range: c.ref.range },
      containerName: `${c.type} constraint`,
    });
  }
  return out;
}

export function clusterNodes(model: ClusterModel): { name: string; addresses: string[]; source: string }[] {
  return [...model.nodes.values()]
    .filter((n) => n.member || n.remote || n.source === 'host auth' || n.source === '/etc/hosts')
    .map((n) => ({ name: n.name, addresses: [...n.addresses], source: n.source }));
}
