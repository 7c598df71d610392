// The statements of a lab script or memo in file order, each with the nodes its prompt names, exactly
// as the run-on-node CodeLenses give them (prompts removed, continuation lines and heredocs kept
// together; lines that only change the shell are not statements). "Run up to here", "Run all blocks"
// and `lab verify` run these one by one. Pure: no I/O.
import { RUN_ON_NODE_COMMAND, runCodeLenses, type RunOnNodeArgs } from '../runOnNode/lenses';
import type { LanguageService } from '../service/languageService';

export type RunStep = RunOnNodeArgs;

/** Every statement's own lens (mode "all"), whatever the editor's pacemakerLab.run.lenses setting shows. */
export function documentSteps(service: LanguageService, uri: string): RunStep[] {
  const extract = service.scriptExtract(uri);
  if (!extract) return [];
  const byStart = new Map<string, RunStep>();
  for (const lens of runCodeLenses(extract, uri, 'all')) {
    if (lens.command?.command !== RUN_ON_NODE_COMMAND || !lens.command.arguments) continue;
    const args = lens.command.arguments[0] as RunOnNodeArgs | undefined;
    if (!args || args.kind === 'block') continue;
    const key = `${args.range.start.line}:${args.range.start.character}`;
    const known = byStart.get(key);
    // A statement has a lens naming its nodes and a "Run on…" one (nodes: null): keep the one naming nodes.
    if (!known || (known.nodes === null && args.nodes !== null)) byStart.set(key, { ...args, uri });
  }
  return [...byStart.values()].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
