// Bundles the extension into one client file and one server file (esbuild) and copies the wasm files
// the server loads at run time next to it. `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const dist = path.join(root, 'dist');
fs.mkdirSync(dist, { recursive: true });

const wasmFiles = [
  ['node_modules/web-tree-sitter/tree-sitter.wasm', 'tree-sitter.wasm'],
  ['node_modules/tree-sitter-bash/tree-sitter-bash.wasm', 'tree-sitter-bash.wasm'],
  ['grammars/tree-sitter-corosync/tree-sitter-corosync.wasm', 'tree-sitter-corosync.wasm'],
  // The agent catalog is data, loaded at run time (not inlined) so the bundle stays small.
  ['server/src/agents/generated/catalog.json', 'agent-catalog.json'],
  ['server/src/agents/generated/provenance.json', 'agent-catalog.provenance.json'],
];
for (const [from, to] of wasmFiles) {
  const src = path.join(root, from);
  if (!fs.existsSync(src)) {
    console.error(`build: ${from} is missing (the corosync grammar wasm is built by grammars/tree-sitter-corosync/build-wasm.sh)`);
    process.exit(1);
  }
  fs.copyFileSync(src, path.join(dist, to));
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // The language service must never pull in the editor API.
  external: ['vscode'],
  // Some dependencies ship ESM that reads import.meta.url; in a CommonJS bundle it is this file's URL.
  banner: { js: "const __bundleUrl = require('url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__bundleUrl' },
};

const contexts = await Promise.all([
  esbuild.context({ ...common, entryPoints: [path.join(root, 'client/src/extension.ts')], outfile: path.join(dist, 'client.js') }),
  esbuild.context({ ...common, entryPoints: [path.join(root, 'server/src/main.ts')], outfile: path.join(dist, 'server.js') }),
]);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('build: watching for changes');
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  console.log(`build: dist/client.js, dist/server.js and ${wasmFiles.length} wasm/data files written${production ? ' (production)' : ''}`);
}
