// The workspace `npm start` opens: its deliberate slips must show up where a newcomer looks.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe } from 'node:test';
import { REPO_ROOT, uiTest, useSession } from '../harness';

describe('examples/lab in a real VS Code', () => {
  const shared = useSession({ name: 'example-lab', workspace: join(REPO_ROOT, 'examples', 'lab') });

  uiTest(shared, 'the misspelled totem key is flagged with a suggestion', async (vs) => {
    await vs.openFile('corosync.conf');
    await vs.waitForLanguageMode('Corosync config');
    const { line } = vs.positionOf('corosync.conf', /^\s*tokn:/m);
    const problem = await vs.waitForProblem((p) => p.line === line && p.severity === 'warning');
    assert.match(problem.code ?? '', /^corosync\//);
    assert.match(problem.message, /\btoken\b/, 'the message should suggest the right key');
    assert.deepEqual(await vs.squiggleLines('error'), [], 'corosync accepts this file: no error squiggles');
  });
});
