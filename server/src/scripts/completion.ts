// Completion in pcs and targetcli lines: subcommands, options, ids where an id is expected, node
// names, property names/values, scores; agents and their parameters come from the agents layer.
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import type { Word } from '../base/types';
import type { ClusterModel, ScriptDocument } from '../model/types';
import { commandDef, isOptionWord, parsePcs, subcommandsAfter } from '../pcs/grammar';
import { shortDescription } from '../pcs/descriptions';
import { SETTABLE_PROPERTIES, CLUSTER_PROPERTY_MAP, ROLES } from '../pcs/values';
import { invocationAt } from './hover';
import { rangeContains as containsPos } from '../base/position';
import {
  completeAgentIds,
  completeAgentParams,
  completeParamValues,
  completeOpNames,
  completeOpOptions,
  completeMetaAttributes,
} from '../agents/completion';
import { CREATE_SIGNATURES, GLOBAL_COMMANDS, parseTargetcli, pathKind } from '../targetcli/grammar';

const RESOURCE_FIRST = new Set([
  'resource delete',
  'resource remove',
  'resource update',
  'resource meta',
  'resource enable',
  'resource disable',
  'resource clone',
  'resource promotable',
  'resource unclone',
  'resource move',
  'resource ban',
  'resource clear',
  'resource cleanup',
  'resource refresh',
  'resource restart',
  'resource manage',
  'resource unmanage',
  'resource op add',
  'resource relations',
  'resource utilization',
  'constraint location',
  'constraint ref',
  'stonith delete',
  'stonith remove',
  'stonith update',
  'stonith enable',
  'stonith disable',
  'resource ungroup',
]);
const NODE_ARGS = new Set([
  'stonith fence',
  'stonith confirm',
  'stonith history cleanup',
  'node standby',
  'node unstandby',
  'node maintenance',
  'node unmaintenance',
  'cluster node remove',
  'cluster start',
  'cluster stop',
]);
const SCORES = ['INFINITY', '-INFINITY', '100', '50', '0', '-100'];

function items(labels: string[], kind: CompletionItemKind, detail?: string, prefix = ''): CompletionItem[] {
  return labels.filter((l) => l.startsWith(prefix)).map((label) => ({ label, kind, detail }));
}

export function scriptCompletion(doc: ScriptDocument, model: ClusterModel, text: string, pos: Position): CompletionItem[] {
  const inv = invocationAt(doc, pos) ?? invocationOnLine(doc, pos);
  const lineText = text.split('\n')[pos.line] ?? '';
  if (!inv) return [];
  // words before the cursor, and the partly typed word under it
  const current = inv.argv.find((w) => containsPos(w.range, pos));
  const before = inv.argv.filter(
    (w) => w !== current && (w.range.end.line < pos.line || (w.range.end.line === pos.line && w.range.end.character <= pos.character)),
  );
  const prefix = current
    ? current.text.slice(
        0,
        Math.max(0, pos.character - current.range.start.character - (/^["']/.test(lineText.slice(current.range.start.character)) ? 1 : 0)),
      )
    : '';
  if (inv.command === 'pcs') return pcsCompletion(model, before, prefix);
  if (inv.command === 'targetcli') return targetcliCompletion(model, before, prefix);
  return [];
}

function invocationOnLine(doc: ScriptDocument, pos: Position) {
  // the cursor just after the last word: the invocation ends before it on the same line
  for (const inv of doc.extract.invocations) {
    if (inv.range.start.line <= pos.line && inv.range.end.line >= pos.line && inv.range.end.character <= pos.character) return inv;
  }
  return undefined;
}

function resourceItems(model: ClusterModel, prefix: string, filter?: (kind: string) => boolean): CompletionItem[] {
  return [...model.resources.values()]
    .filter((r) => r.id.startsWith(prefix) && (!filter || filter(r.kind)))
    .map((r) => ({ label: r.id, kind: CompletionItemKind.Reference, detail: `${r.kind}${r.agent ? ` ${r.agent}` : ''}` }));
}

function nodeItems(model: ClusterModel, prefix: string, suffix = ''): CompletionItem[] {
  const names = new Set([...model.nodes.keys()]);
  return [...names]
    .filter((n) => n.startsWith(prefix))
    .map((n) => ({ label: n + suffix, kind: CompletionItemKind.Module, detail: model.nodes.get(n)?.source }));
}

function pcsCompletion(model: ClusterModel, before: Word[], prefix: string): CompletionItem[] {
  const cmd = parsePcs(before);
  const path = cmd.pathWords.map((w) => w.text);
  const subs = subcommandsAfter(path);
  const positionalCount = cmd.args.length;
  if (prefix.startsWith('-')) {
    const def = cmd.def ?? commandDef(path);
    const opts = def ? def.options : ['--force', '--debug'];
    return items([...new Set([...opts, '--debug'])], CompletionItemKind.Property, 'option', prefix);
  }
  if (subs.length && positionalCount === 0) {
    const subItems = subs
      .filter((s) => s.name.startsWith(prefix))
      .map((s) => ({
        label: s.name,
        kind: CompletionItemKind.Keyword,
        detail: shortDescription([...path, s.name]) ?? s.def?.syntax.split('\n')[0],
      }));
    if (!cmd.def || path.length === 0 || cmd.def.path.length !== path.length) return subItems;
    // both a subcommand and an argument may come here (pcs constraint location <resource> | add ...)
    return [...subItems, ...argumentCompletion(model, cmd.def.path.join(' '), [], prefix)];
  }
  if (!cmd.def) return [];
  return argumentCompletion(model, cmd.def.path.join(' '), cmd.args, prefix);
}

function argumentCompletion(model: ClusterModel, chain: string, args: Word[], prefix: string): CompletionItem[] {
  const n = args.length;
  if (chain === 'property set') {
    const eq = prefix.indexOf('=');
    if (eq > 0) {
      const prop = CLUSTER_PROPERTY_MAP.get(prefix.slice(0, eq));
      const values = prop?.values ?? (prop?.type === 'boolean' ? ['true', 'false'] : []);
      return values
        .filter((v) => v.startsWith(prefix.slice(eq + 1)))
        .map((v) => ({ label: v, kind: CompletionItemKind.Value, detail: prop?.default === v ? 'default' : undefined }));
    }
    return SETTABLE_PROPERTIES.filter((p) => p.name.startsWith(prefix)).map((p) => ({
      label: `${p.name}=`,
      kind: CompletionItemKind.Property,
      detail: p.shortdesc,
      sortText: p.advanced ? `z${p.name}` : p.name,
    }));
  }
  if (chain === 'property unset')
    return [...model.properties.keys()].filter((k) => k.startsWith(prefix)).map((label) => ({ label, kind: CompletionItemKind.Property }));
  if (chain === 'resource create' || chain === 'stonith create')
    return createCompletion(chain === 'stonith create' ? 'stonith' : 'resource', args, prefix, model);
  if (chain === 'resource describe') return n === 0 ? safe(() => completeAgentIds(prefix, 'resource')) : [];
  if (chain === 'stonith describe') return n === 0 ? safe(() => completeAgentIds(prefix, 'stonith')) : [];
  if (chain === 'constraint location') {
    if (n === 0) return resourceItems(model, prefix, (k) => k !== 'stonith');
    if (n === 1) return items(['prefers', 'avoids', 'rule'], CompletionItemKind.Keyword, undefined, prefix);
    const eq = prefix.indexOf('=');
    if (eq > 0)
      return SCORES.map((s) => ({
        label: prefix.slice(0, eq + 1) + s,
        kind: CompletionItemKind.Value,
        filterText: prefix.slice(0, eq + 1) + s,
      }));
    return nodeItems(model, prefix, '=');
  }
  if (chain === 'constraint order') {
    const thenSeen = args.some((w) => w.text === 'then');
    if (n >= 1 && !thenSeen) return [...items(['then'], CompletionItemKind.Keyword, undefined, prefix), ...resourceItems(model, prefix)];
    return [
      ...items(['start', 'stop', 'promote', 'demote'], CompletionItemKind.Keyword, 'action', prefix),
      ...resourceItems(model, prefix),
    ];
  }
  if (chain === 'constraint colocation add') {
    const withSeen = args.some((w) => w.text === 'with');
    if (withSeen && args[args.length - 1]?.text !== 'with' && !ROLES.includes(args[args.length - 1]?.text))
      return items(SCORES, CompletionItemKind.Value, 'score', prefix);
    return [
      ...items(n >= 1 && !withSeen ? ['with'] : [], CompletionItemKind.Keyword, undefined, prefix),
      ...items(
        ROLES.filter((r) => !['Master', 'Slave'].includes(r)),
        CompletionItemKind.EnumMember,
        'role',
        prefix,
      ),
      ...resourceItems(model, prefix),
    ];
  }
  if (chain === 'resource group add')
    return n === 0 ? resourceItems(model, prefix, (k) => k === 'group') : resourceItems(model, prefix, (k) => k === 'primitive');
  if (chain === 'resource group delete' || chain === 'resource group remove') return resourceItems(model, prefix, (k) => k === 'group');
  if (chain === 'stonith level add') {
    if (n === 1) return nodeItems(model, prefix);
    if (n >= 2) return resourceItems(model, prefix, (k) => k === 'stonith');
    return [];
  }
  if (RESOURCE_FIRST.has(chain)) {
    if (n === 0) return resourceItems(model, prefix, chain.startsWith('stonith') ? (k) => k === 'stonith' : undefined);
    if (['resource move', 'resource ban', 'resource clear'].includes(chain) && n === 1) return nodeItems(model, prefix);
    if (chain === 'resource meta') return safe(() => completeMetaAttributes(prefix));
    if (chain === 'resource update' || chain === 'stonith update') {
      const r = model.resources.get(args[0].text);
      if (r?.agent) return safe(() => completeAgentParams(r.agent!, [...r.params.keys()], prefix));
    }
    return [];
  }
  if (NODE_ARGS.has(chain)) return nodeItems(model, prefix);
  if (chain === 'constraint delete' || chain === 'constraint remove')
    return model.constraints
      .filter((c) => c.id.startsWith(prefix))
      .map((c) => ({ label: c.id, kind: CompletionItemKind.Reference, detail: `${c.type} constraint` }));
  return [];
}

function safe(f: () => CompletionItem[]): CompletionItem[] {
  try {
    return f();
  } catch {
    return [];
  }
}

function createCompletion(kind: 'resource' | 'stonith', args: Word[], prefix: string, model: ClusterModel): CompletionItem[] {
  const n = args.length;
  if (n === 0) return [];
  if (n === 1) return safe(() => completeAgentIds(prefix, kind));
  const agent = kind === 'stonith' && !args[1].text.includes(':') ? `stonith:${args[1].text}` : args[1].text;
  let mode = 'params';
  let opSeen = false;
  for (const w of args.slice(2)) {
    if (['op', 'meta', 'clone', 'promotable', 'bundle'].includes(w.text)) {
      mode = w.text;
      opSeen = false;
    } else if (mode === 'op' && !w.text.includes('=')) opSeen = true;
  }
  const eq = prefix.indexOf('=');
  if (mode === 'params') {
    if (eq > 0) return safe(() => completeParamValues(agent, prefix.slice(0, eq), prefix.slice(eq + 1)));
    const given = args.slice(2).map((w) => w.text.split('=')[0]);
    return [
      ...safe(() => completeAgentParams(agent, given, prefix)),
      ...items(['op', 'meta', 'clone', 'promotable'], CompletionItemKind.Keyword, undefined, prefix),
    ];
  }
  if (mode === 'op')
    return opSeen && !prefix
      ? [...safe(() => completeOpOptions()), ...safe(() => completeOpNames(agent))]
      : opSeen
        ? safe(() => completeOpOptions()).filter((i) => i.label.startsWith(prefix))
        : safe(() => completeOpNames(agent)).filter((i) => i.label.startsWith(prefix));
  if (mode === 'meta') return safe(() => completeMetaAttributes(prefix));
  return resourceItems(model, prefix).length ? [] : [];
}

function targetcliCompletion(model: ClusterModel, before: Word[], prefix: string): CompletionItem[] {
  const cmd = parseTargetcli(before);
  if (!cmd.commandWord && !cmd.pathWord && (prefix === '' || prefix.startsWith('/') || /^[a-z]/.test(prefix)) && before.length <= 1) {
    const tc = model.targetcli;
    const paths = [
      '/backstores/fileio',
      '/backstores/block',
      '/backstores/ramdisk',
      '/backstores/pscsi',
      '/iscsi',
      ...[...tc.targets.keys()].flatMap((t) => [`/iscsi/${t}/tpg1/luns`, `/iscsi/${t}/tpg1/acls`, `/iscsi/${t}/tpg1/portals`]),
    ];
    return [
      ...items(paths, CompletionItemKind.Folder, 'path', prefix),
      ...items(Object.keys(GLOBAL_COMMANDS), CompletionItemKind.Keyword, 'command', prefix),
    ];
  }
  if (!cmd.commandWord) return items(Object.keys(GLOBAL_COMMANDS), CompletionItemKind.Keyword, 'command', prefix);
  if (cmd.commandWord.text === 'create') {
    const sig = CREATE_SIGNATURES[pathKind(cmd.path).kind];
    if (pathKind(cmd.path).kind === 'luns')
      return [...model.targetcli.backstores.keys()].map((k) => ({ label: `/backstores/${k}`, kind: CompletionItemKind.Reference }));
    return sig
      ? items(
          sig.params.map((p) => `${p}=`),
          CompletionItemKind.Property,
          undefined,
          prefix,
        )
      : [];
  }
  if (cmd.commandWord.text === 'set' && cmd.args.length === 0)
    return items(['attribute', 'parameter', 'auth', 'global', 'discovery_auth'], CompletionItemKind.Keyword, undefined, prefix);
  return [];
}

export { isOptionWord };
