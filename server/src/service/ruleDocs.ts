// Where each diagnostic code is documented (docs/rules/<family>.md) and how to read its row back
// out of that page, for `pcmk-lsp explain CODE` and the `codeDescription` link of every diagnostic.
// Pure: callers read the files.

/** Code → page file name, from the rules pages (`{ file, markdown }`, file names under docs/rules/). */
export function indexRuleDocs(pages: { file: string; markdown: string }[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const page of pages) for (const code of documentedCodes(page.markdown)) if (!index.has(code)) index.set(code, page.file);
  return index;
}

export interface RuleDoc {
  code: string;
  /** Column header → cell, from the page's rules table. */
  fields: Record<string, string>;
  /** The page's title line. */
  page: string;
}

/** The table row of `code` in a rules page, with its column names; undefined when it has none. */
export function findRuleDoc(markdown: string, code: string): RuleDoc | undefined {
  const lines = markdown.split(/\r?\n/);
  const page = (lines.find((l) => l.startsWith('# ')) ?? '').replace(/^#\s*/, '');
  let header: string[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.startsWith('|')) {
      header = undefined;
      continue;
    }
    const cells = splitRow(line);
    if (!header) {
      header = cells;
      continue;
    }
    if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
    if (codesInCell(cells[0] ?? '').includes(code)) {
      const fields: Record<string, string> = {};
      header.forEach((name, index) => {
        if (index > 0 && cells[index]) fields[name] = cells[index]!;
      });
      return { code, fields, page };
    }
  }
  return undefined;
}

/** Splits a Markdown table row on unescaped pipes outside code spans. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let inCode = false;
  for (let i = 1; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\' && line[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (ch === '`') {
      inCode = !inCode;
      cell += ch;
    } else if (ch === '|' && !inCode) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  if (cell.trim()) cells.push(cell.trim());
  return cells;
}

/** The codes a first cell names: `a/b`, or several (`a/b` / `a/c`). */
function codesInCell(cell: string): string[] {
  return [...cell.matchAll(/`([a-z]+\/[a-z0-9-]+)`/g)].map((m) => m[1]!);
}

/** Every code documented in a rules page (the first cell of each table row). */
export function documentedCodes(markdown: string): string[] {
  const out: string[] = [];
  for (const line of markdown.split(/\r?\n/)) {
    if (line.startsWith('|')) out.push(...codesInCell(splitRow(line)[0] ?? ''));
  }
  return out;
}
