// `pcmk-lsp check` rule control and output forms: --rule, --fix, --format gcc, and `explain`.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './client';

const cli = path.join(repoRoot, 'bin', 'pcmk-lsp.js');
const run = (args: string[], cwd = repoRoot) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });

interface Finding {
  file: string;
  range: { start: { line: number } };
  severity: string;
  code: string;
}

describe('pcmk-lsp check: rule control', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmk-rules-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const script = path.join(dir, 'setup.sh');
  const lines = [
    '#!/bin/bash',
    'iscsadm -m discovery -t st -p 192.168.10.5',
    '# pcmk-lsp disable-next-line=shell/destructive-command',
    'mkfs.xfs /dev/sdb1',
    '# pcmk-lsp disable-next-line=pcs/stonith-disabld',
    'pcs property set stonith-enabled=false',
  ];
  const findings = (args: string[]): Finding[] => {
    const r = run(['check', '--format', 'json', ...args, script]);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    return JSON.parse(r.stdout) as Finding[];
  };

  it('honours suppression comments and --rule CODE=LEVEL', () => {
    fs.writeFileSync(script, lines.join('\n') + '\n');
    const plain = findings([]).map((f) => `${f.range.start.line}:${f.code}:${f.severity}`);
    assert.deepEqual(plain, ['1:shell/misspelled-command:error', '4:suppression/unused:hint', '5:pcs/stonith-disabled:warning']);
    const tuned = findings(['--rule', 'pcs/stonith-disabled=off', '--rule=shell/misspelled-command=warning']).map(
      (f) => `${f.range.start.line}:${f.code}:${f.severity}`,
    );
    assert.deepEqual(tuned, ['1:shell/misspelled-command:warning', '4:suppression/unused:hint']);
    const bad = run(['check', '--rule', 'pcs/stonith-disabled=loud', script]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /rule pcs\/stonith-disabled: level must be one of off, error, warning, information, hint/);
  });

  it('--fix applies the safe fixes only; a re-check shows those gone and nothing else changed', () => {
    fs.writeFileSync(script, lines.join('\n') + '\n');
    const r = run(['check', '--fix', '--format', 'json', script]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const expected = [...lines];
    expected[1] = 'iscsiadm -m discovery -t st -p 192.168.10.5';
    expected.splice(4, 1); // the unused suppression comment
    assert.equal(fs.readFileSync(script, 'utf8'), expected.join('\n') + '\n');
    assert.deepEqual(
      findings([]).map((f) => `${f.range.start.line}:${f.code}`),
      ['4:pcs/stonith-disabled'],
    );
  });

  it('--format gcc prints file:line:col: severity: message [code]', () => {
    fs.writeFileSync(script, lines.join('\n') + '\n');
    const r = run(['check', '--format', 'gcc', script], dir);
    assert.equal(r.status, 1);
    const out = r.stdout.trimEnd().split('\n');
    assert.equal(out.length, 3);
    assert.match(out[0]!, /^setup\.sh:2:1: error: 'iscsadm' is not a command .* \[shell\/misspelled-command\]$/);
    assert.match(out[2]!, /^setup\.sh:6:\d+: warning: STONITH is disabled.* \[pcs\/stonith-disabled\]$/);
  });
});

describe('pcmk-lsp explain', () => {
  it('prints the rule row of the reference', () => {
    const r = run(['explain', 'shell/misspelled-command']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^shell\/misspelled-command \(/);
    assert.match(r.stdout, /Severity: error/);
    assert.match(r.stdout, /Reference: .*docs\/rules\/shell\.md/);
  });

  it('suggests the closest code for a typo and exits 2', () => {
    const r = run(['explain', 'shell/misspeled-command']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no rule 'shell\/misspeled-command'\. Did you mean 'shell\/misspelled-command'\?/);
  });
});

describe('examples/broken', () => {
  it('shows every diagnostic family, each file its own family', () => {
    const r = run(['check', '--format', 'json', 'examples/broken']);
    assert.equal(r.status, 1, r.stderr);
    const findings = JSON.parse(r.stdout) as Finding[];
    const family = (code: string) => (code.startsWith('pcs/agent-') ? 'agents' : code.split('/')[0]!);
    const byFile = new Map<string, Set<string>>();
    for (const f of findings) {
      const file = path.relative('examples/broken', f.file);
      if (!byFile.has(file)) byFile.set(file, new Set());
      byFile.get(file)!.add(family(f.code));
    }
    const expected: Record<string, string> = {
      'corosync/corosync.conf': 'corosync',
      'quorum/corosync.conf': 'quorum',
      'pcs.sh': 'pcs',
      'agents.sh': 'agents',
      'targetcli.sh': 'targetcli',
      'shell.sh': 'shell',
      'suppression.md': 'suppression',
    };
    for (const [file, fam] of Object.entries(expected)) {
      assert.ok(byFile.get(file)?.has(fam), `${file} shows no ${fam}/… diagnostic: ${JSON.stringify([...(byFile.get(file) ?? [])])}`);
    }
  });
});
