// Hover on section names, keys and values: what it is, its type and range, its default.
import type { Hover, Position } from 'vscode-languageserver-types';
import type { CsFile } from '../ast';
import { childSectionsOf, describeType, keyNamesFor, keySpec, sectionSpec, type KeySpec } from '../schema';
import { parseInteger } from '../rules/model';
import { hitAt } from './locate';

export function hover(file: CsFile, pos: Position): Hover | null {
  const hit = hitAt(file, pos);
  if (!hit) return null;
  if (hit.kind === 'section') {
    const spec = sectionSpec(hit.path);
    if (!spec) return null;
    const children = childSectionsOf(hit.path).map((c) => `\`${c.name} { }\``);
    const keys = keyNamesFor(hit.path).filter((k) => !/^ring[1-7]_addr$/.test(k));
    const lines = [`**${hit.path} { }**${spec.repeatable ? ' (may appear several times)' : ''}`, '', spec.description];
    if (keys.length) lines.push('', `Keys: ${keys.map((k) => `\`${k === 'ring0_addr' ? 'ringX_addr' : k}\``).join(', ')}`);
    if (children.length) lines.push('', `Sections: ${children.join(', ')}`);
    return { contents: { kind: 'markdown', value: lines.join('\n') }, range: hit.section.nameRange };
  }
  const spec = keySpec(hit.path, hit.key.key);
  if (!spec) return null;
  if (hit.kind === 'key') return { contents: { kind: 'markdown', value: keyDoc(hit.path, hit.key.key, spec) }, range: hit.key.keyRange };
  return { contents: { kind: 'markdown', value: valueDoc(hit.path, hit.key.key, hit.key.value, spec) }, range: hit.key.valueRange };
}

export function keyDoc(path: string, name: string, spec: KeySpec): string {
  const lines = [`**${path}.${name}**`, '', spec.description, '', `Type: ${describeType(spec.type)}`];
  if (spec.default) lines.push(`Default: \`${spec.default}\``);
  if (spec.transports) lines.push(`Only with transport: ${spec.transports.join(', ')}`);
  if (spec.deprecated) lines.push(`Deprecated: ${spec.deprecated}`);
  lines.push(
    spec.strict ? 'corosync refuses the file when the value is invalid.' : 'corosync ignores an invalid value (no error at start).',
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
        ? `Valid: one of ${type.values.map((v) => (v === value ? `**${v}**` : `\`${v}\``)).join(', ')}.`
        : `Not a valid value. Allowed: ${type.values.map((v) => `\`${v}\``).join(', ')}.`,
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
      ok ? `Integer within ${type.min}..${type.max}.` : `Not an integer in ${type.min}..${type.max}.`,
      spec.default ? `Default: \`${spec.default}\`` : '',
      '',
      spec.description,
    ].join('\n');
  }
  return [head, '', `Type: ${describeType(type)}`, '', spec.description].join('\n');
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}
