// A trainee whose VS Code runs in Korean reads our diagnostics in Korean in the Problems panel: the
// display language (code-server --locale ko) reaches the extension as vscode.env.language, the client
// passes it to the server in initialize, and the server answers from l10n/bundle.l10n.ko.json. The rule
// code and the corosync key names stay as they are.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';
import { fixture, requireE2ETools, uiTest, useSession } from '../harness';
// @ts-expect-error plain .mjs helper shared with scripts/start.mjs (no type declarations)
import { codeServerEnv, installExtension } from '../../../scripts/e2e/code-server.mjs';

describe('Korean display language in a real VS Code (code-server --locale ko)', () => {
  const shared = useSession({
    name: 'l10n-ko',
    workspace: fixture('l10n-ko'),
    // code-server resolves --locale only to an installed language pack: install our minimal Korean one
    // (no download), then start code-server under a prefix that appends --locale ko to its command line.
    prepare: async ({ base }) => {
      const { tools, skip } = await requireE2ETools();
      if (!tools) throw new Error(skip);
      await installExtension({
        tools,
        env: codeServerEnv(base, tools),
        userDataDir: join(base, 'user'),
        extensionsDir: join(base, 'ext'),
        extension: fixture('language-pack-ko'),
      });
      // The install from the command line does not register the pack (the running server would, on
      // install): write the registry code-server reads at start-up, as that registration would.
      mkdirSync(join(base, 'user'), { recursive: true });
      const translations = join(base, 'ext', 'pacemaker-lab-test.test-language-pack-ko-0.0.1', 'translations', 'main.i18n.json');
      const registry = {
        ko: {
          hash: 'pcmk-test-ko-1',
          extensions: [{ extensionIdentifier: { id: 'pacemaker-lab-test.test-language-pack-ko' }, version: '0.0.1' }],
          translations: { vscode: translations },
          label: '한국어',
        },
      };
      writeFileSync(join(base, 'user', 'languagepacks.json'), JSON.stringify(registry));
      const wrapper = join(base, 'with-locale-ko.sh');
      writeFileSync(wrapper, '#!/bin/sh\nexec "$@" --locale ko\n', { mode: 0o755 });
      return [wrapper];
    },
  });

  uiTest(shared, 'the Problems panel shows the Korean message, with the code and key names unchanged', async (vs) => {
    await vs.openFile('corosync.conf');
    const problem = await vs.waitForProblem((p) => p.line === 6 && /corosync\/unknown-key/.test(p.code ?? p.label ?? ''), 60_000);
    assert.equal(
      problem.message,
      '`totem` 안의 알 수 없는 키 `tokn`: corosync는 받아들이지만 아무것도 읽지 않으므로 이 설정은 효과가 없습니다. `token`을(를) 의도하셨나요?',
    );
    assert.equal(problem.severity, 'warning');
    // The quorum lens above the nodelist speaks Korean too; corosync's option names stay English.
    // The lens sits above the nodelist: bring that line into view (the Problems panel takes the lower half),
    // and give a loaded machine time for the lens request that follows the diagnostics.
    await vs.goTo(vs.positionOf('corosync.conf', /^nodelist/).line, 1);
    const lens = await vs.waitForCodeLens('쿼럼 1 / expected 2', 60_000);
    assert.equal(lens, '쿼럼 1 / expected 2 · 설정된 투표 2표 · 견딤: 임의의 노드 1개 장애 · 멈춤: 모든 노드가 멈출 때만');
    await vs.screenshot('korean-message-in-problems');
  });
});
