// pcs 0.9 forms: the verdict pcs 0.11.5 gives (measured, see test/oracle/fixtures/pcs-corpus/09-pcs09-forms.sh)
// and the quick fix that rewrites the line to the current form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePcs } from '../../../server/src/pcs/grammar';
import { describeCommand } from '../../../server/src/pcs/descriptions';
import { buildClusterModel, scriptDiagnostics } from '../../../server/src/scripts/index';
import type { FixData } from '../../../server/src/base/types';
import { doc, wordsOf } from './lines';

function problems(line: string) {
  return parsePcs(wordsOf(line, 0)).problems;
}

/** The line after applying the first fix of the problem with `code`. */
function rewrite(line: string, code: string): string {
  const p = problems(line).find((x) => x.code === code);
  assert.ok(
    p,
    `${code} on: ${line} (got ${problems(line)
      .map((x) => x.code)
      .join(', ')})`,
  );
  assert.ok(p.fixes?.length, `a fix for ${line}`);
  const edits = [...p.fixes![0].edits].sort((a, b) => b.range.start.character - a.range.start.character);
  let out = line;
  for (const e of edits) out = out.slice(0, e.range.start.character) + e.newText + out.slice(e.range.end.character);
  return out;
}

function verdict(line: string): string[] {
  return problems(line).map((p) => `${p.severity ?? 'error'}:${p.code}`);
}

test('pcs 0.9 forms pcs 0.11 refuses are errors, rewritten to the current form', () => {
  const cases: [string, string, string][] = [
    ['pcs cluster auth node1 node2 -u hacluster', 'pcs/removed-command', 'pcs host auth node1 node2 -u hacluster'],
    ['pcs cluster standby node1', 'pcs/removed-command', 'pcs node standby node1'],
    ['pcs cluster unstandby --all', 'pcs/removed-command', 'pcs node unstandby --all'],
    ['pcs cluster quorum unblock', 'pcs/removed-command', 'pcs quorum unblock'],
    ['pcs resource show', 'pcs/removed-command', 'pcs resource status'],
    ['pcs resource show --full', 'pcs/removed-command', 'pcs resource config'],
    ['pcs resource show WebSite', 'pcs/removed-command', 'pcs resource config WebSite'],
    ['pcs resource show --groups', 'pcs/removed-command', 'pcs resource group list'],
    ['pcs stonith show', 'pcs/removed-command', 'pcs stonith status'],
    ['pcs stonith show --full', 'pcs/removed-command', 'pcs stonith config'],
    ['pcs status groups', 'pcs/removed-command', 'pcs resource group list'],
    [
      'pcs resource master WebDataClone WebData master-max=1 master-node-max=1 clone-max=2 notify=true',
      'pcs/removed-command',
      'pcs resource promotable WebData WebDataClone promoted-max=1 promoted-node-max=1 clone-max=2 notify=true',
    ],
    [
      'pcs resource create d ocf:pacemaker:Stateful --master',
      'pcs/removed-option',
      'pcs resource create d ocf:pacemaker:Stateful promotable d-master',
    ],
    [
      'pcs resource create d ocf:pacemaker:Stateful --master op monitor interval=10s',
      'pcs/removed-option',
      'pcs resource create d ocf:pacemaker:Stateful op monitor interval=10s promotable d-master',
    ],
    [
      'pcs resource create d ocf:pacemaker:Stateful master master-max=1',
      'pcs/removed-option',
      'pcs resource create d ocf:pacemaker:Stateful promotable promoted-max=1',
    ],
    ['pcs cluster setup --name mycluster node1 node2', 'pcs/removed-option', 'pcs cluster setup mycluster node1 node2'],
    [
      'pcs cluster setup --start --name mycluster node1 node2 --transport udpu',
      'pcs/removed-option',
      'pcs cluster setup --start mycluster node1 node2 transport udpu',
    ],
    ['pcs cluster setup node1 node2 --name web', 'pcs/removed-option', 'pcs cluster setup web node1 node2'],
    [
      'pcs cluster setup --name c node1,node1b node2,node2b --rrpmode passive',
      'pcs/removed-option',
      'pcs cluster setup c node1 addr=node1 addr=node1b node2 addr=node2 addr=node2b transport knet link_mode=passive',
    ],
    [
      'pcs cluster setup --name c n1 n2 --token 5000 --wait_for_all=1 --enable',
      'pcs/removed-option',
      'pcs cluster setup c n1 n2 --enable totem token=5000 quorum wait_for_all=1',
    ],
  ];
  for (const [line, code, fixed] of cases) {
    assert.equal(problems(line).filter((p) => (p.severity ?? 'error') === 'error').length, 1, `one error on: ${line}`);
    assert.equal(rewrite(line, code), fixed);
    assert.deepEqual(problems(fixed), [], `the rewrite is a clean current line: ${fixed}`);
  }
});

test('pcs 0.11 messages are quoted as pcs prints them', () => {
  assert.match(problems('pcs cluster setup --name c n1 n2 --transport udpu')[0].message, /"Error: option --transport not recognized"/);
  assert.match(
    problems('pcs cluster setup --name c n1 n2')[0].message,
    /"Error: Specified option '--name' is not supported in this command"/,
  );
  assert.match(
    problems('pcs resource show --full')[0].message,
    /"Error: This command has been replaced with 'pcs resource config'\. See 'man pcs' -> Changes in pcs-0\.11\."/,
  );
  assert.match(problems('pcs stonith show')[0].message, /replaced with 'pcs stonith status'/);
});

test('pcs 0.9 forms pcs 0.11 still runs the same way are hints with a rewrite', () => {
  const cases: [string, string, string][] = [
    ['pcs property list', 'pcs/deprecated-command', 'pcs property config'],
    ['pcs property show --all', 'pcs/deprecated-command', 'pcs property config --all'],
    ['pcs constraint list --full', 'pcs/deprecated-command', 'pcs constraint config --full'],
    ['pcs constraint order show', 'pcs/deprecated-command', 'pcs constraint order config'],
    ['pcs acl show', 'pcs/deprecated-command', 'pcs acl config'],
    ['pcs cluster pcsd-status', 'pcs/deprecated-command', 'pcs status pcsd'],
    ['pcs resource defaults resource-stickiness=100', 'pcs/deprecated-command', 'pcs resource defaults update resource-stickiness=100'],
    ['pcs resource op defaults timeout=240s', 'pcs/deprecated-command', 'pcs resource op defaults update timeout=240s'],
    ['pcs resource ban WebData-clone node1 --master', 'pcs/deprecated-option', 'pcs resource ban WebData-clone node1 --promoted'],
    [
      'pcs constraint colocation add WebFS with Master WebData-clone INFINITY',
      'pcs/deprecated-role',
      'pcs constraint colocation add WebFS with Promoted WebData-clone INFINITY',
    ],
    ['pcs constraint colocation add Slave A with B', 'pcs/deprecated-role', 'pcs constraint colocation add Unpromoted A with B'],
    [
      'pcs resource op add d monitor interval=11s role=Slave',
      'pcs/deprecated-role',
      'pcs resource op add d monitor interval=11s role=Unpromoted',
    ],
    ['pcs constraint ticket add T1 Master d-clone', 'pcs/deprecated-role', 'pcs constraint ticket add T1 Promoted d-clone'],
  ];
  for (const [line, code, fixed] of cases) {
    assert.deepEqual(verdict(line), [`hint:${code}`], line);
    assert.equal(rewrite(line, code), fixed);
    assert.deepEqual(problems(fixed), [], fixed);
  }
  // the current forms carry nothing
  for (const line of [
    'pcs cluster auth',
    'pcs host auth node1 node2',
    'pcs resource defaults update resource-stickiness=100',
    'pcs resource defaults',
    'pcs node standby node1',
    'pcs resource status',
  ]) {
    assert.deepEqual(problems(line), [], line);
  }
});

test('a deprecated alias still does what the current command does (the line is applied)', () => {
  const d = doc(
    'file:///lab.sh',
    'pcs resource defaults resource-stickiness=100\npcs resource create d ocf:pacemaker:Stateful --master\npcs constraint colocation add d with d-master\n',
  );
  const model = buildClusterModel([d], []);
  assert.equal(model.resourceDefaults.get('resource-stickiness'), '100');
  const diags = scriptDiagnostics(d, model);
  const line2 = diags.filter((x) => x.range.start.line === 1);
  assert.deepEqual(
    line2.map((x) => `${x.severity}:${x.code}`),
    ['1:pcs/removed-option'],
  );
  assert.ok((line2[0].data as FixData).fixes[0].title.includes('promotable d-master'));
  // pcs 0.11 refused the create, so the clone does not exist for the next line either
  assert.ok(diags.some((x) => x.range.start.line === 2 && x.code === 'pcs/unknown-resource'));
});

test('colocations that differ only by role are not duplicates (pcs compares roles)', () => {
  const d = doc(
    'file:///lab.sh',
    [
      'pcs resource create d ocf:pacemaker:Stateful promotable',
      'pcs resource create w ocf:heartbeat:Dummy',
      'pcs constraint colocation add w with Promoted d-clone INFINITY',
      'pcs constraint colocation add w with d-clone INFINITY',
      'pcs constraint colocation add w with Master d-clone INFINITY',
    ].join('\n'),
  );
  const errors = scriptDiagnostics(d, buildClusterModel([d], [])).filter((x) => x.severity === 1);
  assert.deepEqual(
    errors.map((x) => `${x.range.start.line}:${x.code}`),
    ['4:pcs/duplicate-constraint'],
    'Master is Promoted: only the last line repeats one',
  );
});

test('hover on a pcs 0.9 form names the current one', () => {
  const text = describeCommand(['cluster', 'standby']);
  assert.match(text ?? '', /pcs 0\.9 form; since 0\.10 use 'pcs node standby'/);
  assert.match(describeCommand(['resource', 'show']) ?? '', /since 0\.11 use/);
});

test('cluster setup rewrites keep link and crypto inside the transport section', () => {
  assert.equal(
    rewrite('pcs cluster setup --name c n1 n2 --addr0 10.0.0.0 --mcast0 239.255.1.1', 'pcs/removed-option'),
    'pcs cluster setup c n1 n2 transport udp link bindnetaddr=10.0.0.0 mcastaddr=239.255.1.1',
  );
  assert.equal(
    rewrite('pcs cluster setup --name c n1 n2 --encryption 0', 'pcs/removed-option'),
    'pcs cluster setup c n1 n2 transport knet crypto cipher=none hash=none',
  );
  const second = problems('pcs cluster setup --name c n1,n1b n2,n2b --transport udpu --rrpmode active');
  assert.equal(second[0].fixes, undefined, 'two rings over udpu have no corosync 3 equivalent: no rewrite');
});

test('a negative score without -- is advice (pcs 0.11 warns), with a fix inserting --', () => {
  const line = 'pcs constraint colocation add ip with Unpromoted q-clone -100';
  assert.deepEqual(verdict(line), ['hint:pcs/negative-number-without-dashes']);
  assert.equal(rewrite(line, 'pcs/negative-number-without-dashes'), 'pcs constraint colocation add ip with Unpromoted q-clone -- -100');
  assert.deepEqual(problems('pcs constraint colocation add ip with Unpromoted q-clone -- -100'), []);
  assert.deepEqual(problems('pcs constraint location ip avoids node1=-100'), [], 'inside a word it is no option');
  assert.equal(problems('pcs constraint colocation add a with b -INFINITY --force')[0].fixes, undefined, 'an option after it: no -- fix');
});

test('hover on the word of a pcs 0.9 form in a script says what replaced it', async () => {
  const { scriptHover } = await import('../../../server/src/scripts/index');
  const d = doc('file:///old.sh', 'pcs cluster standby node1\npcs resource show --full\n');
  const model = buildClusterModel([d], []);
  const hover = (line: number, character: number) => {
    const h = scriptHover(d, model, { line, character });
    return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
  };
  assert.match(hover(0, 14), /pcs 0\.9 form; since 0\.10 use 'pcs node standby'/);
  assert.match(hover(1, 15), /pcs 0\.9 form; since 0\.11 use 'pcs resource status \| pcs resource config/);
});
