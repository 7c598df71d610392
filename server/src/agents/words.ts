// Helpers over command words: splitting `name=value`, mapping between a word's text and its source
// range, durations as Pacemaker reads them.
import type { Position, Range, Word } from '../base/types';

/** Where `text[0]` sits in the source, when the word maps character for character (maybe inside quotes). */
function textStart(word: Word): Position | undefined {
  const { start, end } = word.range;
  if (start.line !== end.line || word.dynamic) return undefined;
  const raw = end.character - start.character;
  if (raw === word.text.length) return start;
  // A word wrapped in one pair of quotes: "fsid=0" or 'fsid=0'.
  if (raw === word.text.length + 2) return { line: start.line, character: start.character + 1 };
  return undefined;
}

/** Range of characters [from, to) of the word's text, or the whole word when they cannot be mapped. */
export function subRange(word: Word, from: number, to: number): Range {
  const start = textStart(word);
  if (!start) return word.range;
  return { start: { line: start.line, character: start.character + from }, end: { line: start.line, character: start.character + to } };
}

export interface Pair {
  word: Word;
  name: string;
  value: string;
  /** False for a word without `=` (pcs refuses it too, but that is the pcs layer's message). */
  hasValue: boolean;
  nameRange: Range;
}

export function splitPair(word: Word): Pair {
  const eq = word.text.indexOf('=');
  const name = eq < 0 ? word.text : word.text.slice(0, eq);
  return { word, name, value: eq < 0 ? '' : word.text.slice(eq + 1), hasValue: eq >= 0, nameRange: subRange(word, 0, name.length) };
}

const UNIT_MS: Record<string, number> = {
  '': 1000,
  s: 1000,
  sec: 1000,
  secs: 1000,
  second: 1000,
  seconds: 1000,
  ms: 1,
  msec: 1,
  msecs: 1,
  us: 0.001,
  usec: 0.001,
  usecs: 0.001,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
};

/** Milliseconds of a Pacemaker duration (`20s`, `2min`, `90`, `PT1M30S`), or undefined when unreadable. */
export function durationMs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = text.trim().toLowerCase();
  const simple = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/.exec(value);
  if (simple) {
    const factor = UNIT_MS[simple[2]];
    return factor === undefined ? undefined : Number(simple[1]) * factor;
  }
  const iso = /^pt(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(value);
  if (iso && value !== 'pt') return (Number(iso[1] ?? 0) * 3600 + Number(iso[2] ?? 0) * 60 + Number(iso[3] ?? 0)) * 1000;
  return undefined;
}
