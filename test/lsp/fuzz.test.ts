// The fixed-seed fuzz slice through processes (issue 11): each input checked by `pcmk-lsp check
// --format json` and by the bundled server over stdio; both survive and report the same diagnostics.
// (The service slice with many more inputs is test/unit/fuzz/slice.test.ts.)
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestLspClient } from './client';
import { loadCorpus, makeInput, type FuzzInput, type Violation } from '../support/fuzz';
import { cliAndServer } from '../support/fuzzProcesses';
import { assertStillServes } from './serving';

const SEED = 20261203;
const INPUTS = 16;

describe('fuzz slice: the CLI and the server over stdio', () => {
  let client: TestLspClient;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmk-fuzz-'));
    client = new TestLspClient();
    await client.initialize();
  });
  after(async () => {
    await client.shutdown().catch(() => client.process.kill('SIGKILL'));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`agree on ${INPUTS} inputs (seed ${SEED}) and neither fails`, async (t) => {
    const corpus = loadCorpus();
    const broken: { input: FuzzInput; violation: Violation }[] = [];
    let slowest = 0;
    // Every 7th input of the service slice's sequence: a spread of seeds and mutations.
    for (let n = 0; n < INPUTS; n++) {
      const input = makeInput(SEED, n * 7, corpus);
      const { violations, cliMs } = await cliAndServer(client, input, dir);
      slowest = Math.max(slowest, cliMs);
      for (const violation of violations) broken.push({ input, violation });
    }
    t.diagnostic(`slowest CLI run: ${slowest.toFixed(0)} ms wall (process start included)`);
    assert.equal(
      broken.length,
      0,
      broken
        .slice(0, 5)
        .map(
          ({ input, violation }) =>
            `#${input.index} ${input.kind} (${input.origin.slice(0, 100)}): ${violation.property} ${violation.feature}: ${violation.detail}`,
        )
        .join('\n'),
    );
    await assertStillServes(client, 'after the fuzz inputs');
  });
});
