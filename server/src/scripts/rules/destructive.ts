// shell/destructive-command: commands that erase data or kill a node are fine in a lab, but a reader
// running the memo top to bottom should know which lines cannot be undone.
import type { Invocation } from '../../base/types';
import type { FoldContext } from '../../model/context';
import type { PcsCommand } from '../../pcs/grammar';
import * as l10n from '@vscode/l10n';

const CODE = 'shell/destructive-command';

export function destructiveRules(ctx: FoldContext, inv: Invocation, pcs: PcsCommand | undefined): void {
  const head = inv.argv[0];
  if (!head) return;
  if (pcs?.def) {
    const chain = pcs.def.path.join(' ');
    if (chain === 'cluster destroy') {
      ctx.at(
        pcs.pathWords[1] ?? head,
        'information',
        CODE,
        pcs.options.some((o) => o.name === '--all')
          ? l10n.t(
              "'pcs cluster destroy' erases the cluster configuration (corosync.conf, the CIB) on every node; resources, constraints and properties set earlier are gone.",
            )
          : l10n.t(
              "'pcs cluster destroy' erases the cluster configuration (corosync.conf, the CIB) on this node; resources, constraints and properties set earlier are gone.",
            ),
      );
    } else if (chain === 'stonith fence') {
      ctx.at(
        pcs.pathWords[1] ?? head,
        'information',
        CODE,
        l10n.t("'pcs stonith fence' power-cycles (or cuts off) the named node right away; anything running there stops abruptly."),
      );
    }
    return;
  }
  const cmd = inv.command;
  if (/^mkfs(\..+)?$/.test(cmd) || cmd === 'mke2fs') {
    ctx.at(
      head,
      'information',
      CODE,
      l10n.t(
        "'{0}' creates a new file system and destroys everything on the device. Check the device name (on shared storage, run it on one node only).",
        cmd,
      ),
    );
  } else if (cmd === 'wipefs') {
    ctx.at(head, 'information', CODE, l10n.t("'wipefs' erases file-system and partition signatures; the data becomes unreachable."));
  } else if (cmd === 'pvcreate') {
    ctx.at(head, 'information', CODE, l10n.t("'pvcreate' writes an LVM label over whatever the device held."));
  } else if (cmd === 'parted' && inv.argv.some((w) => /\bmklabel\b/.test(w.text))) {
    ctx.at(head, 'information', CODE, l10n.t("'parted mklabel' writes a new partition table: every partition on the disk is lost."));
  } else if (cmd === 'dd' && inv.argv.some((w) => /^of=\/dev\//.test(w.text))) {
    ctx.at(head, 'information', CODE, l10n.t("'dd of=/dev/...' overwrites the device."));
  }
}
