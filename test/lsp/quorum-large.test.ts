// Issue 11, finding 7: a 250-node corosync.conf merely sitting in the workspace used to keep the
// server busy for minutes (the tolerance search enumerated failure sets), so no other request was
// answered. Over stdio with the bundled server: the workspace holds such a file, unopened; hover on
// another file must be answered, and the big file's own lens and hover carry the right figures.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeLens, Hover } from 'vscode-languageserver-types';
import { TestLspClient } from './client';

const NODES = 250;

function bigConf(n: number): string {
  const out = ['totem {', '    version: 2', '    cluster_name: big', '    transport: knet', '}', '', 'nodelist {'];
  for (let i = 1; i <= n; i++)
    out.push('    node {', `        ring0_addr: 10.20.${i >> 8}.${i & 255}`, `        name: node${i}`, `        nodeid: ${i}`, '    }');
  out.push('}', '', 'quorum {', '    provider: corosync_votequorum', '}', '');
  return out.join('\n');
}

const hoverText = (h: Hover | null) =>
  h ? (typeof h.contents === 'string' ? h.contents : 'value' in h.contents ? h.contents.value : JSON.stringify(h.contents)) : '';

describe('a 250-node corosync.conf in the workspace does not block the server', () => {
  let client: TestLspClient;
  let workspace: string;
  const script = '#!/bin/bash\npcs resource create web_vip ocf:heartbeat:IPaddr2 ip=192.168.90.250 cidr_netmask=24\n';

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmk-lsp-big-'));
    fs.writeFileSync(path.join(workspace, 'corosync.conf'), bigConf(NODES));
    fs.writeFileSync(path.join(workspace, 'lab.sh'), script);
    client = new TestLspClient();
    await client.initialize(workspace);
  });

  after(async () => {
    await client.shutdown().catch(() => undefined);
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('answers hover on another file while the big file sits unopened in the workspace', { timeout: 120_000 }, async () => {
    const uri = `file://${workspace}/lab.sh`;
    await client.open(uri, 'shellscript', script);
    // `IPaddr2` in the pcs line: the agent's documentation.
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 45 } });
    assert.match(hoverText(hover), /IPaddr2/);
  });

  it("the big file's lens and hover give its figures: any 124 of 250 equal nodes may fail, 125 stop it", { timeout: 120_000 }, async () => {
    const uri = `file://${workspace}/corosync.conf`;
    await client.open(uri, 'corosync', bigConf(NODES));
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const titles = lenses.map((l) => l.command?.title ?? '').filter((t) => t.startsWith('quorum'));
    assert.ok(titles.length >= 1, JSON.stringify(lenses));
    assert.match(
      titles[0],
      /^quorum 126 of 250 expected · 250 votes configured · survives: any 124 nodes failing · stops if: 125 nodes fail, e\.g\. node1 \+ node2 \+ node3 \+ … \+ node125$/,
    );
    const nodelistLine = bigConf(NODES).split('\n').indexOf('nodelist {');
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: nodelistLine, character: 3 },
    });
    assert.match(hoverText(hover), /Any 124 nodes may fail at once without losing quorum/);
  });
});
