// A hostile (or merely buggy) LSP client: malformed frames, messages out of order, URIs of every
// scheme, null and missing fields, positions and ranges out of range, edits faster than analysis and
// cancellations. After each, the server must still be running and answer a normal request correctly
// (assertStillServes: outline, hover and diagnostics of the lab corosync.conf).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver-types';
import { TestLspClient } from './client';
import { assertStillServes, LAB_CONF } from './serving';

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const SMALL_CONF = 'totem {\n    version: 2\n    transport: knet\n}\n';
const symbolNames = (s: DocumentSymbol[] | null) => (s ?? []).map((x) => x.name);

/** Sends a notification with any params (the typed API would refuse most of these). */
function notify(client: TestLspClient, method: string, params: unknown): Promise<void> {
  return client.connection.sendNotification(method, params as object);
}

/** Sends a request and settles with its result or its error code: the server must answer. */
async function answer(client: TestLspClient, method: string, params: unknown): Promise<{ result?: unknown; code?: number }> {
  try {
    return { result: await client.connection.sendRequest(method, params as object) };
  } catch (error) {
    return { code: (error as { code?: number }).code };
  }
}

describe('hostile LSP client', () => {
  let client: TestLspClient;
  before(async () => {
    client = new TestLspClient();
  });
  after(async () => {
    await client.shutdown().catch(() => client.process.kill('SIGKILL'));
  });

  it('answers requests and notifications sent before initialize, then initializes normally', async () => {
    const early = await answer(client, 'textDocument/hover', {
      textDocument: { uri: 'file:///x/corosync.conf' },
      position: { line: 0, character: 0 },
    });
    assert.ok('result' in early || early.code !== undefined);
    await notify(client, 'textDocument/didChange', {
      textDocument: { uri: 'file:///x/corosync.conf', version: 2 },
      contentChanges: [{ text: 'x' }],
    });
    await client.initialize();
    await assertStillServes(client, 'requests before initialize');
  });

  it('survives a second initialize', async () => {
    await answer(client, 'initialize', { processId: null, rootUri: null, capabilities: {} });
    await assertStillServes(client, 'initialize twice');
  });

  it('resynchronises after malformed JSON-RPC frames and bad Content-Length headers', async () => {
    const raw = [
      frame('{not json at all'),
      frame('[1, 2, 3]'),
      frame('42'),
      frame('{"jsonrpc":"2.0","id":77}'),
      frame('{"jsonrpc":"2.0","id":78,"method":"no/suchMethod","params":{}}'),
      frame('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":"a string"}'),
      'Header-Without-Colon\r\n\r\n',
      'Content-Type: application/json\r\n\r\n{}',
      'Content-Length: twelve\r\n\r\n{}',
      'Content-Length: -7\r\n\r\n{}',
      'Content-Length: 4\r\n\r\n{"jsonrpc":"2.0","method":"x"}',
      'Content-Length: 4000\r\n\r\n{"jsonrpc":"2.0","method":"x"}',
      '\u0000\u0000\u00ff binary noise \r\n',
    ];
    for (const bytes of raw) {
      client.process.stdin!.write(bytes);
      await assertStillServes(client, `frame ${JSON.stringify(bytes.slice(0, 40))}`);
    }
    assert.ok(
      client.logs.some((l) => /malformed frame failed/.test(l)),
      'the dropped frames were logged',
    );
  });

  it('ignores didChange before didOpen, didClose twice and didClose of a document never opened', async () => {
    const uri = 'file:///tmp/pcmk-hostile-order/corosync.conf';
    await notify(client, 'textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ text: 'garbage {' }] });
    await notify(client, 'textDocument/didClose', { textDocument: { uri: 'file:///never/opened.sh' } });
    await client.open(uri, 'corosync', SMALL_CONF);
    await notify(client, 'textDocument/didClose', { textDocument: { uri } });
    await notify(client, 'textDocument/didClose', { textDocument: { uri } });
    // A request on the closed (and now unknown) document answers empty.
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    await notify(client, 'textDocument/didChange', { textDocument: { uri, version: 9 }, contentChanges: [{ text: 'x' }] });
    await client.open(uri, 'corosync', SMALL_CONF);
    assert.deepEqual(symbolNames(await client.request('textDocument/documentSymbol', { textDocument: { uri } })), ['totem']);
    await assertStillServes(client, 'out-of-order notifications');
  });

  const uris = [
    'untitled:Untitled-7',
    'http://example.invalid/lab/corosync.conf',
    'vscode-notebook-cell:/lab/notebook.ipynb#W0sZmlsZQ%3D%3D',
    `file:///tmp/${'very-long-'.repeat(10_000)}/corosync.conf`,
    'file:///tmp/with%00nul/corosync.conf',
    'file:///tmp/a%2Fb/corosync.conf',
    'file://remote-host/share/corosync.conf',
    'not a uri at all',
    '',
  ];
  for (const uri of uris) {
    it(`serves a corosync document at ${JSON.stringify(uri.slice(0, 60))}`, async () => {
      await client.open(uri, 'corosync', SMALL_CONF);
      assert.deepEqual(symbolNames(await client.request('textDocument/documentSymbol', { textDocument: { uri } })), ['totem']);
      const hover = await client.request<Hover | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 2, character: 6 },
      });
      assert.match(JSON.stringify(hover?.contents), /totem\.transport/);
      await client.change(uri, 2, [{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 11 } }, text: 'versoin' }]);
      const diagnostics = await client.waitForDiagnostics(uri, (d: Diagnostic[]) => d.some((x) => x.code === 'corosync/unknown-key'));
      assert.equal(diagnostics.find((x) => x.code === 'corosync/unknown-key')?.range.start.line, 1);
      await notify(client, 'textDocument/didClose', { textDocument: { uri } });
      await assertStillServes(client, `uri ${uri.slice(0, 40)}`);
    });
  }

  it('ignores documents of languages and schemes it does not read', async () => {
    await client.open('untitled:Untitled-9', 'plaintext', 'hello');
    await client.open('output:extension-output-1', 'log', 'x');
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: 'untitled:Untitled-9' } }), []);
    await assertStillServes(client, 'unknown languages');
  });

  it('answers requests and notifications with null or missing fields', async () => {
    const uri = 'file:///tmp/pcmk-hostile-null/corosync.conf';
    await client.open(uri, 'corosync', SMALL_CONF);
    const td = { uri };
    const notifications: [string, unknown][] = [
      ['textDocument/didOpen', null],
      ['textDocument/didOpen', {}],
      ['textDocument/didOpen', { textDocument: null }],
      ['textDocument/didOpen', { textDocument: { uri: 'file:///tmp/n/corosync.conf', languageId: 'corosync', version: 1, text: null } }],
      ['textDocument/didOpen', { textDocument: { uri: null, languageId: 'corosync', version: 1, text: 'totem {\n}\n' } }],
      ['textDocument/didOpen', { textDocument: { uri: 42, languageId: null, version: 'x', text: 'a' } }],
      ['textDocument/didChange', null],
      ['textDocument/didChange', { textDocument: null, contentChanges: [] }],
      ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: null }],
      ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [null] }],
      ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: null }] }],
      ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: null, text: 5 }] }],
      ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: null, end: null }, text: 'x' }] }],
      [
        'textDocument/didChange',
        { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 'a', character: {} }, end: {} }, text: 'x' }] },
      ],
      ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: { text: 'not an array' } }],
      ['textDocument/didClose', null],
      ['textDocument/didClose', { textDocument: { uri: null } }],
      ['textDocument/didSave', { textDocument: null }],
      ['workspace/didChangeConfiguration', null],
      ['workspace/didChangeConfiguration', { settings: { pacemakerLab: { rules: 'nonsense', order: 7 } } }],
      ['workspace/didChangeWatchedFiles', { changes: null }],
      ['$/setTrace', null],
      ['$/cancelRequest', null],
      ['$/cancelRequest', { id: 'no-such-request' }],
    ];
    for (const [method, params] of notifications) await notify(client, method, params);
    // The document kept its text through all the malformed changes.
    assert.deepEqual(symbolNames(await client.request('textDocument/documentSymbol', { textDocument: td })), ['totem']);

    const requests: [string, unknown][] = [
      ['textDocument/hover', null],
      ['textDocument/hover', {}],
      ['textDocument/hover', { textDocument: td }],
      ['textDocument/hover', { textDocument: td, position: null }],
      ['textDocument/hover', { textDocument: null, position: { line: 0, character: 0 } }],
      ['textDocument/completion', { textDocument: td }],
      ['textDocument/completion', { textDocument: td, position: { line: 'one', character: null } }],
      ['textDocument/definition', { textDocument: td, position: null }],
      ['textDocument/references', { textDocument: td, position: { line: 1, character: 1 } }],
      ['textDocument/references', { textDocument: td, position: { line: 1, character: 1 }, context: null }],
      ['textDocument/prepareRename', { textDocument: null }],
      ['textDocument/rename', { textDocument: td, position: { line: 1, character: 5 }, newName: null }],
      ['textDocument/documentSymbol', { textDocument: null }],
      ['textDocument/documentSymbol', null],
      ['workspace/symbol', { query: null }],
      ['workspace/symbol', null],
      ['textDocument/foldingRange', {}],
      ['textDocument/formatting', { textDocument: td, options: null }],
      ['textDocument/formatting', { textDocument: td }],
      ['textDocument/codeAction', { textDocument: td, range: null, context: null }],
      [
        'textDocument/codeAction',
        {
          textDocument: td,
          range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } },
          context: { diagnostics: [null, {}, { range: null, data: 'x' }] },
        },
      ],
      ['textDocument/codeLens', { textDocument: null }],
      ['textDocument/inlayHint', { textDocument: td, range: null }],
      ['pacemakerLab/quorumConfig', null],
      ['pacemakerLab/quorumConfig', { uri: 7 }],
      ['pacemakerLab/nodes', null],
      ['pacemakerLab/classifyCommand', null],
      ['pacemakerLab/classifyCommand', { text: { not: 'a string' } }],
      ['pacemakerLab/fetchAgentMetadata', null],
      ['no/suchRequest', { x: 1 }],
    ];
    for (const [method, params] of requests) {
      const reply = await answer(client, method, params);
      assert.ok('result' in reply || typeof reply.code === 'number', `${method} ${JSON.stringify(params)} was answered`);
    }
    await assertStillServes(client, 'null and missing fields');
  });

  it('answers positions and applies ranges that are out of range, negative or reversed as clamped', async () => {
    const uri = 'file:///tmp/pcmk-hostile-range/corosync.conf';
    await client.open(uri, 'corosync', SMALL_CONF);
    const td = { uri };
    const positions = [
      { line: -1, character: -1 },
      { line: 0, character: 10_000 },
      { line: 1_000_000, character: 0 },
      { line: 2 ** 31, character: 2 ** 31 },
      { line: 2, character: -5 },
    ];
    for (const position of positions) {
      for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/prepareRename']) {
        const reply = await answer(client, method, { textDocument: td, position });
        assert.ok('result' in reply, `${method} at ${JSON.stringify(position)}: ${JSON.stringify(reply)}`);
      }
    }
    for (const range of [
      { start: { line: -3, character: -3 }, end: { line: -1, character: 0 } },
      { start: { line: 50, character: 0 }, end: { line: 10, character: 0 } },
      { start: { line: 0, character: 0 }, end: { line: 1e6, character: 1e6 } },
    ]) {
      for (const method of ['textDocument/codeAction', 'textDocument/inlayHint']) {
        const reply = await answer(client, method, { textDocument: td, range, context: { diagnostics: [] } });
        assert.ok('result' in reply, `${method} over ${JSON.stringify(range)}`);
      }
    }
    // A change beyond the end appends; a negative range inserts at the start; a reversed range is ordered.
    await client.change(uri, 2, [
      {
        range: { start: { line: 99, character: 99 }, end: { line: 120, character: 0 } },
        text: 'quorum {\n    provider: corosync_votequorum\n}\n',
      },
    ]);
    await client.change(uri, 3, [
      { range: { start: { line: -4, character: -2 }, end: { line: -1, character: -1 } }, text: 'logging {\n}\n' },
    ]);
    // Lines now: 0 logging {, 1 }, 2 totem {, 3 version, 4 transport, 5 }, 6 quorum {, …
    await client.change(uri, 4, [{ range: { start: { line: 3, character: 14 }, end: { line: 3, character: 4 } }, text: 'token: 3000' }]);
    assert.deepEqual(symbolNames(await client.request('textDocument/documentSymbol', { textDocument: td })), [
      'logging',
      'totem',
      'quorum',
    ]);
    const totem = (await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: td }))[1];
    assert.deepEqual(symbolNames(totem.children ?? []), ['token', 'transport']);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.every((x) => x.range.start.line >= 0));
    for (const d of diagnostics) assert.ok(d.range.end.line <= 9, JSON.stringify(d.range));
    await assertStillServes(client, 'out-of-range positions and ranges');
  });

  it('keeps up with hundreds of edits in a burst while hovers are asked, and ends on the last text', async () => {
    const uri = 'file:///tmp/pcmk-hostile-burst/corosync.conf';
    await client.open(uri, 'corosync', LAB_CONF);
    const hovers: Promise<Hover | null>[] = [];
    let version = 1;
    for (let i = 0; i < 400; i++) {
      // Type "x" at the end of "cluster_name: labnfs" (line 7), then delete it again.
      const insert = i % 2 === 0;
      void client.change(uri, ++version, [
        insert
          ? { range: { start: { line: 7, character: 24 }, end: { line: 7, character: 24 } }, text: 'x' }
          : { range: { start: { line: 7, character: 24 }, end: { line: 7, character: 25 } }, text: '' },
      ]);
      if (i % 10 === 0)
        hovers.push(client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 6 } }));
    }
    // The last edit breaks a line corosync reads (an unknown key in totem on line 9).
    void client.change(uri, ++version, [
      { range: { start: { line: 9, character: 4 }, end: { line: 9, character: 17 } }, text: 'crypto_cypher' },
    ]);
    const answered = await Promise.all(hovers);
    assert.equal(answered.length, 40);
    for (const h of answered) assert.match(JSON.stringify(h?.contents), /totem\.transport/);
    const final = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'corosync/unknown-key' && x.range.start.line === 9));
    assert.ok(
      final.some((x) => x.code === 'corosync/unknown-key' && x.range.start.line === 12),
      'the tokn slip is still reported',
    );
    await assertStillServes(client, 'burst of edits');
  });

  it('answers cancelled requests with their result or RequestCancelled, and nothing hangs', async () => {
    const uri = 'file:///tmp/pcmk-hostile-cancel/corosync.conf';
    await client.open(uri, 'corosync', LAB_CONF);
    const replies: Promise<string>[] = [];
    for (let i = 0; i < 30; i++) {
      const source = new CancellationTokenSource();
      const method = i % 2 ? 'textDocument/hover' : 'textDocument/documentSymbol';
      const pending = client.connection.sendRequest(method, { textDocument: { uri }, position: { line: 8, character: 6 } }, source.token);
      source.cancel();
      replies.push(
        pending.then(
          (result) =>
            method === 'textDocument/hover'
              ? /totem\.transport/.test(JSON.stringify(result))
                ? 'result'
                : `wrong ${JSON.stringify(result)}`
              : Array.isArray(result) && result.length === 4
                ? 'result'
                : `wrong ${JSON.stringify(result)}`,
          (error: { code?: number }) => (error.code === -32800 ? 'cancelled' : `error ${error.code}`),
        ),
      );
    }
    const outcomes = await Promise.all(replies);
    for (const o of outcomes) assert.ok(o === 'result' || o === 'cancelled', o);
    await assertStillServes(client, 'cancellations');
  });

  it('initializes with malformed workspace folders and root, and serves', async () => {
    const other = new TestLspClient();
    try {
      const result = (await other.connection.sendRequest('initialize', {
        processId: null,
        rootUri: 5,
        workspaceFolders: [null, { uri: 7 }, { uri: 'vscode-vfs://github/lab' }, { uri: 'file:///%00' }],
        capabilities: {},
      })) as { capabilities?: { hoverProvider?: boolean } };
      assert.equal(result.capabilities?.hoverProvider, true);
      await other.connection.sendNotification('initialized', {});
      await assertStillServes(other, 'malformed initialize');
    } finally {
      await other.shutdown().catch(() => other.process.kill('SIGKILL'));
    }
  });

  it('never logged a document text, and shuts down cleanly', async () => {
    for (const line of client.logs) assert.ok(!line.includes('cluster_name: labnfs'), line);
    assert.equal(await client.shutdown(), 0);
  });
});
