// Protocol tests: the bundled server, started as a child process, answers over stdio as any editor
// (Neovim, Helix, Emacs) would use it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CompletionItem, Diagnostic, Hover, Location, WorkspaceEdit, CodeAction } from 'vscode-languageserver-types';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { TestLspClient } from './client';
import { ensureTool } from '../support/tools';

const BROKEN_CONF = `totem {
    version: 2
    cluster_name: lab
    transport: knet
}

nodelist {
    node {
        ring0_addr: 192.168.90.110
        name: node1
        nodeid: 1
    }
    node {
        ring0_addr: 192.168.90.120
        name: node2
        nodeid: 2

}

quorum {
    provider: corosync_votequorum
    two_node: 1
}
`;

const errors = (d: Diagnostic[]) => d.filter((x) => x.severity === 1);

describe('language server over stdio', () => {
  let client: TestLspClient;
  let workspace: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmk-lsp-ws-'));
    fs.writeFileSync(
      path.join(workspace, 'resources.sh'),
      '#!/bin/bash\npcs resource create web_vip ocf:heartbeat:IPaddr2 ip=192.168.90.250 cidr_netmask=24\n',
    );
    client = new TestLspClient();
  });

  after(async () => {
    await client.shutdown().catch(() => undefined);
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('initializes and advertises its features', async () => {
    const result = (await client.initialize(workspace)) as InitializeResult;
    const caps = result.capabilities;
    assert.equal(result.serverInfo?.name, 'pcmk-lsp');
    assert.ok(caps.hoverProvider && caps.completionProvider && caps.definitionProvider && caps.renameProvider);
    assert.equal((caps.textDocumentSync as { change: number }).change, 2, 'incremental sync');
  });

  it('publishes a corosync syntax error at the section left open, and clears it after an incremental fix', async () => {
    const uri = `file://${workspace}/corosync.conf`;
    await client.open(uri, 'corosync', BROKEN_CONF);
    const diags = await client.waitForDiagnostics(uri, (d) => errors(d).length > 0);
    const syntax = errors(diags).find((d) => d.code === 'corosync/syntax');
    assert.ok(syntax, `expected a corosync/syntax error, got ${JSON.stringify(diags)}`);
    // The second `node {` (line 13, 0-based 12) or the nodelist is what is left open.
    assert.ok([6, 12].includes(syntax.range.start.line), `error placed at line ${syntax.range.start.line}`);

    // Insert the missing brace after "nodeid: 2" (line 16, 0-based) with an incremental change.
    await client.change(uri, 2, [{ range: { start: { line: 16, character: 17 }, end: { line: 16, character: 17 } }, text: '\n    }' }]);
    const fixed = await client.waitForDiagnostics(uri, (d) => errors(d).length === 0);
    assert.equal(errors(fixed).length, 0);
  });

  it('answers hover on a corosync key with its documentation', async () => {
    const uri = `file://${workspace}/corosync.conf`;
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 6 } });
    assert.ok(hover, 'hover on "transport"');
    const text = JSON.stringify(hover.contents);
    assert.match(text, /knet/);
  });

  it('completes keys inside the totem section', async () => {
    const uri = `file://${workspace}/corosync.conf`;
    const items = await client.request<CompletionItem[] | { items: CompletionItem[] }>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 1, character: 4 },
    });
    const labels = (Array.isArray(items) ? items : items.items).map((i) => i.label);
    assert.ok(labels.includes('crypto_cipher'), `labels: ${labels.slice(0, 20).join(', ')}`);
    assert.ok(!labels.includes('ring0_addr'), 'ring0_addr belongs to nodelist.node, not totem');
  });

  it('resolves an agent completion item to the agent documentation (description, parameters)', async () => {
    const uri = `file://${workspace}/agent-completion.sh`;
    await client.open(uri, 'shellscript', '#!/bin/bash\npcs resource create vip IPadd\n');
    const items = await client.request<CompletionItem[] | { items: CompletionItem[] }>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 1, character: 29 },
    });
    const item = (Array.isArray(items) ? items : items.items).find((i) => i.label === 'ocf:heartbeat:IPaddr2');
    assert.ok(item, 'ocf:heartbeat:IPaddr2 offered');
    assert.equal(item.documentation, undefined, 'the list carries no documentation');
    const resolved = await client.request<CompletionItem>('completionItem/resolve', item);
    assert.equal(resolved.label, 'ocf:heartbeat:IPaddr2');
    const doc = resolved.documentation as { kind: string; value: string };
    assert.equal(doc.kind, 'markdown');
    assert.match(doc.value, /^\*\*ocf:heartbeat:IPaddr2\*\*/);
    assert.match(doc.value, /\| `ip` \|[^\n]*\| yes \|/, 'the required ip parameter is in the table');
  });

  it('reads unopened workspace scripts: a constraint on a resource defined in another file is not an error', async () => {
    const uri = `file://${workspace}/constraints.sh`;
    await client.open(
      uri,
      'shellscript',
      '#!/bin/bash\npcs constraint location web_vip prefers node1=100\npcs constraint location no_such_rsc prefers node1=100\n',
    );
    const diags = await client.waitForDiagnostics(uri, (d) => errors(d).length > 0);
    const lines = errors(diags).map((d) => d.range.start.line);
    assert.deepEqual(lines, [2], `errors: ${JSON.stringify(errors(diags))}`);
  });

  it('goes to the definition of a resource id in another file and renames it everywhere', async () => {
    const uri = `file://${workspace}/constraints.sh`;
    const defs = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri },
      position: { line: 1, character: 27 },
    });
    assert.ok(
      defs.some((l) => l.uri.endsWith('/resources.sh') && l.range.start.line === 1),
      JSON.stringify(defs),
    );
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri },
      position: { line: 1, character: 27 },
      newName: 'vip',
    });
    const files = Object.keys(edit.changes ?? {})
      .map((u) => path.basename(u))
      .sort();
    assert.deepEqual(files, ['constraints.sh', 'resources.sh']);
  });

  it('offers a quick fix carried by the diagnostic', async () => {
    const uri = `file://${workspace}/typo.corosync.conf`;
    await client.open(uri, 'corosync', 'totem {\n    version: 2\n    cluster_nme: lab\n}\n');
    const diags = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'corosync/unknown-key'));
    const unknown = diags.find((x) => x.code === 'corosync/unknown-key')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: unknown.range,
      context: { diagnostics: [unknown] },
    });
    const fix = actions.find((a) => /cluster_name/.test(a.title));
    assert.ok(fix, `actions: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(fix.edit?.changes?.[uri]?.[0]?.newText, 'cluster_name');
  });

  it('fetches live agent metadata from this machine, caches it on disk, and hovers then name that source', async (t) => {
    const skip = ensureTool('crm_resource', ['pacemaker-cli-utils', 'resource-agents']);
    if (skip) return t.skip(skip);
    const cacheDir = path.join(workspace, '.agent-cache');
    const uri = `file://${workspace}/resources.sh`;
    const before = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 1, character: 35 },
    });
    assert.match(JSON.stringify(before?.contents), /agent catalog/);
    const result = await client.request<{ fetched: string[]; failed: unknown[] }>('pacemakerLab/fetchAgentMetadata', {
      node: 'localhost',
      cacheDir,
    });
    assert.deepEqual(result.fetched, ['ocf:heartbeat:IPaddr2'], JSON.stringify(result));
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 35 } });
    assert.match(JSON.stringify(hover?.contents), /live metadata/);
    const cached = fs.readdirSync(path.join(cacheDir, 'localhost'), { recursive: true }).map(String);
    assert.ok(
      cached.some((f) => f.endsWith('ocf_heartbeat_IPaddr2.xml')),
      cached.join(', '),
    );
  });

  it('shuts down cleanly', async () => {
    const code = await client.shutdown();
    assert.equal(code, 0);
  });
});

describe('code lenses after the workspace scan', () => {
  it('asks an editor that can refresh lenses to do so once the unopened lab files are read', async () => {
    // Lenses asked for before the scan saw part of the lab; without the refresh the editor kept them
    // until the next edit (a run-on-node lens did not show in a busy end-to-end run).
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmk-lsp-lens-'));
    const client = new TestLspClient();
    try {
      fs.writeFileSync(path.join(workspace, 'nodes.sh'), '#!/bin/bash\npcs cluster setup lab alpha beta --start\n');
      let refreshes = 0;
      const refreshed = new Promise<void>((resolve) =>
        client.connection.onRequest('workspace/codeLens/refresh', () => {
          refreshes++;
          resolve();
          return null;
        }),
      );
      await client.initialize(workspace, { codeLens: { refreshSupport: true } });
      await Promise.race([
        refreshed,
        new Promise((_, reject) => setTimeout(() => reject(new Error('no workspace/codeLens/refresh within 20 s')), 20_000)),
      ]);
      assert.equal(refreshes, 1);
      const uri = `file://${workspace}/nodes.sh`;
      await client.open(uri, 'shellscript', fs.readFileSync(path.join(workspace, 'nodes.sh'), 'utf8'));
      const lenses = await client.request<{ command?: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
      assert.ok(
        lenses.some((l) => /quorum 1 of 2 expected/.test(l.command?.title ?? '')),
        JSON.stringify(lenses.map((l) => l.command?.title)),
      );
    } finally {
      await client.shutdown().catch(() => undefined);
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });
});
