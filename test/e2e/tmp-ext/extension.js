const vscode = require('vscode');
exports.activate = (ctx) => {
  const coll = vscode.languages.createDiagnosticCollection('tmpdemo');
  const check = (doc) => {
    if (doc.languageId !== 'tmpdemo') return;
    const out = [];
    doc.getText().split('\n').forEach((l, i) => {
      const c = l.indexOf('BAD');
      if (c >= 0) { const d = new vscode.Diagnostic(new vscode.Range(i, c, i, c + 3), 'BAD is not allowed here', 0); d.code = 'tmp/bad'; out.push(d); }
    });
    coll.set(doc.uri, out);
  };
  vscode.workspace.textDocuments.forEach(check);
  ctx.subscriptions.push(vscode.workspace.onDidOpenTextDocument(check), vscode.workspace.onDidChangeTextDocument((e) => check(e.document)));
  ctx.subscriptions.push(vscode.languages.registerHoverProvider('tmpdemo', { provideHover: (doc, pos) => {
    const r = doc.getWordRangeAtPosition(pos); if (!r) return; return new vscode.Hover(`tmp hover for **${doc.getText(r)}**`); } }));
  ctx.subscriptions.push(vscode.commands.registerCommand('tmp.openPanel', () => {
    const panel = vscode.window.createWebviewPanel('tmpPanel', 'Tmp Panel', vscode.ViewColumn.Beside, {});
    panel.webview.html = '<html><body><h1 id="t">Hello panel</h1></body></html>';
  }));
  ctx.subscriptions.push(vscode.languages.registerCodeLensProvider('tmpdemo', { provideCodeLenses: () =>
    [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: 'Open tmp panel', command: 'tmp.openPanel' })] }));
  const item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
  item.text = 'tmp status 3 nodes'; item.show(); ctx.subscriptions.push(item);
};
