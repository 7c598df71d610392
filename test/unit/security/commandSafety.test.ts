// Issue 11, findings 2 and 3: whether run on node must ask, and what it must hide, decided on the
// parsed command (server/src/runOnNode/commandSafety.ts), over a table of command forms: every form the
// issue lists, the wrappers, everything the old pattern list covered, and ordinary lines that must run
// without a question.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { initParsers } from '../../../server/src/parsing/treeSitter';
import { classifyCommand } from '../../../server/src/runOnNode/commandSafety';

before(async () => {
  await initParsers();
});

/** [command, a word the reason must contain] */
const DESTRUCTIVE: [string, RegExp][] = [
  // Issue 11, finding 2, one by one.
  ['pcs --request-timeout 30 cluster destroy --all', /erases the cluster configuration/],
  ['pcs -f x cluster destroy', /erases the cluster configuration/],
  ['pcs cluster "destroy"', /erases the cluster configuration/],
  ['$PCS cluster destroy', /program named by a variable \(\$PCS\).*pcs cluster destroy/],
  ['rm -rf --no-preserve-root /', /whole file system/],
  ['/sbin/reboot', /restarts or stops the node/],
  ['timeout 5 reboot', /restarts or stops the node/],
  ['init 6', /restarts or stops the node/],
  ['init 0', /restarts or stops the node/],
  ['telinit 6', /restarts or stops the node/],
  ['ssh node2 reboot', /restarts or stops the node \(on node2, through ssh\)/],
  ['echo c > /proc/sysrq-trigger', /sysrq/],
  ['echo c | tee /proc/sysrq-trigger', /sysrq/],
  ['echo b | sudo tee /proc/sysrq-trigger > /dev/null', /sysrq/],
  ['systemctl --force reboot', /restarts or stops the node/],
  // More spellings of the same.
  ['pcs --request-timeout=30 cluster destroy', /erases/],
  ['pcs --req 30 cluster destroy', /erases/],
  ['pcs -fx cluster destroy', /erases/],
  ["pcs cluster 'destroy' --all", /erases/],
  ['pcs cluster de""stroy', /erases/],
  ['/usr/sbin/pcs cluster destroy', /erases/],
  ['${PCS} cluster destroy', /program named by a variable/],
  ['pcs cluster $ACTION', /pcs subcommand taken from a variable \(\$ACTION\)/],
  ['rm -rf /', /whole file system/],
  ['rm -r -f /*', /whole file system/],
  ['rm --recursive --force /etc', /system folder \/etc/],
  ['rm -rf "$DIR"/', /whole file system when \$DIR is empty/],
  ['\\reboot', /restarts or stops the node/],
  ['shutdown -r now', /restarts or stops the node/],
  ['poweroff', /restarts or stops the node/],
  ['halt -f', /restarts or stops the node/],
  ['systemctl -i reboot', /restarts or stops the node/],
  ['systemctl isolate rescue.target', /restarts or stops the node/],
  ['systemctl start poweroff.target', /restarts or stops the node/],
  ['echo 1 >| /proc/sysrq-trigger', /sysrq/],
  ['printf b > "/proc/sysrq-trigger"', /sysrq/],
  ['for i in 1 2; do ssh node$i reboot; done', /restarts or stops the node \(on node\$i, through ssh\)/],
  ['ssh -p 2222 root@node2 "pcs cluster destroy"', /erases the cluster configuration on the node \(on root@node2, through ssh\)/],
  ["ssh node2 'echo c > /proc/sysrq-trigger'", /sysrq.*on node2/],
  ['(sleep 1; reboot)', /restarts/],
  ['true && reboot', /restarts/],
  ['if true; then reboot; fi', /restarts/],
  ['x=$(reboot)', /restarts/],
  // Wrappers.
  ['sudo reboot', /restarts/],
  ['sudo -u root -- pcs cluster destroy', /erases/],
  ['env PATH=/usr/sbin reboot', /restarts/],
  ['env -i PATH=/usr/sbin pcs cluster destroy', /erases/],
  ['nohup reboot &', /restarts/],
  ['nice -n 10 reboot', /restarts/],
  ['nice -10 reboot', /restarts/],
  ['timeout -s KILL 5 pcs cluster destroy', /erases/],
  ['stdbuf -oL reboot', /restarts/],
  ['stdbuf -o L pcs cluster destroy', /erases/],
  ['echo node3 | xargs pcs cluster node remove', /removes a node/],
  ['echo node3 | xargs -n 1 -I{} pcs cluster node remove {}', /removes a node/],
  ["bash -c 'reboot'", /restarts/],
  ['sh -c "pcs cluster destroy --all"', /erases/],
  ["bash -xc 'init 6'", /restarts/],
  ["sudo bash -c 'echo c > /proc/sysrq-trigger'", /sysrq/],
  ['eval "pcs cluster destroy"', /erases/],
  ["su - -c 'reboot'", /restarts/],
  ["watch -n 5 'pcs cluster destroy'", /erases/],
  ['ip netns exec ns1 reboot', /restarts/],
  ['nsenter -t 1 -m -u -n reboot', /restarts/],
  ['chroot /mnt reboot', /restarts/],
  ['setsid reboot', /restarts/],
  ['flock /tmp/lock reboot', /restarts/],
  ["flock /tmp/lock -c 'reboot'", /restarts/],
  ['busybox reboot', /restarts/],
  ['command reboot', /restarts/],
  ['exec reboot', /restarts/],
  ['sshpass -p x ssh node2 reboot', /restarts.*on node2/],
  // Text fed to a shell's stdin is a script.
  ["echo 'reboot' | bash", /restarts/],
  ['echo pcs cluster destroy | ssh node2', /erases.*on node2/],
  ['bash <<END\nreboot\nEND', /restarts/],
  ["bash <<< 'init 0'", /restarts/],
  ['ssh node2 <<END\npcs cluster destroy --all\nEND', /erases.*on node2/],
  // Everything the old pattern list covered.
  ['pcs cluster destroy', /erases/],
  ['pcs cluster destroy --all', /erases/],
  ['pcs cluster kill', /kills the cluster daemons/],
  ['pcs cluster node remove node3', /removes a node/],
  ['pcs cluster node delete node3', /removes a node/],
  ['pcs stonith fence node1.example.com', /fences/],
  ['pcs --force stonith fence node2', /fences/],
  ['stonith_admin --reboot node2', /fences/],
  ['stonith_admin -F node2', /fences/],
  ['mkfs.xfs /dev/vg/lv', /creates a file system/],
  ['mkfs -t ext4 /dev/sdb1', /creates a file system/],
  ['mkfs.gfs2 -p lock_dlm -t c:fs -j 2 /dev/vg/lv', /creates a file system/],
  ['mke2fs /dev/sdb1', /formats a device/],
  ['mkswap /dev/sdb2', /formats a device/],
  ['parted --script /dev/sda "mklabel msdos"', /partition table/],
  ['parted -s /dev/sdb mklabel gpt', /partition table/],
  ['sgdisk --zap-all /dev/sdb', /wipes/],
  ['wipefs -a /dev/sdb', /wipes/],
  ['pvcreate /dev/sda1', /LVM/],
  ['lvm pvcreate /dev/sdb', /LVM/],
  ['vgremove -f vg_data', /removes LVM/],
  ['lvremove /dev/vg/lv', /removes LVM/],
  ['dd if=/dev/zero of=/dev/sdb bs=1M', /writes raw data over a device/],
  ['cat image > /dev/sdb', /writes raw data over a device/],
  ['drbdadm create-md r0', /DRBD/],
  ['drbdadm primary --force r0', /DRBD/],
  ['drbdadm -- --overwrite-data-of-peer primary r0', /DRBD/],
  ['targetcli clearconfig confirm=True', /iSCSI target configuration/],
  ['sleep 5 && sudo reboot', /restarts/],
  ['systemctl reboot', /restarts/],
  ['systemctl poweroff', /restarts/],
  ['systemctl kexec', /restarts/],
  ['echo b > /proc/sysrq-trigger', /sysrq/],
  // What cannot be parsed cannot be proven harmless.
  ['pcs cluster "destroy', /could not be checked/],
];

const HARMLESS = [
  'pcs status',
  'cat /etc/hosts',
  'echo reboot-notes',
  'grep reboot log',
  'echo "pcs cluster destroy erases everything"',
  'man reboot',
  'pcs cluster stop --all',
  'pcs cluster start --all',
  'pcs cluster node add node3',
  'pcs resource create vip IPaddr2 ip=10.0.0.10',
  'pcs resource create $NAME IPaddr2 ip=10.0.0.10',
  'pcs stonith status',
  'parted --script /dev/sda print',
  'vgs -o+systemid',
  'mkdir -p /mnt/x',
  'rm -rf /tmp/build',
  'rm -f /etc/corosync/corosync.conf.bak',
  'echo reboot-later-note.txt > /dev/null',
  'ls > /tmp/list',
  'ssh node2 hostname',
  'systemctl status pacemaker',
  'systemctl restart pcsd',
  'systemctl list-units --type service',
  'init q',
  'shutdown -c',
  'tee /etc/hosts < hosts.txt',
  'dd if=/dev/sdb of=/tmp/disk.img bs=1M',
  'sudo -l',
  'command -v pcs',
  'timeout 5 ping -c 1 node2',
  'journalctl -u pacemaker | grep -i reboot',
  'bash script.sh',
  'history | grep reboot',
];

describe('destructive commands are found on the parsed command', () => {
  for (const [line, reason] of DESTRUCTIVE) {
    test(`asks: ${JSON.stringify(line)}`, () => {
      const found = classifyCommand(line).destructive;
      assert.ok(found.length > 0, `expected a confirmation for ${line}`);
      assert.ok(
        found.some((f) => reason.test(f.reason)),
        `reasons for ${line}: ${JSON.stringify(found.map((f) => f.reason))}`,
      );
    });
  }
  for (const line of HARMLESS) {
    test(`runs without asking: ${JSON.stringify(line)}`, () => {
      assert.deepEqual(classifyCommand(line).destructive, [], line);
    });
  }

  test('the finding names the words that decided it, without option values', () => {
    const [finding] = classifyCommand('pcs --request-timeout 30 -u hacluster -p S3cret cluster destroy --all').destructive;
    assert.equal(finding!.command, 'pcs cluster destroy');
    const found = classifyCommand('$PCS -u hacluster -p S3cret cluster destroy').destructive;
    assert.ok(found.length > 0);
    assert.doesNotMatch(JSON.stringify(found), /S3cret/);
  });

  test('a reason never carries terminal control characters from the file', () => {
    const found = classifyCommand('ssh "node2\u001b[2J" reboot').destructive;
    assert.ok(found.length > 0);
    for (const f of found) assert.doesNotMatch(f.reason + f.command, /[\u0000-\u001f]/);
  });
});

/** [command, masked form, the secret that must not survive] */
const MASKED: [string, string, string][] = [
  // Issue 11, finding 3, one by one.
  ['echo -e "S3cr\\nS3cr" | passwd user', 'echo -e **** | passwd user', 'S3cr'],
  ['passwd u <<< S3cr', 'passwd u <<< ****', 'S3cr'],
  ["chpasswd <<< 'u:S3cr'", "chpasswd <<< 'u:****'", 'S3cr'],
  ['chpasswd <<END\nu1:S3cr\nu2:T4ls\nEND', 'chpasswd <<END\nu1:****\nu2:****\nEND', 'S3cr'],
  ["printf 'S3cr\\nS3cr\\n' | passwd --stdin hacluster", 'printf **** | passwd --stdin hacluster', 'S3cr'],
  ["printf '%s\\n' S3cr S3cr | passwd --stdin hacluster", 'printf **** **** **** | passwd --stdin hacluster', 'S3cr'],
  [
    'ipmitool -I lanplus -H 10.0.0.5 -U admin -P S3cr chassis status',
    'ipmitool -I lanplus -H 10.0.0.5 -U admin -P **** chassis status',
    'S3cr',
  ],
  ['ipmitool -PS3cr power status', 'ipmitool -P**** power status', 'S3cr'],
  ["mysql -uroot -pS3cr -e 'show databases'", "mysql -uroot -p**** -e 'show databases'", 'S3cr'],
  ['mysql --password=S3cr', 'mysql --password=****', 'S3cr'],
  ['PW=S3cr; pcs host auth node1 -u hacluster -p $PW', 'PW=****; pcs host auth node1 -u hacluster -p $PW', 'S3cr'],
  ['PW=S3cr\npcs host auth node1 node2 -u hacluster -p "$PW"', 'PW=****\npcs host auth node1 node2 -u hacluster -p "$PW"', 'S3cr'],
  ['curl -u admin:S3cr https://10.0.0.1/', 'curl -u admin:**** https://10.0.0.1/', 'S3cr'],
  ['curl --user=admin:S3cr https://10.0.0.1/', 'curl --user=admin:**** https://10.0.0.1/', 'S3cr'],
  // The brief's further forms.
  ['sshpass -p S3cr ssh root@node1 hostname', 'sshpass -p **** ssh root@node1 hostname', 'S3cr'],
  ['sshpass -pS3cr ssh-copy-id root@node1', 'sshpass -p**** ssh-copy-id root@node1', 'S3cr'],
  ['pcs host auth node1 -u hacluster -p S3cr', 'pcs host auth node1 -u hacluster -p ****', 'S3cr'],
  ['pcs cluster auth -u hacluster -p "pa ss" node1', 'pcs cluster auth -u hacluster -p **** node1', 'pa ss'],
  ['pcs host auth node1 --password=S3cr', 'pcs host auth node1 --password=****', 'S3cr'],
  [
    'pcs stonith create f fence_ipmilan ip=10.0.0.5 username=admin password=S3cr lanplus=1',
    'pcs stonith create f fence_ipmilan ip=10.0.0.5 username=admin password=**** lanplus=1',
    'S3cr',
  ],
  ['pcs stonith create f fence_ilo passwd=S3cr', 'pcs stonith create f fence_ilo passwd=****', 'S3cr'],
  [
    'targetcli /iscsi/iqn.x/tpg1/acls/iqn.y set auth userid=u password=S3cr mutual_password=T4ls',
    'targetcli /iscsi/iqn.x/tpg1/acls/iqn.y set auth userid=u password=**** mutual_password=****',
    'S3cr',
  ],
  ["echo 'hacluster:S3cr' | chpasswd", "echo 'hacluster:****' | chpasswd", 'S3cr'],
  ['echo S3cr | passwd --stdin hacluster', 'echo **** | passwd --stdin hacluster', 'S3cr'],
  ['echo S3cr | sudo passwd --stdin hacluster', 'echo **** | sudo passwd --stdin hacluster', 'S3cr'],
  ['cat <<END | chpasswd\nroot:S3cr\nEND', 'cat <<END | chpasswd\nroot:****\nEND', 'S3cr'],
  ['ssh node1 "echo \'root:S3cr\' | chpasswd"', 'ssh node1 "echo \'root:****\' | chpasswd"', 'S3cr'],
  ['ssh node1 "pcs host auth node1 -u hacluster -p S3cr"', 'ssh node1 "pcs host auth node1 -u hacluster -p ****"', 'S3cr'],
  [
    'export HA_PASSWORD=S3cr; echo "$HA_PASSWORD" | passwd --stdin hacluster',
    'export HA_PASSWORD=****; echo "$HA_PASSWORD" | passwd --stdin hacluster',
    'S3cr',
  ],
  ['SECRET=S3cr ./setup.sh', 'SECRET=**** ./setup.sh', 'S3cr'],
  ['fence_ipmilan -a 10.0.0.5 -l admin -p S3cr -o status', 'fence_ipmilan -a 10.0.0.5 -l admin -p **** -o status', 'S3cr'],
  ['usermod -p S3cr hacluster', 'usermod -p **** hacluster', 'S3cr'],
  [
    'iscsiadm -m node -o update -n node.session.auth.password -v S3cr',
    'iscsiadm -m node -o update -n node.session.auth.password -v ****',
    'S3cr',
  ],
  ['K=S3cr; sshpass -p "$K" ssh node1 true', 'K=****; sshpass -p "$K" ssh node1 true', 'S3cr'],
  [
    'for i in 1 2; do sshpass -p S3cr ssh root@node$i "mkdir -p /a"; done',
    'for i in 1 2; do sshpass -p **** ssh root@node$i "mkdir -p /a"; done',
    'S3cr',
  ],
  [
    'cat > /etc/drbd.d/r0.res <<END\nnet { shared-secret "S3cr"; }\nEND',
    'cat > /etc/drbd.d/r0.res <<END\nnet { shared-secret ****; }\nEND',
    'S3cr',
  ],
];

const UNMASKED = [
  'ssh -p 2222 node1 hostname',
  'mkdir -p /home/nfs-share',
  'pcs status --full',
  'mysql -p mydb',
  'curl -u admin https://10.0.0.1/',
  'echo hello | tee /tmp/x',
  'PORT=2224; firewall-cmd --add-port=$PORT/tcp',
];

describe('secrets are masked on the parsed command', () => {
  for (const [line, masked, secret] of MASKED) {
    test(`masks: ${JSON.stringify(line)}`, () => {
      const result = classifyCommand(line);
      assert.equal(result.masked, masked);
      assert.ok(!result.masked.includes(secret), `${secret} must not survive`);
      assert.equal(result.unsure, undefined);
    });
  }
  for (const line of UNMASKED) {
    test(`leaves alone: ${JSON.stringify(line)}`, () => assert.equal(classifyCommand(line).masked, line));
  }

  test('a line the shell cannot parse is still masked (by the text patterns) and asks', () => {
    const result = classifyCommand('sshpass -p S3cr ssh node1 "pcs cluster destroy');
    assert.ok(result.unsure);
    assert.ok(!result.masked.includes('S3cr'), result.masked);
    assert.ok(result.destructive.length > 0);
  });

  test('a block of several lines is masked line by line', () => {
    const block = ['PW=S3cr', 'pcs host auth node1 node2 -u hacluster -p $PW', 'pcs cluster setup lab node1 node2'].join('\n');
    assert.equal(
      classifyCommand(block).masked,
      ['PW=****', 'pcs host auth node1 node2 -u hacluster -p $PW', 'pcs cluster setup lab node1 node2'].join('\n'),
    );
  });
});
