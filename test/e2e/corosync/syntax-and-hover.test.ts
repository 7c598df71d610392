// What a person sees in a real VS Code when opening a corosync.conf with a syntax error.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { fixture, uiTest, useSession } from '../harness';

describe('corosync.conf in a real VS Code (code-server)', () => {
  const shared = useSession({ name: 'corosync-syntax', workspace: fixture('corosync-syntax') });

  uiTest(shared, 'syntax error is listed in Problems and squiggled', async (vs) => {
    await vs.openFile('corosync.conf');
    await vs.waitForLanguageMode('Corosync config');
    // Line 24 is "provider corosync_votequorum" (no colon); `corosync -t` rejects it at that line.
    const problem = await vs.waitForProblem((p) => p.severity === 'error' && p.line === 24);
    assert.match(problem.code ?? '', /^corosync\//, `diagnostic code should be corosync/…: ${problem.label}`);
    assert.ok(problem.message.length > 10, `message should explain the problem: ${problem.message}`);
    assert.deepEqual(await vs.squiggleLines('error'), [24]);
  });

  uiTest(shared, 'hovering a key shows the server description', async (vs) => {
    await vs.openFile('corosync.conf');
    const text = await vs.hoverAt('corosync.conf', 'token', 0, /token/i);
    assert.ok(text.replace(/\s+/g, ' ').length > 30, `hover should describe the key, got: ${JSON.stringify(text)}`);
  });
});
