// The server as Neovim, Helix and Emacs (eglot) drive it: stdio, their own language ids (`sh`, `bash`,
// `conf`), no initializationOptions, no answer to workspace/configuration, and no VS Code-only
// request. What the README's editor sections configure must work as they are.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Hover } from 'vscode-languageserver-types';
import { TestLspClient } from './client';

const CONF = [
  'totem {',
  '    version: 2',
  '    cluster_name: lab',
  '    transport: knet',
  '}',
  'nodelist {',
  '    node {',
  '        ring0_addr: 10.1.0.1',
  '        name: n1',
  '        nodeid: 1',
  '    }',
  '    node {',
  '        ring0_addr: 10.1.0.2',
  '        name: n2',
  '        nodeid: 2',
  '    }',
  '}',
  'quorum {',
  '    provider: corosync_votequorum',
  '    two_nod: 1',
  '}',
  '',
].join('\n');
const SCRIPT = '#!/bin/bash\niscsadm -m discovery -t st -p 10.1.0.9\npcs property set stonith-enabled=false\n';

// Requests a plain LSP client understands; anything else would be a VS Code-only dependency.
const STANDARD_SERVER_REQUESTS = new Set([
  'workspace/configuration',
  'client/registerCapability',
  'window/workDoneProgress/create',
  'window/showMessageRequest',
  'workspace/codeLens/refresh',
  'workspace/inlayHint/refresh',
  'workspace/diagnostic/refresh',
  'workspace/semanticTokens/refresh',
]);

const editors = [
  { name: 'Neovim (nvim-lspconfig)', shell: 'sh', conf: 'corosync', folders: true },
  { name: 'Helix (languages.toml)', shell: 'bash', conf: 'corosync', folders: true },
  { name: 'Emacs (eglot)', shell: 'sh', conf: 'conf', folders: false },
];

for (const editor of editors) {
  describe(`pcmk-lsp --stdio as ${editor.name} uses it`, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmk-editor-'));
    const client = new TestLspClient();
    const serverRequests: string[] = [];
    after(async () => {
      await client.shutdown().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('initializes without editor-specific options and analyses files by their language id or name', async () => {
      // Record every request the server makes of the client; answer none with data.
      for (const method of ['workspace/configuration', 'client/registerCapability', 'window/workDoneProgress/create']) {
        client.connection.onRequest(method, () => {
          serverRequests.push(method);
          return null;
        });
      }
      client.connection.onRequest((method: string) => {
        serverRequests.push(method);
        return null;
      });
      const rootUri = pathToFileURL(dir).toString();
      await client.request('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: editor.folders ? [{ uri: rootUri, name: 'lab' }] : null,
        capabilities: { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: {} } },
      });
      await client.connection.sendNotification('initialized', {});
      const confUri = pathToFileURL(path.join(dir, 'corosync.conf')).toString();
      const scriptUri = pathToFileURL(path.join(dir, 'setup.sh')).toString();
      await client.open(confUri, editor.conf, CONF);
      await client.open(scriptUri, editor.shell, SCRIPT);
      const conf = await client.waitForDiagnostics(confUri, (d) => d.length > 0);
      assert.ok(
        conf.some((d: Diagnostic) => /two_nod/.test(d.message) && d.range.start.line === 19),
        JSON.stringify(conf),
      );
      const script = await client.waitForDiagnostics(scriptUri, (d) => d.some((x) => x.code === 'shell/misspelled-command'));
      assert.equal(script.find((d) => d.code === 'shell/misspelled-command')!.range.start.line, 1);
      const hover = await client.request<Hover | null>('textDocument/hover', {
        textDocument: { uri: confUri },
        position: { line: 3, character: 6 },
      });
      assert.match(JSON.stringify(hover?.contents ?? ''), /knet/);
    });

    it('takes rule levels from workspace/didChangeConfiguration as { pacemakerLab: { rules } }', async () => {
      const scriptUri = pathToFileURL(path.join(dir, 'setup.sh')).toString();
      await client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { pacemakerLab: { rules: { 'pcs/stonith-disabled': 'off', 'shell/misspelled-command': 'hint' } } },
      });
      const script = await client.waitForDiagnostics(scriptUri, (d) => !d.some((x) => x.code === 'pcs/stonith-disabled'));
      assert.equal(script.find((d) => d.code === 'shell/misspelled-command')?.severity, 4);
    });

    it('asked nothing of the client but standard LSP requests', () => {
      assert.deepEqual(
        serverRequests.filter((m) => !STANDARD_SERVER_REQUESTS.has(m)),
        [],
      );
    });
  });
}
