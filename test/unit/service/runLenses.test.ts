// Run lenses where they help: `blocks` (the default) puts one above each block and above lines whose
// prompt names a node; `all` above every command too; `off` nowhere; and never above a line that
// only changes the shell (set -e, cd, export, assignments).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../../../server/src/service/languageService';

const service = new LanguageService();
before(() => service.init());

const SCRIPT = [
  '#!/bin/bash',
  'set -euo pipefail',
  'cd /root',
  'export PCS_USER=hacluster',
  '',
  'pcs cluster start --all',
  'pcs status',
  '',
  'node2 # pcs node standby node2',
  '',
  'crm_mon -1',
].join('\n');

function lenses(mode: 'all' | 'blocks' | 'off') {
  const uri = `file:///lens/${mode}.sh`;
  service.configureRunLenses(mode);
  service.setDocument(uri, 'shell', SCRIPT, 1, true);
  return service
    .codeLenses(uri)
    .filter((lens) => lens.command?.command === 'pacemakerLab.runOnNode')
    .map((lens) => `${lens.range.start.line}-${lens.range.end.line}:${lens.command!.title}`);
}

test('blocks: one lens group per block, prompted lines keep theirs, shell-only lines get none', () => {
  assert.deepEqual(lenses('blocks'), ['5-6:▶ Run block on…', '8-8:▶ Run on node2', '8-8:▶ Run on…', '10-10:▶ Run on…']);
});

test('all: every command that does something on a node, plus the blocks', () => {
  assert.deepEqual(lenses('all'), [
    '5-5:▶ Run on…',
    '6-6:▶ Run on…',
    '5-6:▶ Run block on…',
    '8-8:▶ Run on node2',
    '8-8:▶ Run on…',
    '10-10:▶ Run on…',
  ]);
});

test('off: no run lens at all', () => {
  assert.deepEqual(lenses('off'), []);
});
