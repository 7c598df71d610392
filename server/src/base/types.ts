// The shared vocabulary of the language service (base/: imports nothing of the server): LSP type
// re-exports, document kinds, severity names, fix data, the words and invocations the shell extraction
// yields. Nothing here knows about an LSP connection: positions and ranges are LSP-shaped (0-based line/character, UTF-16) so features can be handed
// to the wiring layer unchanged, and the CLI prints them as they are.
import type { Diagnostic, Range, Position } from 'vscode-languageserver-types';

export type { Diagnostic, Range, Position };

/** What kind of text a document holds; decides which parser and rule families apply. */
export type DocumentKind = 'corosync' | 'shell' | 'markdown';

/** Severity names of the CLI contract (`pcmk-lsp check --format json`). */
export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

/**
 * One word of a command line as the shell would pass it to the program, with the exact characters
 * of the original file it came from. `text` is the word after quote removal; `range` covers the raw
 * characters (quotes included). For a word that holds a loop variable (`node$i` inside
 * `for i in {1..3}`), `values` lists every value it takes.
 */
export interface Word {
  text: string;
  range: Range;
  /** Offset of `text[0]` in the document when the word is a plain or simply-quoted literal, so a
   * position inside the word maps to a character of `text` (hover on `fsid=` inside `"fsid=0"`). */
  textOffset?: number;
  values?: string[];
  /** True when the word contains an expansion we could not resolve ($VAR, $(...)). */
  dynamic?: boolean;
}

/** The node(s) a lab prompt says a command runs on: `node1 # `, `node1/2# `, `[root@node1 ~]# `. */
export interface PromptTarget {
  /** Node names as written, expanded (`node1/2#` gives node1 and node2; `nodeX #` gives all: `['*']`). */
  nodes: string[];
  range: Range;
  raw: string;
}

/** One program invocation found in a shell script or a Markdown code block. */
export interface Invocation {
  /** argv[0] without a leading path (`/usr/sbin/pcs` gives `pcs`). */
  command: string;
  argv: Word[];
  /** The whole command's characters in the original document. */
  range: Range;
  prompt?: PromptTarget;
  /** Set when the command was found inside `ssh host '...'`, `sshpass -p X ssh host ...` or `bash -c '...'`. */
  remote?: { via: 'ssh' | 'shell'; host?: Word };
  /** Index of the runnable block (Markdown fence, or blank-line separated script block) it is in. */
  block: number;
  /** The shell alternatives it sits in (`if`/`elif`/`else` arms, `case` items, the sides of `a || b`),
   * outermost first; `id` is unique within the command's segment (see shell/walk.ts BranchStep). */
  branch?: { id: number; arm: number; of: number }[];
}

/** A heredoc or echo that writes a file whose content we understand (/etc/hosts, corosync.conf). */
export interface WrittenFile {
  path: string;
  content: string;
  /** Range of the content in the original document; line i of `content` starts at contentStart.line + i. */
  contentRange: Range;
  /** Character offset of each content line's start in the original document (content may be indented). */
  lineOffsets: number[];
  append: boolean;
}

/** A runnable block: a Markdown fenced shell block or a blank-line separated group of script lines. */
export interface RunnableBlock {
  range: Range;
  /** Source text of the block exactly as in the document (prompts still in it). */
  text: string;
  prompt?: PromptTarget;
}

/** What the shell/Markdown extraction yields for one document. */
export interface ScriptExtract {
  invocations: Invocation[];
  files: WrittenFile[];
  blocks: RunnableBlock[];
}

/** A quick fix carried by a diagnostic in its `data` field, so code actions need no re-analysis. */
export interface FixData {
  /** `safe`: the fix cannot change what the line means beyond the fix itself; `pcmk-lsp check --fix` applies only those. */
  fixes: { title: string; safe?: boolean; edits: { range: Range; newText: string }[] }[];
}

/**
 * A resource or fence agent as a `pcs resource create` / `pcs stonith create` line uses it.
 * The pcs layer builds it from the command words; the agents layer checks and explains it.
 */
export interface AgentUse {
  kind: 'resource' | 'stonith';
  /** The resource / stonith id word. */
  id: Word;
  /** The agent word as written (`ocf:heartbeat:IPaddr2`, `ipaddr2`, `fence_scsi`, `systemd:tgtd`). */
  agent: Word;
  /** `name=value` words given as instance attributes (before any op/meta keyword). */
  params: Word[];
  /** `op NAME key=value...` groups. */
  ops: { name: Word; options: Word[] }[];
  /** `meta key=value` words. */
  meta: Word[];
}
