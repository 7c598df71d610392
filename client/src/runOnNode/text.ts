// Text from a lab file (a node name, a destination, a command line) on its way to a terminal header,
// an output channel, a modal or a decoration: escape sequences and control characters are removed, so a
// file cannot move the cursor, clear the screen, retitle the terminal or hide text in what we print.
// Pure: no imports (unit-tested directly).

// CSI (ESC [ … final byte), OSC (ESC ] … BEL or ST), DCS/SOS/PM/APC strings, two-byte ESC sequences,
// and their 8-bit C1 forms.
const ESCAPES =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|[\u001b\u009d\u0090\u0098\u009e\u009f][\]PX^_][\s\S]*?(?:\u0007|\u001b\\|\u009c)|\u001b[\]PX^_][^\u0007\u001b]*|\u001b[ -/]*[0-~]?/g;

/** `text` without terminal escape sequences and control characters; newlines (and tabs) kept when asked. */
export function stripControl(text: string, keepNewlines = false): string {
  const noEscapes = text.replace(ESCAPES, '');
  return noEscapes.replace(keepNewlines ? /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g : /[\u0000-\u001f\u007f-\u009f]/g, (c) =>
    c === '\r' ? '' : keepNewlines ? '' : c === '\n' || c === '\t' ? ' ' : '',
  );
}
