// Lab in a box: N real Pacemaker nodes (corosync, pacemaker, pcsd, sshd from the distribution) on this
// Linux machine, each in its own network, mount and hostname namespaces on a private bridge.
//
// Layout of a lab named L (state in /run/pcmk-lab/L, found again by status/down):
//   pcmklab-L-br   network namespace holding bridges br0 (and br1 for partitions), one veth port pK per node
//   pcmklab-L-nK   node K: eth0 with the node's address (no default route: nothing leaves the lab),
//                  a holder process (`sleep infinity`) whose mount namespace has the node's own
//                  /var/lib/pacemaker, /etc/corosync, /var/lib/pcsd, /etc/hosts, /etc/shadow, /root,
//                  fresh /run, /dev/shm, /tmp, the systemctl stand-in and fence_lab (assets.ts)
//   socat on 127.0.0.1:PORT per node runs the node's sshd (inetd mode) inside the node, so each node is
//   an ordinary ssh destination of the lab's ssh config (lab key, per-node host keys, known_hosts).
// The machine's own /etc/hosts, /etc/shadow and services are never touched: every mount lives in a
// node's mount namespace and dies with it; `down` kills every process, removes the namespaces and the folder.
import { execFile, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { enterSshdScript, fenceAgentScript, holderScript, NODE_BINDS, systemctlScript } from './assets';
import * as l10n from '@vscode/l10n';

export const LAB_ROOT = process.env.PCMK_LAB_ROOT || '/run/pcmk-lab';
export const DEFAULT_SUBNET = '192.168.78';
const CLEAN_ENV = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', HOME: '/root' };

export interface LabNodeState {
  name: string;
  index: number;
  address: string;
  namespace: string;
  port: number;
  socatPid?: number;
}

export interface LabState {
  name: string;
  dir: string;
  created: string;
  prefixLength: number;
  bridgeNamespace: string;
  nodes: LabNodeState[];
  clusterName: string;
  /** The hacluster password set in every node's shadow copy. */
  password: string;
  ready: boolean;
  sshConfig: string;
  /** The disk every node shares (iSCSI/shared-storage steps): a loop device over a file of the lab. */
  sharedDisk?: SharedDisk;
}

export interface SharedDisk {
  /** The backing file, inside the lab folder (removed with it). */
  file: string;
  /** The loop device attached to it (detached by `lab down`); absent when no loop device could be had. */
  device?: string;
  sizeMb: number;
  /** Where every node sees it: a symlink in the node's own /run. */
  nodePath: string;
}

/** Inside every node: the shared disk (a symlink to the loop device, or to the file when there is none). */
export const SHARED_DISK_NODE_PATH = '/run/pcmk-lab-shared-disk';
const SHARED_DISK_MB = 512;

export class LabError extends Error {}

export type Progress = (line: string) => void;

export function labDir(name: string): string {
  return path.join(LAB_ROOT, name);
}

export function validLabName(name: string): boolean {
  return /^[a-z0-9][a-z0-9_-]{0,15}$/i.test(name);
}

/** Why a lab cannot run here (one line), or undefined. */
export function labUnsupported(): string | undefined {
  if (process.platform !== 'linux')
    return `pcmk-lsp lab: ${l10n.t('a lab needs Linux (network namespaces); this is {0}.', process.platform)}`;
  if (process.getuid?.() !== 0)
    return `pcmk-lsp lab: ${l10n.t('a lab needs root (it creates network namespaces and mounts); run it as root.')}`;
  const tools: [string, string][] = [
    ['ip', 'iproute2'],
    ['unshare', 'util-linux'],
    ['nsenter', 'util-linux'],
    ['corosync', 'corosync'],
    ['pacemakerd', 'pacemaker'],
    ['pcs', 'pcs'],
    ['/usr/sbin/pcsd', 'pcs'],
    ['/usr/sbin/sshd', 'openssh-server'],
    ['ssh', 'openssh-client'],
    ['ssh-keygen', 'openssh-client'],
    ['socat', 'socat'],
    ['openssl', 'openssl'],
  ];
  const missing = tools.filter(([tool]) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status !== 0);
  if (missing.length) {
    const pkgs = [...new Set(missing.map(([, p]) => p))].join(' ');
    return `pcmk-lsp lab: ${l10n.t('missing {0}; install with: {1}', missing.map(([t]) => t).join(', '), `apt-get install ${pkgs}`)}`;
  }
  return undefined;
}

function sh(
  command: string,
  args: string[],
  options: { input?: string; timeoutMs?: number } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      command,
      args,
      { env: CLEAN_ENV, cwd: '/', timeout: options.timeoutMs ?? 120_000, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error
          ? typeof (error as NodeJS.ErrnoException & { code?: unknown }).code === 'number'
            ? (error as unknown as { code: number }).code
            : 1
          : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

async function must(command: string, args: string[], what?: string): Promise<string> {
  const r = await sh(command, args);
  if (r.code !== 0) throw new LabError(`${what ?? `${command} ${args.join(' ')}`} failed: ${(r.stderr || r.stdout).trim()}`);
  return r.stdout;
}

export function readState(name: string): LabState | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(labDir(name), 'state.json'), 'utf8')) as LabState;
  } catch {
    return undefined;
  }
}

function writeState(state: LabState): void {
  const file = path.join(state.dir, 'state.json');
  fs.writeFileSync(`${file}.new`, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(`${file}.new`, file);
}

export function holderPid(state: LabState, node: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(state.dir, 'nodes', node, 'holder.pid'), 'utf8').trim());
    if (!pid) return undefined;
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

function netnsInode(namespace: string): number | undefined {
  try {
    return fs.statSync(`/run/netns/${namespace}`).ino;
  } catch {
    return undefined;
  }
}

/** Every process whose network namespace is `namespace` (by inode, as `ip netns pids` does). */
export function processesInNamespace(namespace: string): number[] {
  const inode = netnsInode(namespace);
  if (inode === undefined) return [];
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.statSync(`/proc/${entry}/ns/net`).ino === inode) pids.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return pids;
}

function killAll(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

async function killNamespaceProcesses(namespace: string): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const pids = processesInNamespace(namespace);
    if (!pids.length) return;
    killAll(pids);
    await sleep(50);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs: number,
  stepMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new LabError(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await sleep(stepMs);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a command inside a node (its network, mount and hostname namespaces), with a clean environment. */
export function inNode(
  state: LabState,
  node: string,
  command: string,
  timeoutMs = 120_000,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const pid = holderPid(state, node);
  if (!pid) return Promise.resolve({ code: 255, stdout: '', stderr: `${node} is off` });
  return sh('nsenter', ['-t', String(pid), '-m', '-u', '-n', '--', 'sh', '-c', command], { timeoutMs });
}

function hashPassword(password: string): string {
  const r = spawnSync('openssl', ['passwd', '-6', '-stdin'], { input: password, encoding: 'utf8' });
  if (r.status !== 0) throw new LabError(`openssl passwd failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** A shadow file for a node: every account of /etc/passwd locked, hacluster with the lab password. */
function shadowFor(password: string): string {
  const hash = hashPassword(password);
  const days = Math.floor(Date.now() / 86_400_000);
  const users = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(':')[0]!);
  return users.map((u) => `${u}:${u === 'hacluster' ? hash : '*'}:${days}:0:99999:7:::`).join('\n') + '\n';
}

export interface UpOptions {
  name?: string;
  /** Node names and, when known, their addresses (from the workspace). */
  nodes: { name: string; address?: string }[];
  clusterName?: string;
  password?: string;
  ready?: boolean;
  progress?: Progress;
}

/** Addresses for the nodes: the workspace's when they are all in one /24, else 192.168.78.11… */
export function planAddresses(nodes: { name: string; address?: string }[]): { addresses: string[]; prefixLength: number } {
  const given = nodes.map((n) => n.address);
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
  if (given.every((a) => a && v4.test(a))) {
    const nets = new Set(given.map((a) => a!.split('.').slice(0, 3).join('.')));
    const hosts = given.map((a) => Number(a!.split('.')[3]));
    if (nets.size === 1 && new Set(given).size === given.length && hosts.every((h) => h > 0 && h < 255)) {
      return { addresses: given as string[], prefixLength: 24 };
    }
  }
  return { addresses: nodes.map((_, i) => `${DEFAULT_SUBNET}.${11 + i}`), prefixLength: 24 };
}

function copyAsset(file: string, text: string): void {
  fs.writeFileSync(file, text, { mode: 0o755 });
}

/** Starts a lab; on any failure everything made so far is removed before the error is thrown. */
export async function labUp(options: UpOptions): Promise<LabState> {
  const name = options.name ?? 'lab';
  const progress = options.progress ?? (() => {});
  if (!validLabName(name)) throw new LabError(l10n.t('bad lab name "{0}" (letters, digits, - and _, at most 16)', name));
  const why = labUnsupported();
  if (why) throw new LabError(why);
  const existing = readState(name);
  if (existing) {
    if (existing.nodes.some((n) => holderPid(existing, n.name))) {
      throw new LabError(
        l10n.t('lab "{0}" is already up ({1}); run "{2}" first', name, existing.nodes.map((n) => n.name).join(', '), 'pcmk-lsp lab down'),
      );
    }
    await labDown(name);
  }
  if (options.nodes.length < 1 || options.nodes.length > 16) throw new LabError(l10n.t('a lab has 1 to 16 nodes'));
  for (const n of options.nodes) {
    if (!/^[a-zA-Z0-9][a-zA-Z0-9.-]{0,62}$/.test(n.name)) throw new LabError(l10n.t('"{0}" cannot be a lab node name', n.name));
  }
  const started = Date.now();
  const dir = labDir(name);
  const { addresses, prefixLength } = planAddresses(options.nodes);
  const state: LabState = {
    name,
    dir,
    created: new Date().toISOString(),
    prefixLength,
    bridgeNamespace: `pcmklab-${name}-br`,
    nodes: options.nodes.map((n, i) => ({
      name: n.name,
      index: i + 1,
      address: addresses[i]!,
      namespace: `pcmklab-${name}-n${i + 1}`,
      port: 0,
    })),
    clusterName: options.clusterName ?? 'labcluster',
    password: options.password ?? 'hacluster',
    ready: !!options.ready,
    sshConfig: path.join(dir, 'ssh_config'),
  };
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    writeState(state);
    progress(`lab ${name}: preparing ${state.nodes.length} nodes (${state.nodes.map((n) => `${n.name} ${n.address}`).join(', ')})`);
    await prepareFiles(state);
    state.sharedDisk = await makeSharedDisk(state);
    writeState(state);
    progress(
      state.sharedDisk.device
        ? `lab: ${l10n.t(
            'shared disk {0} ({1} MB, a loop device over {2}); every node sees it at {3}',
            state.sharedDisk.device,
            state.sharedDisk.sizeMb,
            state.sharedDisk.file,
            SHARED_DISK_NODE_PATH,
          )}`
        : `lab: ${l10n.t('shared disk: no loop device here, only the file {0} (every node sees it at {1})', state.sharedDisk.file, SHARED_DISK_NODE_PATH)}`,
    );
    progress(`lab: ${l10n.t('network namespaces and bridge')}`);
    await makeNetwork(state);
    progress(`lab: ${l10n.t('starting node holders (mount and hostname namespaces)')}`);
    await Promise.all(state.nodes.map((n) => startHolder(state, n)));
    for (const n of state.nodes) {
      n.port = await freePort();
      n.socatPid = startSocat(state, n);
    }
    writeState(state);
    writeSshConfig(state);
    progress(`lab: ${l10n.t('starting pcsd and sshd on every node')}`);
    await Promise.all(state.nodes.map((n) => bootServices(state, n)));
    await Promise.all(
      state.nodes.map((n) => waitFor(async () => (await sshProbe(state, n.name)) || undefined, `ssh to ${n.name}`, 15_000, 200)),
    );
    progress(
      `lab: ${l10n.t(
        '{0} bare nodes up in {1} s (pcsd running; corosync and pacemaker stopped, nothing configured)',
        state.nodes.length,
        ((Date.now() - started) / 1000).toFixed(1),
      )}`,
    );
    if (options.ready) await makeReady(state, progress, started);
    writeState(state);
    return state;
  } catch (error) {
    progress(`lab: ${l10n.t('start failed, removing what was made: {0}', (error as Error).message)}`);
    await labDown(name).catch(() => {});
    throw error;
  }
}

async function prepareFiles(state: LabState): Promise<void> {
  const dir = state.dir;
  for (const sub of ['bin', 'sbin', 'nodes']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  copyAsset(path.join(dir, 'bin', 'systemctl'), systemctlScript(dir));
  copyAsset(path.join(dir, 'bin', 'enter-sshd'), enterSshdScript(dir));
  copyAsset(path.join(dir, 'sbin', 'fence_lab'), fenceAgentScript(dir));
  fs.writeFileSync(path.join(dir, 'holder.sh'), holderScript(), { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'password'), state.password + '\n', { mode: 0o600 });
  await must('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `pcmk-lab-${state.name}`, '-f', path.join(dir, 'id_lab')]);
  fs.copyFileSync(path.join(dir, 'id_lab.pub'), path.join(dir, 'authorized_keys'));
  const shadow = shadowFor(state.password);
  const hosts = [
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    ...state.nodes.map((n) => `${n.address}\t${n.name}`),
    '',
  ].join('\n');
  const known: string[] = [];
  await Promise.all(
    state.nodes.map(async (n) => {
      const d = path.join(dir, 'nodes', n.name);
      fs.mkdirSync(path.join(d, 'enabled'), { recursive: true });
      fs.writeFileSync(path.join(d, 'enabled', 'pcsd'), '');
      for (const b of NODE_BINDS) {
        const p = path.join(d, b.source);
        fs.mkdirSync(p, { recursive: true });
        if (b.mode) fs.chmodSync(p, b.mode);
        if (b.owner) await must('chown', [b.owner, p]);
      }
      for (const sub of ['cib', 'pengine', 'blackbox', 'cores']) {
        const p = path.join(d, 'var-lib-pacemaker', sub);
        fs.mkdirSync(p, { recursive: true, mode: 0o750 });
        await must('chown', ['hacluster:haclient', p]);
      }
      fs.mkdirSync(path.join(d, 'etc-corosync', 'uidgid.d'), { recursive: true });
      fs.writeFileSync(path.join(d, 'etc-corosync', 'uidgid.d', 'pacemaker'), 'uidgid {\n    uid: hacluster\n    gid: haclient\n}\n');
      fs.mkdirSync(path.join(d, 'root', '.ssh'), { recursive: true, mode: 0o700 });
      fs.writeFileSync(path.join(d, 'hosts'), hosts);
      fs.writeFileSync(path.join(d, 'shadow'), shadow, { mode: 0o640 });
      await must('chown', ['root:shadow', path.join(d, 'shadow')]).catch(() => '');
      await must('ssh-keygen', [
        '-q',
        '-t',
        'ed25519',
        '-N',
        '',
        '-C',
        `${n.name}@pcmk-lab-${state.name}`,
        '-f',
        path.join(d, 'ssh_host_ed25519_key'),
      ]);
      const pub = fs.readFileSync(path.join(d, 'ssh_host_ed25519_key.pub'), 'utf8').trim().split(' ').slice(0, 2).join(' ');
      known.push(`${hostKeyAlias(state, n.name)} ${pub}`);
      fs.writeFileSync(
        path.join(d, 'sshd_config'),
        [
          `HostKey ${path.join(d, 'ssh_host_ed25519_key')}`,
          `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')} .ssh/authorized_keys`,
          'PermitRootLogin prohibit-password',
          'PubkeyAuthentication yes',
          'PasswordAuthentication no',
          'KbdInteractiveAuthentication no',
          'UsePAM no',
          'StrictModes no',
          'PidFile none',
          'PrintMotd no',
          'PrintLastLog no',
          'AcceptEnv LANG LC_*',
          'Subsystem sftp /usr/lib/openssh/sftp-server',
          '',
        ].join('\n'),
      );
    }),
  );
  fs.writeFileSync(path.join(dir, 'known_hosts'), known.sort().join('\n') + '\n');
}

export function hostKeyAlias(state: LabState, node: string): string {
  return `pcmk-lab-${state.name}-${node}`;
}

function writeSshConfig(state: LabState): void {
  const lines = [`# ssh config of pcmk-lab lab "${state.name}" (made by pcmk-lsp lab up; removed by lab down)`];
  for (const n of state.nodes) {
    lines.push(
      `Host ${n.name}`,
      '  HostName 127.0.0.1',
      `  Port ${n.port}`,
      '  User root',
      `  HostKeyAlias ${hostKeyAlias(state, n.name)}`,
      `  IdentityFile ${path.join(state.dir, 'id_lab')}`,
      '  IdentitiesOnly yes',
      '  IdentityAgent none',
      `  UserKnownHostsFile ${path.join(state.dir, 'known_hosts')}`,
      '  GlobalKnownHostsFile /dev/null',
      '  StrictHostKeyChecking yes',
      '  LogLevel ERROR',
      '',
    );
  }
  fs.writeFileSync(state.sshConfig, lines.join('\n'), { mode: 0o600 });
}

async function makeNetwork(state: LabState): Promise<void> {
  const br = state.bridgeNamespace;
  await must('ip', ['netns', 'add', br]);
  await must('ip', ['-n', br, 'link', 'set', 'lo', 'up']);
  for (const bridge of ['br0', 'br1']) {
    await must('ip', ['-n', br, 'link', 'add', bridge, 'type', 'bridge']);
    await must('ip', ['-n', br, 'link', 'set', bridge, 'up']);
  }
  for (const n of state.nodes) {
    await must('ip', ['netns', 'add', n.namespace]);
    await must('ip', ['-n', n.namespace, 'link', 'set', 'lo', 'up']);
    await must('ip', ['-n', br, 'link', 'add', `p${n.index}`, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', n.namespace]);
    await must('ip', ['-n', br, 'link', 'set', `p${n.index}`, 'master', 'br0', 'up']);
    await must('ip', ['-n', n.namespace, 'addr', 'add', `${n.address}/${state.prefixLength}`, 'dev', 'eth0']);
    await must('ip', ['-n', n.namespace, 'link', 'set', 'eth0', 'up']);
  }
}

async function startHolder(state: LabState, n: LabNodeState): Promise<number> {
  const d = path.join(state.dir, 'nodes', n.name);
  fs.rmSync(path.join(d, 'holder.pid'), { force: true });
  fs.rmSync(path.join(d, 'fenced'), { force: true });
  const log = fs.openSync(path.join(d, 'holder.log'), 'w');
  const child = spawn(
    'ip',
    [
      'netns',
      'exec',
      n.namespace,
      'unshare',
      '-m',
      '-u',
      '--propagation',
      'private',
      'sh',
      path.join(state.dir, 'holder.sh'),
      n.name,
      state.dir,
    ],
    { detached: true, stdio: ['ignore', log, log], env: CLEAN_ENV, cwd: '/' },
  );
  fs.closeSync(log);
  child.unref();
  let exited = false;
  child.once('exit', () => (exited = true));
  return waitFor(
    () => {
      if (exited) throw new LabError(`the holder of ${n.name} exited: ${fs.readFileSync(path.join(d, 'holder.log'), 'utf8').trim()}`);
      return holderPid(state, n.name);
    },
    `${n.name}'s holder`,
    10_000,
    30,
  );
}

function startSocat(state: LabState, n: LabNodeState): number {
  const child = spawn(
    'socat',
    [`TCP-LISTEN:${n.port},bind=127.0.0.1,reuseaddr,fork`, `EXEC:${path.join(state.dir, 'bin', 'enter-sshd')} ${n.name},nofork`],
    { detached: true, stdio: 'ignore', env: CLEAN_ENV, cwd: '/' },
  );
  child.unref();
  if (!child.pid) throw new LabError(`socat for ${n.name} did not start`);
  return child.pid;
}

/** Starts what is enabled on the node (pcsd always; corosync and pacemaker after `pcs cluster enable`). */
async function bootServices(state: LabState, n: LabNodeState): Promise<void> {
  const enabled = new Set(fs.readdirSync(path.join(state.dir, 'nodes', n.name, 'enabled')));
  const order = ['pcsd', 'corosync', 'pacemaker'].filter((s) => enabled.has(s));
  for (const service of order) {
    const r = await inNode(state, n.name, `systemctl start ${service}`, 60_000);
    if (r.code !== 0) throw new LabError(`starting ${service} on ${n.name} failed: ${(r.stderr || r.stdout).trim()}`);
  }
}

export function sshArgs(state: LabState, node: string, command: string): string[] {
  return ['-F', state.sshConfig, '-o', 'BatchMode=yes', '-o', 'ConnectTimeout=5', node, command];
}

async function sshProbe(state: LabState, node: string): Promise<boolean> {
  const r = await sh('ssh', sshArgs(state, node, 'hostname'), { timeoutMs: 10_000 });
  return r.code === 0 && r.stdout.trim() === node;
}

/** `--ready`: what a lab script's first steps would do, through pcs on the first node. */
async function makeReady(state: LabState, progress: Progress, started: number): Promise<void> {
  const first = state.nodes[0]!.name;
  const names = state.nodes.map((n) => n.name).join(' ');
  // [step, command, what the person reads]
  const steps: [string, string, () => string][] = [
    [
      'authenticating the nodes (pcs host auth)',
      `pcs host auth ${names} -u hacluster -p "$(cat ${path.join(state.dir, 'password')})"`,
      () => l10n.t('authenticating the nodes ({0})', 'pcs host auth'),
    ],
    [
      'setting up the cluster (pcs cluster setup)',
      `pcs cluster setup ${state.clusterName} ${names}`,
      () => l10n.t('setting up the cluster ({0})', 'pcs cluster setup'),
    ],
    // A starting CIB with dc-deadtime=5s on every node: the first DC is elected in seconds instead of
    // after the default 20 s (Pacemaker only notes that the CIB's signature file is missing).
    ['preparing a starting CIB (dc-deadtime=5s)', '', () => l10n.t('preparing a starting CIB ({0})', 'dc-deadtime=5s')],
    [
      'starting the cluster (pcs cluster start --all --wait)',
      'pcs cluster start --all --wait=120',
      () => l10n.t('starting the cluster ({0})', 'pcs cluster start --all --wait'),
    ],
    [
      'adding the lab fence device (pcs stonith create lab-fence fence_lab)',
      'pcs stonith create lab-fence fence_lab',
      () => l10n.t('adding the lab fence device ({0})', 'pcs stonith create lab-fence fence_lab'),
    ],
  ];
  for (const [what, command, label] of steps) {
    progress(`lab: ${label()}`);
    if (what.startsWith('preparing a starting CIB')) {
      await writeStartingCib(state);
      continue;
    }
    const stepStart = Date.now();
    const r = await inNode(state, first, command, 180_000);
    if (r.code !== 0) throw new LabError(l10n.t('{0} failed on {1}: {2}', label(), first, (r.stderr || r.stdout).trim()));
    progress(`lab:   ${l10n.t('done in {0} s', ((Date.now() - stepStart) / 1000).toFixed(1))}`);
  }
  progress(`lab: ${l10n.t('waiting for a DC and quorum')}`);
  await waitFor(
    async () => {
      const r = await inNode(state, first, 'crm_mon -1 --output-as=xml', 20_000);
      return r.code === 0 && /<current_dc present="true"[^>]*with_quorum="true"/.test(r.stdout);
    },
    'a DC with quorum',
    90_000,
    500,
  );
  progress(`lab: ${l10n.t('cluster {0} ready in {1} s', state.clusterName, ((Date.now() - started) / 1000).toFixed(1))}`);
}

async function writeStartingCib(state: LabState): Promise<void> {
  const empty = await must('cibadmin', ['--empty']);
  const cib = empty.replace(
    /<crm_config\/>/,
    '<crm_config><cluster_property_set id="cib-bootstrap-options"><nvpair id="cib-bootstrap-options-dc-deadtime" name="dc-deadtime" value="5s"/></cluster_property_set></crm_config>',
  );
  for (const n of state.nodes) {
    const file = path.join(state.dir, 'nodes', n.name, 'var-lib-pacemaker', 'cib', 'cib.xml');
    fs.writeFileSync(file, cib, { mode: 0o600 });
    await must('chown', ['hacluster:haclient', file]);
  }
}

/** Hard failure: the node's link goes down and every process of it is killed (as pulling the plug). */
export async function labKill(state: LabState, node: string): Promise<void> {
  const n = findNode(state, node);
  await sh('ip', ['-n', n.namespace, 'link', 'set', 'eth0', 'down']);
  await killNamespaceProcesses(n.namespace);
}

/** Power cycle: kill if running, then a fresh holder (fresh /run, /dev/shm, /tmp) and the enabled services. */
export async function labReboot(state: LabState, node: string, progress: Progress = () => {}): Promise<void> {
  const n = findNode(state, node);
  await labKill(state, node);
  await must('ip', ['-n', n.namespace, 'addr', 'flush', 'dev', 'eth0']);
  await must('ip', ['-n', n.namespace, 'addr', 'add', `${n.address}/${state.prefixLength}`, 'dev', 'eth0']);
  await must('ip', ['-n', n.namespace, 'link', 'set', 'eth0', 'up']);
  progress(`lab: ${l10n.t('{0} boots', node)}`);
  await startHolder(state, n);
  await bootServices(state, n);
  progress(`lab: ${l10n.t('{0} is up', node)}`);
}

/** The listed nodes keep talking to each other, cut off from the rest. */
export async function labPartition(state: LabState, nodes: string[]): Promise<void> {
  const isolated = new Set(nodes.map((name) => findNode(state, name).name));
  for (const n of state.nodes) {
    await must('ip', ['-n', state.bridgeNamespace, 'link', 'set', `p${n.index}`, 'master', isolated.has(n.name) ? 'br1' : 'br0']);
  }
}

export async function labHeal(state: LabState): Promise<void> {
  for (const n of state.nodes) await must('ip', ['-n', state.bridgeNamespace, 'link', 'set', `p${n.index}`, 'master', 'br0']);
}

export function findNode(state: LabState, node: string): LabNodeState {
  const n = state.nodes.find((x) => x.name === node);
  if (!n)
    throw new LabError(
      l10n.t('"{0}" is not a node of lab "{1}" (nodes: {2})', node, state.name, state.nodes.map((x) => x.name).join(', ')),
    );
  return n;
}

/** A sparse file in the lab folder and a loop device over it: the disk iSCSI/shared-storage steps use. */
async function makeSharedDisk(state: LabState): Promise<SharedDisk> {
  const dir = path.join(state.dir, 'shared');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, 'disk.img');
  fs.writeFileSync(file, '', { mode: 0o600 });
  fs.truncateSync(file, SHARED_DISK_MB * 1024 * 1024);
  const r = await sh('losetup', ['--find', '--show', file]);
  const device = r.code === 0 && /^\/dev\/loop\d+$/.test(r.stdout.trim()) ? r.stdout.trim() : undefined;
  // The holder of each node reads this to make the node's symlink (a reboot makes it again).
  fs.writeFileSync(path.join(dir, 'device'), (device ?? file) + '\n');
  return { file, device, sizeMb: SHARED_DISK_MB, nodePath: SHARED_DISK_NODE_PATH };
}

/** Loop devices whose backing file is inside `dir` (this lab's shared disk, also after a crashed `up`). */
export function labLoopDevices(dir: string): string[] {
  const r = spawnSync('losetup', ['--list', '--noheadings', '--output', 'NAME,BACK-FILE'], { encoding: 'utf8' });
  const devices: string[] = [];
  for (const line of (r.stdout ?? '').split('\n')) {
    const m = /^(\/dev\/loop\d+)\s+(.*)$/.exec(line.trim());
    if (m && m[2]!.startsWith(`${dir}/`)) devices.push(m[1]!);
  }
  return devices;
}

function isOurSocat(pid: number, dir: string): boolean {
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.startsWith('socat\0') && cmdline.includes(dir);
  } catch {
    return false;
  }
}

/** Removes the lab: every process, namespace, mount (they live in the nodes' namespaces), key and file. */
export async function labDown(name: string): Promise<{ removed: boolean }> {
  const dir = labDir(name);
  const state = readState(name);
  const namespaces = state ? [...state.nodes.map((n) => n.namespace), state.bridgeNamespace] : [];
  // Namespaces of this lab name even when the state file was never written or is damaged.
  const listed = (spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout ?? '').split('\n').map((l) => l.split(' ')[0]!);
  for (const ns of listed) if (ns.startsWith(`pcmklab-${name}-`) && !namespaces.includes(ns)) namespaces.push(ns);
  if (state) for (const n of state.nodes) if (n.socatPid && isOurSocat(n.socatPid, dir)) killAll([n.socatPid]);
  // socat processes whose command line names this lab (a crashed `up` may not have recorded them).
  for (const entry of fs.readdirSync('/proc')) if (/^\d+$/.test(entry) && isOurSocat(Number(entry), dir)) killAll([Number(entry)]);
  for (const ns of namespaces) await killNamespaceProcesses(ns);
  for (const ns of namespaces) spawnSync('ip', ['netns', 'del', ns], { stdio: 'ignore' });
  // The shared disk's loop device (the nodes that mounted it are gone, so nothing holds it).
  const loops = labLoopDevices(dir);
  for (const device of loops) spawnSync('losetup', ['--detach', device], { stdio: 'ignore' });
  const existed = fs.existsSync(dir) || namespaces.length > 0 || loops.length > 0;
  fs.rmSync(dir, { recursive: true, force: true });
  return { removed: existed };
}

export interface NodeStatus {
  name: string;
  address: string;
  sshPort: number;
  power: 'on' | 'off';
  fenced?: boolean;
  daemons: { corosync: boolean; pacemaker: boolean; pcsd: boolean };
  quorate?: boolean;
  /** `corosync-quorumtool -s` figures seen from this node. */
  quorum?: { expectedVotes: number; totalVotes: number; quorum: number; members: string[] };
  memoryKb: number;
  partition: 'br0' | 'br1';
}

export interface ClusterStatus {
  dc?: string;
  quorate?: boolean;
  nodes: { name: string; online: boolean; standby: boolean }[];
  resources: { id: string; agent: string; role: string; nodes: string[]; group?: string }[];
}

export interface LabStatus {
  name: string;
  dir: string;
  sshConfig: string;
  clusterName: string;
  nodes: NodeStatus[];
  cluster?: ClusterStatus;
  sharedDisk?: SharedDisk;
}

function memoryOf(pids: number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      // Proportional set size: pages shared between a node's processes (pcsd's workers) count once.
      const m = /^Pss:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {
      /* gone */
    }
  }
  return kb;
}

export function parseQuorumtool(text: string): (NodeStatus['quorum'] & { quorate: boolean }) | undefined {
  const num = (label: string) => {
    const m = new RegExp(`^${label}:\\s+(\\d+)`, 'm').exec(text);
    return m ? Number(m[1]) : undefined;
  };
  const expectedVotes = num('Expected votes');
  const totalVotes = num('Total votes');
  const quorum = num('Quorum');
  const quorate = /^Quorate:\s+Yes/m.test(text);
  if (expectedVotes === undefined || totalVotes === undefined || quorum === undefined) return undefined;
  const members: string[] = [];
  const table = text.split(/Membership information\s*\n-+\s*\n/)[1] ?? '';
  for (const line of table.split('\n')) {
    const m = /^\s*\d+\s+\d+\s+(\S+)/.exec(line);
    if (m) members.push(m[1]!);
  }
  return { expectedVotes, totalVotes, quorum, quorate, members };
}

export function parseCrmMon(xml: string): ClusterStatus {
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
  const dcTag = /<current_dc\b[^>]*>/.exec(xml)?.[0] ?? '';
  const status: ClusterStatus = { nodes: [], resources: [] };
  if (attr(dcTag, 'present') === 'true') status.dc = attr(dcTag, 'name');
  if (dcTag) status.quorate = attr(dcTag, 'with_quorum') === 'true';
  const nodesXml = /<nodes>([\s\S]*?)<\/nodes>/.exec(xml)?.[1] ?? '';
  for (const tag of nodesXml.match(/<node\b[^>]*>/g) ?? []) {
    status.nodes.push({ name: attr(tag, 'name') ?? '', online: attr(tag, 'online') === 'true', standby: attr(tag, 'standby') === 'true' });
  }
  const resXml = /<resources>([\s\S]*?)<\/resources>/.exec(xml)?.[1] ?? '';
  const re = /<group id="([^"]*)"[^>]*>([\s\S]*?)<\/group>|<resource\b([^>]*?)(\/>|>([\s\S]*?)<\/resource>)/g;
  const addResource = (tag: string, body: string, group?: string) => {
    const nodes = [...body.matchAll(/<node name="([^"]*)"/g)].map((m) => m[1]!);
    status.resources.push({
      id: attr(tag, 'id') ?? '',
      agent: attr(tag, 'resource_agent') ?? '',
      role: attr(tag, 'role') ?? '',
      nodes,
      group,
    });
  };
  for (const m of resXml.matchAll(re)) {
    if (m[1] !== undefined) {
      for (const r of m[2]!.matchAll(/<resource\b([^>]*?)(\/>|>([\s\S]*?)<\/resource>)/g)) addResource(r[1]!, r[3] ?? '', m[1]);
    } else addResource(m[3]!, m[5] ?? '');
  }
  return status;
}

export async function labStatus(state: LabState): Promise<LabStatus> {
  const bridgeLinks = (await sh('ip', ['-n', state.bridgeNamespace, '-o', 'link', 'show'])).stdout;
  const nodes = await Promise.all(
    state.nodes.map(async (n): Promise<NodeStatus> => {
      const pid = holderPid(state, n.name);
      const master = new RegExp(`: p${n.index}@\\S+:.*master (br[01])`).exec(bridgeLinks)?.[1] as 'br0' | 'br1' | undefined;
      const base: NodeStatus = {
        name: n.name,
        address: n.address,
        sshPort: n.port,
        power: pid ? 'on' : 'off',
        daemons: { corosync: false, pacemaker: false, pcsd: false },
        memoryKb: memoryOf(processesInNamespace(n.namespace)),
        partition: master ?? 'br0',
      };
      if (fs.existsSync(path.join(state.dir, 'nodes', n.name, 'fenced'))) base.fenced = true;
      if (!pid) return base;
      const r = await inNode(
        state,
        n.name,
        'for s in corosync pacemaker pcsd; do systemctl is-active -q $s && echo "up $s"; done; corosync-quorumtool -s 2>/dev/null',
        15_000,
      );
      for (const s of ['corosync', 'pacemaker', 'pcsd'] as const) base.daemons[s] = new RegExp(`^up ${s}$`, 'm').test(r.stdout);
      const q = base.daemons.corosync ? parseQuorumtool(r.stdout) : undefined;
      if (q) {
        base.quorate = q.quorate;
        base.quorum = { expectedVotes: q.expectedVotes, totalVotes: q.totalVotes, quorum: q.quorum, members: q.members };
      }
      return base;
    }),
  );
  // The cluster name as the nodes' corosync.conf has it (a bare lab's script chose it), else the planned one.
  let clusterName = state.clusterName;
  for (const n of state.nodes) {
    try {
      const m = /^\s*cluster_name\s*:\s*(\S+)/m.exec(
        fs.readFileSync(path.join(state.dir, 'nodes', n.name, 'etc-corosync', 'corosync.conf'), 'utf8'),
      );
      if (m) {
        clusterName = m[1]!;
        break;
      }
    } catch {
      /* not set up yet */
    }
  }
  const status: LabStatus = { name: state.name, dir: state.dir, sshConfig: state.sshConfig, clusterName, nodes };
  if (state.sharedDisk) status.sharedDisk = state.sharedDisk;
  // The cluster as the quorate side sees it (else any node running pacemaker).
  const viewers = [...nodes.filter((n) => n.daemons.pacemaker && n.quorate), ...nodes.filter((n) => n.daemons.pacemaker && !n.quorate)];
  for (const viewer of viewers) {
    const r = await inNode(state, viewer.name, 'crm_mon -1 --output-as=xml', 20_000);
    if (r.code === 0 && r.stdout.includes('<pacemaker-result')) {
      status.cluster = parseCrmMon(r.stdout);
      break;
    }
  }
  return status;
}

export function formatStatus(status: LabStatus): string {
  const lines = [l10n.t('lab {0}: {1} nodes · ssh config {2}', status.name, status.nodes.length, status.sshConfig)];
  for (const n of status.nodes) {
    const daemons = Object.entries(n.daemons)
      .filter(([, up]) => up)
      .map(([d]) => d);
    const parts = [
      `${n.name.padEnd(10)} ${n.address.padEnd(15)} ${n.power === 'on' ? l10n.t('on').padEnd(3) : n.fenced ? l10n.t('off (fenced)') : l10n.t('off')}`,
      n.power === 'on' ? l10n.t('daemons: {0}', daemons.length ? daemons.join(' ') : l10n.t('none')) : '',
      n.quorum
        ? `${n.quorate ? l10n.t('quorate') : l10n.t('NOT quorate')} (${l10n.t('{0}/{1} votes, quorum {2}', n.quorum.totalVotes, n.quorum.expectedVotes, n.quorum.quorum)})`
        : '',
      n.partition === 'br1' ? l10n.t('partitioned') : '',
      `ssh -F ${status.sshConfig} ${n.name}`,
      `${Math.round(n.memoryKb / 1024)} MB`,
    ];
    lines.push('  ' + parts.filter(Boolean).join(' · '));
  }
  const disk = status.sharedDisk;
  if (disk)
    lines.push(
      l10n.t(
        'shared disk: {0} · {1} MB · {2} · every node: {3}',
        disk.device ?? l10n.t('no loop device (file only)'),
        disk.sizeMb,
        disk.file,
        disk.nodePath,
      ),
    );
  if (status.cluster) {
    const c = status.cluster;
    lines.push(
      `${l10n.t('cluster {0}', status.clusterName)}: DC ${c.dc ?? l10n.t('none')} · ${c.quorate ? l10n.t('quorate') : l10n.t('NOT quorate')} · online ${
        c.nodes
          .filter((n) => n.online)
          .map((n) => n.name)
          .join(' ') || l10n.t('none')
      }`,
    );
    for (const r of c.resources)
      lines.push(`  ${r.id} (${r.agent})${r.group ? ` in ${r.group}` : ''}: ${r.role}${r.nodes.length ? ` on ${r.nodes.join(' ')}` : ''}`);
  }
  return lines.join('\n') + '\n';
}
