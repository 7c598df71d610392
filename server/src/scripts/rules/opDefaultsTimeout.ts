// pcs/op-defaults-timeout-short: `pcs resource op defaults [update] timeout=T` applies to every
// operation without its own timeout (an `op monitor interval=30s` written without timeout=, and start/
// stop of resources created with --no-default-ops). When T is below what the agent advises for such an
// operation, Pacemaker kills the action as failed while it is still working. pcs accepts it.
import type { FoldContext } from '../../model/context';
import type { ResourceInfo } from '../../model/types';
import { loadAgentCatalog } from '../../agents/catalog';
import type { AgentAction } from '../../agents/types';
import { durationMs } from '../../agents/words';
import * as l10n from '@vscode/l10n';

function advised(actions: AgentAction[], name: string, role: string | undefined): AgentAction | undefined {
  const same = actions.filter((a) => a.name === name && a.timeout);
  return (role && same.find((a) => a.role?.toLowerCase() === role.toLowerCase())) || same.find((a) => !a.role) || same[0];
}

/** Operations of `r` that run with the op defaults timeout: [action, role]. */
function defaultedOps(r: ResourceInfo): [string, string | undefined][] {
  const out: [string, string | undefined][] = [];
  for (const op of r.ops) if (!op.options.has('timeout')) out.push([op.name, op.options.get('role')]);
  if (/(^|\s)--no-default-ops(\s|$)/.test(r.createdBy)) {
    for (const action of ['start', 'stop']) if (!r.ops.some((o) => o.name === action)) out.push([action, undefined]);
  }
  return out;
}

export function opDefaultsTimeoutRule(ctx: FoldContext): void {
  const setting = ctx.model.properties.get('#op-defaults:timeout');
  const value = durationMs(setting?.value);
  if (!setting || value === undefined) return;
  let catalog;
  try {
    catalog = loadAgentCatalog();
  } catch {
    return;
  }
  const short: string[] = [];
  let highest = 0;
  let highestText = '';
  for (const r of ctx.model.resources.values()) {
    if ((r.kind !== 'primitive' && r.kind !== 'stonith') || !r.agent) continue;
    const resolution = catalog.resolve(r.agent, r.kind === 'stonith' ? 'stonith' : 'resource');
    if (resolution.kind !== 'found') continue;
    for (const [name, role] of defaultedOps(r)) {
      const action = advised(resolution.agent.actions, name, role);
      const wanted = durationMs(action?.timeout);
      if (wanted === undefined || value >= wanted) continue;
      short.push(l10n.t("'{0}' {1}: {2} advises {3}", r.id, `${name}${role ? ` (${role})` : ''}`, resolution.agent.id, action!.timeout!));
      if (wanted > highest) {
        highest = wanted;
        highestText = action!.timeout!;
      }
    }
  }
  if (!short.length) return;
  const range = setting.ref.range;
  const valueRange = { start: { line: range.start.line, character: range.end.character - setting.value.length }, end: range.end };
  ctx.report(
    setting.ref.uri,
    range,
    'warning',
    'pcs/op-defaults-timeout-short',
    l10n.t(
      'The default operation timeout {0} is shorter than the agents advise for operations that use it ({1}): those actions are killed as failed while still working. Use {2} or more, or give those operations their own timeout.',
      setting.value,
      short.slice(0, 4).join('; ') + (short.length > 4 ? '; ' + l10n.t('and {0} more', short.length - 4) : ''),
      `timeout=${highestText}`,
    ),
    [{ title: l10n.t('Use {0}', `timeout=${highestText}`), edits: [{ range: valueRange, newText: highestText }] }],
  );
}
