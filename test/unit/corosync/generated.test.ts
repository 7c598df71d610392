// The committed grammar artefacts are what their sources produce: src/ regenerated with the pinned
// tree-sitter CLI is byte-identical, the corpus tests pass, and the wasm rebuilt with Debian's clang
// is byte-identical. A grammar.js edit without regenerating fails here.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureTool } from '../../support/tools';

const grammarDir = path.resolve(__dirname, '../../../grammars/tree-sitter-corosync');
const cli = path.join(grammarDir, 'scripts', 'tree-sitter.sh');

function sh(cmd: string, args: string[], cwd: string) {
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 240_000 });
}

describe('generated grammar artefacts are fresh', () => {
  it('tree-sitter-corosync.wasm rebuilds byte-identical from src/', (t) => {
    const skip = ensureTool('clang', ['clang', 'lld', 'wasi-libc']);
    if (skip) return t.skip(skip);
    const r = sh(path.join(grammarDir, 'build-wasm.sh'), ['--check'], grammarDir);
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  it('src/ regenerates byte-identical from grammar.js, and the corpus tests pass', (t) => {
    const fetch = sh(cli, ['--fetch-only'], grammarDir);
    if (fetch.status !== 0) {
      const reason = `cannot fetch the pinned tree-sitter CLI: ${fetch.stderr.trim().split('\n').pop()}`;
      if (process.env.CI === 'true') assert.fail(reason);
      return t.skip(reason);
    }
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-corosync-'));
    try {
      fs.copyFileSync(path.join(grammarDir, 'grammar.js'), path.join(tmp, 'grammar.js'));
      fs.copyFileSync(path.join(grammarDir, 'package.json'), path.join(tmp, 'package.json'));
      fs.mkdirSync(path.join(tmp, 'src'));
      fs.copyFileSync(path.join(grammarDir, 'src', 'scanner.c'), path.join(tmp, 'src', 'scanner.c'));
      const gen = sh(cli, ['generate', '--abi', '14', '--no-bindings'], tmp);
      assert.equal(gen.status, 0, gen.stderr);
      for (const file of ['parser.c', 'grammar.json', 'node-types.json']) {
        const fresh = fs.readFileSync(path.join(tmp, 'src', file));
        const committed = fs.readFileSync(path.join(grammarDir, 'src', file));
        assert.ok(fresh.equals(committed), `src/${file} is stale: run scripts/tree-sitter.sh generate --abi 14 --no-bindings`);
      }
      const corpus = sh(cli, ['test'], grammarDir);
      assert.equal(corpus.status, 0, corpus.stdout + corpus.stderr);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
