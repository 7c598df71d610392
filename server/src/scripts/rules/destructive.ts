// shell/destructive-command: commands that erase data or kill a node are fine in a lab, but a reader
// running the memo top to bottom should know which lines cannot be undone.
import type { Invocation } from '../../base/types';
import type { FoldContext } from '../../model/context';
import type { PcsCommand } from '../../pcs/grammar';

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
        `'pcs cluster destroy' erases the cluster configuration (corosync.conf, the CIB) on ${pcs.options.some((o) => o.name === '--all') ? 'every node' : 'this node'}; resources, constraints and properties set earlier are gone.`,
      );
    } else if (chain === 'stonith fence') {
      ctx.at(
        pcs.pathWords[1] ?? head,
        'information',
        CODE,
        "'pcs stonith fence' power-cycles (or cuts off) the named node right away; anything running there stops abruptly.",
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
      `'${cmd}' creates a new file system and destroys everything on the device. Check the device name (on shared storage, run it on one node only).`,
    );
  } else if (cmd === 'wipefs') {
    ctx.at(head, 'information', CODE, "'wipefs' erases file-system and partition signatures; the data becomes unreachable.");
  } else if (cmd === 'pvcreate') {
    ctx.at(head, 'information', CODE, "'pvcreate' writes an LVM label over whatever the device held.");
  } else if (cmd === 'parted' && inv.argv.some((w) => /\bmklabel\b/.test(w.text))) {
    ctx.at(head, 'information', CODE, "'parted mklabel' writes a new partition table: every partition on the disk is lost.");
  } else if (cmd === 'dd' && inv.argv.some((w) => /^of=\/dev\//.test(w.text))) {
    ctx.at(head, 'information', CODE, "'dd of=/dev/...' overwrites the device.");
  }
}
