// Parses the XML an agent prints for its meta-data action (OCF resource agents, fence agents,
// Pacemaker daemons) into the unified AgentMetadata shape. Shared by the catalog generator and by
// live metadata fetched from a node, so both read agents exactly alike.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { AgentAction, AgentMetadata, AgentParameter } from './types';

const REPEATED = new Set(['parameter', 'action', 'option', 'replaced-with', 'shortdesc', 'longdesc']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (tagName) => REPEATED.has(tagName),
});

type XmlNode = Record<string, unknown>;

export class MetadataParseError extends Error {}

/** Trims each line, collapses runs of blanks, keeps paragraph breaks (one blank line at most). */
export function normaliseText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim());
  const out = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return out || undefined;
}

function textOf(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && '#text' in (node as XmlNode)) return String((node as XmlNode)['#text']);
  return undefined;
}

/** Picks the English (or unlabelled, or first) of several `<shortdesc lang=..>` elements. */
function description(nodes: unknown): string | undefined {
  if (!Array.isArray(nodes) || nodes.length === 0) return undefined;
  const english = nodes.find((n) => typeof n === 'object' && n && (n as XmlNode)['@_lang'] === 'en');
  return normaliseText(textOf(english ?? nodes[0]));
}

function attr(node: XmlNode, name: string): string | undefined {
  const value = node[`@_${name}`];
  return value === undefined ? undefined : String(value);
}

function asNodes(value: unknown): XmlNode[] {
  if (!Array.isArray(value)) return [];
  // An empty element (`<action name="x"/>`) parses to an object with attributes only; text-only to a string.
  return value.filter((v): v is XmlNode => typeof v === 'object' && v !== null);
}

function parseParameters(parametersNode: unknown, ocfVersion: string): AgentParameter[] {
  const nodes = parametersNode && typeof parametersNode === 'object' ? asNodes((parametersNode as XmlNode).parameter) : [];
  const params: AgentParameter[] = [];
  const obsoletedBy = new Map<string, string[]>();
  for (const node of nodes) {
    const name = attr(node, 'name');
    if (!name) continue;
    const content = asNodes(Array.isArray(node.content) ? node.content : node.content ? [node.content] : [])[0];
    const param: AgentParameter = { name, type: (content && attr(content, 'type')) || 'string' };
    const def = content && attr(content, 'default');
    if (def !== undefined) param.default = def;
    if (param.type === 'select' && content) {
      param.values = asNodes(content.option)
        .map((o) => attr(o, 'value'))
        .filter((v): v is string => v !== undefined);
    }
    if (attr(node, 'required') === '1') param.required = true;
    if (ocfVersion === '1.1') {
      const group = attr(node, 'unique-group');
      if (group) {
        param.unique = true;
        param.uniqueGroup = group;
      }
      if (attr(node, 'reloadable') === '1') param.reloadable = true;
      const deprecated = node.deprecated;
      if (deprecated !== undefined) {
        param.deprecated = true;
        const by =
          typeof deprecated === 'object' && deprecated
            ? asNodes((deprecated as XmlNode)['replaced-with'])
                .map((r) => attr(r, 'name'))
                .filter((v): v is string => !!v)
            : [];
        if (by.length) param.deprecatedBy = by;
      }
    } else {
      if (attr(node, 'unique') === '1') {
        param.unique = true;
        param.uniqueGroup = name;
      }
      if (attr(node, 'deprecated') === '1') param.deprecated = true;
      const obsoletes = attr(node, 'obsoletes');
      if (obsoletes) obsoletedBy.set(obsoletes, [...(obsoletedBy.get(obsoletes) ?? []), name]);
    }
    const shortdesc = description(node.shortdesc);
    const longdesc = description(node.longdesc);
    if (shortdesc) param.shortdesc = shortdesc;
    if (longdesc && longdesc !== shortdesc) param.longdesc = longdesc;
    params.push(param);
  }
  for (const param of params) {
    const by = obsoletedBy.get(param.name);
    if (by) param.deprecatedBy = [...by].sort();
  }
  return params;
}

function parseActions(actionsNode: unknown): AgentAction[] {
  const nodes = actionsNode && typeof actionsNode === 'object' ? asNodes((actionsNode as XmlNode).action) : [];
  const actions: AgentAction[] = [];
  for (const node of nodes) {
    const name = attr(node, 'name');
    if (!name) continue;
    const action: AgentAction = { name };
    for (const [key, xmlName] of [
      ['timeout', 'timeout'],
      ['interval', 'interval'],
      ['depth', 'depth'],
      ['role', 'role'],
      ['startDelay', 'start-delay'],
    ] as const) {
      const value = attr(node, xmlName);
      if (value !== undefined && value !== '') action[key] = value;
    }
    actions.push(action);
  }
  return actions;
}

/**
 * Parses one agent's metadata XML. `id` is the agent's full name (`ocf:heartbeat:IPaddr2`).
 * Throws MetadataParseError with a readable reason when the text is not agent metadata.
 */
export function parseAgentMetadata(id: string, xml: string): AgentMetadata {
  const text = xml.trim();
  if (!text) throw new MetadataParseError('the agent printed no metadata');
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new MetadataParseError(`metadata is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  }
  const doc = parser.parse(text) as XmlNode;
  const root = doc['resource-agent'];
  if (!root || typeof root !== 'object') throw new MetadataParseError('metadata has no <resource-agent> element');
  const agent = root as XmlNode;
  const ocfVersion = normaliseText(textOf(agent.version)) ?? '1.0';
  const parts = splitAgentId(id);
  const metadata: AgentMetadata = {
    id,
    standard: parts.standard,
    ...(parts.provider ? { provider: parts.provider } : {}),
    type: parts.type,
    ocfVersion,
    parameters: parseParameters(agent.parameters, ocfVersion),
    actions: parseActions(agent.actions),
  };
  const version = attr(agent, 'version');
  if (version) metadata.version = version;
  // Fence agents put their short description in an attribute of <resource-agent>.
  const shortdesc = description(agent.shortdesc) ?? normaliseText(attr(agent, 'shortdesc'));
  const longdesc = description(agent.longdesc);
  if (shortdesc) metadata.shortdesc = shortdesc;
  if (longdesc) metadata.longdesc = longdesc;
  return metadata;
}

/** Splits `standard:provider:type` / `standard:type`; the type may itself contain `@...:x` for systemd instances. */
export function splitAgentId(id: string): { standard: string; provider?: string; type: string } {
  const instance = /^(systemd|service):([^:@]+@.*)$/.exec(id);
  if (instance) return { standard: instance[1], type: instance[2] };
  const parts = id.split(':');
  if (parts.length >= 3) return { standard: parts[0], provider: parts[1], type: parts.slice(2).join(':') };
  if (parts.length === 2) return { standard: parts[0], type: parts[1] };
  return { standard: '', type: id };
}
