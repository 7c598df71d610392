// What a lab node in network namespaces cannot do, said on the line that tried it. Nodes share the
// machine's kernel: kernel modules (DRBD, dlm), the LIO iSCSI target (configfs), iSCSI initiator
// sessions and the kernel NFS server are one per machine, not per namespace; there is no package
// manager run and no firewall or SELinux to set. The lab gives every node the same shared disk (a loop
// device over a file of the lab), so disk steps (mkfs, pvcreate, parted) can use it instead of an
// iSCSI LUN. Pure: no I/O (used by `lab verify` and by the client's run on lab nodes).

export interface LabLimit {
  /** One sentence: why this step cannot work in a lab node. */
  reason: string;
  /** What to do instead in the lab, when there is something. */
  instead?: string;
}

const SHARED_DISK_HINT =
  'use the lab\'s shared disk instead (every node sees it at /run/pcmk-lab-shared-disk; "pcmk-lsp lab status" names it)';

const RULES: { test: RegExp; limit: LabLimit }[] = [
  {
    test: /^(?:drbdadm|drbdsetup|drbdmeta)\b|^modprobe\s+(?:-\S+\s+)*drbd\b/,
    limit: { reason: 'DRBD needs the drbd kernel module and its kernel devices, which are one per machine, not per lab node' },
  },
  {
    test: /^modprobe\b|^insmod\b|^rmmod\b/,
    limit: { reason: "kernel modules are loaded into the machine's one kernel; a lab node cannot load its own" },
  },
  {
    test: /^targetcli\b|^targetctl\b/,
    limit: {
      reason: "the LIO iSCSI target lives in the machine's kernel (configfs), not in a lab node",
      instead: SHARED_DISK_HINT,
    },
  },
  {
    test: /^iscsiadm\b/,
    limit: { reason: 'iSCSI initiator sessions are kernel state of the whole machine, not of a lab node', instead: SHARED_DISK_HINT },
  },
  {
    test: /^(?:dlm_controld|dlm_tool)\b/,
    limit: { reason: 'dlm needs the kernel dlm module and configfs of the whole machine' },
  },
  {
    test: /^(?:exportfs|rpc\.nfsd|showmount)\b/,
    limit: { reason: 'the kernel NFS server and its export table are one per machine, not per lab node' },
  },
  {
    test: /^(?:dnf|yum|apt|apt-get|zypper|rpm|dpkg|subscription-manager)\b/,
    limit: { reason: 'lab nodes use the packages installed on this machine; a package manager does not run in them' },
  },
  {
    test: /^(?:firewall-cmd|setenforce|sestatus|timedatectl|hostnamectl|nmcli|nmtui)\b/,
    limit: { reason: 'lab nodes have no firewalld, SELinux, systemd-timedated, hostnamed or NetworkManager' },
  },
  {
    test: /^(?:reboot|shutdown|poweroff|halt)\b/,
    limit: { reason: 'a lab node has no power to cycle from inside', instead: 'use "pcmk-lsp lab reboot NODE"' },
  },
];

/** The commands of a statement's lines (`sudo` and a leading `VAR=value` removed), one per line and `;`/`&&` part. */
function commandsOf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    for (const part of line.split(/;|&&|\|\|/)) {
      const command = part
        .trim()
        .replace(/^(?:sudo\s+(?:-\S+\s+)*)?/, '')
        .replace(/^(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)+/, '');
      if (command && !command.startsWith('#')) out.push(command);
    }
  }
  return out;
}

/** Why a statement cannot work in a lab node, or undefined when nothing in it is a known limit. */
export function labLimitOf(text: string): LabLimit | undefined {
  for (const command of commandsOf(text)) {
    for (const rule of RULES) if (rule.test.test(command)) return rule.limit;
  }
  return undefined;
}

/** The limit as one line: "lab limit: <reason>; <instead>". */
export function formatLabLimit(limit: LabLimit): string {
  return `lab limit: ${limit.reason}${limit.instead ? `; ${limit.instead}` : ''}`;
}
