// Every language we ship is complete: the strings `l10n.t(...)` / `vscode.l10n.t(...)` calls use in
// client/src and server/src (extracted with @vscode/l10n-dev, as `npm run l10n:export` does) are exactly
// the English bundle's keys, and each translation bundle has every key, no other key, the same
// placeholders ({0}, {1}, …) and the same `code` spans (option names, commands, what the tools print
// stay verbatim). The same for package.nls.*.json (command titles, settings, walkthrough).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

const root = path.resolve(__dirname, '..', '..', '..');
const LANGS = ['ko', 'ja', 'fr'] as const;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;
const placeholders = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[0]).sort();
const codeSpans = (s: string) => [...s.matchAll(/`[^`]+`/g)].map((m) => m[0]).sort();
const text = (v: unknown) => (typeof v === 'string' ? v : (v as { message: string }).message);

/** The problems of one translation bundle against the English keys: missing, extra, placeholders, code spans. */
function problems(english: Record<string, unknown>, translated: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(english)) {
    if (!(key in translated)) {
      out.push(`missing: ${key}`);
      continue;
    }
    const en = text(english[key]);
    const tr = text(translated[key]);
    if (typeof tr !== 'string' || !tr.trim()) out.push(`empty: ${key}`);
    else {
      if (placeholders(en).join() !== placeholders(tr).join())
        out.push(`placeholders ${placeholders(en).join(' ')} ≠ ${placeholders(tr).join(' ')}: ${key}`);
      const missingSpans = codeSpans(en).filter((span) => !tr.includes(span));
      if (missingSpans.length) out.push(`code spans not kept verbatim (${missingSpans.join(' ')}): ${key}`);
    }
  }
  for (const key of Object.keys(translated)) if (!(key in english)) out.push(`extra: ${key}`);
  return out;
}

describe('l10n: message bundles', () => {
  it('the English bundle holds exactly the strings the code translates', async () => {
    const files = [...sourceFiles(path.join(root, 'client', 'src')), ...sourceFiles(path.join(root, 'server', 'src'))];
    const extracted = await getL10nJson(files.map((f) => ({ extension: path.extname(f), contents: fs.readFileSync(f, 'utf8') })));
    const english = readJson('l10n/bundle.l10n.json');
    const stale = Object.keys(extracted).filter((k) => !(k in english));
    const unused = Object.keys(english).filter((k) => !(k in extracted));
    assert.deepEqual({ stale, unused }, { stale: [], unused: [] }, 'run `npm run l10n:export` to refresh l10n/bundle.l10n.json');
    assert.ok(Object.keys(english).length > 0);
  });

  for (const lang of LANGS) {
    it(`bundle.l10n.${lang}.json translates every key, no other, with the same placeholders and code spans`, (t) => {
      const english = readJson('l10n/bundle.l10n.json');
      const translated = readJson(`l10n/bundle.l10n.${lang}.json`);
      assert.deepEqual(problems(english, translated), []);
      t.diagnostic(`${lang}: ${Object.keys(translated).length}/${Object.keys(english).length} messages`);
    });
  }

  it('the completeness check fails on a missing key, an extra key and a lost placeholder', () => {
    const english = { 'Node `{0}` is down': 'Node `{0}` is down', Two: 'Two' };
    assert.deepEqual(problems(english, { 'Node `{0}` is down': '노드 `{0}`이(가) 내려갔습니다', Three: '셋' }), [
      'missing: Two',
      'extra: Three',
    ]);
    assert.deepEqual(problems(english, { 'Node `{0}` is down': '노드가 내려갔습니다', Two: '둘' }), [
      'placeholders {0} ≠ : Node `{0}` is down',
      'code spans not kept verbatim (`{0}`): Node `{0}` is down',
    ]);
  });
});

describe('l10n: package.nls (command titles, settings, views, walkthrough)', () => {
  const pkgText = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
  const used = [...new Set([...pkgText.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]))];

  it('package.json shows no English text where a %key% belongs, and every key it uses is in package.nls.json', () => {
    const english = readJson('package.nls.json');
    assert.deepEqual(
      used.filter((k) => !(k in english)),
      [],
    );
    assert.deepEqual(
      Object.keys(english).filter((k) => !used.includes(k)),
      [],
    );
    const pkg = JSON.parse(pkgText) as {
      contributes: { commands: { title: string }[]; configuration: { properties: Record<string, Record<string, unknown>> } };
    };
    for (const c of pkg.contributes.commands) assert.match(c.title, /^%.+%$/);
    for (const [name, prop] of Object.entries(pkg.contributes.configuration.properties)) {
      const description = prop.description ?? prop.markdownDescription;
      assert.match(String(description), /^%.+%$/, name);
    }
  });

  for (const lang of LANGS) {
    it(`package.nls.${lang}.json translates every key, no other`, (t) => {
      const english = readJson('package.nls.json');
      const translated = readJson(`package.nls.${lang}.json`);
      assert.deepEqual(problems(english, translated), []);
      t.diagnostic(`${lang}: ${Object.keys(translated).length}/${Object.keys(english).length} package texts`);
    });
  }
});
