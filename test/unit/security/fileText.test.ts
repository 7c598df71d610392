// Issue 11, finding 4: names from lab files stay text. A node name that is a Markdown image, a
// `command:` link or HTML does not become one in a hover; a codicon in a name is not drawn in a lens
// title; a node named `..` or `a/b` cannot put the agent-metadata cache outside its folder.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LanguageService } from '../../../server/src/service/languageService';
import { escapeLensTitle, escapeMarkdown, inlineCode, neutralizeMarkdown } from '../../../server/src/base/markdownEscape';
import { fetchLiveMetadata, insideCache, localRunner, nodeCacheComponent } from '../../../server/src/lsp/liveMetadata';

const IMAGE = '![x](https://evil.example/p.png)';
const COMMAND = '[run](command:workbench.action.terminal.new)';
const HTML = '<img src=https://evil.example/q.png>';

/** Markdown constructs that must not appear unescaped (a backslash before them makes them text). */
function assertInert(markdown: string): void {
  assert.doesNotMatch(markdown, /(?<!\\)!(?<!\\)\[/, `an image in: ${markdown}`);
  assert.doesNotMatch(markdown, /(?<!\\)\]\(command:/, `a command: link in: ${markdown}`);
  assert.doesNotMatch(markdown, /(?<!\\)<img/, `HTML in: ${markdown}`);
}

function corosync(names: string[], votes: number[]): string {
  const nodes = names.map(
    (name, i) =>
      `    node {\n        ring0_addr: 10.0.0.${i + 1}\n        name: ${name}\n        nodeid: ${i + 1}\n        quorum_votes: ${votes[i]}\n    }`,
  );
  return `totem {\n    version: 2\n    cluster_name: lab\n}\n\nnodelist {\n${nodes.join('\n')}\n}\n\nquorum {\n    provider: corosync_votequorum\n}\n`;
}

describe('hovers and lens titles quote file text as text', () => {
  const service = new LanguageService();
  before(async () => {
    await service.init();
  });

  test('node names that are an image, a command: link and HTML stay text in the quorum hover', () => {
    const uri = 'file:///lab/corosync.conf';
    const text = corosync([IMAGE, COMMAND, HTML], [3, 1, 1]);
    service.setDocument(uri, 'corosync', text, 1);
    const line = text.split('\n').findIndex((l) => l.startsWith('quorum {'));
    const hover = service.hover(uri, { line, character: 2 });
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /Quorum/);
    // The names are there, as text.
    assert.match(value, /evil\.example\/p\.png/);
    assertInert(value);
  });

  test('a node name with a codicon is not drawn as an icon in the quorum lens title', () => {
    const uri = 'file:///lab2/corosync.conf';
    service.setDocument(uri, 'corosync', corosync(['$(alert)', 'node2', 'node3'], [3, 1, 1]), 1);
    const titles = service.codeLenses(uri).map((lens) => lens.command!.title);
    assert.ok(titles.length > 0);
    assert.ok(
      titles.some((t) => t.includes('\\$(alert)')),
      JSON.stringify(titles),
    );
    for (const title of titles) assert.doesNotMatch(title, /(?<!\\)\$\(/);
  });

  test('a node name from a script stays text in its hover', () => {
    const uri = 'file:///lab3/setup.sh';
    const name = "'n1![x](https://evil.example/p.png)'";
    const text = `pcs cluster setup lab ${name} node2`;
    service.setDocument(uri, 'shell', text, 1);
    const hover = service.hover(uri, { line: 0, character: text.indexOf(name) + 2 });
    const value = hover ? (hover.contents as { value: string }).value : '';
    assert.match(value, /evil\.example/, 'the hover names the node');
    assertInert(value);
  });

  test('run-on-node lens titles carry no codicon or control character from a prompt', () => {
    const uri = 'file:///lab4/memo.md';
    service.setDocument(uri, 'markdown', '```\nnode1 # pcs status\n```\n', 1);
    const titles = service.codeLenses(uri).map((lens) => lens.command!.title);
    assert.ok(titles.includes('▶ Run on node1'), JSON.stringify(titles));
    for (const title of titles) assert.doesNotMatch(title, /[\u0000-\u001f]|(?<!\\)\$\(/);
  });
});

describe('the escaping helpers', () => {
  test('escapeMarkdown leaves ordinary names alone and neutralises Markdown', () => {
    for (const name of ['sv1.home.dom', 'node-2', 'ノード1', '10.0.0.1']) assert.equal(escapeMarkdown(name), name);
    for (const hostile of [IMAGE, COMMAND, HTML, 'a*b*', '`x`', 'x | y', 'https://evil.example/', '$(alert)']) {
      const escaped = escapeMarkdown(hostile);
      assertInert(escaped);
      assert.doesNotMatch(escaped, /(?<!\\)[`*|<]|(?<!\\):\/\/|(?<!\\)\$\(/, escaped);
    }
    assert.equal(escapeMarkdown('a\u001b[2Jb\nc'), 'ab c');
  });

  test('inlineCode cannot be closed by the text it quotes', () => {
    assert.equal(inlineCode('ip=1'), '`ip=1`');
    assert.equal(inlineCode('a`b'), '``a`b``');
    assert.equal(inlineCode('``x'), '``` ``x ```');
  });

  test('escapeLensTitle escapes codicons and removes control characters', () => {
    assert.equal(escapeLensTitle('▶ Run on $(zap)node\u001b[31m1'), '▶ Run on \\$(zap)node1');
  });

  test('neutralizeMarkdown is the last line of defence, and leaves code blocks alone', () => {
    assert.equal(
      neutralizeMarkdown(`a ${IMAGE} and ${COMMAND}`),
      'a !\\[x](https://evil.example/p.png) and [run]\\(command:workbench.action.terminal.new)',
    );
    const block = '```sh\necho "![x](y)"\n```';
    assert.equal(neutralizeMarkdown(block), block);
  });
});

describe('agent-metadata cache paths stay inside the cache folder', () => {
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('node names are encoded into one harmless path component, different names apart', () => {
    assert.equal(nodeCacheComponent('node1.example.com'), 'node1.example.com');
    assert.equal(nodeCacheComponent('..'), '%2E.');
    assert.equal(nodeCacheComponent('.'), '%2E');
    assert.equal(nodeCacheComponent('a/b'), 'a%2Fb');
    assert.equal(nodeCacheComponent('/etc'), '%2Fetc');
    assert.notEqual(nodeCacheComponent('a/b'), nodeCacheComponent('a_b'));
    for (const name of ['..', '../..', '/etc/cron.d', 'a\\..\\b', '']) {
      const component = nodeCacheComponent(name);
      assert.ok(!component.includes('/') && component !== '..' && component !== '.' && component !== '', `${name} → ${component}`);
    }
    assert.throws(() => insideCache('/tmp/cache', '..', 'x'), /outside/);
    assert.equal(insideCache('/tmp/cache', '%2E.', 'f'), '/tmp/cache/%2E./f');
  });

  test('a node named ".." writes its cache inside the cache folder (real crm_resource on this machine)', async (t) => {
    const which = await localRunner(['sh', '-c', 'command -v crm_resource || true']).catch(() => '');
    if (!which.trim()) {
      if (process.env.CI === 'true') assert.fail('crm_resource (pacemaker-cli-utils) is needed');
      t.skip('crm_resource is not installed (apt-get install pacemaker-cli-utils)');
      return;
    }
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmk-cache-'));
    dirs.push(root);
    const cacheDir = path.join(root, 'cache');
    fs.mkdirSync(cacheDir);
    const result = await fetchLiveMetadata('ocf:heartbeat:IPaddr2', localRunner, { cacheDir, node: '..', refresh: true });
    assert.equal(result.metadata.id.endsWith('IPaddr2'), true);
    // Everything written is under cache/; nothing appeared beside it.
    assert.deepEqual(fs.readdirSync(root), ['cache']);
    const written = fs.readdirSync(cacheDir, { recursive: true }).map(String);
    assert.ok(
      written.some((p) => p.startsWith('%2E.') && p.endsWith('.xml')),
      JSON.stringify(written),
    );
  });
});
