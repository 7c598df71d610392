// nodelist: the checks corosync makes on the members (explicit nodeids with knet, unique nodeids,
// the same links on every node, one IP family per link, names with several links) and the mistakes
// it accepts (duplicate names and addresses, a node without ring0_addr).
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CsKeyValue, CsSection } from '../ast';
import { ERROR, WARNING, diagnostic, ipFamily, parseInteger, type CsView, type NodeView } from './model';
import * as l10n from '@vscode/l10n';

const KNET_MAX_NODEID = 65536;

export function nodelistRules(view: CsView): Diagnostic[] {
  const out: Diagnostic[] = [];
  const nodes = view.nodes;
  const transport = view.transport;
  const members = nodes.filter((n) => n.links.has(0));
  const nodelist = view.sections.find((s) => s.path === 'nodelist')?.section;
  if (members.length === 0) out.push(noNodelist(view, nodelist));

  for (const node of nodes) {
    if (!node.links.has(0)) {
      out.push(
        diagnostic(
          node.section.nameRange,
          WARNING,
          'corosync/missing-ring0',
          l10n.t('This node has no `ring0_addr`, so corosync leaves it out of the membership. Every node needs `ring0_addr: ADDRESS`.'),
        ),
      );
    }
  }

  nodeids(view, members, out);
  links(members, transport, out);
  duplicates(members, out);
  return out;
}

function nodeids(view: CsView, members: NodeView[], out: Diagnostic[]): void {
  const knet = view.transport === 'knet';
  const used = new Map<string, CsKeyValue>();
  const values = new Set<bigint>();
  const valid: { node: NodeView; key: CsKeyValue; id: bigint }[] = [];
  for (const node of members) {
    const key = node.get('nodeid');
    const id = key ? parseInteger(key.value) : undefined;
    if (key && (id === undefined || id < 0n || id > 4294967295n)) continue; // invalid value reported elsewhere
    const ipv6 = [...node.links.values()].some((a) => ipFamily(a.value) === 6);
    if (!key || id === 0n) {
      const why = knet
        ? l10n.t('knet needs an explicit nodeid for every node ("{0}")', 'Knet requires an explicit nodeid')
        : ipv6
          ? l10n.t('an IPv6 node needs an explicit nodeid ("{0}")', 'An IPV6 network requires that a node ID be specified')
          : '';
      if (why) {
        const next = nextFree(
          values,
          members.map((m) => m.get('nodeid')).filter((k): k is CsKeyValue => !!k),
          1n,
        );
        const anchor = node.links.get(0)!;
        out.push(
          diagnostic(
            key ? key.valueRange : node.section.nameRange,
            ERROR,
            'corosync/missing-nodeid',
            (key
              ? l10n.t('nodeid 0 is reserved: {0}, so corosync refuses the file.', why)
              : l10n.t('This node has no nodeid: {0}, so corosync refuses the file.', why)) +
              ' ' +
              (knet
                ? l10n.t('Give it a unique `nodeid` ({0}).', `1..${KNET_MAX_NODEID - 1}`)
                : l10n.t('Give it a unique `nodeid` (1 or more).')),
            key
              ? [{ title: l10n.t('Use {0}', `nodeid ${next}`), edits: [{ range: key.valueRange, newText: String(next) }] }]
              : [
                  {
                    title: l10n.t('Add {0}', `nodeid: ${next}`),
                    edits: [
                      {
                        range: { start: anchor.range.end, end: anchor.range.end },
                        newText: `\n${' '.repeat(anchor.range.start.character)}nodeid: ${next}`,
                      },
                    ],
                  },
                ],
          ),
        );
      }
      continue;
    }
    if (knet && id! >= BigInt(KNET_MAX_NODEID)) {
      out.push(
        diagnostic(
          key.valueRange,
          ERROR,
          'corosync/invalid-nodeid',
          l10n.t(
            'nodeid {0} is too large for knet: corosync refuses the file ("{1}"). Use {2}.',
            String(id),
            `Knet requires nodeid to be less than ${KNET_MAX_NODEID}`,
            `1..${KNET_MAX_NODEID - 1}`,
          ),
        ),
      );
      continue;
    }
    values.add(id!);
    valid.push({ node, key, id: id! });
  }
  for (const { key, id } of valid) {
    const first = used.get(String(id));
    if (!first) {
      used.set(String(id), key);
      continue;
    }
    const next = nextFree(values, [], id + 1n);
    values.add(next);
    out.push(
      diagnostic(
        key.valueRange,
        ERROR,
        'corosync/duplicate-nodeid',
        l10n.t(
          'Nodeid {0} is already used at line {1}: corosync refuses the file ("{2}"). Every node needs its own nodeid.',
          String(id),
          first.range.start.line + 1,
          `Nodeid ${id} appears twice in corosync.conf`,
        ),
        [{ title: l10n.t('Renumber to {0} (next free nodeid)', String(next)), edits: [{ range: key.valueRange, newText: String(next) }] }],
      ),
    );
  }
}

function nextFree(values: Set<bigint>, extra: CsKeyValue[], from: bigint): bigint {
  const taken = new Set(values);
  for (const k of extra) {
    const n = parseInteger(k.value);
    if (n !== undefined) taken.add(n);
  }
  let n = from < 1n ? 1n : from;
  while (taken.has(n)) n++;
  return n;
}

function links(members: NodeView[], transport: string, out: Diagnostic[]): void {
  if (members.length === 0) return;
  const allLinks = new Set<number>();
  for (const n of members) for (const l of n.links.keys()) allLinks.add(l);
  // Same links on every node.
  for (const link of [...allLinks].sort()) {
    const having = members.filter((n) => n.links.has(link));
    if (having.length === members.length) continue;
    const example = having[0].links.get(link)!;
    for (const n of members) {
      if (n.links.has(link)) continue;
      const name = n.get('name')?.value;
      out.push(
        diagnostic(
          n.section.nameRange,
          ERROR,
          'corosync/link-mismatch',
          (name
            ? having.length === 1
              ? l10n.t(
                  'Node `{0}` has no `{1}`, but another node has one (line {2}):',
                  name,
                  `ring${link}_addr`,
                  example.range.start.line + 1,
                )
              : l10n.t(
                  'Node `{0}` has no `{1}`, but {2} other nodes have one (line {3}):',
                  name,
                  `ring${link}_addr`,
                  having.length,
                  example.range.start.line + 1,
                )
            : having.length === 1
              ? l10n.t('Node has no `{0}`, but another node has one (line {1}):', `ring${link}_addr`, example.range.start.line + 1)
              : l10n.t(
                  'Node has no `{0}`, but {1} other nodes have one (line {2}):',
                  `ring${link}_addr`,
                  having.length,
                  example.range.start.line + 1,
                )) +
            ' ' +
            l10n.t(
              'corosync refuses a link that is not on every node ("{0}"). Add `{1}` to every node, or remove it everywhere.',
              'Not all nodes have the same number of links',
              `ring${link}_addr`,
            ),
        ),
      );
    }
  }
  // Several links need names to find the local node (any transport); udp and udpu then refuse the
  // second link anyway.
  const transportKnown = ['knet', 'udp', 'udpu'].includes(transport);
  const unnamed = allLinks.size > 1 && transportKnown ? members.filter((n) => !n.get('name')) : [];
  for (const n of unnamed) {
    out.push(
      diagnostic(
        n.section.nameRange,
        ERROR,
        'corosync/multilink-name',
        l10n.t(
          'With more than one link every node needs a `name`: corosync refuses the file ("{0}"). Add `name: HOSTNAME`.',
          "for a multi-link configuration, all nodes must have a 'name' attribute",
        ) +
          (transport !== 'knet'
            ? ' ' + l10n.t('(Transport {0} has one link only: remove the `ring1_addr` lines, or use knet.)', transport)
            : ''),
      ),
    );
  }
  if (allLinks.size > 1 && transportKnown && transport !== 'knet' && !unnamed.length) {
    const extra = [...allLinks].filter((l) => l > 0).sort((a, b) => a - b)[0]!;
    const first = members.find((n) => n.links.has(extra))!.links.get(extra)!;
    out.push(
      diagnostic(
        first.range,
        ERROR,
        'corosync/too-many-links',
        l10n.t(
          'Transport {0} has a single link, but the nodes have {1}: corosync refuses the file ("{2}"). Use `transport: knet` for redundant links (corosync 2\'s rrp_mode rings are knet links in corosync 3), or remove the `ringN_addr` lines above 0.',
          transport,
          allLinks.size,
          `${allLinks.size} is too many configured interfaces for non-Knet transport.`,
        ),
      ),
    );
  }
  // One IP family per link.
  for (const link of allLinks) {
    let first: { family: 4 | 6; key: CsKeyValue } | undefined;
    for (const n of members) {
      const key = n.links.get(link);
      const family = key ? ipFamily(key.value) : undefined;
      if (!key || !family) continue;
      if (!first) first = { family, key };
      else if (family !== first.family) {
        out.push(
          diagnostic(
            key.valueRange,
            ERROR,
            'corosync/mixed-ip-family',
            l10n.t(
              'Link {0} mixes IPv{1} (line {2}) and IPv{3} addresses: corosync refuses the file ("{4}"). Use one family per link.',
              link,
              first.family,
              first.key.range.start.line + 1,
              family,
              `Nodes for link ${link} have different IP families`,
            ),
          ),
        );
      }
    }
  }
}

function duplicates(members: NodeView[], out: Diagnostic[]): void {
  const names = new Map<string, CsKeyValue>();
  const addresses = new Map<string, CsKeyValue>();
  for (const n of members) {
    const name = n.get('name');
    if (name && name.value) {
      const first = names.get(name.value);
      if (first) {
        out.push(
          diagnostic(
            name.valueRange,
            WARNING,
            'corosync/duplicate-node-name',
            l10n.t(
              'Node name `{0}` is already used at line {1}: corosync accepts it, but it cannot tell the nodes apart when it looks for the local node, and Pacemaker sees one node. Give each node its own name.',
              name.value,
              first.range.start.line + 1,
            ),
          ),
        );
      } else names.set(name.value, name);
    }
    for (const [link, addr] of n.links) {
      const id = `${link}\u0000${addr.value.toLowerCase()}`;
      const first = addresses.get(id);
      if (first) {
        out.push(
          diagnostic(
            addr.valueRange,
            WARNING,
            'corosync/duplicate-node-address',
            l10n.t(
              "Address {0} on link {1} is already used by another node (line {2}): corosync accepts it, but the two nodes cannot both be reached. Use each node's own address.",
              addr.value,
              link,
              first.range.start.line + 1,
            ),
          ),
        );
      } else addresses.set(id, addr);
    }
  }
}

/**
 * No node with ring0_addr: corosync 3 needs a nodelist (corosync 1 and 2 could find the members by
 * multicast from `interface { bindnetaddr mcastaddr }`, or from `member { memberaddr }`).
 */
function noNodelist(view: CsView, nodelist: CsSection | undefined): Diagnostic {
  const totem = view.sections.find((s) => s.path === 'totem')?.section;
  const at = nodelist?.nameRange ?? totem?.nameRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  // What corosync 3.1 prints: an interface block that sets anything besides its number makes a
  // link, and corosync then looks for the local node in the (missing) nodelist; otherwise it finds
  // no link at all.
  const configured = view.interfaces.some((s) =>
    s.children.some((c) => c.type === 'key' && c.key !== 'linknumber' && c.key !== 'ringnumber'),
  );
  const quote = configured ? 'No valid name found for local host' : 'No interfaces defined';
  const members: string[] = [];
  for (const { section, path } of view.sections) {
    if (path !== 'totem.interface.member') continue;
    for (const c of section.children)
      if (c.type === 'key' && c.key === 'memberaddr' && c.value && !members.includes(c.value.replace(/\s+#.*$/, '')))
        members.push(c.value.replace(/\s+#.*$/, ''));
  }
  const legacy = view.interfaces.length > 0;
  const entries = (members.length ? members : ['ADDRESS_OF_NODE1', 'ADDRESS_OF_NODE2']).map((a, i) => ({ addr: a, id: i + 1 }));
  const block = (indent: string) =>
    `nodelist {\n${entries.map((e) => `${indent}node {\n${indent}${indent}ring0_addr: ${e.addr}\n${indent}${indent}nodeid: ${e.id}\n${indent}}\n`).join('')}}\n`;
  const inline = `nodelist { ${entries.map((e) => `node { ring0_addr: ${e.addr}  nodeid: ${e.id} }`).join(' ')} }`;
  const message = nodelist
    ? l10n.t(
        'No node in the nodelist has a `ring0_addr`: corosync 3 refuses the file ("{0}"). Add one `node { ring0_addr: ADDRESS  nodeid: N  name: NAME }` block per member.',
        quote,
      )
    : l10n.t('corosync 3 needs a nodelist: it refuses the file ("{0}").', quote) +
      (legacy
        ? ' ' +
          l10n.t(
            'corosync 1 and 2 could find members by multicast (`bindnetaddr`/`mcastaddr`) or from `member` blocks; corosync 3 reads members only from the nodelist.',
          )
        : '') +
      ' ' +
      (members.length
        ? l10n.t('Add the members listed in the `member` blocks: `{0}`.', inline)
        : l10n.t("Add one `node` per member: `{0}` (with each node's address).", inline));
  const fixes =
    !nodelist && totem?.closeBraceRange
      ? [
          {
            title: members.length
              ? members.length > 1
                ? l10n.t('Add a nodelist with the {0} member addresses', members.length)
                : l10n.t('Add a nodelist with the 1 member address')
              : l10n.t("Add a nodelist skeleton (then write each node's address)"),
            edits: [
              { range: { start: totem.closeBraceRange.end, end: totem.closeBraceRange.end }, newText: `\n\n${block('    ').trimEnd()}` },
            ],
          },
        ]
      : undefined;
  return diagnostic(at, ERROR, 'corosync/no-nodes', message, fixes);
}
