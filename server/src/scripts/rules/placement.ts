// pcs/cannot-run-anywhere (location constraints forbid every node) and pcs/constraint-loop
// (order or colocation constraints that form a cycle). Both are accepted by pcs and wrong.
import type { FoldContext } from '../../model/context';
import type { ConstraintInfo, ResourceInfo } from '../../model/types';
import { scoreNumber } from '../../pcs/values';
import * as l10n from '@vscode/l10n';

/** The resource a constraint on `id` really places: members of a group/clone follow their parent. */
function placedIds(model: FoldContext['model'], r: ResourceInfo): string[] {
  const ids = [r.id];
  let cur: ResourceInfo | undefined = r;
  while (cur) {
    const parent: string | undefined = cur.group ?? cur.clone;
    if (!parent) break;
    ids.push(parent);
    cur = model.resources.get(parent);
  }
  return ids;
}

export function placementRules(ctx: FoldContext): void {
  const model = ctx.model;
  const nodes = [...model.nodes.values()].filter((n) => n.member || n.remote).map((n) => n.name);
  const symmetric = model.properties.get('symmetric-cluster')?.value;
  const optIn = symmetric !== undefined && ['false', 'no', 'off', 'n', '0'].includes(symmetric.toLowerCase());
  const locationsOf = new Map<string, ConstraintInfo[]>();
  for (const c of model.constraints) {
    if (c.type !== 'location') continue;
    const list = locationsOf.get(c.rsc);
    if (list) list.push(c);
    else locationsOf.set(c.rsc, [c]);
  }
  if (nodes.length) {
    for (const r of model.resources.values()) {
      if (r.kind === 'stonith' || r.group || r.clone) continue;
      const ids = new Set(placedIds(model, r));
      const locs = [...ids].flatMap((id) => locationsOf.get(id) ?? []);
      if (locs.some((c) => c.rule)) continue;
      if (!locs.length && !optIn) continue;
      const allows = (n: string) => {
        const scores = locs
          .filter((c) => c.node === n || c.node?.split('.')[0] === n.split('.')[0])
          .map((c) => scoreNumber(c.score ?? '0'));
        if (scores.some((s) => s === -Infinity)) return false;
        return !optIn || scores.some((s) => s > 0 || s === Infinity);
      };
      // one node that allows it is enough (no list of every node per resource)
      if (nodes.some(allows)) continue;
      const last = locs[locs.length - 1];
      const anchor = last?.ref ?? r.decl;
      ctx.report(
        anchor.uri,
        anchor.range,
        'warning',
        'pcs/cannot-run-anywhere',
        (optIn
          ? l10n.t(
              "'{0}' can never run: the cluster is opt-in (symmetric-cluster=false) and no location constraint allows it on a node.",
              r.id,
            )
          : l10n.t("'{0}' can never run: location constraints forbid it (-INFINITY) on every node ({1}).", r.id, nodes.join(', '))) +
          ' ' +
          l10n.t('Pacemaker accepts this and leaves it stopped. Allow at least one node (prefers NODE) or remove a ban.'),
        undefined,
        locs.map((c) => c.ref),
      );
    }
  }
  reportLoops(
    ctx,
    model.constraints.filter((c) => c.type === 'order'),
    'order',
    'starts after itself: the cluster cannot order these starts and none of them is started as you intend',
  );
  reportLoops(
    ctx,
    model.constraints.filter((c) => c.type === 'colocation'),
    'colocation',
    'is placed relative to itself: the chain of colocations is circular and Pacemaker resolves it arbitrarily',
  );
}

function reportLoops(ctx: FoldContext, edges: ConstraintInfo[], kind: string, why: string): void {
  const graph = new Map<string, ConstraintInfo[]>();
  for (const e of edges) if (e.with && e.rsc !== e.with) graph.set(e.rsc, [...(graph.get(e.rsc) ?? []), e]);
  const state = new Map<string, 1 | 2>();
  const stack: ConstraintInfo[] = [];
  const reported = new Set<ConstraintInfo>();
  const visit = (node: string): void => {
    state.set(node, 1);
    for (const e of graph.get(node) ?? []) {
      const next = e.with!;
      if (state.get(next) === 1) {
        const start = stack.findIndex((s) => s.rsc === next);
        const cycle = [...stack.slice(start < 0 ? stack.length : start), e];
        const closing = cycle[cycle.length - 1];
        if (!reported.has(closing)) {
          reported.add(closing);
          const names = [...cycle.map((c) => c.rsc), next].join(' → ');
          ctx.report(
            closing.ref.uri,
            closing.ref.range,
            'warning',
            'pcs/constraint-loop',
            `This ${kind} constraint closes a loop (${names}): '${next}' ${why}. Remove one of the constraints in the loop.`,
            undefined,
            cycle.slice(0, -1).map((c) => c.ref),
          );
        }
      } else if (!state.get(next)) {
        stack.push(e);
        visit(next);
        stack.pop();
      }
    }
    state.set(node, 2);
  };
  for (const node of graph.keys()) if (!state.get(node)) visit(node);
}
