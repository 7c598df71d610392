// A read-only view of a CsFile that the rule families share: section paths, keys per section with
// corosync's "last one wins" semantics, and the nodelist as a list of nodes. Built once per
// diagnostics run, linear in the size of the file.
import type { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import type { CsFile, CsKeyValue, CsNode, CsSection } from '../ast';
import type { FixData } from '../../base/types';
import { diagnostic as makeDiagnostic } from '../../base/diagnostic';

export interface NodeView {
  section: CsSection;
  keys: Map<string, CsKeyValue[]>;
  /** Last value of a key, as corosync keeps it. */
  get(name: string): CsKeyValue | undefined;
  /** ringX_addr entries by link number. */
  links: Map<number, CsKeyValue>;
}

export interface CsView {
  file: CsFile;
  /** Every section with its dotted path ('totem.interface'). */
  sections: { section: CsSection; path: string }[];
  pathOf: Map<CsSection, string>;
  /** Keys directly inside the top-level sections of this path, in order. */
  keysIn(path: string): CsKeyValue[];
  /** Last value of `name` in any section at `path` (corosync merges repeated sections). */
  get(path: string, name: string): CsKeyValue | undefined;
  nodes: NodeView[];
  interfaces: CsSection[];
  /** Transport in effect (corosync's default is knet). */
  transport: string;
  /** False when `transport` holds a value corosync refuses: checks that depend on it stay silent. */
  transportValid: boolean;
}

export function sectionPath(section: CsSection): string {
  const names: string[] = [];
  for (let s: CsSection | null = section; s; s = s.parent) names.unshift(s.name);
  return names.join('.');
}

export function keysOf(section: CsSection): Map<string, CsKeyValue[]> {
  const map = new Map<string, CsKeyValue[]>();
  for (const child of section.children) {
    if (child.type !== 'key') continue;
    const list = map.get(child.key);
    if (list) list.push(child);
    else map.set(child.key, [child]);
  }
  return map;
}

export function buildView(file: CsFile): CsView {
  const sections: { section: CsSection; path: string }[] = [];
  const pathOf = new Map<CsSection, string>();
  const keysByPath = new Map<string, CsKeyValue[]>();
  const walk = (nodes: CsNode[], prefix: string) => {
    for (const n of nodes) {
      if (n.type === 'key') {
        const list = keysByPath.get(prefix);
        if (list) list.push(n);
        else keysByPath.set(prefix, [n]);
        continue;
      }
      const path = prefix ? `${prefix}.${n.name}` : n.name;
      sections.push({ section: n, path });
      pathOf.set(n, path);
      walk(n.children, path);
    }
  };
  walk(file.children, '');

  const nodes: NodeView[] = sections
    .filter((s) => s.path === 'nodelist.node')
    .map(({ section }) => {
      const keys = keysOf(section);
      const links = new Map<number, CsKeyValue>();
      for (const [name, list] of keys) {
        const m = /^ring([0-9]+)_addr$/.exec(name);
        if (m) links.set(Number(m[1]), list[list.length - 1]);
      }
      return { section, keys, links, get: (name: string) => keys.get(name)?.at(-1) };
    });
  const interfaces = sections.filter((s) => s.path === 'totem.interface').map((s) => s.section);
  const keysIn = (path: string) => keysByPath.get(path) ?? [];
  const get = (path: string, name: string) => {
    const list = keysIn(path);
    for (let i = list.length - 1; i >= 0; i--) if (list[i].key === name) return list[i];
    return undefined;
  };
  const transport = get('totem', 'transport')?.value || 'knet';
  const transportValid = ['knet', 'udpu', 'udp'].includes(transport);
  return { file, sections, pathOf, keysIn, get, nodes, interfaces, transport, transportValid };
}

export const ERROR: DiagnosticSeverity = 1;
export const WARNING: DiagnosticSeverity = 2;
export const INFORMATION: DiagnosticSeverity = 3;
export const HINT: DiagnosticSeverity = 4;

export function diagnostic(
  range: Range,
  severity: DiagnosticSeverity,
  code: string,
  message: string,
  fixes?: FixData['fixes'],
): Diagnostic {
  return makeDiagnostic(range, severity, code, message, fixes);
}

/** Parses an integer the way corosync does (strtoll, whole string, base 10). */
export function parseInteger(value: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(value)) return undefined;
  return BigInt(value);
}

export function ipFamily(address: string): 4 | 6 | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(address)) return 4;
  if (address.includes(':') && /^[0-9a-fA-F:.]+(%.+)?$/.test(address)) return 6;
  return undefined;
}
