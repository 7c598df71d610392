// Why a command asks for confirmation, in the configured language. The analysis (commandSafety.ts)
// builds, compares and deduplicates its reasons in English; they are translated once, on the way
// out, for the confirmation the client shows ("This command … Run it on node1?"). Commands, paths,
// variable names and pcs words inside a reason stay as written.
import * as l10n from '@vscode/l10n';

const VIA_SSH = / \(on (.+), through ssh\)$/;
const NESTED = / \(in a nested command\)$/;

/** The English reason in the configured language (unchanged when English or not a known form). */
export function localizeReason(reason: string): string {
  const via = VIA_SSH.exec(reason);
  if (via) return l10n.t('{0} (on {1}, through ssh)', localizeReason(reason.slice(0, via.index)), via[1]!);
  let m = /^could not be checked \((.*)\)$/.exec(reason);
  if (m) return l10n.t('could not be checked ({0})', localizeUnsure(m[1]!));
  m = /^deletes the system folder (.+)$/.exec(reason);
  if (m) return l10n.t('deletes the system folder {0}', m[1]!);
  m = /^deletes (.+), which is the whole file system when (.+) is empty$/.exec(reason);
  if (m) return l10n.t('deletes {0}, which is the whole file system when {1} is empty', m[1]!, m[2]!);
  m = /^runs a pcs subcommand taken from a variable \((.+?)\), which could be (.+)$/.exec(reason);
  if (m)
    return l10n.t(
      'runs a pcs subcommand taken from a variable ({0}), which could be {1}',
      m[1]!,
      m[2]!.split(' or ').reduce((a, b) => l10n.t('{0} or {1}', a, b)),
    );
  m = /^runs a systemctl verb taken from a variable \((.+?)\), which could restart or stop the node$/.exec(reason);
  if (m) return l10n.t('runs a systemctl verb taken from a variable ({0}), which could restart or stop the node', m[1]!);
  m = /^switches to a runlevel taken from a variable \((.+?)\), which could stop or restart the node$/.exec(reason);
  if (m) return l10n.t('switches to a runlevel taken from a variable ({0}), which could stop or restart the node', m[1]!);
  m = /^runs a program named by a variable \((.+?)\) followed by destructive words, as "(.*)" would$/.exec(reason);
  if (m) return l10n.t('runs a program named by a variable ({0}) followed by destructive words, as "{1}" would', m[1]!, m[2]!);
  m = /^runs a program named by a variable \((.+?)\) followed by destructive words \("(.*)"\)$/.exec(reason);
  if (m) return l10n.t('runs a program named by a variable ({0}) followed by destructive words ("{1}")', m[1]!, m[2]!);
  switch (reason) {
    case 'erases the cluster configuration on the node':
      return l10n.t('erases the cluster configuration on the node');
    case 'kills the cluster daemons without a clean stop':
      return l10n.t('kills the cluster daemons without a clean stop');
    case 'removes a node from the cluster':
      return l10n.t('removes a node from the cluster');
    case 'fences (powers off or cuts off) a node':
      return l10n.t('fences (powers off or cuts off) a node');
    case 'fences a node':
      return l10n.t('fences a node');
    case 'crashes or reboots the node at once (sysrq)':
      return l10n.t('crashes or reboots the node at once (sysrq)');
    case 'writes raw data over a device':
      return l10n.t('writes raw data over a device');
    case 'deletes the whole file system':
      return l10n.t('deletes the whole file system');
    case 'deletes recursively with --no-preserve-root':
      return l10n.t('deletes recursively with --no-preserve-root');
    case 'restarts or stops the node':
      return l10n.t('restarts or stops the node');
    case 'restarts or stops the node (runlevel change)':
      return l10n.t('restarts or stops the node (runlevel change)');
    case 'restarts the node into another kernel':
      return l10n.t('restarts the node into another kernel');
    case 'formats a device, erasing what it holds':
      return l10n.t('formats a device, erasing what it holds');
    case 'creates a file system, erasing what the device holds':
      return l10n.t('creates a file system, erasing what the device holds');
    case 'writes a new partition table, losing the existing partitions':
      return l10n.t('writes a new partition table, losing the existing partitions');
    case 'removes a partition':
      return l10n.t('removes a partition');
    case 'wipes signatures or partition tables from a device':
      return l10n.t('wipes signatures or partition tables from a device');
    case 'discards every block of a device, erasing what it holds':
      return l10n.t('discards every block of a device, erasing what it holds');
    case 'initialises a device for LVM, overwriting its start':
      return l10n.t('initialises a device for LVM, overwriting its start');
    case 'removes LVM volumes and the data on them':
      return l10n.t('removes LVM volumes and the data on them');
    case "overwrites DRBD metadata or the peer's data":
      return l10n.t("overwrites DRBD metadata or the peer's data");
    case 'deletes the whole iSCSI target configuration':
      return l10n.t('deletes the whole iSCSI target configuration');
    default:
      return reason;
  }
}

/** Why the analysis could not decide (inside "could not be checked (…)"). */
function localizeUnsure(why: string): string {
  if (NESTED.test(why)) return l10n.t('{0} (in a nested command)', localizeUnsure(why.replace(NESTED, '')));
  let m = /^longer than (\d+) characters$/.exec(why);
  if (m) return l10n.t('longer than {0} characters', m[1]!);
  m = /^the shell parser failed \((.*)\)$/.exec(why);
  if (m) return l10n.t('the shell parser failed ({0})', m[1]!);
  switch (why) {
    case 'the shell parser gave no tree':
      return l10n.t('the shell parser gave no tree');
    case 'the shell cannot parse it completely':
      return l10n.t('the shell cannot parse it completely');
    case 'a nested command could not be parsed':
      return l10n.t('a nested command could not be parsed');
    default:
      return why;
  }
}
