// "Pacemaker: Start local lab" / "Stop local lab": a real Pacemaker cluster on this machine in network
// namespaces (`pcmk-lsp lab`, server/src/lab), named as the workspace's cluster names its nodes.
// The lab CLI runs as a child process of the extension (the bundled dist/server.js); its progress
// lines show in a notification and in the "Pacemaker Lab: local lab" output. While a lab the
// extension started is up, run on node reaches its nodes through the lab's own ssh config (made by
// the lab, never chosen by a workspace), and a status bar item shows the nodes' live state.
// The lab is removed when the person stops it and when the extension deactivates.
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LabStatus } from '../../../server/src/lab/lab';
import { publishLabStatus } from './labStatusHub';
import { labNodeViews, labSummary } from './labView';

const LAB_NAME = 'lab';

let labSshConfig: string | undefined;

/** The ssh config of the lab this extension started (undefined when none is up). */
export function activeLabSshConfig(): string | undefined {
  return labSshConfig;
}

/** Why a lab cannot be started from here (one line), or undefined. */
export function labUnavailable(platform = process.platform, uid = process.getuid?.()): string | undefined {
  if (platform !== 'linux') return vscode.l10n.t('A local lab needs Linux (network namespaces); this machine runs {0}.', platform);
  if (uid !== 0)
    return vscode.l10n.t(
      'A local lab needs root (it creates network namespaces and mounts); VS Code runs as a normal user here. In a root terminal: {0}',
      'npx pcmk-lsp lab up --from <your lab folder>',
    );
  return undefined;
}

/** One line for the status bar from `lab status --format json`, and the nodes' live state as its tooltip. */
export function labStatusText(status: LabStatus): { text: string; tooltip: string } {
  const tooltip = [
    ...labNodeViews(status).map((v) => `${v.name}: ${v.description.replace(/^lab · /, '')}`),
    `ssh config: ${status.sshConfig}`,
  ].join('\n');
  return { text: `$(server-environment) ${labSummary(status)}`, tooltip };
}

/**
 * `_refreshNodes` is no longer called: the Nodes view follows the lab's status (labStatusHub) without
 * an ssh reachability check, which would ask to connect to every node each time the lab starts or stops.
 */
export function registerLabCommands(context: vscode.ExtensionContext, _refreshNodes?: () => void): void {
  const serverJs = context.asAbsolutePath(path.join('dist', 'server.js'));
  const output = vscode.window.createOutputChannel('Pacemaker Lab: local lab');
  const statusItem = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 40);
  statusItem.command = 'pacemakerLab.labStatus';
  let poll: NodeJS.Timeout | undefined;
  let started = false;
  const env = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };

  const runLab = (args: string[], onLine: (line: string) => void): Promise<{ code: number; out: string }> =>
    new Promise((resolve) => {
      // the lab's lines and errors in VS Code's display language (en, ko, ja, fr; others: English)
      const lang = ['ko', 'ja', 'fr'].find((l) => vscode.env.language.toLowerCase().split('-')[0] === l) ?? 'en';
      const child = spawn(process.execPath, [serverJs, 'lab', '--lang', lang, '--name', LAB_NAME, ...args], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let pending = '';
      const take = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        out += text;
        pending += text;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) if (line.trim()) onLine(line);
      };
      child.stdout.on('data', take);
      child.stderr.on('data', take);
      child.on('error', (error) => resolve({ code: -1, out: String(error) }));
      child.on('close', (code) => {
        if (pending.trim()) onLine(pending);
        resolve({ code: code ?? -1, out });
      });
    });

  const refreshStatus = async () => {
    const r = await runLab(['status', '--format', 'json'], () => {});
    // The lab was stopped while this poll ran: nothing to show.
    if (!started) return;
    if (r.code !== 0) {
      statusItem.hide();
      publishLabStatus(undefined);
      return;
    }
    try {
      const status = JSON.parse(r.out) as LabStatus;
      const { text, tooltip } = labStatusText(status);
      statusItem.text = text;
      statusItem.tooltip = tooltip;
      statusItem.show();
      publishLabStatus(status);
    } catch {
      statusItem.hide();
      publishLabStatus(undefined);
    }
  };

  const startPolling = () => {
    if (poll) clearInterval(poll);
    // One status at a time: under load a status can take longer than the interval.
    let inFlight = false;
    const tick = () => {
      if (inFlight) return;
      inFlight = true;
      void refreshStatus().finally(() => (inFlight = false));
    };
    poll = setInterval(tick, 5000);
    tick();
  };

  const stopPolling = () => {
    if (poll) clearInterval(poll);
    poll = undefined;
    statusItem.hide();
    publishLabStatus(undefined);
  };

  const start = async () => {
    const why = labUnavailable();
    if (why) {
      void vscode.window.showErrorMessage(why);
      return;
    }
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    const ready = await vscode.window.showQuickPick(
      [
        {
          label: vscode.l10n.t('Bare'),
          description: vscode.l10n.t('daemons stopped, nothing configured: your lab script sets the cluster up'),
          ready: false,
        },
        { label: vscode.l10n.t('Ready'), description: vscode.l10n.t('cluster set up and running, with the lab fence device'), ready: true },
      ],
      { title: vscode.l10n.t('Start a local lab (real corosync, pacemaker and pcsd in network namespaces)') },
    );
    if (!ready) return;
    output.appendLine(
      `[${new Date().toISOString()}] pcmk-lsp lab up${folders.map((f) => ` --from ${f}`).join('')}${ready.ready ? ' --ready' : ''}`,
    );
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Local lab'), cancellable: false },
      (progress) =>
        runLab(['up', ...folders.flatMap((f) => ['--from', f]), ...(ready.ready ? ['--ready'] : [])], (line) => {
          output.appendLine(line);
          progress.report({ message: line.replace(/^lab:\s*/, '') });
        }),
    );
    if (result.code !== 0) {
      output.show(true);
      const last = result.out.trim().split('\n').pop() ?? '';
      void vscode.window.showErrorMessage(vscode.l10n.t('The local lab did not start: {0}', last));
      return;
    }
    const config = await runLab(['ssh-config'], () => {});
    labSshConfig = config.out.trim() || undefined;
    started = true;
    startPolling();
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Local lab is up: run on node now reaches its nodes (ssh config {0}).', labSshConfig ?? ''),
    );
  };

  const stop = async () => {
    const r = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Local lab: removing') },
      () => runLab(['down'], (line) => output.appendLine(line)),
    );
    labSshConfig = undefined;
    started = false;
    stopPolling();
    if (r.code !== 0) void vscode.window.showErrorMessage(vscode.l10n.t('Removing the local lab failed: {0}', r.out.trim()));
    else void vscode.window.showInformationMessage(vscode.l10n.t('Local lab removed.'));
  };

  context.subscriptions.push(
    output,
    statusItem,
    vscode.commands.registerCommand('pacemakerLab.startLab', start),
    vscode.commands.registerCommand('pacemakerLab.stopLab', stop),
    vscode.commands.registerCommand('pacemakerLab.labStatus', async () => {
      const r = await runLab(['status'], () => {});
      output.appendLine(r.out);
      output.show(true);
    }),
    {
      // Deactivation (window closed, extension stopped): a lab this extension started goes too.
      dispose: () => {
        stopPolling();
        if (started) spawnSync(process.execPath, [serverJs, 'lab', '--name', LAB_NAME, 'down'], { env, stdio: 'ignore', timeout: 60_000 });
        started = false;
        labSshConfig = undefined;
      },
    },
  );
}
