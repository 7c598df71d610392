// Joining words in the language of the messages: "`a` or `b` or `c`" in English, the translated
// connector elsewhere (l10n bundles; the language is configured once per process by the CLI or server).
import * as l10n from '@vscode/l10n';

/** `a`, `a or b`, `a or b or c`: each step through the translated "{0} or {1}". */
export function orList(items: readonly string[]): string {
  let out = items[0] ?? '';
  for (let i = 1; i < items.length; i++) out = l10n.t('{0} or {1}', out, items[i]);
  return out;
}
