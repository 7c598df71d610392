// External scanner for tree-sitter-corosync.
//
// corosync classifies a line by what it contains anywhere on it ('{' first, then ':', then a lone
// '}'), which a left-to-right regular lexer cannot decide at the first character. This scanner looks
// ahead to the end of the line and emits a zero-width marker naming the kind of line; the grammar's
// ordinary tokens then follow. It also produces the significant newline, plus one zero-width newline
// at end of file so a last line without '\n' still ends properly.
#include "tree_sitter/parser.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

enum TokenType {
  SECTION_LINE,
  PAIR_LINE,
  BAD_LINE,
  NEWLINE,
  ERROR_SENTINEL,
};

typedef struct {
  // True once the zero-width end-of-file newline was produced, so it is produced only once.
  bool eof_newline;
} Scanner;

static bool is_blank(int32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

void *tree_sitter_corosync_external_scanner_create(void) {
  return calloc(1, sizeof(Scanner));
}

void tree_sitter_corosync_external_scanner_destroy(void *payload) {
  free(payload);
}

unsigned tree_sitter_corosync_external_scanner_serialize(void *payload, char *buffer) {
  Scanner *scanner = (Scanner *)payload;
  buffer[0] = (char)scanner->eof_newline;
  return 1;
}

void tree_sitter_corosync_external_scanner_deserialize(void *payload, const char *buffer,
                                                      unsigned length) {
  Scanner *scanner = (Scanner *)payload;
  scanner->eof_newline = length > 0 && buffer[0] != 0;
}

bool tree_sitter_corosync_external_scanner_scan(void *payload, TSLexer *lexer,
                                                const bool *valid_symbols) {
  Scanner *scanner = (Scanner *)payload;
  // During error recovery every symbol is "valid"; only real newlines are produced then, never
  // zero-width tokens, so recovery cannot loop on them.
  bool recovering = valid_symbols[ERROR_SENTINEL];

  while (is_blank(lexer->lookahead)) lexer->advance(lexer, true);

  if (lexer->lookahead == '\n') {
    if (!valid_symbols[NEWLINE]) return false;
    lexer->advance(lexer, false);
    lexer->mark_end(lexer);
    lexer->result_symbol = NEWLINE;
    scanner->eof_newline = false;
    return true;
  }

  if (lexer->eof(lexer)) {
    if (recovering || !valid_symbols[NEWLINE] || scanner->eof_newline) return false;
    lexer->mark_end(lexer);
    lexer->result_symbol = NEWLINE;
    scanner->eof_newline = true;
    return true;
  }

  if (recovering || !valid_symbols[SECTION_LINE] || !valid_symbols[PAIR_LINE] ||
      !valid_symbols[BAD_LINE]) {
    return false;
  }
  // Comment lines are lexed by the grammar's own `comment` token.
  if (lexer->lookahead == '#') return false;

  // The marker is zero-width: its end is here, everything below is lookahead.
  lexer->mark_end(lexer);
  bool has_colon = false;
  unsigned non_blank = 0;
  bool only_braces = true;
  while (lexer->lookahead != '\n' && !lexer->eof(lexer)) {
    int32_t c = lexer->lookahead;
    if (c == '{') {
      lexer->result_symbol = SECTION_LINE;
      scanner->eof_newline = false;
      return true;
    }
    if (c == ':') has_colon = true;
    if (!is_blank(c)) {
      non_blank++;
      if (c != '}') only_braces = false;
    }
    lexer->advance(lexer, false);
  }
  if (has_colon) {
    lexer->result_symbol = PAIR_LINE;
  } else if (non_blank == 1 && only_braces) {
    // A lone '}' is lexed by the grammar (it closes a section, or is a stray brace at top level).
    return false;
  } else {
    lexer->result_symbol = BAD_LINE;
  }
  scanner->eof_newline = false;
  return true;
}
