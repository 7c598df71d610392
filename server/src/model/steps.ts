// The steps of one extraction unit, in document order (pcs and targetcli lines parsed once per unit
// object, loop lines expanded per value, /etc/hosts heredocs), and whether an agent is promotable.
import type { Invocation, Word, WrittenFile } from '../base/types';
import { parsePcs, type PcsCommand } from '../pcs/grammar';
import { parseTargetcli, type TargetcliCommand } from '../targetcli/grammar';
import { loadAgentCatalog, type AgentCatalog } from '../agents/catalog';

/** Whether the agent has promote/demote actions (undefined when the catalog does not know it), cached per
 * catalog: a catalog swapped in (live metadata from a node) gets its own answers. */
const PROMOTABLE = new WeakMap<object, Map<string, boolean | undefined>>();
export function isPromotable(agent: string, kind: 'resource' | 'stonith'): boolean | undefined {
  let catalog: AgentCatalog;
  try {
    catalog = loadAgentCatalog();
  } catch {
    return undefined;
  }
  let cache = PROMOTABLE.get(catalog);
  if (!cache) PROMOTABLE.set(catalog, (cache = new Map()));
  const k = `${kind}\0${agent}`;
  if (!cache.has(k)) cache.set(k, promotable(catalog, agent, kind));
  return cache.get(k);
}

function promotable(catalog: AgentCatalog, agent: string, kind: 'resource' | 'stonith'): boolean | undefined {
  try {
    const found = catalog.resolve(agent, kind);
    if (found.kind !== 'found') return undefined;
    return found.agent.actions.some((a) => a.name === 'promote');
  } catch {
    return undefined;
  }
}

export type Step =
  | { kind: 'pcs'; inv: Invocation; cmd: PcsCommand }
  | { kind: 'targetcli'; inv: Invocation; cmd: TargetcliCommand }
  | { kind: 'other'; inv: Invocation }
  | { kind: 'hosts'; file: WrittenFile };

const STEP_CACHE = new WeakMap<object, Step[]>();
/** Expand a line written inside a loop (`pcs ... node$i`) into one line per loop value. */
export function expandInvocation(inv: Invocation): Invocation[] {
  let n = 0; // (a loop, not Math.max(...counts): a line of a million words would overflow the stack)
  for (const w of inv.argv) n = Math.max(n, w.values?.length ?? 0);
  if (n <= 1) {
    if (n === 1)
      return [{ ...inv, argv: inv.argv.map((w) => (w.values ? { ...w, text: w.values[0], values: undefined, dynamic: false } : w)) }];
    return [inv];
  }
  const out: Invocation[] = [];
  for (let k = 0; k < n; k++) {
    out.push({
      ...inv,
      argv: inv.argv.map((w): Word => (w.values ? { ...w, text: w.values[k % w.values.length], values: undefined, dynamic: false } : w)),
    });
  }
  return out;
}

/** Steps of one unit in document order, parsed once per unit object. */
export function unitSteps(unit: object, invocations: readonly Invocation[], files: readonly WrittenFile[]): Step[] {
  const cached = STEP_CACHE.get(unit);
  if (cached) return cached;
  const steps: { at: number; line: number; step: Step }[] = [];
  for (const inv of invocations) {
    for (const one of expandInvocation(inv)) {
      let step: Step;
      if (one.command === 'pcs') step = { kind: 'pcs', inv: one, cmd: parsePcs(one.argv) };
      else if (one.command === 'targetcli') step = { kind: 'targetcli', inv: one, cmd: parseTargetcli(one.argv) };
      else step = { kind: 'other', inv: one };
      steps.push({ line: one.range.start.line, at: one.range.start.character, step });
    }
  }
  for (const file of files) {
    if (file.path === '/etc/hosts')
      steps.push({ line: file.contentRange.start.line, at: file.contentRange.start.character, step: { kind: 'hosts', file } });
  }
  steps.sort((a, b) => a.line - b.line || a.at - b.at);
  const result = steps.map((s) => s.step);
  STEP_CACHE.set(unit, result);
  return result;
}
