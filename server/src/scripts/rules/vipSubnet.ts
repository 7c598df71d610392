// pcs/vip-outside-subnets: an IPaddr2 address outside every subnet of the nodes' known addresses
// (corosync.conf, pcs cluster setup addr=, /etc/hosts heredocs). Without nic=, IPaddr2 picks the
// interface whose subnet holds the address and fails to start when none does; with nic= the address
// is added but the network does not route it to the node. Nodes may have interfaces the lab does not
// show, so this is information, not a warning.
import type { FoldContext } from '../../model/context';

/** Dotted-quad IPv4 to a number (a character loop: this runs for every IPaddr2 of the workspace on each edit). */
function ipv4(text: string): number | undefined {
  const t = text.trim();
  let value = 0;
  let part = -1;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i <= t.length; i++) {
    const c = i < t.length ? t.charCodeAt(i) : 46;
    if (c === 46 /* . */) {
      if (digits === 0 || part > 255) return undefined;
      value = value * 256 + part;
      part = -1;
      digits = 0;
      if (i < t.length && ++dots > 3) return undefined;
    } else if (c >= 48 && c <= 57 && digits < 3) {
      part = (part < 0 ? 0 : part * 10) + (c - 48);
      digits++;
    } else return undefined;
  }
  return dots === 3 ? value : undefined;
}

/** The network of an address (two addresses share a subnet when their networks are equal). */
function network(a: number, bits: number): number {
  if (bits <= 0) return 0;
  const mask = bits >= 32 ? 0xffffffff : (0xffffffff << (32 - bits)) >>> 0;
  return (a & mask) >>> 0;
}

export function vipSubnetRule(ctx: FoldContext): void {
  const model = ctx.model;
  // the nodes' addresses, parsed once per cluster (not once per resource: O(resources + nodes))
  interface Known {
    addresses: { node: string; ip: number | undefined; text: string }[];
    /** prefix length → the networks of the addresses */
    networks: Map<number, Set<number>>;
    shown?: string;
  }
  const byCluster = new Map<string | undefined, Known>();
  const knownOf = (cluster: string | undefined): Known => {
    let known = byCluster.get(cluster);
    if (!known) {
      const nodes = [...model.nodes.values()].filter((n) => (n.member || n.remote) && (!cluster || !n.cluster || n.cluster === cluster));
      const addresses = nodes
        .flatMap((n) => n.addresses.map((a) => ({ node: n.name, ip: ipv4(a), text: a })))
        .filter((a) => a.ip !== undefined);
      byCluster.set(cluster, (known = { addresses, networks: new Map() }));
    }
    return known;
  };
  const inSomeSubnet = (known: Known, vip: number, bits: number) => {
    let networks = known.networks.get(bits);
    if (!networks) known.networks.set(bits, (networks = new Set(known.addresses.map((a) => network(a.ip!, bits)))));
    return networks.has(network(vip, bits));
  };
  for (const r of model.resources.values()) {
    if (r.kind !== 'primitive' || !/(^|:)IPaddr2$/i.test(r.agent ?? '')) continue;
    // the nodes of this resource's cluster (all nodes when the workspace has one cluster)
    const known = knownOf(r.cluster || undefined);
    const addresses = known.addresses;
    if (!addresses.length) continue;
    const ipText = r.params.get('ip');
    const vip = ipText ? ipv4(ipText) : undefined;
    if (vip === undefined) continue;
    const given = Number(r.params.get('cidr_netmask'));
    const bits = Number.isInteger(given) && given > 0 && given <= 32 ? given : 24;
    if (inSomeSubnet(known, vip, bits)) continue;
    const shown = (known.shown ??= [...new Set(addresses.map((a) => `${a.node} ${a.text}`))].slice(0, 4).join(', '));
    ctx.report(
      r.decl.uri,
      r.decl.range,
      'information',
      'pcs/vip-outside-subnets',
      `The floating address ${ipText} is outside every /${bits} subnet of the nodes' known addresses (${shown}). ${r.params.has('nic') ? 'IPaddr2 will add it to the given nic, but nothing routes it to the node holding it' : 'IPaddr2 finds its interface by subnet and fails to start when no interface holds one'}. Use an address of the nodes' network${Number.isInteger(given) && given > 0 ? '' : ' and set cidr_netmask'}, unless the nodes have another interface the lab does not show.`,
    );
  }
}
