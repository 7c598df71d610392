// Live agent metadata over the same ssh path as run on node: a namespace node answers
// `crm_resource --show-metadata`, the result is cached per node, and a second ask reads the cache.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runnerFor } from '../../../server/src/lsp/agentRunner';
import { fetchLiveMetadata, forgetNodeFingerprints } from '../../../server/src/lsp/liveMetadata';
import { canUseNetns, ensureTool, failOrSkip } from '../../support/tools';
import { createLab, leftoverNamespaces, type Lab } from './lab';

function skipReason(): string | undefined {
  if (!canUseNetns()) return failOrSkip('needs root with ip netns and unshare to build namespace nodes');
  return ensureTool('sshd', ['openssh-server']) ?? ensureTool('crm_resource', ['pacemaker-cli-utils', 'resource-agents']);
}

describe('live agent metadata from a namespace node over ssh', { skip: skipReason(), timeout: 120_000 }, () => {
  let lab: Lab;
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmk-live-'));

  before(async () => {
    lab = await createLab(1);
  });

  after(() => {
    lab?.destroy();
    fs.rmSync(cacheDir, { recursive: true, force: true });
    assert.deepEqual(leftoverNamespaces(), []);
  });

  test('the node answers, the answer is cached, and an unknown agent fails with a clear message', async () => {
    const node = lab.nodes[0]!;
    const runner = runnerFor(`root@${node.address}:22`, lab.configFile, lab.sshProgram);
    forgetNodeFingerprints();
    const first = await fetchLiveMetadata('ocf:heartbeat:IPaddr2', runner, { cacheDir, node: node.name });
    assert.equal(first.fromCache, false);
    assert.equal(first.source.kind, 'live');
    assert.ok(
      first.metadata.parameters.some((p) => p.name === 'ip' && p.required),
      'IPaddr2 requires ip',
    );
    const second = await fetchLiveMetadata('ocf:heartbeat:IPaddr2', runner, { cacheDir, node: node.name });
    assert.equal(second.fromCache, true);
    await assert.rejects(fetchLiveMetadata('ocf:heartbeat:NoSuchAgent', runner, { cacheDir, node: node.name }), /NoSuchAgent|crm_resource/);
  });
});
