// Test input builder: turns plain command lines (one command per line, simple quotes) into the
// ScriptExtract shape with exact ranges, so model tests do not depend on the shell extractor.
// Lines that write /etc/hosts are given as `#hosts ADDRESS NAME...` for brevity.
import type { Invocation, ScriptExtract, Word } from '../../../server/src/base/types';
import type { ScriptDocument } from '../../../server/src/model/types';

export function wordsOf(line: string, lineNo: number): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (i >= line.length) break;
    const start = i;
    let text = '';
    let plain = true;
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') {
      const q = line[i];
      if (q === '"' || q === "'") {
        const end = line.indexOf(q, i + 1);
        text += line.slice(i + 1, end < 0 ? line.length : end);
        i = end < 0 ? line.length : end + 1;
        plain = false;
      } else text += line[i++];
    }
    const wholeQuoted = !plain && (line[start] === '"' || line[start] === "'") && i - start === text.length + 2;
    words.push({
      text,
      range: { start: { line: lineNo, character: start }, end: { line: lineNo, character: i } },
      textOffset: plain ? start : wholeQuoted ? start + 1 : undefined,
    });
  }
  return words;
}

export function extractOf(text: string): ScriptExtract {
  const invocations: Invocation[] = [];
  const files: ScriptExtract['files'] = [];
  text.split('\n').forEach((line, i) => {
    if (line.startsWith('#hosts ')) {
      const content = line.slice('#hosts '.length);
      files.push({
        path: '/etc/hosts',
        content,
        contentRange: { start: { line: i, character: 7 }, end: { line: i, character: line.length } },
        lineOffsets: [7],
        append: true,
      });
      return;
    }
    if (!line.trim() || line.trim().startsWith('#')) return;
    const argv = wordsOf(line, i);
    invocations.push({
      command: argv[0].text.replace(/^.*\//, ''),
      argv,
      range: { start: argv[0].range.start, end: argv[argv.length - 1].range.end },
      block: 0,
    });
  });
  return { invocations, files, blocks: [] };
}

export function doc(uri: string, text: string): ScriptDocument {
  return { uri, kind: 'shell', extract: extractOf(text) };
}
