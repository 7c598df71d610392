// pcs/cannot-run-anywhere (location constraints forbid every node) and pcs/constraint-loop
// (order or colocation constraints that form a cycle). Both are accepted by pcs and wrong.
import type { FoldContext } from '../../model/context';
import type { ConstraintInfo } from '../../model/types';
import { scoreNumber } from '../../pcs/values';
import * as l10n from '@vscode/l10n';

/** A location constraint's node (short name) and score, parsed once per constraint object (the
 * model keeps unchanged constraints' objects between edits, so an edit parses only its own). */
const PLACEMENT = new WeakMap<ConstraintInfo, { short: string | undefined; score: number }>();
function placementOf(c: ConstraintInfo): { short: string | undefined; score: number } {
  let p = PLACEMENT.get(c);
  if (!p) PLACEMENT.set(c, (p = { short: c.node?.split('.')[0], score: scoreNumber(c.score ?? '0') }));
  return p;
}

/** Whether a location constraint of `locs` (or none, outside an opt-in cluster) lets one of the nodes run it. */
function someNodeAllows(locs: ConstraintInfo[], nodes: string[], shortNodes: string[], optIn: boolean): boolean {
  for (let i = 0; i < nodes.length; i++) {
    let banned = false;
    let positive = false;
    for (const c of locs) {
      const { short, score } = placementOf(c);
      if (c.node !== nodes[i] && short !== shortNodes[i]) continue;
      if (score === -Infinity) banned = true;
      else if (score > 0) positive = true;
    }
    if (!banned && (!optIn || positive)) return true;
  }
  return false;
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
    const shortNodes = nodes.map((n) => n.split('.')[0]);
    for (const r of model.resources.values()) {
      if (r.kind === 'stonith' || r.group || r.clone) continue;
      const locs = locationsOf.get(r.id) ?? [];
      if (locs.some((c) => c.rule)) continue;
      if (!locs.length && !optIn) continue;
      // one node that allows it is enough (no list of every node per resource)
      if (someNodeAllows(locs, nodes, shortNodes, optIn)) continue;
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
  for (const e of edges) {
    if (!e.with || e.rsc === e.with) continue;
    const list = graph.get(e.rsc);
    if (list) list.push(e);
    else graph.set(e.rsc, [e]);
  }
  const state = new Map<string, 1 | 2>();
  const stack: ConstraintInfo[] = [];
  const reported = new Set<ConstraintInfo>();
  const report = (e: ConstraintInfo, next: string) => {
    const start = stack.findIndex((s) => s.rsc === next);
    const cycle = [...stack.slice(start < 0 ? stack.length : start), e];
    const closing = cycle[cycle.length - 1];
    if (reported.has(closing)) return;
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
  };
  // depth-first, with an explicit stack: a chain of 100,000 order constraints must not overflow the call stack
  const visit = (root: string): void => {
    const frames: { node: string; next: number }[] = [{ node: root, next: 0 }];
    state.set(root, 1);
    while (frames.length) {
      const frame = frames[frames.length - 1];
      const edges = graph.get(frame.node) ?? [];
      if (frame.next >= edges.length) {
        state.set(frame.node, 2);
        frames.pop();
        stack.pop();
        continue;
      }
      const e = edges[frame.next++];
      const next = e.with!;
      if (state.get(next) === 1) report(e, next);
      else if (!state.get(next)) {
        stack.push(e);
        state.set(next, 1);
        frames.push({ node: next, next: 0 });
      }
    }
  };
  for (const node of graph.keys()) if (!state.get(node)) visit(node);
}
