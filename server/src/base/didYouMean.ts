// "Did you mean …?": the one nearest-name search every rule uses (pcs ids and subcommands, corosync
// keys and sections, agent names and parameters, targetcli objects, node names). Bottom module: no
// imports from the rest of the server.
//
// Work per call is bounded: candidates are bucketed by length once per candidate list (an index kept
// per array object, so a list built once per model build or per table is indexed once), only lengths
// that can still be within the accepted distance are looked at, and at most MAX_EXAMINED candidates
// are compared. Result: the candidate at the smallest edit distance, the earliest in the list on a
// tie (what a linear scan with a strict `<` gives), when that distance is accepted.
import { distance } from 'fastest-levenshtein';

/** The most candidates one call compares with the word. */
export const MAX_EXAMINED = 4000;

export interface DidYouMeanOptions {
  /** Compare lower-cased (the candidate is returned as written). */
  ignoreCase?: boolean;
  /** A candidate equal to the word but for case wins outright (corosync keys). */
  caseInsensitiveExact?: boolean;
  /** The largest distance accepted for the word and the best candidate. Default: max(2, ⌊|word|/3⌋). */
  limit?: (word: string, best: string) => number;
  /** An upper bound of `limit` over all candidates (lengths further away are not looked at). */
  maxLimit?: number;
}

interface Index {
  /** length → [position in the list, candidate, compared form] */
  byLength: Map<number, [number, string, string][]>;
  lengths: number[];
  lower: boolean;
}

const INDEXES = new WeakMap<readonly string[], { plain?: Index; lower?: Index; uses: number }>();

function indexOf(candidates: readonly string[], lower: boolean): Index {
  let entry = INDEXES.get(candidates);
  if (!entry) INDEXES.set(candidates, (entry = { uses: 0 }));
  const cached = lower ? entry.lower : entry.plain;
  if (cached) return cached;
  const byLength = new Map<number, [number, string, string][]>();
  candidates.forEach((c, i) => {
    const form = lower ? c.toLowerCase() : c;
    let bucket = byLength.get(form.length);
    if (!bucket) byLength.set(form.length, (bucket = []));
    bucket.push([i, c, form]);
  });
  const index: Index = { byLength, lengths: [...byLength.keys()].sort((a, b) => a - b), lower };
  if (lower) entry.lower = index;
  else entry.plain = index;
  return index;
}

export const defaultLimit = (word: string) => Math.max(2, Math.floor(word.length / 3));

/** Statistics of the last call (for tests of the bound). */
export const lastSearch = { examined: 0 };

/** The nearest candidate when it is close enough to be a typo of `word`, else undefined. */
export function didYouMean(word: string, candidates: readonly string[], options: DidYouMeanOptions = {}): string | undefined {
  lastSearch.examined = 0;
  if (!candidates.length) return undefined;
  const lower = options.ignoreCase === true;
  const form = lower ? word.toLowerCase() : word;
  if (options.caseInsensitiveExact) {
    const w = word.toLowerCase();
    const exact = candidates.find((c) => c.toLowerCase() === w);
    if (exact !== undefined) return exact;
  }
  const limit = options.limit ?? defaultLimit;
  const reach = options.maxLimit ?? limit(word, word);
  let best: [number, string, number] | undefined; // position, candidate, distance
  // A list seen for the first time (often built for this one call) is scanned once, without an index:
  // indexing it would cost more than the scan. A list used again is indexed.
  const seen = INDEXES.get(candidates);
  if (!seen || (seen.uses++ < 1 && !(lower ? seen.lower : seen.plain))) {
    if (!seen) INDEXES.set(candidates, { uses: 1 });
    for (let position = 0; position < candidates.length && lastSearch.examined < MAX_EXAMINED; position++) {
      const candidate = candidates[position]!;
      if (Math.abs(candidate.length - form.length) > Math.min(reach, best ? best[2] : reach)) continue;
      lastSearch.examined++;
      const d = distance(form, lower ? candidate.toLowerCase() : candidate);
      if (!best || d < best[2]) best = [position, candidate, d];
    }
    if (!best) return undefined;
    return best[2] <= limit(word, best[1]) ? best[1] : undefined;
  }
  const index = indexOf(candidates, lower);
  // lengths nearest to the word first, so a close candidate bounds the rest of the search
  const lengths = index.lengths
    .filter((l) => Math.abs(l - form.length) <= reach)
    .sort((a, b) => Math.abs(a - form.length) - Math.abs(b - form.length) || a - b);
  for (const length of lengths) {
    const gap = Math.abs(length - form.length);
    if (best && gap > best[2]) break;
    for (const [position, candidate, compared] of index.byLength.get(length)!) {
      if (lastSearch.examined >= MAX_EXAMINED) break;
      lastSearch.examined++;
      const d = distance(form, compared);
      if (!best || d < best[2] || (d === best[2] && position < best[0])) best = [position, candidate, d];
    }
  }
  if (!best) return undefined;
  return best[2] <= limit(word, best[1]) ? best[1] : undefined;
}
