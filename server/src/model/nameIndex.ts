// "Did you mean" over the ids of the fold, indexed once: every name a unit writes is added to an
// index kept by the incremental model across builds (it only grows; names that are not live at the
// asking line are skipped). Two parts: each name under itself and its one-character deletions, so the
// names one edit away from a word (a typo: the usual case) are found by a few map look-ups; and names
// bucketed by length for the rest, where a search compares at most MAX_EXAMINED live names, only at
// lengths within the accepted distance, nearest first. A search stops at distance 1 (the word itself
// is unknown, so nothing is nearer). An unknown reference costs bounded work, not a pass over every id.
import { distance } from 'fastest-levenshtein';
import { MAX_EXAMINED, defaultLimit } from '../base/didYouMean';

/** Counters for tests of the bound (comparisons made, names looked at, searches). */
export const nameIndexStats = { compared: 0, visited: 0, searches: 0 };

/** The most names the length scan (names more than one edit away) compares with one word: the fold
 * may ask once per unknown reference, so this is tighter than base/didYouMean's MAX_EXAMINED. */
export const MAX_SCANNED = 500;
/** The most names one search looks at, live or not. */
const MAX_VISITED = 4 * MAX_EXAMINED;

export class NameIndex {
  private readonly byLength = new Map<number, string[]>();
  /** name → order of addition (ties go to the earlier name). */
  private readonly known = new Map<string, number>();
  /** a name, or a name less one character → the names it comes from */
  private readonly deletions = new Map<string, string[]>();
  private lengths: number[] = [];
  /** Names added since the last search: indexed on the next one, so a workspace that never asks
   * (no unknown reference) keeps one set entry per id, not the deletion variants. */
  private readonly pending = new Set<string>();

  add(name: string): void {
    if (!this.known.has(name)) this.pending.add(name);
  }

  private index(name: string): void {
    if (this.known.has(name)) return;
    this.known.set(name, this.known.size);
    for (const variant of variants(name)) {
      const list = this.deletions.get(variant);
      if (list) list.push(name);
      else this.deletions.set(variant, [name]);
    }
    let bucket = this.byLength.get(name.length);
    if (!bucket) {
      this.byLength.set(name.length, (bucket = []));
      this.lengths = [...this.byLength.keys()].sort((a, b) => a - b);
    }
    bucket.push(name);
  }

  get size(): number {
    return this.known.size + this.pending.size;
  }

  /** The nearest name for which `live` holds, when it is close enough to be a typo of `word`. */
  suggest(word: string, live: (name: string) => boolean): string | undefined {
    nameIndexStats.searches++;
    for (const name of this.pending) this.index(name);
    this.pending.clear();
    const reach = defaultLimit(word);
    const lengths = this.lengths
      .filter((l) => Math.abs(l - word.length) <= reach)
      .sort((a, b) => Math.abs(a - word.length) - Math.abs(b - word.length) || a - b);
    let best: string | undefined;
    let bestDistance = Infinity;
    let compared = 0;
    let visited = 0;
    // names sharing the word or one of its one-character deletions: every name one edit away
    for (const variant of variants(word)) {
      for (const name of this.deletions.get(variant) ?? []) {
        if (compared >= MAX_EXAMINED || name === word || !live(name)) continue;
        compared++;
        const d = distance(word, name);
        if (d < bestDistance || (d === bestDistance && this.known.get(name)! < this.known.get(best!)!)) {
          best = name;
          bestDistance = d;
        }
      }
    }
    const scanLimit = compared + MAX_SCANNED;
    search: for (const length of lengths) {
      if (bestDistance <= 1) break;
      // a name of this length is at least `gap` edits away: it cannot beat the best
      if (Math.abs(length - word.length) >= bestDistance) break;
      for (const name of this.byLength.get(length)!) {
        if (compared >= scanLimit || compared >= MAX_EXAMINED || visited >= MAX_VISITED) break search;
        visited++;
        if (name === word || !live(name)) continue;
        compared++;
        const d = distance(word, name);
        if (d < bestDistance || (d === bestDistance && this.known.get(name)! < this.known.get(best!)!)) {
          best = name;
          bestDistance = d;
          if (d <= 1) break search;
        }
      }
    }
    nameIndexStats.compared += compared;
    nameIndexStats.visited += visited;
    return best !== undefined && bestDistance <= defaultLimit(word) ? best : undefined;
  }
}

/** The word and every string made by deleting one of its characters. */
function variants(word: string): Set<string> {
  const out = new Set<string>([word]);
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return out;
}
