// pcs/unknown-node: a command names a node that no source of the workspace knows (corosync.conf,
// cluster setup, host auth, /etc/hosts). pcs does not check names offline, so this is a warning.
import type { FoldContext } from '../../model/context';
import { pendingNodeChecks } from '../../pcs/apply';
import { closest } from '../../pcs/grammar';
import * as l10n from '@vscode/l10n';

/** A short name matches a known FQDN (`node1` / `node1.example.com`) and the reverse. */
function knownName(name: string, known: Set<string>): boolean {
  if (known.has(name)) return true;
  const short = name.split('.')[0];
  for (const k of known) if (k.split('.')[0] === short && (k === short || name === short)) return true;
  return false;
}

export function nodeRules(ctx: FoldContext): void {
  const model = ctx.model;
  const known = new Set([...model.knownHostNames, ...model.nodes.keys()]);
  if (!known.size) return;
  for (const check of pendingNodeChecks(model)) {
    for (const name of check.names) {
      if (!name || knownName(name, known) || name === 'localhost') continue;
      const suggestion = closest(name, [...known]);
      ctx.report(
        check.uri,
        check.word.range,
        'warning',
        'pcs/unknown-node',
        l10n.t(
          "'{0}' is not a node of this cluster (known: {1}). pcs does not check node names, so the command is accepted and silently does nothing useful.",
          name,
          `${[...known].slice(0, 6).join(', ')}${known.size > 6 ? ', ...' : ''}`,
        ) + (suggestion ? ' ' + l10n.t("Did you mean '{0}'?", suggestion) : ''),
        suggestion ? [{ title: l10n.t("Use '{0}'", suggestion), edits: [{ range: check.word.range, newText: suggestion }] }] : undefined,
      );
    }
  }
}
