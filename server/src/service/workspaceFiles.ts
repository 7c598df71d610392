// Finds the lab files of a folder tree: corosync.conf files, shell scripts and Markdown memos,
// honouring .gitignore files and skipping dependency/build folders. Used by the LSP workspace scan
// and by `pcmk-lsp check FOLDER`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import ignore, { type Ignore } from 'ignore';
import { kindFromPath } from './kinds';
import type { DocumentKind } from '../base/types';

export interface LabFile {
  path: string;
  kind: DocumentKind;
  text: string;
}

const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**', '**/.tools/**'];
/** Files larger than this are not lab scripts (logs, dumps) and would only slow the model down. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Why a file that looks like a lab file (by its name) cannot be analysed: too large or unreadable. */
export function labFileProblem(filePath: string): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    let broken = false;
    try {
      broken = code === 'ENOENT' && fs.lstatSync(filePath).isSymbolicLink();
    } catch {
      broken = false;
    }
    if (broken) return 'not analysed: a broken symbolic link (its target does not exist)';
    if (code === 'EACCES' || code === 'EPERM') return 'not analysed: permission denied';
    if (code === 'ELOOP') return 'not analysed: too many levels of symbolic links';
    return `not analysed: cannot read it (${code ?? String(error)})`;
  }
  if (stat.isDirectory()) return undefined;
  if (!stat.isFile()) return 'not analysed: not a regular file';
  if (stat.size > MAX_FILE_BYTES) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return `not analysed: ${mb(stat.size)} is over the ${mb(MAX_FILE_BYTES)} size limit for lab files (a log or dump, not a lab script)`;
  }
  try {
    fs.accessSync(filePath, fs.constants.R_OK);
    fs.closeSync(fs.openSync(filePath, 'r'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EACCES' || code === 'EPERM'
      ? 'not analysed: permission denied'
      : `not analysed: cannot read it (${code ?? String(error)})`;
  }
  return undefined;
}

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

/** `onProblem` hears of files named like lab files that are too large or unreadable. */
export async function* labFilesUnder(root: string, onProblem?: (file: string, problem: string) => void): AsyncGenerator<LabFile> {
  const ig = gitignoreFor(root);
  const candidates = await glob(['**/*'], { cwd: root, ignore: ALWAYS_SKIPPED, dot: false, onlyFiles: true });
  candidates.sort();
  for (const rel of candidates) {
    if (ig.ignores(rel)) continue;
    const file = readLabFile(path.join(root, rel));
    if (file) yield file;
    else if (onProblem && kindFromPath(path.join(root, rel))) {
      const problem = labFileProblem(path.join(root, rel));
      if (problem) onProblem(path.join(root, rel), problem);
    }
  }
}
