// pcs/fence-shared-address: two fence devices of a per-machine management board agent (IPMI, iLO,
// iDRAC, IMM, Redfish, AMT) pointing at the same address and port but fencing different nodes. One
// board powers one machine: fencing one of those nodes resets whichever machine owns the board. pcs
// accepts it. Chassis and hypervisor agents (fence_apc, fence_xvm, fence_vmware_soap...) legitimately
// share an address and are not checked; virtual BMCs on one host differ by ipport and are not flagged.
import type { FoldContext } from '../../model/context';
import type { ResourceInfo } from '../../model/types';
import * as l10n from '@vscode/l10n';

const BOARD_AGENTS =
  /(^|:)fence_(ipmilan|ipmilanplus|ipmitool|idrac|ilo[2-5]?|ilo[2-5]?_ssh|ilo_ssh|ilo_mp|ilo_moonshot|imm|drac5|redfish|amt|amt_ws)$/;

function targets(r: ResourceInfo): string {
  const list = r.params.get('pcmk_host_list') ?? r.params.get('pcmk_host_map') ?? r.params.get('plug') ?? r.params.get('port') ?? '';
  return list
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((t) => t.split(':')[0])
    .sort()
    .join(' ');
}

export function fenceSharedAddressRule(ctx: FoldContext): void {
  const byAddress = new Map<string, ResourceInfo[]>();
  for (const r of ctx.model.resources.values()) {
    if (r.kind !== 'stonith' || !r.agent || !BOARD_AGENTS.test(r.agent)) continue;
    const address = r.params.get('ip') ?? r.params.get('ipaddr') ?? r.params.get('hostname');
    if (!address || address.includes('$')) continue;
    const key = `${address.toLowerCase()}\u0000${r.params.get('ipport') ?? ''}`;
    byAddress.set(key, [...(byAddress.get(key) ?? []), r]);
  }
  for (const list of byAddress.values()) {
    if (list.length < 2) continue;
    const first = list[0];
    for (const other of list.slice(1)) {
      const a = targets(first);
      const b = targets(other);
      if (a && a === b) continue;
      const address = other.params.get('ip') ?? other.params.get('ipaddr') ?? other.params.get('hostname');
      ctx.report(
        other.decl.uri,
        other.decl.range,
        'warning',
        'pcs/fence-shared-address',
        l10n.t(
          "'{0}'{1} and '{2}'{3} use the same management board {4}: one board powers one machine, so fencing {5} resets the machine that owns it{6}, and the node that failed keeps running. Give each node's device its own board address.",
          other.id,
          b ? ' ' + l10n.t('(for {0})', b) : '',
          first.id,
          a ? ' ' + l10n.t('(for {0})', a) : '',
          `${address}${other.params.get('ipport') ? `:${other.params.get('ipport')}` : ''}`,
          b || l10n.t('this node'),
          a ? ` (${a})` : '',
        ),
        undefined,
        [first.decl],
      );
    }
  }
}
