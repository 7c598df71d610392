const vscode = require('vscode');
const assert = require('node:assert/strict');
exports.run = async () => {
  const folder = vscode.workspace.workspaceFolders[0];
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'a.demo'));
  await vscode.window.showTextDocument(doc);
  console.log('language', doc.languageId);
  for (let i = 0; i < 50 && !vscode.languages.getDiagnostics(doc.uri).length; i++) await new Promise((r) => setTimeout(r, 200));
  const d = vscode.languages.getDiagnostics(doc.uri);
  console.log('diags', JSON.stringify(d.map((x) => x.message)));
  assert.equal(d.length, Number(process.env.EXPECT ?? 1));
};
