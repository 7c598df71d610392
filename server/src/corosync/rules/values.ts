// Values against their schema type. Integers out of range and invalid enums of keys that corosync
// type-checks are errors (it refuses the file with the same wording); values it silently ignores
// (secauth: maybe, provider: bogus) are warnings.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CsKeyValue } from '../ast';
import { keySpec, type KeySpec } from '../schema';
import { ERROR, WARNING, diagnostic, parseInteger, type CsView } from './model';
import { suggest } from './keys';
import * as l10n from '@vscode/l10n';

export function valueRules(view: CsView): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { section, path } of view.sections) {
    for (const child of section.children) {
      if (child.type !== 'key') continue;
      const spec = keySpec(path, child.key);
      if (spec) checkValue(child, path, spec, out);
    }
  }
  const clusterName = view.get('totem', 'cluster_name');
  if (clusterName && clusterName.value === '') {
    out.push(
      diagnostic(
        clusterName.keyRange,
        WARNING,
        'corosync/empty-cluster-name',
        l10n.t(
          '`cluster_name` is empty: corosync accepts it, but Pacemaker, pcs and qdevice need a cluster name. Give the cluster a name.',
        ),
      ),
    );
  }
  return out;
}

function checkValue(k: CsKeyValue, path: string, spec: KeySpec, out: Diagnostic[]): void {
  const full = `${path}.${k.key}`;
  const type = spec.type;
  const range = k.value ? k.valueRange : k.range;
  if (type.kind === 'integer') {
    const n = parseInteger(k.value);
    if (n !== undefined && n >= type.min && n <= type.max) return;
    const message =
      l10n.t('Value of `{0}` must be an integer in range {1}, but "{2}" was given;', full, `${type.min}..${type.max}`, k.value) +
      ' ' +
      (spec.strict ? l10n.t('corosync refuses the file.') : l10n.t('corosync ignores it.')) +
      (type.max === 255n && /^(yes|on|true)$/i.test(k.value) ? ' ' + l10n.t('Write `1` to enable it.') : '') +
      (type.max === 255n && /^(no|off|false)$/i.test(k.value) ? ' ' + l10n.t('Write `0` to disable it.') : '');
    const fixes =
      type.max === 255n && /^(yes|on|true|no|off|false)$/i.test(k.value)
        ? [
            {
              title: l10n.t('Write {0}', /^(yes|on|true)$/i.test(k.value) ? '1' : '0'),
              edits: [{ range, newText: /^(yes|on|true)$/i.test(k.value) ? '1' : '0' }],
            },
          ]
        : undefined;
    out.push(diagnostic(range, spec.strict ? ERROR : WARNING, 'corosync/invalid-value', message, fixes));
    return;
  }
  if (type.kind === 'enum') {
    if (type.values.includes(k.value)) return;
    if (path === 'quorum' && k.key === 'provider') {
      out.push(
        diagnostic(
          range,
          WARNING,
          'corosync/quorum-provider',
          l10n.t(
            'Quorum provider "{0}" does not exist: corosync starts, but the cluster never gets quorum. Use `corosync_votequorum`.',
            k.value,
          ),
          [{ title: l10n.t('Use {0}', 'corosync_votequorum'), edits: [{ range, newText: 'corosync_votequorum' }] }],
        ),
      );
      return;
    }
    const near = suggest(k.value, type.values);
    const allowed = type.values.map((v) => `\`${v}\``).join(', ');
    const consequence = spec.strict
      ? l10n.t('corosync refuses the file.')
      : spec.default
        ? l10n.t('corosync ignores it and uses the default ({0}).', spec.default)
        : l10n.t('corosync ignores it and uses the default.');
    const emptyHint = k.value === '' ? ' ' + l10n.t('The value is empty.') : '';
    out.push(
      diagnostic(
        range,
        spec.strict ? ERROR : WARNING,
        spec.strict ? 'corosync/invalid-value' : 'corosync/ignored-value',
        l10n.t('Invalid value "{0}" for `{1}`: {2}', k.value, full, consequence + emptyHint) +
          ' ' +
          l10n.t('Allowed: {0}.', allowed) +
          (near ? ' ' + l10n.t('Did you mean `{0}`?', near) : ''),
        near ? [{ title: l10n.t('Use {0}', near), edits: [{ range, newText: near }] }] : undefined,
      ),
    );
  }
}
