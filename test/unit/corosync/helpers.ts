// Shared helpers of the corosync unit tests: parse through the real parser, apply edits.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { initParsers } from '../../../server/src/parsing/treeSitter';
import { parseCorosync } from '../../../server/src/corosync/parse';
import type { CsFile } from '../../../server/src/corosync/ast';
import { corosyncDiagnostics, type CorosyncContext } from '../../../server/src/corosync/index';
import type { FixData } from '../../../server/src/base/types';

export async function ready(): Promise<void> {
  await initParsers();
}

export function parse(text: string): CsFile {
  const { tree, file } = parseCorosync(text);
  tree?.delete();
  return file;
}

export function check(text: string, ctx?: CorosyncContext): Diagnostic[] {
  return corosyncDiagnostics(parse(text), ctx);
}

/** `line:code` of each diagnostic (1-based lines), in line order, for compact assertions. */
export function codes(text: string, ctx?: CorosyncContext, severity?: number): string[] {
  return check(text, ctx)
    .filter((d) => severity === undefined || d.severity === severity)
    .sort((a, b) => a.range.start.line - b.range.start.line || String(a.code).localeCompare(String(b.code)))
    .map((d) => `${d.range.start.line + 1}:${d.code}`);
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.conf', 'corosync', 0, text), edits);
}

export function fixesOf(d: Diagnostic): FixData['fixes'] {
  return (d.data as FixData | undefined)?.fixes ?? [];
}

export const NODES2 = `nodelist {
    node {
        ring0_addr: 192.168.56.11
        name: node1
        nodeid: 1
    }
    node {
        ring0_addr: 192.168.56.12
        name: node2
        nodeid: 2
    }
}
`;

export const QUORUM = `quorum {
    provider: corosync_votequorum
}
`;

export function conf(totemExtra = '', rest = NODES2 + QUORUM): string {
  return `totem {\n    version: 2\n    cluster_name: lab\n${totemExtra}}\n${rest}`;
}
