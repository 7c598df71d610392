// The layering of ARCHITECTURE.md, tested (as rust-analyzer states its invariants and tests them).
// Every relative import of server/src, client/src and shared/src is walked; an edge between two folders
// that the table below does not allow fails, naming the file and the line.
//
// A folder of server/src is a layer; `main` is server/src/main.ts; `shared` is shared/src; `client` is
// client/src. "type" = only `import type` (erased at build time, no code runs across the edge).
//
// | from       | may import                                                                       |
// |------------|----------------------------------------------------------------------------------|
// | shared     | shared (plain Node; no vscode, no server, no client)                              |
// | base       | base (LSP types from npm only)                                                    |
// | parsing    | base                                                                              |
// | shell      | base, parsing                                                                     |
// | corosync   | base, parsing                                                                     |
// | agents     | base                                                                              |
// | pcs        | base, model  (debt: pcs/apply.ts is a model applier that lives in pcs/)            |
// | targetcli  | base, pcs, model  (debt: the same for targetcli/apply.ts)                         |
// | model      | base, shell, pcs, targetcli, agents, corosync (type), scripts (debt: the fold runs  |
// |            | scripts/rules/* and model/build.ts imports the appliers back)                     |
// | scripts    | base, shell, pcs, targetcli, agents, model                                        |
// | quorum     | base, shared, pcs, corosync (type)                                                |
// | runOnNode  | base, shared, parsing, shell                                                      |
// | service    | the language service folders above, parsing, shared                              |
// | lsp        | service and everything below it, cli, lab, shared                                 |
// | cli        | service and everything below it, lab, shared, package.json (the version)          |
// | lab        | service and everything below it, cli, lsp, shared                                 |
// | main       | cli, lsp                                                                          |
// | client     | shared; lab (type: the JSON of `pcmk-lsp lab status`)                             |
//
// And: the language service (every folder but lsp, cli, lab and main) does no I/O. It imports no
// vscode, no LSP connection, no process, network or file module, except the files listed in IO_DEBT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

const SERVICE = [
  'base',
  'parsing',
  'shell',
  'corosync',
  'agents',
  'pcs',
  'targetcli',
  'model',
  'scripts',
  'quorum',
  'runOnNode',
  'service',
];

/** from → what it may import (always itself too); `type:` = type-only imports allowed. */
const ALLOWED: Record<string, string[]> = {
  shared: [],
  base: [],
  parsing: ['base'],
  shell: ['base', 'parsing'],
  corosync: ['base', 'parsing'],
  agents: ['base'],
  pcs: ['base', 'model'],
  targetcli: ['base', 'pcs', 'model'],
  model: ['base', 'shell', 'pcs', 'targetcli', 'agents', 'type:corosync', 'scripts'],
  scripts: ['base', 'shell', 'pcs', 'targetcli', 'agents', 'model'],
  quorum: ['base', 'shared', 'pcs', 'type:corosync'],
  runOnNode: ['base', 'shared', 'parsing', 'shell'],
  service: [...SERVICE, 'shared'],
  lsp: [...SERVICE, 'shared', 'cli', 'lab'],
  cli: [...SERVICE, 'shared', 'lab', 'package.json'],
  lab: [...SERVICE, 'shared', 'cli', 'lsp'],
  main: ['cli', 'lsp'],
  client: ['shared', 'type:lab'],
};

/** Language-service files that still do I/O, with why (the debt; the list may only shrink). */
const IO_DEBT: Record<string, string> = {
  'server/src/parsing/treeSitter.ts': 'loads the two wasm grammars once, before any request',
  'server/src/agents/catalog.ts': 'reads the generated agent catalog once',
  'server/src/service/workspaceFiles.ts': 'file discovery for the CLI and the workspace scanner (belongs in lsp/ or cli/)',
};
const IO_MODULES =
  /^(vscode|vscode-languageserver(\/node)?|vscode-languageclient.*|node:(child_process|fs|fs\/promises|net|http|https|dgram|worker_threads))$/;

/** The layer of a file (repository-relative path), or undefined for files outside the three trees. */
export function layerOf(rel: string): string | undefined {
  if (rel === 'package.json') return 'package.json';
  if (rel.startsWith('shared/src/')) return 'shared';
  if (rel.startsWith('client/src/')) return 'client';
  if (rel === 'server/src/main.ts') return 'main';
  const m = /^server\/src\/([^/]+)\//.exec(rel);
  return m ? m[1] : undefined;
}

interface ImportEdge {
  file: string;
  line: number;
  spec: string;
  typeOnly: boolean;
}

const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** Every import/export-from/dynamic import of a TypeScript source text. */
export function importsOf(file: string, text: string): ImportEdge[] {
  const out: ImportEdge[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[2] ?? m[3];
    if (!spec) continue;
    const line = text.slice(0, m.index).split('\n').length + (m[0].startsWith('\n') ? 1 : 0);
    out.push({ file, line, spec, typeOnly: Boolean(m[1]) });
  }
  return out;
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sources(rel));
    else if (entry.name.endsWith('.ts')) out.push(rel);
  }
  return out;
}

/** The forbidden edges among `files` (repository-relative path → text). */
export function violations(files: Map<string, string>): string[] {
  const bad: string[] = [];
  for (const [file, text] of files) {
    const from = layerOf(file)!;
    for (const edge of importsOf(file, text)) {
      if (edge.spec.startsWith('.')) {
        const target = path.relative(ROOT, path.resolve(ROOT, path.dirname(file), edge.spec));
        const to = layerOf(target.endsWith('.json') ? target : `${target}.ts`) ?? target;
        if (to === from) continue;
        const allowed = ALLOWED[from] ?? [];
        if (allowed.includes(to) || (edge.typeOnly && allowed.includes(`type:${to}`))) continue;
        bad.push(`${file}:${edge.line}: ${from} → ${to}${edge.typeOnly ? ' (type)' : ''} ('${edge.spec}')`);
      } else if (SERVICE.includes(from) && IO_MODULES.test(edge.spec) && !IO_DEBT[file] && !edge.typeOnly) {
        bad.push(`${file}:${edge.line}: the language service imports '${edge.spec}' (I/O belongs in lsp/ or cli/)`);
      }
    }
  }
  return bad;
}

function repositorySources(): Map<string, string> {
  const files = new Map<string, string>();
  for (const dir of ['server/src', 'client/src', 'shared/src']) {
    for (const rel of sources(dir)) files.set(rel, fs.readFileSync(path.join(ROOT, rel), 'utf8'));
  }
  return files;
}

test('every import of server/src, client/src and shared/src follows the layer table', () => {
  const files = repositorySources();
  assert.ok(files.size > 100, `walked ${files.size} files`);
  assert.deepEqual(violations(files), []);
});

test('a forbidden edge is reported with its file and line', () => {
  const files = new Map([
    ['server/src/pcs/x.ts', "import { a } from '../base/types';\nimport { LanguageService } from '../service/languageService';\n"],
    [
      'client/src/y.ts',
      "import type { LabStatus } from '../../server/src/lab/lab';\nimport { simulate } from '../../server/src/quorum/engine';\n",
    ],
    ['server/src/model/z.ts', "import { spawn } from 'node:child_process';\n"],
  ]);
  assert.deepEqual(violations(files), [
    "server/src/pcs/x.ts:2: pcs → service ('../service/languageService')",
    "client/src/y.ts:2: client → quorum ('../../server/src/quorum/engine')",
    "server/src/model/z.ts:1: the language service imports 'node:child_process' (I/O belongs in lsp/ or cli/)",
  ]);
});

test('the I/O debt list only names files that exist and still do I/O', () => {
  for (const file of Object.keys(IO_DEBT)) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    assert.ok(
      importsOf(file, text).some((e) => IO_MODULES.test(e.spec)),
      `${file} no longer does I/O: remove it from IO_DEBT`,
    );
  }
});
