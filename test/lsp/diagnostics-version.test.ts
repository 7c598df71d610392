// publishDiagnostics names the version of the document it analysed, so a client can drop diagnostics
// of a version it has already replaced (issue 12). Files the editor has not opened carry no version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestLspClient } from './client';

test('publishDiagnostics carries the version of the open document it was computed for', async () => {
  const client = new TestLspClient();
  try {
    const seen: PublishDiagnosticsParams[] = [];
    const waiters: { version: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
    client.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      seen.push(p);
      for (const w of [...waiters]) {
        if (p.version !== w.version) continue;
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    });
    const published = (version: number) =>
      new Promise<PublishDiagnosticsParams>((resolve, reject) => {
        const done = seen.find((p) => p.version === version);
        if (done) return resolve(done);
        const timer = setTimeout(() => reject(new Error(`no diagnostics of version ${version}: ${JSON.stringify(seen)}`)), 20_000);
        waiters.push({ version, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    await client.initialize();
    const uri = 'file:///lab/version.sh';
    await client.open(uri, 'shellscript', 'pcs constraint location web prefers node1=100\n', 7);
    const first = await published(7);
    assert.equal(first.uri, uri);
    assert.ok(first.diagnostics.some((d) => d.code === 'pcs/unknown-resource'));
    await client.change(uri, 8, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        text: 'pcs resource create web ocf:heartbeat:Dummy\n',
      },
    ]);
    const second = await published(8);
    assert.ok(!second.diagnostics.some((d) => d.code === 'pcs/unknown-resource'), 'version 8 has the resource');
    // every publication of this document named a version it was given
    assert.ok(seen.filter((p) => p.uri === uri).every((p) => p.version === 7 || p.version === 8));
  } finally {
    await client.shutdown();
  }
});
