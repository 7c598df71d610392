// The CLI's human output in the language chosen by --lang or the environment (configured by main.ts
// through configureLanguage): `quorum` text, `check` summary and usage, `explain` errors. The figures,
// option names and what corosync prints stay as they are; the JSON of `quorum` keeps its fields.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { configureLanguage } from '../../../server/src/cli/l10n';
import { quorumCli } from '../../support/quorumCli';
import { formatText, runCheckCli } from '../../../server/src/cli/check';
import { runExplainCli } from '../../../server/src/cli/explain';
import { runLabCli } from '../../../server/src/cli/lab';
import { findNode, formatStatus, labUp, type LabState, type LabStatus } from '../../../server/src/lab/lab';

const seed004 = path.join(__dirname, '..', 'quorum', 'fixtures', 'seed004.conf');

describe('l10n: pcmk-lsp in the chosen language', () => {
  after(() => configureLanguage('en'));

  it('quorum text in French: our words translated, the quorumtool figures line and node names kept', async () => {
    assert.equal(configureLanguage('fr'), undefined);
    const r = await quorumCli([seed004, '--down', 'cl1.home.dom']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /\ntous les nœuds présents, puis tombés ensemble : cl1\.home\.dom\n/);
    assert.match(r.out, /\n {2}DOWN {2}cl1\.home\.dom \(id 3, 1 vote\)\n/);
    assert.match(r.out, /\nexpected votes 8, total votes 5, quorum 5\nquorate: yes\n/);
    assert.match(r.out, /\nplus petite perte qui l'arrête : sv1\.home\.dom \| sv2\.home\.dom\n/);
    assert.match(r.out, /\nscission en deux moitiés \(.+\) : aucun côté ne garde le quorum\n/);
    assert.doesNotMatch(r.out, /smallest loss|even split|all nodes up/);
  });

  it('quorum --format json keeps its fields and values whatever the language', async () => {
    configureLanguage('en');
    const english = JSON.parse((await quorumCli(['--format', 'json', seed004])).out) as Record<string, unknown>;
    configureLanguage('ja');
    const japanese = JSON.parse((await quorumCli(['--format', 'json', seed004])).out) as Record<string, unknown>;
    assert.deepEqual(Object.keys(japanese), Object.keys(english));
    for (const key of ['expectedVotes', 'totalVotes', 'quorum', 'quorate', 'nodes', 'tolerates', 'notes'])
      assert.deepEqual(japanese[key], english[key], key);
  });

  it('quorum errors in Korean, the option names and the node names kept', async () => {
    configureLanguage('ko');
    const r = await quorumCli([seed004, '--down', 'sv3.home.dom']);
    assert.equal(r.code, 2);
    assert.match(
      r.err,
      /^pcmk-lsp quorum: --down: nodelist에 노드 "sv3\.home\.dom"이\(가\) 없습니다\. "sv[12]\.home\.dom"을\(를\) 의도하셨나요\?/,
    );
    const missing = await quorumCli(['--format', 'json']);
    assert.equal(missing.code, 2);
    assert.equal(missing.err, 'pcmk-lsp quorum: FILE이 없습니다\n사용법: pcmk-lsp quorum [--format text|json] FILE [--down NAME,...]\n');
  });

  it('check: the summary line in Japanese, the usage and an unknown option in Korean', async () => {
    configureLanguage('ja');
    assert.equal(formatText([]), 'エラー 0 件、警告 0 件、注記 0 件\n');
    configureLanguage('ko');
    let err = '';
    assert.equal(
      await runCheckCli(
        ['--frmat', 'json'],
        () => {},
        (s) => (err += s),
      ),
      2,
    );
    assert.equal(err, 'pcmk-lsp check: 알 수 없는 옵션 --frmat\n');
    err = '';
    assert.equal(
      await runCheckCli(
        [],
        () => {},
        (s) => (err += s),
      ),
      2,
    );
    assert.match(err, /^사용법: pcmk-lsp check \[--format text\|json\|sarif\|gcc\]/);
  });

  it('lab: an unknown command and the usage in Korean, the command lines kept', async () => {
    configureLanguage('ko');
    let err = '';
    assert.equal(
      await runLabCli(
        ['bogus'],
        () => {},
        (s) => (err += s),
      ),
      2,
    );
    assert.match(
      err,
      /^pcmk-lsp lab: 알 수 없는 명령 "bogus"\n사용법:\n {2}pcmk-lsp lab up \[--nodes N\] \[--from PATH\] \[--ready\] \[--name NAME\] {3}실습 환경 시작/,
    );
  });

  it('lab errors the VS Code client shows in the display language (fr, ja): a bad name, a node not in the lab', async () => {
    configureLanguage('fr');
    await assert.rejects(labUp({ name: 'bad name!', nodes: [] }), {
      message: 'nom de lab invalide "bad name!" (lettres, chiffres, - et _, 16 au plus)',
    });
    configureLanguage('ja');
    const state = { name: 'lab', nodes: [{ name: 'node1' }] } as unknown as LabState;
    assert.throws(() => findNode(state, 'node9'), { message: '"node9" はラボ "lab" のノードではありません (ノード: node1)' });
  });

  it('lab status text in Korean: the figures, node names and daemons kept', () => {
    configureLanguage('ko');
    const status = {
      name: 'lab',
      sshConfig: '/run/pcmk-lab/lab/ssh_config',
      clusterName: 'web',
      nodes: [
        {
          name: 'node1',
          address: '192.168.78.11',
          power: 'on',
          daemons: { corosync: true, pacemaker: true, pcsd: true },
          quorate: true,
          quorum: { totalVotes: 2, expectedVotes: 3, quorum: 2, members: ['node1'] },
          memoryKb: 262_144,
          partition: 'br0',
        },
      ],
    } as unknown as LabStatus;
    assert.equal(
      formatStatus(status),
      '실습 환경 lab: 노드 1개 · ssh 설정 /run/pcmk-lab/lab/ssh_config\n' +
        '  node1      192.168.78.11   켜짐  · 데몬: corosync pacemaker pcsd · 쿼럼 있음 (2/3표, 쿼럼 2) · ssh -F /run/pcmk-lab/lab/ssh_config node1 · 256 MB\n',
    );
  });

  it('explain: an unknown code in French, with the suggestion', () => {
    configureLanguage('fr');
    let err = '';
    assert.equal(
      runExplainCli(
        ['pcs/stonith-disabld'],
        () => {},
        (s) => (err += s),
      ),
      2,
    );
    assert.match(
      err,
      /^pcmk-lsp explain: aucune règle 'pcs\/stonith-disabld'\. Vouliez-vous dire 'pcs\/stonith-disabled' \? Les codes sont listés dans /,
    );
  });
});
