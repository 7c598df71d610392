// `npm test`: installs what the tests need, builds, and runs every test layer in one node:test run:
//   unit (language service) · lsp (the bundled server over stdio) · oracle (corosync, pcs, vqsim)
//   · integration (ssh into namespace nodes) · e2e (real VS Code: code-server + chromium).
// Layers can be chosen: `npm test -- unit lsp`. Under CI=true nothing may be skipped.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDeps } from './ensure-deps.mjs';
import { ensureSystemPackages } from './ensure-system.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ALL_LAYERS = ['unit', 'lsp', 'oracle', 'integration', 'e2e'];
const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const layers = requested.length ? requested : ALL_LAYERS;

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`test: "${cmd} ${args.join(' ')}" failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

ensureDeps(root);
ensureSystemPackages(layers);
run('node', ['scripts/build.mjs']);
run('npx', ['tsc', '-p', 'server', '--noEmit']);
run('npx', ['tsc', '-p', 'client', '--noEmit']);
run('npx', ['tsc', '-p', 'shared', '--noEmit']);
run('npx', ['tsc', '-p', 'test', '--noEmit']);
// Guards: lint (eslint.config.mjs), formatting (.prettierrc.json), unused files/exports/dependencies (knip.json).
run('npx', ['eslint', 'server/src', 'client/src', 'shared/src', 'test', 'scripts', 'bin']);
run('npx', ['prettier', '--check', '--log-level', 'warn', '.']);
run('npx', ['knip', '--no-progress']);
if (layers.includes('e2e')) {
  run('npm', ['run', '--silent', 'package']);
  // code-server + Node 24 (about 2 minutes the first time); exit 3 = cannot install here.
  const tools = spawnSync('node', ['scripts/e2e/ensure-tools.mjs'], { cwd: root, stdio: 'inherit' });
  if (tools.status !== 0 && (process.env.CI === 'true' || tools.status !== 3)) {
    console.error(`test: end-to-end tools could not be installed (exit ${tools.status})`);
    process.exit(1);
  }
}

function testFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'fixtures' && entry.name !== 'node_modules') out.push(...testFiles(p));
    else if (entry.isFile() && entry.name.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}

const files = layers.flatMap((layer) => testFiles(path.join(root, 'test', layer)));
if (!files.length) {
  console.error(`test: no test files found for layers ${layers.join(', ')}`);
  process.exit(1);
}
console.log(`test: ${files.length} test files in layers ${layers.join(', ')}`);
// All end-to-end screenshots of this run go to one folder, printed here.
if (!process.env.PCMK_E2E_ARTIFACTS) {
  process.env.PCMK_E2E_ARTIFACTS = path.join(root, '.test-artifacts', 'e2e', new Date().toISOString().replace(/[:.]/g, '-'));
}
if (layers.includes('e2e')) console.log(`test: end-to-end screenshots go to ${process.env.PCMK_E2E_ARTIFACTS}`);
run('node', ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files.map((f) => path.relative(root, f))]);
