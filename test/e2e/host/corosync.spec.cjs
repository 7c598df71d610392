// Extension-host tests on the corosync-syntax fixture (opened as the workspace folder).
const assert = require('node:assert/strict');
const vscode = require('vscode');

async function until(check, what, timeout = 30_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('corosync.conf through the vscode API', () => {
  let doc;
  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the fixture workspace must be open');
    doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'corosync.conf'));
    await vscode.window.showTextDocument(doc);
  });

  it('is recognised as corosync and gets the syntax error on line 24', async () => {
    assert.equal(doc.languageId, 'corosync');
    const diag = await until(
      () =>
        vscode.languages.getDiagnostics(doc.uri).find((d) => d.severity === vscode.DiagnosticSeverity.Error && d.range.start.line === 23),
      'an error diagnostic on line 24',
    );
    const code = typeof diag.code === 'object' ? diag.code.value : diag.code;
    assert.match(String(code), /^corosync\//);
  });

  it('answers a hover on a key', async () => {
    const line = doc
      .getText()
      .split(/\r?\n/)
      .findIndex((l) => /^\s*token:/.test(l));
    const pos = new vscode.Position(line, doc.lineAt(line).firstNonWhitespaceCharacterIndex + 1);
    const hovers = await until(async () => {
      const h = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, pos);
      return h && h.length ? h : undefined;
    }, 'a hover on token');
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /token/i);
  });
});
