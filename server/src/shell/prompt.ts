// Lab prompts at the start of a line: `node1 # `, `node1# `, `node1/2# `, `nodeX # `,
// `[root@node1 ~]# `, `root@node1:~# `, `$ `, and (Markdown only) the plain root prompt `# `.
// Prompts of other programs (`powershell> `, `PS C:\> `, `mysql> `, `crm(live)# `, `/> `) mark a line
// that is not shell at all.
import { isKnownCommand, isKnownOrMisspelledCommand, firstWord } from './vocabulary';

export type PromptMode = 'script' | 'markdown';

export interface PromptMatch {
  /** UTF-16 length of the prompt including the blanks after it (what is stripped before parsing). */
  length: number;
  /** Column where the prompt itself starts (after indentation). */
  start: number;
  /** The prompt as written, without trailing blanks (`node1 #`, `[root@node1 ~]#`). */
  raw: string;
  nodes: string[];
  /** `# ` and `$ `: prompts that name no node and are weaker evidence of a command line. */
  weak: boolean;
}

const USER_AT_BRACKET = /^\[([\w.-]+)@([\w.-]+)(?:[ \t]+[^\]\n]*)?\][ \t]?[#$](?=[ \t]|$)/;
const USER_AT_COLON = /^([\w.-]+)@([\w.-]+):[^\s#$]*[ \t]?[#$](?=[ \t]|$)/;
const NODE_HASH = /^([A-Za-z][\w.-]*(?:\/[\w.-]+)*)[ \t]?#(?=[ \t]|$)/;
const DOLLAR = /^\$(?=[ \t]|$)/;
const ROOT_HASH = /^#(?=[ \t])/;
const FOREIGN =
  /^(?:powershell|pwsh|PS(?:[ \t][^>\n]*)?|mysql|mariadb|postgres=?|sqlite|irb|>>>|\/[\w/.:-]*|crm\([^)\n]*\)[\w]*)[ \t]?[>#](?=[ \t]|$)/;

/** True when the line starts with the prompt of a program that is not a POSIX shell. */
export function isForeignPromptLine(line: string): boolean {
  const trimmed = line.replace(/^[ \t]+/, '');
  return FOREIGN.test(trimmed) && !USER_AT_BRACKET.test(trimmed);
}

/** Node name forms that are plausible in a prompt of a plain script (where `reboot # now` is a comment). */
function nodeLikeName(name: string): boolean {
  if (isKnownCommand(name)) return false;
  if (/^node/i.test(name)) return true;
  return /^[A-Za-z][\w-]*\d(?:\/[\w-]+)*$/.test(name);
}

/** Expand the node part of a prompt: `node1/2` gives node1, node2; `nodeX` gives every node (`*`). */
export function promptNodes(name: string): string[] {
  if (/^(?:node[xXnN*]|nodes|all)$/.test(name)) return ['*'];
  const parts = name.split('/');
  if (parts.length === 1) return [name];
  const base = parts[0].replace(/\d+$/, '');
  return parts.map((p, i) => (i > 0 && /^\d+$/.test(p) ? base + p : p));
}

/**
 * The prompt at the start of `line`, if any. In `script` mode (a .sh file) a `# ` is always a comment
 * and a `word # ` prompt needs a node-like word; in `markdown` mode `# ` followed by a known command
 * (or a one-letter misspelling of one, `iscsadm`) is a root prompt.
 */
export function matchPrompt(line: string, mode: PromptMode): PromptMatch | undefined {
  const indent = /^[ \t]*/.exec(line)![0].length;
  const rest = line.slice(indent);
  let raw: string | undefined;
  let nodes: string[] = [];
  let weak = false;
  let m: RegExpExecArray | null;
  if ((m = USER_AT_BRACKET.exec(rest)) || (m = USER_AT_COLON.exec(rest))) {
    raw = m[0];
    nodes = [m[2]];
  } else if ((m = NODE_HASH.exec(rest))) {
    const name = m[1];
    const ok = mode === 'script' ? nodeLikeName(name) && !name.includes('.') : !isKnownCommand(name);
    if (!ok) return undefined;
    raw = m[0];
    nodes = promptNodes(name);
  } else if ((m = DOLLAR.exec(rest))) {
    raw = m[0];
    weak = true;
  } else if (mode === 'markdown' && (m = ROOT_HASH.exec(rest))) {
    const after = rest.slice(1);
    if (!isKnownOrMisspelledCommand(firstWord(after))) return undefined;
    raw = m[0];
    weak = true;
  } else {
    return undefined;
  }
  let length = indent + raw.length;
  while (length < line.length && (line[length] === ' ' || line[length] === '\t')) length++;
  return { length, start: indent, raw, nodes, weak };
}
