// The VS Code client: starts the bundled language server and adds what only the editor can do
// (the quorum calculator panel, run on node, the status bar). All analysis lives in the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { ServerRestartPolicy } from './serverRestarts';
import { openQuorumPanel } from './quorumPanel';
import { markWalkthroughStep, registerWalkthrough, walkthroughMiddleware } from './walkthrough';
import { confirmRun, readSettings, registerRunOnNode, resolveInventory } from './runOnNode/commands';
import { registerLabCommands } from './lab/labCommands';
import {
  ClassifyCommandRequest,
  FetchAgentMetadataRequest,
  NodesRequest,
  QuorumConfigRequest,
  RunStepsRequest,
  type ParamsOf,
  type ResultOf,
} from '../../shared/src/protocol';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const activationStart = performance.now();
  // the plain modules (lab view, restart policy, quorum page) translate with @vscode/l10n: same bundle
  l10n.config({ contents: vscode.l10n.bundle ?? {} });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'corosync' },
      { scheme: 'file', language: 'shellscript' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'corosync' },
    ],
    outputChannelName: 'Pacemaker Lab',
    // A server that dies is restarted and the person told once; one that keeps dying is left stopped, with a message.
    errorHandler: (() => {
      const restarts = new ServerRestartPolicy();
      return {
        error: (_error: Error, _message: unknown, count: number | undefined) => ({
          action: count && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
        }),
        closed: () => {
          const decision = restarts.onUnexpectedStop();
          if (decision.notify?.level === 'error') void vscode.window.showErrorMessage(decision.notify.text);
          else if (decision.notify) void vscode.window.showWarningMessage(decision.notify.text);
          return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, message: decision.log, handled: true };
        },
      };
    })(),
    // Hovers quote names and values from lab files: never trusted (no command: links), no HTML.
    markdown: { isTrusted: false, supportHtml: false },
    // The server reads pacemakerLab.rules (severity per code) from these.
    initializationOptions: {
      rules: vscode.workspace.getConfiguration('pacemakerLab').get('rules'),
      order: vscode.workspace.getConfiguration('pacemakerLab').get('order'),
      runLenses: vscode.workspace.getConfiguration('pacemakerLab').get('run.lenses'),
    },
    synchronize: { configurationSection: 'pacemakerLab' },
    middleware: walkthroughMiddleware,
  };
  // Before the server starts: the walkthrough's first link must work while the server is still loading.
  registerWalkthrough(context);
  client = new LanguageClient('pacemakerLab', 'Pacemaker Lab language server', serverOptions, clientOptions);
  // The server starts in the background so activation returns at once; requests wait for it
  // (the client's sendRequest awaits the start).
  const starting = client.start().catch((error: unknown) => {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Pacemaker Lab: the language server did not start: {0}', error instanceof Error ? error.message : String(error)),
    );
  });
  void starting.then(() =>
    client?.outputChannel.appendLine(
      `Pacemaker Lab: language server ready ${Math.round(performance.now() - activationStart)} ms after activation began`,
    ),
  );

  // The nodes the workspace's files describe, for run on node and live agent metadata.
  const workspaceNodes = async () => (client ? client.sendRequest<ResultOf<typeof NodesRequest>>(NodesRequest.method) : []);

  context.subscriptions.push(
    vscode.commands.registerCommand('pacemakerLab.openQuorumCalculator', async (uriArg?: string | vscode.Uri, lineArg?: number) => {
      markWalkthroughStep('quorumOpened');
      const uri = uriArg?.toString() ?? vscode.window.activeTextEditor?.document.uri.toString();
      if (!uri || !client) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Open a corosync.conf (or a script that writes one) to use the quorum calculator.'),
        );
        return;
      }
      // a setup's lens passes its line: the calculator shows that cluster when the lab has several
      const line =
        typeof lineArg === 'number' ? lineArg : uriArg === undefined ? vscode.window.activeTextEditor?.selection.active.line : undefined;
      const config = await client.sendRequest<ResultOf<typeof QuorumConfigRequest>>(QuorumConfigRequest.method, {
        uri,
        line,
      } satisfies ParamsOf<typeof QuorumConfigRequest>);
      if (!config) {
        void vscode.window.showInformationMessage(vscode.l10n.t('This file describes no nodelist, so there is no quorum to calculate.'));
        return;
      }
      openQuorumPanel(context, config, path.basename(vscode.Uri.parse(uri).fsPath));
    }),
  );

  context.subscriptions.push(
    vscode.commands.registerCommand('pacemakerLab.fetchAgentMetadata', async () => {
      if (!client) return;
      if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Fetching agent metadata runs commands over ssh: trust this workspace first.'));
        return;
      }
      // The ssh config file from the person's own settings only (a workspace value is ignored).
      const configFile = readSettings().sshConfigFile;
      const inventory = await resolveInventory(workspaceNodes);
      const picks = [
        {
          label: '$(device-desktop) ' + vscode.l10n.t('this machine'),
          description: vscode.l10n.t('agents installed here'),
          node: 'localhost',
          destination: undefined as string | undefined,
        },
        ...inventory.map((n) => ({ label: `$(server) ${n.name}`, description: n.destination, node: n.name, destination: n.destination })),
      ];
      const pick = await vscode.window.showQuickPick(picks, {
        placeHolder: vscode.l10n.t('Ask which node for the metadata of the agents this workspace uses?'),
      });
      if (!pick) return;
      const target = inventory.find((n) => n.name === pick.node && n.destination === pick.destination);
      if (target?.problem) {
        void vscode.window.showErrorMessage(target.problem);
        return;
      }
      // The destination is shown and agreed to before the first connection of the session.
      if (target && !(await confirmRun([target], { action: vscode.l10n.t('Connect') }))) return;
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Fetching agent metadata from {0}…', pick.node) },
        () =>
          client!.sendRequest<ResultOf<typeof FetchAgentMetadataRequest>>(FetchAgentMetadataRequest.method, {
            node: pick.node,
            destination: pick.destination,
            configFile,
            cacheDir: path.join(context.globalStorageUri.fsPath, 'agent-metadata'),
          } satisfies ParamsOf<typeof FetchAgentMetadataRequest>),
      );
      const failed = result.failed.length
        ? ' ' + vscode.l10n.t('Not available: {0}.', result.failed.map((f) => `${f.agent} (${f.reason})`).join('; '))
        : '';
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Agent metadata from {0}: {1} agent(s) now used by hovers and checks.', pick.node, result.fetched.length) + failed,
      );
    }),
  );

  registerRunOnNode(
    context,
    workspaceNodes,
    (text) =>
      client ? client.sendRequest<ResultOf<typeof ClassifyCommandRequest>>(ClassifyCommandRequest.method, { text }) : Promise.resolve(null),
    // "Run up to here" / "Run all blocks": the document's statements, as the run-on-node lenses give them.
    (uri) => (client ? client.sendRequest<ResultOf<typeof RunStepsRequest>>(RunStepsRequest.method, { uri }) : Promise.resolve(null)),
  );
  // A local lab in network namespaces (pcmk-lsp lab): start/stop commands, live state in the status bar.
  registerLabCommands(context, () => void vscode.commands.executeCommand('pacemakerLab.refreshNodes'));

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
  status.name = 'Pacemaker Lab';
  status.command = 'pacemakerLab.openQuorumCalculator';
  const refreshStatus = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !client || !['corosync', 'shellscript', 'markdown'].includes(editor.document.languageId)) {
      status.hide();
      return;
    }
    const nodes = await client.sendRequest<ResultOf<typeof NodesRequest>>(NodesRequest.method).catch(() => []);
    status.text = '$(server-environment) ' + (nodes.length === 1 ? vscode.l10n.t('1 node') : vscode.l10n.t('{0} nodes', nodes.length));
    status.tooltip = nodes.length
      ? vscode.l10n.t('Cluster nodes: {0}', nodes.map((n) => n.name).join(', ')) + '\n' + vscode.l10n.t('Click: quorum calculator')
      : vscode.l10n.t('No cluster nodes found in this workspace yet');
    status.show();
  };
  context.subscriptions.push(
    status,
    vscode.window.onDidChangeActiveTextEditor(refreshStatus),
    vscode.workspace.onDidSaveTextDocument(refreshStatus),
  );
  void refreshStatus();
  // Read by the end-to-end test, which reports it (the target is under 200 ms).
  client.outputChannel.appendLine(`Pacemaker Lab: activated in ${Math.round(performance.now() - activationStart)} ms`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
