// Extraction from plain bash scripts: continuations, loops, ssh/sshpass/bash -c, lists, prompts
// pasted into scripts, heredocs and echo/tee that write /etc/hosts or corosync.conf, blocks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract, rangeOn, offsetOn, argvText, commandsNamed, textAt } from './helpers';

test('a command continued with backslashes is one invocation spanning its lines', async () => {
  const text = ['pcs resource create web ocf:heartbeat:apache \\', '  configfile=/etc/httpd/conf/httpd.conf \\', '  --group webgroup'].join(
    '\n',
  );
  const x = await extract(text, 'shell');
  assert.equal(x.invocations.length, 1);
  const inv = x.invocations[0];
  assert.deepEqual(argvText(inv), [
    'pcs',
    'resource',
    'create',
    'web',
    'ocf:heartbeat:apache',
    'configfile=/etc/httpd/conf/httpd.conf',
    '--group',
    'webgroup',
  ]);
  assert.deepEqual(inv.range, { start: { line: 0, character: 0 }, end: { line: 2, character: 18 } });
  assert.deepEqual(inv.argv[6].range, rangeOn(text, 2, '--group'));
  assert.deepEqual(inv.argv[5].range, rangeOn(text, 1, 'configfile=/etc/httpd/conf/httpd.conf'));
});

test('ssh in a brace-range loop: the quoted remote commands are found with exact ranges', async () => {
  const text = "for n in node{1..3}; do ssh root@$n 'pcs cluster enable && systemctl start pcsd'; done";
  const x = await extract(text, 'shell');
  const ssh = commandsNamed(x, 'ssh')[0];
  assert.deepEqual(ssh.argv[1].values, ['root@node1', 'root@node2', 'root@node3']);
  const pcs = commandsNamed(x, 'pcs')[0];
  assert.deepEqual(argvText(pcs), ['pcs', 'cluster', 'enable']);
  assert.equal(pcs.remote?.via, 'ssh');
  assert.deepEqual(pcs.remote?.host?.values, ['root@node1', 'root@node2', 'root@node3']);
  assert.deepEqual(pcs.range, rangeOn(text, 0, 'pcs cluster enable'));
  assert.deepEqual(pcs.argv[2].range, rangeOn(text, 0, 'enable'));
  assert.equal(pcs.argv[2].textOffset, text.indexOf('enable'));
  const systemctl = commandsNamed(x, 'systemctl')[0];
  assert.deepEqual(systemctl.range, rangeOn(text, 0, 'systemctl start pcsd'));
  assert.equal(systemctl.remote?.via, 'ssh');
});

test('double-quoted remote command: escapes removed, range covers the raw characters', async () => {
  const text = 'ssh node2 "pcs resource create ip ocf:heartbeat:IPaddr2 ip=\\"10.0.0.5\\" --group g"';
  const x = await extract(text, 'shell');
  const pcs = commandsNamed(x, 'pcs')[0];
  assert.deepEqual(argvText(pcs), ['pcs', 'resource', 'create', 'ip', 'ocf:heartbeat:IPaddr2', 'ip=10.0.0.5', '--group', 'g']);
  assert.deepEqual(pcs.argv[5].range, rangeOn(text, 0, 'ip=\\"10.0.0.5\\"'));
  assert.equal(pcs.argv[5].textOffset, undefined, 'escaped quotes break the 1:1 mapping');
  assert.equal(pcs.remote?.host?.text, 'node2');
});

test('sshpass wraps ssh, whose trailing words are the remote command', async () => {
  const text = 'sshpass -p secret ssh -o StrictHostKeyChecking=no root@node2 pcs status --full';
  const x = await extract(text, 'shell');
  assert.deepEqual(
    x.invocations.map((i) => i.command),
    ['sshpass', 'ssh', 'pcs'],
  );
  const pcs = x.invocations[2];
  assert.deepEqual(argvText(pcs), ['pcs', 'status', '--full']);
  assert.equal(pcs.remote?.host?.text, 'root@node2');
  assert.deepEqual(pcs.range, rangeOn(text, 0, 'pcs status --full'));
  // -procky style (value glued to the option)
  const y = await extract('sshpass -procky ssh-copy-id root@node1', 'shell');
  assert.deepEqual(
    y.invocations.map((i) => i.command),
    ['sshpass', 'ssh-copy-id'],
  );
});

test('bash -c, sh -c and su -c strings are parsed as commands run by a shell', async () => {
  const text = "bash -c 'targetcli saveconfig' ; sh -xc \"pcs cluster stop --all\"; su - root -c 'crm_mon -1'";
  const x = await extract(text, 'shell');
  const targetcli = commandsNamed(x, 'targetcli')[0];
  assert.equal(targetcli.remote?.via, 'shell');
  assert.deepEqual(targetcli.range, rangeOn(text, 0, 'targetcli saveconfig'));
  assert.deepEqual(argvText(commandsNamed(x, 'pcs')[0]), ['pcs', 'cluster', 'stop', '--all']);
  assert.equal(commandsNamed(x, 'crm_mon')[0].remote?.via, 'shell');
});

test('lists, pipelines, subshells and command substitutions', async () => {
  const text = '(cd /tmp && pcs cluster cib > x.xml) ; crm_verify -x x.xml | tee log || echo "$(date) failed"';
  const x = await extract(text, 'shell');
  assert.deepEqual(
    x.invocations.map((i) => i.command),
    ['cd', 'pcs', 'crm_verify', 'tee', 'echo', 'date'],
  );
  assert.deepEqual(commandsNamed(x, 'pcs')[0].range, rangeOn(text, 0, 'pcs cluster cib'));
  const echo = commandsNamed(x, 'echo')[0];
  assert.equal(echo.argv[1].dynamic, true);
});

test('prompts pasted into a script are stripped and name the node; "# cmd" stays a comment', async () => {
  const text = [
    'node1# pcs status',
    '[root@node2 ~]# pcs cluster stop',
    '$ pcs quorum status',
    '# pcs resource cleanup',
    'node1/2# systemctl start pcsd',
    'nodeX # pcs status nodes',
    'reboot # after the update',
  ].join('\n');
  const x = await extract(text, 'shell');
  assert.deepEqual(
    x.invocations.map((i) => argvText(i).join(' ')),
    ['pcs status', 'pcs cluster stop', 'pcs quorum status', 'systemctl start pcsd', 'pcs status nodes', 'reboot'],
  );
  const [a, b, c, d, e, f] = x.invocations;
  assert.deepEqual(a.prompt?.nodes, ['node1']);
  assert.deepEqual(a.prompt?.range, rangeOn(text, 0, 'node1#'));
  assert.deepEqual(a.range, rangeOn(text, 0, 'pcs status'));
  assert.deepEqual(b.prompt?.nodes, ['node2']);
  assert.equal(b.prompt?.raw, '[root@node2 ~]#');
  assert.deepEqual(c.prompt?.nodes, []);
  assert.deepEqual(d.prompt?.nodes, ['node1', 'node2']);
  assert.deepEqual(e.prompt?.nodes, ['*']);
  assert.equal(f.prompt, undefined, '"reboot # ..." is a command with a comment, not a prompt');
});

test('heredocs that write /etc/hosts and corosync.conf give their content and exact line offsets', async () => {
  const text = [
    'cat <<EOF>> /etc/hosts',
    '10.0.0.1 node1',
    '10.0.0.2 node2',
    'EOF',
    'cat <<-END > /etc/corosync/corosync.conf',
    '\ttotem {',
    '\t\tcluster_name: lab',
    '\t}',
    '\tEND',
    'cat <<EOF > /tmp/other.txt',
    'ignored',
    'EOF',
  ].join('\n');
  const x = await extract(text, 'shell');
  assert.equal(x.files.length, 2, 'only files whose content is understood');
  const [hosts, conf] = x.files;
  assert.equal(hosts.path, '/etc/hosts');
  assert.equal(hosts.append, true);
  assert.equal(hosts.content, '10.0.0.1 node1\n10.0.0.2 node2\n');
  assert.deepEqual(hosts.lineOffsets, [offsetOn(text, 1, '10.0.0.1'), offsetOn(text, 2, '10.0.0.2')]);
  assert.deepEqual(hosts.contentRange, { start: { line: 1, character: 0 }, end: { line: 2, character: 14 } });
  assert.equal(conf.path, '/etc/corosync/corosync.conf');
  assert.equal(conf.append, false);
  assert.equal(conf.content, 'totem {\ncluster_name: lab\n}\n', '<<- strips every leading tab, as bash does');
  assert.deepEqual(conf.lineOffsets, [offsetOn(text, 5, 'totem'), offsetOn(text, 6, 'cluster_name'), offsetOn(text, 7, '}')]);
  assert.deepEqual(commandsNamed(x, 'cat').length, 3);
  assert.equal(x.invocations.filter((i) => i.command === '10.0.0.1' || i.command === 'totem').length, 0);
});

test('echo and tee that write /etc/hosts', async () => {
  const text = [
    'echo "10.0.0.3 node3" >> /etc/hosts',
    'cat <<EOF | tee -a /etc/hosts',
    '10.0.0.4 node4',
    'EOF',
    "echo '10.0.0.5 node5' | tee /etc/hosts",
  ].join('\n');
  const x = await extract(text, 'shell');
  assert.equal(x.files.length, 3);
  assert.deepEqual(x.files[0], {
    path: '/etc/hosts',
    content: '10.0.0.3 node3\n',
    contentRange: rangeOn(text, 0, '10.0.0.3 node3'),
    lineOffsets: [offsetOn(text, 0, '10.0.0.3')],
    append: true,
  });
  assert.equal(x.files[1].content, '10.0.0.4 node4\n');
  assert.equal(x.files[1].append, true);
  assert.equal(x.files[2].content, '10.0.0.5 node5\n');
  assert.equal(x.files[2].append, false);
});

test('ranges are exact with Korean, Japanese and emoji before and on the same line', async () => {
  const text = [
    '# 한국어 주석 😀 とテスト',
    'echo "가나다" && pcs resource create 자원😀 ocf:heartbeat:Dummy op monitor interval=10s',
  ].join('\n');
  const x = await extract(text, 'shell');
  const pcs = commandsNamed(x, 'pcs')[0];
  assert.deepEqual(pcs.range, rangeOn(text, 1, 'pcs resource create 자원😀 ocf:heartbeat:Dummy op monitor interval=10s'));
  assert.deepEqual(pcs.argv[3].range, rangeOn(text, 1, '자원😀'));
  assert.equal(pcs.argv[3].text, '자원😀');
  assert.equal(pcs.argv[3].textOffset, offsetOn(text, 1, '자원'));
  assert.deepEqual(commandsNamed(x, 'echo')[0].argv[1].range, rangeOn(text, 1, '"가나다"'));
  assert.equal(commandsNamed(x, 'echo')[0].argv[1].textOffset, offsetOn(text, 1, '가나다'));
});

test('words: quote removal, textOffset inside quotes, dynamic expansions, word-list loops', async () => {
  const text = [
    'pcs resource create nfs ocf:heartbeat:exportfs "fsid=0" clientspec=\'*\' $OPTS',
    'for h in sv1 sv2 ; do pcs node standby $h ; done',
    'for i in {1..4}; do echo node$i; done',
    'for f in $(ls); do rm "$f"; done',
  ].join('\n');
  const x = await extract(text, 'shell');
  const create = x.invocations[0];
  assert.equal(create.argv[5].text, 'fsid=0');
  assert.equal(create.argv[5].textOffset, text.indexOf('fsid=0'));
  assert.deepEqual(create.argv[5].range, rangeOn(text, 0, '"fsid=0"'));
  assert.equal(create.argv[6].text, 'clientspec=*');
  assert.equal(create.argv[7].dynamic, true);
  const standby = commandsNamed(x, 'pcs')[1];
  assert.deepEqual(standby.argv[3].values, ['sv1', 'sv2']);
  assert.equal(standby.argv[3].dynamic, undefined);
  const echo = commandsNamed(x, 'echo')[0];
  assert.deepEqual(echo.argv[1].values, ['node1', 'node2', 'node3', 'node4']);
  const rm = commandsNamed(x, 'rm')[0];
  assert.equal(rm.argv[1].dynamic, true, 'a loop over $(ls) cannot be resolved');
  assert.equal(rm.argv[1].values, undefined);
  // a brace list outside loops
  const y = await extract('firewall-cmd --add-service={nfs3,mountd,rpc-bind} --permanent', 'shell');
  assert.deepEqual(y.invocations[0].argv[1].values, ['--add-service=nfs3', '--add-service=mountd', '--add-service=rpc-bind']);
});

test('ssh fed a heredoc runs the heredoc as a remote script', async () => {
  const text = ['ssh root@node2 <<EOF', 'pcs cluster start', 'EOF'].join('\n');
  const x = await extract(text, 'shell');
  const pcs = commandsNamed(x, 'pcs')[0];
  assert.equal(pcs.remote?.host?.text, 'root@node2');
  assert.deepEqual(pcs.range, rangeOn(text, 1, 'pcs cluster start'));
});

test('blocks: blank-line separated groups, with the prompt their commands share', async () => {
  const text = [
    'node1# pcs cluster setup lab node1 node2',
    'node1# pcs cluster start --all',
    '',
    'for i in 1 2; do',
    '',
    '  ssh node$i "systemctl enable pcsd"',
    'done',
    '',
    '',
    'pcs status',
  ].join('\n');
  const x = await extract(text, 'shell');
  assert.equal(x.blocks.length, 3, 'the blank line inside the loop does not split it');
  assert.deepEqual(x.blocks[0].prompt?.nodes, ['node1']);
  assert.equal(x.blocks[0].text, 'node1# pcs cluster setup lab node1 node2\nnode1# pcs cluster start --all');
  assert.deepEqual(x.blocks[1].range, { start: { line: 3, character: 0 }, end: { line: 6, character: 4 } });
  assert.equal(x.blocks[1].prompt, undefined);
  assert.deepEqual(
    x.invocations.map((i) => i.block),
    [0, 0, 1, 1, 2],
  );
  assert.equal(textAt(text, x.blocks[2].range), 'pcs status');
});

test('bad input never throws', async () => {
  for (const text of ['', '\n\n', 'echo "unterminated', "ssh host 'pcs status", 'for i in; do', ')))(((', 'cat <<EOF', '\u0000\uFFFF']) {
    await extract(text, 'shell');
    await extract(text, 'markdown');
  }
});
