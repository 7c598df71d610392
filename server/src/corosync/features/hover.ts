// Hover on section names, keys and values: what it is, its type and range, its default.
import type { Hover, Position } from 'vscode-languageserver-types';
import type { CsFile } from '../ast';
import { childSectionsOf, describeType, keyNamesFor, keySpec, sectionSpec, type KeySpec } from '../schema';
import { parseInteger } from '../rules/model';
import { hitAt } from './locate';
import * as l10n from '@vscode/l10n';

export function hover(file: CsFile, pos: Position): Hover | null {
  const hit = hitAt(file, pos);
  if (!hit) return null;
  if (hit.kind === 'section') {
    const spec = sectionSpec(hit.path);
    if (!spec) return null;
    const children = childSectionsOf(hit.path).map((c) => `\`${c.name} { }\``);
    const keys = keyNamesFor(hit.path).filter((k) => !/^ring[1-7]_addr$/.test(k));
    const lines = [`**${hit.path} { }**${spec.repeatable ? ` (${l10n.t('may appear several times')})` : ''}`, '', spec.description];
    if (keys.length) lines.push('', l10n.t('Keys: {0}', keys.map((k) => `\`${k === 'ring0_addr' ? 'ringX_addr' : k}\``).join(', ')));
    if (children.length) lines.push('', l10n.t('Sections: {0}', children.join(', ')));
    return { contents: { kind: 'markdown', value: lines.join('\n') }, range: hit.section.nameRange };
  }
  const spec = keySpec(hit.path, hit.key.key);
  if (!spec) return null;
  if (hit.kind === 'key') return { contents: { kind: 'markdown', value: keyDoc(hit.path, hit.key.key, spec) }, range: hit.key.keyRange };
  return { contents: { kind: 'markdown', value: valueDoc(hit.path, hit.key.key, hit.key.value, spec) }, range: hit.key.valueRange };
}

export function keyDoc(path: string, name: string, spec: KeySpec): string {
  const lines = [`**${path}.${name}**`, '', spec.description, '', l10n.t('Type: {0}', describeType(spec.type))];
  if (spec.default) lines.push(l10n.t('Default: {0}', `\`${spec.default}\``));
  if (spec.transports) lines.push(l10n.t('Only with transport: {0}', spec.transports.join(', ')));
  if (spec.deprecated) lines.push(l10n.t('Deprecated: {0}', spec.deprecated));
  lines.push(
    spec.strict
      ? l10n.t('corosync refuses the file when the value is invalid.')
      : l10n.t('corosync ignores an invalid value (no error at start).'),
  );
  // A Markdown hard break after each fact line, so Type / Default / … do not run together.
  return lines.join('  \n');
}

function valueDoc(path: string, name: string, value: string, spec: KeySpec): string {
  const type = spec.type;
  const head = `\`${path}.${name}\` = \`${value}\``;
  if (type.kind === 'enum') {
    const ok = type.values.includes(value);
    return [
      head,
      '',
      ok
        ? l10n.t('Valid: one of {0}.', type.values.map((v) => (v === value ? `**${v}**` : `\`${v}\``)).join(', '))
        : l10n.t('Not a valid value. Allowed: {0}.', type.values.map((v) => `\`${v}\``).join(', ')),
      '',
      spec.description,
    ].join('\n');
  }
  if (type.kind === 'integer') {
    const n = parseInteger(value);
    const ok = n !== undefined && n >= type.min && n <= type.max;
    const unit = type.unit === 'ms' && ok ? ` (${formatMs(Number(n))})` : '';
    return [
      head + unit,
      '',
      ok ? l10n.t('Integer within {0}.', `${type.min}..${type.max}`) : l10n.t('Not an integer in {0}.', `${type.min}..${type.max}`),
      spec.default ? l10n.t('Default: {0}', `\`${spec.default}\``) : '',
      '',
      spec.description,
    ].join('\n');
  }
  return [head, '', l10n.t('Type: {0}', describeType(type)), '', spec.description].join('\n');
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}
