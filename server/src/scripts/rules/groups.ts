// pcs/group-name-typo: `--group X` that creates a group used by a single resource while a similar
// group exists (ha_group next to ha_group_iscsi): pcs silently creates a second group, and the
// resource runs independently of the ones it was meant to follow.
import type { FoldContext } from '../../model/context';
import { distance } from 'fastest-levenshtein';
import * as l10n from '@vscode/l10n';

function tokens(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[_.-]+/)
    .filter(Boolean);
}

function similar(a: string, b: string): boolean {
  if (distance(a, b) <= 2) return true;
  const ta = tokens(a);
  const tb = new Set(tokens(b));
  // all words of the short name appear in the longer one (ha_group ⊂ ha_group_iscsi)
  return ta.length >= 2 && ta.every((t) => tb.has(t));
}

export function groupTypoRule(ctx: FoldContext): void {
  const groups = [...ctx.model.resources.values()].filter((r) => r.kind === 'group');
  for (const g of groups) {
    if (g.members.length !== 1) continue;
    const other = groups.find((h) => h !== g && h.members.length >= 1 && similar(g.id, h.id));
    if (!other) continue;
    const member = g.members[0];
    ctx.report(
      g.decl.uri,
      g.decl.range,
      'warning',
      'pcs/group-name-typo',
      l10n.t(
        "Group '{0}' is used only by '{1}', and group '{2}' ({3}) exists: is this a typo? pcs creates a new group silently, so '{1}' is not started after, nor kept on the same node as, the members of '{2}'.",
        g.id,
        member,
        other.id,
        other.members.join(', '),
      ),
      [{ title: l10n.t("Use '{0}'", other.id), edits: [{ range: g.decl.range, newText: other.id }] }],
      [other.decl],
    );
  }
}
