// Every diagnostic code the service can produce has a row in docs/rules/ (the rules reference is the
// contract behind `pcmk-lsp explain` and the codeDescription links), and the reference documents no
// code that nothing produces any more unless it is marked retired.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { documentedCodes, findRuleDoc, indexRuleDocs } from '../../../server/src/service/ruleDocs';

const root = path.resolve(__dirname, '..', '..', '..');
const CODE_LITERAL = /['`"]((?:corosync|quorum|pcs|shell|targetcli|suppression|file)\/[a-z0-9]+(?:-[a-z0-9]+)*)['`"]/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

const produced = new Set<string>();
for (const file of sourceFiles(path.join(root, 'server', 'src'))) {
  for (const match of fs.readFileSync(file, 'utf8').matchAll(CODE_LITERAL)) produced.add(match[1]!);
}

const docsDir = path.join(root, 'docs', 'rules');
const pages = fs
  .readdirSync(docsDir)
  .filter((f) => f.endsWith('.md'))
  .map((file) => ({ file, markdown: fs.readFileSync(path.join(docsDir, file), 'utf8') }));
const index = indexRuleDocs(pages);

test('every code written in the server sources has its row in docs/rules/', () => {
  const missing = [...produced].sort().filter((code) => {
    const file = index.get(code);
    return !file || !findRuleDoc(pages.find((p) => p.file === file)!.markdown, code);
  });
  assert.deepEqual(missing, []);
});

test('the reference documents no code that nothing produces (unless marked retired)', () => {
  const stale: string[] = [];
  for (const { file, markdown } of pages) {
    for (const code of documentedCodes(markdown)) {
      const row = markdown.split('\n').find((l) => l.startsWith('|') && l.includes(`\`${code}\``)) ?? '';
      if (!produced.has(code) && !/retired/i.test(row)) stale.push(`${file}: ${code}`);
    }
  }
  assert.deepEqual(stale, []);
});
