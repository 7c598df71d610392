// The "▶ Run on node1" lenses: which text a lens runs (prompt removed, whole statements) and where.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLens } from 'vscode-languageserver-types';
import { blockStatements, runCodeLenses, type RunOnNodeArgs } from '../../../server/src/runOnNode/lenses';
import type { PromptTarget, RunnableBlock, ScriptExtract, DocumentKind } from '../../../server/src/base/types';
import { failOrSkip } from '../../support/tools';

function block(text: string, startLine = 0): RunnableBlock {
  const lines = text.split('\n');
  return {
    text,
    range: { start: { line: startLine, character: 0 }, end: { line: startLine + lines.length - 1, character: lines.at(-1)!.length } },
  };
}

function prompt(line: number, width: number, nodes: string[]): PromptTarget {
  return { nodes, raw: '', range: { start: { line, character: 0 }, end: { line, character: width } } };
}

describe('statements of a block', () => {
  test('continuations, heredocs and multi-line loops are one statement each; comments are skipped', () => {
    const text = [
      '# set up the hosts file',
      'cat <<EOF > /etc/hosts',
      '192.168.78.11 node1',
      'EOF',
      'for i in 1 2; do',
      '  echo $i',
      'done',
      'pcs resource create vip IPaddr2 \\',
      '    ip=192.168.78.100 | tee log',
      "echo 'multi",
      "line' && true &&",
      '  echo done',
      'hostname',
    ].join('\n');
    const statements = blockStatements(block(text, 10), new Map());
    assert.deepEqual(
      statements.map((s) => [s.range.start.line, s.range.end.line]),
      [
        [11, 13],
        [14, 16],
        [17, 18],
        [19, 21],
        [22, 22],
      ],
    );
    assert.equal(statements[0]!.text, 'cat <<EOF > /etc/hosts\n192.168.78.11 node1\nEOF');
    assert.equal(statements[2]!.text, 'pcs resource create vip IPaddr2 \\\n    ip=192.168.78.100 | tee log');
  });

  test('the prompt is removed from the text; `done` inside a word or quotes does not close a loop', () => {
    const text = ['node1 # echo "done" donefile; if true; then', 'node1 # echo x; fi', 'node2 # hostname'].join('\n');
    const prompts = new Map([
      [0, prompt(0, 8, ['node1'])],
      [1, prompt(1, 8, ['node1'])],
      [2, prompt(2, 8, ['node2'])],
    ]);
    const statements = blockStatements(block(text), prompts);
    assert.deepEqual(
      statements.map((s) => s.text),
      ['echo "done" donefile; if true; then\necho x; fi', 'hostname'],
    );
    assert.deepEqual(
      statements.map((s) => s.prompt?.nodes),
      [['node1'], ['node2']],
    );
  });

  test('a heredoc with <<- and a quoted delimiter ends at its tab-indented delimiter', () => {
    const statements = blockStatements(block("cat <<-'END' > f\n\t$x\n\tEND\necho after"), new Map());
    assert.deepEqual(
      statements.map((s) => s.text),
      ["cat <<-'END' > f\n\t$x\n\tEND", 'echo after'],
    );
  });
});

type Extract = (text: string, kind: DocumentKind) => ScriptExtract | Promise<ScriptExtract>;
type ExtractScript = (text: string, kind: DocumentKind) => { extract: ScriptExtract };

/** The real extraction (server/src/shell/extract.ts), loaded only when it exists. */
async function loadExtract(): Promise<Extract> {
  const parsing = await import('../../../server/src/parsing/treeSitter');
  await parsing.initParsers();
  const { extractScript } = (await import(extractFile)) as { extractScript: ExtractScript };
  return (text, kind) => extractScript(text, kind).extract;
}

const extractFile = path.join(__dirname, '../../../server/src/shell/extract.ts');
const skip = fs.existsSync(extractFile) ? undefined : failOrSkip('server/src/shell/extract.ts (extractScript) is not there yet');

function summary(lenses: CodeLens[]): { line: number; title: string; text: string; nodes: RunOnNodeArgs['nodes'] }[] {
  return lenses.map((lens) => {
    const args = lens.command!.arguments![0] as RunOnNodeArgs;
    assert.equal(lens.command!.command, 'pacemakerLab.runOnNode');
    assert.deepEqual(args.range, lens.range);
    return { line: lens.range.start.line, title: lens.command!.title, text: args.text, nodes: args.nodes };
  });
}

describe('run lenses from the real extraction', { skip }, () => {
  let extractScript: Extract;
  before(async () => {
    extractScript = await loadExtract();
  });
  const extract: Extract = (text, kind) => extractScript(text, kind);

  test('a Markdown memo: the prompt names the node; node1/2 and nodeX run on all; output lines are not run', async () => {
    const memo = fs.readFileSync(path.join(__dirname, 'fixtures', 'memo.md'), 'utf8');
    const lenses = summary(runCodeLenses(await extract(memo, 'markdown'), 'file:///memo.md'));
    const lines = memo.split('\n');
    const at = (needle: string) => lines.findIndex((line) => line.includes(needle));
    const on = (line: number) => lenses.filter((lens) => lens.line === line);

    assert.deepEqual(
      on(at('node1 # hostname')).map((l) => [l.title, l.text, l.nodes]),
      [
        ['▶ Run on node1', 'hostname', ['node1']],
        ['▶ Run on…', 'hostname', null],
      ],
    );
    const both = on(at('node1/2#'));
    assert.equal(both[0]!.title, '▶ Run on all nodes (node1, node2)');
    assert.deepEqual(both[0]!.nodes, ['node1', 'node2']);
    assert.equal(both[0]!.text, 'dnf install -y pacemaker pcs');
    assert.equal(on(at('nodeX #'))[0]!.nodes, '*');
    assert.ok(!lenses.some((lens) => /Cluster name/.test(lens.text)), 'command output is never run');
  });

  test('a script block with two commands gets a block lens running both, prompts stripped', async () => {
    const script = 'node1 # pcs cluster stop --all\nnode1 # pcs cluster start --all\n\necho alone\n';
    const lenses = summary(runCodeLenses(await extract(script, 'shell'), 'file:///lab.sh'));
    const blockLens = lenses.find((lens) => lens.title === '▶ Run block on node1');
    assert.ok(blockLens, JSON.stringify(lenses));
    assert.equal(blockLens.text, 'pcs cluster stop --all\npcs cluster start --all');
    const alone = lenses.filter((lens) => lens.line === 3);
    assert.deepEqual(
      alone.map((l) => l.title),
      ['▶ Run on…'],
    );
  });
});
