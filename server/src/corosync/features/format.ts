// Formatter: re-indents every line by its depth (tabs or spaces as the editor says), writes
// `key: value` and `name {` in one spelling, and trims trailing blanks. Lines are classified the way
// corosync reads them (a `{` anywhere opens a section, else a `:` makes a key, else a `}` closes), so
// formatting never changes what corosync reads. Lines corosync rejects are only re-indented.
import type { TextEdit } from 'vscode-languageserver-types';
import type { CsFile } from '../ast';

export function format(text: string, file: CsFile, opts: { tabSize: number; insertSpaces: boolean }): TextEdit[] {
  void file;
  const unit = opts.insertSpaces ? ' '.repeat(Math.max(1, opts.tabSize)) : '\t';
  const lines = text.split('\n');
  const edits: TextEdit[] = [];
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const cr = raw.endsWith('\r') ? '\r' : '';
    const line = cr ? raw.slice(0, -1) : raw;
    const body = line.trim();
    let formatted: string;
    if (body === '') formatted = '';
    else if (body.startsWith('#')) formatted = unit.repeat(depth) + body;
    else if (body.includes('{')) {
      formatted = unit.repeat(depth) + sectionLine(body);
      depth++;
    } else if (body.includes(':')) formatted = unit.repeat(depth) + keyLine(body);
    else if (body.includes('}')) {
      if (depth > 0) depth--;
      formatted = unit.repeat(depth) + body;
    } else formatted = unit.repeat(depth) + body;
    if (formatted !== line) {
      edits.push({ range: { start: { line: i, character: 0 }, end: { line: i, character: line.length } }, newText: formatted });
    }
  }
  return edits;
}

/** `name{` / `name   {` -> `name {`, only when the line is exactly a section opener. */
function sectionLine(body: string): string {
  const m = /^([^{:\s]+)\s*\{$/.exec(body);
  return m ? `${m[1]} {` : body;
}

/** `key:value` / `key  :  value` -> `key: value` (corosync trims both sides, so meaning is kept). */
function keyLine(body: string): string {
  const colon = body.indexOf(':');
  const k = body.slice(0, colon).trim();
  const v = body.slice(colon + 1).trim();
  if (!k || /\s/.test(k) || body.includes('}')) return body;
  return v ? `${k}: ${v}` : `${k}:`;
}
