// Live agent metadata: asks a node (or this machine) for an agent's metadata, because clusters run
// other versions and custom agents. Results are cached on disk per node and per agent package
// versions, so a second hover costs one file read. Everything is async: callers fetch in the
// background and overlay the result on the catalog (AgentCatalog.overlay), never blocking typing.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { parseAgentMetadata } from '../agents/parseMetadata';
import type { AgentMetadata, MetadataSource } from '../agents/types';

/** Runs argv on the target (locally, or through the run-on-node SSH path) and resolves with stdout. */
export type CommandRunner = (argv: string[]) => Promise<string>;

export interface LiveMetadataOptions {
  /** Folder for the on-disk cache (the extension's global storage). */
  cacheDir: string;
  /** Name of the node the runner reaches; `localhost` for this machine. */
  node: string;
  /** Ignore the cache and ask again. */
  refresh?: boolean;
}

export interface LiveMetadata {
  metadata: AgentMetadata;
  source: MetadataSource;
  fromCache: boolean;
}

const SAFE_ID = /^[A-Za-z0-9_.@+-]+(:[A-Za-z0-9_.@+-]+){1,2}(\/[A-Za-z0-9_.@+-]+)?$/;
const FINGERPRINT_SCRIPT =
  "dpkg-query -W -f='${Package}=${Version}\\n' resource-agents fence-agents pacemaker-cli-utils 2>/dev/null || rpm -q resource-agents fence-agents pacemaker-cli 2>/dev/null || true";

/** Runs commands on this machine. */
export const localRunner: CommandRunner = (argv) =>
  new Promise((resolve, reject) => {
    execFile(
      argv[0],
      argv.slice(1),
      {
        timeout: 20_000,
        maxBuffer: 8 * 1024 * 1024,
        env: { ...process.env, PATH: `/usr/sbin:/usr/bin:/sbin:/bin:${process.env.PATH ?? ''}` },
      },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${argv.join(' ')} failed: ${String(stderr).trim().split('\n')[0] || error.message}`));
        else resolve(String(stdout));
      },
    );
  });

function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9_.@+-]/g, '_');
}

/**
 * One path component for a node's cache folder. The node name comes from a lab file, so it is encoded
 * (every character but letters, digits and `_.@+-` as %XX, and a leading dot too): `..`, `a/b` or
 * `/etc` can never name a folder outside the cache. Different names give different folders.
 */
export function nodeCacheComponent(node: string): string {
  const encoded = [...new TextEncoder().encode(node)]
    .map((byte) => {
      const c = String.fromCharCode(byte);
      return byte < 0x80 && /[A-Za-z0-9_.@+-]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
  return encoded.startsWith('.') ? `%2E${encoded.slice(1)}` : encoded || '%';
}

/** `parts` joined under `root`; throws when the result would leave `root`. */
export function insideCache(root: string, ...parts: string[]): string {
  const base = path.resolve(root);
  const target = path.resolve(base, ...parts);
  if (target !== base && !target.startsWith(base + path.sep)) throw new Error(`refusing a cache path outside ${base}`);
  return target;
}

const fingerprints = new Map<string, Promise<string>>();

/** A short hash of the node's agent package versions; a package upgrade gives a new cache folder. */
async function nodeFingerprint(node: string, runner: CommandRunner): Promise<string> {
  let pending = fingerprints.get(node);
  if (!pending) {
    pending = runner(['sh', '-c', FINGERPRINT_SCRIPT]).then(
      (out) => createHash('sha256').update(out.trim()).digest('hex').slice(0, 12),
      () => 'unknown',
    );
    fingerprints.set(node, pending);
  }
  return pending;
}

/** The full agent id crm_resource wants: `fence_scsi` means `stonith:fence_scsi`. */
export function liveAgentId(agentId: string): string {
  return agentId.includes(':') ? agentId : `stonith:${agentId}`;
}

/**
 * Fetches (or reads from the cache) the metadata of `agentId` on the runner's node.
 * Rejects with a readable error when the node has no such agent or the name is not an agent id.
 */
export async function fetchLiveMetadata(agentId: string, runner: CommandRunner, options: LiveMetadataOptions): Promise<LiveMetadata> {
  const id = liveAgentId(agentId);
  if (!SAFE_ID.test(id)) throw new Error(`'${agentId}' is not an agent name that can be queried`);
  const fingerprint = await nodeFingerprint(options.node, runner);
  const dir = insideCache(options.cacheDir, nodeCacheComponent(options.node), fingerprint);
  const file = insideCache(dir, `${safeName(id)}.xml`);
  if (!options.refresh) {
    try {
      const [xml, stat] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file)]);
      return {
        metadata: parseAgentMetadata(id, xml),
        source: { kind: 'live', detail: `${options.node}, fetched ${stat.mtime.toISOString().slice(0, 16).replace('T', ' ')}` },
        fromCache: true,
      };
    } catch {
      // not cached yet (or unreadable): ask the node
    }
  }
  const xml = await runner(['crm_resource', '--show-metadata', id]);
  const metadata = parseAgentMetadata(id, xml);
  await fs.mkdir(dir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, xml);
  await fs.rename(temp, file);
  return {
    metadata,
    source: { kind: 'live', detail: `${options.node}, fetched ${new Date().toISOString().slice(0, 16).replace('T', ' ')}` },
    fromCache: false,
  };
}

/** Forgets the per-node package fingerprints (after an upgrade on the node). */
export function forgetNodeFingerprints(): void {
  fingerprints.clear();
}

/** What the service needs to fetch live metadata for a workspace. */
interface AgentConsumer {
  agentsInUse(): string[];
  useAgentMetadata(metadata: AgentMetadata[], source: MetadataSource): void;
}

/**
 * Asks a node (or this machine) for the metadata of every agent the workspace uses, three at a time,
 * and makes the service use what it got. Runs in the background: requests keep being served while
 * the node answers. Each agent is cached on disk per node and per agent package versions.
 */
export async function fetchWorkspaceAgentMetadata(
  service: AgentConsumer,
  node: string,
  runner: CommandRunner,
  cacheDir: string,
): Promise<{ fetched: string[]; failed: { agent: string; reason: string }[] }> {
  const fetched: AgentMetadata[] = [];
  const failed: { agent: string; reason: string }[] = [];
  const queue = service.agentsInUse();
  const worker = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      try {
        fetched.push((await fetchLiveMetadata(id, runner, { cacheDir, node })).metadata);
      } catch (error) {
        failed.push({ agent: id, reason: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  service.useAgentMetadata(fetched, {
    kind: 'live',
    detail: `${node}, fetched ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`,
  });
  return { fetched: fetched.map((m) => m.id).sort(), failed };
}
