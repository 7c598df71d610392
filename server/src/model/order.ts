// Which lab files run before which. Files have no order unless the lab says so: a numeric prefix or
// a step/day/part number in the file name (`01-setup.sh`, `step2.md`, `day3-fencing.sh`; else in the
// name of the folder holding it), or the `pacemakerLab.order` setting (a list of paths or globs, in
// running order). Without a known order a file may read what other files define, but an error that
// depends on which file runs first is never claimed (model/build.ts, pcs/apply.ts).

/** A number saying where a file runs in the lab; undefined when nothing says so. */
export type Rank = number | undefined;

const PREFIX = /^(\d{1,4})(?=[-_. ]|[A-Za-z])/;
const WORDED = /(?:^|[-_. ])(?:step|day|part|chapter|ch|lab|module|session|lesson|phase|stage|tp)[-_ ]?(\d{1,4})(?![0-9])/i;

function pathOf(uri: string): string {
  return decodeURIComponent(uri.replace(/^file:\/\//, ''));
}

function numberIn(name: string): number | undefined {
  const m = PREFIX.exec(name) ?? WORDED.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** The rank a file name (or its folder's name) gives. */
export function rankFromName(uri: string): Rank {
  const parts = pathOf(uri).split('/').filter(Boolean);
  const file = parts[parts.length - 1] ?? '';
  const own = numberIn(file);
  if (own !== undefined) {
    // `day2/03-fence.sh`: the folder's number first
    const folder = parts.length > 1 ? numberIn(parts[parts.length - 2]) : undefined;
    return folder !== undefined ? folder * 10_000 + own : own;
  }
  const folder = parts.length > 1 ? numberIn(parts[parts.length - 2]) : undefined;
  return folder !== undefined ? folder * 10_000 : undefined;
}

/** A glob (`*`, `**`, `?`) as a regular expression over a path. */
function globRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        out += '.*';
        i++;
        if (glob[i + 1] === '/') i++;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`(^|/)${out}$`);
}

/** Ranks from the lab's own list: the index of the first entry a file matches. */
export class LabOrder {
  private readonly patterns: RegExp[];
  constructor(readonly entries: readonly string[] = []) {
    this.patterns = entries.filter((e) => typeof e === 'string' && e.trim()).map((e) => globRegExp(e.trim().replace(/^\.\//, '')));
  }

  rank(uri: string): Rank {
    if (this.patterns.length) {
      const path = pathOf(uri);
      const i = this.patterns.findIndex((p) => p.test(path));
      return i >= 0 ? i : undefined;
    }
    return rankFromName(uri);
  }
}

/** Whether a file of rank `from` certainly runs before one of rank `to`. */
export function runsBefore(from: Rank, to: Rank): boolean {
  return from !== undefined && to !== undefined && from < to;
}

/** Whether the order of the two files is unknown (either has no rank, or they share one). */
export function unordered(a: Rank, b: Rank): boolean {
  return a === undefined || b === undefined || a === b;
}
