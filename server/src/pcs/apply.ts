// What one pcs command does to the cluster model, and what pcs refuses on the way. Each handler
// checks the line against the model as the lines before it left it (as pcs checks against the CIB),
// reports pcs's refusals as errors, then applies the change.
import type { AgentUse, Word } from '../base/types';
import type { FoldContext } from '../model/context';
import { valueWord } from '../model/context';
import { getLocal, hasLocal, isForeign, suggestName } from '../model/state';
import { checkNodeCluster, joinCluster, otherCluster, ticketMention } from '../model/clusters';
import type { ConstraintInfo, NodeSource, ResourceInfo } from '../model/types';
import type { PcsCommand } from './grammar';
import { closest, SETUP_SECTIONS } from './grammar';
import { CLUSTER_PROPERTY_MAP, SETTABLE_PROPERTIES, isScore, isValidId, propertyValueProblem, ROLES, ORDER_ACTIONS } from './values';
import * as l10n from '@vscode/l10n';

export interface KeyValue {
  key: string;
  value: string;
  word: Word;
  keyWord: Word;
  valueWord: Word;
}

export function splitKeyValue(word: Word): KeyValue | undefined {
  const eq = word.text.indexOf('=');
  if (eq <= 0) return undefined;
  const key = word.text.slice(0, eq);
  const value = word.text.slice(eq + 1);
  return { key, value, word, keyWord: valueWord(word, key, 0), valueWord: valueWord(word, value, eq + 1) };
}

/** Hook the agents layer plugs into: pcs builds the AgentUse, the agents layer checks it and
 * returns whether it found an error (pcs then refuses the line, so nothing is created). */
export type AgentUseSink = (use: AgentUse) => boolean;

/** Whether an agent supports promote/demote, for `promotable` (undefined when unknown). */
export type PromotableCheck = (agent: string, kind: 'resource' | 'stonith') => boolean | undefined;

export interface PcsApplyOptions {
  onAgentUse?: AgentUseSink;
  isPromotable?: PromotableCheck;
}

const RSC = (id: string) => `rsc:${id}`;

function has(cmd: PcsCommand, name: string): boolean {
  return cmd.options.some((o) => o.name === name);
}
function optionValue(cmd: PcsCommand, name: string): { value?: string; word?: Word } | undefined {
  const o = cmd.options.find((x) => x.name === name);
  if (!o) return undefined;
  if (o.valueWord) return { value: o.value, word: o.valueWord };
  const eq = o.word.text.indexOf('=');
  if (eq >= 0) return { value: o.value, word: valueWord(o.word, o.value ?? '', eq + 1) };
  return { value: o.value, word: o.word };
}

export function applyPcs(ctx: FoldContext, cmd: PcsCommand, options: PcsApplyOptions = {}): void {
  for (const problem of cmd.problems) {
    const fixes =
      problem.fixes ??
      (problem.replacement
        ? [
            {
              title: l10n.t("Replace with '{0}'", problem.replacement),
              edits: [{ range: problem.word.range, newText: problem.replacement }],
            },
          ]
        : undefined);
    ctx.at(problem.word, problem.severity ?? 'error', problem.code, problem.message, fixes);
  }
  if (!cmd.def || cmd.problems.some((p) => (p.severity ?? 'error') === 'error')) return;
  const handler = HANDLERS[cmd.def.path.join(' ')];
  if (handler) handler(new PcsLine(ctx, cmd, options));
}

/** Helpers for one pcs line. */
class PcsLine {
  readonly force: boolean;
  constructor(
    readonly ctx: FoldContext,
    readonly cmd: PcsCommand,
    readonly options: PcsApplyOptions,
  ) {
    this.force = has(cmd, '--force');
  }
  get model() {
    return this.ctx.model;
  }
  get args() {
    return this.cmd.args;
  }
  known(word: Word | undefined): word is Word {
    return !!word && !(word.dynamic && !word.values);
  }
  refuse(
    word: Word,
    code: string,
    message: string,
    forcible = false,
    fixes?: { title: string; edits: { range: Word['range']; newText: string }[] }[],
  ) {
    if (forcible && this.force) return;
    this.ctx.at(word, 'error', code, message, fixes);
  }

  /** A word naming an existing resource/group/clone/stonith; reports pcs's refusal when it does not exist. */
  needResource(
    word: Word | undefined,
    message: (id: string) => string,
    opts: { allowStonith?: boolean; forConstraint?: boolean; warnOnly?: boolean } = {},
  ): ResourceInfo | undefined {
    if (!this.known(word)) return undefined;
    const id = word.text;
    const info = this.model.resources.get(id);
    this.ctx.mention(word, RSC(id), id, false);
    if (!info) {
      // indexed in the fold state (model/nameIndex.ts): bounded work per unknown reference
      const suggestion = suggestName(this.model.resources, id);
      const fixes = suggestion
        ? [{ title: l10n.t("Use '{0}'", suggestion), edits: [{ range: word.range, newText: suggestion }] }]
        : undefined;
      const deleted = this.model.everCreated.has(id) ? ' ' + l10n.t('(it was deleted by an earlier line)') : '';
      const text = `${message(id)}${deleted}.${suggestion ? ' ' + l10n.t("Did you mean '{0}'?", suggestion) : ''}`;
      if (opts.warnOnly)
        this.ctx.at(
          word,
          'warning',
          'pcs/unknown-resource',
          text + ' ' + l10n.t('The command will fail unless the resource is created elsewhere.'),
          fixes,
        );
      else this.ctx.at(word, 'error', 'pcs/unknown-resource', l10n.t('pcs refuses this: {0} Create it first or fix the id.', text), fixes);
      return undefined;
    }
    // cloned by another file of unknown order: whether pcs refuses depends on which file runs first
    if (
      opts.forConstraint &&
      (info.kind === 'primitive' || info.kind === 'group') &&
      info.clone &&
      !this.force &&
      !isForeign(this.model.resources, id)
    ) {
      this.ctx.at(
        word,
        'error',
        'pcs/constraint-on-clone-child',
        l10n.t("pcs refuses this: '{0}' is cloned; constraints must name the clone '{1}'.", id, info.clone),
        [{ title: l10n.t("Use '{0}'", info.clone), edits: [{ range: word.range, newText: info.clone }] }],
      );
    }
    return info;
  }

  /** Report an invalid or taken id; returns true when the id can be created. */
  newId(word: Word | undefined, what: string): word is Word {
    if (!this.known(word)) return false;
    const id = word.text;
    const valid = isValidId(id);
    if (!valid.ok) {
      this.ctx.at(
        word,
        'error',
        'pcs/invalid-id',
        l10n.t(
          "pcs refuses this: {0} (ids start with a letter or '_' and use letters, digits, '_', '.', '-').",
          `invalid ${what} name '${id}', ${valid.reason}`,
        ),
      );
      return false;
    }
    // only this document's earlier lines count: another file creating the same id may run instead
    const constraint = this.ctx.constraints.getLocal(id);
    const existing =
      getLocal(this.model.resources, id) ?? (constraint ? ({ decl: constraint.ref, maybe: constraint.maybe } as ResourceInfo) : undefined);
    // created in a shell alternative only (`if`/`else` arm, `case` item, `||`): it may not exist
    // the same id in another cluster of the lab (a DR pair) is another resource
    if (existing && !existing.maybe && !otherCluster(this.ctx, existing)) {
      this.ctx.at(
        word,
        'error',
        'pcs/duplicate-id',
        l10n.t("pcs refuses this: '{0}' already exists in the configuration. Choose another id, or delete the existing one first.", id),
        undefined,
        [existing.decl],
      );
      return false;
    }
    return true;
  }

  nodeMention(word: Word | undefined, name?: string): void {
    if (!this.known(word)) return;
    const values = word.values ?? [name ?? word.text];
    for (const value of values) this.ctx.mention(word, `node:${value}`, value, false);
    pendingNodeChecks(this.model).push({ uri: this.ctx.uri, word, names: values });
    checkNodeCluster(this.ctx, word, values);
  }

  addResource(
    word: Word,
    info: Omit<ResourceInfo, 'decl' | 'createdBy' | 'params' | 'meta' | 'ops' | 'members'> & Partial<ResourceInfo>,
  ): ResourceInfo {
    const full: ResourceInfo = {
      params: new Map(),
      meta: new Map(),
      ops: [],
      members: [],
      decl: this.ctx.ref(word),
      createdBy: this.cmd.words.map((w) => w.text).join(' '),
      ...info,
    };
    const cluster = this.ctx.cluster;
    if (cluster) full.cluster = cluster;
    this.model.resources.set(full.id, full);
    this.model.everCreated.set(full.id, full);
    this.ctx.mention(word, RSC(full.id), full.id, true);
    return full;
  }

  deleteResource(id: string): void {
    const info = this.model.resources.get(id);
    if (!info) return;
    this.model.resources.delete(id);
    for (const member of info.members) this.deleteResource(member);
    if (info.group) {
      const group = this.model.resources.get(info.group);
      if (group) {
        group.members = group.members.filter((m) => m !== id);
        if (!group.members.length) this.deleteResource(group.id);
      }
    }
    if (info.clone) this.model.resources.delete(info.clone);
    // pcs removes the constraints that reference a deleted resource
    for (const c of this.ctx.constraints.forResource(id)) this.ctx.constraints.remove(c);
  }

  addConstraint(c: Omit<ConstraintInfo, 'ref' | 'text'>, at: Word): void {
    this.ctx.constraints.add({ ...c, ref: this.ctx.ref(at), text: this.cmd.words.map((w) => w.text).join(' ') });
  }

  /** pcs's generated constraint id: base, then base-1, base-2... while taken. */
  constraintId(base: string): string {
    const clean = base.replace(/[^A-Za-z0-9_.-]/g, '');
    let id = clean;
    for (let n = 1; this.ctx.constraints.getLocal(id) || hasLocal(this.model.resources, id); n++) id = `${clean}-${n}`;
    return id;
  }

  addNode(word: Word, name: string, source: NodeSource, member: boolean, addresses: string[] = [], remote?: 'remote' | 'guest'): void {
    const existing = this.model.nodes.get(name);
    if (existing && (existing.member || !member)) {
      for (const a of addresses) if (!existing.addresses.includes(a)) existing.addresses.push(a);
      this.ctx.mention(word, `node:${name}`, name, false);
      return;
    }
    this.model.nodes.set(name, {
      name,
      addresses: [...(existing?.addresses ?? []), ...addresses],
      source,
      member,
      remote,
      decl: this.ctx.ref(word),
    });
    this.model.knownHostNames.add(name);
    this.ctx.mention(word, `node:${name}`, name, true);
  }
}

/** Node names mentioned by commands; checked against the final node list (scripts/rules/nodes.ts). */
export interface NodeCheck {
  uri: string;
  word: Word;
  names: string[];
}
const NODE_CHECKS = new WeakMap<object, NodeCheck[]>();
export function pendingNodeChecks(model: object): NodeCheck[] {
  let list = NODE_CHECKS.get(model);
  if (!list) NODE_CHECKS.set(model, (list = []));
  return list;
}

// ---- resource create / stonith create -------------------------------------------------------

interface CreateSections {
  params: Word[];
  ops: { name: Word; options: Word[] }[];
  meta: Word[];
  clone?: { keyword: Word; id?: Word; options: Word[]; promotable: boolean };
  bundle?: Word;
}

function splitCreate(words: Word[]): CreateSections {
  const out: CreateSections = { params: [], ops: [], meta: [] };
  let mode: 'params' | 'op' | 'meta' | 'clone' | 'bundle' = 'params';
  for (const word of words) {
    const t = word.text;
    if (t === 'op') {
      mode = 'op';
      continue;
    }
    if (t === 'meta') {
      mode = 'meta';
      continue;
    }
    if (t === 'clone' || t === 'promotable') {
      out.clone = { keyword: word, options: [], promotable: t === 'promotable' };
      mode = 'clone';
      continue;
    }
    if (t === 'bundle') {
      mode = 'bundle';
      continue;
    }
    switch (mode) {
      case 'params':
        out.params.push(word);
        break;
      case 'op':
        if (!t.includes('=')) out.ops.push({ name: word, options: [] });
        else if (out.ops.length) out.ops[out.ops.length - 1].options.push(word);
        break;
      case 'meta':
        out.meta.push(word);
        break;
      case 'clone':
        if (!t.includes('=') && !out.clone!.id && !out.clone!.options.length) out.clone!.id = word;
        else out.clone!.options.push(word);
        break;
      case 'bundle':
        out.bundle ??= word;
        break;
    }
  }
  return out;
}

function kvMap(words: Word[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const w of words) {
    const kv = splitKeyValue(w);
    if (kv) map.set(kv.key, kv.value);
  }
  return map;
}

function createPrimitive(line: PcsLine, kind: 'resource' | 'stonith'): void {
  const [idWord, agentWord, ...rest] = line.args;
  if (!idWord) return;
  const sections = splitCreate(rest);
  let agentError = false;
  if (agentWord && line.options.onAgentUse) {
    agentError = line.options.onAgentUse({
      kind,
      id: idWord,
      agent: agentWord,
      params: sections.params,
      ops: sections.ops,
      meta: sections.meta,
    });
  }
  const okId = line.newId(idWord, kind === 'stonith' ? 'stonith' : 'resource');
  if (sections.clone?.promotable && agentWord && line.options.isPromotable?.(agentWord.text, kind) === false) {
    line.refuse(
      sections.clone.keyword,
      'pcs/not-promotable',
      l10n.t(
        "pcs refuses this: the agent '{0}' has no promote/demote actions, so it cannot be a promotable clone. Use 'clone', or an agent with roles (ocf:pacemaker:Stateful, ocf:linbit:drbd).",
        agentWord.text,
      ),
      true,
    );
    return;
  }
  if (agentError) return;
  const group = optionValue(line.cmd, '--group');
  let groupInfo: ResourceInfo | undefined;
  let groupOk = true;
  if (group?.word && group.value && line.known(group.word)) {
    groupInfo = line.model.resources.get(group.value);
    // a primitive of that id in another file of unknown order: if this file runs first, it is a new group
    if (groupInfo && groupInfo.kind !== 'group' && isForeign(line.model.resources, group.value)) groupInfo = undefined;
    line.ctx.mention(group.word, RSC(group.value), group.value, !groupInfo);
    if (groupInfo && groupInfo.kind !== 'group') {
      line.refuse(
        group.word,
        'pcs/not-a-group',
        l10n.t("pcs refuses this: '{0}' is not a group (it is a {1}); --group must name a group or a new id.", group.value, groupInfo.kind),
      );
      groupOk = false;
    } else if (!groupInfo) {
      const valid = isValidId(group.value);
      if (!valid.ok) {
        line.refuse(group.word, 'pcs/invalid-id', l10n.t('pcs refuses this: {0}.', `invalid group name '${group.value}', ${valid.reason}`));
        groupOk = false;
      }
    }
    for (const position of ['--before', '--after']) {
      const pos = optionValue(line.cmd, position);
      if (pos?.word && pos.value && line.known(pos.word)) {
        line.ctx.mention(pos.word, RSC(pos.value), pos.value, false);
        if (!line.model.resources.has(pos.value)) {
          line.refuse(
            pos.word,
            'pcs/unknown-resource',
            position === '--before'
              ? l10n.t("pcs refuses this: '{0}' does not exist, so the new resource cannot be placed before it.", pos.value)
              : l10n.t("pcs refuses this: '{0}' does not exist, so the new resource cannot be placed after it.", pos.value),
          );
          groupOk = false;
        } else if (!groupInfo || !groupInfo.members.includes(pos.value)) {
          line.refuse(
            pos.word,
            'pcs/not-in-group',
            l10n.t("pcs refuses this: '{0}' is not a member of group '{1}'.", pos.value, group.value),
          );
          groupOk = false;
        }
      }
    }
  }
  let cloneId: string | undefined;
  if (sections.clone) {
    cloneId = sections.clone.id?.text ?? `${idWord.text}-clone`;
    if (sections.clone.id && !line.newId(sections.clone.id, 'clone')) return;
    if (!sections.clone.id && hasLocal(line.model.resources, cloneId)) {
      line.refuse(sections.clone.keyword, 'pcs/duplicate-id', l10n.t("pcs refuses this: the clone id '{0}' already exists.", cloneId));
      return;
    }
  }
  if (!okId || !groupOk) return;
  const info = line.addResource(idWord, {
    id: idWord.text,
    kind: kind === 'stonith' ? 'stonith' : 'primitive',
    agent: agentWord?.text,
    params: kvMap(sections.params),
    meta: kvMap(sections.meta),
    ops: sections.ops.map((o) => ({ name: o.name.text, options: kvMap(o.options) })),
    disabled: has(line.cmd, '--disabled') || kvMap(sections.meta).get('target-role') === 'Stopped',
  });
  if (group?.value && group.word) {
    if (!groupInfo) groupInfo = line.addResource(group.word, { id: group.value, kind: 'group' });
    const after = optionValue(line.cmd, '--after')?.value;
    const before = optionValue(line.cmd, '--before')?.value;
    const members = groupInfo.members;
    const index = after ? members.indexOf(after) + 1 : before ? members.indexOf(before) : members.length;
    members.splice(index, 0, info.id);
    info.group = groupInfo.id;
  }
  if (sections.clone && cloneId) {
    line.addResource(sections.clone.id ?? sections.clone.keyword, {
      id: cloneId,
      kind: sections.clone.promotable ? 'promotable' : 'clone',
      members: [info.id],
      meta: kvMap(sections.clone.options),
    });
    if (!sections.clone.id) {
      // the generated clone id has no word of its own; point its declaration at the resource id
      line.model.resources.get(cloneId)!.decl = line.ctx.ref(idWord);
    }
    info.clone = cloneId;
  }
}

// ---- handlers ---------------------------------------------------------------------------------

type Handler = (line: PcsLine) => void;

function deleteHandler(kindWord: 'resource' | 'stonith'): Handler {
  return (line) => {
    const word = line.args[0];
    const info = line.needResource(word, (id) => `${kindWord === 'stonith' ? 'Stonith device' : 'Resource'} '${id}' does not exist`, {
      allowStonith: true,
    });
    if (info) line.deleteResource(info.id);
  };
}

function groupAdd(line: PcsLine): void {
  const [groupWord, ...members] = line.args;
  if (!line.known(groupWord)) return;
  let group = line.model.resources.get(groupWord.text);
  let ok = true;
  if (group && group.kind !== 'group') {
    line.refuse(groupWord, 'pcs/not-a-group', l10n.t("pcs refuses this: '{0}' is not a group (it is a {1}).", groupWord.text, group.kind));
    ok = false;
  } else if (!group && !line.newId(groupWord, 'group')) ok = false;
  const valid: ResourceInfo[] = [];
  for (const m of members) {
    const info = line.needResource(m, (id) => `'${id}' does not exist`);
    if (!info) {
      ok = false;
      continue;
    }
    if (info.clone || info.kind === 'clone' || info.kind === 'promotable' || info.kind === 'group') {
      line.refuse(
        m,
        'pcs/cannot-group',
        info.clone
          ? l10n.t("pcs refuses this: '{0}' cannot be put into a group (its parent '{1}' is a clone).", info.id, info.clone)
          : l10n.t("pcs refuses this: '{0}' cannot be put into a group (it is a {1}).", info.id, info.kind),
      );
      ok = false;
      continue;
    }
    valid.push(info);
  }
  if (!ok || !valid.length) return;
  if (!group) group = line.addResource(groupWord, { id: groupWord.text, kind: 'group' });
  else line.ctx.mention(groupWord, RSC(group.id), group.id, false);
  for (const info of valid) {
    if (info.group && info.group !== group.id) {
      const old = line.model.resources.get(info.group);
      if (old) {
        old.members = old.members.filter((x) => x !== info.id);
        if (!old.members.length) line.model.resources.delete(old.id);
      }
    }
    if (!group.members.includes(info.id)) group.members.push(info.id);
    info.group = group.id;
  }
}

function groupRemove(line: PcsLine): void {
  const [groupWord, ...members] = line.args;
  const group = line.needResource(groupWord, (id) => `Group '${id}' does not exist`);
  if (!group) return;
  if (group.kind !== 'group') {
    line.refuse(groupWord!, 'pcs/not-a-group', l10n.t("pcs refuses this: '{0}' is not a group.", group.id));
    return;
  }
  const targets = members.length
    ? members.map((m) => line.needResource(m, (id) => `'${id}' does not exist`)).filter((x): x is ResourceInfo => !!x)
    : group.members.map((id) => line.model.resources.get(id)!).filter(Boolean);
  const strangers = members.filter((m) => targets.some((t) => t.id === m.text && t.group !== group.id));
  for (const m of strangers)
    line.refuse(m, 'pcs/not-in-group', l10n.t("pcs refuses this: resource '{0}' is not in group '{1}'.", m.text, group.id));
  if (strangers.length || targets.length < members.length) return;
  for (const t of targets) {
    t.group = undefined;
    group.members = group.members.filter((m) => m !== t.id);
  }
  if (!group.members.length) line.model.resources.delete(group.id);
}

function cloneHandler(promotable: boolean): Handler {
  return (line) => {
    const [word, maybeId, ...rest] = line.args;
    if (!line.known(word)) return;
    const info = line.model.resources.get(word.text);
    line.ctx.mention(word, RSC(word.text), word.text, false);
    if (!info || (info.kind !== 'primitive' && info.kind !== 'group')) {
      line.refuse(
        word,
        'pcs/unknown-resource',
        info
          ? l10n.t("pcs refuses this: unable to find group or resource '{0}' (it is a {1}).", word.text, info.kind)
          : l10n.t("pcs refuses this: unable to find group or resource '{0}'.", word.text),
      );
      return;
    }
    const agentOf = (r: ResourceInfo): string[] =>
      r.kind === 'group' ? r.members.map((m) => line.model.resources.get(m)?.agent ?? '') : [r.agent ?? ''];
    if (promotable && !line.force && agentOf(info).some((a) => a && line.options.isPromotable?.(a, 'resource') === false)) {
      line.refuse(
        word,
        'pcs/not-promotable',
        l10n.t(
          "pcs refuses this: '{0}' uses an agent without promote/demote actions, so it cannot be a promotable clone. Use 'pcs resource clone'.",
          info.id,
        ),
      );
      return;
    }
    if (info.clone && !isForeign(line.model.resources, info.id)) {
      line.refuse(word, 'pcs/already-cloned', l10n.t("pcs refuses this: '{0}' is already cloned by '{1}'.", info.id, String(info.clone)));
      return;
    }
    const explicitId = maybeId && !maybeId.text.includes('=') ? maybeId : undefined;
    const cloneId = explicitId?.text ?? `${info.id}-clone`;
    if (explicitId && !line.newId(explicitId, 'clone')) return;
    if (!explicitId && hasLocal(line.model.resources, cloneId)) {
      line.refuse(word, 'pcs/duplicate-id', l10n.t("pcs refuses this: the clone id '{0}' already exists.", cloneId));
      return;
    }
    if (info.group) {
      const group = line.model.resources.get(info.group);
      if (group) {
        group.members = group.members.filter((m) => m !== info.id);
        if (!group.members.length) line.model.resources.delete(group.id);
      }
      info.group = undefined;
    }
    const optionWords = explicitId ? rest : [maybeId, ...rest].filter((w): w is Word => !!w);
    const clone = line.addResource(explicitId ?? word, {
      id: cloneId,
      kind: promotable ? 'promotable' : 'clone',
      members: [info.id],
      meta: kvMap(optionWords),
    });
    if (!explicitId) {
      // the id is generated: keep the declaration but do not let rename touch the resource's word
      const list = line.model.occurrences.get(line.ctx.uri)!;
      const index = list.findIndex((o) => o.key === RSC(cloneId) && o.decl && o.range === word.range);
      if (index >= 0) list.splice(index, 1);
    }
    if (kvMap(optionWords).get('promotable') === 'true') clone.kind = 'promotable';
    info.clone = cloneId;
  };
}

function unclone(line: PcsLine): void {
  const info = line.needResource(line.args[0], (id) => `could not find resource: ${id}`);
  if (!info) return;
  const clone = info.kind === 'clone' || info.kind === 'promotable' ? info : info.clone ? line.model.resources.get(info.clone) : undefined;
  if (!clone) {
    line.refuse(line.args[0], 'pcs/not-a-clone', l10n.t("pcs refuses this: '{0}' is not a clone.", info.id));
    return;
  }
  for (const child of clone.members) {
    const c = line.model.resources.get(child);
    if (c) c.clone = undefined;
  }
  line.model.resources.delete(clone.id);
}

function updateHandler(line: PcsLine): void {
  const [word, ...rest] = line.args;
  const info = line.needResource(word, (id) => `Unable to find resource: ${id}`, { allowStonith: true });
  if (!info) return;
  const sections = splitCreate(rest);
  for (const [k, v] of kvMap(sections.params)) {
    if (v === '') info.params.delete(k);
    else info.params.set(k, v);
  }
  for (const [k, v] of kvMap(sections.meta)) info.meta.set(k, v);
}

function metaHandler(line: PcsLine): void {
  const [word, ...rest] = line.args;
  const info = line.needResource(word, (id) => `unable to find a resource/clone/group: ${id}`, { allowStonith: true });
  if (!info) return;
  for (const [k, v] of kvMap(rest)) {
    if (v === '') info.meta.delete(k);
    else info.meta.set(k, v);
  }
  const role = info.meta.get('target-role');
  info.disabled = role === 'Stopped';
}

function eachResource(message: (id: string) => string, then?: (info: ResourceInfo, line: PcsLine) => void, warnOnly = false): Handler {
  return (line) => {
    for (const word of line.args) {
      if (word.text.includes('=')) continue;
      const info = line.needResource(word, message, { allowStonith: true, warnOnly });
      if (info && then) then(info, line);
    }
  };
}

/** `pcs resource cleanup [R] [node=N]`, `refresh`, `failcount show`, `relations`, `restart R [node]`. */
function optionalResource(line: PcsLine): void {
  for (const word of line.args) {
    const kv = splitKeyValue(word);
    if (kv) {
      if (kv.key === 'node') line.nodeMention(kv.valueWord);
      continue;
    }
    if (word.text === 'show') continue;
    line.needResource(word, (id) => `Resource '${id}' is not known to this workspace`, { allowStonith: true, warnOnly: true });
    break;
  }
}

function banOrMove(kind: 'ban' | 'move' | 'move-with-constraint'): Handler {
  return (line) => {
    const [word, nodeWord] = line.args;
    const info = line.needResource(word, (id) => `Resource '${id}' does not exist`);
    const node = nodeWord && !nodeWord.text.includes('=') ? nodeWord : undefined;
    if (node) line.nodeMention(node);
    if (!info || !node || kind === 'move') return;
    line.addConstraint(
      {
        id: `cli-ban-${info.id}-on-${node.text}`,
        type: 'location',
        rsc: info.id,
        node: node.text,
        score: kind === 'ban' ? '-INFINITY' : 'INFINITY',
        cli: true,
      },
      word!,
    );
  };
}

function clearHandler(line: PcsLine): void {
  const [word, nodeWord] = line.args;
  const info = line.needResource(word, (id) => `Resource '${id}' does not exist`);
  if (nodeWord && !nodeWord.text.includes('=')) line.nodeMention(nodeWord);
  if (info) for (const c of line.ctx.constraints.forResource(info.id)) if (c.cli && c.rsc === info.id) line.ctx.constraints.remove(c);
}

// ---- constraints --------------------------------------------------------------------------------

function locationHandler(line: PcsLine): void {
  const [rscWord, verb, ...rest] = line.args;
  if (!rscWord) return;
  if (rscWord.text === 'config' || rscWord.text === 'show') return;
  if (!verb || !['prefers', 'avoids', 'rule'].includes(verb.text)) {
    if (verb && !verb.dynamic) {
      line.refuse(
        verb,
        'pcs/unknown-command',
        l10n.t("pcs refuses this: after the resource, 'pcs constraint location' expects prefers, avoids or rule, not '{0}'.", verb.text),
        false,
        closest(verb.text, ['prefers', 'avoids', 'rule'])
          ? [
              {
                title: `Use '${closest(verb.text, ['prefers', 'avoids', 'rule'])}'`,
                edits: [{ range: verb.range, newText: closest(verb.text, ['prefers', 'avoids', 'rule'])! }],
              },
            ]
          : undefined,
      );
    }
    return;
  }
  const info = line.needResource(rscWord, (id) => `Resource '${id}' does not exist`, { forConstraint: true, allowStonith: true });
  if (verb.text === 'rule') {
    if (info) line.addConstraint({ id: line.constraintId(`location-${info.id}`), type: 'location', rsc: info.id, rule: true }, rscWord);
    return;
  }
  const entries: { node: Word; score: string; scoreWord?: Word }[] = [];
  let bad = false;
  for (const word of rest) {
    const eq = word.text.indexOf('=');
    const nodeName = eq < 0 ? word.text : word.text.slice(0, eq);
    const score = eq < 0 ? 'INFINITY' : word.text.slice(eq + 1);
    const nodeWord = valueWord(word, nodeName, 0);
    line.nodeMention(nodeWord);
    if (eq >= 0 && !word.dynamic && !isScore(score)) {
      const scoreWord = valueWord(word, score, eq + 1);
      line.refuse(
        scoreWord,
        'pcs/invalid-score',
        l10n.t("pcs refuses this: invalid score '{0}', use an integer or INFINITY or -INFINITY.", score),
        false,
        score.toUpperCase().replace(/^([+-]?)INF(INITY)?$/, '$1INFINITY') !== score && /^[+-]?inf(inity)?$/i.test(score)
          ? [
              {
                title: l10n.t('Use {0}', score.startsWith('-') ? '-INFINITY' : 'INFINITY'),
                edits: [{ range: scoreWord.range, newText: score.startsWith('-') ? '-INFINITY' : 'INFINITY' }],
              },
            ]
          : undefined,
      );
      bad = true;
    }
    entries.push({ node: nodeWord, score });
  }
  if (bad || !info) return;
  for (const entry of entries) {
    let score = entry.score;
    if (verb.text === 'avoids') score = score.startsWith('-') ? score.slice(1) : `-${score.replace(/^\+/, '')}`;
    const scoreText = score.replace(/^\+/, '');
    // pcs replaces an existing plain location constraint of the same resource and node
    for (const c of line.ctx.constraints.forResource(info.id))
      if (c.type === 'location' && !c.rule && !c.cli && c.rsc === info.id && c.node === entry.node.text) line.ctx.constraints.remove(c);
    line.addConstraint(
      {
        id: line.constraintId(`location-${info.id}-${entry.node.text}-${scoreText}`),
        type: 'location',
        rsc: info.id,
        node: entry.node.text,
        score: scoreText,
      },
      entry.node,
    );
  }
}

function locationAdd(line: PcsLine): void {
  const [idWord, rscWord, nodeWord, scoreWord] = line.args;
  const existing = idWord ? line.ctx.constraints.getLocal(idWord.text) : undefined;
  if (existing?.type === 'location') line.ctx.constraints.remove(existing);
  const okId = line.newId(idWord, 'constraint');
  const info = line.needResource(rscWord, (id) => `Resource '${id}' does not exist`, { forConstraint: true, allowStonith: true });
  if (nodeWord) line.nodeMention(nodeWord);
  if (scoreWord && !scoreWord.dynamic && !isScore(scoreWord.text)) {
    line.refuse(
      scoreWord,
      'pcs/invalid-score',
      l10n.t("pcs refuses this: invalid score '{0}', use an integer or INFINITY or -INFINITY.", scoreWord.text),
    );
    return;
  }
  if (okId && info && nodeWord && scoreWord)
    line.addConstraint(
      { id: idWord!.text, type: 'location', rsc: info.id, node: nodeWord.text, score: scoreWord.text.replace(/^\+/, '') },
      idWord!,
    );
}

function deleteConstraint(line: PcsLine): void {
  for (const word of line.args) {
    if (!line.known(word)) continue;
    const found = line.ctx.constraints.get(word.text);
    if (!found) {
      const suggestion = closest(word.text, line.ctx.constraints.ids());
      line.refuse(
        word,
        'pcs/unknown-constraint',
        suggestion
          ? l10n.t(
              "pcs refuses this: there is no constraint with id '{0}'. Did you mean '{1}'? See 'pcs constraint config --full' for ids.",
              word.text,
              suggestion,
            )
          : l10n.t("pcs refuses this: there is no constraint with id '{0}'. See 'pcs constraint config --full' for ids.", word.text),
        false,
        suggestion ? [{ title: l10n.t("Use '{0}'", suggestion), edits: [{ range: word.range, newText: suggestion }] }] : undefined,
      );
      continue;
    }
    line.ctx.constraints.remove(found);
  }
}

function orderHandler(line: PcsLine): void {
  const args = line.args;
  if (!args.length || args[0].text === 'config' || args[0].text === 'show') return;
  const thenIndex = args.findIndex((w) => w.text === 'then');
  if (thenIndex < 0) {
    line.refuse(
      args[0],
      'pcs/syntax',
      l10n.t("pcs refuses this: '{0}' needs '{1}'.", 'pcs constraint order', '[action] <first> then [action] <then>'),
    );
    return;
  }
  const firstPart = args.slice(0, thenIndex);
  const secondPart = args.slice(thenIndex + 1);
  const actionOf = (part: Word[]): string =>
    part.length >= 2 && ORDER_ACTIONS.includes(part[0].text.toLowerCase()) ? part[0].text.toLowerCase() : 'start';
  const firstAction = actionOf(firstPart);
  const thenAction = actionOf(secondPart.filter((w) => !w.text.includes('=')));
  const pickResource = (part: Word[]): Word | undefined => {
    if (part.length >= 2 && ORDER_ACTIONS.includes(part[0].text.toLowerCase())) return part[1];
    return part[0];
  };
  const first = pickResource(firstPart);
  const thenWords = secondPart.filter((w) => !w.text.includes('='));
  const then = thenWords.length >= 2 && ORDER_ACTIONS.includes(thenWords[0].text.toLowerCase()) ? thenWords[1] : thenWords[0];
  if (firstPart.length >= 2 && !ORDER_ACTIONS.includes(firstPart[0].text.toLowerCase())) {
    // `order bogus A then B`: pcs reads the first word as a resource
    line.needResource(firstPart[0], (id) => `Resource '${id}' does not exist`, { forConstraint: true });
  }
  if (thenWords.length >= 2 && !ORDER_ACTIONS.includes(thenWords[0].text.toLowerCase())) {
    line.needResource(thenWords[0], (id) => `Resource '${id}' does not exist`, { forConstraint: true });
    return;
  }
  const a = line.needResource(first, (id) => `Resource '${id}' does not exist`, { forConstraint: true });
  const b = line.needResource(then, (id) => `Resource '${id}' does not exist`, { forConstraint: true });
  if (!a || !b || !first || !then) return;
  const opts = kvMap(secondPart.filter((w) => w.text.includes('=')));
  if (
    line.ctx.constraints
      .forResource(a.id)
      .some((c) => c.type === 'order' && c.rsc === a.id && c.with === b.id && c.role === firstAction && c.withRole === thenAction) &&
    !line.force
  ) {
    line.refuse(
      then,
      'pcs/duplicate-constraint',
      l10n.t("pcs refuses this: an order constraint '{0} then {1}' already exists (duplicate constraint).", a.id, b.id),
    );
    return;
  }
  const kind = (opts.get('kind') ?? 'Mandatory').toLowerCase();
  line.addConstraint(
    {
      id: opts.get('id') ?? line.constraintId(`order-${a.id}-${b.id}-${kind}`),
      type: 'order',
      rsc: a.id,
      with: b.id,
      score: opts.get('kind') === 'Optional' ? '0' : 'INFINITY',
      role: firstAction,
      withRole: thenAction,
    },
    first,
  );
}

function colocationAdd(line: PcsLine): void {
  const args = line.args;
  const withIndex = args.findIndex((w) => w.text === 'with');
  if (withIndex < 0) {
    if (args[0])
      line.refuse(
        args[0],
        'pcs/syntax',
        l10n.t("pcs refuses this: 'pcs constraint colocation add' needs '[role] <source> with [role] <target> [score]'."),
      );
    return;
  }
  const left = args.slice(0, withIndex);
  const right = args.slice(withIndex + 1);
  const checkRole = (w: Word): boolean => {
    if (ROLES.some((r) => r.toLowerCase() === w.text.toLowerCase())) return true;
    line.refuse(
      w,
      'pcs/invalid-role',
      l10n.t("pcs refuses this: invalid role value '{0}', allowed values are: {1}.", w.text, ROLES.map((r) => `'${r}'`).join(', ')),
      false,
      closest(w.text, ROLES)
        ? [{ title: l10n.t("Use '{0}'", closest(w.text, ROLES)!), edits: [{ range: w.range, newText: closest(w.text, ROLES)! }] }]
        : undefined,
    );
    return false;
  };
  let ok = true;
  let role: string | undefined;
  const source: Word | undefined = left[left.length - 1];
  if (left.length >= 2) {
    ok = checkRole(left[0]) && ok;
    role = left[0].text;
  }
  const positional = right.filter((w) => !w.text.includes('='));
  let target: Word | undefined;
  let withRole: string | undefined;
  let score = 'INFINITY';
  if (positional.length >= 2 && !isScore(positional[1].text)) {
    ok = checkRole(positional[0]) && ok;
    withRole = positional[0].text;
    target = positional[1];
    if (positional[2]) score = positional[2].text;
  } else {
    target = positional[0];
    if (positional[1]) score = positional[1].text;
  }
  const opts = kvMap(right.filter((w) => w.text.includes('=')));
  if (opts.has('score')) score = opts.get('score')!;
  if (!isScore(score)) {
    const w = right.find((x) => x.text === score || x.text === `score=${score}`) ?? args[0];
    line.refuse(
      w,
      'pcs/invalid-score',
      l10n.t('pcs refuses this: {0}.', `invalid score '${score}', use an integer or INFINITY or -INFINITY`),
    );
    ok = false;
  }
  const a = line.needResource(source, (id) => `Resource '${id}' does not exist`, { forConstraint: true });
  const b = line.needResource(target, (id) => `Resource '${id}' does not exist`, { forConstraint: true });
  if (!ok || !a || !b || !source) return;
  // pcs compares the roles too (Master = Promoted, Slave = Unpromoted, none = Started)
  const sameRole = (x: string | undefined, y: string | undefined) => normalRole(x) === normalRole(y);
  if (
    line.ctx.constraints
      .forResource(a.id)
      .some(
        (c) => c.type === 'colocation' && c.rsc === a.id && c.with === b.id && sameRole(c.role, role) && sameRole(c.withRole, withRole),
      ) &&
    !line.force
  ) {
    line.refuse(
      target!,
      'pcs/duplicate-constraint',
      l10n.t("pcs refuses this: a colocation of '{0}' with '{1}' already exists (duplicate constraint).", a.id, b.id),
    );
    return;
  }
  const scoreText = score.replace(/^\+/, '');
  line.addConstraint(
    {
      id: opts.get('id') ?? line.constraintId(`colocation-${a.id}-${b.id}-${scoreText}`),
      type: 'colocation',
      rsc: a.id,
      with: b.id,
      score: scoreText,
      role,
      withRole,
    },
    source,
  );
}

function normalRole(role: string | undefined): string {
  const r = (role ?? 'Started').toLowerCase();
  return r === 'master' ? 'promoted' : r === 'slave' ? 'unpromoted' : r;
}

function setHandler(type: 'order' | 'colocation' | 'ticket'): Handler {
  return (line) => {
    const keywords = new Set(['set', 'setoptions', 'options']);
    let inOptions = false;
    const ids: ResourceInfo[] = [];
    for (const word of line.args) {
      if (word.text === 'setoptions' || word.text === 'options') inOptions = true;
      if (keywords.has(word.text)) {
        if (word.text === 'set') inOptions = false;
        continue;
      }
      if (inOptions || word.text.includes('=')) continue;
      const info = line.needResource(word, (id) => `Resource '${id}' does not exist`, { forConstraint: true });
      if (info) ids.push(info);
    }
    if (type !== 'ticket') {
      for (let i = 1; i < ids.length; i++)
        line.addConstraint(
          { id: line.constraintId(`${type}_set`), type, rsc: ids[i - 1].id, with: ids[i].id, score: 'INFINITY' },
          line.args[0],
        );
    }
  };
}

function ticketAdd(line: PcsLine): void {
  const positional = line.args.filter((w) => !w.text.includes('='));
  const rsc = positional.length >= 3 ? positional[2] : positional[1];
  if (positional.length >= 3 && !ROLES.some((r) => r.toLowerCase() === positional[1].text.toLowerCase())) {
    line.refuse(positional[1], 'pcs/invalid-role', l10n.t('pcs refuses this: {0}.', `invalid role value '${positional[1].text}'`));
  }
  line.needResource(rsc, (id) => `Resource '${id}' does not exist`, { forConstraint: true });
}

// ---- properties -----------------------------------------------------------------------------------

function propertySet(line: PcsLine): void {
  const seen = new Map<string, string>();
  for (const word of line.args) {
    const kv = splitKeyValue(word);
    if (!kv) continue;
    if (seen.has(kv.key) && seen.get(kv.key) !== kv.value) {
      line.refuse(
        word,
        'pcs/duplicate-option',
        l10n.t(
          "pcs refuses this: '{0}' is given twice with different values ('{1}' and '{2}').",
          kv.key,
          String(seen.get(kv.key)),
          kv.value,
        ),
      );
      return;
    }
    seen.set(kv.key, kv.value);
  }
  const changes: [string, { value: string; ref: ReturnType<FoldContext['ref']> } | undefined][] = [];
  let refused = false;
  for (const word of line.args) {
    const kv = splitKeyValue(word);
    if (!kv) {
      line.refuse(word, 'pcs/syntax', l10n.t("pcs refuses this: property values are written name=value, not '{0}'.", word.text));
      continue;
    }
    if (word.dynamic) continue;
    const prop = CLUSTER_PROPERTY_MAP.get(kv.key);
    if (!prop || prop.readonly) {
      const suggestion = closest(
        kv.key,
        SETTABLE_PROPERTIES.map((p) => p.name),
      );
      const why = prop?.readonly
        ? l10n.t("pcs refuses this: '{0}' is maintained by the cluster itself and cannot be set.", kv.key)
        : l10n.t("pcs refuses this: '{0}' is not a cluster property of Pacemaker 2.1.5.", kv.key);
      line.refuse(
        kv.keyWord,
        prop?.readonly ? 'pcs/readonly-property' : 'pcs/unknown-property',
        suggestion ? `${why} ${l10n.t("Did you mean '{0}'?", suggestion)}` : why,
        !prop?.readonly,
        suggestion ? [{ title: l10n.t("Use '{0}'", suggestion), edits: [{ range: kv.keyWord.range, newText: suggestion }] }] : undefined,
      );
      if (prop?.readonly || !line.force) refused = true;
      continue;
    }
    if (kv.value === '') {
      changes.push([kv.key, undefined]);
      continue;
    }
    if (kv.key === 'stonith-watchdog-timeout' && !['0', '0s'].includes(kv.value) && !line.model.properties.has('#sbd')) {
      line.refuse(
        kv.valueWord,
        'pcs/invalid-property-value',
        l10n.t('pcs refuses this: stonith-watchdog-timeout can only be unset or 0 while SBD is not enabled (pcs stonith sbd enable).'),
      );
      refused = true;
      continue;
    }
    const problem = propertyValueProblem(prop, kv.value);
    if (problem) {
      const suggestion = prop.values ? closest(kv.value, prop.values) : undefined;
      line.refuse(
        kv.valueWord,
        'pcs/invalid-property-value',
        l10n.t('pcs refuses this: {0}.', `'${kv.value}' is not a valid ${kv.key} value, ${problem}`),
        true,
        suggestion ? [{ title: l10n.t("Use '{0}'", suggestion), edits: [{ range: kv.valueWord.range, newText: suggestion }] }] : undefined,
      );
      if (!line.force) refused = true;
      continue;
    }
    changes.push([kv.key, { value: kv.value, ref: line.ctx.ref(word) }]);
  }
  if (refused) return;
  for (const [key, value] of changes) {
    if (value) line.model.properties.set(key, value);
    else line.model.properties.delete(key);
  }
}

function propertyUnset(line: PcsLine): void {
  for (const word of line.args) {
    if (!line.known(word)) continue;
    if (!line.model.properties.has(word.text)) {
      line.refuse(
        word,
        'pcs/property-not-set',
        l10n.t("pcs refuses this: cannot remove property '{0}', it is not set (nothing earlier in the workspace sets it).", word.text),
        true,
      );
      continue;
    }
    line.model.properties.delete(word.text);
  }
}

// ---- cluster, hosts, nodes ----------------------------------------------------------------------

function hostAuth(line: PcsLine): void {
  for (const word of line.args) {
    const kv = splitKeyValue(word);
    if (kv) continue;
    if (!line.known(word)) continue;
    for (const name of word.values ?? [word.text]) {
      line.model.knownHostNames.add(name);
      line.ctx.mention(word, `node:${name}`, name, !line.model.nodes.has(name));
      if (!line.model.nodes.has(name))
        line.model.nodes.set(name, { name, addresses: [], source: 'host auth', member: false, decl: line.ctx.ref(word) });
    }
  }
}

function clusterSetup(line: PcsLine): void {
  const [nameWord, ...rest] = line.args;
  if (!line.known(nameWord)) return;
  // a new cluster: the previous one's CIB is gone
  line.model.clusterName = { name: nameWord.text, decl: line.ctx.ref(nameWord) };
  let lastNode: string | undefined;
  for (const word of rest) {
    if (SETUP_SECTIONS.has(word.text)) break;
    const kv = splitKeyValue(word);
    if (kv) {
      if (kv.key === 'addr' && lastNode) {
        const node = line.model.nodes.get(lastNode);
        if (node && !node.addresses.includes(kv.value)) node.addresses.push(kv.value);
      }
      continue;
    }
    if (!line.known(word)) continue;
    for (const name of word.values ?? [word.text]) {
      line.addNode(word, name, 'cluster setup', true);
      joinCluster(line.ctx, name, nameWord.text);
      lastNode = name;
    }
  }
}

function nodeAdd(line: PcsLine): void {
  const [nameWord, ...rest] = line.args;
  if (!line.known(nameWord)) return;
  const addresses = rest
    .map(splitKeyValue)
    .filter((kv) => kv?.key === 'addr')
    .map((kv) => kv!.value);
  line.addNode(nameWord, nameWord.text, 'cluster node add', true, addresses);
  const cluster = line.ctx.cluster;
  if (cluster) joinCluster(line.ctx, nameWord.text, cluster);
}

function nodeRemove(line: PcsLine): void {
  for (const word of line.args) {
    if (!line.known(word)) continue;
    line.nodeMention(word);
    const node = line.model.nodes.get(word.text);
    if (node?.member) node.member = false;
  }
}

function addRemote(line: PcsLine): void {
  const [nameWord, maybeAddress] = line.args;
  if (!line.known(nameWord)) return;
  const address =
    maybeAddress && !maybeAddress.text.includes('=') && !['op', 'meta'].includes(maybeAddress.text) ? maybeAddress.text : undefined;
  if (!line.newId(nameWord, 'remote node resource')) return;
  line.addResource(nameWord, {
    id: nameWord.text,
    kind: 'primitive',
    agent: 'ocf:pacemaker:remote',
    params: new Map(address ? [['server', address]] : []),
  });
  line.addNode(nameWord, nameWord.text, 'remote', false, address ? [address] : [], 'remote');
}

function addGuest(line: PcsLine): void {
  const [nameWord, rscWord, ...rest] = line.args;
  if (!line.known(nameWord)) return;
  const info = line.needResource(rscWord, (id) => `resource '${id}' does not exist`);
  if (!info) return;
  info.meta.set('remote-node', nameWord.text);
  const address = kvMap(rest).get('remote-addr');
  line.addNode(nameWord, nameWord.text, 'guest', false, address ? [address] : [], 'guest');
}

function removeRemote(line: PcsLine): void {
  const word = line.args[0];
  if (!line.known(word)) return;
  line.nodeMention(word);
  const node = line.model.nodes.get(word.text);
  if (node?.remote) line.model.nodes.delete(word.text);
  const rsc = [...line.model.resources.values()].find(
    (r) => r.id === word.text || r.meta.get('remote-node') === word.text || r.params.get('server') === word.text,
  );
  if (rsc?.agent === 'ocf:pacemaker:remote') line.deleteResource(rsc.id);
  else if (rsc) rsc.meta.delete('remote-node');
}

function destroy(line: PcsLine): void {
  const model = line.model;
  model.resources.clear();
  line.ctx.constraints.clear();
  model.properties.clear();
  model.resourceDefaults.clear();
  model.clusterName = undefined;
  for (const [name, node] of model.nodes) if (node.member || node.remote) model.nodes.delete(name);
}

function nodeList(line: PcsLine): void {
  for (const word of line.args) {
    if (word.text.includes('=') || (word === line.args[0] && word.text === 'show')) continue;
    line.nodeMention(word);
  }
}

function stonithLevelAdd(line: PcsLine): void {
  const [levelWord, targetWord, ...devices] = line.args;
  if (levelWord && !levelWord.dynamic && !/^[1-9]$/.test(levelWord.text)) {
    line.refuse(
      levelWord,
      'pcs/invalid-level',
      l10n.t("pcs refuses this: '{0}' is not a valid level value, use a positive integer (1-9).", levelWord.text),
    );
  }
  if (targetWord && !targetWord.text.includes('=') && !targetWord.text.includes('%')) line.nodeMention(targetWord);
  for (const d of devices) {
    if (d.text.includes('=')) continue;
    const info = line.needResource(d, (id) => `Stonith resource(s) '${id}' do not exist`, { allowStonith: true });
    if (info && info.kind !== 'stonith')
      line.refuse(d, 'pcs/not-a-stonith', l10n.t("pcs refuses this: '{0}' is a {1}, not a stonith device.", info.id, info.kind));
  }
}

function resourceDefaults(line: PcsLine): void {
  for (const word of line.args) {
    const kv = splitKeyValue(word);
    if (kv) line.model.resourceDefaults.set(kv.key, kv.value);
  }
}

/** `pcs resource op defaults [update] timeout=...`: kept as '#op-defaults:NAME' for the timeout rule. */
function opDefaults(line: PcsLine): void {
  for (const word of line.args) {
    const kv = splitKeyValue(word);
    if (kv && !word.dynamic) line.model.properties.set(`#op-defaults:${kv.key}`, { value: kv.value, ref: line.ctx.ref(word) });
  }
}

const HANDLERS: Record<string, Handler> = {
  'resource op defaults': opDefaults,
  'resource op defaults update': opDefaults,
  'host auth': hostAuth,
  'cluster auth': () => undefined,
  'cluster setup': clusterSetup,
  'cluster destroy': destroy,
  'cluster node add': nodeAdd,
  'cluster node remove': nodeRemove,
  'cluster node delete': nodeRemove,
  'cluster node add-remote': addRemote,
  'cluster node add-guest': addGuest,
  'cluster node remove-remote': removeRemote,
  'cluster node delete-remote': removeRemote,
  'cluster node remove-guest': removeRemote,
  'cluster node delete-guest': removeRemote,
  'cluster start': nodeList,
  'cluster stop': nodeList,
  'cluster enable': nodeList,
  'cluster disable': nodeList,
  'resource create': (line) => createPrimitive(line, 'resource'),
  'stonith create': (line) => createPrimitive(line, 'stonith'),
  'resource delete': deleteHandler('resource'),
  'resource remove': deleteHandler('resource'),
  'stonith delete': deleteHandler('stonith'),
  'stonith remove': deleteHandler('stonith'),
  'resource group add': groupAdd,
  'resource group delete': groupRemove,
  'resource group remove': groupRemove,
  'resource ungroup': groupRemove,
  'resource clone': cloneHandler(false),
  'resource promotable': cloneHandler(true),
  'resource unclone': unclone,
  'resource update': updateHandler,
  'stonith update': updateHandler,
  'resource meta': metaHandler,
  'stonith meta': metaHandler,
  'resource op add': (line) => void line.needResource(line.args[0], (id) => `Unable to find resource: ${id}`, { allowStonith: true }),
  'resource op delete': (line) =>
    void (line.args.length > 1 && line.needResource(line.args[0], (id) => `Unable to find resource: ${id}`, { allowStonith: true })),
  'resource enable': eachResource(
    (id) => `bundle/clone/group/resource/tag '${id}' does not exist`,
    (info) => (info.disabled = false),
  ),
  'resource disable': eachResource(
    (id) => `bundle/clone/group/resource/tag '${id}' does not exist`,
    (info) => (info.disabled = true),
  ),
  'stonith enable': eachResource((id) => `stonith device '${id}' does not exist`),
  'stonith disable': eachResource((id) => `stonith device '${id}' does not exist`),
  'resource manage': eachResource((id) => `bundle/clone/group/resource/tag '${id}' does not exist`),
  'resource unmanage': eachResource((id) => `bundle/clone/group/resource/tag '${id}' does not exist`),
  'resource move': banOrMove('move'),
  'resource move-with-constraint': banOrMove('move-with-constraint'),
  'resource ban': banOrMove('ban'),
  'resource clear': clearHandler,
  'resource cleanup': optionalResource,
  'resource refresh': optionalResource,
  'stonith cleanup': optionalResource,
  'stonith refresh': optionalResource,
  'resource restart': optionalResource,
  'resource relations': optionalResource,
  'resource failcount': optionalResource,
  'resource debug-start': optionalResource,
  'resource debug-stop': optionalResource,
  'resource debug-monitor': optionalResource,
  'resource utilization': (line) =>
    void (line.args[0] && line.needResource(line.args[0], (id) => `Unable to find a resource: ${id}`, { allowStonith: true })),
  'resource config': eachResource((id) => `no resource '${id}' is configured (pcs: No resource found)`),
  'stonith config': eachResource((id) => `no stonith device '${id}' is configured`),
  'resource defaults': resourceDefaults,
  'resource defaults update': resourceDefaults,
  'constraint location': locationHandler,
  'constraint location add': locationAdd,
  'constraint location delete': deleteConstraint,
  'constraint location remove': deleteConstraint,
  'constraint delete': deleteConstraint,
  'constraint remove': deleteConstraint,
  'constraint order': orderHandler,
  'constraint order set': setHandler('order'),
  'constraint colocation add': colocationAdd,
  'constraint colocation set': setHandler('colocation'),
  'constraint ticket add': (line) => {
    ticketMention(
      line.ctx,
      line.args.find((w) => !w.text.includes('=')),
      false,
    );
    ticketAdd(line);
  },
  'constraint ticket delete': (line) => ticketMention(line.ctx, line.args[0], false),
  'constraint ticket remove': (line) => ticketMention(line.ctx, line.args[0], false),
  'booth ticket add': (line) => ticketMention(line.ctx, line.args[0], true),
  'booth ticket delete': (line) => ticketMention(line.ctx, line.args[0], false),
  'booth ticket remove': (line) => ticketMention(line.ctx, line.args[0], false),
  'booth ticket grant': (line) => ticketMention(line.ctx, line.args[0], false),
  'booth ticket revoke': (line) => ticketMention(line.ctx, line.args[0], false),
  'dr set-recovery-site': (line) =>
    line.args[0] && line.known(line.args[0]) && line.ctx.mention(line.args[0], `node:${line.args[0].text}`, line.args[0].text, false),
  'constraint ticket set': setHandler('ticket'),
  'constraint ref': eachResource((id) => `Resource '${id}' does not exist`, undefined, true),
  'property set': propertySet,
  'property unset': propertyUnset,
  'stonith fence': nodeList,
  'stonith confirm': nodeList,
  'stonith history': nodeList,
  'stonith history cleanup': nodeList,
  'stonith level add': stonithLevelAdd,
  'stonith sbd enable': (line) => void line.model.properties.set('#sbd', { value: 'enabled', ref: line.ctx.ref(line.cmd.pathWords[2]) }),
  'node standby': nodeList,
  'node unstandby': nodeList,
  'node maintenance': nodeList,
  'node unmaintenance': nodeList,
  'node attribute': (line) => line.args[0] && !line.args[0].text.includes('=') && line.nodeMention(line.args[0]),
  'node utilization': (line) => line.args[0] && !line.args[0].text.includes('=') && line.nodeMention(line.args[0]),
};
