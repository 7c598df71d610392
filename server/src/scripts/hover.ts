// Hover for script documents: resource/node ids (definition + constraints), pcs subcommands and
// options, cluster properties, targetcli commands; agent words go to the agents layer.
import { codeBlock, escapeMarkdown, inlineCode } from '../base/markdownEscape';
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver-types';
import type { AgentUse, Invocation, Word } from '../base/types';
import { rangeContains as containsPos } from '../base/position';
import type { ClusterModel, ScriptDocument } from '../model/types';
import { expandInvocation } from '../model/build';
import { parsePcs, type PcsCommand } from '../pcs/grammar';
import { describeCommand, describeLegacy } from '../pcs/descriptions';
import { CLUSTER_PROPERTY_MAP } from '../pcs/values';
import { occurrenceAt } from './navigation';
import { agentHover } from '../agents/hover';
import { CREATE_SIGNATURES, GLOBAL_COMMANDS, parseTargetcli, pathKind } from '../targetcli/grammar';
import * as l10n from '@vscode/l10n';

/** Invocations are in document order: binary search on the start line, then scan the neighbours. */
export function invocationAt(doc: ScriptDocument, pos: Position): Invocation | undefined {
  const list = doc.extract.invocations;
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (list[mid].range.start.line <= pos.line) lo = mid;
    else hi = mid - 1;
  }
  for (let i = Math.min(lo + 2, list.length - 1); i >= Math.max(0, lo - 50); i--) {
    if (containsPos(list[i].range, pos)) return expandInvocation(list[i])[0];
  }
  return undefined;
}

export function wordAt(inv: Invocation, pos: Position): { word: Word; index: number } | undefined {
  const index = inv.argv.findIndex((w) => containsPos(w.range, pos));
  return index < 0 ? undefined : { word: inv.argv[index], index };
}

export function agentUseOf(cmd: PcsCommand): AgentUse | undefined {
  const chain = cmd.def?.path.join(' ');
  if (chain !== 'resource create' && chain !== 'stonith create') return undefined;
  const [id, agent, ...rest] = cmd.args;
  if (!id || !agent) return undefined;
  const use: AgentUse = { kind: chain === 'stonith create' ? 'stonith' : 'resource', id, agent, params: [], ops: [], meta: [] };
  let mode = 'params';
  for (const w of rest) {
    if (w.text === 'op' || w.text === 'meta' || w.text === 'clone' || w.text === 'promotable' || w.text === 'bundle') {
      mode = w.text;
      continue;
    }
    if (mode === 'params') use.params.push(w);
    else if (mode === 'meta') use.meta.push(w);
    else if (mode === 'op') {
      if (!w.text.includes('=')) use.ops.push({ name: w, options: [] });
      else use.ops[use.ops.length - 1]?.options.push(w);
    }
  }
  return use;
}

function md(value: string, range?: Range): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}

export function resourceMarkdown(model: ClusterModel, id: string): string | undefined {
  const r = model.resources.get(id) ?? model.everCreated.get(id);
  if (!r) return undefined;
  // Ids, names and values come from the lab files: escaped, so they stay text in the hover.
  const lines = [
    `**${escapeMarkdown(r.id)}** — ${r.kind}${r.agent ? ` ${inlineCode(r.agent)}` : ''}${model.resources.get(id) ? '' : ` *(${l10n.t('deleted later in the workspace')})*`}`,
  ];
  lines.push('', ...codeBlock(r.createdBy, 'sh'));
  if (r.group) lines.push(l10n.t('member of group {0}', `**${escapeMarkdown(r.group)}**`));
  if (r.clone) lines.push(l10n.t('cloned by {0}', `**${escapeMarkdown(r.clone)}**`));
  if (r.members.length) lines.push(l10n.t('members: {0}', r.members.map((m) => `**${escapeMarkdown(m)}**`).join(', ')));
  if (r.params.size) lines.push(l10n.t('parameters: {0}', [...r.params].map(([k, v]) => inlineCode(`${k}=${v}`)).join(' ')));
  if (r.meta.size) lines.push(`meta: ${[...r.meta].map(([k, v]) => inlineCode(`${k}=${v}`)).join(' ')}`);
  const touching = model.constraints.filter((c) => c.rsc === id || c.with === id);
  if (touching.length) {
    lines.push('', `**${l10n.t('Constraints')}**`);
    for (const c of touching) {
      const what =
        c.type === 'location'
          ? c.rule
            ? 'rule'
            : `${c.score} on ${c.node}`
          : c.type === 'order'
            ? `${c.rsc} then ${c.with}`
            : c.type === 'colocation'
              ? `${c.rsc} with ${c.with} (${c.score})`
              : c.type;
      lines.push(`- ${c.type} ${inlineCode(c.id)}: ${escapeMarkdown(what)}`);
    }
  }
  return lines.join('\n');
}

export function scriptHover(doc: ScriptDocument, model: ClusterModel, pos: Position): Hover | null {
  const inv = invocationAt(doc, pos);
  const occ = occurrenceAt(model, doc.uri, pos);
  if (occ) {
    if (occ.key.startsWith('rsc:')) {
      const text = resourceMarkdown(model, occ.name);
      if (text) return md(text, occ.range);
    } else if (occ.key.startsWith('node:')) {
      const n = model.nodes.get(occ.name);
      const text = n
        ? `**${escapeMarkdown(n.name)}** — ${n.remote ? l10n.t('Pacemaker {0} node (hosts resources, no quorum vote)', n.remote) : n.member ? l10n.t('cluster node') : l10n.t('known host')}\n\n${
            n.addresses.length
              ? l10n.t('from {0}; addresses: {1}', escapeMarkdown(n.source), n.addresses.map(escapeMarkdown).join(', '))
              : l10n.t('from {0}', escapeMarkdown(n.source))
          }`
        : `**${escapeMarkdown(occ.name)}** — ${l10n.t('not a known node')}`;
      return md(text, occ.range);
    }
  }
  if (!inv) return null;
  const at = wordAt(inv, pos);
  if (!at) return null;
  if (inv.command === 'pcs') {
    const cmd = parsePcs(inv.argv);
    // a pcs 0.9 form: what it was and what replaced it
    if (cmd.problems.some((p) => p.word === at.word && (p.code === 'pcs/removed-command' || p.code === 'pcs/deprecated-command'))) {
      const words = inv.argv
        .slice(1, inv.argv.indexOf(at.word) + 1)
        .filter((w) => !w.text.startsWith('-'))
        .map((w) => w.text);
      const text = describeLegacy(words);
      if (text) return md(text, at.word.range);
    }
    const pathIndex = cmd.pathWords.indexOf(at.word);
    if (pathIndex >= 0 || at.index === 0) {
      const path = cmd.pathWords.slice(0, Math.max(1, pathIndex + 1)).map((w) => w.text);
      const text = describeCommand(at.index === 0 ? [] : path, cmd.def && pathIndex === cmd.pathWords.length - 1 ? cmd.def : undefined);
      if (text) return md(text, at.word.range);
    }
    const option = cmd.options.find((o) => o.word === at.word);
    if (option) return md(`\`${option.name}\` — ${describeOption(option.name)}`, at.word.range);
    const use = agentUseOf(cmd);
    if (use) {
      try {
        const h = agentHover(use, pos);
        if (h) return h;
      } catch {
        /* agents layer unavailable: fall through */
      }
    }
    if (cmd.def?.path.join(' ') === 'property set' || cmd.def?.path.join(' ') === 'property unset') {
      const name = at.word.text.split('=')[0];
      const prop = CLUSTER_PROPERTY_MAP.get(name);
      if (prop) {
        const current = model.properties.get(name);
        return md(
          `**${prop.name}** (${prop.type}${prop.values ? `: ${prop.values.join(' | ')}` : ''}, ${l10n.t('default {0}', `\`${prop.default || '(none)'}\``)})\n\n${prop.shortdesc}${current ? `\n\n${l10n.t('set to {0} at the end of the workspace', `\`${current.value}\``)}` : ''}`,
          at.word.range,
        );
      }
    }
    return null;
  }
  if (inv.command === 'targetcli') {
    const cmd = parseTargetcli(inv.argv);
    if (at.word === cmd.commandWord) {
      const kind = pathKind(cmd.path).kind;
      const sig = at.word.text === 'create' ? CREATE_SIGNATURES[kind] : undefined;
      const doc = sig
        ? `\`create ${sig.params.map((p, i) => (i < sig.required ? p : `[${p}]`)).join(' ')}\`\n\n${sig.doc}`
        : GLOBAL_COMMANDS[at.word.text];
      if (doc) return md(`**targetcli ${at.word.text}**\n\n${doc}`, at.word.range);
    }
  }
  return null;
}

// functions: the language is chosen after this module loads
const OPTION_DOCS: Record<string, () => string> = {
  '--force': () => l10n.t("override pcs's checks; errors become warnings. Hides real mistakes — avoid in lab scripts."),
  '--group': () => l10n.t('put the new resource into this group (created when it does not exist).'),
  '--before': () => l10n.t('place the resource before this member of the group.'),
  '--after': () => l10n.t('place the resource after this member of the group.'),
  '--disabled': () => l10n.t('create the resource stopped (target-role=Stopped).'),
  '--all': () => l10n.t('apply to every node of the cluster.'),
  '--start': () => l10n.t('start the cluster on all nodes after setup.'),
  '--enable': () => l10n.t('start the cluster at boot on all nodes.'),
  '--wait': () => l10n.t('wait for the change to take effect (optionally --wait=SECONDS).'),
  '--full': () => l10n.t('show more detail.'),
  '-f': () => l10n.t('work on a CIB file instead of the live cluster.'),
  '-u': () => l10n.t('user name for authentication (hacluster).'),
  '-p': () => l10n.t('password for authentication — visible in shell history; omit it to be asked.'),
  '--promoted': () => l10n.t('limit the command to the promoted role.'),
  '--corosync_conf': () => l10n.t("write/read this corosync.conf instead of the cluster's."),
  '--no-default-ops': () => l10n.t("create only a monitor operation, not the agent's default operations."),
};

export function describeOption(name: string): string {
  return OPTION_DOCS[name]?.() ?? l10n.t('pcs option.');
}
