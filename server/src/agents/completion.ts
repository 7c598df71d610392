// Completion helpers; the pcs layer decides the cursor context and calls the one that fits.
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-types';
import { AgentCatalog, loadAgentCatalog } from './catalog';
import { agentMarkdown, parameterMarkdown } from './hover';
import { OPERATION_OPTIONS, RESOURCE_META, type PacemakerOption } from './pacemakerMeta';

// CompletionItemKind / InsertTextFormat values (LSP numbers), to avoid a runtime import.
const KIND_MODULE = 9;
const KIND_PROPERTY = 10;
const KIND_ENUM_MEMBER = 20;
const KIND_FUNCTION = 3;
const SNIPPET = 2;

function docs(value: string): MarkupContent {
  return { kind: 'markdown', value };
}

/** What an agent completion item stands for. */
export interface AgentCompletionData {
  agentId?: string;
  param?: string;
}

/**
 * Agent names for `pcs resource create ID <here>` (ocf agents as full ids, plus the short names pcs
 * resolves) or `pcs stonith create ID <here>` (fence agent names). Grouped by standard:provider.
 */
export function completeAgentIds(
  prefix: string,
  kind: 'resource' | 'stonith',
  catalog: AgentCatalog = loadAgentCatalog(),
): CompletionItem[] {
  const lower = prefix.toLowerCase();
  const items: CompletionItem[] = [];
  for (const agent of catalog.agents) {
    if (agent.pcsInvalid) continue;
    const group = agent.provider ? `${agent.standard}:${agent.provider}` : agent.standard;
    if (kind === 'stonith') {
      if (agent.standard !== 'stonith' || !agent.type.toLowerCase().startsWith(lower)) continue;
      items.push({
        label: agent.type,
        kind: KIND_MODULE,
        detail: `stonith · ${agent.shortdesc ?? ''}`.trim(),
        sortText: `${agent.type.startsWith('fence_') ? 0 : 1}${agent.type}`,
        data: { agentId: agent.id } satisfies AgentCompletionData,
      });
      continue;
    }
    if (agent.standard !== 'ocf') continue;
    const matchesId = agent.id.toLowerCase().startsWith(lower);
    const matchesType = agent.type.toLowerCase().startsWith(lower);
    if (!matchesId && !matchesType) continue;
    // Typing a bare word offers the full id (never ambiguous); a prefix with ':' narrows by standard/provider.
    items.push({
      label: agent.id,
      kind: KIND_MODULE,
      detail: `${group} · ${agent.shortdesc ?? ''}`.trim(),
      filterText: prefix.includes(':') ? agent.id : `${agent.type} ${agent.id}`,
      sortText: `${group === 'ocf:heartbeat' ? 0 : group === 'ocf:pacemaker' ? 1 : 2}${group}:${agent.type.toLowerCase()}`,
      data: { agentId: agent.id } satisfies AgentCompletionData,
    });
  }
  return items;
}

/**
 * Fills in an agent item's documentation (its description, parameters and actions) when the editor
 * shows it: the list itself carries only names and short descriptions, so it stays small.
 */
export function resolveAgentCompletion(item: CompletionItem, catalog: AgentCatalog = loadAgentCatalog()): CompletionItem {
  const data = item.data as AgentCompletionData | undefined;
  const agent = typeof data?.agentId === 'string' && !data.param ? catalog.get(data.agentId) : undefined;
  if (!agent || item.documentation) return item;
  return { ...item, documentation: docs(agentMarkdown(catalog.pcsView(agent), catalog)) };
}

/** Parameter names not given yet, required ones first; inserts `name=`. */
export function completeAgentParams(
  agentId: string,
  given: string[],
  prefix: string,
  catalog: AgentCatalog = loadAgentCatalog(),
): CompletionItem[] {
  const agent = catalog.get(agentId);
  if (!agent) return [];
  const view = catalog.pcsView(agent);
  const taken = new Set(given.map((g) => g.split('=')[0]));
  const lower = prefix.toLowerCase();
  return view.parameters
    .filter((p) => !taken.has(p.name) && p.name.toLowerCase().startsWith(lower) && !(agent.standard === 'stonith' && p.name === 'action'))
    .map((p) => {
      const rank = p.deprecated ? 3 : p.required ? 0 : view.extra.has(p.name) ? 2 : 1;
      return {
        label: p.name,
        kind: KIND_PROPERTY,
        detail: [
          p.required ? 'required' : undefined,
          p.type,
          p.default ? `default ${p.default}` : undefined,
          p.unique ? 'unique' : undefined,
          p.deprecated ? 'deprecated' : undefined,
        ]
          .filter(Boolean)
          .join(' · '),
        documentation: docs(parameterMarkdown(agent, p, catalog, view.extra.has(p.name))),
        insertText: `${p.name}=$0`,
        insertTextFormat: SNIPPET,
        sortText: `${rank}${p.name}`,
        ...(p.deprecated ? { tags: [1] } : {}),
        ...(p.values?.length ? { command: { title: 'values', command: 'editor.action.triggerSuggest' } } : {}),
      } satisfies CompletionItem;
    });
}

/** Values of a `select` parameter (or true/false for a boolean one). */
export function completeParamValues(
  agentId: string,
  param: string,
  prefix: string,
  catalog: AgentCatalog = loadAgentCatalog(),
): CompletionItem[] {
  const agent = catalog.get(agentId);
  const p = agent && catalog.pcsView(agent).byName.get(param);
  if (!p) return [];
  const values = p.values?.length ? p.values : p.type === 'boolean' ? ['true', 'false'] : [];
  return values
    .filter((v) => v.startsWith(prefix))
    .map((v, i) => ({
      label: v,
      kind: KIND_ENUM_MEMBER,
      detail: v === p.default ? 'default' : undefined,
      sortText: String(i).padStart(3, '0'),
    }));
}

/** Operation names the agent declares, with its advised timeout/interval in the detail. */
export function completeOpNames(agentId: string, catalog: AgentCatalog = loadAgentCatalog()): CompletionItem[] {
  const agent = catalog.get(agentId);
  if (!agent) return [];
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  const common = ['monitor', 'start', 'stop', 'promote', 'demote', 'notify'];
  for (const a of agent.actions) {
    if (seen.has(a.name)) continue;
    seen.add(a.name);
    const advised = [a.timeout && `timeout ${a.timeout}`, a.interval && `interval ${a.interval}`].filter(Boolean).join(', ');
    const rank = common.includes(a.name) ? common.indexOf(a.name) : 9;
    items.push({
      label: a.name,
      kind: KIND_FUNCTION,
      detail: advised || undefined,
      sortText: `${rank}${a.name}`,
      insertText:
        a.name === 'monitor'
          ? `monitor interval=\${1:${a.interval ?? '10s'}} timeout=\${2:${a.timeout ?? '20s'}}`
          : a.timeout
            ? `${a.name} timeout=\${1:${a.timeout}}`
            : a.name,
      insertTextFormat: SNIPPET,
    });
  }
  return items;
}

function optionItem(option: PacemakerOption, what: string): CompletionItem {
  return {
    label: option.name,
    kind: KIND_PROPERTY,
    detail: [option.type, option.default ? `default ${option.default}` : undefined].filter(Boolean).join(' · '),
    documentation: docs(`${option.description}\n\n_${what}_`),
    insertText: `${option.name}=$0`,
    insertTextFormat: SNIPPET,
  };
}

/** Options after `op NAME`: interval=, timeout=, on-fail=, ... */
export function completeOpOptions(): CompletionItem[] {
  return OPERATION_OPTIONS.map((o) => optionItem(o, 'operation option'));
}

/** Resource meta attributes after `meta`. */
export function completeMetaAttributes(prefix: string): CompletionItem[] {
  const lower = prefix.toLowerCase();
  return RESOURCE_META.filter((o) => o.name.startsWith(lower)).map((o) => optionItem(o, 'resource meta attribute'));
}
