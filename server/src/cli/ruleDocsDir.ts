// Finds the shipped rules reference (docs/rules/) next to the running code: dist/server.js in the
// extension and the npm package, server/src/cli/ when run from source. Used by `pcmk-lsp explain`
// and for the `codeDescription` link of each diagnostic (the server and `check` both set it).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { indexRuleDocs } from '../service/ruleDocs';

let cached: string | null | undefined;

/** The docs/rules folder, or undefined when this installation does not ship it. */
export function ruleDocsDir(): string | undefined {
  if (cached !== undefined) return cached ?? undefined;
  let dir = __dirname;
  cached = null;
  for (let up = 0; up < 5; up++) {
    const candidate = path.join(dir, 'docs', 'rules');
    if (fs.existsSync(path.join(candidate, 'README.md'))) {
      cached = candidate;
      break;
    }
    dir = path.dirname(dir);
  }
  return cached ?? undefined;
}

let index: Map<string, string> | undefined;

/** Code → the page (file name) documenting it; read once. */
export function ruleDocIndex(): Map<string, string> {
  if (index) return index;
  const dir = ruleDocsDir();
  const pages = dir
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((file) => ({ file, markdown: fs.readFileSync(path.join(dir, file), 'utf8') }))
    : [];
  return (index = indexRuleDocs(pages));
}

/** A `file:` link to the page documenting `code` (editors open it), or undefined. */
export function ruleDocUrl(code: string): string | undefined {
  const dir = ruleDocsDir();
  const file = ruleDocIndex().get(code);
  if (!dir || !file) return undefined;
  return pathToFileURL(path.join(dir, file)).toString();
}
