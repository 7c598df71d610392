// Finds the lab files of a folder tree: corosync.conf files, shell scripts and Markdown memos,
// honouring .gitignore files and skipping dependency/build folders. Used by the LSP workspace scan
// and by `pcmk-lsp check FOLDER`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import ignore, { type Ignore } from 'ignore';
import { kindFromPath } from './kinds';
import type { DocumentKind } from './types';

export interface LabFile {
  path: string;
  kind: DocumentKind;
  text: string;
}

const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**', '**/.tools/**'];
/** Files larger than this are not lab scripts (logs, dumps) and would only slow the model down. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

function gitignoreFor(root: string): Ignore {
  const ig = ignore();
  const file = path.join(root, '.gitignore');
  if (fs.existsSync(file)) ig.add(fs.readFileSync(file, 'utf8'));
  return ig;
}

function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  return nl < 0 ? text : text.slice(0, nl);
}

/** Reads one file as a lab file; undefined when it is not one (or cannot be read). */
export function readLabFile(filePath: string, explicit = false): LabFile | undefined {
  try {
    const stat = fs.statSync(filePath);
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
    const text = fs.readFileSync(filePath, 'utf8');
    const kind = kindFromPath(filePath, firstLine(text), explicit);
    return kind ? { path: filePath, kind, text } : undefined;
  } catch {
    return undefined;
  }
}

export async function* labFilesUnder(root: string): AsyncGenerator<LabFile> {
  const ig = gitignoreFor(root);
  const candidates = await glob(['**/*'], { cwd: root, ignore: ALWAYS_SKIPPED, dot: false, onlyFiles: true });
  candidates.sort();
  for (const rel of candidates) {
    if (ig.ignores(rel)) continue;
    const file = readLabFile(path.join(root, rel));
    if (file) yield file;
  }
}
