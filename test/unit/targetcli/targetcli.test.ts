import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildClusterModel, scriptDiagnostics } from '../../../server/src/scripts/index';
import { doc } from '../pcs/lines';

function codes(text: string): string[] {
  const d = doc('file:///w/t.sh', text);
  return scriptDiagnostics(d, buildClusterModel([d], [])).map((x) => `${x.range.start.line}:${x.code}`);
}

const T = 'iqn.2023-02.com.example:blocks';

test('LUN for a backstore that was never created, and an ACL set before it exists', () => {
  const c = codes(
    [
      'targetcli backstores/fileio create disk1 /var/lib/disk1.img 2G',
      `targetcli iscsi/ create ${T}`,
      `targetcli iscsi/${T}/tpg1/luns/ create /backstores/fileio/disk1/`,
      `targetcli iscsi/${T}/tpg1/luns/ create /backstores/fileio/disk2/`,
      `targetcli iscsi/${T}/tpg1/acls/iqn.2023-02.com.example:node1 set auth userid=u`,
    ].join('\n'),
  );
  assert.deepEqual(c, ['3:targetcli/unknown-backstore', '4:targetcli/unknown-acl']);
});

test('malformed IQN, unknown parameter and unknown command are refused', () => {
  const c = codes(
    [
      'targetcli iscsi/ create iqn.2023-13.com.example:x',
      'targetcli iscsi/ create example:blocks',
      'targetcli backstores/fileio create name=d file_or_dev=/tmp/d size=1G sparse=true bogus=1',
      'targetcli saveconfg',
      'targetcli saveconfig',
    ].join('\n'),
  );
  assert.deepEqual(c, [
    '0:targetcli/malformed-iqn',
    '1:targetcli/malformed-iqn',
    '2:targetcli/unknown-parameter',
    '3:targetcli/unknown-command',
  ]);
});

test('a CHAP password on the command line is a warning', () => {
  const c = codes(
    [
      `targetcli iscsi/ create ${T}`,
      `targetcli iscsi/${T}/tpg1/acls/ create iqn.2023-02.com.example:n1`,
      `targetcli iscsi/${T}/tpg1/acls/iqn.2023-02.com.example:n1 set auth password=secret`,
    ].join('\n'),
  );
  assert.deepEqual(c, ['2:shell/password-on-command-line']);
});
