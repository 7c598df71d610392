#include "tree_sitter/parser.h"

#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#endif

#define LANGUAGE_VERSION 14
#define STATE_COUNT 44
#define LARGE_STATE_COUNT 13
#define SYMBOL_COUNT 25
#define ALIAS_COUNT 0
#define TOKEN_COUNT 13
#define EXTERNAL_TOKEN_COUNT 5
#define FIELD_COUNT 7
#define MAX_ALIAS_SEQUENCE_LENGTH 7
#define PRODUCTION_ID_COUNT 17

enum ts_symbol_identifiers {
  anon_sym_LBRACE = 1,
  anon_sym_RBRACE = 2,
  sym_section_name = 3,
  aux_sym_extra_text_token1 = 4,
  anon_sym_COLON = 5,
  sym_key = 6,
  sym_comment = 7,
  sym__section_line = 8,
  sym__pair_line = 9,
  sym__bad_line = 10,
  sym__newline = 11,
  sym__error_sentinel = 12,
  sym_source_file = 13,
  sym__item = 14,
  sym__line = 15,
  sym_section = 16,
  sym_extra_text = 17,
  sym_pair = 18,
  sym_value = 19,
  sym_bad_line = 20,
  sym_line_text = 21,
  sym_stray_brace = 22,
  aux_sym_source_file_repeat1 = 23,
  aux_sym_section_repeat1 = 24,
};

static const char * const ts_symbol_names[] = {
  [ts_builtin_sym_end] = "end",
  [anon_sym_LBRACE] = "{",
  [anon_sym_RBRACE] = "}",
  [sym_section_name] = "section_name",
  [aux_sym_extra_text_token1] = "extra_text_token1",
  [anon_sym_COLON] = ":",
  [sym_key] = "key",
  [sym_comment] = "comment",
  [sym__section_line] = "_section_line",
  [sym__pair_line] = "_pair_line",
  [sym__bad_line] = "_bad_line",
  [sym__newline] = "_newline",
  [sym__error_sentinel] = "_error_sentinel",
  [sym_source_file] = "source_file",
  [sym__item] = "_item",
  [sym__line] = "_line",
  [sym_section] = "section",
  [sym_extra_text] = "extra_text",
  [sym_pair] = "pair",
  [sym_value] = "value",
  [sym_bad_line] = "bad_line",
  [sym_line_text] = "line_text",
  [sym_stray_brace] = "stray_brace",
  [aux_sym_source_file_repeat1] = "source_file_repeat1",
  [aux_sym_section_repeat1] = "section_repeat1",
};

static const TSSymbol ts_symbol_map[] = {
  [ts_builtin_sym_end] = ts_builtin_sym_end,
  [anon_sym_LBRACE] = anon_sym_LBRACE,
  [anon_sym_RBRACE] = anon_sym_RBRACE,
  [sym_section_name] = sym_section_name,
  [aux_sym_extra_text_token1] = aux_sym_extra_text_token1,
  [anon_sym_COLON] = anon_sym_COLON,
  [sym_key] = sym_key,
  [sym_comment] = sym_comment,
  [sym__section_line] = sym__section_line,
  [sym__pair_line] = sym__pair_line,
  [sym__bad_line] = sym__bad_line,
  [sym__newline] = sym__newline,
  [sym__error_sentinel] = sym__error_sentinel,
  [sym_source_file] = sym_source_file,
  [sym__item] = sym__item,
  [sym__line] = sym__line,
  [sym_section] = sym_section,
  [sym_extra_text] = sym_extra_text,
  [sym_pair] = sym_pair,
  [sym_value] = sym_value,
  [sym_bad_line] = sym_bad_line,
  [sym_line_text] = sym_line_text,
  [sym_stray_brace] = sym_stray_brace,
  [aux_sym_source_file_repeat1] = aux_sym_source_file_repeat1,
  [aux_sym_section_repeat1] = aux_sym_section_repeat1,
};

static const TSSymbolMetadata ts_symbol_metadata[] = {
  [ts_builtin_sym_end] = {
    .visible = false,
    .named = true,
  },
  [anon_sym_LBRACE] = {
    .visible = true,
    .named = false,
  },
  [anon_sym_RBRACE] = {
    .visible = true,
    .named = false,
  },
  [sym_section_name] = {
    .visible = true,
    .named = true,
  },
  [aux_sym_extra_text_token1] = {
    .visible = false,
    .named = false,
  },
  [anon_sym_COLON] = {
    .visible = true,
    .named = false,
  },
  [sym_key] = {
    .visible = true,
    .named = true,
  },
  [sym_comment] = {
    .visible = true,
    .named = true,
  },
  [sym__section_line] = {
    .visible = false,
    .named = true,
  },
  [sym__pair_line] = {
    .visible = false,
    .named = true,
  },
  [sym__bad_line] = {
    .visible = false,
    .named = true,
  },
  [sym__newline] = {
    .visible = false,
    .named = true,
  },
  [sym__error_sentinel] = {
    .visible = false,
    .named = true,
  },
  [sym_source_file] = {
    .visible = true,
    .named = true,
  },
  [sym__item] = {
    .visible = false,
    .named = true,
  },
  [sym__line] = {
    .visible = false,
    .named = true,
  },
  [sym_section] = {
    .visible = true,
    .named = true,
  },
  [sym_extra_text] = {
    .visible = true,
    .named = true,
  },
  [sym_pair] = {
    .visible = true,
    .named = true,
  },
  [sym_value] = {
    .visible = true,
    .named = true,
  },
  [sym_bad_line] = {
    .visible = true,
    .named = true,
  },
  [sym_line_text] = {
    .visible = true,
    .named = true,
  },
  [sym_stray_brace] = {
    .visible = true,
    .named = true,
  },
  [aux_sym_source_file_repeat1] = {
    .visible = false,
    .named = false,
  },
  [aux_sym_section_repeat1] = {
    .visible = false,
    .named = false,
  },
};

enum ts_field_identifiers {
  field_close = 1,
  field_extra = 2,
  field_key = 3,
  field_name = 4,
  field_open = 5,
  field_text = 6,
  field_value = 7,
};

static const char * const ts_field_names[] = {
  [0] = NULL,
  [field_close] = "close",
  [field_extra] = "extra",
  [field_key] = "key",
  [field_name] = "name",
  [field_open] = "open",
  [field_text] = "text",
  [field_value] = "value",
};

static const TSFieldMapSlice ts_field_map_slices[PRODUCTION_ID_COUNT] = {
  [1] = {.index = 0, .length = 1},
  [2] = {.index = 1, .length = 1},
  [3] = {.index = 2, .length = 1},
  [4] = {.index = 3, .length = 1},
  [5] = {.index = 4, .length = 2},
  [6] = {.index = 6, .length = 2},
  [7] = {.index = 8, .length = 2},
  [8] = {.index = 10, .length = 2},
  [9] = {.index = 12, .length = 2},
  [10] = {.index = 14, .length = 3},
  [11] = {.index = 17, .length = 3},
  [12] = {.index = 20, .length = 3},
  [13] = {.index = 23, .length = 3},
  [14] = {.index = 26, .length = 3},
  [15] = {.index = 29, .length = 4},
  [16] = {.index = 33, .length = 4},
};

static const TSFieldMapEntry ts_field_map_entries[] = {
  [0] =
    {field_text, 1},
  [1] =
    {field_open, 1},
  [2] =
    {field_value, 2},
  [3] =
    {field_key, 1},
  [4] =
    {field_close, 3},
    {field_open, 1},
  [6] =
    {field_extra, 2},
    {field_open, 1},
  [8] =
    {field_name, 1},
    {field_open, 2},
  [10] =
    {field_key, 1},
    {field_value, 3},
  [12] =
    {field_close, 4},
    {field_open, 1},
  [14] =
    {field_close, 4},
    {field_extra, 2},
    {field_open, 1},
  [17] =
    {field_close, 4},
    {field_name, 1},
    {field_open, 2},
  [20] =
    {field_extra, 3},
    {field_name, 1},
    {field_open, 2},
  [23] =
    {field_close, 5},
    {field_extra, 2},
    {field_open, 1},
  [26] =
    {field_close, 5},
    {field_name, 1},
    {field_open, 2},
  [29] =
    {field_close, 5},
    {field_extra, 3},
    {field_name, 1},
    {field_open, 2},
  [33] =
    {field_close, 6},
    {field_extra, 3},
    {field_name, 1},
    {field_open, 2},
};

static const TSSymbol ts_alias_sequences[PRODUCTION_ID_COUNT][MAX_ALIAS_SEQUENCE_LENGTH] = {
  [0] = {0},
};

static const uint16_t ts_non_terminal_alias_map[] = {
  0,
};

static const TSStateId ts_primary_state_ids[STATE_COUNT] = {
  [0] = 0,
  [1] = 1,
  [2] = 2,
  [3] = 3,
  [4] = 4,
  [5] = 5,
  [6] = 6,
  [7] = 7,
  [8] = 8,
  [9] = 9,
  [10] = 10,
  [11] = 11,
  [12] = 12,
  [13] = 13,
  [14] = 14,
  [15] = 15,
  [16] = 16,
  [17] = 17,
  [18] = 18,
  [19] = 19,
  [20] = 20,
  [21] = 21,
  [22] = 22,
  [23] = 23,
  [24] = 24,
  [25] = 25,
  [26] = 26,
  [27] = 27,
  [28] = 28,
  [29] = 29,
  [30] = 30,
  [31] = 31,
  [32] = 32,
  [33] = 33,
  [34] = 34,
  [35] = 35,
  [36] = 36,
  [37] = 37,
  [38] = 38,
  [39] = 39,
  [40] = 40,
  [41] = 41,
  [42] = 42,
  [43] = 43,
};

static bool ts_lex(TSLexer *lexer, TSStateId state) {
  START_LEXER();
  eof = lexer->eof(lexer);
  switch (state) {
    case 0:
      if (eof) ADVANCE(10);
      if (lookahead == '#') ADVANCE(20);
      if (lookahead == ':') ADVANCE(17);
      if (lookahead == '{') ADVANCE(11);
      if (lookahead == '}') ADVANCE(12);
      if (lookahead == '\t' ||
          (0x0b <= lookahead && lookahead <= '\r') ||
          lookahead == ' ') SKIP(0);
      END_STATE();
    case 1:
      if (lookahead == ':') ADVANCE(17);
      if (lookahead == 0x0b ||
          lookahead == '\f') ADVANCE(18);
      if (lookahead == '\t' ||
          lookahead == '\r' ||
          lookahead == ' ') SKIP(1);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead)) ADVANCE(19);
      END_STATE();
    case 2:
      if (lookahead == ':') ADVANCE(17);
      if (lookahead == 0x0b ||
          lookahead == '\f') ADVANCE(18);
      if (lookahead == '\t' ||
          lookahead == '\r' ||
          lookahead == ' ') ADVANCE(2);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead)) ADVANCE(19);
      END_STATE();
    case 3:
      if (lookahead == '{') ADVANCE(11);
      if (lookahead == 0x0b ||
          lookahead == '\f') ADVANCE(13);
      if (lookahead == '\t' ||
          lookahead == '\r' ||
          lookahead == ' ') SKIP(3);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead)) ADVANCE(14);
      END_STATE();
    case 4:
      if (lookahead == '{') ADVANCE(11);
      if (lookahead == 0x0b ||
          lookahead == '\f') ADVANCE(13);
      if (lookahead == '\t' ||
          lookahead == '\r' ||
          lookahead == ' ') ADVANCE(4);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead)) ADVANCE(14);
      END_STATE();
    case 5:
      if (lookahead == 0x0b ||
          lookahead == '\f') ADVANCE(15);
      if (lookahead == '\t' ||
          lookahead == '\r' ||
          lookahead == ' ') SKIP(5);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead)) ADVANCE(16);
      END_STATE();
    case 6:
      if (lookahead == 0x0b ||
          lookahead == '\f') ADVANCE(15);
      if (lookahead == '\t' ||
          lookahead == '\r' ||
          lookahead == ' ') ADVANCE(6);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead)) ADVANCE(16);
      END_STATE();
    case 7:
      if (lookahead == '\t' ||
          lookahead == '\r' ||
          lookahead == ' ') ADVANCE(7);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n') ADVANCE(16);
      END_STATE();
    case 8:
      if (lookahead == '\t' ||
          lookahead == '\r' ||
          lookahead == ' ') ADVANCE(8);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != ':') ADVANCE(19);
      END_STATE();
    case 9:
      if (lookahead == '\t' ||
          lookahead == '\r' ||
          lookahead == ' ') ADVANCE(9);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '{') ADVANCE(14);
      END_STATE();
    case 10:
      ACCEPT_TOKEN(ts_builtin_sym_end);
      END_STATE();
    case 11:
      ACCEPT_TOKEN(anon_sym_LBRACE);
      END_STATE();
    case 12:
      ACCEPT_TOKEN(anon_sym_RBRACE);
      END_STATE();
    case 13:
      ACCEPT_TOKEN(sym_section_name);
      if (lookahead == 0x0b ||
          lookahead == '\f') ADVANCE(13);
      if (lookahead == '\t' ||
          lookahead == '\r' ||
          lookahead == ' ') ADVANCE(4);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != '{') ADVANCE(14);
      END_STATE();
    case 14:
      ACCEPT_TOKEN(sym_section_name);
      if (lookahead == '\t' ||
          lookahead == '\r' ||
          lookahead == ' ') ADVANCE(9);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '{') ADVANCE(14);
      END_STATE();
    case 15:
      ACCEPT_TOKEN(aux_sym_extra_text_token1);
      if (lookahead == 0x0b ||
          lookahead == '\f') ADVANCE(15);
      if (lookahead == '\t' ||
          lookahead == '\r' ||
          lookahead == ' ') ADVANCE(6);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead)) ADVANCE(16);
      END_STATE();
    case 16:
      ACCEPT_TOKEN(aux_sym_extra_text_token1);
      if (lookahead == '\t' ||
          lookahead == '\r' ||
          lookahead == ' ') ADVANCE(7);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n') ADVANCE(16);
      END_STATE();
    case 17:
      ACCEPT_TOKEN(anon_sym_COLON);
      END_STATE();
    case 18:
      ACCEPT_TOKEN(sym_key);
      if (lookahead == 0x0b ||
          lookahead == '\f') ADVANCE(18);
      if (lookahead == '\t' ||
          lookahead == '\r' ||
          lookahead == ' ') ADVANCE(2);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ':') ADVANCE(19);
      END_STATE();
    case 19:
      ACCEPT_TOKEN(sym_key);
      if (lookahead == '\t' ||
          lookahead == '\r' ||
          lookahead == ' ') ADVANCE(8);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != ':') ADVANCE(19);
      END_STATE();
    case 20:
      ACCEPT_TOKEN(sym_comment);
      if (lookahead != 0 &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(20);
      END_STATE();
    default:
      return false;
  }
}

static const TSLexMode ts_lex_modes[STATE_COUNT] = {
  [0] = {.lex_state = 0, .external_lex_state = 1},
  [1] = {.lex_state = 0, .external_lex_state = 2},
  [2] = {.lex_state = 0, .external_lex_state = 2},
  [3] = {.lex_state = 0, .external_lex_state = 2},
  [4] = {.lex_state = 0, .external_lex_state = 2},
  [5] = {.lex_state = 0, .external_lex_state = 2},
  [6] = {.lex_state = 0, .external_lex_state = 2},
  [7] = {.lex_state = 0, .external_lex_state = 2},
  [8] = {.lex_state = 0, .external_lex_state = 2},
  [9] = {.lex_state = 0, .external_lex_state = 2},
  [10] = {.lex_state = 0, .external_lex_state = 2},
  [11] = {.lex_state = 0, .external_lex_state = 2},
  [12] = {.lex_state = 0, .external_lex_state = 2},
  [13] = {.lex_state = 0, .external_lex_state = 2},
  [14] = {.lex_state = 0, .external_lex_state = 2},
  [15] = {.lex_state = 0, .external_lex_state = 2},
  [16] = {.lex_state = 0, .external_lex_state = 2},
  [17] = {.lex_state = 0, .external_lex_state = 2},
  [18] = {.lex_state = 0, .external_lex_state = 2},
  [19] = {.lex_state = 0, .external_lex_state = 2},
  [20] = {.lex_state = 0, .external_lex_state = 2},
  [21] = {.lex_state = 0, .external_lex_state = 2},
  [22] = {.lex_state = 0, .external_lex_state = 2},
  [23] = {.lex_state = 5, .external_lex_state = 3},
  [24] = {.lex_state = 5, .external_lex_state = 3},
  [25] = {.lex_state = 5, .external_lex_state = 3},
  [26] = {.lex_state = 5, .external_lex_state = 3},
  [27] = {.lex_state = 1},
  [28] = {.lex_state = 3},
  [29] = {.lex_state = 5},
  [30] = {.lex_state = 0, .external_lex_state = 3},
  [31] = {.lex_state = 0},
  [32] = {.lex_state = 0, .external_lex_state = 3},
  [33] = {.lex_state = 0, .external_lex_state = 3},
  [34] = {.lex_state = 0, .external_lex_state = 3},
  [35] = {.lex_state = 0, .external_lex_state = 3},
  [36] = {.lex_state = 0, .external_lex_state = 3},
  [37] = {.lex_state = 0, .external_lex_state = 3},
  [38] = {.lex_state = 0, .external_lex_state = 3},
  [39] = {.lex_state = 0},
  [40] = {.lex_state = 0, .external_lex_state = 3},
  [41] = {.lex_state = 0},
  [42] = {.lex_state = 0, .external_lex_state = 3},
  [43] = {.lex_state = 0, .external_lex_state = 3},
};

static const uint16_t ts_parse_table[LARGE_STATE_COUNT][SYMBOL_COUNT] = {
  [0] = {
    [ts_builtin_sym_end] = ACTIONS(1),
    [anon_sym_LBRACE] = ACTIONS(1),
    [anon_sym_RBRACE] = ACTIONS(1),
    [anon_sym_COLON] = ACTIONS(1),
    [sym_comment] = ACTIONS(1),
    [sym__section_line] = ACTIONS(1),
    [sym__pair_line] = ACTIONS(1),
    [sym__bad_line] = ACTIONS(1),
    [sym__newline] = ACTIONS(1),
    [sym__error_sentinel] = ACTIONS(1),
  },
  [1] = {
    [sym_source_file] = STATE(31),
    [sym__item] = STATE(2),
    [sym__line] = STATE(40),
    [sym_section] = STATE(2),
    [sym_pair] = STATE(40),
    [sym_bad_line] = STATE(40),
    [sym_stray_brace] = STATE(38),
    [aux_sym_source_file_repeat1] = STATE(2),
    [ts_builtin_sym_end] = ACTIONS(3),
    [anon_sym_RBRACE] = ACTIONS(5),
    [sym_comment] = ACTIONS(7),
    [sym__section_line] = ACTIONS(9),
    [sym__pair_line] = ACTIONS(11),
    [sym__bad_line] = ACTIONS(13),
    [sym__newline] = ACTIONS(15),
  },
  [2] = {
    [sym__item] = STATE(3),
    [sym__line] = STATE(40),
    [sym_section] = STATE(3),
    [sym_pair] = STATE(40),
    [sym_bad_line] = STATE(40),
    [sym_stray_brace] = STATE(38),
    [aux_sym_source_file_repeat1] = STATE(3),
    [ts_builtin_sym_end] = ACTIONS(17),
    [anon_sym_RBRACE] = ACTIONS(5),
    [sym_comment] = ACTIONS(7),
    [sym__section_line] = ACTIONS(9),
    [sym__pair_line] = ACTIONS(11),
    [sym__bad_line] = ACTIONS(13),
    [sym__newline] = ACTIONS(19),
  },
  [3] = {
    [sym__item] = STATE(3),
    [sym__line] = STATE(40),
    [sym_section] = STATE(3),
    [sym_pair] = STATE(40),
    [sym_bad_line] = STATE(40),
    [sym_stray_brace] = STATE(38),
    [aux_sym_source_file_repeat1] = STATE(3),
    [ts_builtin_sym_end] = ACTIONS(21),
    [anon_sym_RBRACE] = ACTIONS(23),
    [sym_comment] = ACTIONS(26),
    [sym__section_line] = ACTIONS(29),
    [sym__pair_line] = ACTIONS(32),
    [sym__bad_line] = ACTIONS(35),
    [sym__newline] = ACTIONS(38),
  },
  [4] = {
    [sym__item] = STATE(9),
    [sym__line] = STATE(40),
    [sym_section] = STATE(9),
    [sym_pair] = STATE(40),
    [sym_bad_line] = STATE(40),
    [aux_sym_section_repeat1] = STATE(9),
    [ts_builtin_sym_end] = ACTIONS(41),
    [anon_sym_RBRACE] = ACTIONS(43),
    [sym_comment] = ACTIONS(7),
    [sym__section_line] = ACTIONS(9),
    [sym__pair_line] = ACTIONS(11),
    [sym__bad_line] = ACTIONS(13),
    [sym__newline] = ACTIONS(45),
  },
  [5] = {
    [sym__item] = STATE(6),
    [sym__line] = STATE(40),
    [sym_section] = STATE(6),
    [sym_pair] = STATE(40),
    [sym_bad_line] = STATE(40),
    [aux_sym_section_repeat1] = STATE(6),
    [ts_builtin_sym_end] = ACTIONS(47),
    [anon_sym_RBRACE] = ACTIONS(49),
    [sym_comment] = ACTIONS(7),
    [sym__section_line] = ACTIONS(9),
    [sym__pair_line] = ACTIONS(11),
    [sym__bad_line] = ACTIONS(13),
    [sym__newline] = ACTIONS(51),
  },
  [6] = {
    [sym__item] = STATE(9),
    [sym__line] = STATE(40),
    [sym_section] = STATE(9),
    [sym_pair] = STATE(40),
    [sym_bad_line] = STATE(40),
    [aux_sym_section_repeat1] = STATE(9),
    [ts_builtin_sym_end] = ACTIONS(53),
    [anon_sym_RBRACE] = ACTIONS(55),
    [sym_comment] = ACTIONS(7),
    [sym__section_line] = ACTIONS(9),
    [sym__pair_line] = ACTIONS(11),
    [sym__bad_line] = ACTIONS(13),
    [sym__newline] = ACTIONS(45),
  },
  [7] = {
    [sym__item] = STATE(4),
    [sym__line] = STATE(40),
    [sym_section] = STATE(4),
    [sym_pair] = STATE(40),
    [sym_bad_line] = STATE(40),
    [aux_sym_section_repeat1] = STATE(4),
    [ts_builtin_sym_end] = ACTIONS(57),
    [anon_sym_RBRACE] = ACTIONS(59),
    [sym_comment] = ACTIONS(7),
    [sym__section_line] = ACTIONS(9),
    [sym__pair_line] = ACTIONS(11),
    [sym__bad_line] = ACTIONS(13),
    [sym__newline] = ACTIONS(61),
  },
  [8] = {
    [sym__item] = STATE(11),
    [sym__line] = STATE(40),
    [sym_section] = STATE(11),
    [sym_pair] = STATE(40),
    [sym_bad_line] = STATE(40),
    [aux_sym_section_repeat1] = STATE(11),
    [ts_builtin_sym_end] = ACTIONS(63),
    [anon_sym_RBRACE] = ACTIONS(65),
    [sym_comment] = ACTIONS(7),
    [sym__section_line] = ACTIONS(9),
    [sym__pair_line] = ACTIONS(11),
    [sym__bad_line] = ACTIONS(13),
    [sym__newline] = ACTIONS(67),
  },
  [9] = {
    [sym__item] = STATE(9),
    [sym__line] = STATE(40),
    [sym_section] = STATE(9),
    [sym_pair] = STATE(40),
    [sym_bad_line] = STATE(40),
    [aux_sym_section_repeat1] = STATE(9),
    [ts_builtin_sym_end] = ACTIONS(69),
    [anon_sym_RBRACE] = ACTIONS(69),
    [sym_comment] = ACTIONS(71),
    [sym__section_line] = ACTIONS(74),
    [sym__pair_line] = ACTIONS(77),
    [sym__bad_line] = ACTIONS(80),
    [sym__newline] = ACTIONS(83),
  },
  [10] = {
    [sym__item] = STATE(12),
    [sym__line] = STATE(40),
    [sym_section] = STATE(12),
    [sym_pair] = STATE(40),
    [sym_bad_line] = STATE(40),
    [aux_sym_section_repeat1] = STATE(12),
    [ts_builtin_sym_end] = ACTIONS(86),
    [anon_sym_RBRACE] = ACTIONS(88),
    [sym_comment] = ACTIONS(7),
    [sym__section_line] = ACTIONS(9),
    [sym__pair_line] = ACTIONS(11),
    [sym__bad_line] = ACTIONS(13),
    [sym__newline] = ACTIONS(90),
  },
  [11] = {
    [sym__item] = STATE(9),
    [sym__line] = STATE(40),
    [sym_section] = STATE(9),
    [sym_pair] = STATE(40),
    [sym_bad_line] = STATE(40),
    [aux_sym_section_repeat1] = STATE(9),
    [ts_builtin_sym_end] = ACTIONS(92),
    [anon_sym_RBRACE] = ACTIONS(94),
    [sym_comment] = ACTIONS(7),
    [sym__section_line] = ACTIONS(9),
    [sym__pair_line] = ACTIONS(11),
    [sym__bad_line] = ACTIONS(13),
    [sym__newline] = ACTIONS(45),
  },
  [12] = {
    [sym__item] = STATE(9),
    [sym__line] = STATE(40),
    [sym_section] = STATE(9),
    [sym_pair] = STATE(40),
    [sym_bad_line] = STATE(40),
    [aux_sym_section_repeat1] = STATE(9),
    [ts_builtin_sym_end] = ACTIONS(96),
    [anon_sym_RBRACE] = ACTIONS(98),
    [sym_comment] = ACTIONS(7),
    [sym__section_line] = ACTIONS(9),
    [sym__pair_line] = ACTIONS(11),
    [sym__bad_line] = ACTIONS(13),
    [sym__newline] = ACTIONS(45),
  },
};

static const uint16_t ts_small_parse_table[] = {
  [0] = 1,
    ACTIONS(100), 7,
      sym__section_line,
      sym__pair_line,
      sym__bad_line,
      sym__newline,
      ts_builtin_sym_end,
      anon_sym_RBRACE,
      sym_comment,
  [10] = 1,
    ACTIONS(21), 7,
      sym__section_line,
      sym__pair_line,
      sym__bad_line,
      sym__newline,
      ts_builtin_sym_end,
      anon_sym_RBRACE,
      sym_comment,
  [20] = 1,
    ACTIONS(102), 7,
      sym__section_line,
      sym__pair_line,
      sym__bad_line,
      sym__newline,
      ts_builtin_sym_end,
      anon_sym_RBRACE,
      sym_comment,
  [30] = 1,
    ACTIONS(104), 7,
      sym__section_line,
      sym__pair_line,
      sym__bad_line,
      sym__newline,
      ts_builtin_sym_end,
      anon_sym_RBRACE,
      sym_comment,
  [40] = 1,
    ACTIONS(106), 7,
      sym__section_line,
      sym__pair_line,
      sym__bad_line,
      sym__newline,
      ts_builtin_sym_end,
      anon_sym_RBRACE,
      sym_comment,
  [50] = 1,
    ACTIONS(108), 7,
      sym__section_line,
      sym__pair_line,
      sym__bad_line,
      sym__newline,
      ts_builtin_sym_end,
      anon_sym_RBRACE,
      sym_comment,
  [60] = 1,
    ACTIONS(110), 7,
      sym__section_line,
      sym__pair_line,
      sym__bad_line,
      sym__newline,
      ts_builtin_sym_end,
      anon_sym_RBRACE,
      sym_comment,
  [70] = 1,
    ACTIONS(112), 7,
      sym__section_line,
      sym__pair_line,
      sym__bad_line,
      sym__newline,
      ts_builtin_sym_end,
      anon_sym_RBRACE,
      sym_comment,
  [80] = 1,
    ACTIONS(114), 7,
      sym__section_line,
      sym__pair_line,
      sym__bad_line,
      sym__newline,
      ts_builtin_sym_end,
      anon_sym_RBRACE,
      sym_comment,
  [90] = 1,
    ACTIONS(116), 7,
      sym__section_line,
      sym__pair_line,
      sym__bad_line,
      sym__newline,
      ts_builtin_sym_end,
      anon_sym_RBRACE,
      sym_comment,
  [100] = 3,
    ACTIONS(118), 1,
      aux_sym_extra_text_token1,
    ACTIONS(120), 1,
      sym__newline,
    STATE(36), 1,
      sym_value,
  [110] = 3,
    ACTIONS(122), 1,
      aux_sym_extra_text_token1,
    ACTIONS(124), 1,
      sym__newline,
    STATE(30), 1,
      sym_extra_text,
  [120] = 3,
    ACTIONS(122), 1,
      aux_sym_extra_text_token1,
    ACTIONS(126), 1,
      sym__newline,
    STATE(42), 1,
      sym_extra_text,
  [130] = 3,
    ACTIONS(118), 1,
      aux_sym_extra_text_token1,
    ACTIONS(128), 1,
      sym__newline,
    STATE(43), 1,
      sym_value,
  [140] = 2,
    ACTIONS(130), 1,
      anon_sym_COLON,
    ACTIONS(132), 1,
      sym_key,
  [147] = 2,
    ACTIONS(134), 1,
      anon_sym_LBRACE,
    ACTIONS(136), 1,
      sym_section_name,
  [154] = 2,
    ACTIONS(138), 1,
      aux_sym_extra_text_token1,
    STATE(37), 1,
      sym_line_text,
  [161] = 1,
    ACTIONS(140), 1,
      sym__newline,
  [165] = 1,
    ACTIONS(142), 1,
      ts_builtin_sym_end,
  [169] = 1,
    ACTIONS(144), 1,
      sym__newline,
  [173] = 1,
    ACTIONS(146), 1,
      sym__newline,
  [177] = 1,
    ACTIONS(148), 1,
      sym__newline,
  [181] = 1,
    ACTIONS(150), 1,
      sym__newline,
  [185] = 1,
    ACTIONS(152), 1,
      sym__newline,
  [189] = 1,
    ACTIONS(154), 1,
      sym__newline,
  [193] = 1,
    ACTIONS(156), 1,
      sym__newline,
  [197] = 1,
    ACTIONS(158), 1,
      anon_sym_LBRACE,
  [201] = 1,
    ACTIONS(160), 1,
      sym__newline,
  [205] = 1,
    ACTIONS(162), 1,
      anon_sym_COLON,
  [209] = 1,
    ACTIONS(164), 1,
      sym__newline,
  [213] = 1,
    ACTIONS(166), 1,
      sym__newline,
};

static const uint32_t ts_small_parse_table_map[] = {
  [SMALL_STATE(13)] = 0,
  [SMALL_STATE(14)] = 10,
  [SMALL_STATE(15)] = 20,
  [SMALL_STATE(16)] = 30,
  [SMALL_STATE(17)] = 40,
  [SMALL_STATE(18)] = 50,
  [SMALL_STATE(19)] = 60,
  [SMALL_STATE(20)] = 70,
  [SMALL_STATE(21)] = 80,
  [SMALL_STATE(22)] = 90,
  [SMALL_STATE(23)] = 100,
  [SMALL_STATE(24)] = 110,
  [SMALL_STATE(25)] = 120,
  [SMALL_STATE(26)] = 130,
  [SMALL_STATE(27)] = 140,
  [SMALL_STATE(28)] = 147,
  [SMALL_STATE(29)] = 154,
  [SMALL_STATE(30)] = 161,
  [SMALL_STATE(31)] = 165,
  [SMALL_STATE(32)] = 169,
  [SMALL_STATE(33)] = 173,
  [SMALL_STATE(34)] = 177,
  [SMALL_STATE(35)] = 181,
  [SMALL_STATE(36)] = 185,
  [SMALL_STATE(37)] = 189,
  [SMALL_STATE(38)] = 193,
  [SMALL_STATE(39)] = 197,
  [SMALL_STATE(40)] = 201,
  [SMALL_STATE(41)] = 205,
  [SMALL_STATE(42)] = 209,
  [SMALL_STATE(43)] = 213,
};

static const TSParseActionEntry ts_parse_actions[] = {
  [0] = {.entry = {.count = 0, .reusable = false}},
  [1] = {.entry = {.count = 1, .reusable = false}}, RECOVER(),
  [3] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_source_file, 0, 0, 0),
  [5] = {.entry = {.count = 1, .reusable = true}}, SHIFT(33),
  [7] = {.entry = {.count = 1, .reusable = true}}, SHIFT(40),
  [9] = {.entry = {.count = 1, .reusable = true}}, SHIFT(28),
  [11] = {.entry = {.count = 1, .reusable = true}}, SHIFT(27),
  [13] = {.entry = {.count = 1, .reusable = true}}, SHIFT(29),
  [15] = {.entry = {.count = 1, .reusable = true}}, SHIFT(2),
  [17] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_source_file, 1, 0, 0),
  [19] = {.entry = {.count = 1, .reusable = true}}, SHIFT(3),
  [21] = {.entry = {.count = 1, .reusable = true}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0),
  [23] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0), SHIFT_REPEAT(33),
  [26] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0), SHIFT_REPEAT(40),
  [29] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0), SHIFT_REPEAT(28),
  [32] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0), SHIFT_REPEAT(27),
  [35] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0), SHIFT_REPEAT(29),
  [38] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0), SHIFT_REPEAT(3),
  [41] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_section, 5, 0, 6),
  [43] = {.entry = {.count = 1, .reusable = true}}, SHIFT(20),
  [45] = {.entry = {.count = 1, .reusable = true}}, SHIFT(9),
  [47] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_section, 3, 0, 2),
  [49] = {.entry = {.count = 1, .reusable = true}}, SHIFT(16),
  [51] = {.entry = {.count = 1, .reusable = true}}, SHIFT(6),
  [53] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_section, 4, 0, 2),
  [55] = {.entry = {.count = 1, .reusable = true}}, SHIFT(17),
  [57] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_section, 4, 0, 6),
  [59] = {.entry = {.count = 1, .reusable = true}}, SHIFT(19),
  [61] = {.entry = {.count = 1, .reusable = true}}, SHIFT(4),
  [63] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_section, 4, 0, 7),
  [65] = {.entry = {.count = 1, .reusable = true}}, SHIFT(22),
  [67] = {.entry = {.count = 1, .reusable = true}}, SHIFT(11),
  [69] = {.entry = {.count = 1, .reusable = true}}, REDUCE(aux_sym_section_repeat1, 2, 0, 0),
  [71] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym_section_repeat1, 2, 0, 0), SHIFT_REPEAT(40),
  [74] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym_section_repeat1, 2, 0, 0), SHIFT_REPEAT(28),
  [77] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym_section_repeat1, 2, 0, 0), SHIFT_REPEAT(27),
  [80] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym_section_repeat1, 2, 0, 0), SHIFT_REPEAT(29),
  [83] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym_section_repeat1, 2, 0, 0), SHIFT_REPEAT(9),
  [86] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_section, 5, 0, 12),
  [88] = {.entry = {.count = 1, .reusable = true}}, SHIFT(18),
  [90] = {.entry = {.count = 1, .reusable = true}}, SHIFT(12),
  [92] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_section, 5, 0, 7),
  [94] = {.entry = {.count = 1, .reusable = true}}, SHIFT(21),
  [96] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_section, 6, 0, 12),
  [98] = {.entry = {.count = 1, .reusable = true}}, SHIFT(13),
  [100] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_section, 7, 0, 16),
  [102] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__item, 2, 0, 0),
  [104] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_section, 4, 0, 5),
  [106] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_section, 5, 0, 9),
  [108] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_section, 6, 0, 15),
  [110] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_section, 5, 0, 10),
  [112] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_section, 6, 0, 13),
  [114] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_section, 6, 0, 14),
  [116] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_section, 5, 0, 11),
  [118] = {.entry = {.count = 1, .reusable = true}}, SHIFT(35),
  [120] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_pair, 2, 0, 0),
  [122] = {.entry = {.count = 1, .reusable = true}}, SHIFT(32),
  [124] = {.entry = {.count = 1, .reusable = true}}, SHIFT(5),
  [126] = {.entry = {.count = 1, .reusable = true}}, SHIFT(8),
  [128] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_pair, 3, 0, 4),
  [130] = {.entry = {.count = 1, .reusable = false}}, SHIFT(23),
  [132] = {.entry = {.count = 1, .reusable = true}}, SHIFT(41),
  [134] = {.entry = {.count = 1, .reusable = false}}, SHIFT(24),
  [136] = {.entry = {.count = 1, .reusable = true}}, SHIFT(39),
  [138] = {.entry = {.count = 1, .reusable = true}}, SHIFT(34),
  [140] = {.entry = {.count = 1, .reusable = true}}, SHIFT(7),
  [142] = {.entry = {.count = 1, .reusable = true}},  ACCEPT_INPUT(),
  [144] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_extra_text, 1, 0, 0),
  [146] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_stray_brace, 1, 0, 0),
  [148] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_line_text, 1, 0, 0),
  [150] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_value, 1, 0, 0),
  [152] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_pair, 3, 0, 3),
  [154] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_bad_line, 2, 0, 1),
  [156] = {.entry = {.count = 1, .reusable = true}}, SHIFT(14),
  [158] = {.entry = {.count = 1, .reusable = true}}, SHIFT(25),
  [160] = {.entry = {.count = 1, .reusable = true}}, SHIFT(15),
  [162] = {.entry = {.count = 1, .reusable = true}}, SHIFT(26),
  [164] = {.entry = {.count = 1, .reusable = true}}, SHIFT(10),
  [166] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_pair, 4, 0, 8),
};

enum ts_external_scanner_symbol_identifiers {
  ts_external_token__section_line = 0,
  ts_external_token__pair_line = 1,
  ts_external_token__bad_line = 2,
  ts_external_token__newline = 3,
  ts_external_token__error_sentinel = 4,
};

static const TSSymbol ts_external_scanner_symbol_map[EXTERNAL_TOKEN_COUNT] = {
  [ts_external_token__section_line] = sym__section_line,
  [ts_external_token__pair_line] = sym__pair_line,
  [ts_external_token__bad_line] = sym__bad_line,
  [ts_external_token__newline] = sym__newline,
  [ts_external_token__error_sentinel] = sym__error_sentinel,
};

static const bool ts_external_scanner_states[4][EXTERNAL_TOKEN_COUNT] = {
  [1] = {
    [ts_external_token__section_line] = true,
    [ts_external_token__pair_line] = true,
    [ts_external_token__bad_line] = true,
    [ts_external_token__newline] = true,
    [ts_external_token__error_sentinel] = true,
  },
  [2] = {
    [ts_external_token__section_line] = true,
    [ts_external_token__pair_line] = true,
    [ts_external_token__bad_line] = true,
    [ts_external_token__newline] = true,
  },
  [3] = {
    [ts_external_token__newline] = true,
  },
};

#ifdef __cplusplus
extern "C" {
#endif
void *tree_sitter_corosync_external_scanner_create(void);
void tree_sitter_corosync_external_scanner_destroy(void *);
bool tree_sitter_corosync_external_scanner_scan(void *, TSLexer *, const bool *);
unsigned tree_sitter_corosync_external_scanner_serialize(void *, char *);
void tree_sitter_corosync_external_scanner_deserialize(void *, const char *, unsigned);

#ifdef TREE_SITTER_HIDE_SYMBOLS
#define TS_PUBLIC
#elif defined(_WIN32)
#define TS_PUBLIC __declspec(dllexport)
#else
#define TS_PUBLIC __attribute__((visibility("default")))
#endif

TS_PUBLIC const TSLanguage *tree_sitter_corosync(void) {
  static const TSLanguage language = {
    .version = LANGUAGE_VERSION,
    .symbol_count = SYMBOL_COUNT,
    .alias_count = ALIAS_COUNT,
    .token_count = TOKEN_COUNT,
    .external_token_count = EXTERNAL_TOKEN_COUNT,
    .state_count = STATE_COUNT,
    .large_state_count = LARGE_STATE_COUNT,
    .production_id_count = PRODUCTION_ID_COUNT,
    .field_count = FIELD_COUNT,
    .max_alias_sequence_length = MAX_ALIAS_SEQUENCE_LENGTH,
    .parse_table = &ts_parse_table[0][0],
    .small_parse_table = ts_small_parse_table,
    .small_parse_table_map = ts_small_parse_table_map,
    .parse_actions = ts_parse_actions,
    .symbol_names = ts_symbol_names,
    .field_names = ts_field_names,
    .field_map_slices = ts_field_map_slices,
    .field_map_entries = ts_field_map_entries,
    .symbol_metadata = ts_symbol_metadata,
    .public_symbol_map = ts_symbol_map,
    .alias_map = ts_non_terminal_alias_map,
    .alias_sequences = &ts_alias_sequences[0][0],
    .lex_modes = ts_lex_modes,
    .lex_fn = ts_lex,
    .external_scanner = {
      &ts_external_scanner_states[0][0],
      ts_external_scanner_symbol_map,
      tree_sitter_corosync_external_scanner_create,
      tree_sitter_corosync_external_scanner_destroy,
      tree_sitter_corosync_external_scanner_scan,
      tree_sitter_corosync_external_scanner_serialize,
      tree_sitter_corosync_external_scanner_deserialize,
    },
    .primary_state_ids = ts_primary_state_ids,
  };
  return &language;
}
#ifdef __cplusplus
}
#endif
