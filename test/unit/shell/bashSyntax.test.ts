// Issue 11, finding 9: what bash refuses (an unterminated quote or `$(`, an unmatched fi/done/esac, an
// if/for left open) is an error pinned where the construct opens; Markdown fences are fragments and
// transcripts, so only an open quote/substitution in a prompt-free shell fence is judged there.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../../../server/src/service/languageService';

let service: LanguageService;
const syntax = (kind: 'shell' | 'markdown', text: string) => {
  const uri = kind === 'shell' ? 'file:///lab/s.sh' : 'file:///lab/m.md';
  service.setDocument(uri, kind, text, 0, true);
  return service
    .diagnostics(uri)
    .filter((d) => d.code === 'shell/syntax')
    .map((d) => `${d.range.start.line}:${d.range.start.character}:${d.severity} ${d.message}`);
};

describe('shell/syntax', () => {
  before(async () => {
    service = new LanguageService();
    await service.init();
  });

  it("an unterminated quote in a script: bash's message, at the quote", () => {
    assert.deepEqual(syntax('shell', "#!/bin/bash\npcs status\npcs resource create vip ocf:heartbeat:IPaddr2 ip='10.0.0.9\npcs status\n"), [
      "2:49:1 bash refuses this script: unexpected EOF while looking for matching `'' (opened here, never closed).",
    ]);
  });

  it('an unterminated $( and an if never closed, at their opening', () => {
    assert.deepEqual(syntax('shell', '#!/bin/bash\necho $(hostname\n'), [
      "1:5:1 bash refuses this script: unexpected EOF while looking for matching `)' (opened here, never closed).",
    ]);
    assert.deepEqual(syntax('shell', '#!/bin/bash\nif true; then\n  pcs status\n'), [
      '1:0:1 bash refuses this script: syntax error: unexpected end of file (opened here, never closed).',
    ]);
  });

  it('an unmatched fi / done: bash\'s "unexpected token"', () => {
    assert.deepEqual(syntax('shell', '#!/bin/bash\npcs status\n  done\n'), [
      "2:2:1 bash refuses this script: syntax error near unexpected token `done' (nothing open here for it to close).",
    ]);
  });

  it('scripts bash accepts: no error (quotes in comments, heredocs, words that look like keywords)', () => {
    assert.deepEqual(
      syntax('shell', "#!/bin/bash\n# don't\necho \"it's\" fi done\ncat <<EOF\nit's\nEOF\ncase $1 in done) echo ;; esac\n"),
      [],
    );
  });

  it('Markdown: an open quote in a prompt-free shell fence is an error on the fence line', () => {
    assert.deepEqual(syntax('markdown', "# lab\n\n```bash\npcs status\necho 'oops\n```\n\nprose with an apostrophe: it's fine\n"), [
      "4:5:1 bash refuses this command: unexpected EOF while looking for matching `'' (opened here, never closed).",
    ]);
  });

  it('Markdown: no error on prompted transcripts, fragments of a loop, or prose', () => {
    assert.deepEqual(syntax('markdown', "```console\nnode1 # echo 'hello\nhello\nnode1 # pcs status\n```\n"), []);
    assert.deepEqual(syntax('markdown', '```bash\nfor n in node1 node2; do\n```\n\n```bash\ndone\n```\n'), []);
    assert.deepEqual(syntax('markdown', "Run pcs status when it's up.\n"), []);
  });
});
