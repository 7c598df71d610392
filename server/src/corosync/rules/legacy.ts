// corosync 1 and 2 → 3: keys and sections that older corosync (and openais) read and corosync 3
// ignores. corosync 3 accepts them silently, so they are warnings that name what replaced them, with
// a quick fix where one exists. One case is refused: a `member` block holding anything but
// `memberaddr` ("Only memberaddr is allowed in member section"). Measured with corosync 3.1.7.
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { CsKeyValue, CsSection } from '../ast';
import { ERROR, WARNING, diagnostic, keysOf, type CsView } from './model';
import { removeLine } from './totem';
import * as l10n from '@vscode/l10n';

interface Obsolete {
  /** What it was and what corosync 3 does instead (our words). */
  note: () => string;
  /** A replacement key name, when a rename keeps the meaning. */
  rename?: string;
}

/** Obsolete keys by section path ('' = outside any section). */
export const OBSOLETE_KEYS: Record<string, Record<string, Obsolete>> = {
  '': {
    compatibility: {
      note: () =>
        l10n.t('`compatibility` (whitetank/none) chose openais compatibility in corosync 1; corosync 2 and 3 ignore it. Remove it.'),
    },
  },
  totem: {
    rrp_mode: { note: () => l10n.t('redundant ring protocol of corosync 2; corosync 3 ignores it.'), rename: 'link_mode' },
    vsftype: { note: () => l10n.t('`vsftype` (the virtual synchrony filter of corosync 1) is ignored by corosync 2 and 3. Remove it.') },
    rrp_problem_count_timeout: {
      note: () =>
        l10n.t(
          "`rrp_problem_count_timeout` tuned corosync 2's redundant rings; corosync 3 ignores it (knet watches each link with `knet_ping_interval`/`knet_ping_timeout` in `interface { }`). Remove it.",
        ),
    },
    rrp_problem_count_threshold: {
      note: () =>
        l10n.t(
          "`rrp_problem_count_threshold` tuned corosync 2's redundant rings; corosync 3 ignores it (knet watches each link with `knet_ping_interval`/`knet_ping_timeout`). Remove it.",
        ),
    },
    rrp_problem_count_mcast_threshold: {
      note: () => l10n.t("`rrp_problem_count_mcast_threshold` tuned corosync 2's redundant rings; corosync 3 ignores it. Remove it."),
    },
    rrp_token_expired_timeout: {
      note: () => l10n.t("`rrp_token_expired_timeout` tuned corosync 2's redundant rings; corosync 3 ignores it. Remove it."),
    },
    rrp_autorecovery_check_timeout: {
      note: () =>
        l10n.t(
          "`rrp_autorecovery_check_timeout` tuned corosync 2's redundant rings; corosync 3 ignores it (knet brings links back by itself). Remove it.",
        ),
    },
    crypto_accept: {
      note: () =>
        l10n.t(
          "`crypto_accept` belonged to corosync 1's crypto; corosync 3 ignores it (`crypto_cipher` and `crypto_hash` decide). Remove it.",
        ),
    },
  },
  'logging.logger_subsys': {
    tags: {
      note: () =>
        l10n.t('`tags` (trace tags of corosync 1) is ignored by corosync 2 and 3; use `debug: trace` for the most detail. Remove it.'),
    },
  },
};

/** Obsolete sections by path. */
export const OBSOLETE_SECTIONS: Record<string, Obsolete> = {
  amf: {
    note: () =>
      l10n.t('`amf { }` configured the openais AMF service of corosync 1; corosync 2 and 3 have no AMF and ignore the section. Remove it.'),
  },
  aisexec: {
    note: () =>
      l10n.t(
        '`aisexec { }` set the user and group of the openais executive (corosync 1); corosync 3 ignores it (access for other users goes in `uidgid { }`). Remove it.',
      ),
  },
  service: {
    note: () => l10n.t('`service { }` loaded a corosync 1 plugin; corosync 2 and 3 load no plugins and ignore the section. Remove it.'),
  },
  'totem.interface.member': { note: () => '' },
};

export function isObsoleteKey(path: string, key: string): boolean {
  return !!OBSOLETE_KEYS[path]?.[key];
}

export function isObsoleteSection(path: string): boolean {
  return !!OBSOLETE_SECTIONS[path];
}

function wholeSection(s: CsSection): Range | undefined {
  if (!s.closeBraceRange) return undefined;
  return { start: { line: s.nameRange.start.line, character: 0 }, end: { line: s.closeBraceRange.end.line + 1, character: 0 } };
}

export function legacyRules(view: CsView): Diagnostic[] {
  const out: Diagnostic[] = [];
  const knet = view.transport === 'knet';
  for (const [path, keys] of Object.entries(OBSOLETE_KEYS)) {
    for (const k of view.keysIn(path)) {
      const spec = keys[k.key];
      if (!spec) continue;
      if (k.key === 'rrp_mode') out.push(rrpMode(k, knet));
      else out.push(diagnostic(k.keyRange, WARNING, 'corosync/obsolete', spec.note(), [removeLine(k)]));
    }
  }
  const hasNodelist = view.nodes.some((n) => n.links.size > 0);
  for (const { section, path } of view.sections) {
    if (path === 'totem.interface.member') {
      out.push(...member(section, hasNodelist));
      continue;
    }
    const spec = OBSOLETE_SECTIONS[path];
    if (!spec) continue;
    const range = wholeSection(section);
    const remove = range ? [{ title: l10n.t('Remove the `{0}` section', section.name), edits: [{ range, newText: '' }] }] : undefined;
    if (path === 'service' && /^pacemaker$/i.test(keysOf(section).get('name')?.at(-1)?.value ?? '')) {
      out.push(
        diagnostic(
          section.nameRange,
          WARNING,
          'corosync/obsolete',
          l10n.t(
            '`service { name: pacemaker }` started Pacemaker as a corosync 1 plugin; corosync 2 and 3 ignore it, so Pacemaker does not start from here. Remove the section and start Pacemaker with systemd (`systemctl enable --now pacemaker`, or `pcs cluster start`).',
          ),
          remove,
        ),
      );
    } else {
      out.push(diagnostic(section.nameRange, WARNING, 'corosync/obsolete', spec.note(), remove));
    }
  }
  return out;
}

function rrpMode(k: CsKeyValue, knet: boolean): Diagnostic {
  const value = k.value.trim();
  const mode = value === 'active' || value === 'passive' ? value : undefined;
  const base =
    value === 'none'
      ? l10n.t('`rrp_mode: none` (no redundant ring) is a corosync 2 setting; corosync 3 ignores it.')
      : l10n.t("`rrp_mode` chose corosync 2's redundant ring protocol; corosync 3 ignores it.");
  if (mode && knet) {
    return diagnostic(
      k.keyRange,
      WARNING,
      'corosync/obsolete',
      base + ' ' + l10n.t('With knet, `{0}` chooses how several links are used (passive is the default).', `link_mode: ${mode}`),
      [{ title: l10n.t('Replace with {0}', `link_mode: ${mode}`), edits: [{ range: k.keyRange, newText: 'link_mode' }] }, removeLine(k)],
    );
  }
  return diagnostic(
    k.keyRange,
    WARNING,
    'corosync/obsolete',
    base +
      ' ' +
      (knet
        ? l10n.t('Remove it (`link_mode` chooses how knet uses several links).')
        : l10n.t('Remove it: redundant links need transport knet (then `link_mode` chooses how they are used).')),
    [removeLine(k)],
  );
}

function member(section: CsSection, hasNodelist: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of section.children) {
    if (c.type === 'key' && c.key !== 'memberaddr') {
      out.push(
        diagnostic(
          c.keyRange,
          ERROR,
          'corosync/member',
          l10n.t(
            '`{0}` in a `member` block: corosync refuses the file ("{1}"). Keep only `memberaddr:` there, or better, move the member to the nodelist.',
            c.key,
            'Only memberaddr is allowed in member section',
          ),
        ),
      );
    }
  }
  if (out.length) return out;
  const addr = keysOf(section).get('memberaddr')?.at(-1)?.value;
  out.push(
    diagnostic(
      section.nameRange,
      WARNING,
      'corosync/obsolete',
      hasNodelist
        ? l10n.t(
            '`member { }` listed the unicast members for corosync 2; corosync 3 reads members only from the nodelist and ignores this block ("{0}"). Remove it.',
            'member section is used together with nodelist. Members ignored.',
          )
        : addr
          ? l10n.t(
              '`member { }` listed the unicast members for corosync 2; corosync 3 reads members only from the nodelist. Write `node { ring0_addr: {0}  nodeid: N }` in a `nodelist { }` instead.',
              addr,
            )
          : l10n.t(
              '`member { }` listed the unicast members for corosync 2; corosync 3 reads members only from the nodelist. Write a `node { ring0_addr: ADDRESS  nodeid: N }` in a `nodelist { }` instead.',
            ),
      hasNodelist && wholeSection(section)
        ? [{ title: l10n.t('Remove the `member` block'), edits: [{ range: wholeSection(section)!, newText: '' }] }]
        : undefined,
    ),
  );
  return out;
}
