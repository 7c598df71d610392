// Lab in a box, for real: `pcmk-lsp lab` starts three corosync + pacemaker + pcsd nodes in network
// namespaces; the example lab script runs on them line by line over the run-on-node ssh path
// (`lab verify`), the cluster it built is compared with the model, a killed node's group moves, a
// cut-off node loses quorum as the quorum engine says, and `lab down` leaves nothing behind.
// One lab serves every step (a lab costs seconds and ~250 MB a node); `after` removes it even on failure.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runOverSsh } from '../../../shared/src/runOnNode/sshRunner';
import {
  labDown,
  labLoopDevices,
  parseCrmMon,
  parseQuorumtool,
  processesInNamespace,
  readState,
  SHARED_DISK_NODE_PATH,
  type LabState,
  type LabStatus,
} from '../../../server/src/lab/lab';
import { liveQuorumView } from '../../../client/src/lab/liveQuorum';
import { predictQuorum } from '../../../server/src/lab/verify';
import { readWorkspaceCluster } from '../../../server/src/lab/workspace';
import { canUseNetns, ensureTool, failOrSkip } from '../../support/tools';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'bin', 'pcmk-lsp.js');
const example = path.join(root, 'examples', 'lab-in-a-box', 'lab.sh');
const NAME = `t${process.pid % 100000}`;

function skipReason(): string | undefined {
  if (!canUseNetns()) return failOrSkip('needs root with ip netns and unshare to build lab nodes');
  if (!fs.existsSync(path.join(root, 'dist', 'server.js'))) return failOrSkip('dist/server.js is missing (node scripts/build.mjs)');
  return (
    ensureTool('corosync', ['corosync']) ??
    ensureTool('pacemakerd', ['pacemaker']) ??
    ensureTool('pcs', ['pcs']) ??
    ensureTool('/usr/sbin/sshd', ['openssh-server']) ??
    ensureTool('socat', ['socat'])
  );
}

function lab(...args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'lab', '--name', NAME, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

async function onNode(state: LabState, node: string, command: string): Promise<{ ok: boolean; out: string }> {
  let out = '';
  const r = await runOverSsh({
    destination: node,
    command,
    configFile: state.sshConfig,
    tty: false,
    timeoutSeconds: 60,
    onStdout: (t) => (out += t),
    onStderr: (t) => (out += t),
  }).result;
  return { ok: r.status === 'ok', out };
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s: ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const netnsNames = () => (fs.existsSync('/run/netns') ? fs.readdirSync('/run/netns') : []);
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('lab in a box: a real 3-node Pacemaker cluster in namespaces', { skip: skipReason(), timeout: 600_000 }, () => {
  let state: LabState;
  const hostFiles = ['/etc/hosts', '/etc/shadow', '/etc/corosync/corosync.conf'].filter((f) => fs.existsSync(f));
  const before_ = new Map(hostFiles.map((f) => [f, sha(f)]));
  let downChecked = false;

  before(async () => {
    await labDown(NAME);
  });

  after(async () => {
    if (!downChecked) await labDown(NAME);
  });

  test('comes up bare: three nodes named as the script names them, pcsd and sshd only, nothing configured', async () => {
    const started = Date.now();
    const up = await lab('up', '--from', example);
    assert.equal(up.code, 0, up.out);
    assert.match(up.out, /lab: starting node holders/);
    assert.match(up.out, /3 bare nodes up in [\d.]+ s/);
    console.log(`# bare lab: ${((Date.now() - started) / 1000).toFixed(1)} s (pcmk-lsp lab up --from examples/lab-in-a-box)`);
    state = readState(NAME)!;
    assert.deepEqual(
      state.nodes.map((n) => `${n.name}=${n.address}`),
      ['node1=192.168.78.11', 'node2=192.168.78.12', 'node3=192.168.78.13'],
    );

    const status = await lab('status', '--format', 'json');
    assert.equal(status.code, 0, status.out);
    const json = JSON.parse(status.out) as { nodes: { name: string; power: string; daemons: Record<string, boolean>; memoryKb: number }[] };
    for (const n of json.nodes) {
      assert.equal(n.power, 'on');
      assert.deepEqual(n.daemons, { corosync: false, pacemaker: false, pcsd: true }, n.name);
    }
    // Each node is itself: its hostname, its own /etc/hosts naming the others, no corosync.conf yet.
    const r = await onNode(
      state,
      'node2',
      'hostname; getent hosts node3; test -e /etc/corosync/corosync.conf && echo configured || echo bare; systemctl is-active pcsd corosync',
    );
    // (systemctl is-active exits 3 because corosync is inactive: the output is what counts)
    assert.equal(r.out.trim().split('\n').join('|'), 'node2|192.168.78.13   node3|bare|active|inactive');
  });

  test('every node sees the same shared disk: a loop device over a file of the lab, written on one node, read on another', async () => {
    const disk = state.sharedDisk!;
    assert.ok(disk, 'lab up made a shared disk');
    assert.match(disk.device ?? '', /^\/dev\/loop\d+$/);
    assert.ok(disk.file.startsWith(state.dir + '/'), disk.file);
    assert.deepEqual(labLoopDevices(state.dir), [disk.device]);
    for (const node of ['node1', 'node2', 'node3']) {
      const link = await onNode(state, node, `readlink ${SHARED_DISK_NODE_PATH}`);
      assert.equal(link.out.trim(), disk.device, node);
    }
    const write = await onNode(
      state,
      'node1',
      `printf 'pcmk-shared-ok' | dd of=${SHARED_DISK_NODE_PATH} bs=14 count=1 conv=notrunc,fsync 2>/dev/null`,
    );
    assert.ok(write.ok, write.out);
    const read = await onNode(state, 'node3', `head -c 14 ${SHARED_DISK_NODE_PATH}`);
    assert.equal(read.out, 'pcmk-shared-ok');
  });

  test('the example script runs line by line over the run-on-node ssh path; every resource starts; verify finds no difference', async () => {
    const started = Date.now();
    const verify = await lab('verify', '--reuse', example);
    console.log(
      verify.out
        .split('\n')
        .filter((l) => /^ {2}→ |lines run|difference|quorum:/.test(l))
        .map((l) => `# ${l}`)
        .join('\n'),
    );
    assert.equal(verify.code, 0, verify.out);
    assert.match(verify.out, /10 lines run \(10 ok, 0 failed\)/);
    assert.match(verify.out, /no difference: the cluster holds what the model predicted/);
    console.log(`# ready (script run + settle): ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const mon = await onNode(state, 'node1', 'crm_mon -1 --output-as=xml');
    assert.ok(mon.ok, mon.out);
    const cluster = parseCrmMon(mon.out);
    assert.deepEqual(
      cluster.nodes
        .filter((n) => n.online)
        .map((n) => n.name)
        .sort(),
      ['node1', 'node2', 'node3'],
    );
    assert.deepEqual(cluster.resources.map((r) => `${r.id}:${r.role}`).sort(), ['lab-fence:Started', 'web-app:Started', 'web-ip:Started']);
    // The group prefers node1 (location web prefers node1=50), and the address is on node1's eth0.
    assert.deepEqual(
      cluster.resources.filter((r) => r.group === 'web').map((r) => r.nodes.join()),
      ['node1', 'node1'],
    );
    const ip = await onNode(state, 'node1', 'ip -4 -o addr show dev eth0');
    assert.match(ip.out, /192\.168\.78\.100\/24/);
  });

  test('lab kill of the node holding the group: the group moves within 30 s and the node is fenced with fence_lab', async () => {
    const started = Date.now();
    const kill = await lab('kill', 'node1');
    assert.equal(kill.code, 0, kill.out);
    const where = await until('the web group to run elsewhere', 30_000, async () => {
      const mon = await onNode(state, 'node2', 'crm_mon -1 --output-as=xml');
      if (!mon.ok) return undefined;
      const web = parseCrmMon(mon.out).resources.filter((r) => r.group === 'web');
      return web.length === 2 && web.every((r) => r.role === 'Started' && r.nodes.length === 1 && r.nodes[0] !== 'node1')
        ? web[0]!.nodes[0]
        : undefined;
    });
    const seconds = (Date.now() - started) / 1000;
    console.log(`# group moved to ${where} ${seconds.toFixed(1)} s after lab kill node1`);
    assert.ok(seconds <= 30, `moved after ${seconds} s`);
    const history = await onNode(state, 'node2', 'stonith_admin --history node1');
    assert.match(history.out, /reboot of node1 successful/);
  });

  test('lab partition of one node: it loses quorum with exactly the figures the quorum engine predicts', async () => {
    const ws = await readWorkspaceCluster([example]);
    const config = ws.service.quorumConfig(pathToFileURL(example).toString())!;
    assert.ok(config, 'the quorum engine reads the cluster the script sets up');
    // node1 is dead: node2 and node3 hold the cluster; now node3 is cut off from node2.
    const part = await lab('partition', 'node3');
    assert.equal(part.code, 0, part.out);
    for (const node of ['node3', 'node2']) {
      const predicted = predictQuorum(config, [node]);
      const live = await until(`${node} to see itself alone`, 30_000, async () => {
        const q = await onNode(state, node, 'corosync-quorumtool -s');
        const parsed = parseQuorumtool(q.out);
        return parsed && parsed.members.length === 1 ? parsed : undefined;
      });
      assert.deepEqual(
        { expectedVotes: live.expectedVotes, totalVotes: live.totalVotes, quorum: live.quorum, quorate: live.quorate },
        predicted,
        `${node}: corosync-quorumtool against the engine`,
      );
      assert.equal(live.quorate, false);
    }
    // What the quorum calculator shows beside its prediction while the lab is up: the same figures.
    const status = JSON.parse((await lab('status', '--format', 'json')).out) as LabStatus;
    const view = liveQuorumView(config, status);
    assert.deepEqual(view.silent, ['node1'], 'node1 was killed: it reports nothing');
    assert.deepEqual(
      view.rows.map((r) => ({ seenFrom: r.seenFrom, members: r.members, live: r.live, predicted: r.predicted, agree: r.agree })),
      ['node2', 'node3'].map((node) => ({
        seenFrom: [node],
        members: [node],
        live: { expectedVotes: 3, totalVotes: 1, quorum: 2, quorate: false },
        predicted: { expectedVotes: 3, totalVotes: 1, quorum: 2, quorate: false },
        agree: true,
      })),
    );
    console.log(
      `# partition: calculator live vs predicted: ${view.rows.map((r) => `${r.seenFrom} ${r.live.totalVotes}/${r.live.expectedVotes} q${r.live.quorum} = ${r.predicted?.totalVotes}/${r.predicted?.expectedVotes} q${r.predicted?.quorum}`).join('; ')}`,
    );
    const heal = await lab('heal');
    assert.equal(heal.code, 0, heal.out);
    await until('node2 and node3 quorate together again', 30_000, async () => {
      const q = parseQuorumtool((await onNode(state, 'node3', 'corosync-quorumtool -s')).out);
      return q?.quorate && q.members.length === 2 ? true : undefined;
    });
  });

  test('lab reboot brings the killed node back with its enabled daemons; it rejoins the cluster', async () => {
    const started = Date.now();
    const reboot = await lab('reboot', 'node1');
    assert.equal(reboot.code, 0, reboot.out);
    await until('node1 online again', 60_000, async () => {
      const mon = await onNode(state, 'node2', 'crm_mon -1 --output-as=xml');
      return mon.ok && parseCrmMon(mon.out).nodes.find((n) => n.name === 'node1')?.online ? true : undefined;
    });
    console.log(`# node1 back online ${((Date.now() - started) / 1000).toFixed(1)} s after lab reboot`);
    const status = JSON.parse((await lab('status', '--format', 'json')).out) as { nodes: { name: string; memoryKb: number }[] };
    console.log(`# memory (PSS) per node: ${status.nodes.map((n) => `${n.name} ${Math.round(n.memoryKb / 1024)} MB`).join(', ')}`);
  });

  test("lab down leaves no namespace, process, mount or file behind, and the machine's own files are untouched", async () => {
    const namespaces = [state.bridgeNamespace, ...state.nodes.map((n) => n.namespace)];
    const pids = namespaces.flatMap((ns) => processesInNamespace(ns));
    const socats = state.nodes.map((n) => n.socatPid!).filter(Boolean);
    const loop = state.sharedDisk?.device;
    assert.ok(loop, 'the lab had a loop device');
    assert.ok(pids.length > 10, 'the lab had processes');
    const started = Date.now();
    const down = await lab('down');
    downChecked = true;
    assert.equal(down.code, 0, down.out);
    console.log(`# lab down: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const netns = netnsNames().filter((n) => n.startsWith(`pcmklab-${NAME}-`));
    assert.deepEqual(netns, []);
    const alive = [...pids, ...socats].filter((pid) => {
      try {
        return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      } catch {
        return false;
      }
    });
    assert.deepEqual(alive, []);
    assert.equal(fs.existsSync(state.dir), false);
    const mounts = fs
      .readFileSync('/proc/mounts', 'utf8')
      .split('\n')
      .filter((l) => l.includes(state.dir) || l.includes('pcmk-lab-'));
    assert.deepEqual(mounts, []);
    // The shared disk's loop device is detached: no loop device has a backing file of the lab.
    assert.deepEqual(labLoopDevices(state.dir), []);
    const loops = spawnSync('losetup', ['--list', '--noheadings', '--output', 'NAME,BACK-FILE'], { encoding: 'utf8' }).stdout;
    assert.ok(!loops.includes(state.dir), loops);
    assert.ok(!new RegExp(`^${loop}\\s.*pcmk-lab`, 'm').test(loops), loops);
    const leftovers = fs
      .readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .filter((p) => {
        try {
          return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(state.dir);
        } catch {
          return false;
        }
      });
    assert.deepEqual(leftovers, []);
    for (const [file, hash] of before_) assert.equal(sha(file), hash, `${file} changed`);
  });
});

describe(
  'lab where it cannot run',
  { skip: process.getuid?.() === 0 ? undefined : failOrSkip('needs root to drop to an unprivileged user') },
  () => {
    test('as a normal user: one clear line, exit 2, and nothing made', async () => {
      const name = `u${process.pid % 100000}`;
      const r = await new Promise<{ code: number; out: string; err: string }>((resolve) => {
        const child = spawn(
          'setpriv',
          ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, 'lab', 'up', '--name', name],
          { cwd: '/', stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (err += d));
        child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
      });
      assert.equal(r.code, 2);
      assert.equal(r.out, '');
      assert.equal(r.err, 'pcmk-lsp lab: a lab needs root (it creates network namespaces and mounts); run it as root.\n');
      assert.equal(fs.existsSync(`/run/pcmk-lab/${name}`), false);
      assert.deepEqual(
        netnsNames().filter((n) => n.startsWith(`pcmklab-${name}-`)),
        [],
      );
    });
  },
);
