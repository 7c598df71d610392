// Command names the extractor recognises when it has to tell a command line from prose or program
// output: after a `# ` root prompt in Markdown, on bare lines of a plain-text memo, and when deciding
// whether an untagged Markdown fence holds shell. Consumers never depend on this list: every command
// found by the parser is reported, known or not.
import { distance } from 'fastest-levenshtein';

const PROGRAMS = `
pcs pcsd crm crmadmin crm_mon crm_resource crm_verify crm_simulate crm_attribute crm_node crm_standby
crm_failcount crm_shadow crm_report crm_ticket cibadmin stonith_admin attrd_updater pacemakerd
corosync corosync-cfgtool corosync-quorumtool corosync-keygen corosync-cmapctl corosync-qdevice
corosync-qdevice-tool corosync-qnetd corosync-qnetd-tool corosync-qnetd-certutil corosync-qdevice-net-certutil
drbdadm drbdsetup drbdmeta targetcli targetctl iscsiadm tgtadm tgt-admin sbd dlm_tool booth
mkfs fsck parted fdisk gdisk sgdisk wipefs partprobe pvcreate pvs pvscan pvremove pvdisplay vgcreate vgs
vgchange vgremove vgscan vgdisplay vgimport vgexport lvcreate lvs lvremove lvchange lvdisplay lvextend
lvresize lvm lvmconfig lsblk blkid mount umount showmount exportfs multipath mpathconf tunegfs2 xfs_growfs
resize2fs systemctl service journalctl firewall-cmd iptables nft dnf yum apt apt-get zypper rpm dpkg
subscription-manager hostnamectl hostname nmcli nmtui ip ifconfig ping ping6 ssh sshpass ssh-keygen
ssh-copy-id scp rsync curl wget cat echo printf tee cp mv rm mkdir rmdir ls ll cd chmod chown chgrp ln
touch vi vim nano emacs sed awk grep egrep fgrep tail head less more diff sort uniq wc cut tr find xargs
passwd useradd usermod userdel groupadd chpasswd reboot shutdown poweroff halt modprobe modinfo lsmod
depmod restorecon semanage setenforce getenforce setsebool sestatus ss netstat lsof ps kill killall
pkill sysctl export source sudo su bash sh zsh watch sleep timeout tar gzip unzip git make date uname
whoami id free df du top htop uptime dmesg udevadm chronyc timedatectl localectl virsh virt-install
qemu-img podman docker kubectl openssl alternatives update-alternatives test env nohup time chattr
lsattr stat file dd sync setfacl getfacl fence_check tgtd targetd nfsstat rpcinfo exportfs
`;

/** Shell keywords that start a command line. */
export const SHELL_KEYWORDS = new Set(['for', 'while', 'until', 'if', 'case', 'select', 'function', '{', '(', '[[', '!']);

const programSet = new Set(PROGRAMS.split(/\s+/).filter(Boolean));

/** Prefix families: `mkfs.gfs2`, `fence_scsi`, `crm_mon`, `gfs2_grow`... */
const PREFIXES = ['mkfs.', 'fsck.', 'fence_', 'crm_', 'corosync-', 'pcs_', 'gfs2_', 'drbd', 'mount.'];

/** True when `word` is a program (or keyword) that lab scripts run. */
export function isKnownCommand(word: string): boolean {
  const name = baseName(word);
  if (!/^[\w.+[{(!-]+$/.test(name)) return false;
  if (programSet.has(name) || SHELL_KEYWORDS.has(name)) return true;
  return PREFIXES.some((p) => name.startsWith(p) && name.length > p.length);
}

/**
 * True when `word` is a known command or a likely misspelling of one (`iscsadm`): one edit away from
 * a known program of at least five letters. Used only to recognise a `# ` prompt in Markdown.
 */
export function isKnownOrMisspelledCommand(word: string): boolean {
  if (isKnownCommand(word)) return true;
  const name = baseName(word);
  if (name.length < 5 || !/^[a-z][a-z0-9_.-]*$/.test(name)) return false;
  for (const known of programSet) {
    if (known.length >= 5 && Math.abs(known.length - name.length) <= 1 && distance(known, name) <= 1) return true;
  }
  return false;
}

/** argv[0] without a leading path (`/usr/sbin/pcs` gives `pcs`). */
export function baseName(word: string): string {
  const slash = word.lastIndexOf('/');
  return slash >= 0 && slash < word.length - 1 ? word.slice(slash + 1) : word;
}

/** First shell word of a line (no quote handling: only used to classify lines). */
export function firstWord(line: string): string {
  const m = /^\s*([^\s;|&<>()]+)/.exec(line);
  return m ? m[1] : '';
}
