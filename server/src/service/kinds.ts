// Which analysis a file gets, from its editor language id or, on the command line, from its path.
import * as path from 'node:path';
import type { DocumentKind } from '../base/types';
import { isCorosyncConfPath } from '../base/paths';

export function kindFromLanguageId(languageId: string): DocumentKind | undefined {
  switch (languageId) {
    case 'corosync':
      return 'corosync';
    case 'shellscript':
    case 'sh':
    case 'bash':
      return 'shell';
    case 'markdown':
      return 'markdown';
    default:
      return undefined;
  }
}

const SHELL_EXTENSIONS = new Set(['.sh', '.bash', '.ksh', '.zsh']);
const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown']);

/**
 * Decide a file's kind from its path (and its first line, for scripts without an extension).
 * `explicit` is true when the person named the file on the command line: then a `.txt` memo is read as
 * Markdown, since lab memos are usually Markdown saved as text.
 */
export function kindFromPath(filePath: string, firstLine = '', explicit = false): DocumentKind | undefined {
  const base = path.basename(filePath);
  const ext = path.extname(base).toLowerCase();
  if (isCorosyncConfPath(base)) return 'corosync';
  if (ext === '.conf' && path.basename(path.dirname(filePath)) === 'corosync') return 'corosync';
  if (SHELL_EXTENSIONS.has(ext)) return 'shell';
  if (MARKDOWN_EXTENSIONS.has(ext)) return 'markdown';
  if (/^#!.*\b(ba|k|z|da)?sh\b/.test(firstLine)) return 'shell';
  if (explicit && ext === '.txt') return 'markdown';
  return undefined;
}
