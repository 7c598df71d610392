// `pcmk-lsp lab verify examples/lab/lab.sh` (the workspace `npm start` opens) on a fresh bare lab: the
// script's one deliberate slip (exportfs without fsid) fails on the lab exactly where we said pcs refuses
// it, what a namespace cannot run (a hypervisor fence device, NFS, a block-device mount and what follows
// them in their group) is listed as such, and nothing else differs: exit 0. The lab is removed after.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { labDown, readState } from '../../../server/src/lab/lab';
import { canUseNetns, ensureTool, failOrSkip } from '../../support/tools';

const root = path.resolve(__dirname, '../../..');
const NAME = `v${process.pid % 100000}`;

function skipReason(): string | undefined {
  if (!canUseNetns()) return failOrSkip('needs root with ip netns and unshare to build lab nodes');
  if (!fs.existsSync(path.join(root, 'dist', 'server.js'))) return failOrSkip('dist/server.js is missing (node scripts/build.mjs)');
  return ensureTool('pcs', ['pcs']) ?? ensureTool('/usr/sbin/sshd', ['openssh-server']) ?? ensureTool('socat', ['socat']);
}

describe('lab verify on examples/lab', { skip: skipReason(), timeout: 600_000 }, () => {
  after(async () => {
    if (readState(NAME)) await labDown(NAME);
  });

  test('exits 0: the refused line is the predicted one, the rest is in the cluster or cannot run in a lab', async () => {
    const { code, out } = await new Promise<{ code: number; out: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [path.join(root, 'bin', 'pcmk-lsp.js'), 'lab', 'verify', '--name', NAME, 'examples/lab/lab.sh'],
        { cwd: root },
      );
      let text = '';
      child.stdout.on('data', (d) => (text += d));
      child.stderr.on('data', (d) => (text += d));
      child.on('close', (c) => resolve({ code: c ?? -1, out: text }));
    });
    assert.equal(code, 0, out);
    assert.match(out, /11 lines run \(10 ok, 1 failed\)/);
    assert.match(
      out,
      /examples\/lab\/lab\.sh:29 node1# pcs resource create nfs-export[^\n]*\n {2}→ failed \(exit 1\)[^\n]*required resource option 'fsid' is missing/,
    );
    assert.match(out, /cannot run in a lab: fence-lab \(stonith:fence_virsh\)/);
    assert.match(out, /cannot run in a lab: nfs-ip \(ocf:heartbeat:IPaddr2\): it follows nfs-data in group nfs-group/);
    assert.match(out, /quorum: predicted 3\/3 votes, quorum 2; corosync-quorumtool: 3\/3, quorum 2/);
    assert.match(out, /no difference: the cluster holds what the model predicted/);
    assert.equal(readState(NAME), undefined, 'verify removes the lab it started');
  });
});
