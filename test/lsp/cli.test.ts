// The command-line contract: `pcmk-lsp check --format json` prints an array of
// { file, range, severity, code, message } (0-based positions) and exits 1 when an error is found.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './client';

const cli = path.join(repoRoot, 'bin', 'pcmk-lsp.js');
const run = (args: string[], cwd = repoRoot) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });

describe('pcmk-lsp check', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmk-cli-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports a syntax error in JSON with the contract fields and exits 1', () => {
    fs.writeFileSync(
      path.join(dir, 'corosync.conf'),
      'totem {\n    version: 2\n    cluster_name: lab\n\nquorum {\n    provider: corosync_votequorum\n}\n',
    );
    const r = run(['check', '--format', 'json', dir]);
    assert.equal(r.status, 1, r.stderr);
    const findings = JSON.parse(r.stdout);
    assert.ok(Array.isArray(findings));
    const syntax = findings.find((f: { code: string }) => f.code === 'corosync/syntax');
    assert.ok(syntax, r.stdout);
    assert.deepEqual(Object.keys(syntax).sort(), ['code', 'file', 'message', 'range', 'severity']);
    assert.equal(syntax.severity, 'error');
    assert.equal(typeof syntax.range.start.line, 'number');
    assert.equal(typeof syntax.range.end.character, 'number');
    assert.match(syntax.file, /corosync\.conf$/);
  });

  it('exits 0 when only warnings are found and prints file:line:col in text', () => {
    const ok = path.join(dir, 'ok');
    fs.mkdirSync(ok);
    fs.writeFileSync(path.join(ok, 'setup.sh'), '#!/bin/bash\npcs property set stonith-enabled=false\n');
    const r = run(['check', ok]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /setup\.sh:2:\d+: warning \[pcs\/[\w-]+\]/);
  });

  it('refuses bad usage with exit 2 and a clear message', () => {
    const r = run(['check', '--format', 'yaml', dir]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--format must be text, json, sarif or gcc/);
    const missing = run(['check', path.join(dir, 'nope')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no such file or folder/);
  });

  it('writes SARIF 2.1.0 for code-scanning tools', () => {
    const r = run(['check', '--format', 'sarif', dir]);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'corosync/syntax'));
  });
});
