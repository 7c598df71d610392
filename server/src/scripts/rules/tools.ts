// shell/misspelled-command: a command name one or two edits away from a cluster tool, and not itself
// a known command, is a typo the shell answers with "command not found".
import type { Invocation } from '../../service/types';
import type { FoldContext } from '../../model/context';
import { distance } from 'fastest-levenshtein';

/** Tools lab scripts call, which typos are compared with. */
export const CLUSTER_TOOLS = [
  'iscsiadm', 'targetcli', 'pcs', 'crm_mon', 'crm_resource', 'crm_simulate', 'crm_verify', 'crm_node', 'crm_attribute',
  'cibadmin', 'stonith_admin', 'corosync-cfgtool', 'corosync-quorumtool', 'corosync-keygen', 'corosync-cmapctl',
  'mkfs.gfs2', 'mkfs.xfs', 'mkfs.ext4', 'firewall-cmd', 'systemctl', 'sshpass', 'ssh-copy-id', 'ssh-keygen',
  'pvcreate', 'vgcreate', 'lvcreate', 'vgchange', 'lvchange', 'showmount', 'exportfs', 'drbdadm', 'multipath',
  'parted', 'wipefs', 'crmsh', 'pcsd', 'fence_scsi', 'lsblk', 'blkid', 'mount', 'umount',
];

/** Commands that are not typos even though they are close to a tool above. */
const KNOWN = new Set([
  ...CLUSTER_TOOLS, 'pcs', 'ps', 'pcsd', 'cd', 'ls', 'cp', 'mv', 'rm', 'cat', 'echo', 'scp', 'ssh', 'dnf', 'yum', 'apt', 'apt-get',
  'vi', 'vim', 'sed', 'awk', 'grep', 'mkdir', 'chmod', 'chown', 'touch', 'tee', 'dd', 'lvs', 'vgs', 'pvs', 'lvm', 'crm',
  'mkfs', 'fsck', 'curl', 'wget', 'ping', 'ip', 'nmcli', 'hostname', 'hostnamectl', 'reboot', 'passwd', 'usermod',
  'chpasswd', 'rpm', 'diff', 'date', 'sleep', 'test', 'export', 'source', 'set', 'unset', 'for', 'do', 'done', 'if',
  'then', 'fi', 'while', 'exit', 'true', 'false', 'read', 'restorecon', 'setenforce', 'getenforce', 'sestatus', 'df',
  'du', 'free', 'top', 'journalctl', 'tail', 'head', 'less', 'more', 'wc', 'sort', 'uniq', 'xargs', 'find', 'lsscsi',
  'iscsid', 'tgtadm', 'mdadm', 'parted', 'fdisk', 'gdisk', 'sgdisk', 'partprobe', 'killall', 'kill', 'pkill', 'mkswap',
  'blkdiscard', 'sbd', 'dlm_tool', 'gfs2_tool', 'tunegfs2', 'gfs2_grow', 'gfs2_jadd', 'sync', 'modprobe', 'lsmod',
  'crm_report', 'crm_shadow', 'crm_ticket', 'crm_failcount', 'crm_standby', 'crm_diff', 'crm_error', 'attrd_updater',
  'qdevice', 'corosync', 'pacemakerd', 'subscription-manager', 'timedatectl', 'chronyc', 'ntpdate', 'showmount', 'exportfs',
  'fence_xvm', 'fence_ipmilan', 'fence_virsh', 'virsh', 'virt-install', 'semanage', 'setsebool', 'logrotate', 'mountpoint',
]);

export function misspelledTool(ctx: FoldContext, inv: Invocation): void {
  const name = inv.command;
  const word = inv.argv[0];
  if (!word || word.dynamic || name.length < 4 || KNOWN.has(name) || name.includes('/') || name.includes('=')) return;
  let best: string | undefined;
  let bestDistance = Infinity;
  let ties = 0;
  for (const tool of CLUSTER_TOOLS) {
    const d = distance(name, tool);
    if (d < bestDistance) {
      best = tool;
      bestDistance = d;
      ties = 0;
    } else if (d === bestDistance) ties++;
  }
  if (!best || bestDistance > (name.length >= 7 ? 2 : 1)) return;
  ctx.at(word, 'error', 'shell/misspelled-command', `'${name}' is not a command (the shell answers "command not found"); did you mean '${best}'?`, [
    // Safe for `check --fix` when only one tool is this close: the line cannot run as written.
    { title: `Replace with '${best}'`, safe: ties === 0, edits: [{ range: word.range, newText: best }] },
  ]);
}
