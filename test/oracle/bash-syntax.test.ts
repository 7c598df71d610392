// Issue 11, finding 9: `bash -n` is the oracle for shell/syntax. Over a table of snippets (scripts we
// wrote), we give a shell/syntax error exactly when bash refuses the script, and where we quote bash
// we quote what it prints.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LanguageService } from '../../server/src/service/languageService';

const SNIPPETS: string[] = [
  // refused
  "echo 'unterminated",
  'echo "unterminated',
  'echo $(date',
  'echo `date',
  'echo "$(echo \'x',
  'x=${HOME',
  'echo $((1 + 2',
  "echo $'tab",
  'fi',
  'done',
  'esac',
  'pcs status\nfi\npcs status',
  'if true; then\n  pcs status',
  'for n in node1 node2; do\n  ssh $n pcs status',
  'while true; do\n  sleep 1',
  'case $1 in\n  start) pcs cluster start ;;',
  "pcs resource create vip ocf:heartbeat:IPaddr2 ip='10.0.0.9 cidr_netmask=24",
  'echo "multi\nline\nstill open',
  // accepted
  'pcs status',
  'echo "it\'s fine"',
  "echo it\\'s fine",
  "# don't worry about this quote",
  "echo $'it\\'s' done",
  'echo fi done esac',
  'case $1 in\n  done) echo finished ;;\n  fi) echo other ;;\nesac',
  'if true; then\n  pcs status\nfi',
  'for n in node1 node2; do ssh $n "pcs status"; done',
  'f() { echo hi; }\nf',
  "cat <<EOF > /etc/motd\nit's a lab\nEOF",
  "cat <<'EOF'\n$(not run) and a ' quote\nEOF",
  'echo "a\nb"',
  'x=$(echo "$(hostname)")',
  "echo ${HOME:-'/root'}",
  'echo $(( (1 + 2) * 3 ))',
  "ssh node1 'pcs status; crm_mon -1'",
  'pcs constraint order start vip then web &&\n  pcs status',
];

describe('shell/syntax against bash -n', () => {
  let dir = '';
  let service: LanguageService;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bash-n-'));
    service = new LanguageService();
    await service.init();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('errors exactly on the snippets bash refuses, quoting its message', () => {
    const disagreements: string[] = [];
    let refused = 0;
    SNIPPETS.forEach((snippet, i) => {
      const text = `#!/bin/bash\n${snippet}\n`;
      const file = path.join(dir, `s${i}.sh`);
      fs.writeFileSync(file, text);
      const bash = spawnSync('bash', ['-n', file], { encoding: 'utf8' });
      assert.equal(bash.error, undefined, 'bash must run');
      const bashRefuses = bash.status !== 0;
      if (bashRefuses) refused++;
      const uri = `file://${file}`;
      service.setDocument(uri, 'shell', text, 0, true);
      const ours = service.diagnostics(uri).filter((d) => d.code === 'shell/syntax');
      if (ours.some((d) => d.severity !== 1)) disagreements.push(`${JSON.stringify(snippet)}: shell/syntax not an error`);
      if (bashRefuses !== ours.length > 0) {
        disagreements.push(
          `${JSON.stringify(snippet)}: bash ${bashRefuses ? 'refuses' : 'accepts'} (${bash.stderr.trim()}), we say ${ours.map((d) => d.message).join(' | ') || 'nothing'}`,
        );
      }
      for (const d of ours) {
        // the part in bash's words must be in what bash printed
        const quoted =
          /(unexpected EOF while looking for matching `.'|syntax error near unexpected token `\w+'|syntax error: unexpected end of file)/.exec(
            d.message,
          )?.[1];
        if (!quoted || !bash.stderr.includes(quoted))
          disagreements.push(`${JSON.stringify(snippet)}: we quote "${quoted}", bash printed: ${bash.stderr.trim()}`);
      }
      service.removeDocument(uri);
    });
    assert.deepEqual(disagreements, []);
    assert.ok(refused >= 15, `the table should hold refused snippets (${refused})`);
  });
});
