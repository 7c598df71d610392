// LSP (and every editor) takes a lone CR for a line break; tree-sitter counts rows at LF only. Text
// given to a parser goes through lspLineBreaks first: every lone CR becomes a LF, which keeps the
// length and every offset, so tree rows are LSP lines again.
export function lspLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}
