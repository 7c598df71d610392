// Hovers over the words of an agent use: the agent itself, a parameter, an operation and its
// options, and meta attributes. Markdown, with the source of the data at the bottom.
import { escapeMarkdown } from '../base/markdownEscape';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import type { AgentUse, Position, Word } from '../base/types';
import { AgentCatalog, loadAgentCatalog, type PcsAgentView } from './catalog';
import { OPERATION_OPTIONS_BY_NAME, RESOURCE_META_BY_NAME, type PacemakerOption } from './pacemakerMeta';
import type { AgentMetadata, AgentParameter } from './types';
import { rangeContains as contains } from '../base/position';
import { splitPair } from './words';
import * as l10n from '@vscode/l10n';

function cell(text: string | undefined): string {
  return (text ?? '').replace(/\|/g, '\\|').replace(/\n+/g, ' ');
}

function yes(flag: boolean | undefined): string {
  return flag ? 'yes' : '';
}

function sourceLine(catalog: AgentCatalog, agent: AgentMetadata): string {
  const source = catalog.sourceOf(agent.id);
  // The detail names a node of the lab files: escaped.
  return `_${source.kind === 'live' ? l10n.t('Source: live metadata — {0}.', escapeMarkdown(source.detail)) : l10n.t('Source: agent catalog — {0}.', escapeMarkdown(source.detail))}_`;
}

export function agentMarkdown(view: PcsAgentView, catalog: AgentCatalog): string {
  const { agent } = view;
  const out: string[] = [
    `**${agent.id}**${agent.version ? ` (${l10n.t('agent version {0}', agent.version)})` : ''}${agent.shortdesc ? ` — ${agent.shortdesc}` : ''}`,
  ];
  if (agent.longdesc) out.push('', agent.longdesc);
  const own = view.parameters.filter((p) => !view.extra.has(p.name));
  if (own.length) {
    out.push('', '| parameter | type | default | required | unique |', '|---|---|---|---|---|');
    const ordered = [...own.filter((p) => p.required), ...own.filter((p) => !p.required)];
    for (const p of ordered) {
      out.push(
        `| \`${p.name}\`${p.deprecated ? ' (deprecated)' : ''} | ${cell(p.type)}${p.values ? `: ${cell(p.values.join(', '))}` : ''} | ${cell(p.default)} | ${yes(p.required)} | ${yes(p.unique)} |`,
      );
    }
  }
  if (view.extra.size) {
    out.push('', l10n.t('Also accepted by pcs: {0}.', [...view.extra].map((n) => `\`${n}\``).join(', ')));
  }
  if (agent.actions.length) {
    out.push('', '| action | timeout | interval | role / depth |', '|---|---|---|---|');
    for (const a of agent.actions) {
      out.push(
        `| ${a.name} | ${cell(a.timeout)} | ${cell(a.interval)} | ${cell([a.role, a.depth && `depth ${a.depth}`].filter(Boolean).join(', '))} |`,
      );
    }
  }
  out.push('', sourceLine(catalog, agent));
  return out.join('\n');
}

export function parameterMarkdown(agent: AgentMetadata, param: AgentParameter, catalog: AgentCatalog, extra: boolean): string {
  const facts = [
    `type: ${param.type}`,
    param.default !== undefined && param.default !== '' ? `default: \`${param.default}\`` : undefined,
    param.required ? `**${l10n.t('required')}**` : l10n.t('optional'),
    param.unique ? `unique${param.uniqueGroup && param.uniqueGroup !== param.name ? ` (group ${param.uniqueGroup})` : ''}` : undefined,
    param.deprecated
      ? `deprecated${param.deprecatedBy?.length ? `, use ${param.deprecatedBy.map((d) => `\`${d}\``).join(' or ')}` : ''}`
      : undefined,
  ].filter(Boolean);
  const out = [
    `**${param.name}** — ${agent.id}${extra ? ` (${l10n.t('added by pcs/Pacemaker, not by the agent')})` : ''}`,
    '',
    facts.join(' · '),
  ];
  if (param.values?.length) out.push('', `values: ${param.values.map((v) => `\`${v}\``).join(', ')}`);
  if (param.shortdesc) out.push('', param.shortdesc);
  if (param.longdesc) out.push('', param.longdesc);
  out.push('', sourceLine(catalog, agent));
  return out.join('\n');
}

function optionMarkdown(option: PacemakerOption, what: string): string {
  const facts = [`type: ${option.type}`, option.default ? `default: ${option.default}` : undefined].filter(Boolean).join(' · ');
  const out = [`**${option.name}** — ${what}`, '', facts];
  if (option.values) out.push('', `values: ${option.values.map((v) => `\`${v}\``).join(', ')}`);
  out.push('', option.description, '', `_${l10n.t('Source: Pacemaker 2.1 documentation, summarised.')}_`);
  return out.join('\n');
}

function hover(value: string, word: Word): Hover {
  const contents: MarkupContent = { kind: 'markdown', value };
  return { contents, range: word.range };
}

function onWord(word: Word, pos: Position): boolean {
  return contains(word.range, pos);
}

/** On the name part of `name=value` (or anywhere in the word when it cannot be mapped). */
function pairNameAt(word: Word, pos: Position): string | undefined {
  if (!onWord(word, pos)) return undefined;
  return splitPair(word).name;
}

export function agentHover(use: AgentUse, pos: Position, catalog: AgentCatalog = loadAgentCatalog()): Hover | null {
  const resolution =
    onWord(use.agent, pos) || use.params.some((w) => onWord(w, pos)) || use.ops.some((o) => onWord(o.name, pos))
      ? catalog.resolve(use.agent.text, use.kind)
      : undefined;
  const view = resolution?.kind === 'found' ? catalog.pcsView(resolution.agent) : undefined;

  if (onWord(use.agent, pos)) {
    if (view) return hover(agentMarkdown(view, catalog), use.agent);
    if (resolution?.kind === 'parameterless') {
      return hover(
        `**${resolution.id}** — ${l10n.t('a {0} service managed by Pacemaker. It takes no parameters; its unit/script lives on the nodes.', resolution.standard)}`,
        use.agent,
      );
    }
    if (resolution && 'message' in resolution) return hover(`**${use.agent.text}** — ${resolution.message}`, use.agent);
    return null;
  }
  for (const word of use.params) {
    const name = pairNameAt(word, pos);
    if (name === undefined) continue;
    const param = view?.byName.get(name);
    if (!view || !param) return null;
    return hover(parameterMarkdown(view.agent, param, catalog, view.extra.has(name)), word);
  }
  for (const op of use.ops) {
    if (onWord(op.name, pos)) {
      const actions = view?.agent.actions.filter((a) => a.name === op.name.text) ?? [];
      const lines = [`**op ${op.name.text}**${view ? ` — ${view.agent.id}` : ''}`];
      if (actions.length) {
        lines.push('', l10n.t('Advised by the agent:'), '');
        for (const a of actions)
          lines.push(
            `- timeout ${a.timeout ?? '—'}, interval ${a.interval ?? '0'}${a.role ? `, role ${a.role}` : ''}${a.depth ? `, depth ${a.depth}` : ''}`,
          );
      } else if (view) {
        lines.push(
          '',
          l10n.t('The agent has no action of that name; it has {0}.', [...new Set(view.agent.actions.map((a) => a.name))].join(', ')),
        );
      }
      lines.push(
        '',
        l10n.t(
          'Options: {0}.',
          'interval, timeout, on-fail, role, start-delay, interval-origin, record-pending, enabled, OCF_CHECK_LEVEL, description, id',
        ),
      );
      return hover(lines.join('\n'), op.name);
    }
    for (const word of op.options) {
      const name = pairNameAt(word, pos);
      if (name === undefined) continue;
      const option = OPERATION_OPTIONS_BY_NAME.get(name);
      return option ? hover(optionMarkdown(option, 'operation option'), word) : null;
    }
  }
  for (const word of use.meta) {
    const name = pairNameAt(word, pos);
    if (name === undefined) continue;
    const option = RESOURCE_META_BY_NAME.get(name);
    return option ? hover(optionMarkdown(option, 'resource meta attribute'), word) : null;
  }
  return null;
}
