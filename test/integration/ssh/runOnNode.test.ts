// Run on node against real sshd nodes in network namespaces: what the person sees when a lab line
// runs on node1/node2 — the node's own output, exit status, stderr, cancel, and ssh's failures.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runOverSsh, type SshRunOptions, type SshRunResult } from '../../../shared/src/runOnNode/sshRunner';
import { buildInventory, parseSshConfig, resolveTargets } from '../../../client/src/runOnNode/inventory';
import { canUseNetns, ensureTool, failOrSkip } from '../../support/tools';
import { commandsInNamespace, createLab, leftoverNamespaces, type Lab } from './lab';

function skipReason(): string | undefined {
  if (!canUseNetns()) return failOrSkip('needs root with ip netns and unshare to build namespace nodes');
  return ensureTool('sshd', ['openssh-server']) ?? ensureTool('ssh', ['openssh-client']) ?? ensureTool('ss', ['iproute2']);
}

const skip = skipReason();

interface Captured extends SshRunResult {
  stdout: string;
  stderr: string;
}

describe('run on node over ssh (namespace nodes)', { skip, timeout: 120_000 }, () => {
  let lab: Lab;

  before(async () => {
    lab = await createLab(2);
  });

  after(() => {
    lab?.destroy();
    assert.deepEqual(leftoverNamespaces(), [], 'every namespace of the lab is removed');
    assert.equal(fs.existsSync(lab.workDir), false, 'the lab keys and configs are removed');
  });

  function options(destination: string, command: string, extra: Partial<SshRunOptions> = {}): SshRunOptions {
    return { destination, command, configFile: lab.configFile, sshProgram: lab.sshProgram, connectTimeoutSeconds: 5, ...extra };
  }

  async function runCapture(destination: string, command: string, extra: Partial<SshRunOptions> = {}): Promise<Captured> {
    let stdout = '';
    let stderr = '';
    const handle = runOverSsh(
      options(destination, command, {
        ...extra,
        onStdout: (text) => (stdout += text),
        onStderr: (text) => (stderr += text),
      }),
    );
    const result = await handle.result;
    return { ...result, stdout, stderr };
  }

  test('a line runs on the node its destination names: each node answers with its own hostname', async () => {
    const [one, two] = await Promise.all([runCapture('node1', 'hostname'), runCapture('node2', 'hostname')]);
    assert.equal(one.status, 'ok');
    assert.equal(one.stdout.trim(), 'node1');
    assert.equal(two.stdout.trim(), 'node2');
    assert.notEqual(fs.readFileSync('/proc/sys/kernel/hostname', 'utf8').trim(), 'node1', 'this machine is not node1');
  });

  test('the inventory resolves a prompt node name through pacemakerLab.nodes to the right machine', async () => {
    const sshHosts = parseSshConfig(fs.readFileSync(lab.configFile, 'utf8'));
    // The model knows the nodes by a longer name and their addresses; the setting maps one of them.
    const inventory = buildInventory(
      [
        { name: 'node1.lab.example', addresses: [lab.nodes[0]!.address], source: 'corosync.conf' },
        { name: 'node2.lab.example', addresses: [lab.nodes[1]!.address], source: 'corosync.conf' },
      ],
      sshHosts,
      { 'node2.lab.example': `root@${lab.nodes[1]!.address}:22` },
    );
    const { resolved, unknown } = resolveTargets(inventory, ['node2', 'node1']);
    assert.deepEqual(unknown, []);
    const outputs = await Promise.all(resolved.map((node) => runCapture(node.destination, 'hostname')));
    assert.deepEqual(
      outputs.map((o) => o.stdout.trim()),
      ['node2', 'node1'],
    );
    assert.equal(resolved[0]!.via, 'setting');
    assert.equal(resolved[1]!.via, 'ssh-config');
  });

  test('a user@host:port destination reaches the node', async () => {
    const result = await runCapture(`root@${lab.nodes[1]!.address}:22`, 'hostname');
    assert.equal(result.status, 'ok', result.stderr);
    assert.equal(result.stdout.trim(), 'node2');
  });

  test('the exit status of the remote command comes back', async () => {
    const result = await runCapture('node1', 'exit 3');
    assert.equal(result.status, 'failed');
    assert.equal(result.exitCode, 3);
    const ok = await runCapture('node1', 'true');
    assert.equal(ok.exitCode, 0);
  });

  test('stderr is shown: merged into the terminal with a tty, separate without one', async () => {
    const withTty = await runCapture('node1', 'echo out-text; echo err-text >&2; exit 1');
    assert.match(withTty.stdout, /out-text/);
    assert.match(withTty.stdout, /err-text/);
    assert.equal(withTty.exitCode, 1);
    const noTty = await runCapture('node1', 'echo out-text; echo err-text >&2; exit 1', { tty: false });
    assert.equal(noTty.stdout.trim(), 'out-text');
    assert.equal(noTty.stderr.trim(), 'err-text');
  });

  test('shell syntax in the line runs remotely, exactly as written, and nothing runs locally', async () => {
    const scratch = lab.nodes[0]!.scratch;
    const marker = path.join(scratch, 'marker');
    const line = `echo "$(hostname)" > ${marker}; cat ${marker} | tr a-z A-Z; echo 'single "q"' "double 'q'" | wc -w; echo $((6*7))`;
    const result = await runCapture('node1', line, { tty: false });
    assert.equal(result.status, 'ok', result.stderr);
    assert.deepEqual(result.stdout.trim().split('\n'), ['NODE1', '4', '42']);
    assert.equal(fs.existsSync(marker), false, 'the marker was written on the node, not on this machine');
    const onNode = await runCapture('node1', `cat ${marker}`, { tty: false });
    assert.equal(onNode.stdout, 'node1\n', 'the node holds the marker the line wrote');
  });

  test('a line that looks like an ssh option is a remote command, not a local ssh option', async () => {
    const localMarker = path.join(lab.workDir, 'proxy-ran-locally');
    const result = await runCapture('node1', `-oProxyCommand=touch ${localMarker}`, { tty: false });
    assert.equal(fs.existsSync(localMarker), false, 'ssh did not run a ProxyCommand from the line');
    // The remote shell got the text and refused it (as sshd runs `$SHELL -c TEXT`, bash reads the
    // leading dash as its own option); ssh itself did not fail (that would be status 255).
    assert.equal(result.status, 'failed');
    assert.notEqual(result.exitCode, 255);
    assert.match(result.stderr, /^bash: /);
  });

  test('cancel stops a remote `sleep 60` and the remote process is gone', async () => {
    const namespace = lab.nodes[1]!.namespace;
    const sleeping = () => commandsInNamespace(namespace).filter((p) => p.comm === 'sleep');
    assert.deepEqual(sleeping(), []);
    const controller = new AbortController();
    const handle = runOverSsh(options('node2', 'sleep 60', { signal: controller.signal }));
    const deadline = Date.now() + 8000;
    while (!sleeping().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.equal(sleeping().length, 1, 'sleep 60 runs on node2');
    controller.abort();
    const result = await handle.result;
    assert.equal(result.status, 'cancelled');
    assert.ok(result.durationMs < 30_000);
    const gone = Date.now() + 5000;
    while (sleeping().length && Date.now() < gone) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(sleeping(), [], 'the remote sleep got SIGHUP and exited');
  });

  test('the overall timeout stops a command that runs too long', async () => {
    const result = await runCapture('node1', 'sleep 60', { timeoutSeconds: 1 });
    assert.equal(result.status, 'timeout');
    assert.match(result.failure!.message, /longer than 1 s/);
    assert.ok(result.durationMs < 10_000);
  });

  test('an unknown host key is refused with a clear message', async () => {
    const result = await runCapture('stranger', 'hostname');
    assert.equal(result.status, 'ssh-error');
    assert.equal(result.failure?.kind, 'host-key-unknown');
    assert.match(result.failure!.message, /host key verification failed/i);
    assert.match(result.failure!.message, /known_hosts/);
    assert.doesNotMatch(result.stdout, /node2/, 'nothing ran on the node');
  });

  test('an authentication failure says so and how to fix it', async () => {
    const result = await runCapture('nokey', 'hostname');
    assert.equal(result.failure?.kind, 'auth');
    assert.match(result.failure!.message, /authentication failed.*ssh-copy-id/s);
  });

  test('an unreachable node fails within the connect timeout with a clear message', async () => {
    const started = Date.now();
    const result = await runCapture('ghost', 'hostname', { connectTimeoutSeconds: 2 });
    const elapsed = Date.now() - started;
    assert.equal(result.status, 'ssh-error');
    assert.ok(['timeout', 'unreachable'].includes(result.failure!.kind), result.failure!.kind);
    assert.match(result.failure!.message, /unreachable/);
    assert.ok(elapsed < 2000 + 3000, `gave up after ${elapsed} ms`);
  });

  test('a node without sshd on the port reports a refused connection', async () => {
    const result = await runCapture('closed', 'hostname');
    assert.equal(result.failure?.kind, 'refused');
    assert.match(result.failure!.message, /no sshd listens/);
  });
});
