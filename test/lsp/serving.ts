// "The server still serves": after each hostile message, a real corosync.conf (examples/lab) must get
// the same answers as from a fresh server: its outline, a hover with the key's documentation, and its
// diagnostics (the deliberate `tokn` slip and the refused line).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver-types';
import { repoRoot, type TestLspClient } from './client';

export const LAB_CONF = fs.readFileSync(path.join(repoRoot, 'examples', 'lab', 'corosync.conf'), 'utf8');
let probes = 0;

/** Opens a fresh copy of the lab corosync.conf and checks the server's answers on it. */
export async function assertStillServes(client: TestLspClient, context: string): Promise<void> {
  assert.equal(client.process.exitCode, null, `${context}: the server exited (stderr: ${client.stderr.slice(0, 500)})`);
  assert.equal(client.process.signalCode, null, `${context}: the server was killed`);
  const uri = `file:///tmp/pcmk-probe-${process.pid}-${++probes}/corosync.conf`;
  await client.open(uri, 'corosync', LAB_CONF);
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['totem', 'nodelist', 'quorum', 'logging'],
    `${context}: outline`,
  );
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 6 } });
  assert.match(JSON.stringify(hover?.contents), /totem\.transport/, `${context}: hover on transport`);
  const diagnostics = await client.waitForDiagnostics(uri, (d: Diagnostic[]) => d.length > 0);
  assert.ok(
    diagnostics.some((d) => d.code === 'corosync/unknown-key' && d.range.start.line === 12),
    `${context}: the tokn warning`,
  );
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
}
