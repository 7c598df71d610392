// Extraction from Markdown and plain-text memos: which fences are shell, prompts versus output,
// `# cmd` root prompts versus comments, prose lines, `> ` secondary prompts, PDF-wrapped lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract, rangeOn, offsetOn, argvText, commandsNamed } from './helpers';

test('a bash fence with prompts: only prompted lines are commands, output lines are not', async () => {
  const text = [
    '설치 방법은 다음과 같다.',
    '```bash',
    'node1# dnf search drbd',
    '> drbd-utils.x86_64 : Management utilities for DRBD',
    'Cluster Summary:',
    'node1/2# systemctl enable --now pcsd',
    '```',
  ].join('\n');
  const x = await extract(text, 'markdown');
  assert.deepEqual(
    x.invocations.map((i) => argvText(i).join(' ')),
    ['dnf search drbd', 'systemctl enable --now pcsd'],
  );
  assert.deepEqual(x.invocations[0].range, rangeOn(text, 2, 'dnf search drbd'));
  assert.deepEqual(x.invocations[1].prompt?.nodes, ['node1', 'node2']);
  assert.equal(x.blocks.length, 1);
  assert.deepEqual(x.blocks[0].range, { start: { line: 2, character: 0 }, end: { line: 5, character: 36 } });
  assert.equal(x.blocks[0].prompt, undefined, 'the two commands run on different nodes');
});

test('console fences: "$ " prompts, output never becomes a command', async () => {
  const text = ['```console', '$ pcs status', 'Cluster name: lab', '  * Stack: corosync', 'Node List:', '```'].join('\n');
  const x = await extract(text, 'markdown');
  assert.deepEqual(
    x.invocations.map((i) => i.command),
    ['pcs'],
  );
  assert.deepEqual(x.blocks[0].prompt?.raw, '$');
});

test('untagged fences are shell only when they look like it; other languages are skipped', async () => {
  const text = [
    '```',
    'system_id_source = "uname"',
    '```',
    '```',
    '# pcs status',
    '# iscsadm -m node --login',
    '```',
    '```powershell',
    'powershell> Get-NetAdapter',
    '```',
    '```yaml',
    'pcs: status',
    '```',
  ].join('\n');
  const x = await extract(text, 'markdown');
  assert.deepEqual(
    x.invocations.map((i) => i.command),
    ['pcs', 'iscsadm'],
  );
  assert.equal(x.invocations[0].prompt?.raw, '#');
  assert.deepEqual(x.invocations[0].prompt?.nodes, []);
  assert.deepEqual(x.invocations[1].range, rangeOn(text, 5, 'iscsadm -m node --login'));
  assert.equal(x.blocks.length, 1, 'only the shell fence is a runnable block');
});

test('"# text" is a comment; "# cmd" is a comment too when the fence has bare commands', async () => {
  const text = [
    '```bash',
    '# install the packages',
    'dnf install -y pcs',
    '# pcs status shows the cluster',
    'pcs status',
    '# node1, 나머지 노드는 아이피만 변경',
    '```',
  ].join('\n');
  const x = await extract(text, 'markdown');
  assert.deepEqual(
    x.invocations.map((i) => argvText(i).join(' ')),
    ['dnf install -y pcs', 'pcs status'],
  );
  assert.equal(x.invocations[1].prompt, undefined);
  assert.deepEqual(x.invocations[1].range, rangeOn(text, 4, 'pcs status'));
});

test('lines in a tagged fence that do not start like a command are left out', async () => {
  const text = ['```bash', 'Static Switch -> Default Switch', '[콘솔 열기]', 'nmcli con up eth0', 'ping ', '```'].join('\n');
  const x = await extract(text, 'markdown');
  assert.deepEqual(
    x.invocations.map((i) => i.command),
    ['nmcli', 'ping'],
  );
});

test('prose: strong prompts and bare command lines are commands, sentences are not', async () => {
  const text = [
    'Run pcs status to see the cluster.',
    'pcs is the cluster configuration tool',
    'pcs cluster start --all',
    '[root@node1 ~]# pcs property set stonith-enabled=false',
    'Cluster Summary:',
    '  * Stack: corosync',
    '  crm_mon: Error: cluster is not available on this node',
    'Sur chaque machine, exécutez cette commande:',
  ].join('\n');
  const x = await extract(text, 'markdown');
  assert.deepEqual(
    x.invocations.map((i) => argvText(i).join(' ')),
    ['pcs cluster start --all', 'pcs property set stonith-enabled=false'],
  );
  assert.deepEqual(x.invocations[1].prompt?.nodes, ['node1']);
  assert.deepEqual(x.invocations[1].argv[3].range, rangeOn(text, 3, 'stonith-enabled=false'));
});

test('"> " secondary prompts of a heredoc typed at a prompt are stripped', async () => {
  const text = [
    '[root@node1 ~]# cat <<EOF >> /etc/hosts',
    '> 10.0.0.1 node1',
    '> 10.0.0.2 node2',
    '> EOF',
    '[root@node1 ~]#',
    'Cluster name: lab',
  ].join('\n');
  const x = await extract(text, 'markdown');
  assert.deepEqual(
    x.invocations.map((i) => i.command),
    ['cat'],
  );
  assert.equal(x.files.length, 1);
  assert.equal(x.files[0].content, '10.0.0.1 node1\n10.0.0.2 node2\n');
  assert.deepEqual(x.files[0].lineOffsets, [offsetOn(text, 1, '10.0.0.1'), offsetOn(text, 2, '10.0.0.2')]);
  assert.deepEqual(x.files[0].contentRange, { start: { line: 1, character: 2 }, end: { line: 2, character: 16 } });
});

test('heredoc body lines in a prompted fence are part of the command, not output', async () => {
  const text = ['```', '# cat <<EOF>> /etc/hosts', '192.168.1.1 node1', 'EOF', '# hostnamectl set-hostname node1', '```'].join('\n');
  const x = await extract(text, 'markdown');
  assert.deepEqual(
    x.invocations.map((i) => i.command),
    ['cat', 'hostnamectl'],
  );
  assert.equal(x.files[0].content, '192.168.1.1 node1\n');
  assert.equal(x.files[0].append, true);
});

test('lines a PDF export broke are joined: mid-word without a blank, else with one', async () => {
  const long = 'node1 # pcs resource create fs ocf:heartbeat:Filesystem device=/dev/vg/lv direct';
  const text = [
    '```',
    long,
    'ory=/var/www fstype=xfs --group web',
    'node1 # pcs stonith create st fence_scsi pcmk_host_list="node1.example.com node2.example.c',
    'om" devices=/dev/sdb',
    'node1 # pcs host auth -u hacluster -p secret node1.example.com node2.example.com  ',
    'node3.example.com',
    '```',
  ].join('\n');
  const x = await extract(text, 'markdown');
  assert.equal(x.invocations.length, 3);
  const [fs, st, auth] = x.invocations;
  assert.deepEqual(argvText(fs).slice(5), ['device=/dev/vg/lv', 'directory=/var/www', 'fstype=xfs', '--group', 'web']);
  assert.deepEqual(fs.argv[6].range, { start: { line: 1, character: long.length - 'direct'.length }, end: { line: 2, character: 12 } });
  assert.equal(fs.argv[6].textOffset, undefined, 'the word crosses a line break');
  assert.equal(st.argv[5].text, 'pcmk_host_list=node1.example.com node2.example.com');
  assert.deepEqual(argvText(auth).slice(-3), ['node1.example.com', 'node2.example.com', 'node3.example.com']);
  assert.deepEqual(auth.argv[auth.argv.length - 1].range, rangeOn(text, 6, 'node3.example.com'));
});

test('fences inside Korean prose keep exact positions', async () => {
  const text = [
    '# 클러스터 인증 및 생성',
    '한국어 설명 😀 텍스트',
    '```bash',
    'node1# pcs host auth -u hacluster -p centos node1 node2',
    '```',
  ].join('\n');
  const x = await extract(text, 'markdown');
  const pcs = commandsNamed(x, 'pcs')[0];
  assert.deepEqual(pcs.range, rangeOn(text, 3, 'pcs host auth -u hacluster -p centos node1 node2'));
  assert.deepEqual(pcs.argv[6].range, rangeOn(text, 3, 'centos'));
  assert.equal(pcs.argv[6].textOffset, offsetOn(text, 3, 'centos'));
  assert.deepEqual(pcs.prompt?.range, rangeOn(text, 3, 'node1#'));
});
