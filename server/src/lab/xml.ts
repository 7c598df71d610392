// A small XML reader for what Pacemaker prints (CIB, crm_mon --output-as=xml): elements and
// attributes only; text, comments and processing instructions are skipped.
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** First descendant with this name (depth first). */
  find(name: string): XmlElement | undefined;
}

function element(name: string, attrs: Record<string, string>): XmlElement {
  const el: XmlElement = {
    name,
    attrs,
    children: [],
    find(target) {
      for (const c of el.children) {
        if (c.name === target) return c;
        const deep = c.find(target);
        if (deep) return deep;
      }
      return undefined;
    },
  };
  return el;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? all;
  });
}

/** Parses a document; the result is a synthetic root whose children are the top elements. */
export function parseXml(text: string): XmlElement {
  const root = element('#document', {});
  const stack: XmlElement[] = [root];
  const tag =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  for (const m of text.matchAll(tag)) {
    if (m[1]) {
      if (stack.length > 1) stack.pop();
      continue;
    }
    if (!m[2]) continue;
    const attrs: Record<string, string> = {};
    for (const a of m[3]!.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]!] = decode(a[2] ?? a[3] ?? '');
    const el = element(m[2], attrs);
    stack[stack.length - 1]!.children.push(el);
    if (!m[4]) stack.push(el);
  }
  return root;
}
