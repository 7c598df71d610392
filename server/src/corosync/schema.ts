// What corosync 3.1 reads from corosync.conf: every section and key of corosync.conf(5),
// votequorum(5) and the quorum.device sections of corosync-qdevice(8). Value types and ranges were
// measured against `corosync -t` 3.1.7 (see docs/rules/corosync.md): `strict` means corosync refuses
// the file when the value is wrong; otherwise it silently falls back to a default, which is worth a
// warning but not an error.
import * as l10n from '@vscode/l10n';

export type ValueType =
  | { kind: 'integer'; min: bigint; max: bigint; unit?: string }
  | { kind: 'enum'; values: string[] }
  | { kind: 'address' }
  | { kind: 'string' }
  | { kind: 'path' };

export interface KeySpec {
  name: string;
  /** Section paths where the key belongs ('totem', 'totem.interface', 'nodelist.node', ...). */
  sections: string[];
  type: ValueType;
  /** True when corosync refuses a value of the wrong type (an error), false when it ignores it. */
  strict: boolean;
  default?: string;
  description: string;
  /** For keys matched by pattern (`ring0_addr`..`ring7_addr`, `exec_NAME`). */
  pattern?: RegExp;
  deprecated?: string;
  /** Meaningful only with these transports. */
  transports?: string[];
}

export interface SectionSpec {
  /** Dotted path of the section ('' for the top level). */
  path: string;
  name: string;
  description: string;
  /** May appear more than once in its parent (node, interface, logger_subsys). */
  repeatable: boolean;
}

const U32 = { kind: 'integer', min: 0n, max: 4294967295n } as const;
const U8 = { kind: 'integer', min: 0n, max: 255n } as const;
const MS = { kind: 'integer', min: 0n, max: 4294967295n, unit: 'ms' } as const;
const enumOf = (...values: string[]): ValueType => ({ kind: 'enum', values });
const YES_NO = enumOf('yes', 'no');
const ON_OFF = enumOf('on', 'off');
const LOG_BOOL = enumOf('yes', 'no', 'on', 'off');
const PRIORITIES = enumOf('alert', 'crit', 'debug', 'emerg', 'err', 'error', 'info', 'notice', 'warning');
const FACILITIES = enumOf(
  'daemon',
  'local0',
  'local1',
  'local2',
  'local3',
  'local4',
  'local5',
  'local6',
  'local7',
  'auth',
  'authpriv',
  'cron',
  'ftp',
  'kern',
  'lpr',
  'mail',
  'news',
  'syslog',
  'user',
  'uucp',
);

export const SECTIONS: SectionSpec[] = [
  {
    path: 'totem',
    name: 'totem',
    repeatable: false,
    get description() {
      return l10n.t('Settings of the totem membership protocol: transport, crypto, timeouts.');
    },
  },
  {
    path: 'totem.interface',
    name: 'interface',
    repeatable: true,
    get description() {
      return l10n.t('Settings of one network link (knet) or ring (udp/udpu), chosen by `linknumber`.');
    },
  },
  {
    path: 'nodelist',
    name: 'nodelist',
    repeatable: false,
    get description() {
      return l10n.t('The cluster members; holds one `node { }` block per member.');
    },
  },
  {
    path: 'nodelist.node',
    name: 'node',
    repeatable: true,
    get description() {
      return l10n.t('One cluster member: its addresses (`ringX_addr`), `nodeid`, `name` and votes.');
    },
  },
  {
    path: 'quorum',
    name: 'quorum',
    repeatable: false,
    get description() {
      return l10n.t('Quorum provider and votequorum options (votequorum(5)).');
    },
  },
  {
    path: 'quorum.device',
    name: 'device',
    repeatable: false,
    get description() {
      return l10n.t('A quorum device (corosync-qdevice(8)) that gives extra votes decided by a third party.');
    },
  },
  {
    path: 'quorum.device.net',
    name: 'net',
    repeatable: false,
    get description() {
      return l10n.t('Settings of the `net` qdevice model: how to reach corosync-qnetd and which algorithm it runs.');
    },
  },
  {
    path: 'quorum.device.heuristics',
    name: 'heuristics',
    repeatable: false,
    get description() {
      return l10n.t('Local commands (`exec_NAME`) whose success the qnetd arbiter weighs when choosing a partition.');
    },
  },
  {
    path: 'logging',
    name: 'logging',
    repeatable: false,
    get description() {
      return l10n.t('Where and how corosync logs.');
    },
  },
  {
    path: 'logging.logger_subsys',
    name: 'logger_subsys',
    repeatable: true,
    get description() {
      return l10n.t('Logging overrides for one subsystem, named by `subsys`.');
    },
  },
  {
    path: 'system',
    name: 'system',
    repeatable: false,
    get description() {
      return l10n.t('Process-level settings: scheduling, IPC type, state directory.');
    },
  },
  {
    path: 'resources',
    name: 'resources',
    repeatable: false,
    get description() {
      return l10n.t('Local resources such as a watchdog device.');
    },
  },
  {
    path: 'nozzle',
    name: 'nozzle',
    repeatable: false,
    get description() {
      return l10n.t('A libnozzle pseudo network device tunnelled over the knet links.');
    },
  },
  {
    path: 'uidgid',
    name: 'uidgid',
    repeatable: true,
    get description() {
      return l10n.t('Grants a user or group access to corosync IPC (usually in uidgid.d files).');
    },
  },
];

/** `description` is read in the language configured when it is read (hover, completion), not at load. */
function key(name: string, sections: string | string[], type: ValueType, description: () => string, extra: Partial<KeySpec> = {}): KeySpec {
  const strict = type.kind === 'integer' || type.kind === 'enum';
  return {
    name,
    sections: Array.isArray(sections) ? sections : [sections],
    type,
    strict,
    get description() {
      return description();
    },
    ...extra,
  };
}

const LOG_SECTIONS = ['logging', 'logging.logger_subsys'];

export const KEYS: KeySpec[] = [
  // ---- totem -----------------------------------------------------------------------------------
  key(
    'version',
    'totem',
    { kind: 'integer', min: 0n, max: 4294967295n },
    () => l10n.t('Version of the configuration format. corosync 3 only reads version 2, and refuses to start without it.'),
    { default: '(required: 2)' },
  ),
  key('cluster_name', 'totem', { kind: 'string' }, () =>
    l10n.t('Name of the cluster. Pacemaker and qdevice use it; with udp it also derives the multicast address.'),
  ),
  key('cluster_uuid', 'totem', { kind: 'string' }, () =>
    l10n.t('Unique id that pcs writes to tell clusters apart; corosync itself does not use it.'),
  ),
  key(
    'transport',
    'totem',
    enumOf('knet', 'udpu', 'udp'),
    () => l10n.t('How nodes talk: `knet` (default; crypto and up to 8 links), `udpu` (unicast UDP) or `udp` (multicast).'),
    { default: 'knet' },
  ),
  key(
    'crypto_cipher',
    'totem',
    enumOf('none', 'aes256', 'aes192', 'aes128'),
    () => l10n.t('Cipher that encrypts all traffic (knet only). Needs `crypto_hash` other than none.'),
    { default: 'none' },
  ),
  key(
    'crypto_hash',
    'totem',
    enumOf('none', 'md5', 'sha1', 'sha256', 'sha384', 'sha512'),
    () => l10n.t('HMAC that authenticates all traffic (knet only).'),
    { default: 'none' },
  ),
  key('crypto_model', 'totem', enumOf('nss', 'openssl'), () => l10n.t('Crypto library knet uses.'), { default: 'nss' }),
  key(
    'secauth',
    'totem',
    ON_OFF,
    () => l10n.t('Legacy switch: `on` means aes256 + sha256 unless crypto_cipher/crypto_hash say otherwise.'),
    {
      default: 'off',
      strict: false,
    },
  ),
  key('keyfile', 'totem', { kind: 'path' }, () => l10n.t('Path of the shared authentication/encryption key.'), {
    default: '/etc/corosync/authkey',
  }),
  key('key', 'totem', { kind: 'string' }, () =>
    l10n.t('The shared key written inline (used only without `keyfile`); discouraged, it leaks the secret.'),
  ),
  key(
    'link_mode',
    'totem',
    enumOf('passive', 'active', 'rr'),
    () => l10n.t('How knet uses several links: `passive` (highest priority link), `active` (all at once) or `rr` (round robin).'),
    { default: 'passive' },
  ),
  key('netmtu', 'totem', U32, () => l10n.t('Largest packet corosync sends, in bytes.'), { default: '1500 (udp/udpu), 65536 (knet)' }),
  key('knet_mtu', 'totem', U32, () => l10n.t('Manual MTU for knet; 0 means discover it automatically.'), { default: '0' }),
  key(
    'clear_node_high_bit',
    'totem',
    YES_NO,
    () => l10n.t('When nodeids are generated from IPv4 addresses, clear the top bit so they stay positive signed 32-bit numbers.'),
    { default: 'no', strict: false },
  ),
  key(
    'config_version',
    'totem',
    { kind: 'integer', min: 0n, max: 18446744073709551615n },
    () => l10n.t('Version number of this file; a node whose number differs from the highest in the cluster exits at first join.'),
    { default: '0' },
  ),
  key(
    'ip_version',
    'totem',
    enumOf('ipv4', 'ipv6', 'ipv4-6', 'ipv6-4'),
    () => l10n.t('Address family asked from the resolver for node names.'),
    {
      default: 'ipv6-4 (knet, udpu), ipv4 (udp)',
    },
  ),
  key(
    'token',
    'totem',
    MS,
    () =>
      l10n.t(
        'Time without the token before a node is declared lost (ms). With 3 or more nodes, `token_coefficient` is added per extra node.',
      ),
    { default: '3000' },
  ),
  key(
    'token_warning',
    'totem',
    U32,
    () => l10n.t('Warn when the token is late by this percentage of the token timeout; 0 disables. Must be 0..100.'),
    {
      default: '75',
    },
  ),
  key('token_coefficient', 'totem', MS, () => l10n.t('Added to `token` for every node beyond two (ms).'), { default: '650' }),
  key(
    'token_retransmit',
    'totem',
    MS,
    () => l10n.t('Time before the token is retransmitted (ms); computed from `token` when unset. At least 30.'),
    {
      default: 'token / (token_retransmits_before_loss_const + 0.2)',
    },
  ),
  key('token_retransmits_before_loss_const', 'totem', U32, () => l10n.t('Token retransmits tried before a new configuration forms.'), {
    default: '4',
  }),
  key('hold', 'totem', MS, () => l10n.t('How long the representative holds the token when the ring is idle (ms). At least 14.'), {
    default: '180 (derived from token_retransmit)',
  }),
  key(
    'join',
    'totem',
    MS,
    () => l10n.t('How long to wait for join messages in the membership protocol (ms). At least 30, and not above `consensus`.'),
    {
      default: '50',
    },
  ),
  key('send_join', 'totem', MS, () => l10n.t('Upper bound of a random delay before sending a join message (ms); for large clusters.'), {
    default: '0',
  }),
  key(
    'consensus',
    'totem',
    MS,
    () =>
      l10n.t('How long to wait for consensus before a new membership round (ms). At least 30 and at least `join`; 1.2 × token when unset.'),
    { default: '1.2 × token' },
  ),
  key('merge', 'totem', MS, () => l10n.t('How long to wait before checking for a partition when no traffic flows (ms). At least 30.'), {
    default: '200',
  }),
  key('downcheck', 'totem', MS, () => l10n.t('How long to wait before checking that a downed interface is back (ms). At least 30.'), {
    default: '1000',
  }),
  key('fail_recv_const', 'totem', U32, () => l10n.t('Token rotations without expected messages before a new configuration forms.'), {
    default: '2500',
  }),
  key('seqno_unchanged_const', 'totem', U32, () => l10n.t('Token rotations without multicast traffic before the hold timer starts.'), {
    default: '30',
  }),
  key(
    'heartbeat_failures_allowed',
    'totem',
    U32,
    () => l10n.t('Heartbeat failures tolerated before failure is declared; 0 disables heartbeating.'),
    {
      default: '0',
    },
  ),
  key('max_network_delay', 'totem', MS, () => l10n.t('Approximate network transport delay for one packet (ms). At least 30.'), {
    default: '50',
  }),
  key('window_size', 'totem', U32, () => l10n.t('Most messages sent in one token rotation.'), { default: '50' }),
  key('max_messages', 'totem', U32, () => l10n.t('Most messages one node sends when it receives the token.'), { default: '17' }),
  key('miss_count_const', 'totem', U32, () => l10n.t('Times a message is checked for retransmission before it is retransmitted.'), {
    default: '5',
  }),
  key(
    'knet_pmtud_interval',
    'totem',
    { kind: 'integer', min: 0n, max: 4294967295n, unit: 's' },
    () => l10n.t('How often knet rediscovers the path MTU (seconds).'),
    { default: '30' },
  ),
  key('knet_compression_model', 'totem', enumOf('zlib', 'lz4', 'lz4hc', 'lzo2', 'lzma', 'bzip2', 'zstd'), () =>
    l10n.t('Compression knet applies to packets. Leave it out to disable compression (corosync 3.1.7 refuses `none`).'),
  ),
  key('knet_compression_threshold', 'totem', U32, () => l10n.t('Packets smaller than this many bytes are not compressed.'), {
    default: '100',
  }),
  key('knet_compression_level', 'totem', { kind: 'integer', min: -2147483648n, max: 2147483647n }, () =>
    l10n.t('Compression level passed unchanged to the compression library.'),
  ),
  key('block_unlisted_ips', 'totem', YES_NO, () => l10n.t('Drop packets from addresses that are not in the nodelist.'), {
    default: 'yes',
    strict: false,
  }),
  key('cancel_token_hold_on_retransmit', 'totem', YES_NO, () => l10n.t('Never hold the token while messages are being retransmitted.'), {
    default: 'no',
    strict: false,
  }),
  key('threads', 'totem', U32, () => l10n.t('Obsolete sending-thread count; ignored by corosync 3.'), {
    deprecated: 'ignored by corosync 3',
  }),
  key('nodeid', 'totem', U32, () => l10n.t('Obsolete: corosync ignores it and takes the nodeid from the nodelist.'), {
    deprecated: 'set `nodeid` in each nodelist `node { }` instead',
  }),
  // ---- totem.interface -------------------------------------------------------------------------
  key(
    'linknumber',
    'totem.interface',
    { kind: 'integer', min: 0n, max: 255n },
    () => l10n.t('Which link (knet, 0..7) or ring (udp: only 0) this block configures.'),
    { default: '0' },
  ),
  key('ringnumber', 'totem.interface', U8, () => l10n.t('Old name of `linknumber` (corosync 2); corosync 3 ignores it.'), {
    deprecated: 'use `linknumber`',
    strict: false,
  }),
  key('knet_link_priority', 'totem.interface', U8, () => l10n.t('Priority of this link in `passive` link mode; the highest wins.'), {
    transports: ['knet'],
  }),
  key(
    'knet_ping_interval',
    'totem.interface',
    MS,
    () => l10n.t('Interval between knet link pings (ms). Set together with `knet_ping_timeout`.'),
    {
      default: 'token / (knet_pong_count × 2)',
      transports: ['knet'],
    },
  ),
  key('knet_ping_timeout', 'totem.interface', MS, () => l10n.t('Without a ping reply for this long the link is declared down (ms).'), {
    default: 'token / knet_pong_count',
    transports: ['knet'],
  }),
  key('knet_ping_precision', 'totem.interface', U32, () => l10n.t('Samples used to average the link latency.'), {
    default: '2048',
    transports: ['knet'],
  }),
  key('knet_pong_count', 'totem.interface', U32, () => l10n.t('Valid ping replies needed before a link is up.'), {
    default: '2',
    transports: ['knet'],
  }),
  key('knet_transport', 'totem.interface', enumOf('udp', 'sctp'), () => l10n.t('IP transport knet uses on this link.'), {
    default: 'udp',
    transports: ['knet'],
  }),
  key(
    'bindnetaddr',
    'totem.interface',
    { kind: 'address' },
    () => l10n.t('Address or network to bind to (udp without a nodelist). Ignored when a nodelist exists.'),
    { transports: ['udp'] },
  ),
  key('broadcast', 'totem.interface', YES_NO, () => l10n.t('Use broadcast instead of multicast (udp only).'), {
    transports: ['udp'],
    strict: false,
  }),
  key(
    'mcastaddr',
    'totem.interface',
    { kind: 'address' },
    () => l10n.t('Multicast address (udp only); derived from cluster_name when unset.'),
    {
      transports: ['udp'],
    },
  ),
  key(
    'mcastport',
    'totem.interface',
    { kind: 'integer', min: 0n, max: 65535n },
    () => l10n.t('UDP port; corosync also uses the port below it.'),
    {
      default: '5405',
    },
  ),
  key('ttl', 'totem.interface', U8, () => l10n.t('IP time-to-live of multicast packets (udp only).'), {
    default: '1',
    transports: ['udp'],
  }),
  // ---- nodelist.node ---------------------------------------------------------------------------
  key(
    'ringX_addr',
    'nodelist.node',
    { kind: 'address' },
    () =>
      l10n.t(
        'Address (or resolvable host name) of the node on link X. Every node needs `ring0_addr`; a link used by one node must be listed for all.',
      ),
    { pattern: /^ring([0-7])_addr$/ },
  ),
  key('nodeid', 'nodelist.node', U32, () => l10n.t('Unique positive node number. Required with knet (1..65535 there); 0 is reserved.')),
  key('name', 'nodelist.node', { kind: 'string' }, () =>
    l10n.t('Node name, matched against the host name to find the local node; Pacemaker uses it as the node name.'),
  ),
  key('quorum_votes', 'nodelist.node', U32, () => l10n.t('Votes this node contributes to quorum.'), { default: '1' }),
  // ---- quorum ----------------------------------------------------------------------------------
  key(
    'provider',
    'quorum',
    enumOf('corosync_votequorum'),
    () => l10n.t('Quorum algorithm; `corosync_votequorum` is the only one. Anything else leaves the cluster without quorum.'),
    { strict: false },
  ),
  key('expected_votes', 'quorum', U32, () => l10n.t('Total votes expected in the cluster; overrides the sum computed from the nodelist.')),
  key('two_node', 'quorum', U8, () => l10n.t('Set to 1 for a two-node cluster: one node alone keeps quorum (implies wait_for_all).'), {
    default: '0',
  }),
  key(
    'wait_for_all',
    'quorum',
    U8,
    () => l10n.t('Set to 1: the cluster becomes quorate for the first time only after all nodes were seen together.'),
    {
      default: '0 (1 with two_node)',
    },
  ),
  key(
    'last_man_standing',
    'quorum',
    U8,
    () => l10n.t('Set to 1: recompute expected votes downwards after nodes fail, one window at a time.'),
    {
      default: '0',
    },
  ),
  key('last_man_standing_window', 'quorum', MS, () => l10n.t('Time to wait before recomputing with last_man_standing (ms).'), {
    default: '10000',
  }),
  key('auto_tie_breaker', 'quorum', U8, () => l10n.t('Set to 1: in an even split the half with the tie-breaker node keeps quorum.'), {
    default: '0',
  }),
  key(
    'auto_tie_breaker_node',
    'quorum',
    { kind: 'string' },
    () => l10n.t('`lowest`, `highest` or a space-separated list of nodeids that win a tie.'),
    {
      default: 'lowest',
    },
  ),
  key('allow_downscale', 'quorum', U8, () => l10n.t('Set to 1: lower expected votes when nodes leave cleanly (unsupported feature).'), {
    default: '0',
  }),
  key(
    'expected_votes_tracking',
    'quorum',
    U8,
    () => l10n.t('Set to 1: remember the highest expected votes on disk and never go below it.'),
    {
      default: '0',
    },
  ),
  key('votes', ['quorum', 'quorum.device'], U32, () =>
    l10n.t('In quorum: deprecated per-node vote setting. In device: votes the quorum device contributes.'),
  ),
  key('leaving_timeout', 'quorum', MS, () => l10n.t('How long a cleanly leaving node is waited for (ms).')),
  // ---- quorum.device ---------------------------------------------------------------------------
  key('model', 'quorum.device', enumOf('net'), () => l10n.t('Quorum device model; only `net` (corosync-qnetd) exists.'), { strict: false }),
  key('timeout', ['quorum.device', 'quorum.device.heuristics'], MS, () =>
    l10n.t(
      'device: how often qdevice polls votequorum (ms, default 10000). heuristics: how long commands may run (ms, default half the device timeout).',
    ),
  ),
  key('sync_timeout', ['quorum.device', 'quorum.device.heuristics'], MS, () =>
    l10n.t('Like `timeout`, during membership changes (device default 30000).'),
  ),
  key('master_wins', 'quorum.device', U8, () => l10n.t('Force master-wins mode on or off (advanced).')),
  // ---- quorum.device.net -----------------------------------------------------------------------
  key('host', 'quorum.device.net', { kind: 'address' }, () => l10n.t('Address or host name of the corosync-qnetd server. Required.')),
  key('port', 'quorum.device.net', { kind: 'string' }, () => l10n.t('TCP port of corosync-qnetd.'), { default: '5403' }),
  key(
    'tls',
    'quorum.device.net',
    enumOf('on', 'off', 'required'),
    () => l10n.t('Use TLS towards qnetd: `on` (when offered), `off`, or `required`.'),
    {
      default: 'on',
      strict: false,
    },
  ),
  key(
    'algorithm',
    'quorum.device.net',
    enumOf('ffsplit', 'lms'),
    () => l10n.t('qnetd decision algorithm: `ffsplit` (even node counts, device votes 1) or `lms` (last man standing).'),
    { default: 'ffsplit', strict: false },
  ),
  key(
    'tie_breaker',
    'quorum.device.net',
    { kind: 'string' },
    () => l10n.t('`lowest`, `highest` or a nodeid: which partition wins an exact tie.'),
    {
      default: 'lowest',
    },
  ),
  key('connect_timeout', 'quorum.device.net', { kind: 'string' }, () => l10n.t('Timeout for connecting to qnetd (ms).'), {
    default: '0.8 × device timeout',
  }),
  key(
    'force_ip_version',
    'quorum.device.net',
    enumOf('0', '4', '6'),
    () => l10n.t('Force IPv4 (4) or IPv6 (6); 0 prefers IPv6 then IPv4.'),
    {
      default: '0',
      strict: false,
    },
  ),
  key(
    'keep_active_partition_tie_breaker',
    'quorum.device.net',
    ON_OFF,
    () => l10n.t('In a tie, prefer the partition that was quorate before (ffsplit).'),
    { default: 'on', strict: false },
  ),
  // ---- quorum.device.heuristics ----------------------------------------------------------------
  key('interval', 'quorum.device.heuristics', { kind: 'string' }, () => l10n.t('Interval between regular heuristics runs (ms).'), {
    default: '3 × device timeout',
  }),
  key(
    'mode',
    'quorum.device.heuristics',
    enumOf('on', 'sync', 'off'),
    () => l10n.t('`on` (also run regularly), `sync` (only on membership changes) or `off`.'),
    { default: 'off', strict: false },
  ),
  key(
    'exec_NAME',
    'quorum.device.heuristics',
    { kind: 'string' },
    () => l10n.t('A command to run; all must exit 0 in time for the heuristics to pass.'),
    { pattern: /^exec_.+$/ },
  ),
  // ---- logging ---------------------------------------------------------------------------------
  key(
    'timestamp',
    'logging',
    enumOf('on', 'off', 'hires'),
    () => l10n.t('Timestamp on log lines: `off`, `on` (seconds) or `hires` (milliseconds).'),
    {
      default: 'hires',
    },
  ),
  key('fileline', LOG_SECTIONS, ON_OFF, () => l10n.t('Print source file and line.'), { default: 'off' }),
  key('function_name', LOG_SECTIONS, ON_OFF, () => l10n.t('Print the function name.'), { default: 'off' }),
  key('blackbox', 'logging', ON_OFF, () => l10n.t('Keep a flight-recorder buffer of recent messages.'), { default: 'on' }),
  key('to_stderr', LOG_SECTIONS, LOG_BOOL, () => l10n.t('Log to standard error.'), { default: 'yes' }),
  key('to_logfile', LOG_SECTIONS, LOG_BOOL, () => l10n.t('Log to the file named by `logfile`.'), { default: 'no' }),
  key('to_syslog', LOG_SECTIONS, LOG_BOOL, () => l10n.t('Log to syslog.'), { default: 'yes' }),
  key('logfile', LOG_SECTIONS, { kind: 'path' }, () => l10n.t('Log file path, used with `to_logfile: yes`.')),
  key('logfile_priority', LOG_SECTIONS, PRIORITIES, () => l10n.t('Lowest priority written to the log file.'), { default: 'info' }),
  key('syslog_facility', LOG_SECTIONS, FACILITIES, () => l10n.t('Syslog facility.'), { default: 'daemon' }),
  key('syslog_priority', LOG_SECTIONS, PRIORITIES, () => l10n.t('Lowest priority sent to syslog.'), { default: 'info' }),
  key('debug', LOG_SECTIONS, enumOf('on', 'off', 'trace'), () => l10n.t('Debug output: `off`, `on` or `trace` (most detail).'), {
    default: 'off',
  }),
  key('subsys', 'logging.logger_subsys', { kind: 'string' }, () =>
    l10n.t('Subsystem these settings apply to (e.g. QUORUM, QDEVICE). Required in logger_subsys.'),
  ),
  // ---- system ----------------------------------------------------------------------------------
  key(
    'qb_ipc_type',
    'system',
    enumOf('native', 'shm', 'socket'),
    () => l10n.t('IPC type for clients: `native` (shm when available), `shm` or `socket`.'),
    { default: 'native' },
  ),
  key('sched_rr', 'system', YES_NO, () => l10n.t('Try to run with round-robin realtime scheduling.'), { default: 'yes' }),
  key('priority', 'system', { kind: 'string' }, () => l10n.t('Process priority when sched_rr is no: a nice value, `max` or `min`.')),
  key(
    'move_to_root_cgroup',
    'system',
    enumOf('yes', 'no', 'auto'),
    () => l10n.t('Move corosync to the root cgroup so realtime scheduling works.'),
    {
      default: 'auto',
    },
  ),
  key('allow_knet_handle_fallback', 'system', YES_NO, () => l10n.t('Fall back to an unprivileged knet handle (containers).'), {
    default: 'no',
  }),
  key('state_dir', 'system', { kind: 'path' }, () => l10n.t('Directory for state files and blackboxes.'), { default: '/var/lib/corosync' }),
  // ---- resources -------------------------------------------------------------------------------
  key('watchdog_device', 'resources', { kind: 'path' }, () =>
    l10n.t('Watchdog device (e.g. /dev/watchdog); unset, empty or `off` disables it.'),
  ),
  // ---- nozzle ----------------------------------------------------------------------------------
  key('name', 'nozzle', { kind: 'string' }, () => l10n.t('Name of the network device to create.')),
  key('ipaddr', 'nozzle', { kind: 'address' }, () => l10n.t('Base IP address; its low part is replaced by the nodeid.')),
  key('ipprefix', 'nozzle', { kind: 'string' }, () => l10n.t('Prefix length of the nozzle address.')),
  key('macaddr', 'nozzle', { kind: 'string' }, () => l10n.t('MAC address prefix; the low two bytes become the nodeid.')),
  // ---- uidgid ----------------------------------------------------------------------------------
  key('uid', 'uidgid', { kind: 'string' }, () => l10n.t('User allowed to use corosync IPC.')),
  key('gid', 'uidgid', { kind: 'string' }, () => l10n.t('Group allowed to use corosync IPC.')),
];

// Duplicated names (votes, timeout, sync_timeout) share one KeySpec listing several sections;
// `name` appears twice (node and nozzle) with different meanings, hence per-section lookup.
const byPath = new Map<string, Map<string, KeySpec>>();
const patterned: KeySpec[] = [];
for (const spec of KEYS) {
  if (spec.pattern) {
    patterned.push(spec);
    continue;
  }
  for (const section of spec.sections) {
    if (!byPath.has(section)) byPath.set(section, new Map());
    byPath.get(section)!.set(spec.name, spec);
  }
}
const sectionByPath = new Map(SECTIONS.map((s) => [s.path, s]));

export function sectionSpec(path: string): SectionSpec | undefined {
  return sectionByPath.get(path);
}

/** The key as corosync reads it in the section at `path`, or undefined when it does not belong there. */
export function keySpec(path: string, name: string): KeySpec | undefined {
  const direct = byPath.get(path)?.get(name);
  if (direct) return direct;
  return patterned.find((p) => p.sections.includes(path) && p.pattern!.test(name));
}

/** Every section path where a key of that name is valid (for "belongs in ..." hints). */
export function sectionsForKey(name: string): string[] {
  const out: string[] = [];
  for (const [path, keys] of byPath) if (keys.has(name)) out.push(path);
  for (const p of patterned) if (p.pattern!.test(name)) out.push(...p.sections);
  return out;
}

/** Key names offered in a section (patterns expanded to concrete names). */
export function keyNamesFor(path: string): string[] {
  const names = [...(byPath.get(path)?.keys() ?? [])];
  for (const p of patterned) {
    if (!p.sections.includes(path)) continue;
    if (p.name === 'ringX_addr') for (let i = 0; i < 8; i++) names.push(`ring${i}_addr`);
  }
  return names;
}

/** Sections that may open directly inside `path`. */
export function childSectionsOf(path: string): SectionSpec[] {
  return SECTIONS.filter((s) => parentPath(s.path) === path);
}

export function parentPath(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? '' : path.slice(0, dot);
}

/** Where a section of this name belongs (for "belongs in ..." hints). */
export function sectionPathsNamed(name: string): string[] {
  return SECTIONS.filter((s) => s.name === name).map((s) => s.path);
}

export function describeType(type: ValueType): string {
  switch (type.kind) {
    case 'integer':
      return `integer ${type.min}..${type.max}${type.unit ? ` (${type.unit})` : ''}`;
    case 'enum':
      return `one of ${type.values.map((v) => `\`${v}\``).join(', ')}`;
    case 'address':
      return 'IP address or host name';
    case 'path':
      return 'file path';
    default:
      return 'text';
  }
}

/** Schema as data, for the integrator (docs generation, snippets). */
export const corosyncSchema = { sections: SECTIONS, keys: KEYS, keySpec, sectionSpec, keyNamesFor, childSectionsOf };
