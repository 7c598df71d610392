// Cluster-wide consistency: nodelist names that no other file of the workspace mentions (pcs host
// auth, /etc/hosts heredocs). Advice only: the other files may simply not be in the workspace.
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { distance } from 'fastest-levenshtein';
import { HINT, diagnostic, type CsView } from './model';
import * as l10n from '@vscode/l10n';

export function consistencyRules(view: CsView, workspaceHosts?: Map<string, { uri: string; range: Range }[]>): Diagnostic[] {
  if (!workspaceHosts || workspaceHosts.size === 0) return [];
  const out: Diagnostic[] = [];
  const known = [...workspaceHosts.keys()];
  const lower = new Set(known.map((h) => h.toLowerCase()));
  const short = new Set(known.map((h) => h.toLowerCase().split('.')[0]));
  const nodelistNames = new Set(view.nodes.map((n) => (n.get('name') ?? n.links.get(0))?.value.toLowerCase() ?? ''));
  for (const node of view.nodes) {
    const name = node.get('name') ?? node.links.get(0);
    if (!name || !name.value) continue;
    const value = name.value.toLowerCase();
    if (lower.has(value) || short.has(value.split('.')[0])) continue;
    if (/^[0-9.:]+$/.test(value)) continue; // an address, not a host name
    // Hosts that already name another node are not candidates for this one.
    const near = known
      .filter((h) => !nodelistNames.has(h.toLowerCase()) && distance(h.toLowerCase(), value) <= 2)
      .sort((a, b) => distance(a.toLowerCase(), value) - distance(b.toLowerCase(), value));
    out.push(
      diagnostic(
        name.valueRange,
        HINT,
        'corosync/unknown-host',
        l10n.t(
          'Node name `{0}` does not appear in the other files of the workspace (known hosts: {1}).',
          name.value,
          `${known.slice(0, 6).join(', ')}${known.length > 6 ? ', ...' : ''}`,
        ) +
          ' ' +
          (near.length ? l10n.t('Did you mean `{0}`?', near[0]) + ' ' : '') +
          l10n.t('If the names differ, pcs and Pacemaker will not match this node to the host.'),
        near.length ? [{ title: l10n.t('Rename to {0}', near[0]), edits: [{ range: name.valueRange, newText: near[0] }] }] : undefined,
      ),
    );
  }
  return out;
}
