import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadAgentCatalog } from '../../../server/src/agents/catalog';
import { agentHover } from '../../../server/src/agents/hover';
import { completeAgentParams, completeOpNames } from '../../../server/src/agents/completion';
import { useFromLine } from './useFromLine';

const generated = path.resolve(__dirname, '../../../server/src/agents/generated');

test('the committed catalog holds every agent the provenance counted, each fully parsed', () => {
  const catalog = loadAgentCatalog();
  const provenance = JSON.parse(fs.readFileSync(path.join(generated, 'provenance.json'), 'utf8'));
  assert.equal(catalog.agents.length, provenance.agents);
  assert.ok(catalog.agents.length > 200, `only ${catalog.agents.length} agents`);
  const ids = catalog.agents.map((a) => a.id);
  assert.deepEqual(ids, [...ids].sort(), 'agents are in a deterministic order');
  for (const agent of catalog.agents) {
    assert.ok(agent.type && agent.standard, agent.id);
    assert.ok(agent.actions.length > 0, `${agent.id} has no actions`);
    for (const p of agent.parameters) assert.ok(p.name && p.type, `${agent.id} has a parameter without name/type`);
  }
  // The providers the labs use are all there.
  for (const id of ['ocf:heartbeat:IPaddr2', 'ocf:pacemaker:controld', 'ocf:linbit:drbd', 'stonith:fence_scsi', 'stonith:fence_ilo4_ssh']) {
    assert.ok(catalog.get(id), `${id} missing`);
  }
  assert.ok(catalog.fencedParameters.some((p) => p.name === 'pcmk_host_list'));
});

test('metadata facts match the agents: required, unique, select values, advised timeouts', () => {
  const catalog = loadAgentCatalog();
  const req = (id: string) =>
    catalog
      .get(id)!
      .parameters.filter((p) => p.required)
      .map((p) => p.name)
      .sort();
  assert.deepEqual(req('ocf:heartbeat:IPaddr2'), ['ip']);
  assert.deepEqual(req('ocf:heartbeat:exportfs'), ['clientspec', 'directory', 'fsid']);
  assert.deepEqual(req('ocf:heartbeat:Filesystem'), ['device', 'directory', 'fstype']);
  assert.deepEqual(req('ocf:heartbeat:LVM-activate'), ['vg_access_mode', 'vgname']);
  const ip = catalog.get('ocf:heartbeat:IPaddr2')!.parameters.find((p) => p.name === 'ip')!;
  assert.equal(ip.unique, true);
  const method = catalog.get('stonith:fence_ilo4_ssh')!.parameters.find((p) => p.name === 'method')!;
  assert.deepEqual(method.values, ['onoff', 'cycle']);
  const fsMonitor = catalog.get('ocf:heartbeat:Filesystem')!.actions.find((a) => a.name === 'monitor')!;
  assert.equal(fsMonitor.timeout, '40s');
  // OCF 1.0 `obsoletes` is read backwards into deprecatedBy.
  const login = catalog.get('stonith:fence_ilo4_ssh')!.parameters.find((p) => p.name === 'login')!;
  assert.deepEqual(login.deprecatedBy, ['username']);
});

test('hover and completion work for every agent of the catalog', () => {
  const catalog = loadAgentCatalog();
  for (const agent of catalog.agents) {
    const kind = agent.standard === 'stonith' ? 'stonith' : 'resource';
    const line = `pcs ${kind} create x ${kind === 'stonith' ? agent.type : agent.id}`;
    const use = useFromLine(line);
    const hover = agentHover(use, use.agent.range.start, catalog);
    assert.ok(hover, `no hover for ${agent.id}`);
    const text = (hover!.contents as { value: string }).value;
    assert.ok(text.includes(agent.id), `hover of ${agent.id} does not name it`);
    const params = completeAgentParams(agent.id, [], '', catalog).sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    const required = catalog
      .pcsView(agent)
      .parameters.filter((p) => p.required && !p.deprecated)
      .map((p) => p.name);
    assert.deepEqual(
      params
        .slice(0, required.length)
        .map((i) => i.label)
        .sort(),
      [...required].sort(),
      `${agent.id}: required first`,
    );
    assert.ok(completeOpNames(agent.id, catalog).length > 0, `${agent.id}: no op names`);
  }
});
