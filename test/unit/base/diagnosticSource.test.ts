// One product, one name in the Problems panel: every family (corosync.conf, pcs, agents, quorum, shell,
// suppression comments) gives its diagnostics the same `source`, the one suppression comments use.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../../../server/src/service/languageService';

const service = new LanguageService();
before(() => service.init());

test('diagnostics of every family carry the source pcmk-lsp', () => {
  // corosync.conf: an unknown key (corosync family) and a two-node cluster without two_node (quorum family)
  service.setDocument(
    'file:///src/corosync.conf',
    'corosync',
    [
      'totem {',
      '  version: 2',
      '  cluster_name: lab',
      '  tokken: 3000',
      '}',
      'nodelist {',
      '  node {',
      '    ring0_addr: 10.0.0.1',
      '    nodeid: 1',
      '  }',
      '  node {',
      '    ring0_addr: 10.0.0.2',
      '    nodeid: 2',
      '  }',
      '}',
      'quorum {',
      '  provider: corosync_votequorum',
      '}',
    ].join('\n'),
    1,
    true,
  );
  // a script: pcs refusals (pcs family), an agent parameter (agents family), a shell problem, an unused suppression
  service.setDocument(
    'file:///src/lab.sh',
    'shell',
    [
      'pcs property set stonith-enabled=false',
      'pcs resource create vip ocf:heartbeat:IPaddr2 ipp=10.0.0.50',
      'pcs constraint colocation add web with nothere',
      '# pcmk-lsp disable-next-line=pcs/unknown-property',
      'echo done',
      'echo "unclosed',
    ].join('\n'),
    1,
    true,
  );
  const all = [...service.diagnostics('file:///src/corosync.conf'), ...service.diagnostics('file:///src/lab.sh')];
  const codes = all.map((d) => String(d.code));
  for (const prefix of ['corosync/', 'quorum/', 'pcs/', 'suppression/', 'shell/']) {
    assert.ok(
      codes.some((c) => c.startsWith(prefix)),
      `a ${prefix} diagnostic among ${codes.join(', ')}`,
    );
  }
  assert.ok(
    codes.some((c) => c.startsWith('pcs/agent-')),
    `an agent diagnostic among ${codes.join(', ')}`,
  );
  assert.deepEqual([...new Set(all.map((d) => d.source))], ['pcmk-lsp']);
});
