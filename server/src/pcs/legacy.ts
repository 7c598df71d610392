// pcs 0.9 forms: recognise them on a parsed line, give pcs 0.11's verdict (refused: error; still run
// with a deprecation warning and the same effect: hint) and a quick fix that rewrites the line to the
// current form. The forms themselves are listed in commands.data.ts (PCS_LEGACY_FORMS).
import type { FixData, Range, Word } from '../base/types';
import { PCS_LEGACY_FORMS, type PcsCommandDef, type PcsLegacyDef } from './commands.data';
import * as l10n from '@vscode/l10n';

type Fix = FixData['fixes'][number];
type Edit = Fix['edits'][number];

export interface LegacyOption {
  name: string;
  value?: string;
  word: Word;
  valueWord?: Word;
  /** A pcs 0.9 option pcs 0.11's getopt no longer knows. */
  legacy?: boolean;
}

export interface LegacyProblem {
  code:
    | 'pcs/removed-command'
    | 'pcs/deprecated-command'
    | 'pcs/removed-option'
    | 'pcs/deprecated-option'
    | 'pcs/deprecated-role'
    | 'pcs/negative-number-without-dashes';
  severity: 'error' | 'hint';
  word: Word;
  message: string;
  fixes?: Fix[];
}

/** Long options of pcs 0.9 that pcs 0.11's getopt refuses ("option --X not recognized"); true = takes a value. */
export const LEGACY_LONG_OPTIONS: Record<string, boolean> = {
  transport: true,
  rrpmode: true,
  addr0: true,
  addr1: true,
  mcast0: true,
  mcast1: true,
  mcastport0: true,
  mcastport1: true,
  ttl0: true,
  ttl1: true,
  broadcast0: false,
  broadcast1: false,
  ipv6: false,
  token: true,
  token_coefficient: true,
  join: true,
  consensus: true,
  miss_count_const: true,
  fail_recv_const: true,
  wait_for_all: true,
  auto_tie_breaker: true,
  last_man_standing: true,
  last_man_standing_window: true,
  encryption: true,
};

export const LEGACY_BY_PATH = new Map(PCS_LEGACY_FORMS.map((f) => [f.path.join(' '), f]));

/** The command words of a replacement (`pcs node standby` → ['node', 'standby']). */
export function replacementPath(form: PcsLegacyDef): string[] {
  const words = form.replacedBy.replace(/^pcs /, '').split(' ');
  const out: string[] = [];
  for (const w of words) {
    if (/^[<[|(-]/.test(w) || w === '|') break;
    out.push(w);
  }
  return out;
}

function pos(p: Range['start']): number {
  return p.line * 1e6 + p.character;
}
function literal(w: Word): boolean {
  // a plain word: its source is its text (quotes or backslashes would make the range longer)
  return !w.dynamic && w.range.start.line === w.range.end.line && w.range.end.character - w.range.start.character === w.text.length;
}

/** Edits that remove words (each with the blank before it), merging neighbours. */
function removal(argv: Word[], remove: Set<Word>): Edit[] {
  const edits: Edit[] = [];
  for (let i = 1; i < argv.length; i++) {
    if (!remove.has(argv[i])) continue;
    let j = i;
    while (j + 1 < argv.length && remove.has(argv[j + 1])) j++;
    edits.push({ range: { start: argv[i - 1].range.end, end: argv[j].range.end }, newText: '' });
    i = j;
  }
  return edits;
}

/** Add `text` after the last word that stays; merged into a removal that starts there. */
function appendAfter(argv: Word[], remove: Set<Word>, edits: Edit[], text: string): Edit[] {
  const last = [...argv].reverse().find((w) => !remove.has(w))!;
  const end = pos(last.range.end);
  const replaced = edits.find((e) => pos(e.range.end) === end && pos(e.range.start) < end);
  const merged = edits.find((e) => pos(e.range.start) === end);
  if (replaced) replaced.newText += text;
  else if (merged) merged.newText = text + merged.newText;
  else edits.push({ range: { start: last.range.end, end: last.range.end }, newText: text });
  return edits;
}

function refused(
  form: PcsLegacyDef,
  word: Word,
  says: string,
  use: string,
  fixes?: Fix[],
  code: LegacyProblem['code'] = 'pcs/removed-command',
): LegacyProblem {
  return {
    code,
    severity: 'error',
    word,
    message: l10n.t('pcs 0.11 refuses this pcs 0.9 form (it prints "{0}"); since pcs {1} use \'{2}\'.', says, String(form.removedIn), use),
    fixes,
  };
}

function deprecated(
  form: PcsLegacyDef,
  word: Word,
  use: string,
  fixes: Fix[] | undefined,
  code: LegacyProblem['code'] = 'pcs/deprecated-command',
): LegacyProblem {
  return {
    code,
    severity: 'hint',
    word,
    message: l10n.t('pcs 0.9 form: pcs 0.11 still runs it, with "{0}"; use \'{1}\'.', form.pcsSays, use),
    fixes,
  };
}

/** Replace the path words first..last (contiguous, literal) by `path`. */
function renamePath(words: Word[], path: string[], title: string): Fix[] | undefined {
  if (!words.every(literal)) return undefined;
  return [
    {
      title,
      safe: true,
      edits: [{ range: { start: words[0].range.start, end: words[words.length - 1].range.end }, newText: path.join(' ') }],
    },
  ];
}

export interface LegacyInput {
  argv: Word[];
  positional: Word[];
  options: LegacyOption[];
  /** Words routed through the current grammar. */
  pathWords: Word[];
  /** Index in `positional` of the first word after pathWords. */
  k: number;
  def?: PcsCommandDef;
}

export interface LegacyResult {
  problems: LegacyProblem[];
  /** Options the problems already account for (no second "not supported" error). */
  consumed: Set<LegacyOption>;
  /** A deprecated alias: the current command it runs, and how many positional words it used. */
  alias?: { path: string[]; words: number };
}

const ROLE_RENAME: Record<string, string> = { master: 'Promoted', slave: 'Unpromoted' };

export function legacyForms(input: LegacyInput): LegacyResult {
  const { argv, positional, options, pathWords, k, def } = input;
  const problems: LegacyProblem[] = [];
  const consumed = new Set<LegacyOption>();
  const result: LegacyResult = { problems, consumed };
  const chain = def?.path.join(' ') ?? pathWords.map((w) => w.text).join(' ');
  const args = positional.slice(k);
  negativeNumbers(argv, problems);

  {
    // a removed or renamed command: the longest pcs 0.9 path that matches
    for (let extra = def ? 1 : 2; extra >= 1; extra--) {
      const words = positional.slice(k, k + extra);
      if (words.length < extra || words.some((w) => w.dynamic)) continue;
      const key = [...pathWords, ...words].map((w) => w.text).join(' ');
      const form = LEGACY_BY_PATH.get(key);
      if (!form) continue;
      const legacyWords = [...pathWords, ...words];
      if (key === 'resource master') return { ...result, problems: [resourceMasterProblem(argv, words[0], positional.slice(k + 1))] };
      if (key === 'resource show' || key === 'stonith show')
        return { ...result, problems: [showForm(form, argv, options, positional.slice(k + 1), legacyWords, consumed)] };
      const target = replacementPath(form);
      // the shared words at the start stay (`cluster quorum unblock` → `quorum unblock`)
      const fix = renamePath(legacyWords, target, l10n.t("Rewrite as '{0}'", `pcs ${target.join(' ')}`));
      if (form.removedIn) problems.push(refused(form, words[words.length - 1], form.pcsSays, `pcs ${target.join(' ')}`, fix));
      else {
        problems.push(deprecated(form, words[words.length - 1], `pcs ${target.join(' ')}`, fix));
        result.alias = { path: target, words: extra };
      }
      return result;
    }
    if (!def) return result;
  }

  const form = (key: string) => LEGACY_BY_PATH.get(key)!;
  if (chain === 'cluster auth' && args.length) {
    const f = form('cluster auth');
    problems.push(
      refused(
        f,
        pathWords[1],
        f.pcsSays,
        `pcs host auth ${args
          .filter((w) => !w.text.includes('='))
          .map((w) => w.text)
          .join(' ')}`.trim(),
        renamePath([pathWords[0]], ['host'], l10n.t("Rewrite as '{0}'", 'pcs host auth')),
        'pcs/removed-command',
      ),
    );
  }
  if (chain === 'cluster setup') setupForm(input, problems, consumed);
  if (chain === 'resource create' || chain === 'stonith create') createForms(input, problems, consumed);
  if ((chain === 'resource defaults' || chain === 'resource op defaults') && args.some((w) => /^[^=]+=/.test(w.text))) {
    const f = form(`${chain} <name>=<value>`);
    const first = args[0];
    problems.push(
      deprecated(f, pathWords[pathWords.length - 1], `pcs ${chain} update`, [
        {
          title: l10n.t("Insert '{0}'", 'update'),
          safe: true,
          edits: [{ range: { start: first.range.start, end: first.range.start }, newText: 'update ' }],
        },
      ]),
    );
  }
  // --master where pcs 0.11 takes --promoted (move, ban, clear, status...)
  for (const o of options) {
    if (o.name !== '--master' || consumed.has(o)) continue;
    if (!def.options.includes('--promoted')) continue;
    consumed.add(o);
    problems.push(
      deprecated(
        form('--master'),
        o.word,
        '--promoted',
        [{ title: l10n.t("Use '{0}'", '--promoted'), safe: true, edits: [{ range: o.word.range, newText: '--promoted' }] }],
        'pcs/deprecated-option',
      ),
    );
  }
  roleForms(chain, args, problems);
  return result;
}

/** pcs's _is_negative_num: '-' then digits, or anything float() reads (-1.5, -inf, -INFINITY). */
function isNegativeNumber(text: string): boolean {
  return /^-(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text) || /^-(inf|infinity|nan)$/i.test(text);
}

/** A negative number given without `--`: pcs 0.11 still reads it, with a deprecation warning. */
function negativeNumbers(argv: Word[], problems: LegacyProblem[]): void {
  if (argv.some((w) => w.text === '--')) return;
  const words = argv.slice(1);
  const found = words.filter(
    (w, i) =>
      !w.dynamic &&
      isNegativeNumber(w.text) &&
      !/^(-[fpu]|--(name|group|node|from|to|after|before|corosync_conf|booth-conf|booth-key|output-format|token|request-timeout))$/.test(
        words[i - 1]?.text ?? '',
      ),
  );
  if (!found.length) return;
  const first = found[0];
  const after = words.slice(words.indexOf(first) + 1);
  const fixable = !after.some((w) => w.text.startsWith('-') && !isNegativeNumber(w.text));
  const list = found.map((w) => w.text).join("', '");
  problems.push({
    code: 'pcs/negative-number-without-dashes',
    severity: 'hint',
    word: first,
    message: l10n.t(
      "pcs 0.11 reads '{0}' but warns: \"{1}\". Put '--' before it.",
      list,
      `Deprecation Warning: Using '${list}' without '--' is deprecated, those parameters will be considered position independent options in future pcs versions`,
    ),
    fixes: fixable
      ? [
          {
            title: l10n.t("Insert '--' before the negative number"),
            safe: true,
            edits: [{ range: { start: first.range.start, end: first.range.start }, newText: '-- ' }],
          },
        ]
      : undefined,
  });
}

function roleForms(chain: string, args: Word[], problems: LegacyProblem[]): void {
  const f = LEGACY_BY_PATH.get('Master|Slave')!;
  const hint = (word: Word, range: Range, value: string, option?: string) => {
    const better = ROLE_RENAME[value.toLowerCase()];
    const says =
      option === 'role'
        ? `Deprecation Warning: Value '${value}' of option role is deprecated and should not be used, use '${better}' value instead`
        : option
          ? ''
          : `Deprecation Warning: Role value '${value}' is deprecated and should not be used, use '${better}' instead`;
    problems.push({
      code: 'pcs/deprecated-role',
      severity: 'hint',
      word,
      message: says
        ? l10n.t("Role '{0}' is the pcs 0.9 / Pacemaker 1 name: pcs 0.11 accepts it with \"{1}\"; use '{2}'.", value, says, better)
        : l10n.t("Role '{0}' is the pcs 0.9 / Pacemaker 1 name: pcs 0.11 accepts it; use '{1}'.", value, better),
      fixes: [{ title: l10n.t("Use '{0}'", better), safe: true, edits: [{ range, newText: better }] }],
    });
    void f;
  };
  const roleWord = (w: Word) => !w.dynamic && !!ROLE_RENAME[w.text.toLowerCase()];
  if (chain === 'constraint colocation add') {
    const withIndex = args.findIndex((w) => w.text === 'with');
    if (withIndex >= 2 && roleWord(args[0])) hint(args[0], args[0].range, args[0].text);
    const right = args.slice(withIndex + 1).filter((w) => !w.text.includes('='));
    if (withIndex >= 0 && right.length >= 2 && roleWord(right[0])) hint(right[0], right[0].range, right[0].text);
  }
  if (chain === 'constraint ticket add') {
    const positional = args.filter((w) => !w.text.includes('='));
    if (positional.length >= 3 && roleWord(positional[1])) hint(positional[1], positional[1].range, positional[1].text);
  }
  for (const w of args) {
    const m = /^(role|rsc-role|with-rsc-role)=(master|slave)$/i.exec(w.text);
    if (!m || w.dynamic) continue;
    const at = m[1].length + 1;
    const range = literal(w) ? { start: { line: w.range.start.line, character: w.range.start.character + at }, end: w.range.end } : w.range;
    if (!literal(w)) continue;
    hint(w, range, m[2], m[1].toLowerCase());
  }
}

function showForm(
  form: PcsLegacyDef,
  argv: Word[],
  options: LegacyOption[],
  rest: Word[],
  legacyWords: Word[],
  consumed: Set<LegacyOption>,
): LegacyProblem {
  const group = legacyWords[0].text;
  const full = options.find((o) => o.name === '--full');
  const groups = options.find((o) => o.name === ('--groups' as string));
  const show = legacyWords[legacyWords.length - 1];
  const target = groups && group === 'resource' ? 'group list' : full || rest.length ? 'config' : 'status';
  const remove = new Set<Word>([full?.word, groups?.word].filter((w): w is Word => !!w));
  for (const o of [full, groups]) if (o) consumed.add(o);
  const edits: Edit[] = [{ range: show.range, newText: target }, ...removal(argv, remove)];
  const says = `Error: This command has been replaced with 'pcs ${group} ${target}'. See 'man pcs' -> Changes in pcs-0.11.`;
  return refused(
    form,
    show,
    says,
    `pcs ${group} ${target}`,
    literal(show) ? [{ title: l10n.t("Rewrite as '{0}'", `pcs ${group} ${target}`), safe: true, edits }] : undefined,
  );
}

function createForms(input: LegacyInput, problems: LegacyProblem[], consumed: Set<LegacyOption>): void {
  const { argv, positional, options, k } = input;
  const args = positional.slice(k);
  const idWord = args[0];
  const master = options.find((o) => o.name === '--master');
  if (master) {
    consumed.add(master);
    const f = LEGACY_BY_PATH.get('resource create --master')!;
    const cloneId = idWord && literal(idWord) ? `${idWord.text}-master` : undefined;
    const edits = appendAfter(
      argv,
      new Set([master.word]),
      removal(argv, new Set([master.word])),
      ` promotable${cloneId ? ` ${cloneId}` : ''}`,
    );
    problems.push(
      refused(
        f,
        master.word,
        f.pcsSays,
        `promotable${cloneId ? ` ${cloneId}` : ''}`,
        [
          {
            title: l10n.t("Rewrite as '{0}' (the pcs 0.9 id, so later lines still find it)", `promotable${cloneId ? ` ${cloneId}` : ''}`),
            edits,
          },
        ],
        'pcs/removed-option',
      ),
    );
  }
  // `master [options]` as the last section of resource create (pcs 0.9)
  let section = 'params';
  for (const w of args.slice(2)) {
    if (w.text === 'op' || w.text === 'meta' || w.text === 'clone' || w.text === 'promotable' || w.text === 'bundle') section = w.text;
    else if (w.text === 'master' && section !== 'clone' && section !== 'promotable' && literal(w)) {
      const f = LEGACY_BY_PATH.get('resource create master')!;
      const after = args.slice(args.indexOf(w) + 1);
      const edits: Edit[] = [{ range: w.range, newText: 'promotable' }, ...renameMasterOptions(after)];
      problems.push(
        refused(
          f,
          w,
          `${f.pcsSays}" and "Hint: Master/Slave resources have been renamed to promotable clones, please use the 'promotable' keyword instead of 'master'.`,
          'promotable',
          [{ title: l10n.t("Rewrite as '{0}'", 'promotable'), safe: true, edits }],
          'pcs/removed-option',
        ),
      );
      break;
    }
  }
}

function renameMasterOptions(words: Word[]): Edit[] {
  const edits: Edit[] = [];
  for (const w of words) {
    const m = /^master-(max|node-max)=/.exec(w.text);
    if (m && literal(w))
      edits.push({
        range: { start: w.range.start, end: { line: w.range.start.line, character: w.range.start.character + 6 } },
        newText: 'promoted',
      });
  }
  return edits;
}

/** `pcs resource master [ID] R [options]` → `pcs resource promotable R [ID] [options]`. */
export function resourceMasterProblem(argv: Word[], masterWord: Word, rest: Word[]): LegacyProblem {
  const f = LEGACY_BY_PATH.get('resource master')!;
  const plain = rest.filter((w) => !w.text.includes('='));
  const edits: Edit[] = [{ range: masterWord.range, newText: 'promotable' }];
  let ok = literal(masterWord);
  if (plain.length >= 2 && rest.indexOf(plain[0]) === 0 && rest.indexOf(plain[1]) === 1) {
    // pcs 0.9 put the new id first; pcs 0.11 wants the resource first
    ok = ok && literal(plain[0]) && literal(plain[1]);
    edits.push({ range: plain[0].range, newText: plain[1].text }, { range: plain[1].range, newText: plain[0].text });
  }
  edits.push(...renameMasterOptions(rest));
  void argv;
  const rsc = plain.length >= 2 ? plain[1].text : (plain[0]?.text ?? '<resource>');
  const id = plain.length >= 2 ? ` ${plain[0].text}` : '';
  return refused(
    f,
    masterWord,
    f.pcsSays,
    `pcs resource promotable ${rsc}${id}`,
    ok ? [{ title: l10n.t("Rewrite as '{0}'", `pcs resource promotable ${rsc}${id}`), safe: true, edits }] : undefined,
  );
}

const TOTEM_OPTIONS = new Set(['token', 'token_coefficient', 'join', 'consensus', 'miss_count_const', 'fail_recv_const']);
const QUORUM_OPTIONS = new Set(['wait_for_all', 'auto_tie_breaker', 'last_man_standing', 'last_man_standing_window']);
const LINK_OPTIONS: Record<string, string> = {
  addr0: 'bindnetaddr',
  mcast0: 'mcastaddr',
  mcastport0: 'mcastport',
  ttl0: 'ttl',
  broadcast0: 'broadcast',
};

function setupForm(input: LegacyInput, problems: LegacyProblem[], consumed: Set<LegacyOption>): void {
  const { argv, positional, options, k } = input;
  const name = options.find((o) => o.name === '--name');
  // --token is known to pcs 0.11's getopt (for other commands), the rest of pcs 0.9's options are not
  const legacy = options.filter((o) => o.legacy || o.name === '--token');
  if (!name && !legacy.length) return;
  for (const o of [name, ...legacy]) if (o) consumed.add(o);
  const f = LEGACY_BY_PATH.get('cluster setup --name')!;
  // what pcs 0.11 prints: getopt stops at the first option it does not know, else the command lists the unsupported ones
  const unknown = legacy.filter((o) => o.legacy);
  const unsupported = options.filter((o) => o.name === '--name' || o.name === '--token').map((o) => `'${o.name}'`);
  const says = unknown.length
    ? `Error: option ${unknown[0].word.text.split('=')[0]} not recognized`
    : `Error: Specified option${unsupported.length > 1 ? 's' : ''} ${unsupported.join(', ')} ${unsupported.length > 1 ? 'are' : 'is'} not supported in this command`;
  const at = (name ?? legacy[0]).word;
  const args = positional.slice(k);

  // the rewrite
  const remove = new Set<Word>();
  const transport: string[] = [];
  const transportOptions: string[] = [];
  const link: string[] = [];
  const totem: string[] = [];
  const quorum: string[] = [];
  const crypto: string[] = [];
  let fixable = args.every(literal) && options.every((o) => literal(o.word) && (!o.valueWord || literal(o.valueWord)));
  let transportName: string | undefined;
  for (const o of legacy) {
    remove.add(o.word);
    if (o.valueWord) remove.add(o.valueWord);
    const key = o.name.slice(2);
    const value = o.value ?? '';
    if (key === 'transport') transportName = value;
    else if (key === 'rrpmode') transportOptions.push(`link_mode=${value}`);
    else if (key === 'ipv6') transportOptions.push('ip_version=ipv6');
    else if (TOTEM_OPTIONS.has(key)) totem.push(`${key}=${value}`);
    else if (QUORUM_OPTIONS.has(key)) quorum.push(`${key}=${value}`);
    else if (key in LINK_OPTIONS) link.push(`${LINK_OPTIONS[key]}=${key === 'broadcast0' ? '1' : value}`);
    else if (key === 'encryption') {
      if (value === '0') crypto.push('cipher=none', 'hash=none');
    } else fixable = false; // a second ring (addr1, mcast1...) has no corosync 3 udp/udpu equivalent
  }
  if (transportName && transportName !== 'knet' && transportOptions.some((o) => o.startsWith('link_mode'))) fixable = false;
  // link and crypto sections belong to the transport: multicast options meant udp, crypto needs knet
  if (!transportName && link.length) transportName = 'udp';
  if (crypto.length && transportName && transportName !== 'knet') fixable = false;
  if (transportName || transportOptions.length || crypto.length) transport.push(transportName ?? 'knet', ...transportOptions);
  const edits: Edit[] = [];
  if (name) {
    remove.add(name.word);
    if (name.valueWord) remove.add(name.valueWord);
  }
  const nodes = name ? args : args.slice(1);
  const clusterName = name?.value ?? args[0]?.text;
  // cluster name first: removed from its place when it is not already just before the nodes
  const nameInPlace =
    name?.valueWord &&
    nodes[0] &&
    argv.indexOf(name.valueWord) === argv.indexOf(nodes[0]) - 1 &&
    argv.indexOf(name.word) === argv.indexOf(name.valueWord) - 1;
  if (name && nameInPlace) remove.delete(name.valueWord!);
  edits.push(...removal(argv, remove));
  if (name && !nameInPlace && nodes[0])
    edits.push({ range: { start: nodes[0].range.start, end: nodes[0].range.start }, newText: `${clusterName} ` });
  for (const node of nodes) {
    const parts = node.text.split(',');
    if (parts.length > 1 && !node.text.includes('='))
      edits.push({ range: node.range, newText: `${parts[0]} ${parts.map((p) => `addr=${p}`).join(' ')}` });
  }
  const sections = [
    transport.length ? `transport ${transport.join(' ')}` : '',
    link.length ? `link ${link.join(' ')}` : '',
    crypto.length ? `crypto ${crypto.join(' ')}` : '',
    totem.length ? `totem ${totem.join(' ')}` : '',
    quorum.length ? `quorum ${quorum.join(' ')}` : '',
  ].filter(Boolean);
  if (sections.length) appendAfter(argv, remove, edits, ` ${sections.join(' ')}`);
  const nodesText = nodes.map((n) => n.text.split(',')[0]).join(' ');
  const use = `pcs cluster setup ${clusterName ?? '<name>'} ${nodesText}${sections.length ? ` ${sections.join(' ')}` : ''}`;
  problems.push(
    refused(
      f,
      at,
      says,
      use,
      fixable && clusterName
        ? [{ title: l10n.t('Rewrite as a pcs 0.10+ cluster setup'), edits: edits.sort((a, b) => pos(a.range.start) - pos(b.range.start)) }]
        : undefined,
      'pcs/removed-option',
    ),
  );
}
