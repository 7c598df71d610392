// The fixed-seed fuzz slice (issue 11): mutations of the repository's fixtures and random bytes through
// every feature of the language service; plus every input the fuzzer once broke a property on.
// The long run is `npm run fuzz -- --inputs 100000 [--seed N]` (scripts/fuzz.ts).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../../../server/src/service/languageService';
import {
  fuzzService,
  loadCorpus,
  makeInput,
  rangeInside,
  Rng,
  runService,
  type FuzzInput,
  type Seed,
  type Violation,
} from '../../support/fuzz';
import type { DocumentKind } from '../../../server/src/base/types';

const SEED = 20261203;
const INPUTS = 250;
/** CPU time one input may take for all features together: generous, far above the typical 10-100 ms. */
const BOUND_MS = 2000;
const CRASHES = path.join(__dirname, 'crashes');

const describeViolations = (v: { input: FuzzInput; violation: Violation }[]) =>
  v
    .slice(0, 10)
    .map(
      ({ input, violation }) =>
        `#${input.index} ${input.kind} (${input.origin.slice(0, 120)}): ${violation.property} in ${violation.feature}: ${violation.detail}`,
    )
    .join('\n');

describe('fuzz slice: the language service', () => {
  let corpus: Seed[];
  let service: LanguageService;
  before(async () => {
    corpus = loadCorpus();
    service = await fuzzService();
    // Warm up (first wasm compilation) outside the time bound.
    runService(service, { index: -1, kind: 'corosync', text: corpus[0]!.text, origin: 'warm-up' }, new Rng(1), false);
  });

  it('reads a corpus of corosync.conf files, scripts and memos from the repository', () => {
    const kinds = new Set(corpus.map((s) => s.kind));
    assert.deepEqual([...kinds].sort(), ['corosync', 'markdown', 'shell']);
    assert.ok(corpus.length >= 50, `${corpus.length} seeds`);
  });

  it(`keeps every property on ${INPUTS} inputs (seed ${SEED})`, (t) => {
    const broken: { input: FuzzInput; violation: Violation }[] = [];
    let slowest = { cpuMs: 0, ms: 0, input: undefined as FuzzInput | undefined };
    for (let i = 0; i < INPUTS; i++) {
      const input = makeInput(SEED, i, corpus);
      const result = runService(service, input, new Rng(SEED ^ i), i % 2 === 1);
      for (const violation of result.violations) broken.push({ input, violation });
      if (result.cpuMs > slowest.cpuMs) slowest = { cpuMs: result.cpuMs, ms: result.ms, input };
      if (result.cpuMs > BOUND_MS)
        broken.push({ input, violation: { property: 'time', feature: 'all', detail: `${result.cpuMs.toFixed(0)} ms CPU` } });
    }
    t.diagnostic(
      `slowest input: #${slowest.input?.index} ${slowest.input?.kind} ${slowest.input?.text.length} chars, ${slowest.cpuMs.toFixed(0)} ms CPU (${slowest.ms.toFixed(0)} ms wall): ${slowest.input?.origin.slice(0, 160)}`,
    );
    assert.equal(broken.length, 0, describeViolations(broken));
  });
});

describe('fuzz findings stay fixed', () => {
  let service: LanguageService;
  before(async () => {
    service = await fuzzService();
  });

  const kindOf = (file: string): DocumentKind => (file.endsWith('.conf') ? 'corosync' : file.endsWith('.md') ? 'markdown' : 'shell');
  for (const file of fs
    .readdirSync(CRASHES)
    .filter((f) => f !== 'README.md')
    .sort()) {
    it(`${file}: every feature, fresh and as an edit, keeps the properties`, () => {
      const text = fs.readFileSync(path.join(CRASHES, file), 'utf8');
      const input: FuzzInput = { index: 0, kind: kindOf(file), text, origin: file };
      const fresh = runService(service, input, new Rng(7), false);
      assert.deepEqual(fresh.violations, []);
      // the same generous bound as the slice: some findings were inputs that took seconds
      assert.ok(fresh.cpuMs < BOUND_MS, `${fresh.cpuMs.toFixed(0)} ms CPU`);
      // As an edit of a document with LF line breaks, and back.
      runService(service, { ...input, text: text.replace(/\r/g, '\n') }, new Rng(8), false);
      const edited = runService(service, input, new Rng(9), true);
      assert.deepEqual(edited.violations, []);
      assert.deepEqual(edited.diagnostics, fresh.diagnostics);
    });
  }

  it('places corosync diagnostics on the lines an editor shows for lone CR line breaks', () => {
    const uri = 'file:///cr/corosync.conf';
    service.setDocument(uri, 'corosync', fs.readFileSync(path.join(CRASHES, 'lone-cr-line-breaks.corosync.conf'), 'utf8'));
    const unknown = service.diagnostics(uri).find((d) => d.code === 'corosync/unknown-key');
    assert.deepEqual(unknown?.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 8 } });
    assert.deepEqual(
      service.documentSymbols(uri).map((s) => [s.name, s.range.start.line, s.range.end.line]),
      [
        ['totem', 0, 3],
        ['quorum', 5, 7],
      ],
    );
  });

  it('places script diagnostics on the lines an editor shows for lone CR line breaks', () => {
    const uri = 'file:///cr/setup.sh';
    service.setDocument(uri, 'shell', fs.readFileSync(path.join(CRASHES, 'lone-cr-line-breaks.sh'), 'utf8'));
    const missing = service.diagnostics(uri).filter((d) => d.severity === 1);
    assert.deepEqual(
      missing.map((d) => d.range.start.line),
      [3],
      JSON.stringify(missing),
    );
  });

  it('keeps positions right after an edit that joins a CR and a LF into one line break', () => {
    const uri = 'file:///crlf/corosync.conf';
    const text = 'totem {\r    version: 2\r    tokn: 3000\r}\r';
    service.setDocument(uri, 'corosync', text, 1);
    service.diagnostics(uri);
    // Insert a LF after each CR, from the end, as an editor converting line endings would.
    const doc = TextDocument.create(uri, 'corosync', 1, text);
    let version = 1;
    for (let offset = text.length; offset > 0; offset--) {
      if (text[offset - 1] !== '\r') continue;
      const at = doc.positionAt(offset);
      service.changeDocument(uri, [{ range: { start: at, end: at }, text: '\n' }], ++version);
    }
    assert.equal(service.getText(uri), text.replace(/\r/g, '\r\n'));
    const edited = service.diagnostics(uri);
    const converted = TextDocument.create(uri, 'corosync', 0, text.replace(/\r/g, '\r\n'));
    for (const d of edited) assert.ok(rangeInside(converted, d.range), JSON.stringify(d.range));
    assert.deepEqual(edited.find((d) => d.code === 'corosync/unknown-key')?.range.start, { line: 2, character: 4 });
  });
});
