// Issue 11, finding 6: one hostile file (nested 2,000 deep) used to abort `pcmk-lsp check` with
// "Maximum call stack size exceeded", no file name and no output for the other files.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './client';
import { hostileShapes } from '../support/hostileShapes';

const cli = path.join(repoRoot, 'bin', 'pcmk-lsp.js');
const run = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

interface Finding {
  file: string;
  code: string;
  severity: string;
  range: { start: { line: number } };
  message: string;
}

describe('pcmk-lsp check over hostile files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmk-hostile-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a run over three files where one is hostile still reports the other two', () => {
    fs.writeFileSync(path.join(dir, 'a-login.sh'), '#!/bin/bash\niscsadm -m discovery -t st -p 10.0.0.1\n');
    fs.writeFileSync(path.join(dir, 'b-deep.sh'), '#!/bin/bash\necho ' + '$('.repeat(2000) + 'x' + ')'.repeat(2000) + '\n');
    fs.writeFileSync(path.join(dir, 'corosync.conf'), 'totem {\n'.repeat(2000) + '}\n'.repeat(2000));
    const r = run(['check', '--format', 'json', '.'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /Maximum call stack/);
    const findings = JSON.parse(r.stdout) as Finding[];
    const byFile = (f: string) => findings.filter((x) => x.file === f).map((x) => `${x.range.start.line}:${x.severity}:${x.code}`);
    assert.ok(byFile('a-login.sh').includes('1:error:shell/misspelled-command'), r.stdout);
    assert.ok(byFile('b-deep.sh').includes('1:warning:shell/nesting-too-deep'), r.stdout);
    assert.ok(byFile('corosync.conf').includes('42:error:corosync/syntax'), r.stdout);
    const text = run(['check', '.'], dir);
    assert.match(text.stdout, /^a-login\.sh:2:1: error \[shell\/misspelled-command\]/m);
    assert.match(text.stdout, /^corosync\.conf:43:1: error \[corosync\/syntax\] Start of section makes total cmap path too long/m);
  });

  it('a file over the size cap and a broken symlink: each named with the reason (the cap in MB), the others still checked', () => {
    const capDir = path.join(dir, 'cap');
    fs.mkdirSync(capDir);
    fs.writeFileSync(path.join(capDir, 'dump.sh'), '#!/bin/bash\n' + '# log line\n'.repeat(500_000));
    fs.symlinkSync(path.join(capDir, 'gone.sh'), path.join(capDir, 'broken.sh'));
    fs.writeFileSync(path.join(capDir, 'login.sh'), '#!/bin/bash\niscsadm -m node --login\n');
    const r = run(['check', 'dump.sh', 'broken.sh', 'login.sh'], capDir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /dump\.sh: not analysed: 5\.2 MB is over the 4\.0 MB size limit for lab files/);
    assert.match(r.stderr, /broken\.sh: not analysed: a broken symbolic link/);
    assert.doesNotMatch(r.stderr, /not a corosync\.conf, shell script or Markdown file/);
    assert.match(r.stdout, /^login\.sh:2:1: error \[shell\/misspelled-command\]/m);
    const folder = run(['check', '.'], capDir);
    assert.match(folder.stderr, /dump\.sh: not analysed: 5\.2 MB is over the 4\.0 MB size limit/);
    assert.match(folder.stdout, /^login\.sh:2:1: error/m);
  });

  it('every generated shape, through the command line: an answer with the file name, never a stack overflow', () => {
    const shapes = path.join(dir, 'shapes');
    fs.mkdirSync(shapes);
    // lists of 2,000 lines; the other shapes as in the issue (2,000 levels, 2 MB lines)
    const short = hostileShapes(200);
    hostileShapes().forEach((s, i) => {
      const shape = /long-(and|or)-list|long-pipeline/.test(s.name) ? short[i]! : s;
      fs.writeFileSync(path.join(shapes, shape.file), shape.text);
    });
    const r = run(['check', '--format', 'json', '.'], shapes);
    assert.doesNotMatch(r.stderr, /Maximum call stack|not analysed/, r.stderr);
    const findings = JSON.parse(r.stdout) as Finding[];
    assert.equal(findings.filter((f) => f.code === 'file/not-analysed').length, 0);
    const files = new Set(findings.map((f) => f.file));
    for (const name of [
      'corosync-deep-totem.corosync.conf',
      'shell-deep-substitution.sh',
      'shell-long-line.sh',
      'markdown-long-fence-line.md',
    ]) {
      assert.ok(files.has(name), `${name} missing from ${[...files].join(', ')}`);
    }
  });
});
