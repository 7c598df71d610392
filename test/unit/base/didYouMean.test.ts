// Issue 11, finding 8: one "did you mean" for every rule (it was three: pcs/grammar closest,
// agents suggest, corosync keys suggest), indexed once per candidate list, with bounded work per call.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { distance } from 'fastest-levenshtein';
import { didYouMean, lastSearch, MAX_EXAMINED } from '../../../server/src/base/didYouMean';
import { closest } from '../../../server/src/pcs/grammar';
import { suggest as corosyncSuggest } from '../../../server/src/corosync/rules/keys';

/** The linear scan the three old implementations did (first candidate wins a tie). */
function reference(word: string, candidates: string[], limit: (w: string, best: string) => number): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best !== undefined && bestD <= limit(word, best) ? best : undefined;
}

function rng(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

describe('didYouMean', () => {
  const random = rng(42);
  const word = (n: number) => Array.from({ length: n }, () => 'abcdefgh_-'[Math.floor(random() * 10)]).join('');
  const lists = Array.from({ length: 40 }, () =>
    Array.from({ length: 1 + Math.floor(random() * 300) }, () => word(2 + Math.floor(random() * 12))),
  );

  it('gives what a full linear scan gives (same winner on ties), on generated lists', () => {
    for (const list of lists) {
      for (let k = 0; k < 25; k++) {
        const w = random() < 0.5 ? list[Math.floor(random() * list.length)]!.slice(0, -1) + 'x' : word(2 + Math.floor(random() * 12));
        const limit = (x: string) => Math.max(2, Math.floor(x.length / 3));
        assert.equal(didYouMean(w, list), reference(w, list, limit), `${w} in ${list.length}`);
        assert.equal(closest(w, list), reference(w, list, limit));
      }
    }
  });

  it('corosync keys: an exact match but for case wins, then at most 3 edits (a third of the name)', () => {
    const keys = ['token', 'token_retransmit', 'consensus', 'join', 'cluster_name', 'crypto_cipher', 'crypto_hash'];
    assert.equal(corosyncSuggest('TOKEN', keys), 'token');
    assert.equal(corosyncSuggest('concensus', keys), 'consensus');
    assert.equal(corosyncSuggest('crypto_ciphr', keys), 'crypto_cipher');
    assert.equal(corosyncSuggest('completely_else', keys), undefined);
  });

  it('bounded work: 200,000 candidates of the same length, at most MAX_EXAMINED compared per call', () => {
    const ids = Array.from({ length: 200_000 }, (_, i) => `res${String(i).padStart(6, '0')}`);
    didYouMean('resXXXXXX', ids);
    assert.ok(lastSearch.examined <= MAX_EXAMINED, String(lastSearch.examined));
    // lengths that cannot be within the accepted distance are never compared
    didYouMean('r', ids);
    assert.equal(lastSearch.examined, 0);
    assert.equal(didYouMean('res000017', ids), 'res000017');
  });
});
