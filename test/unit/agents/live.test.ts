import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadAgentCatalog } from '../../../server/src/agents/catalog';
import { agentHover } from '../../../server/src/agents/hover';
import { fetchLiveMetadata, localRunner, type CommandRunner } from '../../../server/src/lsp/liveMetadata';
import { ensureTool } from '../../support/tools';
import { useFromLine } from './useFromLine';

test('live metadata from the local agents, cached on disk per node, shown as the hover source', async (t) => {
  const skip = ensureTool('crm_resource', ['pacemaker-cli-utils', 'resource-agents', 'fence-agents']);
  if (skip) return t.skip(skip);
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agents-live-'));
  try {
    const calls: string[][] = [];
    const counting: CommandRunner = (argv) => {
      calls.push(argv);
      return localRunner(argv);
    };
    const first = await fetchLiveMetadata('ocf:heartbeat:IPaddr2', counting, { cacheDir, node: 'localhost' });
    assert.equal(first.fromCache, false);
    // Live and generated metadata agree for the installed version.
    assert.deepEqual(first.metadata, loadAgentCatalog().get('ocf:heartbeat:IPaddr2'));
    const fence = await fetchLiveMetadata('fence_scsi', counting, { cacheDir, node: 'localhost' });
    assert.equal(fence.metadata.id, 'stonith:fence_scsi');
    const metadataCalls = calls.filter((c) => c[0] === 'crm_resource').length;
    const again = await fetchLiveMetadata('ocf:heartbeat:IPaddr2', counting, { cacheDir, node: 'localhost' });
    assert.equal(again.fromCache, true);
    assert.equal(calls.filter((c) => c[0] === 'crm_resource').length, metadataCalls, 'the cache answered');
    assert.equal(again.source.kind, 'live');

    // A node's custom version replaces the catalog entry, and the hover says where it came from.
    const custom = { ...again.metadata, shortdesc: 'Patched IPaddr2 on node1' };
    const overlaid = loadAgentCatalog().overlay([custom], { kind: 'live', detail: 'node1, fetched now' });
    const line = 'pcs resource create vip IPaddr2 ip=10.0.0.1';
    const use = useFromLine(line);
    const value = (agentHover(use, use.agent.range.start, overlaid)!.contents as { value: string }).value;
    assert.match(value, /Patched IPaddr2 on node1/);
    assert.match(value, /_Source: live metadata — node1, fetched now\._/);
    assert.equal(
      loadAgentCatalog().get('ocf:heartbeat:IPaddr2')!.shortdesc,
      'Manages virtual IPv4 and IPv6 addresses (Linux specific version)',
    );

    await assert.rejects(
      fetchLiveMetadata('ocf:heartbeat:NoSuchAgent', localRunner, { cacheDir, node: 'localhost' }),
      /crm_resource --show-metadata ocf:heartbeat:NoSuchAgent failed/,
    );
    await assert.rejects(fetchLiveMetadata('ocf:x:$(reboot)', localRunner, { cacheDir, node: 'localhost' }), /not an agent name/);
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
});
