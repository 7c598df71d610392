// Differential check against the real pcs: every line pcs refuses gets an error from us, and no
// line pcs accepts does. Each case runs `pcs -f` on its own empty CIB (no cluster, no network).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { agentDiagnostics } from '../../server/src/agents/diagnostics';
import { canUseNetns, ensureTool } from '../support/tools';
import { useFromLine, wordsOf } from '../unit/agents/useFromLine';

const CASES: string[][] = [
  ['pcs resource create vip ipaddr2'],
  ['pcs resource create vip IPaddr2 ip=192.168.122.50 bogus_param=1'],
  ['pcs resource create nfsexp exportfs clientspec=192.168.122.0/24 directory=/srv/nfs'],
  ['pcs resource create nfsexp exportfs clientspec=192.168.122.0/24 directory=/srv/nfs fsid=0 options=rw,sync'],
  ['pcs resource create vip IPaddr2 ip=192.168.122.50 op monitr interval=10s'],
  ['pcs resource create vip IPaddr2 ip=192.168.122.50 cidr_netmask=24 op monitor interval=30s'],
  ['pcs resource create vip IPaddr2 ip=192.168.122.50 meta target-role=Sarted'],
  ['pcs resource create fs Filesystem device=/dev/vg/lv directory=/mnt fstype=xfs op monitor interval=20s timeout=5s'],
  ['pcs resource create web apache configfile=/etc/apache2/apache2.conf'],
  ['pcs resource create lvm LVM-activate vgname=vg0 vg_access_mode=system_id'],
  ['pcs resource create lvm LVM-activate vgname=vg0'],
  ['pcs resource create d Dummy'],
  ['pcs resource create x ocf:heartbeat:NoSuchAgent'],
  ['pcs stonith create scsi fence_scsi devices=/dev/sdb pcmk_host_list="node1 node2" meta provides=unfencing'],
  ['pcs stonith create scsi fence_scsi devices=/dev/sdb action=off'],
  ['pcs stonith create ilo fence_ilo4_ssh ip=10.0.0.9 username=admin password=secret pcmk_host_list=node1'],
  ['pcs stonith create ilo fence_ilo4_ssh ip=10.0.0.9'],
  ['pcs resource create vip1 IPaddr2 ip=192.168.122.50', 'pcs resource create vip2 IPaddr2 ip=192.168.122.50'],
  ['pcs resource create dlm ocf:pacemaker:controld op monitor interval=30s on-fail=fence'],
  ['pcs resource create mail MailTo email=root@localhost'],
];

function run(argv: string[]): Promise<{ code: number; out: string }> {
  const [cmd, args] = canUseNetns() ? ['unshare', ['--net', ...argv]] : [argv[0], argv.slice(1)];
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as NodeJS.ErrnoException).code ?? 1) || 1 : 0, out: `${stdout}${stderr}` });
    });
  });
}

test('agent errors match exactly the lines real pcs refuses', async (t) => {
  const skip = ensureTool('pcs', ['pcs']) ?? ensureTool('cibadmin', ['pacemaker-cli-utils']);
  if (skip) return t.skip(skip);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agents-pcs-'));
  try {
    const results = await Promise.all(
      CASES.map(async (lines, index) => {
        const cib = path.join(dir, `cib${index}.xml`);
        const empty = await run(['cibadmin', '--empty']);
        fs.writeFileSync(cib, empty.out);
        let last = { code: 0, out: '' };
        for (const line of lines) {
          const argv = wordsOf(line).map((w) => w.text);
          last = await run(['pcs', '-f', cib, ...argv.slice(1)]);
        }
        const uses = lines.map((l) => useFromLine(l));
        const ours = agentDiagnostics(uses[uses.length - 1], uses.slice(0, -1));
        return { line: lines[lines.length - 1], pcsRefuses: last.code !== 0, pcsSays: last.out.trim(), ours };
      }),
    );
    for (const r of results) {
      const errors = r.ours.filter((d) => d.severity === 1);
      assert.equal(
        errors.length > 0,
        r.pcsRefuses,
        `${r.line}\n  pcs: ${r.pcsRefuses ? 'refuses' : 'accepts'}: ${r.pcsSays}\n  ours: ${r.ours.map((d) => `${d.code}: ${d.message}`).join(' | ') || 'nothing'}`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
