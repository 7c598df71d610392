// totem: version, crypto, timeouts and interface blocks. The timeout checks follow corosync's own
// computation (token grows by token_coefficient per node beyond two; token_retransmit, hold and
// consensus derive from it when unset) so a file is flagged exactly when corosync refuses it.
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { CsKeyValue } from '../ast';
import { ERROR, WARNING, INFORMATION, diagnostic, keysOf, parseInteger, type CsView } from './model';
import * as l10n from '@vscode/l10n';

const MINIMUM_TIMEOUT = 30;
const MINIMUM_HOLD = 14; // MINIMUM_TIMEOUT * 0.8 - 1000/HZ, as corosync computes it
const KNET_LINKS = 8;

export function totemRules(view: CsView): Diagnostic[] {
  const out: Diagnostic[] = [];
  const totemSection = view.sections.find((s) => s.path === 'totem')?.section;
  const version = view.get('totem', 'version');
  const fileStart: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (!version) {
    out.push(
      diagnostic(
        totemSection ? totemSection.nameRange : fileStart,
        ERROR,
        'corosync/version',
        totemSection
          ? l10n.t(
              '`totem` has no `version`: corosync refuses the file ("{0}"). Add `version: 2`.',
              'This totem parser can only parse version 2 configurations',
            )
          : l10n.t(
              'No `totem` section: corosync refuses the file ("{0}"). Add `totem { version: 2 cluster_name: NAME }`.',
              'This totem parser can only parse version 2 configurations',
            ),
        totemSection && totemSection.children.length
          ? [
              {
                title: l10n.t('Add {0}', 'version: 2'),
                edits: [
                  {
                    range: { start: lineStart(totemSection.children[0]), end: lineStart(totemSection.children[0]) },
                    newText: `${indentOf(totemSection.children[0])}version: 2\n`,
                  },
                ],
              },
            ]
          : undefined,
      ),
    );
  } else {
    const n = parseInteger(version.value);
    if (n !== undefined && n >= 0n && n <= 4294967295n && n !== 2n) {
      out.push(
        diagnostic(
          version.valueRange,
          ERROR,
          'corosync/version',
          l10n.t(
            '`{0}`: corosync 3 only reads version 2 configurations and refuses the file. Write `version: 2`.',
            `version: ${version.value}`,
          ),
          [{ title: l10n.t('Write {0}', 'version: 2'), edits: [{ range: version.valueRange, newText: '2' }] }],
        ),
      );
    }
  }
  crypto(view, out);
  timeouts(view, out);
  interfaces(view, out);
  deprecated(view, out);
  return out;
}

function lineStart(n: { range: Range }) {
  return { line: n.range.start.line, character: 0 };
}
function indentOf(n: { range: Range }) {
  return ' '.repeat(n.range.start.character);
}

function crypto(view: CsView, out: Diagnostic[]): void {
  const secauth = view.get('totem', 'secauth');
  const cipherKey = view.get('totem', 'crypto_cipher');
  const hashKey = view.get('totem', 'crypto_hash');
  const ciphers = ['none', 'aes256', 'aes192', 'aes128'];
  const hashes = ['none', 'md5', 'sha1', 'sha256', 'sha384', 'sha512'];
  let cipher = secauth?.value === 'on' ? 'aes256' : 'none';
  let hash = secauth?.value === 'on' ? 'sha256' : 'none';
  if (cipherKey && ciphers.includes(cipherKey.value)) cipher = cipherKey.value;
  if (hashKey && hashes.includes(hashKey.value)) hash = hashKey.value;
  const culprit = cipherKey ?? secauth;
  // A cipher or hash corosync refuses is reported by the value rules; what it would imply is moot.
  const refusedValue = (cipherKey && !ciphers.includes(cipherKey.value)) || (hashKey && !hashes.includes(hashKey.value));
  if (refusedValue) return;
  if (cipher !== 'none' && hash === 'none' && culprit) {
    out.push(
      diagnostic(
        culprit.range,
        ERROR,
        'corosync/crypto-hash-required',
        l10n.t(
          'Encryption ({0}) without authentication: corosync refuses the file ("{1}"). Set `crypto_hash: sha256` (or another hash).',
          cipher,
          'crypto_cipher requires crypto_hash with value other than none',
        ),
        hashKey
          ? [{ title: l10n.t('Use {0}', 'crypto_hash: sha256'), edits: [{ range: hashKey.valueRange, newText: 'sha256' }] }]
          : [
              {
                title: l10n.t('Add {0}', 'crypto_hash: sha256'),
                edits: [
                  { range: { start: culprit.range.end, end: culprit.range.end }, newText: `\n${indentOf(culprit)}crypto_hash: sha256` },
                ],
              },
            ],
      ),
    );
  }
  if (view.transportValid && view.transport !== 'knet' && (cipher !== 'none' || hash !== 'none')) {
    const at = [cipherKey, hashKey, secauth].find((k) => k && k.value !== 'none' && k.value !== 'off') ?? cipherKey ?? hashKey ?? secauth;
    if (at) {
      out.push(
        diagnostic(
          at.range,
          ERROR,
          'corosync/crypto-transport',
          l10n.t(
            'Crypto with transport `{0}`: corosync refuses the file ("{1}"). Use `transport: knet`, or set crypto_cipher and crypto_hash to none.',
            view.transport,
            'crypto_cipher & crypto_hash are only valid for the Knet transport',
          ),
        ),
      );
    }
  }
}

interface Timing {
  key?: CsKeyValue;
  value: number;
}

function timeouts(view: CsView, out: Diagnostic[]): void {
  const read = (name: string, fallback: number): Timing | null => {
    const key = view.get('totem', name);
    if (!key) return { value: fallback };
    const n = parseInteger(key.value);
    if (n === undefined || n < 0n || n > 4294967295n) return null; // reported as an invalid value
    // corosync treats 0 as "not set" for these timeouts
    return n === 0n ? { value: fallback } : { key, value: Number(n) };
  };
  const members = view.nodes.filter((n) => n.links.has(0)).length;
  const token = read('token', 3000);
  const coefficient = read('token_coefficient', 650);
  const retransmits = read('token_retransmits_before_loss_const', 4);
  if (!token || !coefficient || !retransmits) return;
  const coefficientKey = view.get('totem', 'token_coefficient');
  const coefficientValue = coefficientKey && parseInteger(coefficientKey.value) === 0n ? 0 : coefficient.value;
  const effectiveToken = token.value + (members > 2 ? (members - 2) * coefficientValue : 0);
  const tokenRange = token.key?.range ?? view.sections.find((s) => s.path === 'totem')?.section.nameRange;
  const problems: { at?: Range; text: string }[] = [];
  const check = (t: Timing | null, what: string, min: number, at?: Range) => {
    if (t && t.value < min)
      problems.push({ at: t.key?.range ?? at, text: l10n.t('{0} ({1} ms) may not be less than {2} ms', what, t.value, min) });
  };
  check(read('max_network_delay', 50), 'max_network_delay', MINIMUM_TIMEOUT);
  if (effectiveToken < MINIMUM_TIMEOUT) {
    problems.push({
      at: tokenRange,
      text: l10n.t('the token timeout ({0} ms) may not be less than {1} ms', effectiveToken, MINIMUM_TIMEOUT),
    });
  }
  const warningKey = view.get('totem', 'token_warning');
  const warning = warningKey ? parseInteger(warningKey.value) : undefined;
  if (warningKey && warning !== undefined && warning > 100n && warning <= 4294967295n) {
    problems.push({ at: warningKey.range, text: l10n.t('token_warning ({0}%) must be between 0 (disabled) and 100', String(warning)) });
  }
  const retransmitSet = read('token_retransmit', 0);
  if (!retransmitSet) return;
  // corosync checks the token first and stops there: values derived from a refused token are not
  // reported a second time.
  const tokenRefused = effectiveToken < MINIMUM_TIMEOUT;
  const retransmit = retransmitSet.key ? retransmitSet.value : Math.trunc(effectiveToken / (retransmits.value + 0.2));
  if (retransmit < MINIMUM_TIMEOUT && (retransmitSet.key || !tokenRefused)) {
    problems.push({
      at: retransmitSet.key?.range ?? retransmits.key?.range ?? tokenRange,
      text: retransmitSet.key
        ? l10n.t('{0} ({1} ms) may not be less than {2} ms', 'token_retransmit', retransmit, MINIMUM_TIMEOUT)
        : l10n.t(
            'token / (token_retransmits_before_loss_const + 0.2) gives a token retransmit timeout of {0} ms, below the minimum of {1} ms ("{2}")',
            retransmit,
            MINIMUM_TIMEOUT,
            'Not appropriate token or token_retransmits_before_loss_const value set',
          ),
    });
  }
  const holdSet = read('hold', 0);
  if (holdSet) {
    const hold = holdSet.key ? holdSet.value : Math.trunc(retransmit * 0.8 - 10);
    if (hold < MINIMUM_HOLD && (holdSet.key || (retransmit >= MINIMUM_TIMEOUT && !tokenRefused))) {
      problems.push({
        at: holdSet.key?.range ?? tokenRange,
        text: l10n.t('the token hold timeout ({0} ms) may not be less than {1} ms', hold, MINIMUM_HOLD),
      });
    }
  }
  const join = read('join', 50);
  check(join, 'join', MINIMUM_TIMEOUT);
  const consensusSet = read('consensus', 0);
  if (consensusSet && join) {
    const consensus = consensusSet.key ? consensusSet.value : Math.trunc(1.2 * effectiveToken);
    const at = consensusSet.key?.range ?? tokenRange;
    if (!consensusSet.key && tokenRefused) {
      // derived from the refused token: already reported
    } else if (consensus < MINIMUM_TIMEOUT)
      problems.push({ at, text: l10n.t('{0} ({1} ms) may not be less than {2} ms', 'consensus', consensus, MINIMUM_TIMEOUT) });
    else if (consensus < join.value) {
      problems.push({
        at: consensusSet.key?.range ?? join.key?.range ?? at,
        text: l10n.t('consensus ({0} ms) may not be less than join ({1} ms)', consensus, join.value),
      });
    }
  }
  check(read('merge', 200), 'merge', MINIMUM_TIMEOUT);
  check(read('downcheck', 1000), 'downcheck', MINIMUM_TIMEOUT);
  const fallbackRange = tokenRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  for (const p of problems) {
    out.push(
      diagnostic(
        p.at ?? fallbackRange,
        ERROR,
        'corosync/timeout-minimum',
        l10n.t('Totem timing: {0}; corosync refuses the file. Raise the value (timeouts are in milliseconds).', p.text),
      ),
    );
  }
}

function interfaces(view: CsView, out: Diagnostic[]): void {
  const transport = view.transport;
  const seen = new Map<number, CsKeyValue | undefined>();
  const hasNodelist = view.nodes.some((n) => n.links.size > 0);
  const members = view.nodes.filter((n) => n.links.has(0));
  for (const section of view.interfaces) {
    const keys = keysOf(section);
    const last = (name: string) => keys.get(name)?.at(-1);
    const linkKey = last('linknumber');
    const link = linkKey ? parseInteger(linkKey.value) : 0n;
    if (link === undefined || link < 0n || link > 255n) continue; // invalid value reported elsewhere
    const linkNo = Number(link);
    const at = linkKey?.range ?? section.nameRange;
    // corosync counts an interface block as a configured link once it sets anything besides
    // `linknumber`; a configured link that the nodes have no address for is refused.
    const settings = section.children.some((c) => c.type === 'key' && c.key !== 'linknumber' && c.key !== 'ringnumber');
    const lacking = members.filter((n) => !n.links.has(linkNo));
    if (linkNo > 0 && settings && hasNodelist && lacking.length && view.transportValid && !(transport === 'knet' && linkNo >= KNET_LINKS)) {
      out.push(
        diagnostic(
          at,
          ERROR,
          'corosync/link-mismatch',
          (lacking.length === members.length
            ? l10n.t('This interface block configures link {0}, but no node has `{1}`:', linkNo, `ring${linkNo}_addr`)
            : lacking.length > 1
              ? l10n.t(
                  'This interface block configures link {0}, but {1} nodes have no `{2}`:',
                  linkNo,
                  lacking.length,
                  `ring${linkNo}_addr`,
                )
              : l10n.t('This interface block configures link {0}, but 1 node has no `{1}`:', linkNo, `ring${linkNo}_addr`)) +
            ' ' +
            l10n.t(
              'corosync refuses the file ("{0}"). Add `{1}` to every node, or remove this block.',
              'Not all nodes have the same number of links',
              `ring${linkNo}_addr`,
            ),
        ),
      );
    } else if (transport === 'knet' && linkNo >= KNET_LINKS) {
      out.push(
        diagnostic(
          at,
          WARNING,
          'corosync/interface',
          l10n.t('Link {0} does not exist: knet has links 0..7, so corosync ignores this interface block.', linkNo),
        ),
      );
    } else if (view.transportValid && transport !== 'knet' && linkNo !== 0) {
      out.push(
        diagnostic(
          at,
          WARNING,
          'corosync/interface',
          l10n.t(
            'Transport `{0}` has only one ring (linknumber 0); this interface block for link {1} has no effect. Use knet for several links.',
            String(transport),
            linkNo,
          ),
        ),
      );
    }
    if (seen.has(linkNo)) {
      const renumbered = keys.has('ringnumber') || [...view.interfaces].some((s) => keysOf(s).has('ringnumber'));
      out.push(
        diagnostic(
          at,
          WARNING,
          'corosync/interface',
          renumbered && !linkKey
            ? l10n.t(
                'A second interface block for link 0: corosync 3 does not read `ringnumber`, so every block without `linknumber` configures link 0 and the later settings overwrite the earlier ones. Give each block its `linknumber` (and each node a `ringN_addr` for it), or merge them.',
              )
            : l10n.t(
                "A second interface block for link {0}: its settings overwrite the first block's. Merge them, or give each its own `linknumber`.",
                linkNo,
              ),
        ),
      );
    }
    seen.set(linkNo, linkKey);
    const ttl = last('ttl');
    const ttlValue = ttl ? parseInteger(ttl.value) : undefined;
    // corosync refuses only a ttl other than 1 (its default) without multicast.
    if (ttl && view.transportValid && transport !== 'udp' && ttlValue !== undefined && ttlValue >= 0n && ttlValue <= 255n) {
      if (ttlValue !== 1n) {
        out.push(
          diagnostic(
            ttl.range,
            ERROR,
            'corosync/interface-transport',
            l10n.t(
              '`{0}` with transport `{1}`: corosync refuses the file ("{2}"). Remove it (only 1, the default, is accepted), or use transport udp.',
              `ttl: ${ttl.value}`,
              String(transport),
              `Can only set ttl on multicast transport types for interface ${linkNo}`,
            ),
          ),
        );
      } else {
        out.push(
          diagnostic(
            ttl.range,
            INFORMATION,
            'corosync/ttl-ignored',
            view.get('totem', 'transport')
              ? l10n.t(
                  '`ttl` only applies to multicast (transport udp); with `{0}` corosync accepts `ttl: 1` (the default) and ignores it. Remove it.',
                  String(transport),
                )
              : l10n.t(
                  "`ttl` only applies to multicast (transport udp); with `{0}` (corosync 3's default transport) corosync accepts `ttl: 1` (the default) and ignores it. Remove it.",
                  String(transport),
                ),
            [removeLine(ttl)],
          ),
        );
      }
    }
    const priority = last('knet_link_priority');
    if (priority && view.transportValid && transport !== 'knet') {
      out.push(
        diagnostic(
          priority.range,
          ERROR,
          'corosync/interface-transport',
          l10n.t(
            '`knet_link_priority` with transport `{0}`: corosync refuses the file ("{1}"). Remove it, or use transport knet.',
            String(transport),
            'Can only set link priority on knet transport type',
          ),
        ),
      );
    }
    const bindnet = last('bindnetaddr');
    if (bindnet && hasNodelist) {
      out.push(
        diagnostic(
          bindnet.range,
          WARNING,
          'corosync/ignored-key',
          l10n.t(
            '`bindnetaddr` is ignored when a nodelist exists (corosync uses the nodelist addresses and logs "{0}"). Remove it.',
            'interface section bindnetaddr is used together with nodelist. Nodelist one is going to be used.',
          ),
          [removeLine(bindnet)],
        ),
      );
    }
    const interval = last('knet_ping_interval');
    const timeout = last('knet_ping_timeout');
    if ((interval && !timeout) || (!interval && timeout)) {
      out.push(
        diagnostic(
          (interval ?? timeout)!.range,
          INFORMATION,
          'corosync/knet-ping-pair',
          l10n.t(
            '`knet_ping_interval` and `knet_ping_timeout` work as a pair: with only one set, corosync derives the other from the token timeout. Set both.',
          ),
        ),
      );
    }
  }
  if (transport === 'udp' && !view.get('totem', 'cluster_name')) {
    const link0 = view.interfaces.find((s) => {
      const l = keysOf(s).get('linknumber')?.at(-1)?.value ?? '0';
      return l === '0';
    });
    const hasMcast = link0 && keysOf(link0).has('mcastaddr');
    const transportKey = view.get('totem', 'transport');
    if (!hasMcast && transportKey) {
      out.push(
        diagnostic(
          transportKey.range,
          ERROR,
          'corosync/udp-multicast',
          l10n.t(
            'Transport udp needs a multicast address: corosync refuses the file ("{0}"). Set `cluster_name` (the address is derived from it) or `mcastaddr` in `interface { linknumber: 0 }`.',
            'No multicast address specified for interface 0',
          ),
        ),
      );
    }
  }
}

/** A quick fix that deletes the key's whole line. */
export function removeLine(k: CsKeyValue, title = l10n.t('Remove `{0}`', k.key)) {
  return {
    title,
    edits: [
      { range: { start: { line: k.range.start.line, character: 0 }, end: { line: k.range.start.line + 1, character: 0 } }, newText: '' },
    ],
  };
}

function deprecated(view: CsView, out: Diagnostic[]): void {
  const notes: Record<string, string> = {
    nodeid: l10n.t(
      'corosync 3 ignores `nodeid` in totem ("{0}"); each node\'s nodeid comes from its `node { nodeid: N }` in the nodelist. Remove it.',
      'deprecated and ignored',
    ),
    threads: l10n.t('`threads` (encryption threads of corosync 1 and 2) is obsolete: corosync 3 ignores it. Remove it.'),
  };
  for (const k of view.keysIn('totem')) {
    const note = notes[k.key];
    if (note) out.push(diagnostic(k.keyRange, WARNING, 'corosync/deprecated-key', note, [removeLine(k)]));
  }
  for (const section of view.interfaces) {
    const keys = keysOf(section);
    for (const k of keys.get('ringnumber') ?? []) {
      const ring = parseInteger(k.value);
      const hasLink = keys.has('linknumber');
      // Renaming is safe for ring 0 (link 0 is the default), and for ring N when every node has
      // ringN_addr and a name and the transport has several links (knet).
      const members = view.nodes.filter((n) => n.links.has(0));
      const safe =
        !hasLink &&
        ring !== undefined &&
        (ring === 0n ||
          (view.transport === 'knet' &&
            ring < BigInt(KNET_LINKS) &&
            members.length > 0 &&
            members.every((n) => n.links.has(Number(ring)) && n.get('name'))));
      out.push(
        diagnostic(
          k.keyRange,
          WARNING,
          'corosync/deprecated-key',
          (hasLink
            ? l10n.t(
                '`ringnumber` is the corosync 2 name of `linknumber`; corosync 3 ignores it, so this block configures the link its `linknumber` names.',
              )
            : l10n.t('`ringnumber` is the corosync 2 name of `linknumber`; corosync 3 ignores it, so this block configures link 0.')) +
            ' ' +
            (safe
              ? l10n.t('Rename it to `linknumber`.')
              : ring !== undefined && ring > 0n
                ? l10n.t(
                    'Renaming it to `{0}` needs transport knet and a `{1}` and `name` on every node; otherwise remove the block.',
                    `linknumber: ${ring}`,
                    `ring${ring}_addr`,
                  )
                : l10n.t('Remove it.')),
          safe
            ? [{ title: l10n.t('Rename to {0}', 'linknumber'), edits: [{ range: k.keyRange, newText: 'linknumber' }] }]
            : hasLink
              ? [removeLine(k)]
              : undefined,
        ),
      );
    }
  }
}
