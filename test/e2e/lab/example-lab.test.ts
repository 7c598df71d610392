// The workspace `npm start` opens: each file's deliberate slip must show up where a newcomer looks.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe } from 'node:test';
import { REPO_ROOT, uiTest, useSession } from '../harness';

describe('examples/lab in a real VS Code', () => {
  const shared = useSession({ name: 'example-lab', workspace: join(REPO_ROOT, 'examples', 'lab') });

  uiTest(shared, 'the misspelled totem key is flagged with a suggestion', async (vs) => {
    await vs.openFile('corosync.conf');
    await vs.waitForLanguageMode('Corosync config');
    const { line } = vs.positionOf('corosync.conf', /^\s*tokn:/);
    const problem = await vs.waitForProblem((p) => p.file === 'corosync.conf' && p.line === line);
    assert.equal(problem.severity, 'warning', 'corosync accepts unknown keys, so this is a warning');
    assert.match(problem.code ?? '', /^corosync\//);
    assert.match(problem.message, /\btoken\b/, 'the message should suggest the right key');
    // The one line corosync refuses is the only error, squiggled where it is.
    const bad = vs.positionOf('corosync.conf', /^\s*timestamp on/);
    const syntax = await vs.waitForProblem((p) => p.file === 'corosync.conf' && p.line === bad.line);
    assert.equal(syntax.severity, 'error');
    assert.equal(syntax.code, 'corosync/syntax');
    assert.ok(!(await vs.squiggleLines('error')).includes(line), 'the unknown key (accepted by corosync) has no error squiggle');
  });

  uiTest(shared, 'the script and the memo show their slips too', async (vs) => {
    // The exportfs step lacks fsid (pcs refuses it); the memo names a node the cluster does not have.
    const exportfs = vs.positionOf('lab.sh', 'ocf:heartbeat:exportfs');
    const script = await vs.waitForProblem((p) => p.file === 'lab.sh' && p.line === exportfs.line);
    assert.equal(script.severity, 'error');
    assert.match(script.message, /fsid/);
    const node4 = vs.positionOf('memo.md', 'node4');
    const memo = await vs.waitForProblem((p) => p.file === 'memo.md' && p.line === node4.line);
    assert.match(memo.message, /node4/);
  });
});
