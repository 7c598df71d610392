// Issue 11, finding 1, in a real VS Code: a workspace whose .vscode/settings.json sets
// pacemakerLab.run.sshConfigFile (an ssh config whose ProxyCommand would create a marker file on this
// machine), confirmDestructive: false, dryRun: false and pacemakerLab.nodes.
//  - The workspace's ssh config is never used: the marker file is never created, and a dry run (a user
//    setting) shows an ssh argv without -F; a notice names the ignored setting.
//  - The destination is shown and confirmed before the first connection; a destructive line still asks.
//  - An untrusted workspace cannot run at all.
// ssh only ever reaches 127.0.0.1 port 1 (nothing listens: connection refused); its user config comes
// from the session's private HOME (code-server runs in a mount namespace whose /etc/passwd gives root
// that HOME), so this machine's /root/.ssh is never read.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe } from 'node:test';
import { canUseNetns, ensureTool, failOrSkip } from '../../support/tools';
import { fixture, uiTest, useSession, waitUntil, type VSCodeSession } from '../harness';

const FIXTURE = fixture('security-workspace');

function skipReason(): string | undefined {
  // unshare -m (private /etc/passwd) needs root; canUseNetns checks exactly that kind of privilege.
  if (!canUseNetns()) return failOrSkip('needs root with unshare to give ssh a private HOME');
  return ensureTool('ssh', ['openssh-client']);
}

/** The marker the workspace's ProxyCommand would create, and the files that arm it. */
function arm(base: string, home: string): { marker: string; prefix: string[] } {
  const workspace = join(base, 'ws', basename(FIXTURE));
  const marker = join(base, 'proxycommand-ran');
  writeFileSync(join(workspace, 'lab', 'ssh_config'), `Host *\n  ProxyCommand sh -c 'touch ${marker}; exit 1'\n`);
  const settings = JSON.parse(readFileSync(join(workspace, '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
  settings['pacemakerLab.run.sshConfigFile'] = join(workspace, 'lab', 'ssh_config');
  writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
  // ssh reads ~/.ssh/config from the passwd entry: give root the private HOME, with an empty config.
  mkdirSync(join(home, '.ssh'), { recursive: true, mode: 0o700 });
  writeFileSync(join(home, '.ssh', 'config'), '# empty: the session has no ssh configuration of its own\n', { mode: 0o600 });
  const passwd = join(base, 'passwd');
  writeFileSync(
    passwd,
    readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .map((line) => {
        const fields = line.split(':');
        if (fields[2] === String(process.getuid!())) fields[5] = home;
        return fields.join(':');
      })
      .join('\n'),
  );
  return {
    marker,
    prefix: ['unshare', '-m', '--propagation', 'private', 'sh', '-c', 'mount --bind "$0" /etc/passwd && exec "$@"', passwd],
  };
}

async function terminalText(vs: VSCodeSession): Promise<string> {
  const rows = await vs.page
    .locator('.terminal-wrapper.active .xterm-rows > div, .xterm-rows > div')
    .evaluateAll((els) => els.map((row) => (row.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()));
  return rows.filter(Boolean).join('\n');
}

async function notificationsText(vs: VSCodeSession): Promise<string> {
  return ((await vs.page.locator('.notifications-toasts, .notifications-center').allTextContents()) ?? []).join('\n');
}

/** The open modal dialog's text (message and detail). */
async function dialogText(vs: VSCodeSession): Promise<string> {
  const box = vs.page.locator('.monaco-dialog-box');
  await box.waitFor({ timeout: 20_000 });
  return ((await box.innerText()) ?? '').trim();
}

async function clickDialogButton(vs: VSCodeSession, label: string | RegExp): Promise<void> {
  await vs.page.locator('.monaco-dialog-box .monaco-button', { hasText: label }).first().click();
  await vs.page.locator('.monaco-dialog-box').waitFor({ state: 'hidden', timeout: 10_000 });
}

describe('a workspace cannot choose ssh options, run a local command or skip a confirmation', { skip: skipReason() }, () => {
  describe('dry run (a user setting): the argv has no -F of the workspace', () => {
    let marker = '';
    const shared = useSession({
      name: 'security-dry-run',
      workspace: FIXTURE,
      settings: { 'terminal.integrated.gpuAcceleration': 'off', 'pacemakerLab.run.dryRun': true },
      prepare: ({ base, home }) => {
        const armed = arm(base, home);
        marker = armed.marker;
        return armed.prefix;
      },
    });

    uiTest(shared, 'dry run shows ssh without -F, the workspace setting is named as ignored, nothing ran', async (vs) => {
      await vs.openFile('steps.sh');
      await vs.waitForLanguageMode('Shell Script');
      await vs.clickCodeLens(/^▶ Run on node1$/);
      let text = '';
      await waitUntil(
        async () => /This would run:/.test((text = await terminalText(vs))) && /hostname/.test(text.split('This would run:')[1] ?? ''),
        30_000,
        () => `the dry run in the terminal; saw ${JSON.stringify(text)}`,
      );
      const argv = text.split('This would run:')[1]!;
      assert.match(argv, /ssh -o BatchMode=yes -o ConnectTimeout=\d+ -tt -p 1 -- root@127\.0\.0\.1 hostname/);
      assert.doesNotMatch(argv, /(^|\s)-F(\s|$)/, 'no ssh config file of the workspace');
      assert.doesNotMatch(argv, /ssh_config/);
      let notes = '';
      await waitUntil(
        async () => /pacemakerLab\.run\.sshConfigFile.*ignored/s.test((notes = await notificationsText(vs))),
        15_000,
        () => `a notice naming the ignored setting; saw ${JSON.stringify(notes)}`,
      );
      assert.equal(existsSync(marker), false, 'the workspace ProxyCommand never ran');
    });
  });

  describe('real runs: first connection confirmed, destructive still asks, workspace ssh config unused', () => {
    let marker = '';
    const shared = useSession({
      name: 'security-run',
      workspace: FIXTURE,
      settings: { 'terminal.integrated.gpuAcceleration': 'off', 'pacemakerLab.run.connectTimeoutSeconds': 3 },
      prepare: ({ base, home }) => {
        const armed = arm(base, home);
        marker = armed.marker;
        return armed.prefix;
      },
    });

    uiTest(shared, "the first run names node and destination and waits; the run uses the user's ssh only", async (vs) => {
      await vs.openFile('steps.sh');
      await vs.waitForLanguageMode('Shell Script');
      await vs.clickCodeLens(/^▶ Run on node1$/);
      const question = await dialogText(vs);
      assert.match(question, /First connection in this session to node1 → root@127\.0\.0\.1:1/);
      assert.match(question, /setting pacemakerLab\.nodes/);
      await clickDialogButton(vs, 'Run on node1');
      let text = '';
      await waitUntil(
        async () => /[✓✗] node1: /.test((text = await terminalText(vs))),
        30_000,
        () => `the run to end; saw ${JSON.stringify(text)}`,
      );
      // Port 1 on loopback refuses: ssh itself failed, with our advice; the workspace's ProxyCommand never ran.
      assert.match(text, /connection was refused|ssh failed/);
      assert.equal(existsSync(marker), false, 'the workspace ProxyCommand never ran');
    });

    uiTest(shared, 'a destructive line asks although the workspace sets confirmDestructive: false', async (vs) => {
      await vs.openFile('danger.sh');
      await vs.waitForLanguageMode('Shell Script');
      await vs.clickCodeLens(/^▶ Run on node1$/);
      const question = await dialogText(vs);
      assert.match(question, /This command restarts or stops the node\. Run it on node1\?/);
      await clickDialogButton(vs, 'Cancel');
      const text = await terminalText(vs);
      assert.doesNotMatch(text, /\$ reboot/, 'nothing ran after Cancel');
      assert.equal(existsSync(marker), false);
    });
  });

  describe('an untrusted workspace', () => {
    let marker = '';
    const shared = useSession({
      name: 'security-untrusted',
      workspace: FIXTURE,
      workspaceTrust: true,
      settings: { 'terminal.integrated.gpuAcceleration': 'off' },
      prepare: ({ base, home }) => {
        const armed = arm(base, home);
        marker = armed.marker;
        return armed.prefix;
      },
    });

    uiTest(shared, 'cannot run: the lens says why and no terminal opens', async (vs) => {
      await vs.openFile('steps.sh');
      await vs.waitForLanguageMode('Shell Script');
      await vs.clickCodeLens(/^▶ Run on node1$/);
      let notes = '';
      await waitUntil(
        async () => /disabled in an untrusted workspace/.test((notes = await notificationsText(vs))),
        20_000,
        () => `the untrusted-workspace message; saw ${JSON.stringify(notes)}`,
      );
      assert.equal(await vs.page.locator('.monaco-dialog-box').count(), 0, 'no run confirmation: nothing can run');
      assert.equal(await vs.page.locator('.part.panel .tab', { hasText: 'node1 (ssh)' }).count(), 0, 'no node terminal');
      assert.equal(existsSync(marker), false);
    });
  });
});
