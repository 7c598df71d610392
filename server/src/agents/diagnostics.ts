// Checks of one `pcs resource create` / `pcs stonith create` against the agent's metadata, following
// what pcs 0.11 validates (errors) and what Pacemaker or crmsh would flag later (warnings).
import { didYouMean } from '../base/didYouMean';
import { diagnostic } from '../base/diagnostic';
import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { AgentUse, FixData, Range, Word } from '../base/types';
import { AgentCatalog, loadAgentCatalog, type PcsAgentView } from './catalog';
import { OPERATION_OPTIONS, ON_FAIL_VALUES, VALID_ROLES } from './pacemakerMeta';
import type { AgentAction, AgentParameter } from './types';
import { durationMs, splitPair, subRange, type Pair } from './words';
import * as l10n from '@vscode/l10n';
import { orList } from '../base/orList';

const ERROR: DiagnosticSeverity = 1;
const WARNING: DiagnosticSeverity = 2;
const HINT: DiagnosticSeverity = 4;

export interface AgentCheckOptions {
  /** `--force` on the line: pcs then only warns about what it would otherwise refuse with "use --force to override". */
  force?: boolean;
  catalog?: AgentCatalog;
}

function diag(range: Range, severity: DiagnosticSeverity, code: string, message: string, data?: FixData): Diagnostic {
  return diagnostic(range, severity, code, message, data?.fixes);
}

function suggest(name: string, candidates: string[]): string | undefined {
  return didYouMean(name, candidates, { ignoreCase: true });
}

function quoteList(names: string[]): string {
  return names.map((n) => `'${n}'`).join(', ');
}

const TRUE_FALSE = new Set(['true', 'false', 'yes', 'no', 'on', 'off', '1', '0', 'y', 'n']);

function typeProblem(param: AgentParameter, value: string): string | undefined {
  if (value === '') return undefined;
  switch (param.type) {
    case 'integer':
      return /^[-+]?\d+$/.test(value) ? undefined : l10n.t("'{0}' is not an integer", value);
    case 'boolean':
      return TRUE_FALSE.has(value.toLowerCase()) ? undefined : l10n.t("'{0}' is not a boolean (use true/false, yes/no, 1/0)", value);
    case 'select':
      return param.values?.length && !param.values.includes(value)
        ? l10n.t("'{0}' is not one of {1}", value, quoteList(param.values))
        : undefined;
    case 'time':
    case 'second':
      return durationMs(value) === undefined ? l10n.t("'{0}' is not a duration (e.g. 20s, 2min)", value) : undefined;
    default:
      return undefined;
  }
}

/** Where a missing parameter is best inserted: after the last parameter, else after the agent word. */
function insertionPoint(use: AgentUse): Range {
  const last = use.params.length ? use.params[use.params.length - 1] : use.agent;
  return { start: last.range.end, end: last.range.end };
}

function checkParameters(use: AgentUse, view: PcsAgentView, kind: string, force: boolean, out: Diagnostic[]): Map<string, string> {
  const refuse = force ? WARNING : ERROR;
  const given = new Map<string, string>();
  const pairs = use.params.map(splitPair).filter((p) => p.hasValue);
  for (const pair of pairs) given.set(pair.name, pair.value);
  const allowed = view.parameters.map((p) => p.name);
  const deprecatedPairs: { pair: Pair; by: string[] }[] = [];

  for (const pair of pairs) {
    if (pair.word.dynamic) continue;
    const param = view.byName.get(pair.name);
    if (!param) {
      const better = suggest(pair.name, allowed);
      const fix: FixData | undefined = better
        ? { fixes: [{ title: l10n.t("Replace '{0}' with '{1}'", pair.name, better), edits: [{ range: pair.nameRange, newText: better }] }] }
        : undefined;
      out.push(
        diag(
          pair.nameRange,
          refuse,
          'pcs/agent-param-unknown',
          l10n.t(
            '{0} option \'{1}\' is not a parameter of {2}; pcs refuses it ("{3}").',
            kind,
            pair.name,
            view.agent.id,
            `invalid ${kind} option`,
          ) +
            ' ' +
            (better
              ? l10n.t("Did you mean '{0}'?", better)
              : l10n.t('Allowed: {0}.', `${allowed.slice(0, 12).join(', ')}${allowed.length > 12 ? ', …' : ''}`)),
          fix,
        ),
      );
      continue;
    }
    if (pair.value === '') {
      out.push(
        diag(
          pair.word.range,
          ERROR,
          'pcs/agent-param-empty',
          param.default
            ? l10n.t(
                '{0} cannot be empty: pcs refuses an empty value. Give a value, or leave the parameter out to use the default ({1}).',
                pair.name,
                param.default,
              )
            : l10n.t(
                '{0} cannot be empty: pcs refuses an empty value. Give a value, or leave the parameter out to use the default.',
                pair.name,
              ),
        ),
      );
      continue;
    }
    if (view.agent.standard === 'stonith' && pair.name === 'action') {
      out.push(
        diag(
          pair.nameRange,
          refuse,
          'pcs/stonith-action-deprecated',
          l10n.t(
            "stonith option 'action' is deprecated and pcs refuses it without --force; use pcmk_off_action or pcmk_reboot_action to change what fencing does.",
          ),
        ),
      );
      continue;
    }
    if (param.deprecated) deprecatedPairs.push({ pair, by: param.deprecatedBy ?? [] });
    const problem = typeProblem(param, pair.value);
    if (problem) {
      out.push(
        diag(
          subRange(pair.word, pair.name.length + 1, pair.word.text.length),
          WARNING,
          'pcs/agent-param-type',
          l10n.t(
            "{0}: {1} declares '{2}' as {3}. pcs accepts it, but the agent will fail or misbehave when it starts.",
            problem,
            view.agent.id,
            pair.name,
            param.type,
          ),
        ),
      );
    }
  }

  // Deprecated names still work the same: advice, one hint per line however many there are.
  if (deprecatedPairs.length) {
    const renames = deprecatedPairs.filter((d) => d.by.length === 1);
    const first = deprecatedPairs[0];
    const says = `${kind} option '${first.pair.name}' is deprecated and should not be used${first.by.length ? `, use ${quoteList(first.by)} instead` : ''}`;
    const list = deprecatedPairs
      .map((d) => `'${d.pair.name}'${d.by.length ? ` → ${d.by.map((b) => `'${b}'`).join(' or ')}` : ''}`)
      .join(', ');
    const fix: FixData | undefined = renames.length
      ? {
          fixes: [
            {
              title:
                renames.length === 1
                  ? l10n.t("Replace '{0}' with '{1}'", renames[0].pair.name, renames[0].by[0])
                  : l10n.t('Use the current names ({0})', renames.map((d) => d.by[0]).join(', ')),
              safe: true,
              edits: renames.map((d) => ({ range: d.pair.nameRange, newText: d.by[0] })),
            },
          ],
        }
      : undefined;
    const last = deprecatedPairs[deprecatedPairs.length - 1];
    out.push(
      diag(
        { start: first.pair.nameRange.start, end: last.pair.nameRange.end },
        HINT,
        'pcs/agent-param-deprecated',
        (deprecatedPairs.length > 1
          ? l10n.t('{0} deprecated {1} options: {2}.', deprecatedPairs.length, kind, list)
          : l10n.t('Deprecated {0} option: {1}.', kind, list)) +
          ' ' +
          l10n.t('They still work; pcs warns ("{0}").', says),
        fix,
      ),
    );
  }

  // Required parameters, with pcs's rule for deprecated names: a required parameter is satisfied by
  // any older name it replaces; required parameters that are themselves deprecated are not required.
  const replaces = new Map<string, Set<string>>();
  for (const p of view.parameters)
    for (const newer of p.deprecatedBy ?? []) {
      if (!replaces.has(newer)) replaces.set(newer, new Set());
      replaces.get(newer)!.add(p.name);
    }
  const olderNames = (name: string): Set<string> => {
    const found = new Set<string>();
    let frontier = [...(replaces.get(name) ?? [])];
    while (frontier.length) {
      const next: string[] = [];
      for (const n of frontier)
        if (!found.has(n)) {
          found.add(n);
          next.push(...(replaces.get(n) ?? []));
        }
      frontier = next;
    }
    return found;
  };
  const missing: { name: string; message: string }[] = [];
  for (const p of view.parameters) {
    if (!p.required || p.deprecated) continue;
    const older = olderNames(p.name);
    if (given.has(p.name) || [...older].some((o) => given.has(o))) continue;
    missing.push({
      name: p.name,
      message: older.size ? orList([`'${p.name}'`, ...[...older].sort().map((o) => l10n.t("'{0}' (deprecated)", o))]) : `'${p.name}'`,
    });
  }
  if (missing.length) {
    const at = insertionPoint(use);
    const fix: FixData = {
      fixes: [
        {
          title: missing.length > 1 ? l10n.t('Add the missing required parameters') : l10n.t('Add the missing required parameter'),
          edits: [{ range: at, newText: missing.map((m) => ` ${m.name}=`).join('') }],
        },
      ],
    };
    out.push(
      diag(
        use.agent.range,
        refuse,
        'pcs/agent-param-missing',
        (missing.length > 1
          ? l10n.t('required {0} options {1} are missing:', kind, missing.map((m) => m.message).join(', '))
          : l10n.t('required {0} option {1} is missing:', kind, missing[0].message)) +
          ' ' +
          (force
            ? l10n.t('pcs refuses the command (accepted here because of --force, but the agent will not start).')
            : l10n.t('pcs refuses the command.')) +
          ' ' +
          l10n.t('Add {0}.', missing.map((m) => `${m.name}=<value>`).join(' ')),
        fix,
      ),
    );
  }
  return given;
}

/** One group of unique parameters a use sets: resources of the same agent may not share the values. */
export interface UniqueValues {
  /** `agent id \0 parameter names \0 values`: equal keys clash. */
  key: string;
  names: string[];
  values: string[];
  word: Word;
  agentId: string;
  kind: string;
}

/** The unique-parameter groups `use` gives values for (empty when the agent is unknown or has none). */
export function uniqueValuesOf(use: AgentUse, catalog: AgentCatalog = loadAgentCatalog()): UniqueValues[] {
  if (use.agent.dynamic) return [];
  const resolution = catalog.resolve(use.agent.text, use.kind);
  if (resolution.kind !== 'found') return [];
  const view = catalog.pcsView(resolution.agent);
  const groups = new Map<string, string[]>();
  for (const p of view.parameters) if (p.unique && p.uniqueGroup) groups.set(p.uniqueGroup, [...(groups.get(p.uniqueGroup) ?? []), p.name]);
  if (!groups.size) return [];
  const given = new Map<string, string>();
  for (const pair of use.params.map(splitPair)) if (pair.hasValue) given.set(pair.name, pair.value);
  const out: UniqueValues[] = [];
  for (const [, names] of groups) {
    const values = names.map((n) => given.get(n) ?? '');
    if (!values.some(Boolean)) continue;
    const word = use.params.find((w) => names.includes(splitPair(w).name)) ?? use.agent;
    out.push({
      key: `${view.agent.id}\0${names.join(',')}\0${values.join('\0')}`,
      names,
      values,
      word,
      agentId: view.agent.id,
      kind: use.kind === 'stonith' ? 'stonith' : 'resource',
    });
  }
  return out;
}

/** pcs/agent-param-not-unique for a group whose values resources `clashIds` already use. */
export function notUniqueDiagnostic(group: UniqueValues, clashIds: string[], force = false): Diagnostic {
  const what =
    group.names.length === 1
      ? l10n.t("Value '{0}' of option '{1}' is not unique across '{2}' resources", group.values[0], group.names[0], group.agentId)
      : l10n.t("Values of options {0} are not unique across '{1}' resources", quoteList(group.names), group.agentId);
  return diag(
    group.word.range,
    force ? WARNING : ERROR,
    'pcs/agent-param-not-unique',
    group.kind === 'stonith'
      ? l10n.t(
          '{0} (also used by {1}): pcs refuses it without --force, and two stonith devices would fight over the same thing. Use a different value.',
          what,
          quoteList(clashIds),
        )
      : l10n.t(
          '{0} (also used by {1}): pcs refuses it without --force, and two resources would fight over the same thing. Use a different value.',
          what,
          quoteList(clashIds),
        ),
  );
}

/** Ids of earlier uses, indexed by their unique values: built once, then one look-up per use. */
export function uniqueIndex(uses: AgentUse[], catalog: AgentCatalog = loadAgentCatalog()): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const use of uses) {
    for (const g of uniqueValuesOf(use, catalog)) {
      const list = index.get(g.key);
      if (list) list.push(use.id.text);
      else index.set(g.key, [use.id.text]);
    }
  }
  return index;
}

function checkUnique(use: AgentUse, index: Map<string, string[]>, catalog: AgentCatalog, force: boolean, out: Diagnostic[]): void {
  for (const g of uniqueValuesOf(use, catalog)) {
    const clashes = (index.get(g.key) ?? []).filter((id) => id !== use.id.text);
    if (clashes.length) out.push(notUniqueDiagnostic(g, clashes, force));
  }
}

function advisedTimeout(actions: AgentAction[], name: string, role: string | undefined, depth: string | undefined): string | undefined {
  const same = actions.filter((a) => a.name === name);
  const pick =
    (role && same.find((a) => a.role?.toLowerCase() === role.toLowerCase())) ||
    (depth && same.find((a) => a.depth === depth)) ||
    same.find((a) => !a.role) ||
    same[0];
  return pick?.timeout;
}

function checkOperations(use: AgentUse, view: PcsAgentView | undefined, force: boolean, out: Diagnostic[]): void {
  const refuse = force ? WARNING : ERROR;
  const actionNames = view ? [...new Set(view.agent.actions.map((a) => a.name))] : [];
  const optionNames = OPERATION_OPTIONS.map((o) => o.name);
  const seenIntervals = new Map<string, Word>();
  for (const op of use.ops) {
    const name = op.name.text;
    if (view && !op.name.dynamic && !actionNames.includes(name)) {
      const better = suggest(name, actionNames);
      const fix: FixData | undefined = better
        ? { fixes: [{ title: l10n.t("Replace '{0}' with '{1}'", name, better), edits: [{ range: op.name.range, newText: better }] }] }
        : undefined;
      out.push(
        diag(
          op.name.range,
          refuse,
          'pcs/agent-op-unknown',
          better
            ? l10n.t(
                "'{0}' is not a valid operation name: {1} has {2}. pcs refuses it; did you mean '{3}'?",
                name,
                view.agent.id,
                quoteList([...actionNames].sort()),
                better,
              )
            : l10n.t(
                "'{0}' is not a valid operation name: {1} has {2}. pcs refuses it.",
                name,
                view.agent.id,
                quoteList([...actionNames].sort()),
              ),
          fix,
        ),
      );
    }
    const pairs = op.options.map(splitPair);
    const get = (key: string): Pair | undefined => pairs.find((p) => p.name === key);
    for (const pair of pairs) {
      if (pair.word.dynamic || !pair.hasValue) continue;
      if (!optionNames.includes(pair.name)) {
        const better = suggest(pair.name, optionNames);
        const fix: FixData | undefined = better
          ? {
              fixes: [
                { title: l10n.t("Replace '{0}' with '{1}'", pair.name, better), edits: [{ range: pair.nameRange, newText: better }] },
              ],
            }
          : undefined;
        out.push(
          diag(
            pair.nameRange,
            ERROR,
            'pcs/agent-op-option-unknown',
            better
              ? l10n.t(
                  "invalid resource operation option '{0}': pcs refuses it. Operation options are {1}; did you mean '{2}'?",
                  pair.name,
                  quoteList(optionNames),
                  better,
                )
              : l10n.t(
                  "invalid resource operation option '{0}': pcs refuses it. Operation options are {1}.",
                  pair.name,
                  quoteList(optionNames),
                ),
            fix,
          ),
        );
        continue;
      }
      const valueRange = subRange(pair.word, pair.name.length + 1, pair.word.text.length);
      const allowedValues =
        pair.name === 'role'
          ? VALID_ROLES
          : pair.name === 'on-fail'
            ? ON_FAIL_VALUES
            : pair.name === 'record-pending' || pair.name === 'enabled'
              ? ['0', '1', 'true', 'false']
              : undefined;
      if (allowedValues) {
        const normal =
          pair.name === 'role' ? pair.value.charAt(0).toUpperCase() + pair.value.slice(1).toLowerCase() : pair.value.toLowerCase();
        if (!allowedValues.includes(normal)) {
          out.push(
            diag(
              valueRange,
              ERROR,
              'pcs/agent-op-option-value',
              l10n.t("'{0}' is not a valid {1} value: pcs refuses it. Use {2}.", pair.value, pair.name, quoteList(allowedValues)),
            ),
          );
        }
      }
      if ((pair.name === 'interval' || pair.name === 'timeout') && pair.value !== '' && durationMs(pair.value) === undefined) {
        out.push(
          diag(
            valueRange,
            WARNING,
            'pcs/agent-op-duration',
            l10n.t(
              "'{0}' is not a duration Pacemaker understands: pcs accepts it, but the cluster will reject or ignore the operation. Use e.g. 10s, 2min, PT30S.",
              pair.value,
            ),
          ),
        );
      }
    }
    if (get('interval-origin') && get('start-delay')) {
      out.push(
        diag(
          get('start-delay')!.word.range,
          ERROR,
          'pcs/agent-op-option-conflict',
          l10n.t('interval-origin and start-delay cannot both be set on one operation: pcs refuses it. Keep one of them.'),
        ),
      );
    }
    // pcs refuses two operations of the same name with the same interval (default interval 0; monitor 60s).
    const interval = get('interval')?.value ?? (name === 'monitor' ? '60s' : '0');
    const ms = durationMs(interval);
    if (ms !== undefined) {
      const key = `${name}\u0000${ms}`;
      if (seenIntervals.has(key)) {
        out.push(
          diag(
            op.name.range,
            ERROR,
            'pcs/agent-op-interval-duplicate',
            l10n.t(
              '{0} is specified twice with the interval {1}: pcs refuses it ("{2}"). Give each {0} its own interval.',
              name,
              interval,
              'multiple specification of the same operation with the same interval',
            ),
          ),
        );
      } else seenIntervals.set(key, op.name);
    }
    if (view) {
      const timeout = get('timeout');
      const advised = advisedTimeout(view.agent.actions, name, get('role')?.value, get('OCF_CHECK_LEVEL')?.value);
      const actual = durationMs(timeout?.value);
      const wanted = durationMs(advised);
      if (timeout && actual !== undefined && wanted !== undefined && actual < wanted) {
        out.push(
          diag(
            subRange(timeout.word, 8, timeout.word.text.length),
            WARNING,
            'pcs/agent-op-timeout-short',
            l10n.t(
              'timeout {0} for {1} is shorter than the {2} that {3} advises: the action may be killed as failed while it is still working (crmsh warns about this). Use timeout={2} or more.',
              timeout.value,
              name,
              advised!,
              view.agent.id,
            ),
            {
              fixes: [
                {
                  title: l10n.t('Use the advised timeout {0}', advised!),
                  edits: [{ range: subRange(timeout.word, 8, timeout.word.text.length), newText: advised! }],
                },
              ],
            },
          ),
        );
      }
    }
  }
}

function checkMeta(use: AgentUse, out: Diagnostic[]): void {
  for (const pair of use.meta.map(splitPair)) {
    if (pair.word.dynamic || pair.name !== 'target-role' || !pair.value) continue;
    if (!VALID_ROLES.some((r) => r.toLowerCase() === pair.value.toLowerCase())) {
      const better = suggest(pair.value, VALID_ROLES);
      const range = subRange(pair.word, pair.name.length + 1, pair.word.text.length);
      out.push(
        diag(
          range,
          WARNING,
          'pcs/meta-target-role',
          better
            ? l10n.t(
                "'{0}' is not a role: pcs accepts it, but Pacemaker ignores the target-role (\"{1}\", crm_verify fails). Use {2}; did you mean '{3}'?",
                pair.value,
                'Unknown role',
                quoteList(VALID_ROLES.slice(0, 4)),
                better,
              )
            : l10n.t(
                '\'{0}\' is not a role: pcs accepts it, but Pacemaker ignores the target-role ("{1}", crm_verify fails). Use {2}.',
                pair.value,
                'Unknown role',
                quoteList(VALID_ROLES.slice(0, 4)),
              ),
          better ? { fixes: [{ title: l10n.t("Replace with '{0}'", better), edits: [{ range, newText: better }] }] } : undefined,
        ),
      );
    }
  }
}

/**
 * Diagnostics of one agent use. `others` are the resources created before this line (pcs compares
 * unique parameters only against resources already in the CIB), or an index of their unique values
 * built once with `uniqueIndex` (the fold keeps its own, see model/build.ts).
 */
export function agentDiagnostics(use: AgentUse, others: AgentUse[] | Map<string, string[]>, options: AgentCheckOptions = {}): Diagnostic[] {
  const catalog = options.catalog ?? loadAgentCatalog();
  const force = !!options.force;
  const out: Diagnostic[] = [];
  if (use.agent.dynamic) return out;
  const resolution = catalog.resolve(use.agent.text, use.kind);
  const kind = use.kind === 'stonith' ? 'stonith' : 'resource';
  switch (resolution.kind) {
    case 'invalid':
      out.push(diag(use.agent.range, ERROR, 'pcs/agent-invalid-name', resolution.message + ' ' + l10n.t('pcs refuses the command.')));
      return out;
    case 'ambiguous':
      out.push(
        diag(
          use.agent.range,
          ERROR,
          'pcs/agent-ambiguous',
          l10n.t('{0}. pcs refuses a short name that matches several agents.', resolution.message),
          { fixes: resolution.candidates.map((c) => ({ title: l10n.t('Use {0}', c), edits: [{ range: use.agent.range, newText: c }] })) },
        ),
      );
      return out;
    case 'unknown': {
      const names =
        use.kind === 'stonith'
          ? catalog.agents.filter((a) => a.standard === 'stonith').map((a) => a.type)
          : catalog.agents.filter((a) => a.standard === 'ocf').flatMap((a) => (use.agent.text.includes(':') ? [a.id] : [a.type, a.id]));
      const better = suggest(use.agent.text, names);
      // an OCF provider no package here ships (ocf:mssql:ag, ocf:percona:...): the agent comes from a
      // package the nodes may have, so pcs's verdict depends on the node; say so without claiming a refusal
      const provider = /^ocf:([^:]+):/.exec(use.agent.text)?.[1];
      if (provider && !catalog.agents.some((a) => a.provider === provider)) {
        out.push(
          diag(
            use.agent.range,
            WARNING,
            'pcs/agent-unknown',
            l10n.t(
              '{0}: no installed package provides OCF agents of provider \'{1}\' (checked against {2}). pcs refuses the line on a node without that agent ("{3}") and accepts it where its package is installed: install it on every node first, or use --force.',
              use.agent.text,
              provider,
              catalog.source.detail,
              'is not installed or does not provide valid metadata',
            ),
          ),
        );
        checkOperations(use, undefined, force, out);
        checkMeta(use, out);
        return out;
      }
      out.push(
        diag(
          use.agent.range,
          force ? WARNING : ERROR,
          'pcs/agent-unknown',
          better
            ? l10n.t(
                "{0}. Did you mean '{1}'? (checked against {2}; an agent installed only on the nodes is fine).",
                resolution.message,
                better,
                catalog.source.detail,
              )
            : l10n.t('{0} (checked against {1}; an agent installed only on the nodes is fine).', resolution.message, catalog.source.detail),
          better ? { fixes: [{ title: l10n.t('Use {0}', better), edits: [{ range: use.agent.range, newText: better }] }] } : undefined,
        ),
      );
      checkOperations(use, undefined, force, out);
      checkMeta(use, out);
      return out;
    }
    case 'parameterless':
      for (const word of use.params) {
        out.push(
          diag(
            word.range,
            force ? WARNING : ERROR,
            'pcs/agent-param-unknown',
            l10n.t(
              '{0} agents take no parameters: pcs refuses \'{1}\' ("{2}"). Configure the service itself instead.',
              resolution.standard,
              splitPair(word).name,
              'there are no options allowed',
            ),
          ),
        );
      }
      checkOperations(use, undefined, force, out);
      checkMeta(use, out);
      return out;
    case 'found': {
      const view = catalog.pcsView(resolution.agent);
      if (use.kind === 'resource' && resolution.agent.standard === 'stonith') {
        out.push(
          diag(
            use.agent.range,
            WARNING,
            'pcs/agent-stonith-in-resource',
            l10n.t(
              '{0} is a fence agent: pcs accepts it in "resource create" only with a deprecation warning. Use "{1}".',
              resolution.agent.id,
              `pcs stonith create ${use.id.text} ${resolution.agent.type} ...`,
            ),
          ),
        );
      } else if (resolution.guessed && use.agent.text !== resolution.agent.type) {
        out.push(
          diag(
            use.agent.range,
            HINT,
            'pcs/agent-name-case',
            l10n.t(
              "pcs resolves '{0}' to {1} (short names match case-insensitively); writing '{2}' or the full name reads better.",
              use.agent.text,
              resolution.agent.id,
              resolution.agent.type,
            ),
            {
              fixes: [{ title: l10n.t('Use {0}', resolution.agent.id), edits: [{ range: use.agent.range, newText: resolution.agent.id }] }],
            },
          ),
        );
      }
      checkParameters(use, view, kind, force, out);
      const index =
        others instanceof Map
          ? others
          : uniqueIndex(
              others.filter((o) => o !== use),
              catalog,
            );
      checkUnique(use, index, catalog, force, out);
      checkOperations(use, view, force, out);
      checkMeta(use, out);
      return out;
    }
  }
}
