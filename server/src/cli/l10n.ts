// The language of our own messages (diagnostics, hovers, lenses, CLI texts): English by default,
// Korean, Japanese or French from the shipped bundles (l10n/bundle.l10n.<lang>.json). Configured once
// per process, before any analysis: the server from the LSP `initialize` params (`locale`, which VS Code
// sets from its display language), the CLI from `--lang` or the environment (LC_ALL, LC_MESSAGES, LANG).
// The language service itself only calls `l10n.t(...)`; reading the bundle is I/O and lives here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';

const LANGUAGES = ['en', 'ko', 'ja', 'fr'] as const;
type Language = (typeof LANGUAGES)[number];

/** `ko`, `ko-KR`, `ko_KR.UTF-8`, `fr-ca` → a language we ship; anything else (or nothing) → undefined. */
export function normalizeLanguage(locale: string | undefined | null): Language | undefined {
  if (typeof locale !== 'string') return undefined;
  const base = locale
    .trim()
    .toLowerCase()
    .split(/[-_.@]/)[0];
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : undefined;
}

/** The language POSIX programs would use: LC_ALL, then LC_MESSAGES, then LANG (the first one set). */
export function languageFromEnvironment(env: NodeJS.ProcessEnv = process.env): Language {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return normalizeLanguage(value) ?? 'en';
  }
  return 'en';
}

let bundleDir: string | null | undefined;

/** The shipped l10n/ folder, next to the running code: dist/server.js, or server/src/cli/ from source. */
function l10nDir(): string | undefined {
  if (bundleDir !== undefined) return bundleDir ?? undefined;
  let dir = __dirname;
  bundleDir = null;
  for (let up = 0; up < 5; up++) {
    const candidate = path.join(dir, 'l10n');
    if (fs.existsSync(path.join(candidate, 'bundle.l10n.json'))) {
      bundleDir = candidate;
      break;
    }
    dir = path.dirname(dir);
  }
  return bundleDir ?? undefined;
}

/**
 * Makes `l10n.t` answer in `language` for the rest of the process. Returns a problem to report
 * (a missing or unreadable bundle: messages then stay English), or undefined.
 */
export function configureLanguage(language: Language): string | undefined {
  if (language === 'en') {
    l10n.config({ contents: {} });
    return undefined;
  }
  const dir = l10nDir();
  const file = dir && path.join(dir, `bundle.l10n.${language}.json`);
  if (!file || !fs.existsSync(file)) {
    l10n.config({ contents: {} });
    return `no message bundle for "${language}" in this installation; messages stay in English`;
  }
  try {
    l10n.config({ contents: JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string> });
    return undefined;
  } catch (error) {
    l10n.config({ contents: {} });
    return `the message bundle ${file} cannot be read (${error instanceof Error ? error.message : String(error)}); messages stay in English`;
  }
}

/**
 * Takes `--lang X` / `--lang=X` out of a command line. `language` is the value (normalized), `bad` the
 * value given when it is not one we ship; without the option, `language` is undefined.
 */
export function takeLangOption(argv: string[]): { argv: string[]; language?: Language; bad?: string } {
  const rest: string[] = [];
  let language: Language | undefined;
  let bad: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    let value: string | undefined;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === '--lang') value = argv[++i] ?? '';
    else if (a.startsWith('--lang=')) value = a.slice('--lang='.length);
    else {
      rest.push(a);
      continue;
    }
    const normalized = normalizeLanguage(value);
    if (normalized) language = normalized;
    else bad = value;
  }
  return { argv: rest, language, bad };
}
