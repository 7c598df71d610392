// Differential proof of the corosync.conf diagnostics against corosync's own parser.
// Every file of the corpus (hand-written files, plus mutations generated from valid base files:
// deleted braces, changed values, keys moved to another section) is run through
// `corosync -t -c FILE` inside a fresh network namespace with no route (only loopback up) and
// through the analysis `pcmk-lsp check` runs (parseCorosync + corosyncDiagnostics).
// Agreement means: corosync rejects -> at least one error, at the line corosync names when it names
// one (for "Missing closing brace", which corosync reports at the last line, an error at the
// section left open); corosync accepts -> no error at all.
// corosync runs in the environment-proof sandbox of corosync-sandbox.ts (each node in turn plays
// the local node, host names resolve through a private /etc/hosts, logfile/keyfile point into the
// sandbox, refusals are printed on stderr), so the file we analyse is the file as written.
// `classes/` holds one self-written regression fixture per class of disagreement found on public
// corosync.conf files (see docs/rules/corosync.md).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { initParsers } from '../../server/src/parsing/treeSitter';
import { parseCorosync } from '../../server/src/corosync/parse';
import { corosyncDiagnostics } from '../../server/src/corosync/index';
import { ensureTool, canUseNetns, failOrSkip } from '../support/tools';
import { mutations } from './fixtures/corosync/mutations';
import { runCorosyncSandboxed } from './corosync-sandbox';

const FIXTURES = path.join(__dirname, 'fixtures', 'corosync');

interface Case {
  name: string;
  text: string;
}

function corpus(): Case[] {
  const cases: Case[] = [];
  for (const dir of ['base', 'hand', 'classes']) {
    for (const f of fs.readdirSync(path.join(FIXTURES, dir)).sort()) {
      if (f.endsWith('.conf')) cases.push({ name: `${dir}/${f}`, text: fs.readFileSync(path.join(FIXTURES, dir, f), 'utf8') });
    }
  }
  for (const f of fs.readdirSync(path.join(FIXTURES, 'base')).sort()) {
    if (!f.endsWith('.conf')) continue;
    const text = fs.readFileSync(path.join(FIXTURES, 'base', f), 'utf8');
    for (const m of mutations(text)) cases.push({ name: `base/${f} ~ ${m.name}`, text: m.text });
  }
  return cases;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The sentences a message attributes to corosync: `("…")` quotes, and the corosync wording a syntax error starts with. */
export function corosyncQuotes(message: string, code: string): string[] {
  const quotes = [...message.matchAll(/\("([^"]+)"/g)].map((m) => m[1]!.replace(/\.\.\.$/, ''));
  if (code === 'corosync/syntax' || code === 'corosync/invalid-key-name') {
    const lead = /^(.*?)(?:: corosync refuses| is never closed| opened here)/.exec(message)?.[1];
    if (lead && !lead.startsWith('Missing closing brace')) quotes.push(lead);
  }
  return quotes;
}

describe('corosync differential (corosync -t vs corosyncDiagnostics)', () => {
  let skip: string | undefined;
  let dir = '';
  before(async () => {
    skip = ensureTool('corosync', ['corosync']) ?? (canUseNetns() ? undefined : failOrSkip('needs root for unshare --net'));
    await initParsers();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-diff-'));
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('agrees with corosync on every file of the corpus', (t) => {
    if (skip) return t.skip(skip);
    const cases = corpus();
    assert.ok(cases.length >= 60, `corpus has only ${cases.length} files`);
    const disagreements: string[] = [];
    let rejected = 0;
    cases.forEach((c, i) => {
      const text = c.text;
      const verdict = runCorosyncSandboxed(text, { dir: path.join(dir, `c${i}`) });
      const { tree, file: parsed } = parseCorosync(text);
      tree?.delete();
      const errors = corosyncDiagnostics(parsed).filter((d) => d.severity === 1);
      const ours = errors.map((d) => `${d.range.start.line + 1}:${d.code}`).join(', ') || 'no error';
      if (verdict.rejected) {
        rejected++;
        // A message that quotes corosync must quote what corosync printed for this file (corosync
        // stops at its first refusal, so one of our quotes has to be it).
        const quotes = errors.flatMap((d) => corosyncQuotes(d.message, String(d.code)));
        const printed = norm(verdict.runs.map((r) => r.output).join('\n'));
        if (quotes.length && !quotes.some((q) => printed.includes(norm(q)))) {
          disagreements.push(`${c.name}: we quote ${JSON.stringify(quotes)} but corosync printed "${verdict.message}"`);
        }
        if (!errors.length) {
          disagreements.push(`${c.name}: corosync rejects (${verdict.message}) but we report no error`);
        } else if (/Missing closing brace/.test(verdict.message)) {
          if (!errors.some((d) => d.code === 'corosync/syntax'))
            disagreements.push(`${c.name}: corosync says "${verdict.message}", we say ${ours}`);
        } else if (verdict.line !== undefined && !errors.some((d) => d.range.start.line + 1 === verdict.line)) {
          disagreements.push(`${c.name}: corosync rejects at line ${verdict.line} (${verdict.message}), we say ${ours}`);
        }
      } else if (errors.length) {
        disagreements.push(`${c.name}: corosync accepts, we report ${ours}: ${errors[0].message}`);
      }
    });
    const agree = cases.length - disagreements.length;
    console.log(
      `corosync differential: ${agree}/${cases.length} agree (${rejected} rejected by corosync, ${cases.length - rejected} accepted)`,
    );
    assert.deepEqual(disagreements, []);
  });
});
