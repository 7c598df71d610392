// pcs/ipaddr2-clusterip: an IPaddr2 clone with globally-unique=true runs the address on several nodes
// at once through the iptables CLUSTERIP target. CLUSTERIP does not work with the nftables backend and
// was removed from the Linux kernel in 2023, so on current distributions the clone fails to start.
// pcs accepts it.
import type { FoldContext } from '../../model/context';
import { isPcmkBoolean, isPcmkFalse } from '../../pcs/values';
import * as l10n from '@vscode/l10n';

const truthy = (v: string | undefined) => v !== undefined && isPcmkBoolean(v) && !isPcmkFalse(v);

export function clusterIpRule(ctx: FoldContext): void {
  const model = ctx.model;
  for (const clone of model.resources.values()) {
    if (clone.kind !== 'clone') continue;
    const child = model.resources.get(clone.members[0] ?? '');
    if (!child) continue;
    const ips =
      child.kind === 'group'
        ? child.members.map((m) => model.resources.get(m)).filter((m) => m && /(^|:)IPaddr2$/i.test(m.agent ?? ''))
        : /(^|:)IPaddr2$/i.test(child.agent ?? '')
          ? [child]
          : [];
    if (!ips.length) continue;
    if (!truthy(clone.meta.get('globally-unique')) && !truthy(child.meta.get('globally-unique'))) continue;
    ctx.report(
      clone.decl.uri,
      clone.decl.range,
      'warning',
      'pcs/ipaddr2-clusterip',
      l10n.t(
        "'{0}' clones IPaddr2 '{1}' with globally-unique=true: the address is shared by several nodes through the iptables CLUSTERIP target, which fails with the nftables backend and was removed from the Linux kernel in 2023. On current distributions the clone does not start. Keep one (uncloned) IPaddr2, or put a load balancer (IPVS, HAProxy) behind it.",
        clone.id,
        ips[0]!.id,
      ),
    );
  }
}
