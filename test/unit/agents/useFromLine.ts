// Builds an AgentUse from one `pcs resource create` / `pcs stonith create` line, with exact word
// ranges, the way the pcs layer does for real scripts (simplified: single line, simple quotes).
import type { AgentUse, Word } from '../../../server/src/base/types';

export function wordsOf(line: string, lineNo = 0): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === ' ') {
      i++;
      continue;
    }
    const start = i;
    let text = '';
    while (i < line.length && line[i] !== ' ') {
      const quote = line[i];
      if (quote === '"' || quote === "'") {
        const close = line.indexOf(quote, i + 1);
        const end = close < 0 ? line.length : close;
        text += line.slice(i + 1, end);
        i = end + 1;
      } else text += line[i++];
    }
    words.push({ text, range: { start: { line: lineNo, character: start }, end: { line: lineNo, character: Math.min(i, line.length) } } });
  }
  return words;
}

export function useFromLine(line: string, lineNo = 0): AgentUse {
  const words = wordsOf(line, lineNo);
  const createAt = words.findIndex((w) => w.text === 'create');
  const kind = words[createAt - 1]?.text === 'stonith' ? 'stonith' : 'resource';
  const id = words[createAt + 1];
  const agent = words[createAt + 2];
  const use: AgentUse = { kind, id, agent, params: [], ops: [], meta: [] };
  let section: 'params' | 'op' | 'meta' | 'other' = 'params';
  for (let i = createAt + 3; i < words.length; i++) {
    const w = words[i];
    if (w.text === 'op') {
      section = 'op';
      const name = words[++i];
      if (name) use.ops.push({ name, options: [] });
      continue;
    }
    if (w.text === 'meta') {
      section = 'meta';
      continue;
    }
    if (w.text.startsWith('--') || w.text === 'clone' || w.text === 'promotable') {
      section = 'other';
      continue;
    }
    if (section === 'params') use.params.push(w);
    else if (section === 'op') {
      if (w.text.includes('=')) use.ops[use.ops.length - 1].options.push(w);
    } else if (section === 'meta') use.meta.push(w);
  }
  return use;
}

/** Position of the first occurrence of `needle` in `line` (plus `offset` characters). */
export function at(line: string, needle: string, offset = 1, lineNo = 0) {
  const index = line.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not in ${line}`);
  return { line: lineNo, character: index + offset };
}
