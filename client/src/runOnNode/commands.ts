// The VS Code side of "run on node": commands (from the CodeLens, current line, selection), one
// Pseudoterminal per node run, a ✓/✗ decoration on the line, confirmation of destructive commands,
// dry run, Workspace Trust, and a tree of nodes with their reachability. ssh itself is sshRunner's job.
import { activeLabSshConfig } from '../lab/labCommands';
import { currentLabStatus, onLabStatus } from '../lab/labStatusHub';
import { labNodeViews, labSummary, type LabNodeView } from '../lab/labView';
import { formatLabLimit, labLimitOf } from '../../../shared/src/lab/limits';
import type { LabStatus } from '../../../server/src/lab/lab';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { markWalkthroughStep } from '../walkthrough';
import { scopeOf, type RunOnNodeArgs, type RunOnNodeArgs as RunStep } from '../../../shared/src/runOnNode/args';
import type { CommandSafety } from '../../../shared/src/runOnNode/safety';
import { buildInventory, orderLabFirst, parseSshConfig, resolveTargets, type NodeEntry, type ResolvedNode } from './inventory';
import {
  destructiveReason,
  dryRun,
  formatArgv,
  maskSecrets,
  parseDestination,
  runOverSsh,
  type SshRunHandle,
  type SshRunOptions,
  type SshRunResult,
} from '../../../shared/src/runOnNode/sshRunner';
import { displayDestination } from '../../../shared/src/runOnNode/destination';
import { stripControl } from './text';

export type { NodeEntry } from './inventory';

const GREEN = '\x1b[32m';
const YELLOW = '\x1b[33m';
const RED = '\x1b[31m';
const DIM = '\x1b[2m';
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

interface RunSettings {
  nodes: Record<string, string>;
  timeoutSeconds: number;
  connectTimeoutSeconds: number;
  dryRun: boolean;
  confirmDestructive: boolean;
  /** An ssh config file given to ssh with -F (and read for the node list) instead of ~/.ssh/config. */
  sshConfigFile: string | undefined;
}

/**
 * Settings that could make us run a local command (an ssh config with ProxyCommand), choose ssh
 * options, or skip a confirmation. They are `application`-scoped in package.json (user settings), and read from the
 * person's own settings only: a value a workspace sets is ignored (and named once in a notice).
 */
export const USER_ONLY_SETTINGS = [
  'run.sshConfigFile',
  'run.confirmDestructive',
  'run.dryRun',
  'run.timeoutSeconds',
  'run.connectTimeoutSeconds',
] as const;
type UserOnlySetting = (typeof USER_ONLY_SETTINGS)[number];

const noticed = new Set<string>();
let noticeLog: vscode.OutputChannel | undefined;

/** Tells the person once per session that the workspace tried to set `key`, and that it is ignored. */
function workspaceTriedToSet(key: UserOnlySetting, where: string): void {
  if (noticed.has(key)) return;
  noticed.add(key);
  const message = vscode.l10n.t(
    'This workspace sets pacemakerLab.{0} ({1}); it is ignored. Settings that choose ssh options, could run a local command or skip a confirmation are read from your user settings only.',
    key,
    where,
  );
  noticeLog?.appendLine(`[${new Date().toISOString()}] ${message}`);
  const open = vscode.l10n.t('Open User Settings');
  void vscode.window.showWarningMessage(message, open).then((answer) => {
    if (answer === open) void vscode.commands.executeCommand('workbench.action.openSettings', `pacemakerLab.${key}`);
  });
}

/** The person's value of a user-only setting: user (global) value or the default, never a workspace's. */
function userValue<T>(config: vscode.WorkspaceConfiguration, key: UserOnlySetting, fallback: T, valid: (v: unknown) => v is T): T {
  const info = config.inspect<T>(key);
  if (info?.workspaceValue !== undefined) workspaceTriedToSet(key, vscode.l10n.t('workspace settings'));
  if (info?.workspaceFolderValue !== undefined) workspaceTriedToSet(key, vscode.l10n.t('folder settings'));
  const value = info?.globalValue !== undefined ? info.globalValue : info?.defaultValue;
  return valid(value) ? value : fallback;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isString = (v: unknown): v is string => typeof v === 'string';

/** Run settings: inventory (pacemakerLab.nodes) may come from the workspace; the rest only from the person. */
export function readSettings(): RunSettings {
  const config = vscode.workspace.getConfiguration('pacemakerLab');
  const nodes = config.get<Record<string, unknown>>('nodes') ?? {};
  return {
    nodes: Object.fromEntries(Object.entries(nodes).filter((entry): entry is [string, string] => typeof entry[1] === 'string')),
    timeoutSeconds: Math.max(0, userValue(config, 'run.timeoutSeconds', 600, isNumber)),
    connectTimeoutSeconds: Math.max(1, userValue(config, 'run.connectTimeoutSeconds', 10, isNumber)),
    dryRun: userValue(config, 'run.dryRun', false, isBoolean),
    confirmDestructive: userValue(config, 'run.confirmDestructive', true, isBoolean),
    // While a lab this extension started is up, its own ssh config (made by the lab, not by a workspace).
    sshConfigFile: activeLabSshConfig() ?? (userValue(config, 'run.sshConfigFile', '', isString).trim() || undefined),
  };
}

/**
 * VS Code drops an application-scoped value from a workspace's settings before `inspect()` sees it, so the
 * settings files themselves are read to tell the person that their workspace tried.
 */
export async function checkWorkspaceSettingsFiles(): Promise<void> {
  const files: { uri: vscode.Uri; where: string }[] = (vscode.workspace.workspaceFolders ?? []).map((folder) => ({
    uri: vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json'),
    where: vscode.l10n.t('.vscode/settings.json of {0}', folder.name),
  }));
  const workspaceFile = vscode.workspace.workspaceFile;
  if (workspaceFile && workspaceFile.scheme !== 'untitled') files.push({ uri: workspaceFile, where: vscode.l10n.t('the workspace file') });
  for (const file of files) {
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file.uri));
    } catch {
      continue;
    }
    for (const key of USER_ONLY_SETTINGS) {
      if (text.includes(`"pacemakerLab.${key}"`)) workspaceTriedToSet(key, file.where);
    }
  }
}

// ---- confirmation of destinations and commands ----------------------------------------------------

/** Destinations the person agreed to reach in this session (memory only; never workspace state). */
const approvedDestinations = new Set<string>();

function plain(text: string): string {
  return stripControl(text);
}

function describeNode(node: ResolvedNode): string {
  return vscode.l10n.t('{0} → {1} (from {2})', plain(node.name), displayDestination(node.destination), node.sources.map(plain).join(', '));
}

/**
 * Asks once per destination and session before the first connection, naming node and destination
 * (a destination may come from a file of the workspace). `reasons` adds a destructive command's
 * reasons to the same question. Returns false when the person does not agree.
 */
export async function confirmRun(
  nodes: ResolvedNode[],
  options: { action: string; reasons?: string[]; masked?: string } = { action: vscode.l10n.t('Connect') },
): Promise<boolean> {
  const fresh = nodes.filter((node) => !approvedDestinations.has(node.destination));
  const reasons = options.reasons ?? [];
  if (!fresh.length && !reasons.length) return true;
  const names = nodes.map((node) => plain(node.name)).join(', ');
  const parts: string[] = [];
  // the reasons come from the language server, in the same language
  if (reasons.length) parts.push(vscode.l10n.t('This command {0}. Run it on {1}?', reasons.map(plain).join(vscode.l10n.t('; it ')), names));
  if (fresh.length)
    parts.push(
      fresh.length === 1
        ? vscode.l10n.t('First connection in this session to {0}. Check that this is the machine you mean.', describeNode(fresh[0]!))
        : vscode.l10n.t(
            'First connection in this session to {0}. Check that these are the machines you mean.',
            fresh.map(describeNode).join(', '),
          ),
    );
  const detail = [
    options.masked !== undefined ? `${vscode.l10n.t('Command:')}\n${stripControl(options.masked, true)}` : '',
    `${vscode.l10n.t('Nodes:')}\n${nodes.map(describeNode).join('\n')}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  const answer = await vscode.window.showWarningMessage(parts.join('\n\n'), { modal: true, detail }, options.action);
  if (answer !== options.action) return false;
  for (const node of fresh) approvedDestinations.add(node.destination);
  return true;
}

/** Refuses nodes whose destination we do not accept (the message says why); true when all are usable. */
async function usable(nodes: ResolvedNode[]): Promise<boolean> {
  const bad = nodes.filter((node) => node.problem);
  if (!bad.length) return true;
  void vscode.window.showErrorMessage(vscode.l10n.t('Not run: {0}', bad.map((node) => `${plain(node.name)}: ${node.problem}`).join(' ')));
  return false;
}

/** What the server says about a command; when it cannot answer: ask anyway, mask with the text patterns. */
export type CommandClassifier = (text: string) => Promise<CommandSafety | null | undefined>;

interface Verdict {
  reasons: string[];
  masked: string;
  fromServer: boolean;
}

async function verdictFor(text: string, classify: CommandClassifier | undefined): Promise<Verdict> {
  if (classify) {
    try {
      const answer = await Promise.race([
        classify(text),
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 5000).unref?.()),
      ]);
      if (answer && typeof answer.masked === 'string' && Array.isArray(answer.destructive)) {
        return { reasons: answer.destructive.map((d) => String(d.reason)), masked: answer.masked, fromServer: true };
      }
    } catch {
      // the server is not running or failed: fall through to the safe answer
    }
  }
  return {
    reasons: [
      destructiveReason(text) ?? vscode.l10n.t('could not be checked for destructive effects (the language server did not answer)'),
    ],
    masked: maskSecrets(text),
    fromServer: false,
  };
}

async function readSshConfig(configFile: string | undefined): Promise<string> {
  try {
    return await fs.readFile(configFile ?? path.join(os.homedir(), '.ssh', 'config'), 'utf8');
  } catch {
    return '';
  }
}

/** A terminal that shows one node's runs; keystrokes go to the running command (Ctrl+C included). */
class NodeTerminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<void>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  private opened = false;
  private pending: string[] = [];
  readonly terminal: vscode.Terminal;
  current: SshRunHandle | undefined;
  closed = false;

  constructor(
    readonly nodeName: string,
    title: string,
  ) {
    this.terminal = vscode.window.createTerminal({ name: title, pty: this, iconPath: new vscode.ThemeIcon('server') });
  }

  open(): void {
    this.opened = true;
    for (const text of this.pending) this.writeEmitter.fire(text);
    this.pending = [];
  }

  close(): void {
    this.closed = true;
    this.current?.cancel();
  }

  handleInput(data: string): void {
    this.current?.write(data);
  }

  /** Writes text; a terminal needs CR LF, while output without a tty has bare LF. */
  write(text: string): void {
    const normalised = text.replace(/\r?\n/g, '\r\n');
    if (this.opened) this.writeEmitter.fire(normalised);
    else this.pending.push(normalised);
  }
}

/** ✓/✗ results shown after a line, kept in place while the document is edited above them. */
class LineResults {
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 2em', color: new vscode.ThemeColor('editorCodeLens.foreground') },
    isWholeLine: true,
  });
  private readonly byUri = new Map<string, Map<number, Map<string, string>>>();

  set(uri: string, line: number, node: string, text: string): void {
    let lines = this.byUri.get(uri);
    if (!lines) this.byUri.set(uri, (lines = new Map()));
    let nodes = lines.get(line);
    if (!nodes) lines.set(line, (nodes = new Map()));
    nodes.set(node, text);
    this.render(uri);
  }

  onEdit(event: vscode.TextDocumentChangeEvent): void {
    const uri = event.document.uri.toString();
    const lines = this.byUri.get(uri);
    if (!lines || !event.contentChanges.length) return;
    let current = lines;
    for (const change of event.contentChanges) {
      const start = change.range.start.line;
      const end = change.range.end.line;
      const delta = (change.text.match(/\n/g)?.length ?? 0) - (end - start);
      const next = new Map<number, Map<string, string>>();
      for (const [line, value] of current) {
        if (line < start) next.set(line, value);
        else if (line > end) next.set(line + delta, value);
        // A result on an edited line no longer describes what is written there.
      }
      current = next;
    }
    this.byUri.set(uri, current);
    this.render(uri);
  }

  render(uri?: string): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const key = editor.document.uri.toString();
      if (uri && key !== uri) continue;
      const lines = this.byUri.get(key);
      const options: vscode.DecorationOptions[] = [];
      for (const [line, nodes] of lines ?? []) {
        if (line >= editor.document.lineCount) continue;
        options.push({
          range: new vscode.Range(line, 0, line, 0),
          renderOptions: { after: { contentText: [...nodes.values()].join('   ') } },
        });
      }
      editor.setDecorations(this.decoration, options);
    }
  }

  dispose(): void {
    this.decoration.dispose();
  }
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

function resultSummary(result: SshRunResult): { mark: string; text: string; ok: boolean } {
  const time = seconds(result.durationMs);
  switch (result.status) {
    case 'ok':
      return { mark: '✓ 0', text: `exit 0 · ${time}`, ok: true };
    case 'failed':
      return { mark: `✗ ${result.exitCode ?? result.signal}`, text: `exit ${result.exitCode ?? result.signal} · ${time}`, ok: false };
    case 'cancelled':
      return { mark: '✗ cancelled', text: vscode.l10n.t('cancelled after {0}', time), ok: false };
    case 'timeout':
      return { mark: '✗ timeout', text: vscode.l10n.t('stopped by the timeout after {0}', time), ok: false };
    default:
      return { mark: '✗ ssh', text: vscode.l10n.t('ssh failed after {0}', time), ok: false };
  }
}

/** The nodes a command can run on: the workspace model, ssh config Host entries and the setting, merged. */
export async function resolveInventory(getInventory: () => Promise<NodeEntry[]>): Promise<ResolvedNode[]> {
  // The ssh config file named by the person's own settings only (never a workspace's).
  const settings = readSettings();
  const [model, sshConfig] = await Promise.all([getInventory().catch(() => [] as NodeEntry[]), readSshConfig(settings.sshConfigFile)]);
  const nodes = buildInventory(model, parseSshConfig(sshConfig), settings.nodes);
  // While a lab this extension started is up (run on node then uses its ssh config), its nodes come first.
  const lab = labInUse();
  return lab
    ? orderLabFirst(
        nodes,
        lab.nodes.map((n) => n.name),
      )
    : nodes;
}

/** The live status of the lab whose ssh config run on node uses now, or undefined. */
function labInUse(): LabStatus | undefined {
  const status = currentLabStatus();
  return status && activeLabSshConfig() && status.sshConfig === activeLabSshConfig() ? status : undefined;
}

/** A node of the lab in use (its destination is the lab's ssh config alias for it). */
function isLabNode(node: ResolvedNode): boolean {
  return !!labInUse()?.nodes.some((n) => n.name === node.name && node.destination === n.name);
}

/** The last `lines` non-empty lines of a run's output, without escape sequences, secrets masked. */
function outputTail(output: string, lines = 3): string {
  return maskSecrets(
    stripControl(output, true)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(-lines)
      .join(' | '),
  );
}

/** What one node's run of one statement gave. */
interface NodeOutcome {
  node: ResolvedNode;
  result: SshRunResult;
  /** The output (bounded: the last 64 KB). */
  output: string;
  /** Why the statement cannot work on a lab node, when it failed on one. */
  limit?: string;
}

/** Registers the run-on-node commands, terminals, decorations and the node tree. */
export function registerRunOnNode(
  context: vscode.ExtensionContext,
  getInventory: () => Promise<NodeEntry[]>,
  classify?: CommandClassifier,
  getSteps?: (uri: string) => Promise<RunStep[] | null | undefined>,
): void {
  const log = vscode.window.createOutputChannel('Pacemaker Lab: Run on node');
  noticeLog = log;
  void checkWorkspaceSettingsFiles();
  const results = new LineResults();
  const terminals = new Map<string, NodeTerminal>();
  const running = new Set<SshRunHandle>();

  const inventory = () => resolveInventory(getInventory);

  const terminalFor = (node: ResolvedNode): NodeTerminal => {
    const existing = terminals.get(node.name);
    if (existing && !existing.closed && !existing.current) return existing;
    // A node already busy gets a second terminal, so parallel runs never mix their output.
    const name = plain(node.name);
    let title = `${name} (ssh)`;
    for (let n = 2; [...terminals.values()].some((t) => t.terminal.name === title && !t.closed); n++) title = `${name} (ssh ${n})`;
    const created = new NodeTerminal(node.name, title);
    if (!existing || existing.closed) terminals.set(node.name, created);
    return created;
  };

  const pickNodes = async (all: ResolvedNode[], title = vscode.l10n.t('Run on which nodes?')): Promise<ResolvedNode[] | undefined> => {
    type Item = vscode.QuickPickItem & { node?: ResolvedNode };
    const other: Item = { label: '$(edit) ' + vscode.l10n.t('Another ssh destination…'), alwaysShow: true };
    const lab = labInUse();
    const views = lab ? labNodeViews(lab) : [];
    const items: Item[] = [
      ...all.map((node) => {
        const view = isLabNode(node) ? views.find((v) => v.name === node.name) : undefined;
        return {
          label: plain(node.name),
          description: view ? view.description : displayDestination(node.destination),
          detail: view
            ? vscode.l10n.t('local lab node · {0}', `ssh -F ${lab!.sshConfig} ${plain(node.name)}`)
            : vscode.l10n.t('from {0}', node.sources.map(plain).join(', ')),
          node,
        };
      }),
      other,
    ];
    const picked = await vscode.window.showQuickPick(items, {
      canPickMany: true,
      title,
      placeHolder: vscode.l10n.t('Pick one or more nodes'),
    });
    if (!picked?.length) return undefined;
    const nodes = picked.flatMap((item) => (item.node ? [item.node] : []));
    if (picked.includes(other)) {
      const destination = await vscode.window.showInputBox({
        title: vscode.l10n.t('ssh destination'),
        prompt: vscode.l10n.t('user@host:port, host, or a Host alias from ~/.ssh/config'),
        validateInput: (value) => {
          const parsed = parseDestination(value);
          return 'error' in parsed ? parsed.error : undefined;
        },
      });
      if (destination)
        nodes.push({ name: destination, destination, via: 'setting', addresses: [], sources: ['typed in'], clusterMember: false });
    }
    return nodes.length ? nodes : undefined;
  };

  const runOne = async (
    node: ResolvedNode,
    args: RunOnNodeArgs,
    settings: RunSettings,
    uri: string | undefined,
    line: number,
    maskedText: string,
  ): Promise<NodeOutcome> => {
    const terminal = terminalFor(node);
    let output = '';
    const keep = (text: string) => {
      output = (output + text).slice(-65_536);
      terminal.write(text);
    };
    terminal.terminal.show(true);
    // Only the masked command is shown or logged, without escape sequences a file could carry.
    const masked = stripControl(maskedText, true);
    const name = plain(node.name);
    terminal.write(`${BOLD}▶ ${name}${RESET} ${DIM}(${displayDestination(node.destination)})${RESET}\n${DIM}$ ${masked}${RESET}\n`);
    if (uri) results.set(uri, line, node.name, `⏳ ${name}…`);
    const options: SshRunOptions = {
      destination: node.destination,
      command: args.text,
      connectTimeoutSeconds: settings.connectTimeoutSeconds,
      timeoutSeconds: settings.timeoutSeconds,
      configFile: settings.sshConfigFile,
      tty: true,
      onStdout: keep,
      onStderr: keep,
    };
    const handle = runOverSsh(options);
    terminal.current = handle;
    running.add(handle);
    log.appendLine(`[${new Date().toISOString()}] ${name} (${displayDestination(node.destination)}): ${masked}`);
    const result = await handle.result;
    running.delete(handle);
    terminal.current = undefined;
    const summary = resultSummary(result);
    if (result.failure) terminal.write(`\n${RED}${result.failure.message}${RESET}\n`);
    terminal.write(`\n${summary.ok ? GREEN : RED}${summary.ok ? '✓' : '✗'} ${name}: ${summary.text}${RESET}\n`);
    // On a lab node, a step a namespace cannot do says so on its line (kernel modules, iSCSI target, ...).
    const limitOf = result.status === 'failed' && isLabNode(node) ? labLimitOf(args.text) : undefined;
    const limit = limitOf ? formatLabLimit(limitOf) : undefined;
    if (limit) terminal.write(`${YELLOW}${limit}${RESET}\n`);
    terminal.write('\n');
    log.appendLine(
      `    → ${result.status} ${summary.text}${result.failure ? ` — ${result.failure.message}` : ''}${limit ? ` (${limit})` : ''}`,
    );
    if (uri) results.set(uri, line, node.name, `${summary.mark} ${name} · ${seconds(result.durationMs)}${limit ? ` · ${limit}` : ''}`);
    return { node, result, output, limit };
  };

  const trusted = async (): Promise<boolean> => {
    if (vscode.workspace.isTrusted) return true;
    const manage = vscode.l10n.t('Manage Workspace Trust');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Run on node is disabled in an untrusted workspace: it would run commands from these files on your machines over ssh. Trust the workspace to enable it.',
      ),
      manage,
    );
    if (answer === manage) await vscode.commands.executeCommand('workbench.trust.manage');
    return false;
  };

  const noDestination = async (unknown: string[]) => {
    const open = vscode.l10n.t('Open Settings');
    const which = unknown.includes('*') ? vscode.l10n.t('any cluster node') : unknown.join(', ');
    const answer = await vscode.window.showErrorMessage(
      vscode.l10n.t(
        'No ssh destination is known for {0}. Add it to the setting pacemakerLab.nodes (e.g. "node1": "root@192.168.1.11"), or a Host entry in ~/.ssh/config, or describe the nodes in corosync.conf.',
        which,
      ),
      open,
    );
    if (answer === open) await vscode.commands.executeCommand('workbench.action.openSettings', 'pacemakerLab.nodes');
  };

  const showDryRun = (targets: ResolvedNode[], text: string, verdict: Verdict, settings: RunSettings) => {
    for (const node of targets) {
      const terminal = terminalFor(node);
      terminal.terminal.show(true);
      const argv = dryRun({
        destination: node.destination,
        command: text,
        connectTimeoutSeconds: settings.connectTimeoutSeconds,
        configFile: settings.sshConfigFile,
        tty: true,
      });
      argv[argv.length - 1] = verdict.masked;
      terminal.write(
        `${BOLD}${vscode.l10n.t('Dry run on {0}', plain(node.name))}${RESET} ${vscode.l10n.t('(pacemakerLab.run.dryRun is on; secrets masked). This would run:')}\n${stripControl(formatArgv(argv), true)}\n\n`,
      );
    }
    log.appendLine(
      `[${new Date().toISOString()}] dry run on ${targets.map((n) => plain(n.name)).join(', ')}: ${stripControl(verdict.masked, true)}`,
    );
  };

  const runOnNode = async (raw?: Partial<RunOnNodeArgs>): Promise<void> => {
    if (!(await trusted())) return;
    const text = raw?.text?.trim() ? raw.text : undefined;
    if (!text) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to run: the line holds no command.'));
      return;
    }
    const args: RunOnNodeArgs = {
      uri: raw?.uri || vscode.window.activeTextEditor?.document.uri.toString() || '',
      range: raw!.range!,
      text,
      kind: raw?.kind === 'block' ? 'block' : 'statement',
      scope: scopeOf(raw?.nodes ?? null),
      nodes: raw?.nodes ?? null,
    };
    const settings = readSettings();
    const all = await inventory();
    let targets: ResolvedNode[] | undefined;
    if (args.nodes === null) {
      targets = await pickNodes(all);
      if (!targets) return;
    } else {
      const { resolved, unknown } = resolveTargets(all, args.nodes);
      if (unknown.length) {
        await noDestination(unknown);
        return;
      }
      targets = resolved;
    }

    if (!(await usable(targets))) return;
    // Decided on the parsed command by the language server; if it cannot answer, ask anyway.
    const verdict = await verdictFor(text, classify);

    if (settings.dryRun) {
      showDryRun(targets, text, verdict, settings);
      return;
    }

    const ask = verdict.reasons.length > 0 && (settings.confirmDestructive || !verdict.fromServer);
    const names = targets.map((node) => plain(node.name)).join(', ');
    if (
      !(await confirmRun(targets, {
        action: vscode.l10n.t('Run on {0}', names),
        reasons: ask ? verdict.reasons : [],
        masked: verdict.masked,
      }))
    )
      return;

    const line = args.range ? args.range.start.line : (vscode.window.activeTextEditor?.selection.active.line ?? 0);
    const uri = args.uri || undefined;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Running on {0}', names), cancellable: true },
      async (_progress, token) => {
        const started: Promise<NodeOutcome>[] = [];
        const before = new Set(running);
        for (const node of targets!) started.push(runOne(node, args, settings, uri, line, verdict.masked));
        const mine = [...running].filter((handle) => !before.has(handle));
        token.onCancellationRequested(() => mine.forEach((handle) => handle.cancel()));
        const outcomes = await Promise.all(started);
        const failed = outcomes.filter((outcome) => outcome.result.status !== 'ok').length;
        if (failed && targets!.length > 1)
          void vscode.window.showWarningMessage(
            vscode.l10n.t('{0} of {1} nodes did not finish with exit 0; see their terminals.', failed, targets!.length),
          );
      },
    );
  };

  /** The run-on-node lenses the language server gives for the lines of `range`. */
  const lensArgsFor = async (document: vscode.TextDocument, range: vscode.Range): Promise<RunOnNodeArgs[]> => {
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
    const byStatement = new Map<string, RunOnNodeArgs>();
    for (const lens of lenses) {
      if (lens.command?.command !== 'pacemakerLab.runOnNode') continue;
      const args = lens.command.arguments?.[0] as RunOnNodeArgs | undefined;
      if (!args || args.kind === 'block' || lens.range.end.line < range.start.line || lens.range.start.line > range.end.line) continue;
      const key = `${lens.range.start.line}:${lens.range.end.line}`;
      // Prefer the lens that names nodes over "Run on…".
      if (!byStatement.has(key) || byStatement.get(key)!.nodes === null)
        byStatement.set(key, { ...args, uri: document.uri.toString(), range: lens.range });
    }
    return [...byStatement.values()].sort((a, b) => a.range.start.line - b.range.start.line);
  };

  const runEditorRange = async (selectionOnly: boolean) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const document = editor.document;
    const range =
      selectionOnly && !editor.selection.isEmpty
        ? new vscode.Range(editor.selection.start, editor.selection.end)
        : document.lineAt(editor.selection.active.line).range;
    const statements = await lensArgsFor(document, range);
    if (!statements.length) {
      // No lens (plain text, or the server has not answered): run the text as it stands, person picks.
      const text = document.getText(selectionOnly ? range : document.lineAt(range.start.line).range);
      await runOnNode({ uri: document.uri.toString(), range, text, nodes: null });
      return;
    }
    const keys = new Set(statements.map((s) => JSON.stringify(s.nodes)));
    await runOnNode({
      uri: document.uri.toString(),
      range: statements[0]!.range,
      text: statements.map((s) => s.text).join('\n'),
      nodes: keys.size === 1 ? statements[0]!.nodes : null,
    });
  };

  /**
   * "Run up to here" / "Run all blocks": the document's statements in order (as the run-on-node lenses
   * give them), each through the same path as one lens click (targets, destination check, the server's
   * verdict, the destructive-command question, masking, terminals, ✓/✗ on the line), stopping at the
   * first line that does not exit 0 on every node, with its output.
   */
  const runSequence = async (mode: 'upToHere' | 'all'): Promise<void> => {
    if (!(await trusted())) return;
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const document = editor.document;
    const uri = document.uri.toString();
    if (!getSteps) return;
    const allSteps = (await getSteps(uri).catch(() => null)) ?? [];
    const cursor = editor.selection.active.line;
    const steps = mode === 'all' ? allSteps : allSteps.filter((step) => step.range.start.line <= cursor);
    if (!steps.length) {
      void vscode.window.showInformationMessage(
        mode === 'all'
          ? vscode.l10n.t('Nothing to run: this file holds no command.')
          : vscode.l10n.t('Nothing to run: no command above the cursor.'),
      );
      return;
    }
    const settings = readSettings();
    const all = await inventory();
    let chosen: ResolvedNode[] | undefined;
    const unprompted = steps.filter((step) => step.nodes === null).length;
    if (unprompted) {
      chosen = await pickNodes(
        all,
        unprompted === 1
          ? vscode.l10n.t('Run the line without a node prompt on which nodes?')
          : vscode.l10n.t('Run the {0} lines without a node prompt on which nodes?', unprompted),
      );
      if (!chosen) return;
    }
    const plan: { step: RunStep; targets: ResolvedNode[] }[] = [];
    const unknown = new Set<string>();
    for (const step of steps) {
      if (step.nodes === null) {
        plan.push({ step, targets: chosen! });
        continue;
      }
      const resolved = resolveTargets(all, step.nodes);
      for (const name of resolved.unknown) unknown.add(name);
      plan.push({ step, targets: resolved.resolved });
    }
    if (unknown.size) {
      await noDestination([...unknown]);
      return;
    }
    const everyone = [...new Map(plan.flatMap((p) => p.targets).map((node) => [node.destination, node])).values()];
    if (!(await usable(everyone))) return;
    if (settings.dryRun) {
      for (const { step, targets } of plan) showDryRun(targets, step.text, await verdictFor(step.text, classify), settings);
      return;
    }
    // Every destination is shown and agreed to before the first line runs (once per session).
    if (!(await confirmRun(everyone, { action: vscode.l10n.t('Connect') }))) return;
    const where = (targets: ResolvedNode[]) => targets.map((node) => plain(node.name)).join(', ');
    const firstLine = (text: string) => stripControl(text.split('\n')[0] ?? '', false);
    log.appendLine(`[${new Date().toISOString()}] ${mode === 'all' ? 'run all blocks' : 'run up to here'}: ${plan.length} lines of ${uri}`);
    await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: mode === 'all' ? vscode.l10n.t('Run all blocks') : vscode.l10n.t('Run up to here'),
        cancellable: true,
      },
      async (progress, token) => {
        let cancelled = false;
        const mine = new Set<SshRunHandle>();
        token.onCancellationRequested(() => {
          cancelled = true;
          mine.forEach((handle) => handle.cancel());
        });
        for (let i = 0; i < plan.length; i++) {
          const { step, targets } = plan[i]!;
          const line = step.range.start.line;
          if (cancelled) {
            void vscode.window.showWarningMessage(
              vscode.l10n.t('Cancelled before line {0}; {1} of {2} lines ran.', line + 1, i, plan.length),
            );
            return;
          }
          const verdict = await verdictFor(step.text, classify);
          const ask = verdict.reasons.length > 0 && (settings.confirmDestructive || !verdict.fromServer);
          if (
            ask &&
            !(await confirmRun(targets, {
              action: vscode.l10n.t('Run on {0}', where(targets)),
              reasons: verdict.reasons,
              masked: verdict.masked,
            }))
          ) {
            void vscode.window.showWarningMessage(
              vscode.l10n.t('Stopped before line {0} (not confirmed); {1} of {2} lines ran.', line + 1, i, plan.length),
            );
            return;
          }
          progress.report({
            message: vscode.l10n.t(
              'line {0} ({1}/{2}) on {3}: {4}',
              line + 1,
              i + 1,
              plan.length,
              where(targets),
              firstLine(verdict.masked),
            ),
            increment: 100 / plan.length,
          });
          const before = new Set(running);
          const started = targets.map((node) => runOne(node, step, settings, uri, line, verdict.masked));
          for (const handle of running) if (!before.has(handle)) mine.add(handle);
          const outcomes = await Promise.all(started);
          const bad = outcomes.find((outcome) => outcome.result.status !== 'ok');
          if (bad) {
            const summary = resultSummary(bad.result);
            const tail = outputTail(bad.output);
            const where1 = plain(bad.node.name);
            terminals.get(bad.node.name)?.terminal.show(true);
            const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
            if (shown) {
              const range = new vscode.Range(line, 0, step.range.end.line, 0);
              shown.selection = new vscode.Selection(range.start, range.start);
              shown.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
            }
            const head =
              bad.result.status === 'cancelled'
                ? vscode.l10n.t('Stopped at line {0}: "{1}" was cancelled', line + 1, firstLine(verdict.masked))
                : vscode.l10n.t(
                    'Stopped at line {0}: "{1}" failed on {2} ({3})',
                    line + 1,
                    firstLine(verdict.masked),
                    where1,
                    summary.text,
                  );
            const message = `${head}${bad.result.failure ? ` — ${bad.result.failure.message}` : ''}${
              tail ? `. ${vscode.l10n.t('Output: {0}', tail)}` : ''
            }${bad.limit ? `. ${bad.limit}` : ''}. ${vscode.l10n.t('{0} of {1} lines ran before it.', i, plan.length)}`;
            log.appendLine(`    stopped at line ${line + 1} (${where1}: ${summary.text})`);
            void vscode.window.showErrorMessage(message);
            return;
          }
        }
        log.appendLine(`    all ${plan.length} lines exit 0`);
        void vscode.window.showInformationMessage(
          plan.length === 1
            ? vscode.l10n.t('Ran 1 line: every one exit 0.')
            : vscode.l10n.t('Ran {0} lines: every one exit 0.', plan.length),
        );
      },
    );
  };

  // The node tree: inventory with reachability, checked when the person asks (a check is an ssh login).
  // While a lab is up: a summary row, then its nodes first with their live state (lab status, polled
  // by the lab commands; no ssh login), then the other nodes.
  type TreeNode = { kind: 'lab'; status: LabStatus } | { kind: 'node'; node: ResolvedNode; lab?: LabNodeView };
  const reachability = new Map<string, 'checking' | 'reachable' | string>();
  const treeChanged = new vscode.EventEmitter<void>();
  const labIcon = (view: LabNodeView): vscode.ThemeIcon => {
    switch (view.icon) {
      case 'online':
        return new vscode.ThemeIcon(view.dc ? 'star-full' : 'pass', new vscode.ThemeColor('testing.iconPassed'));
      case 'standby':
        return new vscode.ThemeIcon('debug-pause', new vscode.ThemeColor('testing.iconQueued'));
      case 'offline':
        return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
      case 'off':
        return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('testing.iconFailed'));
      default:
        return new vscode.ThemeIcon('server');
    }
  };
  const tree: vscode.TreeDataProvider<TreeNode> = {
    onDidChangeTreeData: treeChanged.event,
    getChildren: async (element) => {
      if (element) return [];
      const nodes = await inventory();
      const lab = labInUse();
      if (!lab) return nodes.map((node): TreeNode => ({ kind: 'node', node }));
      const views = labNodeViews(lab);
      return [
        { kind: 'lab', status: lab },
        ...nodes.map((node): TreeNode => ({
          kind: 'node',
          node,
          lab: isLabNode(node) ? views.find((v) => v.name === node.name) : undefined,
        })),
      ];
    },
    getTreeItem: (entry) => {
      if (entry.kind === 'lab') {
        const item = new vscode.TreeItem(vscode.l10n.t('Local lab'));
        item.id = 'pacemakerLab.localLab';
        item.description = labSummary(entry.status);
        const disk = entry.status.sharedDisk;
        item.tooltip = [
          vscode.l10n.t('Local lab {0} ({1}): {2}', entry.status.name, entry.status.clusterName, labSummary(entry.status)),
          `ssh config: ${entry.status.sshConfig}`,
          ...(disk ? [vscode.l10n.t('shared disk: {0} ({1} in every node)', disk.device ?? disk.file, disk.nodePath)] : []),
          vscode.l10n.t('Updated every 5 s while the lab is up.'),
        ].join('\n');
        item.iconPath = new vscode.ThemeIcon('server-environment');
        item.contextValue = 'pacemakerLabLocalLab';
        return item;
      }
      const node = entry.node;
      const item = new vscode.TreeItem(plain(node.name));
      item.id = `pacemakerLab.node.${node.name}`;
      if (entry.lab) {
        item.description = entry.lab.description;
        item.tooltip = entry.lab.tooltip;
        item.iconPath = labIcon(entry.lab);
        item.contextValue = 'pacemakerLabNode';
        return item;
      }
      const state = reachability.get(node.name);
      item.description =
        displayDestination(node.destination) +
        (state === 'reachable'
          ? ' · ' + vscode.l10n.t('reachable')
          : state === 'checking'
            ? ' · ' + vscode.l10n.t('checking…')
            : state
              ? ' · ' + vscode.l10n.t('unreachable')
              : '');
      item.tooltip = [
        plain(node.name),
        vscode.l10n.t('ssh destination: {0} ({1})', displayDestination(node.destination), node.via),
        vscode.l10n.t('found in: {0}', node.sources.map(plain).join(', ')),
        ...(state && state !== 'reachable' && state !== 'checking' ? [plain(state)] : []),
      ].join('\n');
      item.iconPath = new vscode.ThemeIcon(
        state === 'reachable' ? 'pass' : state === 'checking' ? 'sync' : state ? 'error' : 'server',
        state === 'reachable'
          ? new vscode.ThemeColor('testing.iconPassed')
          : state && state !== 'checking'
            ? new vscode.ThemeColor('testing.iconFailed')
            : undefined,
      );
      item.contextValue = node.clusterMember ? 'pacemakerLabNode' : 'pacemakerLabHost';
      return item;
    },
  };

  const checkReachability = async () => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Checking nodes logs into them over ssh; trust the workspace first.'));
      return;
    }
    const settings = readSettings();
    const all = (await inventory()).filter((node) => node.clusterMember);
    for (const node of all) if (node.problem) reachability.set(node.name, node.problem);
    const nodes = all.filter((node) => !node.problem);
    // A check is an ssh login: the destinations are shown and agreed to first, as for a run.
    if (!nodes.length || !(await confirmRun(nodes, { action: vscode.l10n.t('Connect') }))) {
      treeChanged.fire();
      return;
    }
    for (const node of nodes) reachability.set(node.name, 'checking');
    treeChanged.fire();
    await Promise.all(
      nodes.map(async (node) => {
        const result = await runOverSsh({
          destination: node.destination,
          command: 'true',
          tty: false,
          configFile: settings.sshConfigFile,
          connectTimeoutSeconds: Math.min(settings.connectTimeoutSeconds, 5),
          timeoutSeconds: 15,
        }).result;
        reachability.set(node.name, result.status === 'ok' ? 'reachable' : (result.failure?.message ?? `exit ${result.exitCode}`));
        treeChanged.fire();
      }),
    );
  };

  context.subscriptions.push(
    log,
    results,
    treeChanged,
    vscode.commands.registerCommand('pacemakerLab.runOnNode', (args?: Partial<RunOnNodeArgs>) => {
      markWalkthroughStep('ranOnNode');
      return runOnNode(args);
    }),
    vscode.commands.registerCommand('pacemakerLab.runLineOnNode', () => runEditorRange(false)),
    vscode.commands.registerCommand('pacemakerLab.runSelectionOnNode', () => runEditorRange(true)),
    vscode.commands.registerCommand('pacemakerLab.cancelRuns', () => {
      for (const handle of running) handle.cancel();
    }),
    vscode.commands.registerCommand('pacemakerLab.refreshNodes', () => checkReachability()),
    vscode.commands.registerCommand('pacemakerLab.runUpToHere', () => runSequence('upToHere')),
    vscode.commands.registerCommand('pacemakerLab.runAllBlocks', () => runSequence('all')),
    { dispose: onLabStatus(() => treeChanged.fire()) },
    vscode.window.registerTreeDataProvider('pacemakerLab.nodes', tree),
    vscode.window.onDidCloseTerminal((closed) => {
      for (const [name, terminal] of terminals) if (terminal.terminal === closed) terminals.delete(name);
    }),
    vscode.workspace.onDidChangeTextDocument((event) => results.onEdit(event)),
    vscode.window.onDidChangeVisibleTextEditors(() => results.render()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void checkWorkspaceSettingsFiles()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('pacemakerLab.nodes')) treeChanged.fire();
      if (event.affectsConfiguration('pacemakerLab.run')) void checkWorkspaceSettingsFiles();
    }),
    { dispose: () => running.forEach((handle) => handle.cancel()) },
  );
}
