// Files other people write: shell alternatives (if/elif/else, case, ||), files with and without a known
// order, and several clusters in one workspace. Every case goes through the language service as the
// editor and `pcmk-lsp check` do (extraction, fold, rules), on fixtures in test/unit/model/fixtures.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LanguageService } from '../../../server/src/service/languageService';
import { rankFromName, LabOrder } from '../../../server/src/model/order';

const fixtures = path.join(import.meta.dirname, 'fixtures');

async function open(files: Record<string, string>): Promise<LanguageService> {
  const s = new LanguageService();
  await s.init();
  for (const [uri, text] of Object.entries(files)) s.setDocument(uri, uri.endsWith('.md') ? 'markdown' : 'shell', text, 1);
  return s;
}

function folder(name: string): Record<string, string> {
  const dir = path.join(fixtures, name);
  return Object.fromEntries(readdirSync(dir).map((f) => [`file:///lab/${name}/${f}`, readFileSync(path.join(dir, f), 'utf8')]));
}

/** `line code` of each diagnostic (1-based lines), errors and warnings only. */
function problems(list: Diagnostic[]): string[] {
  return list.filter((d) => d.severity! <= 2).map((d) => `${d.range.start.line + 1} ${d.code}`);
}

describe('shell alternatives', () => {
  it('the same fence device in the if, elif and else arms is no duplicate; twice in one arm, or again after an exhaustive if, it is', async () => {
    const uri = 'file:///lab/fence-branches.sh';
    const s = await open({ [uri]: readFileSync(path.join(fixtures, 'clusters', 'fence-branches.sh'), 'utf8') });
    const dup = s
      .diagnostics(uri)
      .filter((d) => d.code === 'pcs/duplicate-id')
      .map((d) => d.range.start.line + 1);
    // line 11: second create inside the else arm; line 22: every arm created it, so it exists for certain
    assert.deepEqual(dup, [11, 22]);
    // the case without `*)` and the `||` alternative: site-vip may or may not exist, never a certain duplicate
    assert.deepEqual(
      problems(s.diagnostics(uri)).filter((p) => /^(1[5-9]|20) /.test(p)),
      [],
    );
  });

  it('an if without else leaves the id a maybe: creating it after the fi is not an error', async () => {
    const uri = 'file:///lab/maybe.sh';
    const s = await open({
      [uri]: [
        'pcs cluster setup lab node1 node2',
        'if [ "$USE_VIP" = yes ]; then',
        '  pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.10',
        'fi',
        'pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.11',
        'pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.12',
        '',
      ].join('\n'),
    });
    const dup = s
      .diagnostics(uri)
      .filter((d) => d.code === 'pcs/duplicate-id')
      .map((d) => d.range.start.line + 1);
    assert.deepEqual(dup, [6], 'line 5 may or may not clash (the if may not have run); line 6 clashes with line 5 for certain');
  });

  it('a resource created in one arm only exists after the construct; one deleted in one arm still exists', async () => {
    const uri = 'file:///lab/arms.sh';
    const s = await open({
      [uri]: [
        'pcs resource create web ocf:heartbeat:apache configfile=/etc/httpd/conf/httpd.conf',
        'case "$1" in',
        '  ha) pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.10 ;;',
        '  reset) pcs resource delete web ;;',
        'esac',
        'pcs constraint colocation add web with vip INFINITY',
        '',
      ].join('\n'),
    });
    assert.deepEqual(
      s.diagnostics(uri).filter((d) => d.code === 'pcs/unknown-resource'),
      [],
    );
  });

  it('each arm starts from the state before the construct: an arm does not see what another arm created', async () => {
    const uri = 'file:///lab/sibling.sh';
    const s = await open({
      [uri]: [
        'if grep -q ha /etc/lab.conf; then',
        '  pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.10',
        'else',
        '  pcs constraint location vip prefers node1=100',
        'fi',
        '',
      ].join('\n'),
    });
    // pcs refuses the else arm whenever it runs: vip does not exist on that path
    assert.deepEqual(
      s
        .diagnostics(uri)
        .filter((d) => d.code === 'pcs/unknown-resource')
        .map((d) => d.range.start.line + 1),
      [4],
    );
  });
});

describe('order across files', () => {
  it('two files of unknown order: one constrains ClusterIP, the other creates and clones it: no error', async () => {
    const s = await open(folder('order/unordered'));
    for (const uri of Object.keys(folder('order/unordered'))) {
      assert.deepEqual(
        s.diagnostics(uri).filter((d) => d.severity === 1),
        [],
        uri,
      );
    }
  });

  it('numbered chapters: constraints in chapter 2, the clone in chapter 3: no error (pcs accepts them in that order)', async () => {
    const files = folder('order/chapters');
    const s = await open(files);
    for (const uri of Object.keys(files))
      assert.deepEqual(
        s.diagnostics(uri).filter((d) => d.severity === 1),
        [],
        uri,
      );
  });

  it('numbered chapters: the clone in chapter 2, constraints in chapter 3: pcs refuses each constraint', async () => {
    const files = folder('order/clone-first');
    const s = await open(files);
    const third = Object.keys(files).find((u) => u.includes('03-'))!;
    assert.deepEqual(
      s
        .diagnostics(third)
        .filter((d) => d.severity === 1)
        .map((d) => `${d.range.start.line + 1} ${d.code}`),
      ['3 pcs/constraint-on-clone-child', '4 pcs/constraint-on-clone-child', '5 pcs/constraint-on-clone-child'],
    );
  });

  it('a known order hides what later files create: a constraint in chapter 1 on a resource of chapter 2 is refused', async () => {
    const s = await open({
      'file:///lab/day1-constraints.sh': 'pcs constraint location vip prefers node1=100\n',
      'file:///lab/day2-resources.sh': 'pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.10\n',
    });
    assert.deepEqual(problems(s.diagnostics('file:///lab/day1-constraints.sh')), ['1 pcs/unknown-resource']);
    // without numbers in the names the same pair is fine (a definition anywhere counts)
    const u = await open({
      'file:///lab/constraints.sh': 'pcs constraint location vip prefers node1=100\n',
      'file:///lab/resources.sh': 'pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.10\n',
    });
    assert.deepEqual(problems(u.diagnostics('file:///lab/constraints.sh')), []);
  });

  it('order from names: numeric prefixes, step/day/part numbers, the folder number; the setting wins', () => {
    assert.equal(rankFromName('file:///lab/01-setup.sh'), 1);
    assert.equal(rankFromName('file:///lab/step2.md'), 2);
    assert.equal(rankFromName('file:///lab/day3-fencing.sh'), 3);
    assert.equal(rankFromName('file:///lab/setup.sh'), undefined);
    assert.equal(rankFromName('file:///lab/node2.sh'), undefined, 'a node number is not a step');
    assert.ok(rankFromName('file:///lab/day1/02-fence.sh')! < rankFromName('file:///lab/day2/01-vip.sh')!);
    const order = new LabOrder(['setup.sh', 'resources/*.sh', 'constraints.sh']);
    assert.deepEqual(
      ['file:///lab/setup.sh', 'file:///lab/resources/web.sh', 'file:///lab/constraints.sh', 'file:///lab/01-x.sh'].map((u) =>
        order.rank(u),
      ),
      [0, 1, 2, undefined],
    );
  });

  it('the pacemakerLab.order setting gives the order: the later file then sees the clone and pcs refuses', async () => {
    const files = folder('order/unordered');
    const s = await open(files);
    s.configureOrder(['web-resources.sh', 'web-constraints.sh']);
    const constraints = Object.keys(files).find((u) => u.includes('constraints'))!;
    assert.deepEqual(problems(s.diagnostics(constraints)), [
      '3 pcs/constraint-on-clone-child',
      '4 pcs/constraint-on-clone-child',
      '5 pcs/constraint-on-clone-child',
    ]);
    s.configureOrder([]);
    assert.deepEqual(problems(s.diagnostics(constraints)), []);
  });
});

describe('several clusters', () => {
  const memo = readFileSync(path.join(fixtures, 'clusters', 'dr-memo.md'), 'utf8');
  const uri = 'file:///lab/dr-memo.md';

  it('a DR memo: the same ids in both clusters are no duplicates; a constraint on node1 naming node3 gets a warning naming both clusters', async () => {
    const s = await open({ [uri]: memo });
    const list = s.diagnostics(uri);
    assert.deepEqual(
      list.filter((d) => d.severity === 1),
      [],
    );
    const other = list.filter((d) => d.code === 'pcs/node-of-other-cluster');
    assert.equal(other.length, 1);
    assert.equal(other[0].severity, 2);
    assert.equal(other[0].range.start.line + 1, memo.split('\n').findIndex((l) => l.includes('prefers node3')) + 1);
    assert.match(
      other[0].message,
      /'node3' is a node of cluster 'recovery-site', but this command runs on cluster 'primary-site' \(on node1\)/,
    );
  });

  it('the calculator and the lenses are per cluster: each setup lens opens its own cluster', async () => {
    const s = await open({ [uri]: memo });
    const lenses = s.codeLenses(uri).filter((l) => l.command?.command === 'pacemakerLab.openQuorumCalculator');
    assert.equal(lenses.length, 2);
    const configs = lenses.map((l) => s.quorumConfig(uri, l.command!.arguments![1] as number)!);
    assert.deepEqual(
      configs.map((c) => c.nodes.map((n) => n.name)),
      [
        ['node1', 'node2'],
        ['node3', 'node4'],
      ],
    );
    // node1's `pcs quorum device add` (below the second setup) belongs to primary-site
    assert.deepEqual(
      configs.map((c) => !!c.qdevice),
      [true, false],
    );
  });

  it('a || b: each side may or may not take effect, so neither a missing nor a duplicate id is certain', async () => {
    const or = 'file:///lab/or.sh';
    const s = await open({
      [or]: [
        'pcs resource create X ocf:heartbeat:Dummy || pcs resource update X fake=1',
        'pcs resource create Y ocf:heartbeat:Dummy || true',
        'pcs resource create Y ocf:heartbeat:Dummy',
        'pcs resource create Y ocf:heartbeat:Dummy',
        '',
      ].join('\n'),
    });
    assert.deepEqual(
      problems(s.diagnostics(or)).filter((p) => !p.endsWith('no-fence-device')),
      ['4 pcs/duplicate-id'],
    );
  });

  it('without prompts, the last setup above decides; a command on a node of the other cluster belongs to that one', async () => {
    const s = await open({
      'file:///lab/two.sh': [
        'pcs cluster setup alpha a1 a2',
        'pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.10',
        'pcs cluster setup beta b1 b2',
        'pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.1.10',
        'pcs constraint location vip prefers a1=10',
        "ssh a1 'pcs constraint location vip prefers a2=10'",
        'pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.1.11',
        '',
      ].join('\n'),
    });
    const found = problems(s.diagnostics('file:///lab/two.sh')).filter((p) => !p.endsWith('pcs/no-fence-device'));
    assert.deepEqual(found, ['5 pcs/node-of-other-cluster', '7 pcs/duplicate-id']);
  });

  it('a recovery cluster set up from node1 leaves the memo on node1: later prompt-less lines are on the primary', async () => {
    const both = 'file:///lab/dr-from-node1.md';
    const s = await open({
      [both]: [
        '# Two sites, everything typed on node1',
        '',
        '```',
        'node1# pcs cluster setup site-one node1.lab.example node2.lab.example --start',
        'node1# pcs cluster setup site-two node3.lab.example node4.lab.example --start',
        'node1# pcs dr set-recovery-site node3.lab.example',
        '```',
        '',
        'Then, still on the first site:',
        '',
        '```bash',
        'pcs resource create web-ip ocf:pacemaker:Dummy',
        'pcs constraint location web-ip prefers node1.lab.example=100',
        'pcs constraint location web-ip avoids node4.lab.example',
        '```',
        '',
      ].join('\n'),
    });
    const other = s.diagnostics(both).filter((d) => d.code === 'pcs/node-of-other-cluster');
    assert.deepEqual(
      other.map((d) => d.range.start.line + 1),
      [14],
      'node4 is the other site; node1 is this one',
    );
    assert.match(other[0].message, /cluster 'site-two', but this command runs on cluster 'site-one'/);
  });

  it('pcs dr, pcs booth and ticket constraints are understood: no error, tickets are names navigation knows', async () => {
    const booth = 'file:///lab/booth.sh';
    const s = await open({
      [booth]: [
        'pcs cluster setup site-a a1 a2',
        'pcs booth setup sites 192.168.1.10 192.168.2.10 arbitrators 192.168.3.10',
        'pcs booth ticket add ticketA expire=600',
        'pcs booth create ip 192.168.1.10',
        'pcs resource create db ocf:heartbeat:Dummy',
        'pcs constraint ticket add ticketA db loss-policy=stop',
        'pcs booth sync',
        'pcs dr set-recovery-site b1',
        'pcs dr status',
        '',
      ].join('\n'),
    });
    assert.deepEqual(
      s.diagnostics(booth).filter((d) => d.severity === 1 || d.code === 'pcs/unknown-node'),
      [],
    );
    const refs = s.references(booth, { line: 5, character: 27 }, true);
    assert.deepEqual(refs.map((r) => r.range.start.line).sort(), [2, 5]);
  });
});

describe('incremental edits keep branches, order and clusters right', () => {
  /** Diagnostics of every document from a fresh service given the same texts. */
  async function cold(files: Record<string, string>): Promise<Map<string, string[]>> {
    const s = await open(files);
    return new Map(Object.keys(files).map((u) => [u, summary(s.diagnostics(u))]));
  }
  function summary(list: Diagnostic[]): string[] {
    return list.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.severity} ${d.code} ${d.message}`).sort();
  }
  function replaceIn(
    text: string,
    from: string,
    to: string,
  ): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
    const at = text.indexOf(from);
    assert.ok(at >= 0, from);
    const before = text.slice(0, at).split('\n');
    const line = before.length - 1;
    const character = before[line].length;
    return { range: { start: { line, character }, end: { line, character: character + from.length } }, text: to };
  }

  it('edits inside arms, across a construct and on prompts give what a fresh analysis gives', async () => {
    const files: Record<string, string> = {
      'file:///lab/fence-branches.sh': readFileSync(path.join(fixtures, 'clusters', 'fence-branches.sh'), 'utf8'),
      'file:///lab/dr-memo.md': readFileSync(path.join(fixtures, 'clusters', 'dr-memo.md'), 'utf8'),
      'file:///lab/02-constraints.sh': readFileSync(path.join(fixtures, 'order', 'chapters', '02-constraints.sh'), 'utf8'),
      'file:///lab/01-resources.sh': readFileSync(path.join(fixtures, 'order', 'chapters', '01-resources.sh'), 'utf8'),
    };
    const s = await open(files);
    const edits: [string, string, string][] = [
      [
        'file:///lab/fence-branches.sh',
        'else\n  pcs stonith create lab-fence fence_dummy',
        'else\n  pcs stonith create lab-fenc fence_dummy',
      ],
      ['file:///lab/fence-branches.sh', 'else\n', 'fi\nif true; then\n'],
      ['file:///lab/fence-branches.sh', 'fi\nif true; then\n', 'else\n'],
      [
        'file:///lab/dr-memo.md',
        '[root@node1 ~]# pcs constraint location app-vip prefers node3',
        '[root@node3 ~]# pcs constraint location app-vip prefers node3',
      ],
      ['file:///lab/dr-memo.md', 'setup recovery-site node3', 'setup primary-site node3'],
      ['file:///lab/01-resources.sh', '--group', '--group'],
      ['file:///lab/01-resources.sh', 'pcs resource create ClusterIP', 'pcs resource create ClusterIP2'],
    ];
    let version = 2;
    for (const [uri, from, to] of edits) {
      const text = s.getText(uri)!;
      if (!text.includes(from)) continue;
      s.changeDocument(uri, [replaceIn(text, from, to)], version++);
      files[uri] = s.getText(uri)!;
      const fresh = await cold(files);
      for (const u of Object.keys(files)) assert.deepEqual(summary(s.diagnostics(u)), fresh.get(u), `${u} after ${from} → ${to}`);
    }
  });
});
