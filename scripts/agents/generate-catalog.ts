// Generates server/src/agents/generated/catalog.json from the agents installed on this machine:
// every OCF agent of every provider and every fence agent Pacemaker lists, through the same call pcs
// makes (`crm_resource --show-metadata`), plus the fence daemon's own stonith parameters.
//
//   node --import tsx scripts/agents/generate-catalog.ts           write catalog + provenance
//   node --import tsx scripts/agents/generate-catalog.ts --check   exit 1 if the committed catalog is stale
//
// The catalog is committed (a fresh clone builds and tests without any agent installed); its JSON
// holds no date, so two runs on the same packages are byte-identical. provenance.json beside it
// records the package versions, the date and the commands.
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MetadataParseError, parseAgentMetadata } from '../../server/src/agents/parseMetadata';
import type { AgentCatalogData, AgentMetadata } from '../../server/src/agents/types';

const root = path.resolve(__dirname, '../..');
const outDir = path.join(root, 'server/src/agents/generated');
const catalogPath = path.join(outDir, 'catalog.json');
const provenancePath = path.join(outDir, 'provenance.json');
const PACKAGES = ['resource-agents', 'fence-agents', 'pacemaker', 'pacemaker-cli-utils', 'drbd-utils', 'pcs', 'libxml2-utils'];
const FENCED = '/usr/lib/pacemaker/pacemaker-fenced';
const PCS_SCHEMAS: Record<string, string> = { '1.0': '/usr/share/pcs/data/ocf-1.0.rng', '1.1': '/usr/share/pcs/data/ocf-1.1.rng' };
// pcs runs crm_resource with this PATH so RHEL-style fence agents and heartbeat agents work.
const AGENT_ENV = { ...process.env, PATH: '/usr/sbin:/bin:/usr/bin', LC_ALL: 'C' };

function run(cmd: string, args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(cmd, args, { env: AGENT_ENV, timeout: 30_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error
        ? typeof (error as NodeJS.ErrnoException).code === 'number'
          ? Number((error as NodeJS.ErrnoException).code)
          : 1
        : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Runs `work` over `items` with at most `limit` in flight; results keep the input order. */
async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  });
  await Promise.all(workers);
  return results;
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

async function listAgentIds(): Promise<string[]> {
  const providers = lines((await run('crm_resource', ['--list-ocf-providers'])).stdout);
  const ids: string[] = [];
  for (const provider of providers) {
    for (const type of lines((await run('crm_resource', ['--list-agents', `ocf:${provider}`])).stdout)) ids.push(`ocf:${provider}:${type}`);
  }
  for (const type of lines((await run('crm_resource', ['--list-agents', 'stonith'])).stdout)) ids.push(`stonith:${type}`);
  return [...new Set(ids)].sort(compareIds);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const hasXmllint = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** pcs validates metadata against its own relaxed RelaxNG schema and rejects agents that fail it. */
async function pcsSchemaProblem(xml: string, ocfVersion: string): Promise<string | undefined> {
  const schema = PCS_SCHEMAS[ocfVersion];
  if (!schema) return `pcs does not support OCF version ${ocfVersion}`;
  if (!hasXmllint || !fs.existsSync(schema)) return undefined;
  const result = await run('xmllint', ['--noout', '--relaxng', schema, '-'], xml);
  if (result.code === 0) return undefined;
  const first = lines(result.stderr).find((l) => !l.endsWith('fails to validate')) ?? 'fails pcs schema';
  return first.replace(/^-:\d+: /, '').replace(/^element /, '');
}

async function agentMetadata(id: string): Promise<AgentMetadata | { id: string; reason: string }> {
  const result = await run('crm_resource', ['--show-metadata', id]);
  if (result.code !== 0 || !result.stdout.trim()) {
    return { id, reason: lines(result.stderr)[0] ?? `crm_resource exited with ${result.code} and printed nothing` };
  }
  try {
    const metadata = parseAgentMetadata(id, result.stdout);
    const problem = await pcsSchemaProblem(result.stdout.trim(), metadata.ocfVersion);
    if (problem) metadata.pcsInvalid = problem;
    return metadata;
  } catch (error) {
    if (error instanceof MetadataParseError) return { id, reason: error.message };
    throw error;
  }
}

async function generate(): Promise<{ json: string; agentCount: number; failed: { id: string; reason: string }[]; commands: string[] }> {
  const ids = await listAgentIds();
  const results = await pool(ids, Math.max(8, os.cpus().length * 4), agentMetadata);
  const agents = results.filter((r): r is AgentMetadata => 'parameters' in r);
  const failed = results.filter((r): r is { id: string; reason: string } => !('parameters' in r));
  const fenced = await run(FENCED, ['metadata']);
  const fencedParameters = fenced.stdout.trim() ? parseAgentMetadata('pacemaker-fenced', fenced.stdout).parameters : [];
  // Failure reasons vary from run to run (exit codes, signals), so only the ids go into the catalog.
  const data: AgentCatalogData = { format: 1, agents, fencedParameters, failed: failed.map((f) => f.id) };
  return {
    json: JSON.stringify(data) + '\n',
    agentCount: agents.length,
    failed,
    commands: [
      'crm_resource --list-ocf-providers; crm_resource --list-agents ocf:<provider>; crm_resource --list-agents stonith',
      'crm_resource --show-metadata <standard>:[<provider>:]<type>  (PATH=/usr/sbin:/bin:/usr/bin)',
      `${FENCED} metadata`,
      hasXmllint
        ? 'xmllint --noout --relaxng /usr/share/pcs/data/ocf-1.<n>.rng -  (sets pcsInvalid)'
        : 'xmllint missing: pcs schema check skipped',
    ],
  };
}

function packageVersions(): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const pkg of PACKAGES) {
    try {
      versions[pkg] = execFileSync('dpkg-query', ['-W', '-f=${Version}', pkg], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      versions[pkg] = 'not installed';
    }
  }
  return versions;
}

function firstDifference(a: string, b: string): string {
  try {
    const left = JSON.parse(a) as AgentCatalogData;
    const right = JSON.parse(b) as AgentCatalogData;
    const byId = (d: AgentCatalogData) => new Map(d.agents.map((x) => [x.id, JSON.stringify(x)]));
    const l = byId(left);
    const r = byId(right);
    const changed = [...new Set([...l.keys(), ...r.keys()])].filter((id) => l.get(id) !== r.get(id));
    if (changed.length)
      return `agents differing: ${changed.slice(0, 10).join(', ')}${changed.length > 10 ? ` and ${changed.length - 10} more` : ''}`;
    return `failed agents: committed [${left.failed.join(', ')}], now [${right.failed.join(', ')}]; or the fence daemon parameters differ`;
  } catch {
    return 'the committed catalog is not valid JSON';
  }
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  try {
    execFileSync('crm_resource', ['--version'], { stdio: 'ignore' });
  } catch {
    console.error('generate-catalog: crm_resource not found; install pacemaker-cli-utils, resource-agents, fence-agents (Debian)');
    process.exit(2);
  }
  const started = Date.now();
  const result = await generate();
  const versions = packageVersions();
  if (check) {
    const committed = fs.existsSync(catalogPath) ? fs.readFileSync(catalogPath, 'utf8') : '';
    if (committed === result.json) {
      console.log(`generate-catalog --check: catalog is fresh (${result.agentCount} agents)`);
      return;
    }
    const provenance = fs.existsSync(provenancePath)
      ? (JSON.parse(fs.readFileSync(provenancePath, 'utf8')) as { packages?: Record<string, string> })
      : {};
    const moved = Object.entries(versions)
      .filter(([pkg, v]) => provenance.packages?.[pkg] !== v)
      .map(([pkg, v]) => `${pkg} ${provenance.packages?.[pkg] ?? '?'} -> ${v}`);
    console.error(
      `generate-catalog --check: the committed catalog is stale: ${committed ? firstDifference(committed, result.json) : 'catalog.json is missing'}`,
    );
    if (moved.length) console.error(`  installed packages differ from the provenance: ${moved.join('; ')}`);
    console.error('  regenerate with: node --import tsx scripts/agents/generate-catalog.ts');
    process.exit(1);
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(catalogPath, result.json);
  const provenance = {
    generatedAt: new Date().toISOString(),
    generator: 'scripts/agents/generate-catalog.ts',
    host: {
      os: fs.existsSync('/etc/debian_version') ? `Debian ${fs.readFileSync('/etc/debian_version', 'utf8').trim()}` : os.platform(),
      arch: os.arch(),
    },
    packages: versions,
    commands: result.commands,
    agents: result.agentCount,
    failed: result.failed,
    bytes: Buffer.byteLength(result.json),
  };
  fs.writeFileSync(provenancePath, JSON.stringify(provenance, null, 2) + '\n');
  console.log(
    `generate-catalog: ${result.agentCount} agents, ${result.failed.length} without metadata, ${provenance.bytes} bytes, ${Date.now() - started} ms`,
  );
}

main().catch((error) => {
  console.error(`generate-catalog: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
