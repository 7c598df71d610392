// A throw-away lab of ssh nodes in network namespaces, for the run-on-node integration tests.
//
// Layout (all namespaces named pcmkt-<pid>-…, so parallel runs never clash):
//   <p>br  a bridge br0 and one veth end per member
//   <p>c   the client: 10.213.7.1/24; the ssh under test runs here (`ip netns exec <p>c ssh …`)
//   <p>nK  node K: 10.213.7.(10+K)/24, its own UTS namespace (hostname nodeK), its own mount
//          namespace (fresh tmpfs on /run and on a scratch folder, so files a remote command writes
//          there are invisible on this machine), and Debian's sshd with its own host key.
// No namespace has a default route, so nothing leaves the lab. The ssh client uses a private config
// (-F), identity and known_hosts: the machine's ~/.ssh is never read or written.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const SUBNET = '10.213.7';
const PREFIX = `pcmkt-${process.pid}-`;

export interface LabNode {
  name: string;
  address: string;
  namespace: string;
  /** A folder that, inside the node, is a private tmpfs. */
  scratch: string;
  sshd: ChildProcess;
}

export interface Lab {
  workDir: string;
  clientNamespace: string;
  /** Program prefix that runs ssh inside the client namespace. */
  sshProgram: string[];
  /** The private ssh config: Host nodeK per node, plus trouble hosts (see createLab). */
  configFile: string;
  nodes: LabNode[];
  destroy(): void;
}

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function namespaceInode(namespace: string): number | undefined {
  try {
    return fs.statSync(`/run/netns/${namespace}`).ino;
  } catch {
    return undefined;
  }
}

/** PIDs of processes whose network namespace is `namespace` (seen from this machine's PID namespace). */
export function pidsInNamespace(namespace: string): number[] {
  const result = spawnSync('ip', ['netns', 'pids', namespace], { encoding: 'utf8' });
  return (result.stdout ?? '').split(/\s+/).filter(Boolean).map(Number);
}

/** Command names (comm) of processes running in `namespace`. */
export function commandsInNamespace(namespace: string): { pid: number; comm: string; cmdline: string }[] {
  return pidsInNamespace(namespace).flatMap((pid) => {
    try {
      const comm = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      return [{ pid, comm, cmdline }];
    } catch {
      return [];
    }
  });
}

function killNamespace(namespace: string): void {
  if (namespaceInode(namespace) === undefined) return;
  for (const pid of pidsInNamespace(namespace)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  spawnSync('ip', ['netns', 'del', namespace], { stdio: 'ignore' });
}

/** Removes namespaces left by earlier runs that were killed before their cleanup ran. */
function removeStaleLabs(): void {
  const list = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout ?? '';
  for (const line of list.split('\n')) {
    const match = /^(pcmkt-(\d+)-\S+)/.exec(line);
    if (!match) continue;
    const pid = Number(match[2]);
    let alive = true;
    try {
      process.kill(pid, 0);
    } catch {
      alive = false;
    }
    if (!alive) killNamespace(match[1]!);
  }
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`lab: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Creates `count` nodes. The ssh config names them node1…nodeN and adds trouble hosts:
 *   stranger   node2's address, but a known_hosts without its key (unknown host key)
 *   nokey      node1 as a user with no authorised key (auth failure)
 *   ghost      an address in the subnet where nobody answers (unreachable)
 *   closed     node1 on a port where nothing listens (connection refused)
 */
export async function createLab(count: number): Promise<Lab> {
  removeStaleLabs();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), PREFIX));
  const namespaces: string[] = [];
  const nodes: LabNode[] = [];
  const destroy = () => {
    for (const node of nodes) {
      try {
        if (node.sshd.pid) process.kill(-node.sshd.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    // Sessions sshd forked are in their own process groups; the namespace finds them all.
    for (const namespace of [...namespaces].reverse()) killNamespace(namespace);
    fs.rmSync(workDir, { recursive: true, force: true });
  };
  const onExit = () => destroy();
  // Interrupted runs clean up too (a signal handler replaces the default exit, so exit here).
  const onSignal = (signal: NodeJS.Signals) => {
    destroy();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const unhook = () => {
    process.removeListener('exit', onExit);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  };

  try {
    const ns = (suffix: string) => {
      const name = `${PREFIX}${suffix}`;
      run('ip', ['netns', 'add', name]);
      namespaces.push(name);
      run('ip', ['-n', name, 'link', 'set', 'lo', 'up']);
      return name;
    };
    const bridge = ns('br');
    run('ip', ['-n', bridge, 'link', 'add', 'br0', 'type', 'bridge']);
    run('ip', ['-n', bridge, 'link', 'set', 'br0', 'up']);
    const attach = (namespace: string, port: string, address: string) => {
      run('ip', ['-n', bridge, 'link', 'add', port, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', namespace]);
      run('ip', ['-n', bridge, 'link', 'set', port, 'master', 'br0', 'up']);
      run('ip', ['-n', namespace, 'addr', 'add', `${address}/24`, 'dev', 'eth0']);
      run('ip', ['-n', namespace, 'link', 'set', 'eth0', 'up']);
    };
    const clientNamespace = ns('c');
    attach(clientNamespace, 'v-c', `${SUBNET}.1`);

    const keygen = (file: string) => run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'pcmkt-test', '-f', file]);
    const identity = path.join(workDir, 'id_test');
    keygen(identity);
    fs.copyFileSync(`${identity}.pub`, path.join(workDir, 'authorized_keys_root'));
    const knownHosts: string[] = [];

    for (let k = 1; k <= count; k++) {
      const name = `node${k}`;
      const address = `${SUBNET}.${10 + k}`;
      const namespace = ns(`n${k}`);
      attach(namespace, `v-n${k}`, address);
      const dir = path.join(workDir, name);
      const scratch = path.join(dir, 'scratch');
      fs.mkdirSync(scratch, { recursive: true });
      const hostKey = path.join(dir, 'host_ed25519');
      keygen(hostKey);
      knownHosts.push(`${address} ${fs.readFileSync(`${hostKey}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' ')}`);
      const config = path.join(dir, 'sshd_config');
      fs.writeFileSync(
        config,
        [
          `ListenAddress ${address}`,
          `HostKey ${hostKey}`,
          // Only root has authorised keys: any other user is refused (the auth failure case).
          `AuthorizedKeysFile ${workDir}/authorized_keys_%u`,
          'PermitRootLogin prohibit-password',
          'PubkeyAuthentication yes',
          'PasswordAuthentication no',
          'KbdInteractiveAuthentication no',
          'UsePAM no',
          // The key lives in a temp folder whose parents are not root-only.
          'StrictModes no',
          'PidFile none',
          'PrintMotd no',
          'PrintLastLog no',
          '',
        ].join('\n'),
      );
      const script = [
        `hostname ${name}`,
        // Fresh /run (sshd's privilege separation dir lives there) and a private scratch folder.
        'mount -t tmpfs tmpfs /run',
        'mkdir -p /run/sshd',
        `mount -t tmpfs tmpfs ${scratch}`,
        `exec /usr/sbin/sshd -D -e -f ${config}`,
      ].join(' && ');
      const sshd = spawn('ip', ['netns', 'exec', namespace, 'unshare', '-u', '-m', '--propagation', 'private', 'sh', '-c', script], {
        detached: true,
        stdio: ['ignore', 'ignore', fs.openSync(path.join(dir, 'sshd.log'), 'a')],
      });
      nodes.push({ name, address, namespace, scratch, sshd });
    }

    const knownHostsFile = path.join(workDir, 'known_hosts');
    fs.writeFileSync(knownHostsFile, knownHosts.join('\n') + '\n');
    const emptyKnownHosts = path.join(workDir, 'known_hosts_empty');
    fs.writeFileSync(emptyKnownHosts, '');
    const configFile = path.join(workDir, 'ssh_config');
    const hostBlock = (alias: string, hostName: string, extra: string[] = []) =>
      [`Host ${alias}`, `  HostName ${hostName}`, ...extra.map((line) => `  ${line}`)].join('\n');
    fs.writeFileSync(
      configFile,
      [
        ...nodes.map((node) => hostBlock(node.name, node.address)),
        hostBlock('stranger', nodes[1]?.address ?? nodes[0]!.address, [`UserKnownHostsFile ${emptyKnownHosts}`]),
        hostBlock('nokey', nodes[0]!.address, ['User nobody']),
        hostBlock('ghost', `${SUBNET}.99`),
        hostBlock('closed', nodes[0]!.address, ['Port 2222']),
        'Host *',
        '  User root',
        `  IdentityFile ${identity}`,
        '  IdentitiesOnly yes',
        '  IdentityAgent none',
        `  UserKnownHostsFile ${knownHostsFile}`,
        '  GlobalKnownHostsFile /dev/null',
        '',
      ].join('\n'),
    );
    fs.chmodSync(configFile, 0o600);

    for (const node of nodes) {
      await waitFor(() => {
        if (node.sshd.exitCode !== null) {
          const log = fs.readFileSync(path.join(workDir, node.name, 'sshd.log'), 'utf8');
          throw new Error(`lab: sshd of ${node.name} exited: ${log}`);
        }
        const listening = spawnSync('ip', ['netns', 'exec', node.namespace, 'ss', '-Htln'], { encoding: 'utf8' }).stdout ?? '';
        return listening.includes(`${node.address}:22`);
      }, `sshd on ${node.name}`);
    }

    return {
      workDir,
      clientNamespace,
      sshProgram: ['ip', 'netns', 'exec', clientNamespace, 'ssh'],
      configFile,
      nodes,
      destroy: () => {
        unhook();
        destroy();
      },
    };
  } catch (error) {
    unhook();
    destroy();
    throw error;
  }
}

/** Namespaces of this process that still exist (for the cleanup check). */
export function leftoverNamespaces(): string[] {
  const list = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout ?? '';
  return list
    .split('\n')
    .map((line) => line.split(' ')[0]!)
    .filter((name) => name.startsWith(PREFIX));
}
