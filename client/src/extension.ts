// The VS Code client: starts the bundled language server and adds what only the editor can do
// (the quorum calculator panel, run on node, the status bar). All analysis lives in the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { openQuorumPanel } from './quorumPanel';
import { registerRunOnNode } from './runOnNode/commands';
import type { QuorumConfig } from '../../server/src/quorum/engine';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
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
  };
  client = new LanguageClient('pacemakerLab', 'Pacemaker Lab language server', serverOptions, clientOptions);
  await client.start();

  context.subscriptions.push(
    vscode.commands.registerCommand('pacemakerLab.openQuorumCalculator', async (uriArg?: string | vscode.Uri) => {
      const uri = uriArg?.toString() ?? vscode.window.activeTextEditor?.document.uri.toString();
      if (!uri || !client) {
        void vscode.window.showInformationMessage('Open a corosync.conf (or a script that writes one) to use the quorum calculator.');
        return;
      }
      const config = await client.sendRequest<QuorumConfig | null>('pacemakerLab/quorumConfig', { uri });
      if (!config) {
        void vscode.window.showInformationMessage('This file describes no nodelist, so there is no quorum to calculate.');
        return;
      }
      openQuorumPanel(context, config, path.basename(vscode.Uri.parse(uri).fsPath));
    }),
  );

  registerRunOnNode(context, async () =>
    client ? client.sendRequest<{ name: string; addresses: string[]; source: string }[]>('pacemakerLab/nodes') : [],
  );

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
  status.name = 'Pacemaker Lab';
  status.command = 'pacemakerLab.openQuorumCalculator';
  const refreshStatus = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !client || !['corosync', 'shellscript', 'markdown'].includes(editor.document.languageId)) {
      status.hide();
      return;
    }
    const nodes = await client.sendRequest<{ name: string }[]>('pacemakerLab/nodes').catch(() => []);
    status.text = `$(server-environment) ${nodes.length} node${nodes.length === 1 ? '' : 's'}`;
    status.tooltip = nodes.length ? `Cluster nodes: ${nodes.map((n) => n.name).join(', ')}\nClick: quorum calculator` : 'No cluster nodes found in this workspace yet';
    status.show();
  };
  context.subscriptions.push(status, vscode.window.onDidChangeActiveTextEditor(refreshStatus), vscode.workspace.onDidSaveTextDocument(refreshStatus));
  void refreshStatus();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
