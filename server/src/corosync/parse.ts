// Builds the typed CsFile from the tree-sitter-corosync syntax tree, and reports the lines corosync's
// own parser (exec/coroparse.c, corosync 3.x) would refuse, in its wording.
//
// Positions: web-tree-sitter parses JavaScript strings as UTF-16, so node rows/columns are already
// 0-based lines and UTF-16 code units, i.e. LSP positions; no conversion is needed (unit-tested with
// Japanese, Korean and astral characters). corosync itself counts bytes, which matters only for its
// 510-byte line limit, measured here in UTF-8.
import type { Position, Range } from '../base/types';
import { byRangeStart } from '../base/position';
import type { Tree, SyntaxNode } from '../parsing/treeSitter';
import { grammars, parserFor } from '../parsing/treeSitter';
import { lspLineBreaks } from '../parsing/lineBreaks';
import type { CsFile, CsKeyValue, CsNode, CsSection, CsSyntaxError, CsBadLineReason } from './ast';
import * as l10n from '@vscode/l10n';

/** corosync reads lines with fgets into a 512-byte buffer: 510 bytes of text, newline, NUL. */
const MAX_LINE_BYTES = 510;
/** icmap key names: these characters only, at least 3 and fewer than 256 of them. */
const KEY_NAME_CHARS = /^[A-Za-z0-9._/:-]*$/;
const KEY_NAME_MIN = 3;
const KEY_NAME_MAX = 255;

/**
 * Parses corosync.conf text. `previous` is the tree of the previous version of the document, already
 * `tree.edit()`-ed by the caller for the change, so unchanged lines are reused (incremental parse).
 * Requires `await initParsers()` to have completed.
 */
export function parseCorosync(text: string, previous?: Tree): { tree: Tree | undefined; file: CsFile } {
  // A CR that an edit turned into (or out of) a CRLF changes the parsed text outside the edit: with any
  // CR in the text, parse afresh (corosync.conf files are small).
  if (text.includes('\r')) previous = undefined;
  text = lspLineBreaks(text);
  const parser = parserFor(grammars().corosync);
  const tree = parser.parse(text, previous ?? null);
  if (!tree) {
    // over the parse budget (parsing/treeSitter.ts): an empty file with one problem, not an exception
    const { lspLines } = countLines(text);
    const start = { line: 0, character: 0 };
    return {
      tree: undefined,
      file: {
        children: [],
        comments: [],
        lineCount: lspLines,
        syntaxErrors: [{ kind: 'parse-budget', range: { start, end: start }, message: '' }],
      },
    };
  }
  return { tree, file: buildFile(tree, text) };
}

/** Builds the CsFile from a tree of `text` (exported for callers that parse themselves). */
export function buildFile(tree: Tree, text: string): CsFile {
  const builder = new FileBuilder(text);
  builder.visitChildren(tree.rootNode, null, builder.file.children);
  builder.finish();
  return builder.file;
}

class FileBuilder {
  readonly file: CsFile;
  private readonly unclosed: CsSection[] = [];
  /** Sections whose name corosync cannot store, with the first key that makes it try. */
  private readonly badSectionNames = new Map<CsSection, CsKeyValue>();
  /** Bytes of each section's cmap path ("totem.interface"), to find the one that makes it too long. */
  private readonly pathBytes = new Map<CsSection, number>();

  constructor(private readonly text: string) {
    const { lspLines, corosyncLines } = countLines(text);
    this.file = { children: [], syntaxErrors: [], comments: [], lineCount: lspLines };
    this.corosyncLastLine = corosyncLines;
  }

  /** 1-based number of the last line corosync reads (where it reports a missing brace). */
  private readonly corosyncLastLine: number;

  visitChildren(node: SyntaxNode, parent: CsSection | null, into: CsNode[]): void {
    for (const child of node.namedChildren) {
      if (child) this.visit(child, parent, into);
    }
  }

  private visit(node: SyntaxNode, parent: CsSection | null, into: CsNode[]): void {
    switch (node.type) {
      case 'section':
        into.push(this.section(node, parent));
        return;
      case 'pair':
        into.push(this.pair(node, parent));
        return;
      case 'comment':
        this.file.comments.push(rangeOf(node));
        return;
      case 'bad_line':
        this.badLine(node);
        return;
      case 'stray_brace':
        this.error(rangeOf(node), 'unexpected-brace', 'Unexpected closing brace', {
          advice: l10n.t('No section is open here: remove this `}`, or add the `name {` line it was meant to close.'),
        });
        return;
      case 'ERROR':
        // The grammar accepts every line shape, so this is rare (a character tree-sitter cannot lex).
        this.error(rangeOf(node), 'bad-line', 'Line is not opening or closing section or key value', {
          reason: 'not-a-line',
          advice: l10n.t('Write `key: value`, `name {` or `}` on this line, or start it with `#` to make it a comment.'),
        });
        this.visitChildren(node, parent, into);
        return;
      default:
        return;
    }
  }

  private section(node: SyntaxNode, parent: CsSection | null): CsSection {
    const nameNode = node.childForFieldName('name');
    const open = node.childForFieldName('open');
    const closeNode = node.childForFieldName('close');
    const close = closeNode && !closeNode.isMissing ? closeNode : null;
    const extra = node.childForFieldName('extra');
    const openBraceRange = open ? rangeOf(open) : { start: pos(node.startPosition), end: pos(node.startPosition) };

    // corosync trims blanks, ':' and '{' from the end of the name: `totem: {` opens "totem".
    let name = '';
    let nameRange: Range = { start: openBraceRange.start, end: openBraceRange.start };
    if (nameNode) {
      const raw = nameNode.text;
      name = trimSectionName(raw);
      const start = pos(nameNode.startPosition);
      nameRange = { start, end: { line: start.line, character: start.character + name.length } };
    }

    const section: CsSection = {
      type: 'section',
      name,
      nameRange,
      range: { start: nameNode ? nameRange.start : openBraceRange.start, end: openBraceRange.end },
      openBraceRange,
      closeBraceRange: close ? rangeOf(close) : null,
      children: [],
      parent,
    };

    if (!nameNode || name === '') {
      this.error(openBraceRange, 'bad-line', "Missing section name before opening bracket '{'", {
        reason: 'missing-section-name',
        advice: l10n.t('Write the section name before the brace, e.g. `totem {`.'),
      });
    }
    if (extra) {
      this.error(rangeOf(extra), 'bad-line', "Extra characters after opening bracket '{'", {
        reason: 'extra-after-open-brace',
        advice: l10n.t('corosync wants nothing after `{` on its line: move this text to the next line.'),
      });
    }

    // corosync refuses a section whose cmap path would reach 256 bytes and stops reading there, so
    // what is inside it is not analysed either: this also bounds the nesting (and recursion) depth.
    const parentBytes = parent ? (this.pathBytes.get(parent) ?? 0) : 0;
    const nameBytes = utf8Length(name);
    // (coroparse.c: strlen(path) + strlen(name) + 1 >= ICMAP_KEYNAME_MAXLEN, measured with corosync -t)
    if (parentBytes + nameBytes + 1 >= KEY_NAME_MAX) {
      this.error(nameNode ? nameRange : openBraceRange, 'bad-line', 'Start of section makes total cmap path too long', {
        reason: 'section-path-too-long',
        advice: l10n.t(
          'corosync refuses nested sections whose names, joined by dots, reach {0} characters; nothing inside this section is read. Close the sections above it sooner.',
          KEY_NAME_MAX - 1,
        ),
      });
    } else {
      this.pathBytes.set(section, parent ? parentBytes + 1 + nameBytes : nameBytes);
      this.visitChildren(node, section, section.children);
    }

    if (close) {
      section.range = { start: section.range.start, end: rangeOf(close).end };
    } else {
      section.range = { start: section.range.start, end: lastEnd(section, extra) };
      this.unclosed.push(section);
    }
    return section;
  }

  private pair(node: SyntaxNode, parent: CsSection | null): CsKeyValue {
    const keyNode = node.childForFieldName('key');
    const valueNode = node.childForFieldName('value');
    const colon = node.children.find((c) => c?.type === ':') ?? null;
    const colonRange = colon ? rangeOf(colon) : rangeOf(node);
    const keyRange = keyNode ? rangeOf(keyNode) : { start: colonRange.start, end: colonRange.start };
    const valueRange = valueNode ? rangeOf(valueNode) : { start: colonRange.end, end: colonRange.end };
    const kv: CsKeyValue = {
      type: 'key',
      key: keyNode ? keyNode.text : '',
      keyRange,
      value: valueNode ? valueNode.text : '',
      valueRange,
      range: { start: keyRange.start, end: valueNode ? valueRange.end : colonRange.end },
      parent,
    };
    this.checkKeyName(kv);
    return kv;
  }

  private badLine(node: SyntaxNode): void {
    const text = node.text;
    // The scanner only makes lines without '{' and ':' into bad lines; one holding '}' is a brace
    // with something around it.
    if (text.includes('}')) {
      this.error(rangeOf(node), 'bad-line', "Extra characters before or after closing bracket '}'", {
        reason: 'extra-around-close-brace',
        advice: l10n.t('A closing brace must be alone on its line: put the other text on a line of its own.'),
      });
    } else if (/^[\u00a0 \t]+$/.test(text)) {
      // Pasted from a web page: corosync does not count no-break spaces as blank.
      this.error(rangeOf(node), 'bad-line', 'Line is not opening or closing section or key value', {
        reason: 'not-a-line',
        advice: l10n.t(
          'This line looks empty but holds no-break spaces (U+00A0), which corosync does not treat as blanks: empty the line.',
        ),
      });
    } else {
      this.error(rangeOf(node), 'bad-line', 'Line is not opening or closing section or key value', {
        reason: 'not-a-line',
        advice: l10n.t('Write `key: value`, `name {` or `}` on this line, or start it with `#` to make it a comment.'),
      });
    }
  }

  /**
   * corosync stores every key under its full path ("totem.interface.linknumber") in icmap, which
   * refuses names with other characters than [A-Za-z0-9._/:-] or shorter than 3 characters.
   */
  private checkKeyName(kv: CsKeyValue): void {
    let path = kv.key;
    let badSection: CsSection | undefined;
    for (let s = kv.parent; s; s = s.parent) {
      path = `${s.name}.${path}`;
      if (!KEY_NAME_CHARS.test(s.name)) badSection = s;
    }
    const keyBad = !KEY_NAME_CHARS.test(kv.key);
    const tooShort = path.length < KEY_NAME_MIN;
    const tooLong = utf8Length(path) > KEY_NAME_MAX;
    if (!keyBad && !tooShort && !tooLong) {
      if (badSection && !this.badSectionNames.has(badSection)) this.badSectionNames.set(badSection, kv);
      return;
    }
    const message = tooLong
      ? 'New key makes total cmap path too long'
      : `Can't store key "${path}" into icmap, returned error is CS_ERR_NAME_TOO_LONG`;
    const advice = tooLong
      ? l10n.t('corosync limits the full key path (sections and key joined by dots) to 255 characters.')
      : tooShort
        ? l10n.t('corosync needs a key path of at least 3 characters: put the key in its section, or fix its name.')
        : l10n.t(
            'corosync accepts only letters, digits and . _ - / : in key names: remove the other characters (a `#` comment must start its own line).',
          );
    this.error(kv.keyRange, 'bad-line', message, { reason: 'invalid-key-name', advice });
  }

  private error(
    range: Range,
    kind: CsSyntaxError['kind'],
    message: string,
    extra: { reason?: CsBadLineReason; advice?: string; section?: CsSection; corosyncLine?: number } = {},
  ): void {
    this.file.syntaxErrors.push({ range, message, kind, ...extra });
  }

  finish(): void {
    for (const [section, key] of this.badSectionNames) {
      // Reported where corosync reports it: the first key it tries to store under that section.
      this.error(key.keyRange, 'bad-line', `Can't store key "${keyPath(key)}" into icmap, returned error is CS_ERR_NAME_TOO_LONG`, {
        reason: 'invalid-key-name',
        advice: l10n.t(
          'corosync accepts only letters, digits and . _ - / : in section names: rename section "{0}" (line {1}).',
          section.name,
          section.nameRange.start.line + 1,
        ),
      });
    }
    for (const section of this.unclosed) {
      const label = section.name ? `section "${section.name}"` : 'a section';
      this.error(
        section.nameRange,
        'missing-brace',
        `Missing closing brace: ${label} opened on line ${section.nameRange.start.line + 1} is never closed ` +
          `(corosync reports this at the end of the file, line ${this.corosyncLastLine})`,
        {
          section,
          corosyncLine: Math.max(0, this.corosyncLastLine - 1),
          advice: l10n.t('Add `}` on its own line where the section ends.'),
        },
      );
    }
    this.checkLineLengths();
    this.file.syntaxErrors.sort(byRangeStart);
  }

  /** corosync refuses any line, comments included, longer than 510 bytes. Linear in the text. */
  private checkLineLengths(): void {
    const text = this.text;
    let line = 0;
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      // A UTF-16 unit is at most 3 UTF-8 bytes, so short lines need no byte count.
      if ((end - start) * 3 > MAX_LINE_BYTES) {
        const content = text.slice(start, end);
        const bytes = Buffer.byteLength(content, 'utf8');
        if (bytes > MAX_LINE_BYTES) {
          const visible = content.endsWith('\r') ? content.length - 1 : content.length;
          this.error({ start: { line, character: 0 }, end: { line, character: visible } }, 'bad-line', 'Line too long', {
            reason: 'line-too-long',
            advice: l10n.t('corosync reads at most {0} bytes per line and this one has {1}: shorten it.', MAX_LINE_BYTES, bytes),
          });
        }
      }
      if (end === text.length) break;
      start = end + 1;
      line++;
    }
  }
}

function keyPath(kv: CsKeyValue): string {
  let path = kv.key;
  for (let s = kv.parent; s; s = s.parent) path = `${s.name}.${path}`;
  return path;
}

/** corosync's remove_whitespace(name, 1): drop trailing blanks, ':' and '{' (keeping one character). */
function trimSectionName(raw: string): string {
  let end = raw.length;
  while (end > 1 && ' \t:{'.includes(raw[end - 1]!)) end--;
  return raw.slice(0, end);
}

/** The end of the last thing that belongs to an unclosed section. */
function lastEnd(section: CsSection, extra: SyntaxNode | null): Position {
  const last = section.children[section.children.length - 1];
  if (last) return last.range.end;
  return extra ? pos(extra.endPosition) : section.openBraceRange.end;
}

/** LSP line count, and the number of lines corosync reads (a final newline starts no new line). */
function countLines(text: string): { lspLines: number; corosyncLines: number } {
  let newlines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) newlines++;
  const endsWithNewline = text.length === 0 || text.endsWith('\n');
  return { lspLines: newlines + 1, corosyncLines: newlines + (endsWithNewline ? 0 : 1) };
}

function utf8Length(s: string): number {
  return /^[\x00-\x7f]*$/.test(s) ? s.length : Buffer.byteLength(s, 'utf8');
}

function pos(p: { row: number; column: number }): Position {
  return { line: p.row, character: p.column };
}

function rangeOf(node: SyntaxNode): Range {
  return { start: pos(node.startPosition), end: pos(node.endPosition) };
}
