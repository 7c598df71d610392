// "Did you mean" for unknown resource ids (issue 11, finding 8): the fold keeps an index of resource
// ids (model/nameIndex.ts) instead of scanning every id per unknown reference. These tests check the
// suggestions a user reads, that they follow edits (here and in another file), and that the work is
// bounded: they count comparisons, never time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../../../server/src/service/languageService';
import { MAX_SCANNED, nameIndexStats } from '../../../server/src/model/nameIndex';
import { MAX_EXAMINED } from '../../../server/src/base/didYouMean';
import type { Diagnostic } from 'vscode-languageserver-types';

async function service(): Promise<LanguageService> {
  const s = new LanguageService();
  await s.init();
  return s;
}

const unknown = (list: Diagnostic[]) => list.filter((d) => d.code === 'pcs/unknown-resource');

test('2,000 unknown references among 2,000 ids: each gets its nearest id, with bounded comparisons', async () => {
  const s = await service();
  const lines = ['#!/bin/bash'];
  const N = 2000;
  for (let n = 0; n < N; n++) lines.push(`pcs resource create web${n} ocf:heartbeat:Dummy`);
  // each reference drops the 'e' of an existing id: one edit away from exactly one id
  for (let n = 0; n < N; n++) lines.push(`pcs constraint location wb${n} prefers node1=100`);
  const before = { ...nameIndexStats };
  s.setDocument('file:///lab/many.sh', 'shell', lines.join('\n') + '\n', 1);
  const found = unknown(s.diagnostics('file:///lab/many.sh'));
  assert.equal(found.length, N);
  for (const n of [0, 7, 42, 999, 1234, 1999]) {
    const d = found.find((x) => x.range.start.line === 1 + N + n)!;
    assert.ok(d, `a diagnostic on the reference to wb${n}`);
    assert.match(d.message, new RegExp(`'wb${n}'.*Did you mean 'web${n}'\\?`));
  }
  const searches = nameIndexStats.searches - before.searches;
  const compared = nameIndexStats.compared - before.compared;
  assert.ok(searches > 0 && searches <= N, `${searches} searches: at most one per unknown reference`);
  // a scan per reference compares every id with it (N × N = 4,000,000); the index compares at most
  // MAX_EXAMINED per search and stops at the first id one edit away
  assert.ok(compared <= searches * MAX_EXAMINED, `${compared} comparisons`);
  assert.ok(compared < (N * N) / 10, `${compared} comparisons for ${N} references among ${N} ids`);
});

test('a suggestion follows the ids: renamed above, created in another file, not yet created below', async () => {
  const s = await service();
  const uri = 'file:///lab/a.sh';
  const text = 'pcs resource create zeta9 ocf:heartbeat:Dummy\npcs constraint location alpah1 prefers node1=100\n';
  s.setDocument(uri, 'shell', text, 1);
  let [d] = unknown(s.diagnostics(uri));
  assert.doesNotMatch(d.message, /Did you mean/);
  // rename the resource above to a near id: the reference's message now suggests it
  s.changeDocument(uri, [{ range: { start: { line: 0, character: 20 }, end: { line: 0, character: 25 } }, text: 'alpha1' }], 2);
  [d] = unknown(s.diagnostics(uri));
  assert.match(d.message, /Did you mean 'alpha1'\?/);
  assert.match(JSON.stringify(d.data), /"newText":"alpha1"/, 'the quick fix writes the suggested id');
  // and back: the suggestion goes away
  s.changeDocument(uri, [{ range: { start: { line: 0, character: 20 }, end: { line: 0, character: 26 } }, text: 'zeta9' }], 3);
  [d] = unknown(s.diagnostics(uri));
  assert.doesNotMatch(d.message, /Did you mean/);
  // an id another file defines (order unknown: it exists) is not unknown; a near one is suggested
  s.setDocument('file:///lab/b.sh', 'shell', 'pcs resource create alpah2 ocf:heartbeat:Dummy\n', 1);
  [d] = unknown(s.diagnostics(uri));
  assert.match(d.message, /Did you mean 'alpah2'\?/);
  s.removeDocument('file:///lab/b.sh');
  [d] = unknown(s.diagnostics(uri));
  assert.doesNotMatch(d.message, /Did you mean/);
  // an id created only below the reference is not offered (pcs would still refuse the line)
  s.changeDocument(
    uri,
    [
      {
        range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
        text: 'pcs resource create alpha1 ocf:heartbeat:Dummy\n',
      },
    ],
    4,
  );
  [d] = unknown(s.diagnostics(uri));
  assert.doesNotMatch(d.message, /Did you mean/);
  // the same answers as a fresh analysis of the final text
  const fresh = await service();
  fresh.setDocument(uri, 'shell', s.getText(uri)!, 1);
  assert.deepEqual(
    unknown(fresh.diagnostics(uri)).map((x) => x.message),
    [d.message],
  );
});

test('references far from every id get no suggestion, and each costs at most a bounded scan', async () => {
  const s = await service();
  const lines = ['#!/bin/bash'];
  for (let n = 0; n < 1000; n++) lines.push(`pcs resource create web${n} ocf:heartbeat:Dummy`);
  for (let n = 0; n < 300; n++) lines.push(`pcs constraint location zzqq${n}xx prefers node1=100`);
  const before = { ...nameIndexStats };
  s.setDocument('file:///lab/far.sh', 'shell', lines.join('\n') + '\n', 1);
  const found = unknown(s.diagnostics('file:///lab/far.sh'));
  assert.equal(found.length, 300);
  assert.ok(found.every((d) => !/Did you mean/.test(d.message)));
  const searches = nameIndexStats.searches - before.searches;
  assert.equal(searches, 300);
  assert.ok(nameIndexStats.compared - before.compared <= searches * MAX_SCANNED, 'at most MAX_SCANNED comparisons per reference');
});
