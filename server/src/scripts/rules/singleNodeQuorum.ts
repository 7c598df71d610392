// pcs/no-quorum-ignore-single-node: in a one-node cluster the node always has quorum, so
// no-quorum-policy=ignore changes nothing; it starts to matter when a second node joins, and then it
// lets both halves of a split run the resources. Advice (the general pcs/no-quorum-ignore warning is
// not given for one node).
import type { FoldContext } from '../../model/context';
import * as l10n from '@vscode/l10n';

/** Full members, when the workspace describes one cluster (undefined when it describes several). */
export function singleClusterMembers(ctx: FoldContext): number | undefined {
  const members = [...ctx.model.nodes.values()].filter((n) => n.member);
  if (new Set(members.map((n) => n.cluster ?? '')).size > 1) return undefined;
  return members.length;
}

export function singleNodeQuorumRule(ctx: FoldContext): void {
  const policy = ctx.model.properties.get('no-quorum-policy');
  if (policy?.value !== 'ignore' || singleClusterMembers(ctx) !== 1) return;
  const node = [...ctx.model.nodes.values()].find((n) => n.member)!;
  ctx.report(
    policy.ref.uri,
    policy.ref.range,
    'information',
    'pcs/no-quorum-ignore-single-node',
    l10n.t(
      "'{0}' is the only node: it always has quorum, so no-quorum-policy=ignore changes nothing in this cluster. When a second node joins, it lets both halves of a split run the resources at once. Leave the default (stop).",
      node.name,
    ),
  );
}
