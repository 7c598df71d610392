// Builds the cluster model as a fold over per-document step lists. Parsing a document's commands
// (the costly part) is cached per extract object, which the caller keeps per document version, so a
// rebuild after an edit re-parses one document and replays cheap steps for the others.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AgentUse, Invocation, ScriptExtract, Word, WrittenFile } from '../service/types';
import type { CsFile, CsNode, CsSection } from '../corosync/ast';
import { parsePcs, type PcsCommand } from '../pcs/grammar';
import { applyPcs } from '../pcs/apply';
import { parseTargetcli, type TargetcliCommand } from '../targetcli/grammar';
import { applyTargetcli } from '../targetcli/apply';
import { FoldContext, emptyModel } from './context';
import type { ClusterModel, CorosyncDocument, ScriptDocument } from './types';
import { lineRules } from '../scripts/rules/lineRules';
import { finalRules } from '../scripts/rules/finalRules';
import { agentDiagnostics } from '../agents/diagnostics';
import { loadAgentCatalog } from '../agents/catalog';

/** Whether the agent has promote/demote actions (undefined when the catalog does not know it). */
function isPromotable(agent: string, kind: 'resource' | 'stonith'): boolean | undefined {
  try {
    const found = loadAgentCatalog().resolve(agent, kind);
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

const STEP_CACHE = new WeakMap<ScriptExtract, Step[]>();

/** Expand a line written inside a loop (`pcs ... node$i`) into one line per loop value. */
export function expandInvocation(inv: Invocation): Invocation[] {
  const counts = inv.argv.map((w) => w.values?.length ?? 0);
  const n = Math.max(0, ...counts);
  if (n <= 1) {
    if (n === 1) return [{ ...inv, argv: inv.argv.map((w) => (w.values ? { ...w, text: w.values[0], values: undefined, dynamic: false } : w)) }];
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

export function stepsOf(extract: ScriptExtract): Step[] {
  const cached = STEP_CACHE.get(extract);
  if (cached) return cached;
  const steps: { at: number; line: number; step: Step }[] = [];
  for (const inv of extract.invocations) {
    for (const one of expandInvocation(inv)) {
      let step: Step;
      if (one.command === 'pcs') step = { kind: 'pcs', inv: one, cmd: parsePcs(one.argv) };
      else if (one.command === 'targetcli') step = { kind: 'targetcli', inv: one, cmd: parseTargetcli(one.argv) };
      else step = { kind: 'other', inv: one };
      steps.push({ line: one.range.start.line, at: one.range.start.character, step });
    }
  }
  for (const file of extract.files) {
    if (file.path === '/etc/hosts') steps.push({ line: file.contentRange.start.line, at: file.contentRange.start.character, step: { kind: 'hosts', file } });
  }
  steps.sort((a, b) => a.line - b.line || a.at - b.at);
  const result = steps.map((s) => s.step);
  STEP_CACHE.set(extract, result);
  return result;
}

function uriPath(uri: string): string {
  return decodeURIComponent(uri.replace(/^file:\/\//, ''));
}

export interface BuildOptions {
  /** Run the agents layer's checks on every `resource create` / `stonith create` (default true). */
  agentChecks?: boolean;
}

export function buildClusterModel(scripts: ScriptDocument[], corosync: CorosyncDocument[], options: BuildOptions = {}): ClusterModel {
  const model = emptyModel();
  const ctx = new FoldContext(model);
  for (const doc of [...corosync].sort((a, b) => uriPath(a.uri).localeCompare(uriPath(b.uri)))) {
    ctx.uri = doc.uri;
    model.order.push(doc.uri);
    applyCorosync(ctx, doc.file);
  }
  // others of the same agent: the agents layer compares them for unique parameters
  const agentUses = new Map<string, AgentUse[]>();
  const checkAgent = (use: AgentUse): boolean => {
    let diagnostics: Diagnostic[] = [];
    if (options.agentChecks !== false) {
      try {
        diagnostics = agentDiagnostics(use, agentUses.get(use.agent.text) ?? []);
      } catch {
        diagnostics = [];
      }
    }
    const same = agentUses.get(use.agent.text);
    if (same) same.push(use);
    else agentUses.set(use.agent.text, [use]);
    if (!diagnostics.length) return false;
    let list = model.diagnostics.get(ctx.uri);
    if (!list) model.diagnostics.set(ctx.uri, (list = []));
    list.push(...diagnostics);
    return diagnostics.some((d) => d.severity === 1);
  };
  for (const doc of [...scripts].sort((a, b) => uriPath(a.uri).localeCompare(uriPath(b.uri)))) {
    ctx.uri = doc.uri;
    model.order.push(doc.uri);
    for (const file of doc.extract.files) {
      if (/corosync\.conf$/.test(file.path)) applyEmbeddedCorosyncNames(ctx, file);
    }
    for (const step of stepsOf(doc.extract)) {
      if (step.kind === 'hosts') {
        applyHosts(ctx, step.file);
        continue;
      }
      ctx.inv = step.inv;
      if (step.kind === 'pcs') applyPcs(ctx, step.cmd, { onAgentUse: checkAgent, isPromotable });
      else if (step.kind === 'targetcli') applyTargetcli(ctx, step.cmd);
      lineRules(ctx, step.inv, step.kind === 'pcs' ? step.cmd : undefined);
    }
  }
  ctx.finishConstraints();
  finalRules(ctx);
  return model;
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
  for (const totem of children(file, 'totem')) {
    for (const kv of totem.children) {
      if (kv.type === 'key' && kv.key === 'cluster_name' && kv.value) ctx.model.clusterName = { name: kv.value, decl: { uri: ctx.uri, range: kv.valueRange } };
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
      ctx.model.nodes.set(nodeName, { name: nodeName, addresses, source: 'corosync.conf', member: true, decl: { uri: ctx.uri, range } });
      ctx.model.knownHostNames.add(nodeName);
      ctx.mention({ text: nodeName, range }, `node:${nodeName}`, nodeName, true);
    }
  }
}

/** A corosync.conf written by a heredoc: its cluster_name and node names count (a light read; the
 * corosync layer analyses the embedded file in full). */
function applyEmbeddedCorosyncNames(ctx: FoldContext, file: WrittenFile): void {
  const lines = file.content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*(name|cluster_name)\s*:\s*(\S+)/.exec(lines[i]);
    if (!m) continue;
    if (m[1] === 'cluster_name') {
      const line = file.contentRange.start.line + i;
      const ch = (i === 0 ? file.contentRange.start.character : 0) + lines[i].indexOf(m[2], m[0].indexOf(':'));
      ctx.model.clusterName = { name: m[2], decl: { uri: ctx.uri, range: { start: { line, character: ch }, end: { line, character: ch + m[2].length } } } };
    } else {
      const line = file.contentRange.start.line + i;
      const ch = (i === 0 ? file.contentRange.start.character : 0) + lines[i].indexOf(m[2], m[0].indexOf(':'));
      const range = { start: { line, character: ch }, end: { line, character: ch + m[2].length } };
      if (!ctx.model.nodes.get(m[2])?.member) {
        ctx.model.nodes.set(m[2], { name: m[2], addresses: [], source: 'corosync.conf', member: true, decl: { uri: ctx.uri, range } });
        ctx.mention({ text: m[2], range }, `node:${m[2]}`, m[2], true);
      }
      ctx.model.knownHostNames.add(m[2]);
    }
  }
}
