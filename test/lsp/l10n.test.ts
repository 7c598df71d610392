// Our messages in the user's language, through the built artefacts: the bundled CLI (`--lang`, then
// LC_ALL / LC_MESSAGES / LANG) and the bundled server (the `locale` of the initialize request, which
// VS Code fills from its display language). Codes, corosync keys and quoted tool output stay as they are.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestLspClient, repoRoot } from './client';

const cli = path.join(repoRoot, 'bin', 'pcmk-lsp.js');
const CLEAN_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(LC_ALL|LC_MESSAGES|LANG|LANGUAGE)$/.test(k)));
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...CLEAN_ENV, ...env } });

interface Finding {
  code: string;
  message: string;
}
const unknownKey = (args: string[], env?: Record<string, string>) => {
  const r = run(['check', '--format', 'json', ...args, 'examples/broken/corosync'], env);
  assert.equal(r.status, 1, r.stderr);
  const finding = (JSON.parse(r.stdout) as Finding[]).find((f) => f.code === 'corosync/unknown-key');
  assert.ok(finding, r.stdout);
  return finding.message;
};

describe('pcmk-lsp check in the languages we ship', () => {
  it('--lang ko|ja|fr prints our words translated; the corosync keys stay verbatim', () => {
    assert.equal(
      unknownKey([]),
      'Unknown key `tokn` in `totem`: corosync accepts it but nothing reads it, so the setting has no effect. Did you mean `token`?',
    );
    assert.equal(
      unknownKey(['--lang', 'ko']),
      '`totem` 안의 알 수 없는 키 `tokn`: corosync는 받아들이지만 아무것도 읽지 않으므로 이 설정은 효과가 없습니다. `token`을(를) 의도하셨나요?',
    );
    assert.match(unknownKey(['--lang=ja']), /^`totem` の中の不明なキー `tokn`: .*`token` のことですか\?$/);
    assert.match(unknownKey(['--lang', 'fr']), /^Clé inconnue `tokn` dans `totem` : .*Vouliez-vous dire `token` \?$/);
  });

  it('takes the language from LC_ALL, then LC_MESSAGES, then LANG; --lang wins; C and unknown locales are English', () => {
    assert.match(unknownKey([], { LANG: 'ko_KR.UTF-8' }), /알 수 없는 키/);
    assert.match(unknownKey([], { LANG: 'ko_KR.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8' }), /不明なキー/);
    assert.match(unknownKey([], { LANG: 'ko_KR.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8', LC_ALL: 'fr_FR.UTF-8' }), /Clé inconnue/);
    assert.match(unknownKey(['--lang', 'en'], { LC_ALL: 'fr_FR.UTF-8' }), /^Unknown key/);
    assert.match(unknownKey([], { LC_ALL: 'C.UTF-8', LANG: 'ko_KR.UTF-8' }), /^Unknown key/);
    assert.match(unknownKey([], { LANG: 'de_DE.UTF-8' }), /^Unknown key/);
  });

  it('refuses a language it does not ship, with exit status 2', () => {
    const r = run(['check', '--lang', 'de', 'examples/broken/corosync']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--lang: "de" is not one of en, ko, ja, fr/);
    assert.equal(r.stdout, '');
  });
});

describe('pcmk-lsp --stdio follows the locale of the initialize request', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmk-l10n-'));
  const clients: TestLspClient[] = [];
  after(async () => {
    for (const c of clients) await c.shutdown().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const conf = path.join(dir, 'corosync.conf');
  fs.writeFileSync(conf, 'quorum {\n    provider: corosync_votequorum\n    two_nod: 1\n}\n');
  const uri = pathToFileURL(conf).toString();

  for (const [locale, expected] of [
    ['ko', /^`quorum` 안의 알 수 없는 키 `two_nod`: /],
    ['ja', /^`quorum` の中の不明なキー `two_nod`: /],
    ['fr-ca', /^Clé inconnue `two_nod` dans `quorum` : /],
    ['en-us', /^Unknown key `two_nod` in `quorum`: /],
  ] as const) {
    it(`locale ${locale}`, async () => {
      const client = new TestLspClient();
      clients.push(client);
      await client.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, locale });
      await client.connection.sendNotification('initialized', {});
      await client.open(uri, 'corosync', fs.readFileSync(conf, 'utf8'));
      const diagnostics = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'corosync/unknown-key'));
      const message = diagnostics.find((x) => x.code === 'corosync/unknown-key')!.message;
      assert.match(message, expected);
    });
  }
});
