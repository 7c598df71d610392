// The ssh argv a run uses (what dry run shows), secret masking and the destructive-command list.
// Pure checks, no network: they pin what the person sees in a dry run, a log and a confirmation.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildSshArgv,
  classifySshFailure,
  destructiveReason,
  dryRun,
  formatArgv,
  maskSecrets,
  parseDestination,
  runOverSsh,
} from '../../../shared/src/runOnNode/sshRunner';

describe('ssh argv', () => {
  test('user@host:port becomes -p and user@host; the line is one final argument after --', () => {
    const line = `echo "$(hostname)"; ls | wc -l`;
    assert.deepEqual(buildSshArgv({ destination: 'root@10.0.0.11:2222', command: line, connectTimeoutSeconds: 7 }), [
      'ssh',
      '-o',
      'BatchMode=yes',
      '-o',
      'ConnectTimeout=7',
      '-tt',
      '-p',
      '2222',
      '--',
      'root@10.0.0.11',
      line,
    ]);
  });

  test('a Host alias is passed as it is, with the private config and no tty when asked', () => {
    assert.deepEqual(buildSshArgv({ destination: 'node1', command: 'hostname', configFile: '/tmp/cfg', tty: false }), [
      'ssh',
      '-F',
      '/tmp/cfg',
      '-o',
      'BatchMode=yes',
      '-o',
      'ConnectTimeout=10',
      '--',
      'node1',
      'hostname',
    ]);
  });

  test('IPv6 destinations with and without a port', () => {
    assert.deepEqual(parseDestination('root@[fd00::11]:2200'), { user: 'root', host: 'fd00::11', port: 2200 });
    assert.deepEqual(parseDestination('fd00::11'), { user: undefined, host: 'fd00::11' });
    assert.deepEqual(parseDestination('ssh://admin@node2:22'), { user: 'admin', host: 'node2', port: 22 });
  });

  test('bad destinations are refused with a reason instead of reaching ssh', () => {
    for (const bad of ['-oProxyCommand=x', 'root@node1:99999', 'node 1', '', '@node1']) {
      const parsed = parseDestination(bad);
      assert.ok('error' in parsed, bad);
    }
    assert.throws(() => buildSshArgv({ destination: '-oProxyCommand=x', command: 'true' }), /starts with "-"/);
  });

  test('StrictHostKeyChecking=no is never passed', () => {
    assert.throws(
      () => buildSshArgv({ destination: 'node1', command: 'true', extraOptions: ['StrictHostKeyChecking=no'] }),
      /Refusing StrictHostKeyChecking=no/,
    );
    assert.ok(!buildSshArgv({ destination: 'node1', command: 'true' }).some((arg) => /StrictHostKeyChecking/i.test(arg)));
  });

  test('dry run shows the argv with secrets masked; formatArgv quotes for a shell', () => {
    const argv = dryRun({ destination: 'node1', command: 'pcs host auth node1 node2 -u hacluster -p S3cret' });
    assert.equal(argv.at(-1), 'pcs host auth node1 node2 -u hacluster -p ****');
    assert.equal(formatArgv(['ssh', '--', 'node1', `echo 'a b'`]), `ssh -- node1 'echo '\\''a b'\\'''`);
  });

  test('a bad destination yields a failed result, not an exception', async () => {
    const result = await runOverSsh({ destination: '-bad', command: 'true' }).result;
    assert.equal(result.status, 'ssh-error');
    assert.match(result.failure!.message, /starts with "-"/);
  });

  test('a missing ssh program is reported clearly', async () => {
    const result = await runOverSsh({ destination: 'node1', command: 'true', sshProgram: ['/nonexistent/ssh'] }).result;
    assert.equal(result.failure?.kind, 'ssh-missing');
    assert.match(result.failure!.message, /openssh-client/);
  });
});

describe('secret masking', () => {
  const cases: [string, string][] = [
    ['pcs host auth node1 node2 -u hacluster -p redhat', 'pcs host auth node1 node2 -u hacluster -p ****'],
    ['pcs cluster auth -u hacluster -p "pa ss" node1', 'pcs cluster auth -u hacluster -p **** node1'],
    ['sshpass -p rocky ssh root@node1 hostname', 'sshpass -p **** ssh root@node1 hostname'],
    ['sshpass -procky ssh-copy-id root@node1', 'sshpass -p**** ssh-copy-id root@node1'],
    ['echo centos | passwd --stdin hacluster', 'echo **** | passwd --stdin hacluster'],
    ["echo 'hacluster:s3' | chpasswd", 'echo hacluster:**** | chpasswd'],
    [
      'pcs stonith create ipmi fence_ipmilan ip=10.0.0.5 username=admin password=Secr3t lanplus=1',
      'pcs stonith create ipmi fence_ipmilan ip=10.0.0.5 username=admin password=**** lanplus=1',
    ],
    ['set auth userid=iqn mutual_password=abc', 'set auth userid=iqn mutual_password=****'],
    ['pcs host auth node1 --password=x1', 'pcs host auth node1 --password=****'],
  ];
  for (const [line, masked] of cases) {
    test(line, () => assert.equal(maskSecrets(line), masked));
  }

  test('ports and ordinary -p options stay visible', () => {
    assert.equal(maskSecrets('ssh -p 2222 node1 hostname'), 'ssh -p 2222 node1 hostname');
    assert.equal(maskSecrets('mkdir -p /home/nfs-share'), 'mkdir -p /home/nfs-share');
    assert.equal(
      maskSecrets('for i in 1 2; do sshpass -p x ssh root@node$i "mkdir -p /a"; done'),
      'for i in 1 2; do sshpass -p **** ssh root@node$i "mkdir -p /a"; done',
    );
  });
});

describe('destructive commands', () => {
  const destructive = [
    'pcs cluster destroy',
    'pcs cluster destroy --all',
    'pcs stonith fence node1.example.com',
    'mkfs.xfs /dev/vg/lv',
    'mkfs -t ext4 /dev/sdb1',
    'parted --script /dev/sda "mklabel msdos"',
    'pvcreate /dev/sda1',
    'wipefs -a /dev/sdb',
    'reboot',
    'sleep 5 && sudo reboot',
    'systemctl reboot',
    'dd if=/dev/zero of=/dev/sdb bs=1M',
    'drbdadm create-md r0',
  ];
  for (const line of destructive) test(`asks before: ${line}`, () => assert.ok(destructiveReason(line), line));

  const harmless = [
    'pcs status',
    'pcs cluster stop --all',
    'parted --script /dev/sda print',
    'vgs -o+systemid',
    'mkdir -p /mnt/x',
    'echo reboot-later-note.txt > /dev/null',
  ];
  for (const line of harmless) test(`runs at once: ${line}`, () => assert.equal(destructiveReason(line), undefined));
});

describe('ssh failure messages', () => {
  test('each known ssh complaint becomes its kind with advice', () => {
    assert.equal(classifySshFailure('Host key verification failed.\r\n', 'node1')?.kind, 'host-key-unknown');
    assert.equal(
      classifySshFailure('@@@ WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! @@@\nHost key verification failed.', 'node1')?.kind,
      'host-key-changed',
    );
    assert.equal(classifySshFailure('root@10.0.0.1: Permission denied (publickey).', 'node1')?.kind, 'auth');
    assert.equal(classifySshFailure('ssh: connect to host 10.0.0.9 port 22: Connection timed out', 'node1')?.kind, 'timeout');
    assert.equal(classifySshFailure('ssh: connect to host 10.0.0.9 port 22: No route to host', 'node1')?.kind, 'unreachable');
    assert.equal(classifySshFailure('ssh: Could not resolve hostname nodez: Name or service not known', 'nodez')?.kind, 'resolve');
    assert.equal(classifySshFailure('remote output that happens to exit 255', 'node1'), undefined);
  });
});
