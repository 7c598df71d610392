// `pcmk-lsp check [--format text|json|sarif] PATH...`: the editor's analysis for CI and terminals.
// The JSON output is a stable contract (see README): an array of
// { file, range, severity, code, message } with 0-based LSP positions.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LanguageService } from '../service/languageService';
import { labFileProblem, labFilesUnder, readLabFile, type LabFile } from '../service/workspaceFiles';
import type { SeverityName } from '../base/types';
import { byRangeStart } from '../base/position';
import { DIAGNOSTIC_SOURCE, severityName } from '../base/diagnostic';
import { toSarif } from './sarif';
import type { CheckFinding } from './findings';
import { applySafeFixes } from './fix';
import { ruleDocUrl } from './ruleDocsDir';
import { parseRuleLevels, type RuleLevel } from '../service/ruleControl';
import * as l10n from '@vscode/l10n';

export type { CheckFinding };

/** Collects the lab files named by `paths` (files are taken as given; folders are scanned). */
export async function collectFiles(paths: string[]): Promise<{ files: LabFile[]; problems: string[] }> {
  const files: LabFile[] = [];
  const problems: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(p);
    if (!fs.existsSync(abs) && !isSymlink(abs)) {
      problems.push(`${p}: ${l10n.t('no such file or folder')}`);
      continue;
    }
    if (isDirectory(abs)) {
      for await (const f of labFilesUnder(abs, (file, problem) =>
        problems.push(`${path.relative(process.cwd(), file) || file}: ${problem}`),
      ))
        files.push(f);
    } else {
      const f = readLabFile(abs, true);
      if (f) files.push(f);
      else problems.push(`${p}: ${labFileProblem(abs) ?? l10n.t('not a corosync.conf, shell script or Markdown file (nothing to check)')}`);
    }
  }
  return { files, problems };
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isSymlink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Analyses the files together (one workspace model) and returns the findings in file order. */
export async function checkFiles(
  files: LabFile[],
  service = new LanguageService(),
  options: { rules?: Record<string, RuleLevel>; fix?: boolean } = {},
): Promise<CheckFinding[]> {
  await service.init();
  service.configureRules(options.rules ?? {}, ruleDocUrl);
  for (const f of files) service.setDocument(pathToFileURL(f.path).toString(), f.kind, f.text, 0, true);
  if (options.fix) applySafeFixes(service, files);
  const findings: CheckFinding[] = [];
  for (const f of files) {
    const uri = pathToFileURL(f.path).toString();
    const diagnostics = [...diagnosticsOrNotAnalysed(service, uri)].sort(byRangeStart);
    for (const d of diagnostics) {
      findings.push({
        file: path.relative(process.cwd(), fileURLToPath(uri)) || f.path,
        range: d.range,
        severity: severityName(d),
        code: String(d.code ?? 'unknown'),
        message: d.message,
      });
    }
  }
  return findings;
}

/** Code of the finding that stands for a file the analysis failed on (docs/rules/files.md). */
export const NOT_ANALYSED = 'file/not-analysed';

/**
 * The diagnostics of one file; when the analysis throws (a bug, or an input nobody foresaw), one
 * warning naming the reason instead, and the file is dropped from the workspace model so the other
 * files are still checked.
 */
function diagnosticsOrNotAnalysed(service: LanguageService, uri: string): Diagnostic[] {
  try {
    // Parse alone first, so a file that cannot be read is blamed, not the model of all files.
    if (service.kindOf(uri) === 'corosync') service.corosyncFile(uri);
    else service.scriptExtract(uri);
    return service.diagnostics(uri);
  } catch (error) {
    service.removeDocument(uri);
    const reason = error instanceof Error ? error.message : String(error);
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 2,
        code: NOT_ANALYSED,
        source: DIAGNOSTIC_SOURCE,
        message: l10n.t('This file could not be analysed ({0}); nothing in it was checked.', reason),
      },
    ];
  }
}

export function formatText(findings: CheckFinding[]): string {
  const lines = findings.map(
    (f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} [${f.code}] ${f.message}`,
  );
  const count = (s: SeverityName) => findings.filter((f) => f.severity === s).length;
  lines.push(l10n.t('{0} error(s), {1} warning(s), {2} note(s)', count('error'), count('warning'), count('information') + count('hint')));
  return lines.join('\n') + '\n';
}

/** `file:line:col: severity: message [code]`, the form editors' quickfix lists read (as gcc prints). */
export function formatGcc(findings: CheckFinding[]): string {
  return findings
    .map(
      (f) =>
        `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity === 'information' ? 'note' : f.severity}: ${f.message.replace(/\r?\n/g, ' ')} [${f.code}]\n`,
    )
    .join('');
}

const usage = () =>
  l10n.t(
    'usage: {0}',
    'pcmk-lsp check [--format text|json|sarif|gcc] [--fix] [--rule CODE=off|error|warning|information|hint]... PATH...',
  ) + '\n';

export async function runCheckCli(args: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let format = 'text';
  let fix = false;
  const rules: Record<string, unknown> = {};
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format') format = args[++i] ?? '';
    else if (a.startsWith('--format=')) format = a.slice('--format='.length);
    else if (a === '--fix') fix = true;
    else if (a === '--rule' || a.startsWith('--rule=')) {
      const spec = a === '--rule' ? (args[++i] ?? '') : a.slice('--rule='.length);
      const eq = spec.lastIndexOf('=');
      if (eq <= 0) {
        err(`pcmk-lsp check: ${l10n.t('--rule takes CODE=LEVEL, e.g. {0} (got "{1}")', '--rule pcs/stonith-disabled=off', spec)}\n`);
        return 2;
      }
      rules[spec.slice(0, eq)] = spec.slice(eq + 1);
    } else if (a.startsWith('-')) {
      err(`pcmk-lsp check: ${l10n.t('unknown option {0}', a)}\n`);
      return 2;
    } else paths.push(a);
  }
  if (!['text', 'json', 'sarif', 'gcc'].includes(format)) {
    err(`pcmk-lsp check: ${l10n.t('--format must be text, json, sarif or gcc (got "{0}")', format)}\n`);
    return 2;
  }
  if (!paths.length) {
    err(usage());
    return 2;
  }
  const { levels, problems: ruleProblems } = parseRuleLevels(rules);
  if (ruleProblems.length) {
    for (const p of ruleProblems) err(`pcmk-lsp check: --${p}\n`);
    return 2;
  }
  const { files, problems } = await collectFiles(paths);
  for (const p of problems) err(`pcmk-lsp check: ${p}\n`);
  if (problems.length && !files.length) return 2;
  const findings = await checkFiles(files, undefined, { rules: levels, fix });
  if (format === 'json') out(JSON.stringify(findings, null, 2) + '\n');
  else if (format === 'gcc') out(formatGcc(findings));
  else if (format === 'sarif') out(JSON.stringify(toSarif(findings), null, 2) + '\n');
  else out(formatText(findings));
  const notAnalysed = findings.filter((f) => f.code === NOT_ANALYSED);
  for (const f of notAnalysed) err(`pcmk-lsp check: ${f.file}: ${f.message}\n`);
  return problems.length || notAnalysed.length || findings.some((f) => f.severity === 'error') ? 1 : 0;
}
