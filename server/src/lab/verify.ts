// `pcmk-lsp lab verify PATH...`: the live oracle. Starts a bare lab named as the workspace's cluster
// names its nodes, runs the lab script(s) statement by statement exactly as "Run on node" would (the
// run-on-node lenses give the text and the node, client/src/runOnNode/sshRunner.ts runs it over the
// lab's ssh config), then compares what the language service predicted with what the cluster holds:
// nodes, resources (agent, parameters), groups, clones, constraints, properties, quorum figures, and
// the lines our diagnostics say a tool refuses against the lines that really failed.
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { runOverSsh } from '../../../shared/src/runOnNode/sshRunner';
import { classifyCommand } from '../runOnNode/commandSafety';
import type { RunOnNodeArgs } from '../runOnNode/lenses';
import { documentSteps } from './steps';
import { formatLabLimit, labLimitOf } from '../../../shared/src/lab/limits';
import type { ClusterModel } from '../model/types';
import { afterFailure, simulate, type QuorumConfig } from '../../../shared/src/quorum/engine';
import type { LanguageService } from '../service/languageService';
import { inNode, labDown, labUp, parseCrmMon, parseQuorumtool, readState, holderPid, type LabState } from './lab';
import { readWorkspaceCluster } from './workspace';
import { runnerFor } from '../lsp/agentRunner';
import { fetchLiveMetadata, fetchWorkspaceAgentMetadata } from '../lsp/liveMetadata';
import { loadAgentCatalog, useAgentCatalog } from '../agents/catalog';
import { parseXml, type XmlElement } from './xml';

export interface StepResult {
  file: string;
  line: number;
  node: string;
  text: string;
  status: 'ok' | 'failed' | 'ssh-error' | 'timeout' | 'cancelled';
  exitCode: number | null;
  output: string;
  durationMs: number;
}

export interface Difference {
  what: 'node' | 'resource' | 'group' | 'clone' | 'constraint' | 'property' | 'quorum' | 'line' | 'state';
  message: string;
}

export interface VerifyReport {
  steps: StepResult[];
  differences: Difference[];
  /** Resources whose agent cannot work in a network namespace (kernel NFS server, shared LVM, DRBD...). */
  cannotRunHere: string[];
  /** Lines that failed for a reason of the lab, not of the script (package managers, kernel modules...). */
  environmentFailures: string[];
}

/** Statements of a document in order, with the node they run on, as the run-on-node lenses give them. */
export function runnableSteps(
  service: LanguageService,
  uri: string,
  defaultNode: string,
  nodes: string[],
): { line: number; node: string; text: string; range: RunOnNodeArgs['range'] }[] {
  const steps: { line: number; node: string; text: string; range: RunOnNodeArgs['range'] }[] = [];
  for (const args of documentSteps(service, uri)) {
    const targets = args.nodes === '*' ? nodes : args.nodes === null ? [defaultNode] : args.nodes;
    for (const node of targets) steps.push({ line: args.range.start.line, node, text: args.text, range: args.range });
  }
  return steps.sort((a, b) => a.line - b.line);
}

// Agents that need the host's kernel or shared storage: they cannot start inside a network namespace.
const NAMESPACE_IMPOSSIBLE: Record<string, string> = {
  nfsserver: 'the kernel NFS server is one per machine, not per network namespace',
  'LVM-activate': 'shared LVM needs shared block devices',
  LVM: 'shared LVM needs shared block devices',
  drbd: 'DRBD needs the drbd kernel module and its own devices',
  Filesystem: 'mounting needs a real shared block device',
  iSCSITarget: 'the LIO target (configfs) is not available here',
  iSCSILogicalUnit: 'the LIO target (configfs) is not available here',
  iscsi: 'iSCSI sessions are kernel state of the whole machine',
  lvmlockd: 'lvmlockd needs shared storage and dlm',
  controld: 'dlm needs the kernel dlm module',
  exportfs: 'the kernel NFS export table is one per machine',
  Xen: 'virtual machines are not part of the lab',
  VirtualDomain: 'virtual machines are not part of the lab',
};

// Commands whose failure on a lab node says nothing about the script (the lab has no such package or kernel part).
const ENVIRONMENT_COMMANDS =
  /^(?:sudo\s+)?(?:dnf|yum|apt|apt-get|zypper|subscription-manager|firewall-cmd|setenforce|sestatus|modprobe|drbdadm|drbdsetup|mkfs(?:\.\w+)?|pvcreate|vgcreate|lvcreate|vgchange|lvchange|iscsiadm|targetcli|mount|umount|parted|wipefs|reboot|shutdown|poweroff|timedatectl|hostnamectl|nmcli|exportfs|showmount|mkdir\s+-p\s+\/srv)\b/;

function typeOfAgent(agent: string): { cls?: string; provider?: string; type: string } {
  const parts = agent.split(':');
  if (parts.length === 3) return { cls: parts[0], provider: parts[1], type: parts[2]! };
  if (parts.length === 2) return { cls: parts[0], type: parts[1]! };
  return { type: agent };
}

function normScore(score: string | undefined): string {
  if (score === undefined) return 'INFINITY';
  const s = score.trim();
  if (/^\+?inf(inity)?$/i.test(s)) return 'INFINITY';
  if (/^-inf(inity)?$/i.test(s)) return '-INFINITY';
  return String(Number(s));
}

interface CibView {
  nodes: string[];
  primitives: Map<string, { cls: string; provider?: string; type: string; params: Map<string, string>; meta: Map<string, string> }>;
  groups: Map<string, string[]>;
  clones: Map<string, { child: string; promotable: boolean }>;
  constraints: string[];
  properties: Map<string, string>;
}

function nvpairs(el: XmlElement | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const nv of el?.children.filter((c) => c.name === 'nvpair') ?? []) out.set(nv.attrs.name ?? '', nv.attrs.value ?? '');
  return out;
}

export function readCib(xml: string): CibView {
  const root = parseXml(xml);
  const cfg = root.find('configuration');
  const view: CibView = { nodes: [], primitives: new Map(), groups: new Map(), clones: new Map(), constraints: [], properties: new Map() };
  for (const n of cfg?.find('nodes')?.children ?? [])
    if (n.name === 'node' && (n.attrs.type ?? 'member') === 'member') view.nodes.push(n.attrs.uname ?? '');
  const addPrimitive = (p: XmlElement) =>
    view.primitives.set(p.attrs.id ?? '', {
      cls: p.attrs.class ?? '',
      provider: p.attrs.provider,
      type: p.attrs.type ?? '',
      params: nvpairs(p.children.find((c) => c.name === 'instance_attributes')),
      meta: nvpairs(p.children.find((c) => c.name === 'meta_attributes')),
    });
  const addGroup = (g: XmlElement) => {
    const members = g.children.filter((c) => c.name === 'primitive');
    members.forEach(addPrimitive);
    view.groups.set(
      g.attrs.id ?? '',
      members.map((m) => m.attrs.id ?? ''),
    );
  };
  for (const r of cfg?.find('resources')?.children ?? []) {
    if (r.name === 'primitive') addPrimitive(r);
    else if (r.name === 'group') addGroup(r);
    else if (r.name === 'clone' || r.name === 'master') {
      const child = r.children.find((c) => c.name === 'primitive' || c.name === 'group');
      if (child?.name === 'primitive') addPrimitive(child);
      else if (child) addGroup(child);
      const meta = nvpairs(r.children.find((c) => c.name === 'meta_attributes'));
      view.clones.set(r.attrs.id ?? '', {
        child: child?.attrs.id ?? '',
        promotable: r.name === 'master' || meta.get('promotable') === 'true',
      });
    }
  }
  for (const c of cfg?.find('constraints')?.children ?? []) {
    if (c.name === 'rsc_location' && c.attrs.node)
      view.constraints.push(`location ${c.attrs.rsc} ${c.attrs.node} ${normScore(c.attrs.score)}`);
    else if (c.name === 'rsc_location') view.constraints.push(`location ${c.attrs.rsc} rule`);
    else if (c.name === 'rsc_order') view.constraints.push(`order ${c.attrs.first} ${c.attrs.then}`);
    else if (c.name === 'rsc_colocation')
      view.constraints.push(`colocation ${c.attrs.rsc} ${c.attrs['with-rsc']} ${normScore(c.attrs.score)}`);
  }
  for (const set of cfg?.find('crm_config')?.children ?? [])
    if (set.name === 'cluster_property_set') for (const [k, v] of nvpairs(set)) view.properties.set(k, v);
  return view;
}

const AUTOMATIC_PROPERTIES = new Set(['dc-version', 'cluster-infrastructure', 'cluster-name', 'have-watchdog', 'last-lrm-refresh']);

/** What the model predicted against what the CIB holds. */
export function compareModel(model: ClusterModel, cib: CibView): Difference[] {
  const diffs: Difference[] = [];
  const members = [...model.nodes.values()]
    .filter((n) => n.member && !n.remote)
    .map((n) => n.name)
    .sort();
  const cibNodes = [...cib.nodes].sort();
  if (members.join(' ') !== cibNodes.join(' '))
    diffs.push({
      what: 'node',
      message: `nodes: predicted ${members.join(', ') || 'none'}, the cluster has ${cibNodes.join(', ') || 'none'}`,
    });

  const predictedPrimitives = new Set<string>();
  for (const r of model.resources.values()) {
    if (r.kind === 'primitive' || r.kind === 'stonith') {
      predictedPrimitives.add(r.id);
      const live = cib.primitives.get(r.id);
      if (!live) {
        diffs.push({ what: 'resource', message: `resource ${r.id} (${r.agent}): predicted, but the cluster does not have it` });
        continue;
      }
      const want = typeOfAgent(r.agent ?? '');
      const cls = r.kind === 'stonith' ? 'stonith' : want.cls;
      if (live.type !== want.type || (cls && live.cls !== cls) || (want.provider && live.provider !== want.provider)) {
        diffs.push({
          what: 'resource',
          message: `resource ${r.id}: predicted agent ${r.agent}, the cluster has ${[live.cls, live.provider, live.type].filter(Boolean).join(':')}`,
        });
      }
      for (const [k, v] of r.params) {
        if (!live.params.has(k))
          diffs.push({ what: 'resource', message: `resource ${r.id}: predicted parameter ${k}=${v}, the cluster has none` });
        else if (live.params.get(k) !== v)
          diffs.push({ what: 'resource', message: `resource ${r.id}: predicted ${k}=${v}, the cluster has ${k}=${live.params.get(k)}` });
      }
      for (const [k, v] of live.params)
        if (!r.params.has(k))
          diffs.push({ what: 'resource', message: `resource ${r.id}: the cluster has parameter ${k}=${v}, not predicted` });
      for (const [k, v] of r.meta)
        if (live.meta.get(k) !== v)
          diffs.push({
            what: 'resource',
            message: `resource ${r.id}: predicted meta ${k}=${v}, the cluster has ${live.meta.has(k) ? `${k}=${live.meta.get(k)}` : 'none'}`,
          });
    } else if (r.kind === 'group') {
      const live = cib.groups.get(r.id);
      if (!live) diffs.push({ what: 'group', message: `group ${r.id}: predicted, but the cluster does not have it` });
      else if (live.join(' ') !== r.members.join(' '))
        diffs.push({
          what: 'group',
          message: `group ${r.id}: predicted members ${r.members.join(', ')}, the cluster has ${live.join(', ')}`,
        });
    } else if (r.kind === 'clone' || r.kind === 'promotable') {
      const live = cib.clones.get(r.id);
      if (!live) diffs.push({ what: 'clone', message: `clone ${r.id}: predicted, but the cluster does not have it` });
      else if (r.members[0] && live.child !== r.members[0])
        diffs.push({ what: 'clone', message: `clone ${r.id}: predicted to hold ${r.members[0]}, the cluster's holds ${live.child}` });
    }
  }
  for (const id of cib.primitives.keys())
    if (!predictedPrimitives.has(id)) diffs.push({ what: 'resource', message: `resource ${id}: in the cluster, not predicted` });
  for (const id of cib.groups.keys())
    if (model.resources.get(id)?.kind !== 'group') diffs.push({ what: 'group', message: `group ${id}: in the cluster, not predicted` });
  for (const id of cib.clones.keys())
    if (!['clone', 'promotable'].includes(model.resources.get(id)?.kind ?? ''))
      diffs.push({ what: 'clone', message: `clone ${id}: in the cluster, not predicted` });

  const predicted: string[] = [];
  for (const c of model.constraints) {
    if (c.type === 'location') predicted.push(c.rule ? `location ${c.rsc} rule` : `location ${c.rsc} ${c.node} ${normScore(c.score)}`);
    else if (c.type === 'order') predicted.push(`order ${c.rsc} ${c.with}`);
    else if (c.type === 'colocation') predicted.push(`colocation ${c.rsc} ${c.with} ${normScore(c.score)}`);
  }
  const live = [...cib.constraints];
  for (const p of predicted) {
    const i = live.indexOf(p);
    if (i >= 0) live.splice(i, 1);
    else diffs.push({ what: 'constraint', message: `constraint predicted (${p}), not in the cluster` });
  }
  for (const l of live) diffs.push({ what: 'constraint', message: `constraint in the cluster (${l}), not predicted` });

  for (const [k, { value }] of model.properties) {
    const v = cib.properties.get(k);
    if (v === undefined) diffs.push({ what: 'property', message: `property ${k}=${value}: predicted, the cluster does not have it` });
    else if (v !== value) diffs.push({ what: 'property', message: `property ${k}: predicted ${value}, the cluster has ${v}` });
  }
  for (const [k, v] of cib.properties)
    if (!AUTOMATIC_PROPERTIES.has(k) && !model.properties.has(k))
      diffs.push({ what: 'property', message: `property ${k}=${v}: in the cluster, not predicted` });
  return diffs;
}

/** The quorum figures the engine predicts for a partition (the nodes listed stay together, the others are gone). */
export function predictQuorum(
  config: QuorumConfig,
  together: string[],
): { expectedVotes: number; totalVotes: number; quorum: number; quorate: boolean } {
  const ids = config.nodes.filter((n) => !together.includes(n.name)).map((n) => n.nodeid);
  const state = ids.length ? simulate(config, [{ type: 'start' }, { type: 'fail', nodes: ids }]).final : afterFailure(config, []);
  return { expectedVotes: state.expectedVotes, totalVotes: state.totalVotes, quorum: state.quorum, quorate: state.quorate };
}

export interface VerifyOptions {
  name: string;
  paths: string[];
  keep: boolean;
  out: (s: string) => void;
  err: (s: string) => void;
  /** Use a lab that is already up (must be bare) instead of starting one. */
  reuse?: boolean;
}

export async function verifyOnLab(
  state: LabState,
  service: LanguageService,
  uris: string[],
  out: (s: string) => void,
): Promise<VerifyReport> {
  const report: VerifyReport = { steps: [], differences: [], cannotRunHere: [], environmentFailures: [] };
  const nodeNames = state.nodes.map((n) => n.name);
  for (const uri of uris) {
    const diagnostics = service.diagnostics(uri);
    const file = path.relative(process.cwd(), fileURLToPath(uri));
    for (const step of runnableSteps(service, uri, nodeNames[0]!, nodeNames)) {
      if (!nodeNames.includes(step.node)) {
        report.differences.push({ what: 'line', message: `${file}:${step.line + 1}: runs on ${step.node}, which is not a lab node` });
        continue;
      }
      let output = '';
      // What is printed is masked as run on node masks it (a lab script may carry passwords).
      const first = classifyCommand(step.text.split('\n')[0]!).masked;
      out(`${file}:${step.line + 1} ${step.node}# ${first}${step.text.includes('\n') ? ' …' : ''}\n`);
      // A tty, so a line that asks (`pcs host auth` without -p) is answered as a trainee would: the
      // lab's hacluster user and password. Nothing else is ever typed.
      let answered = 0;
      const handle = runOverSsh({
        destination: step.node,
        command: step.text,
        configFile: state.sshConfig,
        tty: true,
        timeoutSeconds: 300,
        onStdout: (t) => {
          output += t;
          const prompt = /(Username|Password): *$/i.exec(output.slice(-40));
          if (prompt && answered < 6) {
            answered++;
            handle.write(`${/user/i.test(prompt[1]!) ? 'hacluster' : state.password}\n`);
          }
        },
        onStderr: (t) => (output += t),
      });
      const result = await handle.result;
      const record: StepResult = {
        file,
        line: step.line + 1,
        node: step.node,
        text: step.text,
        status: result.status,
        exitCode: result.exitCode,
        output,
        durationMs: result.durationMs,
      };
      report.steps.push(record);
      const refused = diagnostics.filter(
        (d) => d.severity === 1 && d.range.start.line >= step.range.start.line && d.range.start.line <= step.range.end.line,
      );
      if (result.status !== 'ok') {
        out(
          `  → failed (exit ${result.exitCode ?? result.status}) in ${(result.durationMs / 1000).toFixed(1)} s: ${output.trim().split('\n').slice(-3).join(' | ')}\n`,
        );
        // Said on the line itself: what a lab node cannot do (kernel modules, the iSCSI target, ...).
        const limit = labLimitOf(step.text);
        if (limit) out(`    ${formatLabLimit(limit)}\n`);
        if (result.status === 'ssh-error')
          report.differences.push({
            what: 'line',
            message: `${file}:${step.line + 1}: could not reach ${step.node}: ${result.failure?.message ?? ''}`,
          });
        else if (refused.length) {
          /* predicted */
        } else if (ENVIRONMENT_COMMANDS.test(step.text.trim()) || limit)
          report.environmentFailures.push(`${file}:${step.line + 1}: ${first} (the lab cannot do this; not counted)`);
        else
          report.differences.push({
            what: 'line',
            message: `${file}:${step.line + 1}: failed on ${step.node}, but no error was predicted: ${output.trim().split('\n').slice(-2).join(' | ')}`,
          });
      } else {
        out(`  → ok in ${(result.durationMs / 1000).toFixed(1)} s\n`);
        for (const d of refused)
          report.differences.push({
            what: 'line',
            message: `${file}:${step.line + 1}: predicted "${d.message}" (${d.code}), but the line succeeded`,
          });
      }
    }
  }
  return report;
}

async function liveNode(state: LabState): Promise<string | undefined> {
  for (const n of state.nodes) {
    if (!holderPid(state, n.name)) continue;
    const r = await inNode(state, n.name, 'systemctl is-active -q pacemaker', 10_000);
    if (r.code === 0) return n.name;
  }
  return undefined;
}

/** Waits until no resource action is pending (or 90 s), then reads the CIB, crm_mon and the quorum figures. */
export async function collectLive(state: LabState): Promise<{ cib?: string; crmMon?: string; quorumtool?: string; node?: string }> {
  const node = await liveNode(state);
  if (!node) return {};
  await inNode(state, node, 'crm_resource --wait --timeout=90s >/dev/null 2>&1', 100_000);
  const [cib, mon, q] = await Promise.all([
    inNode(state, node, 'pcs cluster cib', 30_000),
    inNode(state, node, 'crm_mon -1 --output-as=xml', 30_000),
    inNode(state, node, 'corosync-quorumtool -s', 30_000),
  ]);
  return { cib: cib.code === 0 ? cib.stdout : undefined, crmMon: mon.stdout, quorumtool: q.stdout, node };
}

export async function runLabVerify(options: VerifyOptions): Promise<number> {
  const { out, err } = options;
  if (!options.paths.length) {
    err('pcmk-lsp lab verify: name the lab script(s) to run (a .sh file, a Markdown memo or a folder)\n');
    return 2;
  }
  let ws = await readWorkspaceCluster(options.paths);
  if (!ws.nodes.length) {
    err(`pcmk-lsp lab verify: ${options.paths.join(' ')} names no cluster nodes (no corosync.conf nodelist, no pcs cluster setup line)\n`);
    return 2;
  }
  const name = options.name === 'lab' && !options.reuse ? 'verify' : options.name;
  let state = options.reuse ? readState(name) : undefined;
  if (options.reuse && !state) {
    err(`pcmk-lsp lab verify: --reuse: no lab "${name}" is up\n`);
    return 2;
  }
  const started = Date.now();
  try {
    if (!state) {
      if (readState(name)) {
        err(`pcmk-lsp lab verify: a lab "${name}" is already up; take it down first (pcmk-lsp lab down --name ${name})\n`);
        return 2;
      }
      state = await labUp({ name, nodes: ws.nodes, clusterName: ws.clusterName, password: ws.password, progress: (l) => out(l + '\n') });
    }
    // The agents as the lab's nodes have them (fence_lab exists only there), as "Fetch agent metadata" does.
    out(`lab verify: reading agent metadata from ${state.nodes[0]!.name}\n`);
    const runner = runnerFor(state.nodes[0]!.name, state.sshConfig);
    const cacheDir = path.join(state.dir, 'agent-cache');
    const fenceLab = await fetchLiveMetadata('stonith:fence_lab', runner, { cacheDir, node: state.nodes[0]!.name });
    useAgentCatalog(loadAgentCatalog().overlay([fenceLab.metadata], fenceLab.source));
    // Analyse again with fence_lab known, and with the other agents the scripts use as the nodes have them.
    ws = await readWorkspaceCluster(options.paths);
    const fetched = await fetchWorkspaceAgentMetadata(ws.service, state.nodes[0]!.name, runner, cacheDir);
    for (const f of fetched.failed) out(`  ${f.agent}: ${f.reason}\n`);
    const uris = ws.files
      .filter((f) => f.kind !== 'corosync')
      .map((f) => pathToFileURL(f.path).toString())
      .sort();
    const report = await verifyOnLab(state, ws.service, uris, out);
    out('lab verify: waiting for the cluster to settle\n');
    const live = await collectLive(state);
    const model = ws.service.clusterModel();
    if (!live.cib) report.differences.push({ what: 'state', message: 'no node runs pacemaker after the script: nothing to compare with' });
    else report.differences.push(...compareModel(model, readCib(live.cib)));
    // Resources that did not start: expected for agents a namespace cannot run, a difference otherwise.
    if (live.crmMon) {
      const mon = parseCrmMon(live.crmMon);
      const groups = live.cib ? readCib(live.cib).groups : new Map<string, string[]>();
      const impossible = new Set<string>();
      const whyImpossible = (agent: string): string | undefined => {
        const type = agent.split(':').pop() ?? '';
        if (NAMESPACE_IMPOSSIBLE[type]) return NAMESPACE_IMPOSSIBLE[type];
        // A real fence agent needs the board or hypervisor it names; only fence_lab acts on lab nodes.
        if (/^stonith:/.test(agent) && type !== 'fence_lab')
          return 'a fence device needs the real power switch, board or hypervisor it names (the lab has fence_lab)';
        return undefined;
      };
      for (const r of mon.resources) if (whyImpossible(r.agent)) impossible.add(r.id);
      // A group member starts only after the members before it: one that cannot run stops the rest.
      const blockedBy = (id: string): string | undefined => {
        for (const [group, members] of groups) {
          const index = members.indexOf(id);
          const before = index > 0 ? members.slice(0, index).find((m) => impossible.has(m)) : undefined;
          if (before) return `it follows ${before} in group ${group}, which cannot run here`;
        }
        return undefined;
      };
      for (const r of mon.resources) {
        if (/^(Started|Promoted|Unpromoted|Master|Slave)$/.test(r.role) && r.nodes.length) continue;
        const why = whyImpossible(r.agent) ?? blockedBy(r.id);
        if (why) report.cannotRunHere.push(`${r.id} (${r.agent}): ${why}`);
        else if (model.resources.get(r.id)?.disabled) continue;
        else
          report.differences.push({ what: 'state', message: `resource ${r.id} (${r.agent}) is ${r.role || 'not running'}, not started` });
      }
    }
    // Quorum: the engine's figures for the whole cluster against corosync-quorumtool.
    const config = uris.map((u) => ws.service.quorumConfig(u)).find((c): c is QuorumConfig => !!c && c.nodes.length > 0);
    const q = live.quorumtool ? parseQuorumtool(live.quorumtool) : undefined;
    if (config && q) {
      const p = predictQuorum(
        config,
        config.nodes.map((n) => n.name),
      );
      for (const key of ['expectedVotes', 'totalVotes', 'quorum', 'quorate'] as const) {
        if (p[key] !== q[key])
          report.differences.push({ what: 'quorum', message: `quorum ${key}: predicted ${p[key]}, corosync-quorumtool says ${q[key]}` });
      }
      out(
        `quorum: predicted ${p.totalVotes}/${p.expectedVotes} votes, quorum ${p.quorum}; corosync-quorumtool: ${q.totalVotes}/${q.expectedVotes}, quorum ${q.quorum}\n`,
      );
    }
    const okLines = report.steps.filter((s) => s.status === 'ok').length;
    out(
      `\n${report.steps.length} lines run (${okLines} ok, ${report.steps.length - okLines} failed) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    for (const line of report.cannotRunHere) out(`cannot run in a lab: ${line}\n`);
    for (const line of report.environmentFailures) out(`lab limit: ${line}\n`);
    if (!report.differences.length) {
      out('no difference: the cluster holds what the model predicted\n');
      return 0;
    }
    for (const d of report.differences) out(`difference (${d.what}): ${d.message}\n`);
    return 1;
  } finally {
    if (state && !options.keep && !options.reuse) {
      await labDown(name);
      out(`lab ${name} removed\n`);
    } else if (state && options.keep) out(`lab ${name} kept (pcmk-lsp lab down --name ${name})\n`);
  }
}
