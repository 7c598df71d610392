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
import type { TextChange } from '../service/documents';
import type { CompletionItem, Position } from 'vscode-languageserver-types';
import { WorkspaceScanner } from './workspaceScanner';
import { DiagnosticScheduler } from './diagnosticScheduler';
import { runnerFor } from './agentRunner';
import { fetchWorkspaceAgentMetadata } from './liveMetadata';
import { inspect } from 'node:util';
import { ResyncingFrameFilter } from './framing';
import { HandlerGuard, installProcessGuards, REPLY_WITH_ERROR } from './guard';
import { classifyCommand } from '../runOnNode/commandSafety';
import { documentSteps } from '../lab/steps';
import { summaryTitle } from '../quorum/features';
import { VERSION } from '../cli/version';
import {
  ClassifyCommandRequest,
  FetchAgentMetadataRequest,
  NodesRequest,
  QuorumConfigRequest,
  RunStepsRequest,
  type ParamsOf,
  type ResultOf,
} from '../../../shared/src/protocol';
import { ruleDocUrl } from '../cli/ruleDocsDir';
import { parseRuleLevels } from '../service/ruleControl';
import { configureLanguage, normalizeLanguage } from '../cli/l10n';
import * as l10n from '@vscode/l10n';

/**
 * The connection the command line asks for. Over stdio, the input goes through a filter that drops a
 * broken frame and finds the next one, so one bad message from a client does not lose all the others.
 */
function defaultConnection(): { connection: Connection; frames?: ResyncingFrameFilter } {
  if (!process.argv.includes('--stdio')) return { connection: createConnection(ProposedFeatures.all) };
  const frames = new ResyncingFrameFilter();
  process.stdin.pipe(frames);
  const connection = createConnection(ProposedFeatures.all, frames, process.stdout);
  // stdout carries the protocol: console output goes to the client's log, as the stock --stdio mode does.
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(text(args));
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
  console.error = (...args: unknown[]) => connection.console.error(text(args));
  return { connection, frames };
}

export function startServer(given?: Connection): void {
  const { connection, frames } = given ? { connection: given, frames: undefined } : defaultConnection();
  const service = new LanguageService();
  const ready = service.init();
  // Every handler runs under this guard: a failure is logged once per kind and the server goes on.
  const guard = new HandlerGuard((message) => connection.console.error(message), ready);
  installProcessGuards(guard);
  if (frames) frames.onDrop = (reason) => guard.report('malformed frame', new Error(reason));
  let workspaceFolders: string[] = [];
  const scheduler = new DiagnosticScheduler(service, (uri, diagnostics, version) =>
    connection.sendDiagnostics({ uri, diagnostics, version: version ?? service.versionOf(uri) }),
  );

  // Severity overrides (`pacemakerLab.rules`): from initializationOptions.rules, then from every
  // workspace/didChangeConfiguration ({ pacemakerLab: { rules } }). Bad entries are named once.
  const configureRules = (input: unknown) => {
    const { levels, problems } = parseRuleLevels(input);
    service.configureRules(levels, ruleDocUrl);
    if (problems.length)
      void connection.window.showWarningMessage(l10n.t('Pacemaker Lab: ignored in pacemakerLab.rules: {0}', problems.join('; ')));
  };
  configureRules(undefined);
  // The lab's running order (`pacemakerLab.order`, a list of paths or globs).
  const configureOrder = (input: unknown) =>
    service.configureOrder(Array.isArray(input) ? input.filter((e): e is string => typeof e === 'string') : []);
  // Where run lenses go (`pacemakerLab.run.lenses`: all, blocks (default) or off).
  let lensRefresh = false;
  const configureLenses = (input: unknown) => service.configureRunLenses(input === 'all' || input === 'off' ? input : 'blocks');
  connection.onDidChangeConfiguration(
    guard.notification('didChangeConfiguration', (params) => {
      const settings = params?.settings;
      const lab = (settings as { pacemakerLab?: { rules?: unknown; order?: unknown; run?: { lenses?: unknown } } } | null)?.pacemakerLab;
      configureRules(lab?.rules);
      configureOrder(lab?.order);
      configureLenses(lab?.run?.lenses);
      scheduler.refreshAll();
      if (lensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    }),
  );

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    // Our messages follow the client's display language (VS Code sends it as `locale`); once per process.
    const languageProblem = configureLanguage(normalizeLanguage((params as { locale?: unknown }).locale as string | undefined) ?? 'en');
    if (languageProblem) console.warn(`pcmk-lsp: ${languageProblem}`);
    configureRules((params.initializationOptions as { rules?: unknown } | null)?.rules);
    configureOrder((params.initializationOptions as { order?: unknown } | null)?.order);
    configureLenses((params.initializationOptions as { runLenses?: unknown } | null)?.runLenses);
    lensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    // A client may send anything here: only well-formed folder URIs are kept.
    const folders: unknown[] = Array.isArray(params?.workspaceFolders) ? params.workspaceFolders : [];
    workspaceFolders = folders.map((f) => (f as { uri?: unknown } | null)?.uri).filter((u): u is string => typeof u === 'string');
    if (!workspaceFolders.length && typeof params?.rootUri === 'string') workspaceFolders = [params.rootUri];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', ':', '=', '-', '/'], resolveProvider: true },
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
      serverInfo: { name: 'pcmk-lsp', version: VERSION },
    };
  });

  connection.onInitialized(
    guard.notification('workspace scan', async () => {
      // Read the workspace's lab files in the background so the model sees scripts not yet opened.
      // Folders that are not on this machine's disk (other URI schemes) are not scanned.
      const scanner = new WorkspaceScanner(
        workspaceFolders.map(filePathOf).filter((p): p is string => !!p),
        (file, problem) => connection.console.warn(`${file}: ${problem}`),
      );
      for await (const file of scanner.files()) {
        const uri = pathToFileURL(file.path).toString();
        if (!service.has(uri)) service.setDocument(uri, file.kind, file.text, 0, false);
      }
      scheduler.refreshAll();
      // Lenses asked for before the scan saw part of the workspace (run-on-node targets and quorum
      // figures come from every lab file), and an editor asks again only when told.
      if (lensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    }),
  );

  connection.onDidOpenTextDocument(
    guard.notification('didOpen', ({ textDocument }) => {
      const doc = validOpen(textDocument);
      if (!doc) throw new TypeError('didOpen without a uri, languageId, version and text');
      // Any scheme (untitled:, notebook cells, remote files): the language id decides, else the URI's path.
      const kind = kindFromLanguageId(doc.languageId) ?? kindFromUriPath(doc.uri);
      if (!kind) return;
      service.setDocument(doc.uri, kind, doc.text, doc.version, true);
      scheduler.changed(doc.uri);
    }),
  );

  connection.onDidChangeTextDocument(
    guard.notification('didChange', ({ textDocument, contentChanges }) => {
      const uri = textDocument?.uri;
      const changes = validChanges(contentChanges);
      // A malformed change is dropped whole: applying part of it would leave the text out of step.
      if (typeof uri !== 'string' || !changes) throw new TypeError('didChange without a uri or with malformed contentChanges');
      if (!service.has(uri)) return; // didChange before didOpen (or after didClose): nothing to change
      service.changeDocument(uri, changes, Number.isInteger(textDocument.version) ? textDocument.version : 0);
      scheduler.changed(uri);
    }),
  );

  connection.onDidCloseTextDocument(
    guard.notification('didClose', ({ textDocument }) => {
      const uri = textDocument?.uri;
      if (typeof uri !== 'string' || !service.has(uri)) return; // closed twice, or never opened
      const file = filePathOf(uri);
      let disk: string | undefined;
      try {
        disk = file ? fs.readFileSync(file, 'utf8') : undefined;
      } catch {
        disk = undefined;
      }
      service.closeDocument(uri, disk);
      connection.sendDiagnostics({ uri, diagnostics: [] });
      scheduler.refreshAll();
    }),
  );

  connection.onHover(guard.request('hover', null, (p) => service.hover(p.textDocument.uri, p.position)));
  connection.onCompletion(guard.request('completion', [], (p) => service.completion(p.textDocument.uri, p.position)));
  // A failed resolve answers an error: the editor keeps the item it has (a fallback item would replace it).
  connection.onCompletionResolve(
    guard.request<CompletionItem, CompletionItem>('completionResolve', REPLY_WITH_ERROR, (item) => service.resolveCompletion(item)),
  );
  connection.onDefinition(guard.request('definition', [], (p) => service.definition(p.textDocument.uri, p.position)));
  connection.onReferences(
    guard.request('references', [], (p) => service.references(p.textDocument.uri, p.position, p.context.includeDeclaration)),
  );
  connection.onPrepareRename(guard.request('prepareRename', null, (p) => service.prepareRename(p.textDocument.uri, p.position)));
  connection.onRenameRequest(guard.request('rename', null, (p) => service.rename(p.textDocument.uri, p.position, p.newName)));
  connection.onDocumentSymbol(guard.request('documentSymbol', [], (p) => service.documentSymbols(p.textDocument.uri)));
  connection.onWorkspaceSymbol(guard.request('workspaceSymbol', [], (p) => service.workspaceSymbols(p.query)));
  connection.onFoldingRanges(guard.request('foldingRange', [], (p) => service.foldingRanges(p.textDocument.uri)));
  connection.onDocumentFormatting(guard.request('formatting', [], (p) => service.format(p.textDocument.uri, p.options)));
  connection.onCodeAction(guard.request('codeAction', [], (p) => service.codeActions(p.textDocument.uri, p.range, p.context.diagnostics)));
  connection.onCodeLens(guard.request('codeLens', [], (p) => service.codeLenses(p.textDocument.uri)));
  connection.languages.inlayHint.on(guard.request('inlayHint', [], (p) => service.inlayHints(p.textDocument.uri, p.range)));

  // Custom requests for what only the client shows (quorum panel, run-on-node inventory).
  connection.onRequest(
    QuorumConfigRequest.method,
    guard.request('quorumConfig', null, (p: ParamsOf<typeof QuorumConfigRequest>): ResultOf<typeof QuorumConfigRequest> => {
      const config = service.quorumConfig(p.uri, typeof p.line === 'number' ? p.line : undefined);
      // the calculator shows the lens's summary: the client does not run server code
      return config ? { ...config, summary: summaryTitle(config) } : null;
    }),
  );
  connection.onRequest(
    NodesRequest.method,
    guard.request('nodes', [], (): ResultOf<typeof NodesRequest> => service.nodes()),
  );
  // Run on node asks before it runs and masks what it shows from the parsed command (null: the client falls back).
  connection.onRequest(
    ClassifyCommandRequest.method,
    guard.request('classifyCommand', null, (p: ParamsOf<typeof ClassifyCommandRequest>): ResultOf<typeof ClassifyCommandRequest> =>
      classifyCommand(typeof p?.text === 'string' ? p.text : ''),
    ),
  );
  // "Run up to here" / "Run all blocks": every statement of a script or memo with the nodes its prompt names.
  connection.onRequest(
    RunStepsRequest.method,
    guard.request('runSteps', [], (p: ParamsOf<typeof RunStepsRequest>): ResultOf<typeof RunStepsRequest> =>
      typeof p?.uri === 'string' ? documentSteps(service, p.uri) : [],
    ),
  );

  // Live agent metadata from a node (or this machine): fetched in the background, then every feature uses it.
  connection.onRequest(
    FetchAgentMetadataRequest.method,
    guard.request(
      'fetchAgentMetadata',
      REPLY_WITH_ERROR,
      async (p: ParamsOf<typeof FetchAgentMetadataRequest>): Promise<ResultOf<typeof FetchAgentMetadataRequest>> => {
        const result = await fetchWorkspaceAgentMetadata(service, p.node, runnerFor(p.destination, p.configFile), p.cacheDir);
        if (result.fetched.length) scheduler.refreshAll();
        return result;
      },
    ),
  );

  connection.onShutdown(() => scheduler.dispose());
  connection.listen();
}

// A file being a kind the service reads (used by the scanner too).
export { kindFromPath };

/** The local path of a file: URI; undefined for other schemes and for URIs Node cannot map to a path. */
function filePathOf(uri: string): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The kind a document's URI path names (corosync.conf, *.sh, *.md), for any scheme. */
function kindFromUriPath(uri: string) {
  let pathPart: string;
  try {
    pathPart = decodeURIComponent(new URL(uri).pathname);
  } catch {
    return undefined;
  }
  return pathPart.includes('\0') ? undefined : kindFromPath(pathPart);
}

function validOpen(doc: unknown): { uri: string; languageId: string; version: number; text: string } | undefined {
  const d = doc as { uri?: unknown; languageId?: unknown; version?: unknown; text?: unknown } | null | undefined;
  if (!d || typeof d.uri !== 'string' || typeof d.text !== 'string') return undefined;
  return {
    uri: d.uri,
    languageId: typeof d.languageId === 'string' ? d.languageId : '',
    version: Number.isInteger(d.version) ? (d.version as number) : 0,
    text: d.text,
  };
}

const isPosition = (p: unknown): p is Position =>
  !!p && Number.isInteger((p as Position).line) && Number.isInteger((p as Position).character);

/** The changes of a didChange if every one is well formed ({ text } or { range, text }); else undefined. */
function validChanges(changes: unknown): TextChange[] | undefined {
  if (!Array.isArray(changes)) return undefined;
  const out: TextChange[] = [];
  for (const c of changes as { range?: { start?: unknown; end?: unknown } | null; text?: unknown }[]) {
    if (!c || typeof c.text !== 'string') return undefined;
    if (c.range === undefined || c.range === null) out.push({ text: c.text });
    else if (isPosition(c.range.start) && isPosition(c.range.end))
      out.push({ range: { start: c.range.start, end: c.range.end }, text: c.text });
    else return undefined;
  }
  return out;
}
