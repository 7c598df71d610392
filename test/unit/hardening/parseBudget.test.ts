// Issue 11 (fuzz findings): tree-sitter-bash's error recovery is worse than linear on some broken
// shapes (thousands of lines that are only `<<EOF`; a line of thousands of `>`), and a fuzz worker hung
// in it. Every parse now has a time budget (parsing/treeSitter.ts); a part of a script over it is
// reported as not analysed (`shell/parse-budget`) instead of holding the analysis for seconds to minutes.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LanguageService } from '../../../server/src/service/languageService';
import { grammars, initParsers, parserFor, scaleParseBudget } from '../../../server/src/parsing/treeSitter';

const FIXTURE = path.join(__dirname, '..', 'fuzz', 'crashes', 'heredoc-marks-without-command.sh');
const LAB = path.join(__dirname, '..', '..', '..', 'examples', 'lab', 'lab.sh');

async function diagnosticsOf(file: string, text: string) {
  const service = new LanguageService();
  await service.init();
  const uri = `file:///budget/${file}`;
  service.setDocument(uri, file.endsWith('.md') ? 'markdown' : 'shell', text, 1, true);
  return { service, uri, diagnostics: service.diagnostics(uri) };
}

describe('parse budget', () => {
  before(async () => {
    await initParsers();
  });

  it('the fuzz finding (3,000 lines of `<<EOF`) gets shell/parse-budget where the unparsed lines start', async () => {
    const text = fs.readFileSync(FIXTURE, 'utf8');
    const { service, uri, diagnostics } = await diagnosticsOf('heredocs.sh', text);
    const budget = diagnostics.filter((d) => d.code === 'shell/parse-budget');
    assert.equal(budget.length, 1, JSON.stringify(diagnostics.map((d) => d.code)));
    assert.equal(budget[0]!.severity, 2);
    assert.match(budget[0]!.message, /time budget \(500 ms \+ 0\.02 ms per character\).*not analysed/);
    // Pinned at the start of the part that was not parsed: inside the document, at or before the first `<<EOF`.
    const first = text.split('\n').indexOf('<<EOF');
    assert.ok(budget[0]!.range.start.line <= first, `${budget[0]!.range.start.line} > ${first}`);
    // The service goes on answering on the document.
    assert.ok(Array.isArray(service.documentSymbols(uri)));
    assert.doesNotThrow(() => service.hover(uri, { line: 3, character: 2 }));
  });

  it('a line of 8,000 `>` (the other quadratic shape) gets it too, at the start of its segment', async () => {
    const { diagnostics } = await diagnosticsOf('redirections.sh', 'pcs resource create\n' + '>'.repeat(8000) + '\n');
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'shell/parse-budget').map((d) => d.range.start.line),
      [0],
    );
  });

  it('a large ordinary script stays within the budget (no shell/parse-budget)', async () => {
    const lab = fs.readFileSync(LAB, 'utf8');
    const { diagnostics } = await diagnosticsOf('big.sh', lab.repeat(30));
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'shell/parse-budget'),
      [],
    );
  });

  it('a parser that went over its budget parses the next text afresh (not the rest of the cancelled one)', () => {
    const parser = parserFor(grammars().bash);
    assert.equal(parser.parse('<<EOF\n'.repeat(3000)), null);
    const tree = parser.parse('echo hello\n');
    assert.ok(tree);
    try {
      assert.equal(tree.rootNode.text, 'echo hello\n');
      assert.equal(tree.rootNode.hasError, false);
    } finally {
      tree.delete();
    }
  });

  it('a corosync.conf whose parse goes over the budget: one corosync/parse-budget warning, no exception, features still answer', async () => {
    // a fuzz worker at 3.7 GB went over the budget on an ordinary corosync.conf (the garbage collector's
    // threads count as CPU time): parseCorosync threw and the whole diagnostics request failed
    const conf = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'examples', 'lab', 'corosync.conf'), 'utf8');
    const service = new LanguageService();
    await service.init();
    const uri = 'file:///budget/corosync.conf';
    const previous = scaleParseBudget(0);
    try {
      service.setDocument(uri, 'corosync', conf.repeat(4), 1, true);
      const diagnostics = service.diagnostics(uri);
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.severity, d.range.start.line]),
        [['corosync/parse-budget', 2, 0]],
      );
      assert.match(diagnostics[0]!.message, /time budget \(500 ms \+ 0\.02 ms per character\).*not analysed/);
      assert.deepEqual(service.documentSymbols(uri), []);
      assert.doesNotThrow(() => service.hover(uri, { line: 1, character: 4 }));
      assert.doesNotThrow(() => service.format(uri, { tabSize: 4, insertSpaces: true }));
    } finally {
      scaleParseBudget(previous);
    }
    // with the budget back, the next version is parsed and checked as usual
    service.changeDocument(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }], 2);
    assert.equal(service.diagnostics(uri).filter((d) => d.code === 'corosync/parse-budget').length, 0);
    assert.ok(service.documentSymbols(uri).length > 0);
  });
});
