// Structure against the schema: unknown or misplaced sections and keys (corosync stores them and
// ignores them, so they are warnings), repeated keys (the last one silently wins) and repeated
// sections that corosync merges or overwrites.
import { didYouMean } from '../../base/didYouMean';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CsKeyValue, CsSection } from '../ast';
import { childSectionsOf, keyNamesFor, keySpec, sectionPathsNamed, sectionSpec, sectionsForKey } from '../schema';
import { ERROR, WARNING, diagnostic, type CsView } from './model';
import { isObsoleteKey, isObsoleteSection } from './legacy';

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
        `\`${key.key}\` is outside any section, so corosync ignores it.` +
          (where.length ? ` Move it into \`${where[0]} { }\`.` : ' Move it into the section it belongs to.'),
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
          'A section inside `uidgid`: corosync accepts it in corosync.conf but reads nothing from it, so no user or group gets access from here. Keep only `uid:` and `gid:` lines in `uidgid { }`.',
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
          ? 'corosync numbers the nodes of each `nodelist` from 0 again, so this block overwrites the nodes of the first one'
          : 'corosync merges both blocks and the later values win';
      out.push(
        diagnostic(
          s.nameRange,
          WARNING,
          'corosync/duplicate-section',
          `Section \`${path}\` appears again (first at line ${first.nameRange.start.line + 1}): ${what}. Merge them into one block.`,
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
      `Section \`${s.name}\` does not belong ${parent ? `inside \`${parent}\`` : 'at the top level'}; corosync stores it ` +
        `under a path nothing reads. It belongs in \`${elsewhere.join('` or `')}\`.`,
    );
  }
  const candidates = childSectionsOf(parent).map((c) => c.name);
  const suggestion = suggest(s.name, candidates);
  return diagnostic(
    s.nameRange,
    WARNING,
    'corosync/unknown-section',
    `Unknown section \`${s.name}\`${parent ? ` in \`${parent}\`` : ''}: corosync accepts it but nothing reads it.` +
      (suggestion ? ` Did you mean \`${suggestion}\`?` : ''),
    suggestion ? [{ title: `Rename to \`${suggestion}\``, edits: [{ range: s.nameRange, newText: suggestion }] }] : undefined,
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
          `\`${child.key}\` in \`uidgid\`: corosync refuses the file ("uidgid: Only uid and gid are allowed items"). Use \`uid: USER\` or \`gid: GROUP\`.`,
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
          `\`${child.key}\` is set twice in this \`${section.name}\` block (first at line ${first.keyRange.start.line + 1}); ` +
            `corosync silently keeps only the last value ("${child.value}"). Remove one of them.`,
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
      `\`${k.key}\` does not belong in \`${path}\`: corosync ignores it here. It is read in \`${elsewhere.join('` or `')}\`.`,
    );
  }
  // exec_ and ringX_addr patterns are valid only in their own section; suggest concrete names.
  const suggestion = suggest(k.key, keyNamesFor(path));
  return diagnostic(
    k.keyRange,
    WARNING,
    'corosync/unknown-key',
    `Unknown key \`${k.key}\` in \`${path}\`: corosync accepts it but nothing reads it, so the setting has no effect.` +
      (suggestion ? ` Did you mean \`${suggestion}\`?` : ''),
    suggestion ? [{ title: `Rename to \`${suggestion}\``, edits: [{ range: k.keyRange, newText: suggestion }] }] : undefined,
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
