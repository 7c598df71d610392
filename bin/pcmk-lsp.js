#!/usr/bin/env node
// The command-line entry: runs the bundled analysis (dist/server.js), built by `npm run build`.
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'server.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('pcmk-lsp: dist/server.js is missing; run "npm run build" in ' + path.dirname(__dirname) + '\n');
  process.exit(2);
}
require(bundle);
