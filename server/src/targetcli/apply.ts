// What a one-shot targetcli line does to the model's iSCSI objects, and what targetcli refuses.
import type { Word } from '../base/types';
import type { FoldContext } from '../model/context';
import { valueWord } from '../model/context';
import { closest } from '../pcs/grammar';
import {
  CREATE_SIGNATURES,
  DELETE_SIGNATURES,
  GLOBAL_COMMANDS,
  SET_GROUPS,
  iqnProblem,
  normalisePath,
  pathKind,
  type TargetcliCommand,
  type TargetcliSignature,
} from './grammar';
import * as l10n from '@vscode/l10n';

interface Bound {
  name: string;
  value: string;
  word: Word;
}

/** Bind positional and key=value words to a signature as targetcli's Python call would. */
function bind(ctx: FoldContext, sig: TargetcliSignature, words: Word[], what: string): Map<string, Bound> | undefined {
  const out = new Map<string, Bound>();
  let position = 0;
  let ok = true;
  for (const word of words) {
    const eq = word.text.indexOf('=');
    if (eq > 0) {
      const name = word.text.slice(0, eq);
      if (!sig.params.includes(name)) {
        const suggestion = closest(name, sig.params);
        ctx.at(
          word,
          'error',
          'targetcli/unknown-parameter',
          l10n.t("targetcli refuses this: {0} has no parameter '{1}'. Parameters: {2}.", what, name, sig.params.join(', ')),
          suggestion
            ? [{ title: `Use '${suggestion}'`, edits: [{ range: valueWord(word, name, 0).range, newText: suggestion }] }]
            : undefined,
        );
        ok = false;
        continue;
      }
      out.set(name, { name, value: word.text.slice(eq + 1), word: valueWord(word, word.text.slice(eq + 1), eq + 1) });
    } else {
      const name = sig.params[position++];
      if (!name) {
        ctx.at(
          word,
          'error',
          'targetcli/too-many-arguments',
          l10n.t('targetcli refuses this: {0} takes at most {1} parameters ({2}).', what, sig.params.length, sig.params.join(', ')),
        );
        ok = false;
        continue;
      }
      out.set(name, { name, value: word.text, word });
    }
  }
  const missing = sig.params.slice(0, sig.required).filter((p) => !out.has(p));
  if (missing.length && ok) {
    ctx.at(
      words[words.length - 1] ?? ctx.inv!.argv[ctx.inv!.argv.length - 1],
      'error',
      'targetcli/missing-parameter',
      l10n.t('targetcli refuses this: {0} needs {1}.', what, missing.join(', ')),
    );
    return undefined;
  }
  return ok ? out : undefined;
}

export function applyTargetcli(ctx: FoldContext, cmd: TargetcliCommand): void {
  const tc = ctx.model.targetcli;
  const command = cmd.commandWord;
  if (!command || command.dynamic) return;
  const name = command.text;
  if (!(name in GLOBAL_COMMANDS)) {
    const suggestion = closest(name, Object.keys(GLOBAL_COMMANDS));
    ctx.at(
      command,
      'error',
      'targetcli/unknown-command',
      l10n.t("targetcli refuses this: '{0}' is not a targetcli command.", name) +
        (suggestion ? ' ' + l10n.t("Did you mean '{0}'?", suggestion) : ''),
      suggestion ? [{ title: l10n.t("Use '{0}'", suggestion), edits: [{ range: command.range, newText: suggestion }] }] : undefined,
    );
    return;
  }
  const where = pathKind(cmd.path);
  const targetPath = (target: string) => target.toLowerCase();
  if (
    where.target &&
    !['iscsi', 'target'].includes(where.kind) &&
    !tc.targets.has(targetPath(where.target)) &&
    cmd.pathWord &&
    tc.targets.size + tc.backstores.size > 0
  ) {
    ctx.at(
      cmd.pathWord,
      'error',
      'targetcli/unknown-target',
      l10n.t(
        "targetcli refuses this: no target '{0}' was created before this line (targetcli: {1}). Create it with '{2}'.",
        where.target,
        'No such path',
        `targetcli iscsi/ create ${where.target}`,
      ),
    );
    return;
  }
  if (name === 'set') {
    const group = cmd.args[0];
    if (group && !SET_GROUPS.includes(group.text)) {
      ctx.at(
        group,
        'error',
        'targetcli/unknown-parameter',
        l10n.t("targetcli refuses this: 'set' takes a group ({0}), not '{1}'.", SET_GROUPS.join(', '), group.text),
      );
    }
    const acl = aclOf(cmd);
    if (acl && cmd.pathWord && !tc.acls.has(acl) && tc.targets.has(where.target!.toLowerCase())) {
      ctx.at(
        cmd.pathWord,
        'error',
        'targetcli/unknown-acl',
        l10n.t(
          "targetcli refuses this: no ACL for initiator '{0}' was created before this line. Create it with '{1}'.",
          String(where.initiator),
          `targetcli ${cmd.path.slice(0, 4).join('/')}/ create ${where.initiator}`,
        ),
      );
    }
    return;
  }
  if (name === 'create') {
    const sig = CREATE_SIGNATURES[where.kind];
    if (!sig) {
      if (cmd.pathWord)
        ctx.at(
          cmd.pathWord,
          'error',
          'targetcli/cannot-create',
          l10n.t("targetcli refuses this: nothing can be created under '{0}'.", cmd.pathWord.text),
        );
      return;
    }
    const bound = bind(ctx, sig, cmd.args, `'${where.kind} create'`);
    if (!bound) return;
    switch (where.kind) {
      case 'fileio':
      case 'block':
      case 'ramdisk':
      case 'pscsi':
      case 'user': {
        const objectName = bound.get('name')!;
        const key = `${where.kind}/${objectName.value}`;
        if (tc.backstores.has(key)) {
          ctx.at(
            objectName.word,
            'error',
            'targetcli/duplicate',
            l10n.t("targetcli refuses this: storage object '{0}' already exists.", key),
            undefined,
            [tc.backstores.get(key)!],
          );
          return;
        }
        tc.backstores.set(key, ctx.ref(objectName.word));
        ctx.mention(objectName.word, `tcm:${key}`, objectName.value, true);
        return;
      }
      case 'iscsi': {
        const wwn = bound.get('wwn');
        if (!wwn) return;
        const problem = iqnProblem(wwn.value);
        if (problem) {
          ctx.at(
            wwn.word,
            'error',
            'targetcli/malformed-iqn',
            l10n.t("targetcli refuses this: '{0}' is not a valid iSCSI name: {1}.", wwn.value, problem),
          );
          return;
        }
        tc.targets.set(targetPath(wwn.value), ctx.ref(wwn.word));
        tc.tpgs.add(`${targetPath(wwn.value)}/tpg1`);
        return;
      }
      case 'luns': {
        const so = bound.get('storage_object')!;
        const parts = normalisePath(so.value);
        if (parts[0] === 'backstores') parts.shift();
        const key = parts.slice(0, 2).join('/');
        if (parts.length < 2 || !tc.backstores.has(key)) {
          const suggestion = closest(key, [...tc.backstores.keys()]);
          ctx.at(
            so.word,
            'error',
            'targetcli/unknown-backstore',
            l10n.t(
              "targetcli refuses this: the storage object '{0}' was not created before this line. Create it under /backstores first.",
              so.value,
            ) + (suggestion ? ' ' + l10n.t("Did you mean '{0}'?", `/backstores/${suggestion}`) : ''),
          );
          return;
        }
        ctx.mention(so.word, `tcm:${key}`, parts[1], false);
        tc.luns.set(`${cmd.path.join('/')}/${key}`, ctx.ref(so.word));
        return;
      }
      case 'acls': {
        const wwn = bound.get('wwn')!;
        const problem = iqnProblem(wwn.value);
        if (problem) {
          ctx.at(
            wwn.word,
            'error',
            'targetcli/malformed-iqn',
            l10n.t("targetcli refuses this: '{0}' is not a valid initiator name: {1}.", wwn.value, problem),
          );
          return;
        }
        tc.acls.set(`${targetPath(where.target!)}/${where.tpg}/acls/${wwn.value.toLowerCase()}`, ctx.ref(wwn.word));
        return;
      }
      default:
        return;
    }
  }
  if (name === 'delete') {
    const kind = ['fileio', 'block', 'ramdisk', 'pscsi', 'user'].includes(where.kind) ? 'backstore' : where.kind;
    const sig = DELETE_SIGNATURES[kind];
    if (!sig) return;
    const bound = bind(ctx, sig, cmd.args, `'${kind} delete'`);
    if (!bound) return;
    if (kind === 'backstore') tc.backstores.delete(`${where.kind}/${bound.get('name')!.value}`);
    if (kind === 'iscsi') tc.targets.delete(targetPath(bound.get('wwn')!.value));
  }
}

/** The ACL path of `set auth` lines, to know whether it names an ACL created before. */
export function aclOf(cmd: TargetcliCommand): string | undefined {
  const where = pathKind(cmd.path);
  return where.kind === 'acl' && where.target
    ? `${where.target.toLowerCase()}/${where.tpg}/acls/${where.initiator!.toLowerCase()}`
    : undefined;
}
