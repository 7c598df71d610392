// Issue 11, finding 5: valid notifications the server did not expect (a didOpen of an untitled: buffer
// in a language we do not read, a didChange whose contentChanges is null) used to end the process.
// Every handler now runs under one guard: the failure is logged once per kind, without the document's
// text, and the server goes on answering.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver-types';
import { TestLspClient } from './client';
import { assertStillServes } from './serving';

const SECRET = 'hunter2-do-not-log';

describe('language server: a failing handler does not end the process', () => {
  let client: TestLspClient;
  before(async () => {
    client = new TestLspClient();
    await client.initialize();
  });
  after(async () => {
    await client.shutdown().catch(() => client.process.kill('SIGKILL'));
  });

  it('keeps serving after a didOpen of an untitled: buffer in a language it does not read', async () => {
    await client.open('untitled:Untitled-1', 'plaintext', `password ${SECRET}\n`);
    await assertStillServes(client, 'untitled plaintext');
  });

  it('reads an untitled: corosync buffer by its language id', async () => {
    const uri = 'untitled:Untitled-2';
    await client.open(uri, 'corosync', 'totem {\n    transport: knet\n}\n');
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 6 } });
    assert.match(JSON.stringify(hover?.contents), /totem\.transport/);
  });

  it('keeps serving after a didChange with contentChanges null, logs it once, and keeps the text it had', async () => {
    const uri = 'file:///tmp/pcmk-guard/corosync.conf';
    await client.open(uri, 'corosync', `totem {\n    cluster_name: ${SECRET}\n    transport: knet\n}\n`);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: null });
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: null });
    await assertStillServes(client, 'contentChanges null');
    // The document kept its text: the hover on line 2 still finds `transport`.
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 6 } });
    assert.match(JSON.stringify(hover?.contents), /totem\.transport/);
    const failures = client.logs.filter((l) => l.includes('didChange failed'));
    assert.equal(failures.length, 1, `logged once: ${JSON.stringify(client.logs)}`);
  });

  it('answers a request whose handler throws with an empty result, and goes on', async () => {
    // A hover without a position reaches the service with `undefined` and throws inside it.
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: 'file:///tmp/pcmk-guard/corosync.conf' },
    });
    assert.equal(hover, null);
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: null });
    assert.deepEqual(symbols, []);
    await assertStillServes(client, 'throwing requests');
  });

  it('never writes a document text into its log', () => {
    assert.ok(client.logs.length > 0, 'the failures above were logged');
    for (const line of [...client.logs, client.stderr]) assert.ok(!line.includes(SECRET), `leaked: ${line}`);
  });

  it('still exits 0 on shutdown', async () => {
    assert.equal(await client.shutdown(), 0);
  });
});
