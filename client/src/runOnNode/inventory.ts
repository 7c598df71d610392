// The nodes a line can run on, merged from three places (pure: callers read files and settings):
//  1. the workspace model (corosync.conf nodelist, pcs host auth, /etc/hosts heredocs), sent by the server;
//  2. ~/.ssh/config Host entries (only literal aliases; patterns with wildcards name no single host);
//  3. the setting pacemakerLab.nodes: node name -> ssh destination (user@host:port or an alias).
// A node's destination, by priority: the setting; an ssh config alias equal to the node's name (or
// short name), or whose HostName is one of its addresses; its first address; its name.
// Every destination and alias is validated by us (destination.ts): a node whose destination is not
// acceptable is listed with its `problem` and never reaches ssh.
import { destinationProblem, isValidHostName } from '../../../shared/src/runOnNode/destination';

/** A node as the language server reports it from the workspace model. */
export interface NodeEntry {
  name: string;
  addresses: string[];
  /** Where the model found it (e.g. "corosync.conf", "pcs host auth"). */
  source: string;
}

/** One literal alias of a `Host` block in an ssh config file. */
export interface SshHostEntry {
  alias: string;
  hostName?: string;
  user?: string;
  port?: number;
}

export interface ResolvedNode {
  name: string;
  /** What is passed to ssh as the destination. */
  destination: string;
  /** Why this destination: the setting, an ssh config Host, or the model's address/name. */
  via: 'setting' | 'ssh-config' | 'model';
  addresses: string[];
  /** Where the node was found (model sources, "ssh config", "setting"). */
  sources: string[];
  /** False for hosts known only from ~/.ssh/config: offered in the picker, not in "all nodes". */
  clusterMember: boolean;
  /** Why the destination cannot be used (it would reach ssh with characters we refuse). */
  problem?: string;
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

/**
 * Reads Host blocks: Host (literal patterns only), HostName, User, Port. Match blocks and Include
 * are not followed (ssh itself still applies them when it runs). First value wins, as in ssh.
 */
export function parseSshConfig(text: string): SshHostEntry[] {
  const entries = new Map<string, SshHostEntry>();
  let current: SshHostEntry[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^(\S+?)(?:\s*=\s*|\s+)(.*)$/.exec(line);
    if (!match) continue;
    const keyword = match[1]!.toLowerCase();
    const value = match[2]!.trim();
    if (keyword === 'host') {
      current = [];
      for (const pattern of value.split(/\s+/).map(unquote)) {
        // Wildcards name no single host; anything but a plain alias is refused like any destination.
        if (!pattern || /[*?!]/.test(pattern) || !isValidHostName(pattern)) continue;
        let entry = entries.get(pattern);
        if (!entry) {
          entry = { alias: pattern };
          entries.set(pattern, entry);
        }
        current.push(entry);
      }
    } else if (keyword === 'match') {
      current = [];
    } else {
      const v = unquote(value);
      for (const entry of current) {
        if (keyword === 'hostname' && entry.hostName === undefined) entry.hostName = v;
        else if (keyword === 'user' && entry.user === undefined) entry.user = v;
        else if (keyword === 'port' && entry.port === undefined && /^\d+$/.test(v)) entry.port = Number(v);
      }
    }
  }
  return [...entries.values()];
}

function shortName(name: string): string {
  const dot = name.indexOf('.');
  // An IPv4 address is not a name with a domain.
  return dot > 0 && !/^\d+(?:\.\d+){3}$/.test(name) ? name.slice(0, dot) : name;
}

/** Merges the three sources; order: model nodes first (as the model lists them), then setting, then ssh config. */
export function buildInventory(model: NodeEntry[], sshHosts: SshHostEntry[], setting: Record<string, string>): ResolvedNode[] {
  const byName = new Map<string, ResolvedNode>();
  const add = (name: string, source: string, addresses: string[], clusterMember: boolean) => {
    let node = byName.get(name);
    if (!node) {
      node = { name, destination: name, via: 'model', addresses: [], sources: [], clusterMember };
      byName.set(name, node);
    }
    for (const address of addresses) if (!node.addresses.includes(address)) node.addresses.push(address);
    if (!node.sources.includes(source)) node.sources.push(source);
    node.clusterMember ||= clusterMember;
    return node;
  };

  for (const entry of model) if (entry.name) add(entry.name, entry.source, entry.addresses, true);
  for (const name of Object.keys(setting)) add(name, 'setting pacemakerLab.nodes', [], true);

  const pointsAt = (host: SshHostEntry, node: ResolvedNode) =>
    host.hostName !== undefined && (host.hostName === node.name || node.addresses.includes(host.hostName));
  const aliasFor = (node: ResolvedNode): SshHostEntry | undefined =>
    sshHosts.find((host) => host.alias === node.name) ??
    sshHosts.find((host) => host.alias === shortName(node.name)) ??
    sshHosts.find((host) => pointsAt(host, node));

  const usedAliases = new Set<string>();
  for (const node of byName.values()) {
    const configured = setting[node.name]?.trim();
    const alias = aliasFor(node);
    // Aliases that mean this node are not listed again as hosts of their own.
    for (const host of sshHosts) if (host === alias || pointsAt(host, node)) usedAliases.add(host.alias);
    if (configured) {
      node.destination = configured;
      node.via = 'setting';
      continue;
    }
    if (alias) {
      node.destination = alias.alias;
      node.via = 'ssh-config';
      if (!node.sources.includes('ssh config')) node.sources.push('ssh config');
      if (alias.hostName && !node.addresses.includes(alias.hostName)) node.addresses.push(alias.hostName);
      continue;
    }
    node.destination = node.addresses[0] ?? node.name;
    node.via = 'model';
  }

  for (const host of sshHosts) {
    if (usedAliases.has(host.alias) || byName.has(host.alias)) continue;
    const node = add(host.alias, 'ssh config', host.hostName ? [host.hostName] : [], false);
    node.destination = host.alias;
    node.via = 'ssh-config';
  }
  for (const node of byName.values()) {
    const problem = destinationProblem(node.destination);
    if (problem) node.problem = problem;
  }
  return [...byName.values()];
}

/** The node a prompt's name means: exact name, then the same short name (`node1` ~ `node1.example.com`). */
export function resolveNode(inventory: ResolvedNode[], name: string): ResolvedNode | undefined {
  // Cluster members first, so an ssh-config-only host never shadows a node of the cluster.
  const ordered = [...inventory.filter((node) => node.clusterMember), ...inventory.filter((node) => !node.clusterMember)];
  return (
    ordered.find((node) => node.name === name) ??
    ordered.find((node) => shortName(node.name) === shortName(name)) ??
    ordered.find((node) => node.addresses.includes(name))
  );
}

/** Resolves a lens's node list (`'*'` = every cluster node); names that match nothing are reported. */
export function resolveTargets(inventory: ResolvedNode[], nodes: string[] | '*'): { resolved: ResolvedNode[]; unknown: string[] } {
  if (nodes === '*' || nodes.includes('*')) {
    const members = inventory.filter((node) => node.clusterMember);
    return { resolved: members, unknown: members.length ? [] : ['*'] };
  }
  const resolved: ResolvedNode[] = [];
  const unknown: string[] = [];
  for (const name of nodes) {
    const node = resolveNode(inventory, name);
    if (!node) unknown.push(name);
    else if (!resolved.includes(node)) resolved.push(node);
  }
  return { resolved, unknown };
}

/**
 * While a local lab is up: its nodes first (in the lab's order), each counted as a cluster member (so
 * "Run on all nodes" reaches them even when only the lab's ssh config names them), then the others.
 */
export function orderLabFirst(inventory: ResolvedNode[], labNodes: string[]): ResolvedNode[] {
  if (!labNodes.length) return inventory;
  const lab: ResolvedNode[] = [];
  for (const name of labNodes) {
    const node = inventory.find((n) => n.name === name);
    if (node) lab.push({ ...node, clusterMember: true });
  }
  return [...lab, ...inventory.filter((n) => !labNodes.includes(n.name))];
}
