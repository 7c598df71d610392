// Issue 7 in a real VS Code: the "▶ Run on node1" lens above `node1 # hostname` runs the line on a
// real sshd node (a network namespace with its own hostname) and the node's answer shows up in the
// node's terminal.
//
// How the real ssh reaches the lab without touching this machine's ~/.ssh: code-server runs in a
// private mount namespace where /etc/passwd gives root the session's private HOME (OpenSSH reads
// ~/.ssh/config from the passwd home, not from $HOME), and that HOME holds an ssh config that maps
// node1 to the lab node, with the lab's identity and known_hosts, through a ProxyCommand into the
// lab's client namespace (the nodes are not reachable from this machine's own network).
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import { createLab, leftoverNamespaces, type Lab } from '../../integration/ssh/lab';
import { canUseNetns, ensureTool, failOrSkip } from '../../support/tools';
import { fixture, uiTest, useSession, waitUntil, type VSCodeSession } from '../harness';
import type { PageGlobals } from '../pageDom';

function skipReason(): string | undefined {
  if (!canUseNetns()) return failOrSkip('needs root with ip netns and unshare to build namespace nodes');
  return (
    ensureTool('sshd', ['openssh-server']) ??
    ensureTool('ssh', ['openssh-client']) ??
    ensureTool('socat', ['socat']) ??
    ensureTool('ss', ['iproute2'])
  );
}

/** Text rows of the visible terminal (DOM renderer: gpuAcceleration is off for this session). */
async function terminalRows(vs: VSCodeSession): Promise<string[]> {
  return vs.page
    .locator('.terminal-wrapper.active .xterm-rows > div, .xterm-rows > div')
    .evaluateAll((rows) => rows.map((row) => (row.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()));
}

/** Texts of `after` decorations (CSS ::after content) in the active editor's lines. */
async function afterDecorations(vs: VSCodeSession): Promise<string[]> {
  return vs.page.evaluate(() => {
    const { document: doc, window: view } = globalThis as unknown as PageGlobals;
    const out: string[] = [];
    for (const el of doc.querySelectorAll('.editor-instance .monaco-editor .view-lines span')) {
      const content = view.getComputedStyle(el, '::after').content as string;
      if (content && content !== 'none' && content !== 'normal') out.push(content.replace(/^"|"$/g, ''));
    }
    return out;
  });
}

describe('run on node from a CodeLens in a real VS Code', { skip: skipReason() }, () => {
  let lab: Lab | undefined;
  before(
    async () => {
      lab = await createLab(1);
    },
    { timeout: 60_000 },
  );

  const shared = useSession({
    name: 'run-on-node',
    workspace: fixture('run-on-node'),
    settings: {
      'terminal.integrated.gpuAcceleration': 'off',
      'pacemakerLab.run.connectTimeoutSeconds': 5,
    },
    prepare: ({ base, home }) => {
      if (!lab) throw new Error('the ssh lab was not created');
      const sshDir = join(home, '.ssh');
      mkdirSync(sshDir, { recursive: true, mode: 0o700 });
      const config = join(sshDir, 'config');
      writeFileSync(
        config,
        [
          // The lab's config: Host node1 → its address, root, the lab identity and known_hosts.
          `Include ${lab.configFile}`,
          '',
          'Host node1',
          `  ProxyCommand ip netns exec ${lab.clientNamespace} socat STDIO TCP:%h:%p`,
          '',
        ].join('\n'),
      );
      chmodSync(config, 0o600);
      const passwd = join(base, 'passwd');
      const lines = readFileSync('/etc/passwd', 'utf8')
        .split('\n')
        .map((line) => {
          const fields = line.split(':');
          if (fields[2] === String(process.getuid!())) fields[5] = home;
          return fields.join(':');
        });
      writeFileSync(passwd, lines.join('\n'));
      return ['unshare', '-m', '--propagation', 'private', 'sh', '-c', 'mount --bind "$0" /etc/passwd && exec "$@"', passwd];
    },
  });

  // Registered after useSession, so it runs once code-server (and any ssh it started) is gone.
  after(() => {
    lab?.destroy();
    assert.deepEqual(leftoverNamespaces(), [], 'every namespace of the lab is removed');
  });

  uiTest(
    shared,
    'clicking "▶ Run on node1" shows node1\'s hostname in its terminal',
    async (vs) => {
      assert.notEqual(hostname(), 'node1', 'this machine must not itself be called node1, or the test proves nothing');
      await vs.openFile('steps.sh');
      await vs.waitForLanguageMode('Shell Script');
      const lens = await vs.waitForCodeLens(/Run on node1/);
      assert.match(lens, /▶ Run on node1/);
      await vs.clickCodeLens(/Run on node1/);
      // The first connection of the session to a destination is confirmed, naming node and destination.
      const dialog = vs.page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 20_000 });
      assert.match(await dialog.innerText(), /First connection in this session to node1 → node1/);
      await vs.page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Run on node1' }).first().click();
      let rows: string[] = [];
      await waitUntil(
        async () => {
          rows = await terminalRows(vs);
          return rows.some((r) => /[✓✗] node1: /.test(r));
        },
        30_000,
        () => `the run on node1 to finish in its terminal; rows: ${JSON.stringify(rows.filter(Boolean))}`,
      );
      const text = rows.filter(Boolean);
      assert.ok(
        text.some((r) => /✓ node1: exit 0/.test(r)),
        `the run should end with exit 0: ${JSON.stringify(text)}`,
      );
      // The header names node1 too; the command's own output is a row that is exactly the node's hostname.
      assert.ok(
        text.some((r) => r.trim() === 'node1'),
        `hostname on the node prints node1: ${JSON.stringify(text)}`,
      );
      await vs.page.locator('.part.panel', { hasText: 'node1 (ssh)' }).first().waitFor({ timeout: 5_000 });
      // The result is also written after the line in the editor (an `after` decoration, drawn by CSS).
      let marks: string[] = [];
      await waitUntil(
        async () => (marks = await afterDecorations(vs)).some((m) => /✓ 0 node1/.test(m)),
        10_000,
        () => `"✓ 0 node1" after the line; saw ${JSON.stringify(marks)}`,
      );
    },
    90_000,
  );
});
