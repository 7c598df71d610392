// Speed of extraction on a generated 10,000-line lab script: printed, not asserted (timing
// assertions are flaky on shared machines). What is asserted is that the incremental path (segment
// cache) gives exactly what a cold extraction of the edited text gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initParsers } from '../../../server/src/parsing/treeSitter';
import { extractScript, resetExtractionCache } from '../../../server/src/shell/extract';
import { generateLabScript as generate } from './fixtures/generate';

function time<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

test('10,000-line script: fresh and incremental extraction (times printed)', async () => {
  await initParsers();
  const text = generate(10_000);
  resetExtractionCache();
  const fresh = time(() => extractScript(text, 'shell').extract);
  assert.ok(fresh.value.invocations.length > 9_000, `only ${fresh.value.invocations.length} invocations`);

  // Edits in the middle: each changes one argument on a different line, as typing does.
  const samples: number[] = [];
  let edited = text;
  let incremental = fresh.value;
  for (let k = 0; k < 7; k++) {
    const at = edited.indexOf('prefers node2=100', (edited.length >> 1) + k * 5000);
    edited = edited.slice(0, at) + `prefers node3=${k}00` + edited.slice(at + 'prefers node2=100'.length);
    const r = time(() => extractScript(edited, 'shell').extract);
    samples.push(r.ms);
    incremental = r.value;
  }
  // A line inserted near the top shifts every later position.
  const inserted = 'pcs property set stonith-enabled=false\n' + edited;
  const shifted = time(() => extractScript(inserted, 'shell').extract);

  samples.sort((a, b) => a - b);
  console.log(
    `# shell extraction, ${text.split('\n').length} lines, ${fresh.value.invocations.length} invocations: ` +
      `fresh ${fresh.ms.toFixed(1)} ms, one-line edit median ${samples[samples.length >> 1].toFixed(1)} ms ` +
      `(min ${samples[0].toFixed(1)}), line inserted at top ${shifted.ms.toFixed(1)} ms`,
  );

  resetExtractionCache();
  const cold = extractScript(edited, 'shell').extract;
  assert.deepEqual(incremental, cold, 'incremental extraction equals a cold one');
  const coldShifted = extractScript(inserted, 'shell').extract;
  assert.deepEqual(shifted.value, coldShifted);
  assert.equal(shifted.value.invocations[0].command, 'pcs');
  assert.equal(shifted.value.invocations[1].range.start.line, fresh.value.invocations[0].range.start.line + 1);
});
