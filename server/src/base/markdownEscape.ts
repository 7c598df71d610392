// Text from a lab file (a node name, a resource id, an address, an agent, a command line) quoted in a
// Markdown hover or in a CodeLens title must stay text: no image (a request to a remote host when the
// hover shows), no link (`command:` or otherwise), no HTML, no codicon, no terminal escape. Hovers are
// MarkupContent that clients render as Markdown; VS Code renders `$(name)` in lens titles as an icon.
// Pure.

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?/g;

/** Removes escape sequences and control characters (newlines become spaces unless kept). */
export function plainText(text: string, keepNewlines = false): string {
  const out = text.replace(ANSI, '').replace(CONTROL, '');
  return keepNewlines ? out.replace(/\r/g, '') : out.replace(/[\r\n\t]+/g, ' ');
}

/**
 * Text shown as itself in Markdown: the characters that open a Markdown construct (emphasis, code,
 * link and image brackets, HTML, tables, entities, headings, line-start lists) are backslash-escaped,
 * and autolinks (`scheme://`, `www.`) and codicons (`$(name)`) are broken up. Ordinary names
 * (`sv1.home.dom`, `node-2`) stay as they are written.
 */
export function escapeMarkdown(text: string): string {
  return plainText(text)
    .replace(/[\\`*_[\]<>!|~&#]/g, (c) => `\\${c}`)
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, -1)}\\.`)
    .replace(/\$\(/g, '\\$(')
    .replace(/^(\s*)([-+=]|\d+[.)])(?=\s|$)/, '$1\\$2');
}

/** Text in an inline code span: the fence is longer than any run of backticks inside. */
export function inlineCode(text: string): string {
  const clean = plainText(text);
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') || clean.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** Lines in a fenced code block whose fence no line of `text` can close. */
export function codeBlock(text: string, language = ''): string[] {
  const clean = plainText(text, true);
  const longest = Math.max(2, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}${language}`, clean, fence];
}

/** A CodeLens title (plain text, but `$(name)` would render as an icon): codicons escaped, controls removed. */
export function escapeLensTitle(title: string): string {
  return plainText(title).replace(/(?<!\\)\$\(/g, '\\$(');
}

/**
 * Last line of defence for a whole hover: whatever file text reached it unescaped renders no image and
 * no `command:` (or other non-web) link. Features escape what they quote; this catches a forgotten one.
 * Lines inside fenced code blocks are left as they are (nothing renders there).
 */
export function neutralizeMarkdown(markdown: string): string {
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const opener = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (opener) {
        if (!fence) fence = opener[1]![0]!.repeat(opener[1]!.length);
        else if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = undefined;
        return line;
      }
      if (fence) return line;
      return line
        .replace(/!\[/g, '!\\[')
        .replace(/\]\(\s*<?\s*(command|vscode|file|javascript|data|vbscript):/gi, (_all, scheme: string) => `]\\(${scheme}:`);
    })
    .join('\n');
}
