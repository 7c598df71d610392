// Issue 11, finding 7: a corosync.conf of 10,000 nodes, and a `pcs cluster setup` of 10,000 nodes,
// get their whole quorum analysis (diagnostics, lens, hover, inlay hints) from the language service.
// No time is asserted here (`npm run bench` measures it); the figures must be the right ones.
// votequorum keeps quorum in 8 bits (the engine does too, and corosync-vqsim shows it), so
// 10,000 one-vote nodes have quorum 5001 mod 256 = 137.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver-types';
import { LanguageService } from '../../../server/src/service/languageService';

const N = 10_000;

function bigConf(n: number): string {
  const out = ['totem {', '    version: 2', '    cluster_name: big', '    transport: knet', '}', 'nodelist {'];
  for (let i = 1; i <= n; i++)
    out.push(
      '    node {',
      `        ring0_addr: 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      `        name: node${i}`,
      `        nodeid: ${i}`,
      '    }',
    );
  out.push('}', 'quorum {', '    provider: corosync_votequorum', '}', '');
  return out.join('\n');
}

function bigSetup(n: number): string {
  const names = Array.from({ length: n }, (_, i) => `node${i + 1}`);
  const rows: string[] = [];
  for (let i = 0; i < n; i += 20) rows.push(names.slice(i, i + 20).join(' '));
  return `#!/bin/bash\npcs cluster setup big \\\n  ${rows.join(' \\\n  ')}\n`;
}

const text = (h: Hover | null) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');
const TITLE =
  /^quorum 137 of 10000 expected · 10000 votes configured · survives: any 9863 nodes failing · stops if: 9864 nodes fail, e\.g\. node1 \+ node2 \+ node3 \+ … \+ node9864$/;

describe('quorum analysis of 10,000 nodes in the language service', () => {
  const service = new LanguageService();
  before(async () => {
    await service.init();
  });

  it('corosync.conf: lens, hover, inlay hints and diagnostics', () => {
    const uri = 'file:///big/corosync.conf';
    service.setDocument(uri, 'corosync', bigConf(N), 1);
    const quorumDiags = service.diagnostics(uri).filter((d) => String(d.code).startsWith('quorum/'));
    assert.deepEqual(
      quorumDiags.map((d) => d.code),
      [],
    );
    const titles = service
      .codeLenses(uri)
      .map((l) => l.command?.title ?? '')
      .filter((t) => t.startsWith('quorum'));
    assert.equal(titles.length, 2); // on `nodelist` and on `quorum`
    assert.match(titles[0], TITLE);
    const hover = text(service.hover(uri, { line: 5, character: 2 }));
    assert.match(hover, /Any 9863 nodes may fail at once without losing quorum\./);
    assert.match(hover, /\| 9864 nodes down \(node1 \+ node2 \+ node3 \+ … \+ node9864\) \| 136 \| 137 \| no \|/);
    assert.ok(hover.length < 5000, `hover of ${hover.length} characters`);
    const hints = service.inlayHints(uri, { start: { line: 6, character: 0 }, end: { line: 11, character: 0 } });
    assert.ok(hints.some((h) => String(typeof h.label === 'string' ? h.label : '').includes('1/10000 votes (0%)')));
  });

  it('pcs cluster setup: lens and hover on the setup word', () => {
    const uri = 'file:///big/setup.sh';
    service.setDocument(uri, 'shell', bigSetup(N), 1);
    const titles = service
      .codeLenses(uri)
      .map((l) => l.command?.title ?? '')
      .filter((t) => t.startsWith('quorum'));
    assert.equal(titles.length, 1);
    assert.match(titles[0], TITLE);
    assert.match(text(service.hover(uri, { line: 1, character: 12 })), /Any 9863 nodes may fail at once without losing quorum\./);
    assert.deepEqual(
      service
        .diagnostics(uri)
        .filter((d) => String(d.code).startsWith('quorum/'))
        .map((d) => d.code),
      [],
    );
  });
});
