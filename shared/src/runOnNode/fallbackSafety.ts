// The text-pattern safety net of run on node: used only when the language server cannot classify a
// command (it is not running or does not answer). The real decisions come from the parsed command
// (server/src/runOnNode/commandSafety.ts). Pure: no imports, so the client and the server share it.

export const MASK = '****';

/**
 * Hides passwords a lab line may carry before it reaches any log: `pcs … -p SECRET` / `--password`,
 * `sshpass -p SECRET` / `-pSECRET`, `password=` / `passwd=` attributes, and what is echoed into
 * `passwd --stdin` or `chpasswd`.
 */
export function maskSecrets(text: string): string {
  let out = text;
  // sshpass -p SECRET / -pSECRET (its -p is always the password).
  out = out.replace(/(\bsshpass\s+(?:-[a-oq-zA-Z]\S*\s+)*-p\s*)('[^']*'|"[^"]*"|\S+)/g, `$1${MASK}`);
  // pcs host auth / cluster auth / cluster setup: -p SECRET and --password[=]SECRET.
  out = out.replace(/(\bpcs\b[^;&|\n]*?\s-p\s*)('[^']*'|"[^"]*"|[^\s;&|]+)/g, `$1${MASK}`);
  out = out.replace(/(--password(?:=|\s+))('[^']*'|"[^"]*"|[^\s;&|]+)/gi, `$1${MASK}`);
  // key=value attributes (fence agents, targetcli `set auth password=`, mutual_password=…).
  out = out.replace(/(\b[\w-]*(?:password|passwd|passphrase|secret)=)('[^']*'|"[^"]*"|[^\s;&|]+)/gi, `$1${MASK}`);
  // echo SECRET | passwd --stdin user   /   echo user:SECRET | chpasswd
  out = out.replace(
    /(\b(?:echo|printf)\s+(?:-[a-zA-Z]+\s+)*)('[^']*'|"[^"]*"|[^\s|;&]+)(?=\s*\|\s*(?:sudo\s+)?(?:passwd\b[^|;&\n]*--stdin|chpasswd\b))/g,
    (_all, lead: string, secret: string) => {
      const bare = secret.replace(/^['"]|['"]$/g, '');
      const colon = bare.indexOf(':');
      return colon >= 0 ? `${lead}${bare.slice(0, colon + 1)}${MASK}` : `${lead}${MASK}`;
    },
  );
  return out;
}

/** A destructive command pattern with why the confirmation names it. */
export interface DestructivePattern {
  pattern: RegExp;
  reason: string;
}

/** Commands that destroy data, a cluster or a node's availability; running them asks for confirmation. */
export const DESTRUCTIVE_COMMANDS: readonly DestructivePattern[] = [
  { pattern: /\bpcs\s+(?:-\S+\s+)*cluster\s+destroy\b/, reason: 'erases the cluster configuration on the node' },
  { pattern: /\bpcs\s+(?:-\S+\s+)*cluster\s+kill\b/, reason: 'kills the cluster daemons without a clean stop' },
  { pattern: /\bpcs\s+(?:-\S+\s+)*cluster\s+node\s+remove\b/, reason: 'removes a node from the cluster' },
  { pattern: /\bpcs\s+(?:-\S+\s+)*stonith\s+fence\b/, reason: 'fences (powers off or cuts off) a node' },
  { pattern: /\bstonith_admin\b[^\n]*\s(?:-F|-B|--fence|--reboot)\b/, reason: 'fences a node' },
  { pattern: /\bmkfs(?:\.\w+)?\b/, reason: 'creates a file system, erasing what the device holds' },
  { pattern: /\bmke2fs\b|\bmkswap\b/, reason: 'formats a device, erasing what it holds' },
  { pattern: /\bparted\b[^\n]*\bmklabel\b/, reason: 'writes a new partition table, losing the existing partitions' },
  { pattern: /\b(?:sgdisk\b[^\n]*(?:--zap|-Z\b|-o\b)|wipefs\b)/, reason: 'wipes signatures or partition tables from a device' },
  { pattern: /\bpvcreate\b/, reason: 'initialises a device for LVM, overwriting its start' },
  { pattern: /\b(?:pvremove|vgremove|lvremove)\b/, reason: 'removes LVM volumes and the data on them' },
  { pattern: /\bdd\b[^\n]*\bof=\/dev\//, reason: 'writes raw data over a device' },
  {
    pattern: /\bdrbdadm\b[^\n]*\b(?:create-md|--overwrite-data-of-peer|--force\s+primary)\b/,
    reason: "overwrites DRBD metadata or the peer's data",
  },
  { pattern: /\btargetcli\b[^\n]*\bclearconfig\b/, reason: 'deletes the whole iSCSI target configuration' },
  { pattern: /\brm\s+(?:-\w*[rR]\w*\s+)*-\w*[rR]\w*\s+\/(?:\s|$|\*)/, reason: 'deletes the whole file system' },
  // Only as a command (start of line, after ; && || | or sudo), not inside a word like reboot-notes.txt.
  { pattern: /(?:^|[;&|(]|\bsudo|\bthen|\bdo)\s*(?:reboot|poweroff|halt|shutdown)(?=\s|;|&|\||$)/m, reason: 'restarts or stops the node' },
  { pattern: /\bsystemctl\s+(?:reboot|poweroff|halt|kexec)\b/, reason: 'restarts or stops the node' },
  { pattern: /\becho\s+[bco]\s*>\s*\/proc\/sysrq-trigger\b/, reason: 'crashes or reboots the node at once' },
];

/** Why `commandLine` is destructive, or undefined when it is not. */
export function destructiveReason(commandLine: string): string | undefined {
  return DESTRUCTIVE_COMMANDS.find((entry) => entry.pattern.test(commandLine))?.reason;
}
