// `lab verify`'s comparison on its own, against a CIB the real pcs wrote (`pcs -f` on an offline CIB):
// the model of a script and the CIB pcs builds from the same lines agree; a CIB that differs in a
// parameter, a group member order, a constraint score or a property is reported, each as itself.
// Also the small parsers of crm_mon and corosync-quorumtool output, on text the real tools print.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compareModel, predictQuorum, readCib } from '../../../server/src/lab/verify';
import { parseQuorumtool } from '../../../server/src/lab/lab';
import { LanguageService } from '../../../server/src/service/languageService';
import { ensureTool } from '../../support/tools';

const SCRIPT = `#!/bin/bash
pcs cluster setup shop node1 node2 node3
pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.50 cidr_netmask=24 --group g
pcs resource create app ocf:pacemaker:Dummy --group g
pcs resource create pinger ocf:pacemaker:ping host_list=10.0.0.1 clone
pcs constraint location g prefers node1=100
pcs constraint order start pinger-clone then start g
pcs constraint colocation add g with pinger-clone INFINITY
pcs property set no-quorum-policy=stop
`;

function skipReason(): string | undefined {
  return ensureTool('pcs', ['pcs']) ?? ensureTool('cibadmin', ['pacemaker-cli-utils']);
}

/** Runs the script's pcs lines (all but cluster setup) with `pcs -f` on a fresh offline CIB. */
function pcsCib(lines: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmk-lab-cib-'));
  try {
    const file = path.join(dir, 'cib.xml');
    fs.writeFileSync(file, execFileSync('cibadmin', ['--empty'], { encoding: 'utf8' }));
    for (const line of lines) {
      const argv = line.replace(/^pcs\s+/, '').split(/\s+/);
      execFileSync('pcs', ['-f', file, ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
    }
    // pcs -f has no cluster: give the CIB the three member nodes the cluster would have.
    return fs
      .readFileSync(file, 'utf8')
      .replace('<nodes/>', '<nodes><node id="1" uname="node1"/><node id="2" uname="node2"/><node id="3" uname="node3"/></nodes>');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('lab verify compares the model with a CIB pcs wrote', { skip: skipReason(), timeout: 180_000 }, () => {
  const service = new LanguageService();
  const pcsLines = SCRIPT.split('\n').filter((l) => l.startsWith('pcs ') && !l.includes('cluster setup'));

  let cib = '';
  before(async () => {
    await service.init();
    service.setDocument('file:///lab/shop.sh', 'shell', SCRIPT, 0, true);
    cib = pcsCib(pcsLines);
  });

  test('the same lines give no difference', () => {
    assert.deepEqual(compareModel(service.clusterModel(), readCib(cib)), []);
  });

  test('a changed parameter, member order, score and property are each reported', () => {
    // The CIB pcs wrote, edited as another script would have left it.
    const vip = /<primitive id="vip"[\s\S]*?<\/primitive>/.exec(cib)![0];
    const app = /<primitive id="app"[\s\S]*?<\/primitive>/.exec(cib)![0];
    const changed = cib
      .replace(vip, '@VIP@')
      .replace(app, vip.replace('value="10.0.0.50"', 'value="10.0.0.51"'))
      .replace('@VIP@', app)
      .replace('node="node1" score="100"', 'node="node1" score="50"')
      .replace('name="no-quorum-policy" value="stop"', 'name="no-quorum-policy" value="freeze"');
    const messages = compareModel(service.clusterModel(), readCib(changed)).map((d) => `${d.what}: ${d.message}`);
    assert.deepEqual(messages.sort(), [
      'constraint: constraint in the cluster (location g node1 50), not predicted',
      'constraint: constraint predicted (location g node1 100), not in the cluster',
      'group: group g: predicted members vip, app, the cluster has app, vip',
      'property: property no-quorum-policy: predicted stop, the cluster has freeze',
      'resource: resource vip: predicted ip=10.0.0.50, the cluster has ip=10.0.0.51',
    ]);
  });

  test('a resource the script does not create is reported, and one it creates but the cluster lacks', () => {
    const clone = /<clone id="pinger-clone"[\s\S]*?<\/clone>/.exec(cib)![0];
    const changed = cib.replace(clone, '<primitive id="extra" class="ocf" provider="pacemaker" type="Dummy"/>');
    const messages = compareModel(service.clusterModel(), readCib(changed)).map((d) => d.message);
    assert.ok(messages.includes('resource pinger (ocf:pacemaker:ping): predicted, but the cluster does not have it'), messages.join('\n'));
    assert.ok(messages.includes('clone pinger-clone: predicted, but the cluster does not have it'), messages.join('\n'));
    assert.ok(messages.includes('resource extra: in the cluster, not predicted'), messages.join('\n'));
  });

  test('quorum figures: the engine for the whole cluster and for one cut-off node, as corosync-quorumtool prints them', () => {
    const config = service.quorumConfig('file:///lab/shop.sh')!;
    assert.deepEqual(predictQuorum(config, ['node1', 'node2', 'node3']), { expectedVotes: 3, totalVotes: 3, quorum: 2, quorate: true });
    assert.deepEqual(predictQuorum(config, ['node3']), { expectedVotes: 3, totalVotes: 1, quorum: 2, quorate: false });
    // corosync-quorumtool -s of a node cut off from two others (corosync 3.1.7 layout).
    const text = [
      'Quorum information',
      '------------------',
      'Date:             Thu Dec  3 12:53:01 2026',
      'Quorum provider:  corosync_votequorum',
      'Nodes:            1',
      'Node ID:          3',
      'Ring ID:          3.2a',
      'Quorate:          No',
      '',
      'Votequorum information',
      '----------------------',
      'Expected votes:   3',
      'Highest expected: 3',
      'Total votes:      1',
      'Quorum:           2 Activity blocked',
      'Flags:            ',
      '',
      'Membership information',
      '----------------------',
      '    Nodeid      Votes Name',
      '         3          1 node3 (local)',
      '',
    ].join('\n');
    assert.deepEqual(parseQuorumtool(text), { expectedVotes: 3, totalVotes: 1, quorum: 2, quorate: false, members: ['node3'] });
  });
});
