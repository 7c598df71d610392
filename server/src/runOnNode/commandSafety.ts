// What a command line does that a person must agree to, and what in it must never be shown: decided
// on the PARSED command (tree-sitter-bash and the shell extraction's Walker: argv words unquoted,
// loops, `ssh host '…'`, `bash -c '…'`, heredocs to ssh), never on a regular expression over the text.
//
// - Destructive: the argv of every command, after unwrapping wrappers (sudo, env, nohup, nice, timeout,
//   stdbuf, xargs, chroot, flock, ip netns exec, nsenter, watch, …), is matched against what destroys
//   data, a cluster or a node's availability (pcs with its global options removed as pcs's own getopt
//   does, rm of /, reboot and friends, init/telinit runlevels, systemctl verbs, writes to
//   /proc/sysrq-trigger or a block device by redirection, tee or dd, …). A program named by a variable
//   followed by destructive words counts as destructive; so does a subcommand that is a variable where
//   a destructive word could stand. Text fed to a shell's stdin (`echo reboot | bash`, `bash <<EOF`)
//   is classified too.
// - Secrets: option values that are passwords (pcs -p, sshpass -p, ipmitool -P, mysql -pX, curl -u
//   a:X, fence agents -p, --password=…, password=/passwd= attributes, …), what is piped, here-stringed
//   or heredoc'ed into passwd/chpasswd/…, and the value of any variable assigned in the text and later
//   used in such a position (`PW=x; pcs … -p $PW`), or whose name says it is a password.
//
// When the shell cannot parse the text completely the answer errs on the safe side: it is destructive
// ("could not be checked") and the text-pattern masker runs over it as well.
// Pure: no I/O (the grammars are loaded once by the server before any request).
import type { Node } from 'web-tree-sitter';
import { grammars, parserFor } from '../parsing/treeSitter';
import { Walker, type RelWord } from '../shell/walk';
import { baseName } from '../shell/vocabulary';
import { MASK, maskSecrets } from '../../../shared/src/runOnNode/fallbackSafety';

export type { CommandSafety, DestructiveFinding, SecretSpan } from '../../../shared/src/runOnNode/safety';
import type { CommandSafety, DestructiveFinding, SecretSpan } from '../../../shared/src/runOnNode/safety';
import { localizeReason } from './reasonText';

/** A word of a command: its unquoted text and where it is in the classified text. */
interface W {
  text: string;
  start: number;
  end: number;
  /** Offset of text[0] when the word's characters are contiguous in the source. */
  textOffset?: number;
  dynamic?: boolean;
}

interface View {
  argv: W[];
  /** `ssh node2` when this command runs on another host. */
  via?: string;
  /** The command is a shell that reads its script from stdin (`bash`, `bash -s`, `ssh host`, `sudo -s`). */
  readsScript?: boolean;
  /** Where that script runs when it is not here (`ssh node2`). */
  scriptVia?: string;
}

interface CommandString {
  words: W[];
  via?: string;
}

interface Assignment {
  name: string;
  span: SecretSpan;
}

interface Local {
  destructive: DestructiveFinding[];
  spans: SecretSpan[];
  secretVars: Set<string>;
  assignments: Assignment[];
  unsure?: string;
}

const MAX_DEPTH = 4;
const MAX_TEXT = 200_000;

const SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'ash', 'mksh', 'busybox-sh']);
const SECRET_NAME = /PASS|SECRET|TOKEN|(?:^|_)PW(?:_|$)|CREDENTIAL/i;

// ---- entry point ---------------------------------------------------------------------------------

/** Classifies a command line or a block of lines (prompts already removed). */
export function classifyCommand(text: string): CommandSafety {
  let local: Local;
  try {
    local = text.length > MAX_TEXT ? unsureLocal(`longer than ${MAX_TEXT} characters`) : analyse(text, 0);
  } catch (error) {
    local = unsureLocal(`the shell parser failed (${error instanceof Error ? error.message : String(error)})`);
  }
  const spans = [...local.spans];
  for (const assignment of local.assignments) {
    if (local.secretVars.has(assignment.name) || SECRET_NAME.test(assignment.name)) spans.push(assignment.span);
  }
  const secrets = mergeSpans(spans, text.length);
  let masked = applySpans(text, secrets);
  const destructive = [...local.destructive];
  if (local.unsure) {
    // What cannot be parsed cannot be proven harmless: ask, and let the text patterns mask too.
    masked = maskSecrets(masked);
    destructive.push({ reason: `could not be checked (${local.unsure})`, command: '' });
  }
  // the reasons are compared in English above; the person reads them in their language
  const result: CommandSafety = {
    destructive: dedupe(destructive).map((f) => ({ ...f, reason: localizeReason(f.reason) })),
    secrets,
    masked,
  };
  if (local.unsure) result.unsure = local.unsure;
  return result;
}

function unsureLocal(why: string): Local {
  return { destructive: [], spans: [], secretVars: new Set(), assignments: [], unsure: why };
}

function dedupe(findings: DestructiveFinding[]): DestructiveFinding[] {
  const seen = new Map<string, DestructiveFinding>();
  for (const f of findings) {
    const key = `${f.reason}\u0000${f.command}`;
    if (!seen.has(key)) seen.set(key, f);
  }
  return [...seen.values()];
}

function mergeSpans(spans: SecretSpan[], length: number): SecretSpan[] {
  const sorted = spans.filter((s) => s.start >= 0 && s.end <= length && s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: SecretSpan[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start < last.end) {
      // Overlap: hide the union (the outer replacement keeps its kept prefix when it starts first).
      if (span.end > last.end)
        out[out.length - 1] = { start: last.start, end: span.end, replacement: last.start === span.start ? MASK : last.replacement };
      continue;
    }
    out.push({ ...span });
  }
  return out;
}

function applySpans(text: string, spans: SecretSpan[]): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + span.replacement;
    at = span.end;
  }
  return out + text.slice(at);
}

// ---- one level of text -----------------------------------------------------------------------------

function analyse(text: string, depth: number): Local {
  const local: Local = { destructive: [], spans: [], secretVars: new Set(), assignments: [] };
  const parser = parserFor(grammars().bash);
  const tree = parser.parse(text);
  if (!tree) return unsureLocal('the shell parser gave no tree');
  try {
    if (tree.rootNode.hasError) local.unsure = 'the shell cannot parse it completely';
    const identity = new Int32Array(text.length + 1);
    for (let i = 0; i <= text.length; i++) identity[i] = i;
    const walked = new Walker(parser).walk(text, identity);

    // Every invocation (the Walker already follows loops, wrappers it knows, ssh and bash -c strings).
    const byNameStart = new Map<number, View[]>();
    const strings: CommandString[] = [];
    for (const inv of walked.invocations) {
      const argv = inv.argv.map(toW);
      if (!argv.length) continue;
      const via = inv.remote?.via === 'ssh' ? `ssh ${inv.remote.host?.text ?? ''}`.trim() : undefined;
      const views: View[] = [];
      expand(argv, via, views, strings, 0);
      if (!byNameStart.has(argv[0]!.start)) byNameStart.set(argv[0]!.start, views);
      for (const view of views) {
        local.destructive.push(...destructiveOf(view));
        secretsOf(view, local);
      }
    }

    // Structure the argv does not show: redirections, pipes, here-strings, heredocs, assignments.
    const viewsOf = (node: Node | null | undefined): View[] => {
      const command = commandNode(node);
      const name = command?.childForFieldName('name');
      return name ? (byNameStart.get(name.startIndex) ?? []) : [];
    };
    const stack: Node[] = [tree.rootNode];
    while (stack.length) {
      const node = stack.pop()!;
      switch (node.type) {
        case 'file_redirect':
          fileRedirect(node, text, viewsOf(node.parent), local);
          break;
        case 'herestring_redirect':
          feed(viewsOf(node.parent), [nodeWord(node.namedChild(0), text)], local, strings);
          break;
        case 'heredoc_redirect':
          heredoc(node, text, viewsOf(node.parent), viewsOf, local, strings);
          break;
        case 'pipeline': {
          const stages = node.namedChildren.filter((c): c is Node => c !== null);
          for (let i = 1; i < stages.length; i++) feed(viewsOf(stages[i]), feederWords(viewsOf(stages[i - 1])), local, strings);
          break;
        }
        case 'variable_assignment': {
          const name = node.childForFieldName('name');
          const value = node.childForFieldName('value');
          if (name && value)
            local.assignments.push({
              name: text.slice(name.startIndex, name.endIndex),
              span: { start: value.startIndex, end: value.endIndex, replacement: MASK },
            });
          break;
        }
      }
      for (const child of node.namedChildren) if (child) stack.push(child);
    }

    // Command strings run elsewhere (ssh, bash -c, eval, watch, …) and scripts fed to a shell's stdin.
    if (depth < MAX_DEPTH) {
      const done = new Set<string>();
      for (const s of strings) {
        const key = s.words.map((w) => `${w.start}:${w.end}`).join(',');
        if (done.has(key) || !s.words.length) continue;
        done.add(key);
        nested(s, depth, local);
      }
    }
  } finally {
    tree.delete();
  }
  return local;
}

function toW(word: RelWord): W {
  const w: W = { text: word.text, start: word.start, end: word.end };
  if (word.textOffset !== undefined) w.textOffset = word.textOffset;
  if (word.dynamic) w.dynamic = true;
  return w;
}

/** The `command` node of a pipeline stage, a redirected statement or a command. */
function commandNode(node: Node | null | undefined): Node | undefined {
  if (!node) return undefined;
  if (node.type === 'command') return node;
  if (node.type === 'redirected_statement') return commandNode(node.childForFieldName('body'));
  return undefined;
}

/** A word from a tree node (for redirect targets, here-strings), unquoted as far as it is literal. */
function nodeWord(node: Node | null | undefined, text: string): W {
  if (!node) return { text: '', start: 0, end: 0 };
  const raw = text.slice(node.startIndex, node.endIndex);
  const w: W = { text: raw, start: node.startIndex, end: node.endIndex };
  if (node.type === 'raw_string') {
    w.text = raw.slice(1, -1);
    w.textOffset = node.startIndex + 1;
  } else if (node.type === 'string') {
    w.text = raw.slice(1, -1);
    if (node.namedChildren.some((c) => c && c.type !== 'string_content')) w.dynamic = true;
    else if (!w.text.includes('\\')) w.textOffset = node.startIndex + 1;
  } else if (/[$`]/.test(raw)) {
    w.dynamic = true;
    w.text = raw.replace(/^['"]|['"]$/g, '');
  } else if (!/['"\\]/.test(raw)) {
    w.textOffset = node.startIndex;
  } else {
    w.text = raw.replace(/\\(.)/g, '$1').replace(/['"]/g, '');
  }
  return w;
}

// ---- wrappers ------------------------------------------------------------------------------------

/** Index of the first operand; `short` letters and `long` names take a value (attached or next). */
function operandIndex(argv: W[], from: number, short: string, long: readonly string[] = [], numericOptions = false): number {
  let i = from;
  while (i < argv.length) {
    const t = argv[i]!.text;
    if (t === '--') return i + 1;
    if (t.startsWith('--') && t.length > 2) {
      const name = t.slice(2);
      if (!name.includes('=') && long.includes(name)) i++;
      i++;
      continue;
    }
    if (!/^-[A-Za-z0-9]/.test(t)) return i;
    if (/^-\d+$/.test(t) && !numericOptions) return i;
    const letters = t.slice(1);
    for (let k = 0; k < letters.length; k++) {
      if (short.includes(letters[k]!)) {
        if (k === letters.length - 1) i++;
        break;
      }
    }
    i++;
  }
  return i;
}

function hasFlag(argv: W[], end: number, letter: string, long?: string): boolean {
  for (let i = 1; i < end; i++) {
    const t = argv[i]!.text;
    if (long && t === `--${long}`) return true;
    if (/^-[A-Za-z]+$/.test(t) && t.slice(1).includes(letter)) return true;
  }
  return false;
}

function skipAssignments(argv: W[], i: number): number {
  while (i < argv.length && /^[A-Za-z_]\w*=/.test(argv[i]!.text)) i++;
  return i;
}

/** Adds `argv` and the commands it runs (wrappers unwrapped) to `views`; command strings to `strings`. */
function expand(argv: W[], via: string | undefined, views: View[], strings: CommandString[], depth: number): void {
  const view: View = { argv, via };
  views.push(view);
  if (depth > 8 || argv.length === 0 || argv[0]!.dynamic) return;
  const program = baseName(argv[0]!.text);
  const inner = (from: number, innerVia = via) => {
    if (from < argv.length) expand(argv.slice(from), innerVia, views, strings, depth + 1);
  };
  const commandString = (words: W[], innerVia = via) => {
    if (words.length) strings.push({ words, via: innerVia });
  };
  switch (program) {
    case 'sudo':
    case 'doas': {
      let i = operandIndex(argv, 1, 'ugCDhprtUT', [
        'user',
        'group',
        'close-from',
        'chdir',
        'host',
        'prompt',
        'role',
        'type',
        'other-user',
        'command-timeout',
      ]);
      i = skipAssignments(argv, i);
      if (i >= argv.length) view.readsScript = hasFlag(argv, i, 's', 'shell') || hasFlag(argv, i, 'i', 'login');
      else inner(i);
      return;
    }
    case 'env': {
      let i = 1;
      while (i < argv.length) {
        const t = argv[i]!.text;
        if (t === '--') {
          i++;
          break;
        }
        if (t === '-u' || t === '--unset' || t === '-C' || t === '--chdir') {
          i += 2;
          continue;
        }
        if (t === '-S' || t === '--split-string') {
          if (argv[i + 1]) commandString([argv[i + 1]!]);
          return;
        }
        if (/^-S./.test(t) || t.startsWith('--split-string=')) {
          commandString([argv[i]!]);
          return;
        }
        if (t.startsWith('-') || /^[A-Za-z_]\w*=/.test(t)) {
          i++;
          continue;
        }
        break;
      }
      inner(skipAssignments(argv, i));
      return;
    }
    case 'nohup':
    case 'setsid':
    case 'unbuffer':
    case 'time':
    case 'builtin':
    case 'stdbuf':
    case 'nice':
    case 'exec':
      inner(
        operandIndex(
          argv,
          1,
          program === 'stdbuf' ? 'ioe' : program === 'nice' ? 'n' : program === 'exec' ? 'a' : '',
          ['input', 'output', 'error', 'adjustment'],
          program === 'nice',
        ),
      );
      return;
    case 'command': {
      const i = operandIndex(argv, 1, '');
      if (!hasFlag(argv, i, 'v') && !hasFlag(argv, i, 'V')) inner(i);
      return;
    }
    case 'ionice': {
      const i = operandIndex(argv, 1, 'cnp');
      if (!hasFlag(argv, i, 'p')) inner(i);
      return;
    }
    case 'chrt': {
      const i = operandIndex(argv, 1, 'TPD');
      if (!hasFlag(argv, i, 'p')) inner(i + 1);
      return;
    }
    case 'taskset': {
      const i = operandIndex(argv, 1, '');
      if (!hasFlag(argv, i, 'p')) inner(i + 1);
      return;
    }
    case 'timeout':
      inner(operandIndex(argv, 1, 'sk', ['signal', 'kill-after']) + 1);
      return;
    case 'chroot':
      inner(operandIndex(argv, 1, '', ['userspec', 'groups']) + 1);
      return;
    case 'busybox':
    case 'toybox':
    case 'lvm':
      inner(1);
      return;
    case 'ip': {
      const netns = argv.findIndex((w, k) => k > 0 && w.text === 'netns');
      if (netns > 0 && argv[netns + 1]?.text === 'exec') inner(netns + 3);
      return;
    }
    case 'nsenter':
      inner(operandIndex(argv, 1, 'tSG', ['target', 'setuid', 'setgid']));
      return;
    case 'xargs':
      inner(
        operandIndex(argv, 1, 'adEILnPs', [
          'arg-file',
          'delimiter',
          'eof',
          'replace',
          'max-lines',
          'max-args',
          'max-procs',
          'max-chars',
          'process-slot-var',
        ]),
      );
      return;
    case 'flock': {
      const i = operandIndex(argv, 1, 'wE', ['timeout', 'conflict-exit-code']);
      const next = argv[i + 1]?.text;
      if (next === '-c' || next === '--command') commandString(argv.slice(i + 2, i + 3));
      else inner(i + 1);
      return;
    }
    case 'runuser':
    case 'su': {
      const c = argv.findIndex((w, k) => k > 0 && (w.text === '-c' || w.text === '--command'));
      if (c > 0) commandString(argv.slice(c + 1, c + 2));
      else if (program === 'runuser') {
        const dashes = argv.findIndex((w) => w.text === '--');
        if (dashes > 0) inner(dashes + 1);
      } else view.readsScript = true;
      return;
    }
    case 'watch': {
      const i = operandIndex(argv, 1, 'nq', ['interval']);
      if (hasFlag(argv, i, 'x', 'exec')) inner(i);
      else commandString(argv.slice(i));
      return;
    }
    case 'systemd-run':
      inner(
        operandIndex(argv, 1, 'upEHMS', [
          'unit',
          'property',
          'setenv',
          'host',
          'machine',
          'description',
          'slice',
          'uid',
          'gid',
          'working-directory',
          'nice',
          'on-active',
          'on-boot',
          'on-calendar',
          'timer-property',
          'path-property',
          'socket-property',
          'service-type',
        ]),
      );
      return;
    case 'sshpass':
      inner(operandIndex(argv, 1, 'pfdP'));
      return;
    case 'ssh': {
      const host = operandIndex(argv, 1, 'BbcDEeFIiJLlmOopQRSWw');
      if (host >= argv.length) return;
      const remote = `ssh ${argv[host]!.text}`;
      if (host + 1 >= argv.length) {
        view.readsScript = true;
        view.scriptVia = remote;
      } else commandString(argv.slice(host + 1), remote);
      return;
    }
    case 'eval':
      commandString(argv.slice(1));
      return;
    case 'alias':
      for (const w of argv.slice(1)) {
        const eq = w.text.indexOf('=');
        if (eq > 0 && w.textOffset !== undefined) {
          const value = w.text.slice(eq + 1);
          commandString([{ text: value, start: w.textOffset + eq + 1, end: w.end, textOffset: w.textOffset + eq + 1 }]);
        }
      }
      return;
    default:
      if (SHELLS.has(program)) {
        for (let i = 1; i < argv.length; i++) {
          const t = argv[i]!.text;
          if (/^[-+][A-Za-z]+$/.test(t)) {
            if (t.includes('c')) {
              commandString(argv.slice(i + 1, i + 2));
              return;
            }
            if (t.endsWith('o') || t === '-O') i++;
            if (t.includes('s')) view.readsScript = true;
            continue;
          }
          return; // a script file
        }
        view.readsScript = true;
      }
  }
}

// ---- destructive ---------------------------------------------------------------------------------

const PCS_LONG_WITH_VALUE = [
  'request-timeout',
  'name',
  'group',
  'node',
  'from',
  'to',
  'after',
  'before',
  'corosync_conf',
  'booth-conf',
  'booth-key',
  'output-format',
  'token',
];
const PCS_LONG = [
  'debug',
  'version',
  'help',
  'fullhelp',
  'force',
  'skip-offline',
  'autodelete',
  'simulate',
  'all',
  'full',
  'local',
  'wait',
  'config',
  'start',
  'enable',
  'disabled',
  'off',
  'brief',
  'safe',
  'no-strict',
  'strict',
  'pacemaker',
  'corosync',
  'no-default-ops',
  'defaults',
  'nodesc',
  'master',
  'promoted',
  'no-watchdog-validation',
  'no-cluster-uuid',
  'no-keys-sync',
  'hide-inactive',
  'monitor',
  'groups',
  'expired',
  'no-expire-check',
  'overwrite',
  'agent-validation',
  ...PCS_LONG_WITH_VALUE,
];

/** pcs's positional words, its options removed as its gnu_getopt does ("hf:p:u:", long options, unique prefixes). */
function pcsPositionals(argv: W[]): W[] {
  const out: W[] = [];
  for (let i = 1; i < argv.length; i++) {
    const w = argv[i]!;
    const t = w.text;
    if (t === '--') {
      out.push(...argv.slice(i + 1));
      break;
    }
    if (t.startsWith('--') && t.length > 2) {
      if (t.includes('=')) continue;
      const name = t.slice(2);
      const matches = PCS_LONG.filter((o) => o === name || o.startsWith(name));
      const exact = PCS_LONG.includes(name) ? name : matches.length === 1 ? matches[0] : undefined;
      if (exact && PCS_LONG_WITH_VALUE.includes(exact)) i++;
      continue;
    }
    if (/^-[A-Za-z]/.test(t)) {
      const letters = t.slice(1);
      for (let k = 0; k < letters.length; k++) {
        if ('fpu'.includes(letters[k]!)) {
          if (k === letters.length - 1) i++;
          break;
        }
      }
      continue;
    }
    out.push(w);
  }
  return out;
}

const PCS_RULES: { words: string[]; reason: string }[] = [
  { words: ['cluster', 'destroy'], reason: 'erases the cluster configuration on the node' },
  { words: ['cluster', 'kill'], reason: 'kills the cluster daemons without a clean stop' },
  { words: ['cluster', 'node', 'remove'], reason: 'removes a node from the cluster' },
  { words: ['cluster', 'node', 'delete'], reason: 'removes a node from the cluster' },
  { words: ['cluster', 'node', 'remove-remote'], reason: 'removes a node from the cluster' },
  { words: ['cluster', 'node', 'delete-remote'], reason: 'removes a node from the cluster' },
  { words: ['cluster', 'node', 'remove-guest'], reason: 'removes a node from the cluster' },
  { words: ['cluster', 'node', 'delete-guest'], reason: 'removes a node from the cluster' },
  { words: ['stonith', 'fence'], reason: 'fences (powers off or cuts off) a node' },
];

function pcsFindings(argv: W[], shown: string): DestructiveFinding[] {
  const words = pcsPositionals(argv);
  const out: DestructiveFinding[] = [];
  const possible: string[] = [];
  let variable: W | undefined;
  let variableAt = 0;
  for (const rule of PCS_RULES) {
    let k = 0;
    for (; k < rule.words.length; k++) {
      const w = words[k];
      if (!w) break;
      if (w.dynamic) {
        // A variable where a destructive word could stand: pcs might do it.
        variable ??= w;
        variableAt = k;
        if (w === variable) possible.push(rule.words.slice(k).join(' '));
        break;
      }
      if (w.text !== rule.words[k]) break;
    }
    if (k === rule.words.length && !out.some((f) => f.reason === rule.reason))
      out.push({ reason: rule.reason, command: `${shown} ${rule.words.join(' ')}` });
  }
  if (variable && possible.length) {
    const uniq = [...new Set(possible)];
    out.push({
      reason: `runs a pcs subcommand taken from a variable (${varName(variable)}), which could be ${uniq
        .slice(0, 3)
        .map((p) => `"${p}"`)
        .join(' or ')}${uniq.length > 3 ? ' or …' : ''}`,
      command: `${shown} ${[...words.slice(0, variableAt).map((x) => x.text), varName(variable)].join(' ')}`,
    });
  }
  return out;
}

const NOT_A_DEVICE = new Set([
  '/dev/null',
  '/dev/zero',
  '/dev/stdout',
  '/dev/stderr',
  '/dev/stdin',
  '/dev/tty',
  '/dev/full',
  '/dev/random',
  '/dev/urandom',
  '/dev/console',
  '/dev/kmsg',
]);

/** Why writing to `path` is destructive, if it is. */
function writeTargetReason(path: string): string | undefined {
  if (/^\/proc\/sysrq-trigger$/.test(path.replace(/\/+/g, '/'))) return 'crashes or reboots the node at once (sysrq)';
  if (path.startsWith('/dev/') && !NOT_A_DEVICE.has(path) && !/^\/dev\/(?:fd|pts|shm|mqueue|tcp|udp)\//.test(path))
    return 'writes raw data over a device';
  return undefined;
}

const ROOT_TARGETS = /^\/+(?:\*|\.)?$/;
const SYSTEM_DIRS = new Set([
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/home',
  '/lib',
  '/lib64',
  '/opt',
  '/root',
  '/sbin',
  '/srv',
  '/usr',
  '/var',
  '/proc',
  '/sys',
]);

function rmFindings(argv: W[]): DestructiveFinding[] {
  let recursive = false;
  let noPreserve = false;
  const operands: W[] = [];
  let options = true;
  for (const w of argv.slice(1)) {
    const t = w.text;
    if (options && t === '--') {
      options = false;
      continue;
    }
    if (options && t.startsWith('--')) {
      if (t === '--recursive') recursive = true;
      if (t === '--no-preserve-root') noPreserve = true;
      continue;
    }
    if (options && /^-[A-Za-z]+$/.test(t)) {
      if (/[rR]/.test(t)) recursive = true;
      continue;
    }
    operands.push(w);
  }
  if (!recursive) return [];
  for (const w of operands) {
    const path = w.text.replace(/\/+$/, '') || '/';
    if (!w.dynamic && (ROOT_TARGETS.test(w.text) || (noPreserve && path === '/')))
      return [{ reason: 'deletes the whole file system', command: `rm ${noPreserve ? '--no-preserve-root ' : ''}-r ${w.text}` }];
    if (!w.dynamic && SYSTEM_DIRS.has(path)) return [{ reason: `deletes the system folder ${path}`, command: `rm -r ${w.text}` }];
    // `rm -rf "$DIR"/` or `$DIR/*`: with an empty variable that is the whole file system.
    if (w.dynamic && /^(?:\$\{?\w+\}?|"\$\{?\w+\}?")\/+\*?$/.test(w.text))
      return [
        {
          reason: `deletes ${w.text}, which is the whole file system when ${w.text.replace(/\/.*$/, '')} is empty`,
          command: `rm -r ${w.text}`,
        },
      ];
  }
  if (noPreserve) return [{ reason: 'deletes recursively with --no-preserve-root', command: 'rm -r --no-preserve-root' }];
  return [];
}

const SYSTEMCTL_VALUE_SHORT = 'tpsHMno';
const SYSTEMCTL_VALUE_LONG = [
  'type',
  'property',
  'signal',
  'host',
  'machine',
  'lines',
  'output',
  'kill-whom',
  'kill-who',
  'root',
  'image',
  'state',
  'job-mode',
  'what',
  'timestamp',
  'boot-loader-entry',
  'boot-loader-menu',
  'reboot-argument',
  'message',
  'when',
  'preset-mode',
  'drop-in',
  'check-inhibitors',
  'legend',
  'runtime-scope',
];
const STOPPING_VERBS = new Set([
  'reboot',
  'poweroff',
  'halt',
  'kexec',
  'soft-reboot',
  'emergency',
  'rescue',
  'suspend',
  'hibernate',
  'hybrid-sleep',
  'suspend-then-hibernate',
]);
const STOPPING_TARGETS = /^(?:reboot|poweroff|halt|kexec|emergency|rescue|soft-reboot)(?:\.target)?$/;

function systemctlFindings(argv: W[]): DestructiveFinding[] {
  const positional: W[] = [];
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i]!.text;
    if (t.startsWith('--')) {
      if (!t.includes('=') && SYSTEMCTL_VALUE_LONG.includes(t.slice(2))) i++;
      continue;
    }
    if (/^-[A-Za-z]+$/.test(t)) {
      if (SYSTEMCTL_VALUE_SHORT.includes(t[t.length - 1]!)) i++;
      continue;
    }
    positional.push(argv[i]!);
  }
  const verb = positional[0];
  if (!verb) return [];
  if (verb.dynamic)
    return [
      {
        reason: `runs a systemctl verb taken from a variable (${varName(verb)}), which could restart or stop the node`,
        command: `systemctl ${varName(verb)}`,
      },
    ];
  if (STOPPING_VERBS.has(verb.text)) return [{ reason: 'restarts or stops the node', command: `systemctl ${verb.text}` }];
  if (
    ['isolate', 'start', 'restart'].includes(verb.text) &&
    positional.slice(1).some((w) => STOPPING_TARGETS.test(w.text) && (verb.text === 'isolate' || w.text.endsWith('.target')))
  ) {
    return [
      {
        reason: 'restarts or stops the node',
        command: `systemctl ${verb.text} ${positional
          .slice(1)
          .map((w) => w.text)
          .join(' ')}`,
      },
    ];
  }
  return [];
}

/** Destructive findings of one command (its argv as run, wrappers already split off). */
function argvFindings(program: string, argv: W[]): DestructiveFinding[] {
  const words = argv.slice(1);
  const texts = words.map((w) => w.text);
  const tokens = texts.flatMap((t) => t.split(/\s+/)).filter(Boolean);
  switch (program) {
    case 'pcs':
      return pcsFindings(argv, 'pcs');
    case 'stonith_admin':
      return texts.some((t) => /^(?:-[A-Za-z]*[FB]|--fence|--reboot)(?:=|$|[^A-Za-z-])/.test(t) || /^-[FB]./.test(t))
        ? [{ reason: 'fences a node', command: 'stonith_admin --fence/--reboot' }]
        : [];
    case 'mke2fs':
    case 'mkswap':
    case 'mkdosfs':
    case 'mkntfs':
      return [{ reason: 'formats a device, erasing what it holds', command: program }];
    case 'parted':
      if (tokens.some((t) => t === 'mklabel' || t === 'mktable'))
        return [{ reason: 'writes a new partition table, losing the existing partitions', command: 'parted mklabel' }];
      if (tokens.includes('rm')) return [{ reason: 'removes a partition', command: 'parted rm' }];
      return [];
    case 'sgdisk':
      return texts.some((t) => ['--zap', '--zap-all', '-Z', '-z', '-o', '--clear'].includes(t) || /^-[A-Za-z]*[Zzo]$/.test(t))
        ? [{ reason: 'wipes signatures or partition tables from a device', command: 'sgdisk --zap' }]
        : [];
    case 'wipefs':
      return [{ reason: 'wipes signatures or partition tables from a device', command: 'wipefs' }];
    case 'blkdiscard':
      return [{ reason: 'discards every block of a device, erasing what it holds', command: 'blkdiscard' }];
    case 'pvcreate':
      return [{ reason: 'initialises a device for LVM, overwriting its start', command: 'pvcreate' }];
    case 'pvremove':
    case 'vgremove':
    case 'lvremove':
      return [{ reason: 'removes LVM volumes and the data on them', command: program }];
    case 'dd': {
      const of = texts.find((t) => t.startsWith('of='));
      const reason = of ? writeTargetReason(of.slice(3)) : undefined;
      return reason ? [{ reason, command: `dd ${of}` }] : [];
    }
    case 'tee':
    case 'cp':
    case 'shred': {
      const out: DestructiveFinding[] = [];
      const targets = program === 'cp' ? words.slice(-1) : words;
      for (const w of targets) {
        const reason = !w.dynamic && !w.text.startsWith('-') ? writeTargetReason(w.text) : undefined;
        if (reason) out.push({ reason, command: `${program} ${w.text}` });
      }
      return out;
    }
    case 'drbdadm':
      if (
        tokens.some((t) => ['create-md', 'wipe-md', '--overwrite-data-of-peer', 'invalidate'].includes(t)) ||
        (tokens.includes('primary') && tokens.includes('--force'))
      ) {
        return [{ reason: "overwrites DRBD metadata or the peer's data", command: 'drbdadm' }];
      }
      return [];
    case 'targetcli':
      return tokens.includes('clearconfig')
        ? [{ reason: 'deletes the whole iSCSI target configuration', command: 'targetcli clearconfig' }]
        : [];
    case 'rm':
      return rmFindings(argv);
    case 'reboot':
    case 'poweroff':
    case 'halt':
      return [{ reason: 'restarts or stops the node', command: program }];
    case 'shutdown':
      return texts.includes('-c') ? [] : [{ reason: 'restarts or stops the node', command: program }];
    case 'kexec':
      return texts.some((t) => t === '-e' || t === '--exec' || t === '-f' || t === '--force')
        ? [{ reason: 'restarts the node into another kernel', command: 'kexec -e' }]
        : [];
    case 'init':
    case 'telinit': {
      const level = words.find((w) => !w.text.startsWith('-'));
      if (!level) return [];
      if (level.dynamic)
        return [
          {
            reason: `switches to a runlevel taken from a variable (${varName(level)}), which could stop or restart the node`,
            command: `${program} ${varName(level)}`,
          },
        ];
      return /^(?:[016sS]|single|emergency)$/.test(level.text)
        ? [{ reason: 'restarts or stops the node (runlevel change)', command: `${program} ${level.text}` }]
        : [];
    }
    case 'systemctl':
      return systemctlFindings(argv);
    default:
      if (/^mkfs(?:\..+)?$/.test(program)) return [{ reason: 'creates a file system, erasing what the device holds', command: program }];
      return [];
  }
}

/** Programs we try in place of a program named by a variable (`$PCS cluster destroy`). */
const STAND_INS = ['pcs', 'systemctl', 'stonith_admin', 'drbdadm', 'targetcli', 'parted', 'sgdisk', 'rm'];
const DESTRUCTIVE_WORDS = new Set([
  'destroy',
  'kill',
  'fence',
  'reboot',
  'poweroff',
  'halt',
  'shutdown',
  'mklabel',
  'clearconfig',
  'create-md',
  'wipe-md',
  'zap',
  'zap-all',
  '--zap-all',
  'wipefs',
  'mkfs',
]);

function destructiveOf(view: View): DestructiveFinding[] {
  const first = view.argv[0];
  if (!first) return [];
  let found: DestructiveFinding[];
  if (first.dynamic) {
    found = [];
    const words = view.argv.slice(1);
    const destructiveWord = words.find((w) => !w.dynamic && DESTRUCTIVE_WORDS.has(w.text));
    // Only when more than the program is given: a lone `$CMD` says nothing about what it does.
    const standIn = words.length ? STAND_INS.map((p) => argvFindings(p, view.argv)[0]).find((f) => f) : undefined;
    if (standIn || destructiveWord) {
      const as = standIn ? `, as "${standIn.command}" would` : ` ("${destructiveWord!.text}")`;
      found.push({
        reason: `runs a program named by a variable (${varName(first)}) followed by destructive words${as}`,
        command: `${varName(first)} ${standIn ? standIn.command.replace(/^\S+\s*/, '') : destructiveWord!.text}`.trim(),
      });
    }
  } else {
    found = argvFindings(baseName(first.text), view.argv);
  }
  if (view.via) found = found.map((f) => ({ ...f, reason: `${f.reason} (on ${view.via!.replace(/^ssh /, '')}, through ssh)` }));
  return found.map((f) => ({ reason: clean(f.reason), command: clean(f.command) }));
}

/** How a variable word is named in a message: `$PCS`, else "a variable" (never arbitrary text). */
function varName(w: W): string {
  return /^\$\{?[A-Za-z_]\w*\}?$/.test(w.text) ? w.text : 'a variable';
}

/** No control characters (terminal escapes) in what the client shows. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, 300);
}

// ---- secrets -------------------------------------------------------------------------------------

/** Hides a word's value after `keep` characters of its unquoted text (a prefix such as `-p` or `password=`). */
function hide(w: W, keep: number, local: Local, replacement?: string): void {
  noteVariables(w, local);
  if (w.end <= w.start) return;
  const rest = w.text.slice(keep);
  // `-p "$PW"`: the variable's name is no secret; its assigned value is masked where it is assigned.
  if (w.dynamic && /^\$\{?[A-Za-z_]\w*\}?$/.test(rest)) return;
  if (!rest && !w.dynamic) return;
  if (w.textOffset !== undefined && w.textOffset + w.text.length <= w.end && keep > 0 && w.textOffset === w.start) {
    local.spans.push({ start: w.textOffset + keep, end: w.textOffset + w.text.length, replacement: replacement ?? MASK });
    return;
  }
  local.spans.push({ start: w.start, end: w.end, replacement: `${w.text.slice(0, keep)}${replacement ?? MASK}` });
}

/** Names of variables a secret word expands (`$PW`, `${PW}`): their assigned values are secrets too. */
function noteVariables(w: W, local: Local): void {
  if (!w.dynamic) return;
  for (const m of w.text.matchAll(/\$\{?([A-Za-z_]\w*)/g)) local.secretVars.add(m[1]!);
}

/** The value of an option: `-pX` / `-p X` / `--password=X` / `--password X`. */
function optionValues(argv: W[], short: string, long: readonly string[], local: Local, keepUserOf?: 'colon'): void {
  for (let i = 1; i < argv.length; i++) {
    const w = argv[i]!;
    const t = w.text;
    const value = (target: W, keep: number) => {
      if (keepUserOf === 'colon') {
        const colon = target.text.indexOf(':', keep);
        if (colon < 0) {
          noteVariables(target, local);
          return;
        }
        hide(target, colon + 1, local);
      } else hide(target, keep, local);
    };
    if (t.startsWith('--')) {
      const eq = t.indexOf('=');
      const name = t.slice(2, eq < 0 ? undefined : eq);
      if (!long.includes(name)) continue;
      if (eq >= 0) value(w, eq + 1);
      else if (argv[i + 1]) value(argv[++i]!, 0);
      continue;
    }
    if (short && /^-[A-Za-z]/.test(t) && short.includes(t[1]!)) {
      if (t.length > 2) value(w, 2);
      else if (argv[i + 1]) value(argv[++i]!, 0);
    }
  }
}

/** `password=X`, `passwd=X`, `mutual_password=X`, `--db-password=X`: the value after `=`. */
function attributeValues(argv: W[], local: Local): void {
  for (const w of argv.slice(1)) {
    const m = /^(-{0,2}[\w.-]*(?:password|passwd|passphrase|secret)[\w.-]*=)/i.exec(w.text);
    if (m) hide(w, m[1]!.length, local);
  }
}

function secretsOf(view: View, local: Local): void {
  const argv = view.argv;
  const first = argv[0];
  if (!first) return;
  const program = first.dynamic ? '' : baseName(first.text);
  attributeValues(argv, local);
  optionValues(argv, '', ['password', 'passwd', 'passphrase'], local);
  switch (program) {
    case 'pcs':
      // pcs's -p is always a password (host auth, cluster auth, cluster setup).
      optionValues(argv, 'p', [], local);
      break;
    case 'sshpass':
      optionValues(argv.slice(0, operandIndex(argv, 1, 'pfdP')), 'p', [], local);
      if (argv.some((w) => w.text === '-e')) local.secretVars.add('SSHPASS');
      break;
    case 'ipmitool':
      optionValues(argv, 'Pky', [], local);
      if (argv.some((w) => w.text === '-E')) local.secretVars.add('IPMI_PASSWORD');
      break;
    case 'mysql':
    case 'mysqladmin':
    case 'mysqldump':
    case 'mysqlcheck':
    case 'mysqlimport':
    case 'mysqlshow':
    case 'mariadb':
    case 'mariadb-admin':
    case 'mariadb-dump':
      // -pSECRET (attached only: a lone -p prompts, and the next word is a database name).
      for (const w of argv.slice(1)) if (/^-p./.test(w.text)) hide(w, 2, local);
      break;
    case 'curl':
      optionValues(argv, 'uU', ['user', 'proxy-user'], local, 'colon');
      optionValues(argv, '', ['pass'], local);
      break;
    case 'wget':
      optionValues(argv, '', ['http-password', 'ftp-password', 'proxy-password'], local);
      break;
    case 'useradd':
    case 'usermod':
      optionValues(argv, 'p', [], local);
      break;
    case 'ldapsearch':
    case 'ldapmodify':
    case 'ldapadd':
    case 'ldapdelete':
    case 'ldappasswd':
    case 'ldapwhoami':
      optionValues(argv, 'w', [], local);
      break;
    case 'redis-cli':
      optionValues(argv, 'a', ['pass'], local);
      break;
    case 'htpasswd': {
      const i = operandIndex(argv, 1, '');
      if (hasFlag(argv, i, 'b') && argv.length >= i + 3) hide(argv[argv.length - 1]!, 0, local);
      break;
    }
    case 'openssl':
      for (let i = 1; i < argv.length - 1; i++) {
        if (['-passin', '-passout', '-pass', '-k', '-kfile'].includes(argv[i]!.text)) {
          const v = argv[i + 1]!;
          hide(v, /^(?:pass|env):/.test(v.text) ? v.text.indexOf(':') + 1 : 0, local);
        }
      }
      break;
    case 'iscsiadm':
      for (let i = 1; i < argv.length - 1; i++) {
        if ((argv[i]!.text === '-n' || argv[i]!.text === '--name') && /password/i.test(argv[i + 1]!.text)) {
          const v = argv.findIndex((w, k) => k > i && (w.text === '-v' || w.text === '--value'));
          if (v > 0 && argv[v + 1]) hide(argv[v + 1]!, 0, local);
          const inline = argv.find((w, k) => k > i && w.text.startsWith('--value='));
          if (inline) hide(inline, '--value='.length, local);
        }
      }
      break;
    default:
      // Fence agents: -p / --password.
      if (/^fence_/.test(program)) optionValues(argv, 'p', [], local);
  }
}

// ---- structure: redirections, stdin ----------------------------------------------------------------

function fileRedirect(node: Node, text: string, views: View[], local: Local): void {
  const op = text.slice(node.startIndex, node.endIndex);
  if (!/^\d*(?:>>|>\||&>>|&>|>)/.test(op)) return;
  const dest = node.childForFieldName('destination') ?? node.namedChild(node.namedChildCount - 1);
  if (!dest) return;
  const target = nodeWord(dest, text);
  if (target.dynamic) return;
  const reason = writeTargetReason(target.text);
  if (!reason) return;
  const program = views[0]?.argv[0]?.text ?? '';
  const via = views[0]?.via;
  local.destructive.push({
    reason: clean(via ? `${reason} (on ${via.replace(/^ssh /, '')}, through ssh)` : reason),
    command: clean(`${program} > ${target.text}`.trim()),
  });
}

type Consumer = 'chpasswd' | 'secret' | 'script' | undefined;

/** What a command does with its stdin that matters here. */
function consumerOf(views: View[]): Consumer {
  for (const view of views) {
    if (view.readsScript) return 'script';
    const first = view.argv[0];
    if (!first || first.dynamic) continue;
    const program = baseName(first.text);
    const texts = view.argv.map((w) => w.text);
    if (program === 'chpasswd' || program === 'chgpasswd') return 'chpasswd';
    if (['passwd', 'smbpasswd', 'cryptsetup', 'kinit', 'vncpasswd', 'saslpasswd2', 'pdbedit'].includes(program)) return 'secret';
    if (program === 'htpasswd' && texts.includes('-i')) return 'secret';
    if ((program === 'sudo' || program === 'doas') && texts.some((t) => /^-[A-Za-z]*S/.test(t) || t === '--stdin')) return 'secret';
    if (program === 'openssl' && texts.includes('passwd') && texts.includes('-stdin')) return 'secret';
    if (program === 'pcs' && texts.includes('auth')) return 'secret';
  }
  return undefined;
}

/** The words a pipeline stage writes to its stdout that come from the text (echo, printf, yes). */
function feederWords(views: View[]): W[] {
  const argv = views[0]?.argv;
  const first = argv?.[0];
  if (!argv || !first || first.dynamic) return [];
  const program = baseName(first.text);
  if (program === 'echo') {
    let i = 1;
    while (i < argv.length && /^-[neE]+$/.test(argv[i]!.text)) i++;
    return argv.slice(i);
  }
  if (program === 'printf') return argv.slice(1).filter((w) => w.text !== '--');
  if (program === 'yes') return argv.slice(1);
  return [];
}

/** Masks (or classifies, for a shell) what `words` feed into a command's stdin. */
function feed(views: View[], words: W[], local: Local, strings: CommandString[]): void {
  const consumer = consumerOf(views);
  if (!consumer || !words.length) return;
  if (consumer === 'script') {
    const reader = views.find((v) => v.readsScript);
    strings.push({ words, via: reader?.scriptVia ?? reader?.via ?? views[0]?.via });
    return;
  }
  for (const w of words) {
    if (consumer === 'chpasswd') hideColonValues(w, local);
    else hide(w, 0, local);
  }
}

/** `user:secret` lines (chpasswd): hides every value after the first colon of each line. */
function hideColonValues(w: W, local: Local): void {
  noteVariables(w, local);
  const lines = w.text.split(/\n|\\n/);
  if (w.textOffset !== undefined && !w.text.includes('\\n')) {
    let at = w.textOffset;
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon >= 0 && colon + 1 < line.length) local.spans.push({ start: at + colon + 1, end: at + line.length, replacement: MASK });
      else if (colon < 0 && line) local.spans.push({ start: at, end: at + line.length, replacement: MASK });
      at += line.length + 1;
    }
    return;
  }
  const replacement = lines
    .map((line) => (line.includes(':') ? `${line.slice(0, line.indexOf(':') + 1)}${MASK}` : line ? MASK : ''))
    .join(w.text.includes('\\n') ? '\\n' : '\n');
  local.spans.push({ start: w.start, end: w.end, replacement });
}

function heredoc(
  node: Node,
  text: string,
  bodyViews: View[],
  viewsOf: (n: Node | null | undefined) => View[],
  local: Local,
  strings: CommandString[],
): void {
  const end = node.namedChildren.find((c) => c?.type === 'heredoc_end');
  const lineEnd = text.indexOf('\n', node.startIndex);
  if (lineEnd < 0) return;
  const start = lineEnd + 1;
  let stop = end ? end.startIndex : node.endIndex;
  while (stop > start && text[stop - 1] !== '\n') stop--;
  if (stop <= start) return;
  const body: W = { text: text.slice(start, stop), start, end: stop, textOffset: start };
  if (/\$|`/.test(body.text)) body.dynamic = true;
  // `cat <<EOF | chpasswd`: the pipeline after the heredoc start receives the body through cat.
  const piped = node.namedChildren.find((c) => c?.type === 'pipeline' || c?.type === 'command' || c?.type === 'redirected_statement');
  const catLike = bodyViews[0] && ['cat', 'tee'].includes(baseName(bodyViews[0].argv[0]?.text ?? ''));
  let consumerViews = bodyViews;
  if (piped && catLike) {
    const stage = piped.type === 'pipeline' ? piped.namedChild(0) : piped;
    consumerViews = viewsOf(stage);
  }
  const consumer = consumerOf(consumerViews);
  if (consumer === 'script') {
    const reader = consumerViews.find((v) => v.readsScript);
    strings.push({ words: [body], via: reader?.scriptVia ?? reader?.via ?? consumerViews[0]?.via });
    return;
  }
  if (consumer === 'chpasswd' || consumer === 'secret') {
    let at = start;
    for (const line of body.text.split('\n')) {
      const colon = consumer === 'chpasswd' ? line.indexOf(':') : -1;
      if (colon >= 0 && colon + 1 < line.length) local.spans.push({ start: at + colon + 1, end: at + line.length, replacement: MASK });
      else if (line.trim()) local.spans.push({ start: at, end: at + line.length, replacement: MASK });
      at += line.length + 1;
    }
    noteVariables(body, local);
    return;
  }
  // A file written from the text (fence or DRBD configs): `password = x`, `shared-secret "x";`.
  let at = start;
  for (const line of body.text.split('\n')) {
    for (const m of line.matchAll(
      /((?:^|[^\w.-])[\w.-]*(?:password|passwd|passphrase|secret)[\w.-]*\s*(?:=|:|\s)\s*)("[^"]*"|'[^']*'|[^\s;#"']+)/gi,
    )) {
      const begin = at + m.index! + m[1]!.length;
      local.spans.push({ start: begin, end: begin + m[2]!.length, replacement: MASK });
    }
    at += line.length + 1;
  }
}

// ---- nested command strings -----------------------------------------------------------------------

/** Classifies the text of a command string and maps what it finds back onto the outer text. */
function nested(s: CommandString, depth: number, local: Local): void {
  // The string as its runner sees it: the words joined by spaces (as ssh and eval join them).
  let inner = '';
  const map: number[] = [];
  const owner: number[] = [];
  s.words.forEach((w, k) => {
    if (k > 0) {
      inner += ' ';
      map.push(-1);
      owner.push(-1);
    }
    for (let i = 0; i < w.text.length; i++) {
      map.push(w.textOffset !== undefined ? w.textOffset + i : -1);
      owner.push(k);
    }
    inner += w.text;
  });
  let found: Local;
  try {
    found = analyse(inner, depth + 1);
  } catch {
    found = unsureLocal('a nested command could not be parsed');
  }
  const mapSpan = (span: SecretSpan): SecretSpan | undefined => {
    const { start, end } = span;
    if (end <= start) return undefined;
    let contiguous = true;
    for (let i = start; i < end; i++) if (map[i] === undefined || map[i]! < 0 || map[i] !== map[start]! + (i - start)) contiguous = false;
    if (contiguous) return { start: map[start]!, end: map[end - 1]! + 1, replacement: span.replacement };
    // Cannot point at the characters: hide the whole words the span touches.
    const touched = new Set<number>();
    for (let i = start; i < end; i++) if (owner[i] !== undefined && owner[i]! >= 0) touched.add(owner[i]!);
    if (!touched.size) return undefined;
    const ws = [...touched].map((k) => s.words[k]!);
    return { start: Math.min(...ws.map((w) => w.start)), end: Math.max(...ws.map((w) => w.end)), replacement: MASK };
  };
  for (const span of found.spans) {
    const mapped = mapSpan(span);
    if (mapped) local.spans.push(mapped);
  }
  for (const a of found.assignments) {
    const mapped = mapSpan(a.span);
    if (mapped) local.assignments.push({ name: a.name, span: mapped });
  }
  for (const name of found.secretVars) local.secretVars.add(name);
  const via = s.via;
  for (const f of found.destructive) {
    const onHost = via && !f.reason.includes('through ssh') ? `${f.reason} (on ${via.replace(/^ssh /, '')}, through ssh)` : f.reason;
    local.destructive.push({ reason: clean(onHost), command: f.command });
  }
  if (found.unsure && !local.unsure) local.unsure = `${found.unsure} (in a nested command)`;
}
