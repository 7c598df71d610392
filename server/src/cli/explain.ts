// `pcmk-lsp explain CODE`: prints a rule's documentation (its row of docs/rules/<family>.md).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findRuleDoc } from '../service/ruleDocs';
import { closest } from '../pcs/grammar';
import { ruleDocIndex, ruleDocsDir } from './ruleDocsDir';
import * as l10n from '@vscode/l10n';

export function runExplainCli(args: string[], out: (s: string) => void, err: (s: string) => void): number {
  const [code, ...extra] = args;
  if (!code || extra.length || code.startsWith('-')) {
    err(`${l10n.t('usage: {0}', 'pcmk-lsp explain CODE')}      ${l10n.t('e.g. {0}', 'pcmk-lsp explain pcs/stonith-disabled')}\n`);
    return 2;
  }
  const dir = ruleDocsDir();
  if (!dir) {
    err(`pcmk-lsp explain: ${l10n.t('the rules reference (docs/rules/) is not installed next to pcmk-lsp')}\n`);
    return 2;
  }
  const file = ruleDocIndex().get(code);
  const doc = file ? findRuleDoc(readOrEmpty(path.join(dir, file)), code) : undefined;
  if (!doc) {
    const guess = closest(code, [...ruleDocIndex().keys()]);
    const text = guess
      ? l10n.t("no rule '{0}'. Did you mean '{1}'? The codes are listed in {2}", code, guess, dir)
      : l10n.t("no rule '{0}'. The codes are listed in {1}", code, dir);
    err(`pcmk-lsp explain: ${text}\n`);
    return 2;
  }
  const lines = [`${doc.code} (${doc.page})`, ''];
  for (const [name, value] of Object.entries(doc.fields)) lines.push(`${name}: ${plain(value)}`);
  lines.push('', l10n.t('Reference: {0}', path.join(dir, file!)));
  out(lines.join('\n') + '\n');
  return 0;
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Markdown cell text for a terminal: code spans and links unwrapped. */
function plain(cell: string): string {
  return cell.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<br\s*\/?>/g, '\n  ');
}
