// The agent catalog: loaded once (lazily, synchronously, like the grammars) from the generated JSON,
// indexed for lookups, and able to resolve an agent name the way pcs does.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { splitAgentId } from './parseMetadata';
import type { AgentCatalogData, AgentMetadata, AgentParameter, MetadataSource } from './types';

/** Standards a CIB accepts (pcs checks names against this list before asking for metadata). */
const CIB_STANDARDS = new Set(['heartbeat', 'lsb', 'nagios', 'ocf', 'service', 'stonith', 'systemd', 'upstart']);
/** Standards whose agents have no parameters; the catalog cannot list them (they live on the node). */
export const PARAMETERLESS_STANDARDS = new Set(['systemd', 'lsb', 'service', 'upstart', 'nagios', 'heartbeat']);
/** Fence helpers pcs leaves out when it lists agents, so a short name never resolves to them. */
const UNLISTED_BY_PCS = new Set([
  'fence_ack_manual',
  'fence_check',
  'fence_kdump_send',
  'fence_legacy',
  'fence_na',
  'fence_node',
  'fence_nss_wrapper',
  'fence_pcmk',
  'fence_sanlockd',
  'fence_tool',
  'fence_virtd',
  'fence_vmware_helper',
]);

/** An agent as pcs sees it when validating a create command (see pcsView). */
export interface PcsAgentView {
  agent: AgentMetadata;
  /** The agent's parameters after pcs's adjustments, then the extra ones pcs allows. */
  parameters: AgentParameter[];
  byName: Map<string, AgentParameter>;
  /** Parameters that are not the agent's own (trace_ra/trace_file, the fence daemon's pcmk_*). */
  extra: Set<string>;
}

export type AgentResolution =
  | { kind: 'found'; agent: AgentMetadata; /** set when a short name was matched (pcs prints "Assumed agent name"). */ guessed: boolean }
  /** A valid name of a standard whose agents live only on the node (systemd:, lsb:, service:...). */
  | { kind: 'parameterless'; id: string; standard: string }
  | { kind: 'unknown'; id: string; message: string }
  | { kind: 'ambiguous'; name: string; candidates: string[]; message: string }
  | { kind: 'invalid'; name: string; message: string };

export class AgentCatalog {
  readonly agents: AgentMetadata[];
  readonly fencedParameters: AgentParameter[];
  readonly failed: string[];
  readonly source: MetadataSource;
  private readonly byId = new Map<string, AgentMetadata>();
  private readonly byLowerType = new Map<string, AgentMetadata[]>();
  private readonly views = new Map<string, PcsAgentView>();
  private readonly sources = new Map<string, MetadataSource>();

  constructor(data: AgentCatalogData, source: MetadataSource) {
    this.agents = data.agents;
    this.fencedParameters = data.fencedParameters;
    this.failed = data.failed;
    this.source = source;
    for (const agent of data.agents) this.index(agent);
  }

  private index(agent: AgentMetadata): void {
    const previous = this.byId.get(agent.id);
    this.byId.set(agent.id, agent);
    const key = agent.type.toLowerCase();
    const list = (this.byLowerType.get(key) ?? []).filter((a) => a !== previous);
    list.push(agent);
    list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.byLowerType.set(key, list);
  }

  /** A catalog where the given agents (live metadata from a node) replace or add to the generated ones. */
  overlay(agents: AgentMetadata[], source: MetadataSource): AgentCatalog {
    const copy = new AgentCatalog({ format: 1, agents: [], fencedParameters: this.fencedParameters, failed: this.failed }, this.source);
    (copy as { agents: AgentMetadata[] }).agents = [...this.agents];
    for (const [id, agent] of this.byId) copy.byId.set(id, agent);
    for (const [key, list] of this.byLowerType) copy.byLowerType.set(key, list);
    for (const [id, s] of this.sources) copy.sources.set(id, s);
    for (const agent of agents) {
      if (!copy.byId.has(agent.id)) copy.agents.push(agent);
      else copy.agents[copy.agents.findIndex((a) => a.id === agent.id)] = agent;
      copy.index(agent);
      copy.sources.set(agent.id, source);
    }
    return copy;
  }

  get(id: string): AgentMetadata | undefined {
    return this.byId.get(id);
  }

  sourceOf(id: string): MetadataSource {
    return this.sources.get(id) ?? this.source;
  }

  /**
   * Resolves an agent name as `pcs resource create` (kind 'resource') or `pcs stonith create`
   * (kind 'stonith') does. Short names are searched case-insensitively over the catalog's ocf and
   * stonith agents; on a real node pcs also searches its lsb/service/systemd agents.
   */
  resolve(name: string, kind: 'resource' | 'stonith'): AgentResolution {
    if (kind === 'stonith') {
      if (name.includes(':')) {
        return {
          kind: 'invalid',
          name,
          message: `Invalid stonith agent name '${name}'. Agent name cannot contain the ':' character, do not use the 'stonith:' prefix.`,
        };
      }
      return this.byFullName(`stonith:${name}`);
    }
    if (!name.includes(':')) return this.byShortName(name);
    const parts = splitAgentId(name);
    const wellFormed = /^(systemd|service):[^:@]+@.*$/.test(name) || /^[^:]+(:[^:]+)?:[^:]+$/.test(name);
    if (!wellFormed || !CIB_STANDARDS.has(parts.standard) || (parts.standard === 'ocf') !== !!parts.provider) {
      return {
        kind: 'invalid',
        name,
        message: `Invalid resource agent name '${name}'. Use standard:provider:type when standard is 'ocf' or standard:type otherwise.`,
      };
    }
    if (PARAMETERLESS_STANDARDS.has(parts.standard)) return { kind: 'parameterless', id: name, standard: parts.standard };
    return this.byFullName(name);
  }

  private byFullName(id: string): AgentResolution {
    const agent = this.byId.get(id);
    if (agent && !agent.pcsInvalid) return { kind: 'found', agent, guessed: false };
    const reason = agent?.pcsInvalid ?? 'no agent of that name is installed on the machine the catalog was made from';
    return { kind: 'unknown', id, message: `Agent '${id}' is not installed or does not provide valid metadata: ${reason}` };
  }

  private byShortName(name: string): AgentResolution {
    const candidates = (this.byLowerType.get(name.toLowerCase()) ?? []).filter(
      (a) => !(a.standard === 'stonith' && UNLISTED_BY_PCS.has(a.type)),
    );
    if (candidates.length === 1) {
      const agent = candidates[0];
      if (agent.pcsInvalid) return this.byFullName(agent.id);
      return { kind: 'found', agent, guessed: true };
    }
    if (candidates.length > 1) {
      const ids = candidates.map((a) => a.id);
      const listed =
        ids.length === 2
          ? `'${ids[0]}' or '${ids[1]}'`
          : `${ids
              .slice(0, -1)
              .map((i) => `'${i}'`)
              .join(', ')} or '${ids[ids.length - 1]}'`;
      return { kind: 'ambiguous', name, candidates: ids, message: `Multiple agents match '${name}', please specify full name: ${listed}` };
    }
    return { kind: 'unknown', id: name, message: `Unable to find agent '${name}', try specifying its full name` };
  }

  /**
   * The agent as pcs validates it: for fence agents `help`/`version` dropped, `action` deprecated and
   * not required, `port` and its replacements not required, the fence daemon's pcmk_* parameters
   * added; for ocf:heartbeat and ocf:pacemaker agents trace_ra/trace_file added when missing.
   */
  pcsView(agent: AgentMetadata): PcsAgentView {
    const cached = this.views.get(agent.id);
    if (cached && cached.agent === agent) return cached;
    let parameters = agent.parameters;
    const extra = new Set<string>();
    if (agent.standard === 'stonith') {
      const portFamily = new Set<string>();
      let frontier = ['port'];
      while (frontier.length) {
        const next: string[] = [];
        for (const p of parameters) {
          if (frontier.includes(p.name) && !portFamily.has(p.name)) {
            portFamily.add(p.name);
            next.push(...(p.deprecatedBy ?? []));
          }
        }
        frontier = next;
      }
      parameters = parameters
        .filter((p) => p.name !== 'help' && p.name !== 'version')
        .map((p) => {
          if (p.name === 'action')
            return {
              ...p,
              required: false,
              deprecated: true,
              deprecatedBy: ['pcmk_off_action', 'pcmk_reboot_action', ...(p.deprecatedBy ?? [])],
            };
          if (portFamily.has(p.name)) return { ...p, required: false };
          return p;
        });
      const own = new Set(parameters.map((p) => p.name));
      const added = this.fencedParameters.filter((p) => !own.has(p.name));
      for (const p of added) extra.add(p.name);
      parameters = [...parameters, ...added];
    }
    if (agent.standard === 'ocf' && (agent.provider === 'heartbeat' || agent.provider === 'pacemaker')) {
      const lower = new Set(parameters.map((p) => p.name.toLowerCase()));
      const trace: AgentParameter[] = [];
      if (!lower.has('trace_ra'))
        trace.push({
          name: 'trace_ra',
          type: 'integer',
          default: '0',
          shortdesc: 'Set to 1 to trace the agent (pcs adds this parameter; the output can be large).',
        });
      if (!lower.has('trace_file'))
        trace.push({
          name: 'trace_file',
          type: 'string',
          default: '',
          shortdesc: 'File that receives the agent trace (pcs adds this parameter).',
        });
      for (const p of trace) extra.add(p.name);
      parameters = [...parameters, ...trace];
    }
    const view: PcsAgentView = { agent, parameters, byName: new Map(parameters.map((p) => [p.name, p])), extra };
    this.views.set(agent.id, view);
    return view;
  }
}

/** Where the generated catalog is: next to the bundle in a packaged extension, else in the source tree. */
function catalogCandidates(): string[] {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  const out = [path.join(here, 'agent-catalog.json'), path.join(here, 'generated', 'catalog.json')];
  for (let dir = here; ; dir = path.dirname(dir)) {
    out.push(path.join(dir, 'server', 'src', 'agents', 'generated', 'catalog.json'));
    if (path.dirname(dir) === dir) break;
  }
  return out;
}

function provenanceDetail(catalogFile: string): string {
  for (const file of [
    path.join(path.dirname(catalogFile), 'provenance.json'),
    catalogFile.replace(/agent-catalog\.json$/, 'agent-catalog.provenance.json'),
  ]) {
    try {
      const p = JSON.parse(fs.readFileSync(file, 'utf8')) as { packages?: Record<string, string>; generatedAt?: string };
      const pk = p.packages ?? {};
      return (
        `resource-agents ${pk['resource-agents']}, fence-agents ${pk['fence-agents']}, pacemaker ${pk.pacemaker}` +
        (p.generatedAt ? ` (generated ${p.generatedAt.slice(0, 10)})` : '')
      );
    } catch {
      // try the next place
    }
  }
  return 'generated catalog';
}

let loaded: AgentCatalog | undefined;

/** Reads `file`, or the generated catalog found next to the bundle or in the source tree. */
export function readAgentCatalog(file?: string): AgentCatalog {
  const candidates = file ? [file] : catalogCandidates();
  const found = candidates.find((f) => fs.existsSync(f));
  if (!found) {
    throw new Error(
      `agent catalog not found (looked in ${candidates.slice(0, 3).join(', ')}); run "node --import tsx scripts/agents/generate-catalog.ts"`,
    );
  }
  const data = JSON.parse(fs.readFileSync(found, 'utf8')) as AgentCatalogData;
  if (data.format !== 1 || !Array.isArray(data.agents)) throw new Error(`${found} is not an agent catalog of format 1`);
  return new AgentCatalog(data, { kind: 'catalog', detail: provenanceDetail(found) });
}

/** The generated catalog, loaded on first use and kept. */
export function loadAgentCatalog(): AgentCatalog {
  loaded ??= readAgentCatalog();
  return loaded;
}

/** Makes `catalog` (e.g. the generated one overlaid with live metadata from a node) the one every feature uses. */
export function useAgentCatalog(catalog: AgentCatalog): void {
  loaded = catalog;
}
