// shell/gfs2-cluster-name and shell/gfs2-journals: `mkfs.gfs2 -t CLUSTER:FSNAME -j N` must name the
// cluster that mounts it (the kernel refuses to mount a lock table of another cluster) and have one
// journal per node that mounts it at the same time.
import type { Invocation, Word } from '../../base/types';
import type { FoldContext } from '../../model/context';
import { valueWord } from '../../model/context';
import * as l10n from '@vscode/l10n';

function optionValue(argv: Word[], letter: string): Word | undefined {
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === `-${letter}`) return argv[i + 1];
    if (t.startsWith(`-${letter}`) && t.length > 2 && !t.startsWith('--')) return valueWord(argv[i], t.slice(2), 2);
  }
  return undefined;
}

export function gfs2Rules(ctx: FoldContext, inv: Invocation): void {
  const table = optionValue(inv.argv, 't');
  const journals = optionValue(inv.argv, 'j');
  const model = ctx.model;
  if (table && !table.dynamic) {
    const [cluster, fs] = table.text.split(':');
    if (fs === undefined || !cluster) {
      ctx.at(
        table,
        'error',
        'shell/gfs2-lock-table',
        l10n.t("mkfs.gfs2 refuses this: the lock table '{0}' must be CLUSTERNAME:FSNAME.", table.text),
      );
    } else if (model.clusterName && model.clusterName.name !== cluster) {
      const clusterPart = valueWord(table, cluster, 0);
      ctx.at(
        clusterPart,
        'warning',
        'shell/gfs2-cluster-name',
        l10n.t(
          "The lock table names cluster '{0}' but this cluster is '{1}': the file system is created, but mounting it fails (the DLM only grants locks to the cluster named here). Use '{2}'.",
          cluster,
          model.clusterName.name,
          `${model.clusterName.name}:${fs}`,
        ),
        [{ title: l10n.t("Use '{0}'", model.clusterName.name), edits: [{ range: clusterPart.range, newText: model.clusterName.name }] }],
        [model.clusterName.decl],
      );
    }
  }
  const members = [...model.nodes.values()].filter((n) => n.member).length;
  if (journals && !journals.dynamic && /^\d+$/.test(journals.text) && members > 0 && Number(journals.text) < members) {
    ctx.at(
      journals,
      'warning',
      'shell/gfs2-journals',
      l10n.t(
        '{0} journal(s) for a {1}-node cluster: each node that mounts a GFS2 file system needs its own journal, so the cloned Filesystem resource fails on the extra nodes. Use -j {1} (or add journals later with gfs2_jadd).',
        journals.text,
        members,
      ),
      [{ title: l10n.t('Use {0}', `-j ${members}`), edits: [{ range: journals.range, newText: String(members) }] }],
    );
  }
}
