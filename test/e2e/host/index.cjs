// Mocha entry for tests that run INSIDE the extension host with the real `vscode` API
// (no clicking). Used by electron/run.mjs (desktop VS Code) and by the smoke-driver runner.
// VS Code loads this file through `extensionTestsPath` and awaits `run()`.
const fs = require('node:fs');
const path = require('node:path');

exports.run = async function run() {
  const Mocha = require(path.resolve(__dirname, '..', '..', '..', 'node_modules', 'mocha'));
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  for (const file of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.spec.cjs'))
    .sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  await new Promise((resolve, reject) =>
    mocha.run((failures) => (failures ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve())),
  );
};
