// targetcli's command grammar for one-shot lines (`targetcli PATH COMMAND ARGS`). targetcli cannot
// run here (no configfs), so the signatures come from its Python command definitions (facts file):
// each UI node type takes positional or key=value parameters in a fixed order.
import type { Word } from '../base/types';
import * as l10n from '@vscode/l10n';

export interface TargetcliSignature {
  params: string[];
  required: number;
  doc: string;
}

/** `create` per path kind; other commands are the same on every node. */
export const CREATE_SIGNATURES: Record<string, TargetcliSignature> = {
  fileio: {
    params: ['name', 'file_or_dev', 'size', 'write_back', 'sparse', 'wwn'],
    required: 2,
    doc: 'Create a file-backed storage object (a file or a block device used as a file).',
  },
  block: { params: ['name', 'dev', 'readonly', 'wwn'], required: 2, doc: 'Create a storage object backed by a block device.' },
  ramdisk: {
    params: ['name', 'size', 'nullio', 'wwn'],
    required: 2,
    doc: 'Create a RAM-backed storage object (contents are lost on reboot).',
  },
  pscsi: { params: ['name', 'dev'], required: 2, doc: 'Create a pass-through SCSI storage object.' },
  user: {
    params: ['cfgstring', 'name', 'size', 'wwn', 'hw_max_sectors', 'control'],
    required: 3,
    doc: 'Create a userspace-backed (TCMU) storage object.',
  },
  iscsi: { params: ['wwn'], required: 0, doc: 'Create an iSCSI target (an IQN is generated when none is given).' },
  target: { params: ['tag'], required: 0, doc: 'Create a target portal group (tpg).' },
  luns: {
    params: ['storage_object', 'lun', 'add_mapped_luns'],
    required: 1,
    doc: 'Export a storage object as a LUN of this portal group.',
  },
  acls: { params: ['wwn', 'add_mapped_luns'], required: 1, doc: 'Allow an initiator (by its IQN) to log in.' },
  portals: {
    params: ['ip_address', 'ip_port'],
    required: 0,
    doc: 'Listen for iSCSI logins on an address and port (default 0.0.0.0:3260).',
  },
  acl: { params: ['mapped_lun', 'tpg_lun_or_backstore', 'write_protect'], required: 2, doc: 'Map a LUN for this initiator.' },
};

export const DELETE_SIGNATURES: Record<string, TargetcliSignature> = {
  backstore: { params: ['name', 'save'], required: 1, doc: 'Delete a storage object.' },
  iscsi: { params: ['wwn'], required: 1, doc: 'Delete a target.' },
  target: { params: ['tag'], required: 1, doc: 'Delete a portal group.' },
  luns: { params: ['lun'], required: 1, doc: 'Delete a LUN.' },
  acls: { params: ['wwn'], required: 1, doc: 'Delete an initiator ACL.' },
  portals: { params: ['ip_address', 'ip_port'], required: 2, doc: 'Delete a portal.' },
};

export const GLOBAL_COMMANDS: Record<string, string> = {
  cd: 'Change the current path.',
  ls: 'List the configuration tree.',
  set: 'Set parameters of a group: `set attribute|parameter|auth|global NAME=VALUE...`.',
  get: 'Show parameters of a group.',
  help: 'Show help.',
  pwd: 'Show the current path.',
  exit: 'Leave targetcli (and save the configuration when auto_save_on_exit is on).',
  bookmarks: 'Manage path bookmarks.',
  refresh: 'Reload the tree from the kernel.',
  status: 'Show the status of the current node.',
  saveconfig: 'Save the configuration to /etc/target/saveconfig.json so it survives a reboot.',
  clearconfig: 'Delete the whole configuration (`clearconfig confirm=True`).',
  restoreconfig: 'Restore a saved configuration.',
  create: 'Create an object under the current path.',
  delete: 'Delete an object under the current path.',
  info: 'Show details of a storage object.',
  enable: 'Enable a portal group.',
  disable: 'Disable a portal group.',
  sessions: 'Show iSCSI sessions.',
  version: 'Show the version.',
};

export const SET_GROUPS = ['attribute', 'parameter', 'auth', 'global', 'discovery_auth'];

export interface TargetcliCommand {
  words: Word[];
  /** The path word, when the line gives one (`/backstores/fileio`, `iscsi/IQN/tpg1/luns/`). */
  pathWord?: Word;
  /** Normalised path segments (`['backstores','fileio']`). */
  path: string[];
  commandWord?: Word;
  args: Word[];
}

export function normalisePath(text: string): string[] {
  return text.split('/').filter((s) => s && s !== '.');
}

/** Parse `targetcli [PATH] [COMMAND] [ARGS...]`. A line with no command opens the interactive shell. */
export function parseTargetcli(argv: Word[]): TargetcliCommand {
  const rest = argv.slice(1).filter((w) => !/^--?/.test(w.text));
  let pathWord: Word | undefined;
  let i = 0;
  if (rest[0] && (rest[0].text.includes('/') || rest[0].text === '..' || rest[0].text === '/')) {
    pathWord = rest[0];
    i = 1;
  }
  const commandWord = rest[i];
  return { words: argv, pathWord, path: pathWord ? normalisePath(pathWord.text) : [], commandWord, args: rest.slice(i + 1) };
}

/** What a path points at, for choosing the create/delete signature. */
export function pathKind(path: string[]): { kind: string; target?: string; tpg?: string; initiator?: string } {
  const p = path.map((s) => s.toLowerCase());
  if (p[0] === 'backstores') return { kind: p.length === 1 ? 'backstores' : p.length === 2 ? p[1] : 'storage-object' };
  if (p[0] === 'iscsi') {
    if (p.length === 1) return { kind: 'iscsi' };
    const target = path[1];
    if (p.length === 2) return { kind: 'target', target };
    const tpg = path[2];
    if (p.length === 3) return { kind: 'tpg', target, tpg };
    if (p.length === 4) return { kind: p[3], target, tpg };
    if (p[3] === 'acls' && p.length === 5) return { kind: 'acl', target, tpg, initiator: path[4] };
    return { kind: 'deep', target, tpg };
  }
  return { kind: p.length ? 'other' : 'root' };
}

/** IQN (RFC 3720), EUI-64 or NAA names as targetcli accepts them. */
export function iqnProblem(name: string): string | undefined {
  if (/^eui\.[0-9a-f]{16}$/i.test(name) || /^naa\.[0-9a-f]{16}([0-9a-f]{16})?$/i.test(name)) return undefined;
  if (!/^iqn\./i.test(name)) return l10n.t("an iSCSI name starts with 'iqn.', 'eui.' or 'naa.'");
  const m = /^iqn\.(\d{4})-(\d{2})\.([a-z0-9][a-z0-9.-]*[a-z0-9])(:[^\s]+)?$/i.exec(name);
  if (!m) return l10n.t('an IQN has the form {0}, e.g. {1}', 'iqn.YYYY-MM.reversed.domain[:identifier]', 'iqn.2023-02.com.example:storage');
  const month = Number(m[2]);
  if (month < 1 || month > 12) return l10n.t("'{0}' is not a month (01-12)", m[2]!);
  return undefined;
}
