// The language service: one object that owns the documents, parses them (incrementally), builds the
// workspace cluster model and answers every feature request. It has no LSP connection; the LSP layer
// (server/src/lsp) and the CLI (server/src/cli) both drive it. Per-document products are cached by
// document version; the cluster model is rebuilt lazily, only when some document changed, and that
// rebuild is incremental (model/build.ts IncrementalModel): only the edited parts are folded again.
import { escapeLensTitle, neutralizeMarkdown } from '../base/markdownEscape';
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  Position,
  Range,
  SymbolInformation,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import { initParsers } from '../parsing/treeSitter';
import type { Tree } from '../parsing/treeSitter';
import { parseCorosync } from '../corosync/parse';
import { lspLineBreaks } from '../parsing/lineBreaks';
import type { CsFile } from '../corosync/ast';
import {
  corosyncDiagnostics,
  corosyncHover,
  corosyncCompletion,
  corosyncSymbols,
  corosyncFolding,
  formatCorosync,
} from '../corosync/index';
import { quorumDiagnostics, quorumCodeLenses, quorumInlayHints, quorumHover } from '../quorum/features';
import { quorumConfigFromCorosync } from '../quorum/adapters';
import type { QuorumConfig } from '../../../shared/src/quorum/engine';
import { extractScript } from '../shell/extract';
import { IncrementalModel } from '../model/build';
import {
  scriptDiagnostics,
  scriptHover,
  scriptCompletion,
  scriptDefinition,
  scriptReferences,
  scriptRename,
  scriptPrepareRename,
  scriptSymbols,
  workspaceSymbols,
  clusterNodes,
} from '../scripts/index';
import type { ClusterModel, ScriptDocument, CorosyncDocument } from '../scripts/index';
import { runCodeLenses, type RunLensMode } from '../runOnNode/lenses';
import { quorumConfigForScript } from '../quorum/fromScripts';
import { scriptQuorumCodeLenses, scriptQuorumDiagnostics, scriptQuorumHover } from '../quorum/scriptFeatures';
import { loadAgentCatalog, useAgentCatalog } from '../agents/features';
import { resolveAgentCompletion } from '../agents/completion';
import type { AgentMetadata, MetadataSource } from '../agents/types';
import { DocumentEntry, type TextChange } from './documents';
import { embeddedCorosyncFiles, type EmbeddedCorosync } from './embedded';
import { codeActionsFromDiagnostics } from './fixes';
import { applyRuleControl, suppressionActions, type RuleLevels } from './ruleControl';
import type { DocumentKind, ScriptExtract } from '../base/types';

export interface FormatOptions {
  tabSize: number;
  insertSpaces: boolean;
}

export class LanguageService {
  private readonly docs = new Map<string, DocumentEntry>();
  private model: ClusterModel | undefined;
  /** Keeps every document's fold between builds, so a rebuild re-runs only what an edit touched. */
  private folds = new IncrementalModel();
  /** The lab's running order (`pacemakerLab.order`); empty: numbered file names decide (model/order.ts). */
  private labOrder: readonly string[] = [];
  /** Severity overrides per code (`pacemakerLab.rules`, `check --rule`) and the rule page of a code. */
  private ruleLevels: RuleLevels = {};
  private runLensMode: RunLensMode = 'blocks';
  private ruleDocUrl: ((code: string) => string | undefined) | undefined;

  /** Load the wasm grammars. Must complete before any other call. */
  async init(): Promise<void> {
    await initParsers();
    // The catalog is read once here so the first hover or check does not pay for it (~10 ms).
    loadAgentCatalog();
  }

  /** Where run lenses go (`pacemakerLab.run.lenses`). */
  configureRunLenses(mode: RunLensMode): void {
    this.runLensMode = mode;
  }

  /** Severity overrides per code, and a function giving each code's documentation link. */
  configureRules(levels: RuleLevels, docUrl?: (code: string) => string | undefined): void {
    this.ruleLevels = levels;
    this.ruleDocUrl = docUrl;
  }

  // ---- documents -------------------------------------------------------------------------------

  /** Open (or replace) a document. `open` marks editor buffers, which win over files read from disk. */
  setDocument(uri: string, kind: DocumentKind, text: string, version = 0, open = true): void {
    const existing = this.docs.get(uri);
    if (existing && existing.open && !open) return;
    this.docs.set(uri, new DocumentEntry(uri, kind, text, version, open));
    this.model = undefined;
  }

  changeDocument(uri: string, changes: TextChange[], version: number): void {
    const entry = this.docs.get(uri);
    if (!entry) return;
    entry.applyChanges(changes, version);
    this.model = undefined;
  }

  /** An editor closed the document: keep it as a workspace file only if it still exists on disk. */
  closeDocument(uri: string, diskText?: string): void {
    const entry = this.docs.get(uri);
    if (!entry) return;
    if (diskText === undefined) this.docs.delete(uri);
    else this.docs.set(uri, new DocumentEntry(uri, entry.kind, diskText, 0, false));
    this.model = undefined;
  }

  removeDocument(uri: string): void {
    if (this.docs.delete(uri)) this.model = undefined;
  }

  has(uri: string): boolean {
    return this.docs.has(uri);
  }

  uris(): string[] {
    return [...this.docs.keys()];
  }

  kindOf(uri: string): DocumentKind | undefined {
    return this.docs.get(uri)?.kind;
  }

  getText(uri: string): string | undefined {
    return this.docs.get(uri)?.getText();
  }

  /** The version of an open document (what publishDiagnostics carries); undefined for files read from disk. */
  versionOf(uri: string): number | undefined {
    const entry = this.docs.get(uri);
    return entry?.open ? entry.version : undefined;
  }

  /** Counters of the incremental fold (units run, units moved by lines, builds): tests prove by
   * counting that an edit re-runs only what it touched. */
  foldStats(): { builds: number; unitsRun: number; unitsShifted: number } {
    return { ...this.folds.stats };
  }

  // ---- parsing (cached per version) ------------------------------------------------------------

  corosyncFile(uri: string): CsFile | undefined {
    const entry = this.docs.get(uri);
    if (!entry || entry.kind !== 'corosync') return undefined;
    return entry.cached('corosync', () => {
      const { tree, file } = parseCorosync(entry.getText(), entry.tree);
      replaceTree(entry, tree);
      return file;
    });
  }

  scriptExtract(uri: string): ScriptExtract | undefined {
    const entry = this.docs.get(uri);
    if (!entry || entry.kind === 'corosync') return undefined;
    return entry.cached('script', () => {
      const previous = entry.tree ? { tree: entry.tree } : undefined;
      const { extract, tree } = extractScript(entry.getText(), entry.kind as 'shell' | 'markdown', previous, uri);
      replaceTree(entry, tree);
      return extract;
    });
  }

  /** corosync.conf files written by heredocs inside a script, parsed and position-mapped. */
  private embedded(uri: string): EmbeddedCorosync[] {
    const entry = this.docs.get(uri);
    const extract = this.scriptExtract(uri);
    if (!entry || !extract) return [];
    return entry.cached('embedded', () => embeddedCorosyncFiles(entry.text, extract));
  }

  private scriptDocument(uri: string): ScriptDocument | undefined {
    const entry = this.docs.get(uri);
    const extract = this.scriptExtract(uri);
    if (!entry || !extract) return undefined;
    return entry.cached('scriptDocument', () => ({ uri, kind: entry.kind as 'shell' | 'markdown', extract }));
  }

  /** The workspace cluster model: every script and corosync.conf, ordered by path (corosync first). */
  clusterModel(): ClusterModel {
    if (!this.model) {
      const scripts: ScriptDocument[] = [];
      const corosync: CorosyncDocument[] = [];
      for (const uri of [...this.docs.keys()].sort()) {
        const entry = this.docs.get(uri)!;
        if (entry.kind === 'corosync') {
          const file = this.corosyncFile(uri);
          if (file) corosync.push(entry.cached('corosyncDocument', () => ({ uri, file })));
        } else {
          const doc = this.scriptDocument(uri);
          if (doc) scripts.push(doc);
          for (const emb of this.embedded(uri)) corosync.push(emb.document);
        }
      }
      this.model = this.folds.update(scripts, corosync);
    }
    return this.model;
  }

  // ---- features --------------------------------------------------------------------------------

  /** The document's diagnostics after suppression comments and severity settings. */
  diagnostics(uri: string): Diagnostic[] {
    const entry = this.docs.get(uri);
    if (!entry) return [];
    const out = applyRuleControl(this.analysisDiagnostics(uri), entry.getText(), entry.kind, this.ruleLevels, this.ruleDocUrl);
    // a script's answer is a snapshot: the fold moves its products' positions in place when lines
    // move (model/build.ts LineShift), and an answer handed out must not change under its holder
    return entry.kind === 'corosync' ? out : out.map(snapshot);
  }

  private analysisDiagnostics(uri: string): Diagnostic[] {
    const entry = this.docs.get(uri);
    if (!entry) return [];
    if (entry.kind === 'corosync') {
      const file = this.corosyncFile(uri)!;
      return [...corosyncDiagnostics(file, { workspaceHosts: this.hostsOutside(uri) }), ...quorumDiagnostics(file)];
    }
    const doc = this.scriptDocument(uri)!;
    // A copy: the model may hand out its cached array.
    const out = [...scriptDiagnostics(doc, this.clusterModel()), ...scriptQuorumDiagnostics(doc.extract)];
    for (const emb of this.embedded(uri)) {
      const inner = [...corosyncDiagnostics(emb.document.file), ...quorumDiagnostics(emb.document.file)];
      for (const d of inner) out.push(emb.mapDiagnostic(d));
    }
    return out;
  }

  /** Host names that scripts of the workspace mention (for the corosync nodelist consistency hint). */
  private hostsOutside(uri: string) {
    const nodes = clusterNodes(this.clusterModel());
    const hosts = new Map<string, { uri: string; range: Range }[]>();
    for (const node of nodes) {
      if (node.source.startsWith(uri)) continue;
      hosts.set(node.name, [...(hosts.get(node.name) ?? []), { uri: node.source, range: zeroRange }]);
    }
    return hosts.size ? hosts : undefined;
  }

  /** Every hover, with file text that reached it unescaped made harmless (no image, no command: link). */
  hover(uri: string, pos: Position): Hover | null {
    const hover = this.hoverOf(uri, pos);
    const contents = hover?.contents as { kind?: string; value?: unknown } | undefined;
    if (hover && contents && contents.kind === 'markdown' && typeof contents.value === 'string') {
      return { ...hover, contents: { kind: 'markdown', value: neutralizeMarkdown(contents.value) } };
    }
    return hover;
  }

  private hoverOf(uri: string, pos: Position): Hover | null {
    const entry = this.docs.get(uri);
    if (!entry) return null;
    if (entry.kind === 'corosync') {
      const file = this.corosyncFile(uri)!;
      return quorumHover(file, pos) ?? corosyncHover(file, pos);
    }
    const emb = this.embeddedAt(uri, pos);
    if (emb) return emb.hover(pos);
    const doc = this.scriptDocument(uri)!;
    return scriptQuorumHover(doc.extract, pos) ?? scriptHover(doc, this.clusterModel(), pos);
  }

  completion(uri: string, pos: Position): CompletionItem[] {
    const entry = this.docs.get(uri);
    if (!entry) return [];
    if (entry.kind === 'corosync') return corosyncCompletion(this.corosyncFile(uri)!, lspLineBreaks(entry.getText()), pos);
    return scriptCompletion(this.scriptDocument(uri)!, this.clusterModel(), entry.getText(), pos);
  }

  /** completionItem/resolve: documentation of an agent item, looked up when the editor shows it. */
  resolveCompletion(item: CompletionItem): CompletionItem {
    return resolveAgentCompletion(item, loadAgentCatalog());
  }

  definition(uri: string, pos: Position): Location[] {
    const doc = this.scriptDocument(uri);
    return doc ? scriptDefinition(doc, this.clusterModel(), pos) : [];
  }

  references(uri: string, pos: Position, includeDeclaration: boolean): Location[] {
    const doc = this.scriptDocument(uri);
    return doc ? scriptReferences(doc, this.clusterModel(), pos, includeDeclaration) : [];
  }

  prepareRename(uri: string, pos: Position): Range | null {
    const doc = this.scriptDocument(uri);
    return doc ? scriptPrepareRename(doc, this.clusterModel(), pos) : null;
  }

  rename(uri: string, pos: Position, newName: string): WorkspaceEdit | null {
    const doc = this.scriptDocument(uri);
    return doc ? scriptRename(doc, this.clusterModel(), pos, newName) : null;
  }

  documentSymbols(uri: string): DocumentSymbol[] {
    const entry = this.docs.get(uri);
    if (!entry) return [];
    if (entry.kind === 'corosync') return corosyncSymbols(this.corosyncFile(uri)!);
    return scriptSymbols(this.scriptDocument(uri)!, this.clusterModel());
  }

  workspaceSymbols(query: string): SymbolInformation[] {
    return workspaceSymbols(this.clusterModel(), query);
  }

  foldingRanges(uri: string): FoldingRange[] {
    const file = this.corosyncFile(uri);
    return file ? corosyncFolding(file) : [];
  }

  format(uri: string, options: FormatOptions): TextEdit[] {
    const entry = this.docs.get(uri);
    const file = this.corosyncFile(uri);
    if (!entry || !file) return [];
    return formatCorosync(lspLineBreaks(entry.getText()), file, options);
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): CodeAction[] {
    const entry = this.docs.get(uri);
    const fixes = codeActionsFromDiagnostics(uri, range, diagnostics);
    if (!entry) return fixes;
    return [...fixes, ...suppressionActions(uri, entry.getText(), entry.kind, diagnostics)];
  }

  codeLenses(uri: string): CodeLens[] {
    const entry = this.docs.get(uri);
    if (!entry) return [];
    if (entry.kind === 'corosync') {
      return quorumCodeLenses(this.corosyncFile(uri)!).map((lens) => ({
        range: lens.range,
        command: { title: escapeLensTitle(lens.title), command: 'pacemakerLab.openQuorumCalculator', arguments: [uri] },
      }));
    }
    const extract = this.scriptExtract(uri)!;
    const quorumLenses = scriptQuorumCodeLenses(extract).map((lens) => ({
      range: lens.range,
      command: {
        title: escapeLensTitle(lens.title),
        command: 'pacemakerLab.openQuorumCalculator',
        arguments: [uri, lens.range.start.line],
      },
    }));
    return [...quorumLenses, ...runCodeLenses(extract, uri, this.runLensMode)];
  }

  inlayHints(uri: string, range: Range): InlayHint[] {
    const file = this.corosyncFile(uri);
    if (!file) return [];
    return quorumInlayHints(file, { start: range.start.line, end: range.end.line }).filter(
      (hint) => hint.position.line >= range.start.line && hint.position.line <= range.end.line,
    );
  }

  /** The quorum configuration a corosync.conf describes, for the calculator panel and the CLI. In a
   * script, `line` (a setup's lens) chooses the cluster when the lab sets up several. */
  quorumConfig(uri: string, line?: number): QuorumConfig | undefined {
    const file = this.corosyncFile(uri);
    if (file) return quorumConfigFromCorosync(file);
    const [emb] = this.embedded(uri);
    if (emb) return quorumConfigFromCorosync(emb.document.file);
    // A script: the cluster its pcs lines set up, with `pcs quorum …` lines of every script applied.
    const extracts = this.uris()
      .sort()
      .map((u) => this.scriptExtract(u))
      .filter((x): x is ScriptExtract => !!x);
    return quorumConfigForScript(extracts, this.scriptExtract(uri), line);
  }

  /** The agents the workspace's resources use, by full id (a known agent) or as written (one the
   * catalog lacks): what live metadata is fetched for (lsp/liveMetadata.ts). systemd:, lsb: and
   * service: agents have no metadata. */
  agentsInUse(): string[] {
    const catalog = loadAgentCatalog();
    const ids = new Set<string>();
    for (const resource of this.clusterModel().everCreated.values()) {
      if (!resource.agent) continue;
      const kind = resource.kind === 'stonith' ? 'stonith' : 'resource';
      const resolved = catalog.resolve(resource.agent, kind);
      if (resolved.kind === 'found') ids.add(resolved.agent.id);
      else if (resolved.kind === 'unknown') ids.add(resolved.id);
    }
    return [...ids].sort();
  }

  /** Metadata read from a node: every feature uses it from now on (hovers name the node as their source). */
  useAgentMetadata(metadata: AgentMetadata[], source: MetadataSource): void {
    if (!metadata.length) return;
    useAgentCatalog(loadAgentCatalog().overlay(metadata, source));
    // Agent checks are cached inside the fold: start it afresh against the new metadata. The
    // per-document parses do not depend on agents and stay cached.
    this.folds = new IncrementalModel({ order: this.labOrder });
    this.model = undefined;
  }

  /** The order the lab's files run in (`pacemakerLab.order`: paths or globs, first runs first; a file
   * it does not list has no known place). Empty: numbers in the file names decide, if any. */
  configureOrder(entries: readonly string[]): void {
    const clean = entries.filter((e) => typeof e === 'string' && e.trim() !== '');
    if (clean.length === this.labOrder.length && clean.every((e, i) => e === this.labOrder[i])) return;
    this.labOrder = clean;
    this.folds = new IncrementalModel({ order: clean });
    this.model = undefined;
  }

  /** Nodes of the cluster the workspace describes, for the run-on-node inventory. */
  nodes(): { name: string; addresses: string[]; source: string }[] {
    return clusterNodes(this.clusterModel());
  }

  private embeddedAt(uri: string, pos: Position): EmbeddedCorosync | undefined {
    return this.embedded(uri).find((emb) => emb.contains(pos));
  }
}

const zeroRange: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A copy of a diagnostic's positions (what LineShift moves); its texts are shared. */
function snapshot(d: Diagnostic): Diagnostic {
  const copy: Diagnostic = { ...d, range: copyRange(d.range) };
  if (d.relatedInformation)
    copy.relatedInformation = d.relatedInformation.map((r) => ({
      ...r,
      location: { uri: r.location.uri, range: copyRange(r.location.range) },
    }));
  if (d.data !== undefined) copy.data = structuredClone(d.data);
  return copy;
}

function copyRange(r: Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

function replaceTree(entry: DocumentEntry, tree: Tree | undefined): void {
  if (entry.tree && entry.tree !== tree) entry.tree.delete();
  entry.tree = tree;
}
