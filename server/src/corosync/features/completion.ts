// Completion of section and key names valid in the section at the cursor, and of enum values.
import type { CompletionItem, Position } from 'vscode-languageserver-types';
import type { CsFile } from '../ast';
import { childSectionsOf, keyNamesFor, keySpec, sectionSpec } from '../schema';
import { keysOf, sectionPath } from '../rules/model';
import { enclosingSection } from './locate';
import { keyDoc } from './hover';

const KIND_MODULE = 9;
const KIND_PROPERTY = 10;
const KIND_ENUM_MEMBER = 20;
const SNIPPET = 2;

export function completion(file: CsFile, text: string, pos: Position): CompletionItem[] {
  const line = lineAt(text, pos.line).slice(0, pos.character);
  if (line.trimStart().startsWith('#')) return [];
  const section = enclosingSection(file, pos);
  const path = section ? sectionPath(section) : '';
  const valueMatch = /^\s*([A-Za-z0-9_.-]+)\s*:\s*(\S*)$/.exec(line);
  if (valueMatch) {
    const spec = keySpec(path, valueMatch[1]);
    if (!spec || spec.type.kind !== 'enum') return [];
    const start = pos.character - valueMatch[2].length;
    return spec.type.values.map((v, i) => ({
      label: v,
      kind: KIND_ENUM_MEMBER,
      detail: `${path}.${valueMatch[1]}`,
      sortText: String(i).padStart(3, '0'),
      textEdit: { range: { start: { line: pos.line, character: start }, end: pos }, newText: v },
    }));
  }
  const wordMatch = /^(\s*)([A-Za-z0-9_]*)$/.exec(line);
  if (!wordMatch) return [];
  const start = pos.character - wordMatch[2].length;
  const range = { start: { line: pos.line, character: start }, end: pos };
  const present = section ? keysOf(section) : new Map();
  const items: CompletionItem[] = [];
  if (section && !sectionSpec(path)) return [];
  for (const name of keyNamesFor(path)) {
    const spec = keySpec(path, name)!;
    if (present.has(name)) continue;
    items.push({
      label: name,
      kind: KIND_PROPERTY,
      detail: spec.default ? `default ${spec.default}` : undefined,
      documentation: { kind: 'markdown', value: keyDoc(path, name, spec) },
      sortText: (spec.deprecated ? '2' : '0') + name,
      tags: spec.deprecated ? [1] : undefined,
      textEdit: { range, newText: `${name}: ` },
    });
  }
  const existing = new Set(
    section
      ? section.children.filter((c) => c.type === 'section').map((c) => (c as { name: string }).name)
      : file.children.filter((c) => c.type === 'section').map((c) => (c as { name: string }).name),
  );
  for (const child of childSectionsOf(path)) {
    if (!child.repeatable && existing.has(child.name)) continue;
    items.push({
      label: child.name,
      kind: KIND_MODULE,
      detail: 'section',
      documentation: { kind: 'markdown', value: child.description },
      sortText: '1' + child.name,
      insertTextFormat: SNIPPET,
      textEdit: { range, newText: `${child.name} {\n${wordMatch[1]}\t$0\n${wordMatch[1]}}` },
    });
  }
  return items;
}

function lineAt(text: string, line: number): string {
  let start = 0;
  for (let i = 0; i < line; i++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return '';
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
}
