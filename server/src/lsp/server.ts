// The LSP wiring: translates protocol messages into LanguageService calls and nothing more.
// Started by the VS Code client over IPC, or by `pcmk-lsp --stdio` for other editors.
import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createConnection,
  ProposedFeatures,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { LanguageService } from '../service/languageService';
import { kindFromLanguageId, kindFromPath } from '../service/kinds';
import { WorkspaceScanner } from './workspaceScanner';
import { DiagnosticScheduler } from './diagnosticScheduler';
import { runnerFor } from './agentRunner';
import { classifyCommand } from '../runOnNode/commandSafety';
import { ruleDocUrl } from '../cli/ruleDocsDir';
import { parseRuleLevels } from '../service/ruleControl';

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const service = new LanguageService();
  const ready = service.init();
  let workspaceFolders: string[] = [];
  const scheduler = new DiagnosticScheduler(service, (uri, diagnostics, version) =>
    connection.sendDiagnostics({ uri, diagnostics, version }),
  );

  // Severity overrides (`pacemakerLab.rules`): from initializationOptions.rules, then from every
  // workspace/didChangeConfiguration ({ pacemakerLab: { rules } }). Bad entries are named once.
  const configureRules = (input: unknown) => {
    const { levels, problems } = parseRuleLevels(input);
    service.configureRules(levels, ruleDocUrl);
    if (problems.length) void connection.window.showWarningMessage(`Pacemaker Lab: ignored in pacemakerLab.rules: ${problems.join('; ')}`);
  };
  configureRules(undefined);
  // The lab's running order (`pacemakerLab.order`, a list of paths or globs).
  const configureOrder = (input: unknown) => service.configureOrder(Array.isArray(input) ? input.filter((e): e is string => typeof e === 'string') : []);
  connection.onDidChangeConfiguration(({ settings }) => {
    const rules = (settings as { pacemakerLab?: { rules?: unknown } } | null)?.pacemakerLab?.rules;
    configureRules(rules);
    configureOrder((settings as { pacemakerLab?: { order?: unknown } } | null)?.pacemakerLab?.order);
    scheduler.refreshAll();
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    configureRules((params.initializationOptions as { rules?: unknown } | null)?.rules);
    configureOrder((params.initializationOptions as { order?: unknown } | null)?.order);
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (!workspaceFolders.length && params.rootUri) workspaceFolders = [params.rootUri];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', ':', '=', '-', '/'], resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
      },
      serverInfo: { name: 'pcmk-lsp', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    await ready;
    // Read the workspace's lab files in the background so the model sees scripts not yet opened.
    const scanner = new WorkspaceScanner(workspaceFolders.map((u) => fileURLToPath(u)));
    for await (const file of scanner.files()) {
      const uri = pathToFileURL(file.path).toString();
      if (!service.has(uri)) service.setDocument(uri, file.kind, file.text, 0, false);
    }
    scheduler.refreshAll();
  });

  connection.onDidOpenTextDocument(async ({ textDocument }) => {
    await ready;
    const kind = kindFromLanguageId(textDocument.languageId) ?? kindFromPath(fileURLToPath(textDocument.uri));
    if (!kind) return;
    service.setDocument(textDocument.uri, kind, textDocument.text, textDocument.version, true);
    scheduler.changed(textDocument.uri);
  });

  connection.onDidChangeTextDocument(async ({ textDocument, contentChanges }) => {
    await ready;
    service.changeDocument(textDocument.uri, contentChanges, textDocument.version);
    scheduler.changed(textDocument.uri);
  });

  connection.onDidCloseTextDocument(async ({ textDocument }) => {
    await ready;
    let disk: string | undefined;
    try {
      disk = fs.readFileSync(fileURLToPath(textDocument.uri), 'utf8');
    } catch {
      disk = undefined;
    }
    service.closeDocument(textDocument.uri, disk);
    connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
    scheduler.refreshAll();
  });

  // Every request waits for the grammars; after that each handler is synchronous.
  const guard =
    <P, R>(fallback: R, handler: (params: P) => R) =>
    async (params: P): Promise<R> => {
      await ready;
      try {
        return handler(params);
      } catch (error) {
        connection.console.error(`request failed: ${error instanceof Error ? error.stack : String(error)}`);
        return fallback;
      }
    };

  connection.onHover(guard(null, (p) => service.hover(p.textDocument.uri, p.position)));
  connection.onCompletion(guard([], (p) => service.completion(p.textDocument.uri, p.position)));
  connection.onDefinition(guard([], (p) => service.definition(p.textDocument.uri, p.position)));
  connection.onReferences(
    guard([], (p) => service.references(p.textDocument.uri, p.position, p.context.includeDeclaration)),
  );
  connection.onPrepareRename(guard(null, (p) => service.prepareRename(p.textDocument.uri, p.position)));
  connection.onRenameRequest(guard(null, (p) => service.rename(p.textDocument.uri, p.position, p.newName)));
  connection.onDocumentSymbol(guard([], (p) => service.documentSymbols(p.textDocument.uri)));
  connection.onWorkspaceSymbol(guard([], (p) => service.workspaceSymbols(p.query)));
  connection.onFoldingRanges(guard([], (p) => service.foldingRanges(p.textDocument.uri)));
  connection.onDocumentFormatting(guard([], (p) => service.format(p.textDocument.uri, p.options)));
  connection.onCodeAction(
    guard([], (p) => service.codeActions(p.textDocument.uri, p.range, p.context.diagnostics)),
  );
  connection.onCodeLens(guard([], (p) => service.codeLenses(p.textDocument.uri)));
  connection.languages.inlayHint.on(guard([], (p) => service.inlayHints(p.textDocument.uri, p.range)));

  // Custom requests for what only the client shows (quorum panel, run-on-node inventory).
  connection.onRequest('pacemakerLab/quorumConfig', guard(null, (p: { uri: string }) => service.quorumConfig(p.uri) ?? null));
  connection.onRequest('pacemakerLab/nodes', guard([], () => service.nodes()));
  // Run on node asks before it runs and masks what it shows from the parsed command (null: the client falls back).
  connection.onRequest('pacemakerLab/classifyCommand', guard(null, (p: { text: string }) => classifyCommand(typeof p?.text === 'string' ? p.text : '')));

  // Live agent metadata from a node (or this machine): fetched in the background, then every feature uses it.
  connection.onRequest(
    'pacemakerLab/fetchAgentMetadata',
    async (p: { node: string; destination?: string; configFile?: string; cacheDir: string }) => {
      await ready;
      const result = await service.fetchLiveAgentMetadata(p.node, runnerFor(p.destination, p.configFile), p.cacheDir);
      if (result.fetched.length) scheduler.refreshAll();
      return result;
    },
  );

  connection.onShutdown(() => scheduler.dispose());
  connection.listen();
}

// A file being a kind the service reads (used by the scanner too).
export { kindFromPath };


