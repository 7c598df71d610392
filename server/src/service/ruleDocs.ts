// Where each diagnostic code is documented (docs/rules/<family>.md) and how to read its row back
// out of that page, for `pcmk-lsp explain CODE` and the `codeDescription` link of every diagnostic.
// Pure: callers read the files.

/** The rules page (file name under docs/rules/) that documents `code`. */
export function ruleDocFile(code: string): string | undefined {
  if (code.startsWith('pcs/agent-')) return 'agents.md';
  const family = /^([a-z]+)\//.exec(code)?.[1];
  switch (family) {
    case 'corosync':
    case 'quorum':
    case 'pcs':
    case 'shell':
    case 'targetcli':
      return `${family}.md`;
    case 'suppression':
      return 'README.md';
    default:
      return undefined;
  }
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
    if (cells[0]?.replace(/`/g, '') === code) {
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

/** Every code documented in a rules page (first cell of each table row). */
export function documentedCodes(markdown: string): string[] {
  const out: string[] = [];
  for (const line of markdown.split(/\r?\n/)) {
    const match = /^\|\s*`([a-z]+\/[a-z0-9-]+)`/.exec(line);
    if (match) out.push(match[1]!);
  }
  return out;
}
