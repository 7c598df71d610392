// Structure against the schema: unknown or misplaced sections and keys (corosync stores them and
// ignores them, so they are warnings), repeated keys (the last one silently wins) and repeated
// sections that corosync merges or overwrites.
import { didYouMean } from '../../base/didYouMean';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CsKeyValue, CsSection } from '../ast';
import { childSectionsOf, keyNamesFor, keySpec, sectionPathsNamed, sectionSpec, sectionsForKey } from '../schema';
import { ERROR, WARNING, diagnostic, type CsView } from './model';
import { isObsoleteKey, isObsoleteSection } from './legacy';
import * as l10n from '@vscode/l10n';
import { orList } from '../../base/orList';

export function keyRules(view: CsView): Diagnostic[] {
  const out: Diagnostic[] = [];
  checkSectionList(
    view,
    '',
    view.file.children.filter((c): c is CsSection => c.type === 'section'),
    out,
  );
  for (const key of view.keysIn('')) {
    if (isObsoleteKey('', key.key)) continue; // reported by the legacy rules
    const where = sectionsForKey(key.key);
    out.push(
      diagnostic(
        key.keyRange,
        WARNING,
        'corosync/misplaced-key',
        l10n.t('`{0}` is outside any section, so corosync ignores it.', key.key) +
          (where.length ? ' ' + l10n.t('Move it into `{0} { }`.', where[0]) : ' ' + l10n.t('Move it into the section it belongs to.')),
      ),
    );
  }
  for (const { section, path } of view.sections) {
    if (!sectionSpec(path)) continue; // unknown sections were reported once; their content is free-form
    checkKeys(section, path, out);
    checkSectionList(
      view,
      path,
      section.children.filter((c): c is CsSection => c.type === 'section'),
      out,
    );
  }
  return out;
}

function checkSectionList(view: CsView, parent: string, sections: CsSection[], out: Diagnostic[]): void {
  const seen = new Map<string, CsSection>();
  for (const s of sections) {
    const path = parent ? `${parent}.${s.name}` : s.name;
    const spec = sectionSpec(path);
    if (!spec && parent === 'uidgid') {
      // Measured: corosync.conf accepts it (the refusal "Can't add subsection different than
      // uidgid" belongs to files in uidgid.d), and nothing reads what is inside.
      out.push(
        diagnostic(
          s.nameRange,
          WARNING,
          'corosync/uidgid',
          l10n.t(
            'A section inside `uidgid`: corosync accepts it in corosync.conf but reads nothing from it, so no user or group gets access from here. Keep only `uid:` and `gid:` lines in `uidgid { }`.',
          ),
        ),
      );
      continue;
    }
    if (!spec) {
      if (!isObsoleteSection(path)) out.push(unknownSection(s, parent));
      continue;
    }
    const first = seen.get(s.name);
    if (first && !spec.repeatable) {
      const what =
        path === 'nodelist'
          ? l10n.t('corosync numbers the nodes of each `nodelist` from 0 again, so this block overwrites the nodes of the first one')
          : l10n.t('corosync merges both blocks and the later values win');
      out.push(
        diagnostic(
          s.nameRange,
          WARNING,
          'corosync/duplicate-section',
          l10n.t(
            'Section `{0}` appears again (first at line {1}): {2}. Merge them into one block.',
            path,
            first.nameRange.start.line + 1,
            what,
          ),
        ),
      );
    } else if (!first) seen.set(s.name, s);
  }
  void view;
}

function unknownSection(s: CsSection, parent: string): Diagnostic {
  const elsewhere = sectionPathsNamed(s.name);
  if (elsewhere.length) {
    return diagnostic(
      s.nameRange,
      WARNING,
      'corosync/misplaced-section',
      parent
        ? l10n.t(
            'Section `{0}` does not belong inside `{1}`; corosync stores it under a path nothing reads. It belongs in {2}.',
            s.name,
            parent,
            orList(elsewhere.map((e) => '`' + e + '`')),
          )
        : l10n.t(
            'Section `{0}` does not belong at the top level; corosync stores it under a path nothing reads. It belongs in {1}.',
            s.name,
            orList(elsewhere.map((e) => '`' + e + '`')),
          ),
    );
  }
  const candidates = childSectionsOf(parent).map((c) => c.name);
  const suggestion = suggest(s.name, candidates);
  return diagnostic(
    s.nameRange,
    WARNING,
    'corosync/unknown-section',
    (parent
      ? l10n.t('Unknown section `{0}` in `{1}`: corosync accepts it but nothing reads it.', s.name, parent)
      : l10n.t('Unknown section `{0}`: corosync accepts it but nothing reads it.', s.name)) +
      (suggestion ? ' ' + l10n.t('Did you mean `{0}`?', suggestion) : ''),
    suggestion ? [{ title: l10n.t('Rename to `{0}`', suggestion), edits: [{ range: s.nameRange, newText: suggestion }] }] : undefined,
  );
}

function checkKeys(section: CsSection, path: string, out: Diagnostic[]): void {
  const seen = new Map<string, CsKeyValue>();
  for (const child of section.children) {
    if (child.type !== 'key') continue;
    const spec = keySpec(path, child.key);
    if (!spec && path === 'uidgid') {
      out.push(
        diagnostic(
          child.keyRange,
          ERROR,
          'corosync/uidgid',
          l10n.t(
            '`{0}` in `uidgid`: corosync refuses the file ("{1}"). Use `uid: USER` or `gid: GROUP`.',
            child.key,
            'uidgid: Only uid and gid are allowed items',
          ),
        ),
      );
      continue;
    }
    if (!spec) {
      if (!isObsoleteKey(path, child.key)) out.push(unknownKey(child, path));
      continue;
    }
    const first = seen.get(child.key);
    if (first) {
      out.push(
        diagnostic(
          child.keyRange,
          WARNING,
          'corosync/duplicate-key',
          l10n.t(
            '`{0}` is set twice in this `{1}` block (first at line {2}); corosync silently keeps only the last value ("{3}"). Remove one of them.',
            child.key,
            section.name,
            first.keyRange.start.line + 1,
            child.value,
          ),
        ),
      );
    } else seen.set(child.key, child);
  }
}

function unknownKey(k: CsKeyValue, path: string): Diagnostic {
  const elsewhere = sectionsForKey(k.key);
  if (elsewhere.length) {
    return diagnostic(
      k.keyRange,
      WARNING,
      'corosync/misplaced-key',
      l10n.t(
        '`{0}` does not belong in `{1}`: corosync ignores it here. It is read in {2}.',
        k.key,
        path,
        orList(elsewhere.map((e) => '`' + e + '`')),
      ),
    );
  }
  // exec_ and ringX_addr patterns are valid only in their own section; suggest concrete names.
  const suggestion = suggest(k.key, keyNamesFor(path));
  return diagnostic(
    k.keyRange,
    WARNING,
    'corosync/unknown-key',
    l10n.t('Unknown key `{0}` in `{1}`: corosync accepts it but nothing reads it, so the setting has no effect.', k.key, path) +
      (suggestion ? ' ' + l10n.t('Did you mean `{0}`?', suggestion) : ''),
    suggestion ? [{ title: l10n.t('Rename to `{0}`', suggestion), edits: [{ range: k.keyRange, newText: suggestion }] }] : undefined,
  );
}

/** The closest schema name when it is close enough to be a typo (about a third of the letters). */
export function suggest(word: string, candidates: string[]): string | undefined {
  return didYouMean(word.toLowerCase(), candidates, {
    caseInsensitiveExact: true,
    limit: (_, best) => Math.max(1, Math.min(3, Math.ceil(best.length / 3))),
    maxLimit: 3,
  });
}
