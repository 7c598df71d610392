/**
 * tree-sitter grammar for corosync.conf, following corosync 3.x's own line parser
 * (exec/coroparse.c, parse_section):
 *
 *   - blank lines and lines whose first non-blank character is '#' are ignored
 *     (a '#' later in a line is NOT a comment: it belongs to the key or value);
 *   - a line containing '{' anywhere opens a section named by the text before it;
 *   - otherwise a line containing ':' is `key: value`, split at the first ':';
 *   - otherwise a line that is exactly '}' (blanks aside) closes the current section;
 *   - anything else is an error.
 *
 * That classification needs to see the whole line before the first token, so an external scanner
 * (src/scanner.c) emits a zero-width marker at the start of each non-blank, non-comment line saying
 * which kind of line follows. The regular tokens after a marker are then unambiguous. Lines corosync
 * rejects still become nodes (bad_line, stray_brace, extra_text) so a half-typed file keeps a usable
 * tree; the language server turns them into diagnostics.
 *
 * CommonJS on purpose: the pinned tree-sitter CLI (0.22.6) loads grammar.js with require().
 */
const BLANK = '[ \\t\\r\\n]';

/** Text that starts and ends with a non-blank character and stays on one line. */
function lineText(excluded) {
  const first = `[^ \\t\\r\\n${excluded}]`;
  return new RegExp(`${first}([^\\n${excluded}]*${first})?`);
}

module.exports = grammar({
  name: 'corosync',

  externals: ($) => [$._section_line, $._pair_line, $._bad_line, $._newline, $._error_sentinel],

  // Newlines are significant and produced by the scanner; only blanks inside a line are extras.
  extras: () => [/[ \t\r\f\v]/],

  rules: {
    source_file: ($) => repeat(choice($._item, seq($.stray_brace, $._newline))),

    // One line and its newline. A section spans lines and ends with its '}'; the newline after that
    // brace is read as the next (blank) item, so an unclosed section can end at end of file.
    _item: ($) => choice(seq($._line, $._newline), $.section, $._newline),

    _line: ($) => choice($.pair, $.comment, $.bad_line),

    // `name {` ... `}`. The name keeps what corosync would see before its own trimming of a
    // trailing ':' (`totem: {` opens "totem"); parse.ts applies that rule. The closing brace is
    // optional only so a half-typed file keeps its structure: a '}' always closes the innermost open
    // section (prec.right), so a section ends without one only at end of file.
    section: ($) =>
      prec.right(
        seq(
          $._section_line,
          optional(field('name', $.section_name)),
          field('open', '{'),
          optional(field('extra', $.extra_text)),
          $._newline,
          repeat($._item),
          optional(field('close', '}')),
        ),
      ),

    section_name: () => lineText('{'),

    // Text after '{' on the same line: corosync rejects it ("Extra characters after opening bracket").
    extra_text: () => lineText(''),

    pair: ($) => seq($._pair_line, optional(field('key', $.key)), ':', optional(field('value', $.value))),

    key: () => lineText(':'),

    value: () => lineText(''),

    comment: () => /#[^\r\n]*/,

    // A line that is neither a section opening, a key/value nor a lone '}'.
    bad_line: ($) => seq($._bad_line, field('text', $.line_text)),

    line_text: () => lineText(''),

    // A '}' with no section open ("Unexpected closing brace").
    stray_brace: () => '}',
  },
});
