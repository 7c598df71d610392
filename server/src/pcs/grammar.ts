// The pcs command grammar: a trie over the generated command table, and the argv parser that turns
// one `pcs ...` invocation into its subcommand chain, its positional words and its --options, the way
// pcs itself reads them (GNU getopt over the whole line, then routing on the leading words).
import type { Word } from '../base/types';
import { didYouMean } from '../base/didYouMean';
import { PCS_COMMANDS, type PcsCommandDef } from './commands.data';
import { LEGACY_LONG_OPTIONS, legacyForms, type LegacyProblem } from './legacy';
import * as l10n from '@vscode/l10n';

/** The option sections of `pcs cluster setup NAME NODE...` (each starts a group of key=value words). */
export const SETUP_SECTIONS = new Set(['transport', 'totem', 'quorum', 'link', 'compression', 'crypto', 'options']);

/** Long options pcs's getopt knows (pcs/cli/common/parse_args.py); `true` = takes a value. */
export const PCS_LONG_OPTIONS: Record<string, boolean> = {
  debug: false,
  version: false,
  help: false,
  fullhelp: false,
  force: false,
  'skip-offline': false,
  autodelete: false,
  simulate: false,
  all: false,
  full: false,
  local: false,
  wait: false,
  config: false,
  start: false,
  enable: false,
  disabled: false,
  off: false,
  'request-timeout': true,
  brief: false,
  safe: false,
  'no-strict': false,
  strict: false,
  pacemaker: false,
  corosync: false,
  'no-default-ops': false,
  defaults: false,
  nodesc: false,
  master: false,
  promoted: false,
  name: true,
  group: true,
  node: true,
  from: true,
  to: true,
  after: true,
  before: true,
  corosync_conf: true,
  'booth-conf': true,
  'booth-key': true,
  'no-watchdog-validation': false,
  'no-cluster-uuid': false,
  'no-keys-sync': false,
  'hide-inactive': false,
  monitor: false,
  groups: false,
  expired: false,
  'no-expire-check': false,
  overwrite: false,
  'output-format': true,
  token: true,
  'agent-validation': false,
};
/** Short options: h, f FILE, p PASSWORD, u USER. */
export const PCS_SHORT_OPTIONS: Record<string, boolean> = { h: false, f: true, p: true, u: true };

/** Options every command accepts (pcs adds --debug itself; -h turns into help; -f is checked per command
 * by pcs, but offline files are how labs test, so we never call it unsupported). */
const ALWAYS_ALLOWED = new Set(['--debug', '-h', '--help', '-f', '--request-timeout']);

export interface TrieNode {
  children: Map<string, TrieNode>;
  def?: PcsCommandDef;
  /** Command run when this node is the last word given (`pcs resource` runs `resource status`). */
  defaultDef?: PcsCommandDef;
}

function buildTrie(): TrieNode {
  const root: TrieNode = { children: new Map() };
  for (const def of PCS_COMMANDS) {
    let node = root;
    for (const word of def.path) {
      let next = node.children.get(word);
      if (!next) node.children.set(word, (next = { children: new Map() }));
      node = next;
    }
    node.def = def;
    if (def.default) {
      const parentPath = def.path.slice(0, -1);
      let parent = root;
      for (const w of parentPath) parent = parent.children.get(w)!;
      parent.defaultDef = def;
    }
  }
  // `pcs status` alone, `pcs config` alone, `pcs quorum` alone are the group's default command.
  return root;
}

export const PCS_TRIE = buildTrie();

export interface PcsOption {
  /** `--group`, `-p`. */
  name: string;
  value?: string;
  word: Word;
  /** The word carrying the value when it is separate (`-p secret`, `--group G`). */
  valueWord?: Word;
  /** A pcs 0.9 option pcs 0.11's getopt no longer knows (`--transport`, `--rrpmode`...). */
  legacy?: boolean;
}

export interface PcsProblem {
  code: 'pcs/unknown-command' | 'pcs/unknown-option' | 'pcs/unsupported-option' | LegacyProblem['code'];
  word: Word;
  message: string;
  /** Suggested replacement text for a quick fix. */
  replacement?: string;
  /** Default error; pcs 0.9 forms pcs 0.11 still runs are hints. */
  severity?: 'error' | 'hint';
  fixes?: LegacyProblem['fixes'];
}

export interface PcsCommand {
  words: Word[];
  /** Words of the subcommand chain (`resource`, `create`). */
  pathWords: Word[];
  def?: PcsCommandDef;
  /** Positional words after the chain, options removed. */
  args: Word[];
  options: PcsOption[];
  problems: PcsProblem[];
  /** Set when a word is an unresolved expansion: the line is only partly known. */
  dynamic: boolean;
}

const NEGATIVE_NUMBER = /^-(\d+(\.\d+)?|INFINITY|inf|infinity)$/i;

export function isOptionWord(text: string): boolean {
  return text.startsWith('-') && text !== '-' && text !== '--' && !NEGATIVE_NUMBER.test(text);
}

/** Resolve an abbreviated long option as Python's getopt does (a unique prefix is accepted). */
function resolveLongOption(name: string): string | undefined {
  if (name in PCS_LONG_OPTIONS) return name;
  const matches = Object.keys(PCS_LONG_OPTIONS).filter((o) => o.startsWith(name));
  return matches.length === 1 ? matches[0] : undefined;
}

/** Parse the argv of one `pcs` invocation (argv[0] is `pcs`). */
export function parsePcs(argv: Word[]): PcsCommand {
  const problems: PcsProblem[] = [];
  const options: PcsOption[] = [];
  const positional: Word[] = [];
  let dynamic = false;
  for (let i = 1; i < argv.length; i++) {
    const word = argv[i];
    if (word.dynamic) dynamic = true;
    const text = word.text;
    if (text === '--') {
      for (let k = i + 1; k < argv.length; k++) positional.push(argv[k]); // no spread: argv can be huge
      break;
    }
    if (!isOptionWord(text) || word.dynamic) {
      positional.push(word);
      continue;
    }
    if (text.startsWith('--')) {
      const eq = text.indexOf('=');
      const rawName = eq < 0 ? text.slice(2) : text.slice(2, eq);
      const name = resolveLongOption(rawName);
      if (!name && rawName in LEGACY_LONG_OPTIONS) {
        // pcs 0.9 option: getopt refuses it; legacyForms() says what replaced it
        const valueWord = eq < 0 && LEGACY_LONG_OPTIONS[rawName] ? argv[i + 1] : undefined;
        options.push({ name: `--${rawName}`, value: eq >= 0 ? text.slice(eq + 1) : valueWord?.text, word, valueWord, legacy: true });
        if (valueWord) i++;
        continue;
      }
      if (!name) {
        problems.push({
          code: 'pcs/unknown-option',
          word,
          message: l10n.t('pcs refuses this line: option {0} is not recognized.', `--${rawName}`),
        });
        continue;
      }
      const takesValue = PCS_LONG_OPTIONS[name];
      if (eq >= 0) {
        if (!takesValue && name !== 'wait') {
          problems.push({
            code: 'pcs/unknown-option',
            word,
            message: l10n.t('pcs refuses this line: option {0} must not have an argument.', `--${name}`),
          });
        }
        options.push({ name: `--${name}`, value: text.slice(eq + 1), word });
      } else if (takesValue) {
        const valueWord = argv[i + 1];
        if (!valueWord)
          problems.push({
            code: 'pcs/unknown-option',
            word,
            message: l10n.t('pcs refuses this line: option {0} requires an argument.', `--${name}`),
          });
        options.push({ name: `--${name}`, value: valueWord?.text, word, valueWord });
        i++;
      } else options.push({ name: `--${name}`, word });
      continue;
    }
    // short options, possibly clustered (-hf FILE) or with an attached value (-pcentos)
    let j = 1;
    while (j < text.length) {
      const letter = text[j];
      if (!(letter in PCS_SHORT_OPTIONS)) {
        problems.push({
          code: 'pcs/unknown-option',
          word,
          message: l10n.t('pcs refuses this line: option {0} is not recognized.', `-${letter}`),
        });
        break;
      }
      if (PCS_SHORT_OPTIONS[letter]) {
        if (j + 1 < text.length) options.push({ name: `-${letter}`, value: text.slice(j + 1), word });
        else {
          const valueWord = argv[i + 1];
          if (!valueWord)
            problems.push({
              code: 'pcs/unknown-option',
              word,
              message: l10n.t('pcs refuses this line: option {0} requires an argument.', `-${letter}`),
            });
          options.push({ name: `-${letter}`, value: valueWord?.text, word, valueWord });
          i++;
        }
        break;
      }
      options.push({ name: `-${letter}`, word });
      j++;
    }
  }

  // route on the leading positional words
  const pathWords: Word[] = [];
  let node = PCS_TRIE;
  let k = 0;
  while (k < positional.length && !positional[k].dynamic) {
    const next = node.children.get(positional[k].text);
    if (!next) break;
    node = next;
    pathWords.push(positional[k]);
    k++;
  }
  let def = node.def;
  if (!def && node.defaultDef && k === positional.length) def = node.defaultDef;
  const help = options.some((o) => o.name === '-h' || o.name === '--help') || positional[k]?.text === 'help';
  const chain = pathWords.map((w) => w.text).join(' ');
  const legacy = help || (dynamic && !def) ? undefined : legacyForms({ argv, positional, options, pathWords, k, def });
  if (legacy?.alias) {
    def = commandDef(legacy.alias.path);
    for (let n = 0; n < legacy.alias.words; n++) pathWords.push(positional[k++]);
  }
  if (legacy) problems.push(...legacy.problems);
  for (const o of options) {
    if (o.legacy && !legacy?.consumed.has(o))
      problems.push({
        code: 'pcs/unknown-option',
        word: o.word,
        message: l10n.t('pcs refuses this line: option {0} is not recognized (a pcs 0.9 option).', o.name),
      });
  }
  if (!def && !help && !dynamic && !legacy?.problems.length) {
    if (positional.length === 0) {
      if (options.length === 0 || !options.every((o) => ['--version', '--help', '-h', '--fullhelp', '--debug'].includes(o.name))) {
        problems.push({
          code: 'pcs/unknown-command',
          word: argv[0],
          message: l10n.t('pcs needs a command (cluster, resource, stonith, constraint, property, ...).'),
        });
      }
    } else {
      const bad = positional[k] ?? pathWords[pathWords.length - 1] ?? argv[0];
      const known = [...node.children.keys()];
      const where = chain ? `'pcs ${chain}'` : 'pcs';
      const message = positional[k]
        ? l10n.t("{0} has no subcommand '{1}'; pcs prints its usage and refuses the line. Known: {2}.", where, bad.text, known.join(', '))
        : l10n.t('{0} needs a subcommand: {1}.', where, known.join(', '));
      problems.push({ code: 'pcs/unknown-command', word: bad, message, replacement: positional[k] ? closest(bad.text, known) : undefined });
    }
  }
  if (def && !help) {
    const allowed = new Set(def.options);
    for (const option of options) {
      if (ALWAYS_ALLOWED.has(option.name) || allowed.has(option.name) || option.legacy || legacy?.consumed.has(option)) continue;
      if (option.name === '-p' || option.name === '-u' || option.name === '--wait' || option.name === '--force') {
        // pcs checks these per command in code paths the usage text does not always list
        if (def.syntax.includes(option.name) || LENIENT_PATHS.has(def.path.join(' '))) continue;
      }
      if (option.name === '--master' && allowed.has('--promoted')) continue;
      problems.push({
        code: 'pcs/unsupported-option',
        word: option.word,
        message: l10n.t("pcs refuses this line: option '{0}' is not supported by '{1}'.", option.name, `pcs ${def.path.join(' ')}`),
      });
    }
  }
  return { words: argv, pathWords, def, args: positional.slice(k), options, problems, dynamic };
}

/** Commands that accept --force/--wait beyond what their syntax line shows (measured with pcs 0.11.5). */
const LENIENT_PATHS = new Set([
  'resource create',
  'resource delete',
  'resource remove',
  'resource update',
  'resource group add',
  'resource clone',
  'resource promotable',
  'resource meta',
  'resource op add',
  'stonith create',
  'stonith delete',
  'stonith remove',
  'stonith update',
  'constraint location',
  'constraint order',
  'constraint colocation add',
  'constraint colocation set',
  'constraint order set',
  'constraint ticket add',
  'constraint location add',
  'cluster setup',
  'cluster node add',
  'cluster node add-remote',
  'cluster node add-guest',
  'cluster node remove',
  'cluster node delete',
  'cluster destroy',
  'property set',
  'property unset',
  'resource enable',
  'resource disable',
  'resource move',
  'resource ban',
  'resource clear',
  'host auth',
]);

/** The nearest of `candidates` when close enough to be a typo (base/didYouMean.ts, bounded work). */
export function closest(text: string, candidates: string[]): string | undefined {
  return didYouMean(text, candidates);
}

/** Children of a chain, for completion. */
export function subcommandsAfter(path: string[]): { name: string; def?: PcsCommandDef }[] {
  let node: TrieNode | undefined = PCS_TRIE;
  for (const w of path) node = node?.children.get(w);
  if (!node) return [];
  return [...node.children.entries()].map(([name, child]) => ({ name, def: child.def ?? child.defaultDef }));
}

export function commandDef(path: string[]): PcsCommandDef | undefined {
  let node: TrieNode | undefined = PCS_TRIE;
  for (const w of path) node = node?.children.get(w);
  return node?.def ?? node?.defaultDef;
}
