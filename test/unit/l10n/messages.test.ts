// The translated bundles reach the user: with the language configured as the server and the CLI do
// (cli/l10n.ts), pcs's refusals come out in Korean, Japanese or French, the pcs words in them stay
// as pcs prints them, and English comes back when the language is English again.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildClusterModel, scriptDiagnostics } from '../../../server/src/scripts/index';
import { configureLanguage } from '../../../server/src/cli/l10n';
import { doc } from '../pcs/lines';
import { classifyCommand } from '../../../server/src/runOnNode/commandSafety';
import { describeCommand, shortDescription } from '../../../server/src/pcs/descriptions';
import { describeOption } from '../../../server/src/scripts/hover';
import { keyDoc } from '../../../server/src/corosync/features/hover';
import { keySpec } from '../../../server/src/corosync/schema';
import { LanguageService } from '../../../server/src/service/languageService';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

function messages(text: string): Map<string, string> {
  const d = doc('file:///w/lab.sh', text);
  const diags = scriptDiagnostics(d, buildClusterModel([d], []));
  return new Map(diags.map((x) => [`${x.range.start.line}:${String(x.code)}`, x.message]));
}

const SCRIPT = [
  'pcs resource create A ocf:pacemaker:Dummy',
  'pcs resource create B ocf:pacemaker:Dummy',
  'pcs constraint location A prefers n1=abc',
  'pcs constraint colocation add A with B INFINITY',
  'pcs constraint colocation add A with B INFINITY',
  'pcs constraint delete no-such-id',
  'pcs stonith level add 12 n1 fence1',
  'pcs property unset maintenance-mode',
].join('\n');

describe('l10n: pcs refusals in the configured language', () => {
  after(() => configureLanguage('en'));

  it('English by default', () => {
    configureLanguage('en');
    const m = messages(SCRIPT);
    assert.equal(m.get('2:pcs/invalid-score'), "pcs refuses this: invalid score 'abc', use an integer or INFINITY or -INFINITY.");
    assert.equal(
      m.get('4:pcs/duplicate-constraint'),
      "pcs refuses this: a colocation of 'A' with 'B' already exists (duplicate constraint).",
    );
  });

  const expected = {
    ko: {
      score: "pcs가 거부합니다: 점수 'abc'이(가) 올바르지 않습니다. 정수나 INFINITY, -INFINITY를 사용하세요.",
      duplicate: "pcs가 거부합니다: 'A'과(와) 'B'의 colocation이 이미 있습니다(중복 제약 조건).",
      level: /^pcs가 거부합니다: '12'은\(는\) 올바른 레벨 값이 아닙니다/,
    },
    ja: {
      score: "pcs は拒否します: スコア 'abc' は無効です。整数か INFINITY、-INFINITY を使ってください。",
      duplicate: "pcs は拒否します: 'A' と 'B' の colocation はすでに存在します (重複した制約)。",
      level: /^pcs は拒否します: '12' はレベルの値として無効です/,
    },
    fr: {
      score: "pcs refuse ceci : score 'abc' invalide, utilisez un entier, INFINITY ou -INFINITY.",
      duplicate: "pcs refuse ceci : une colocation de 'A' avec 'B' existe déjà (contrainte en double).",
      level: /^pcs refuse ceci : '12' n'est pas une valeur de niveau valide/,
    },
  } as const;

  for (const [lang, want] of Object.entries(expected) as [keyof typeof expected, (typeof expected)[keyof typeof expected]][]) {
    it(`${lang}: the refusals of pcs/apply are translated, pcs's own words kept`, () => {
      assert.equal(configureLanguage(lang), undefined);
      const m = messages(SCRIPT);
      assert.equal(m.get('2:pcs/invalid-score'), want.score);
      assert.equal(m.get('4:pcs/duplicate-constraint'), want.duplicate);
      assert.match(m.get('6:pcs/invalid-level') ?? '', want.level);
      // the command pcs would list the ids with is quoted as pcs spells it
      assert.match(m.get('5:pcs/unknown-constraint') ?? '', /'pcs constraint config --full'/);
      assert.doesNotMatch(m.get('5:pcs/unknown-constraint') ?? '', /there is no constraint/);
      assert.match(m.get('7:pcs/property-not-set') ?? '', /'maintenance-mode'/);
      assert.doesNotMatch(m.get('7:pcs/property-not-set') ?? '', /cannot remove property/);
    });
  }
});

describe('l10n: a node of another cluster, in Korean', () => {
  after(() => configureLanguage('en'));

  it('the warning is Korean and quotes what pcs prints in English', async () => {
    assert.equal(configureLanguage('ko'), undefined);
    const uri = 'file:///lab/dr-memo.md';
    const s = new LanguageService();
    await s.init();
    s.setDocument(uri, 'markdown', readFileSync(path.join(__dirname, '..', 'model', 'fixtures', 'clusters', 'dr-memo.md'), 'utf8'), 1);
    const other = s.diagnostics(uri).filter((d) => d.code === 'pcs/node-of-other-cluster');
    assert.equal(other.length, 1);
    assert.match(
      other[0].message,
      /^'node3'은\(는\) 클러스터 'recovery-site'의 노드이지만, 이 명령은 클러스터 'primary-site'\(node1\)에서 실행되며 'node3'은\(는\) 그 멤버가 아닙니다\./,
    );
    assert.match(other[0].message, /"Node 'node3' does not appear to exist in configuration"/);
    assert.match(other[0].message, /'recovery-site'의 노드에서 실행하거나, 'primary-site'의 노드를 지정하세요\.$/);
  });
});

describe('l10n: why run on node asks for confirmation', () => {
  after(() => configureLanguage('en'));

  const reasons = (line: string) => classifyCommand(line).destructive.map((d) => d.reason);

  it('English by default, translated in Korean and French; commands, hosts and variables kept', () => {
    configureLanguage('en');
    assert.deepEqual(reasons('ssh node2 pcs stonith fence node1'), ['fences (powers off or cuts off) a node (on node2, through ssh)']);
    assert.deepEqual(reasons('pcs cluster $ACTION'), [
      'runs a pcs subcommand taken from a variable ($ACTION), which could be "destroy" or "kill" or "node remove" or …',
    ]);
    configureLanguage('ko');
    assert.deepEqual(reasons('ssh node2 pcs stonith fence node1'), ['노드를 펜싱함(전원 차단 또는 격리)(ssh를 거쳐 node2에서)']);
    assert.deepEqual(reasons('rm -rf /etc'), ['시스템 폴더 /etc을(를) 삭제함']);
    configureLanguage('fr');
    assert.deepEqual(reasons('mkfs.xfs /dev/sdb'), ['crée un système de fichiers, en effaçant le contenu du périphérique']);
    assert.deepEqual(reasons('wipefs -a /dev/sdb'), ["efface les signatures ou les tables de partitions d'un périphérique"]);
  });
});

describe('l10n: rules of the expert families', () => {
  after(() => configureLanguage('en'));

  it('ko: a Filesystem on DRBD without order or colocation; ja: a malformed IQN; fr: a GFS2 lock table', () => {
    configureLanguage('ko');
    const drbd = messages(
      [
        'pcs resource create d ocf:linbit:drbd drbd_resource=r0 promotable',
        'pcs resource create fs ocf:heartbeat:Filesystem device=/dev/drbd0 directory=/m fstype=xfs',
      ].join('\n'),
    ).get('1:pcs/drbd-filesystem-unordered');
    assert.match(
      drbd ?? '',
      /^'fs'은\(는\) DRBD 장치 \/dev\/drbd0을\(를\) 마운트하지만 문제가 있습니다: DRBD가 promote된 뒤에 이를 시작하는 order 제약 조건이 없음\('pcs constraint order promote d-clone then start fs'\); DRBD가 Promoted인 곳에/,
    );
    configureLanguage('ja');
    assert.equal(
      messages('targetcli iscsi/ create iqn.2023-13.com.example:x').get('0:targetcli/malformed-iqn'),
      "targetcli は拒否します: 'iqn.2023-13.com.example:x' は有効な iSCSI 名ではありません。'13' は月 (01-12) ではありません。",
    );
    configureLanguage('fr');
    assert.equal(
      messages('mkfs.gfs2 -p lock_dlm -t mycluster -j 2 /dev/vg/lv').get('0:shell/gfs2-lock-table'),
      "mkfs.gfs2 refuse ceci : la table de verrous 'mycluster' doit être CLUSTERNAME:FSNAME.",
    );
  });
});

describe('l10n: hover documentation of pcs commands', () => {
  after(() => configureLanguage('en'));

  it('ja: the description is Japanese, the syntax block stays as pcs prints it; ko: the completion detail', () => {
    configureLanguage('en');
    const english = describeCommand(['cluster', 'setup'])!;
    configureLanguage('ja');
    const japanese = describeCommand(['cluster', 'setup'])!;
    assert.match(
      japanese,
      /^\*\*pcs cluster setup\*\*\n\nこれらのノードで新しいクラスタの corosync.conf を書き、配布し、\(--start があれば\) 起動します。\n/,
    );
    assert.equal(japanese.slice(japanese.indexOf('\x60\x60\x60')), english.slice(english.indexOf('\x60\x60\x60')));
    assert.match(describeCommand(['resource'])!, /サブコマンド: /);
    configureLanguage('ko');
    assert.equal(shortDescription(['stonith', 'fence']), '지금 노드를 펜싱합니다(전원 차단/재부팅 또는 격리).');
  });
});

describe('l10n: hover frames', () => {
  after(() => configureLanguage('en'));

  it('fr: a corosync key keeps its name and default, the frame is French; ko: a pcs option', () => {
    configureLanguage('fr');
    const doc = keyDoc('totem', 'token', keySpec('totem', 'token')!);
    assert.match(doc, /^\*\*totem\.token\*\*/);
    assert.match(doc, /\nType : /);
    assert.match(doc, /\nDéfaut : `3000`/);
    assert.doesNotMatch(doc, /Default:|Type:/);
    configureLanguage('ja');
    assert.match(
      keyDoc('quorum', 'two_node', keySpec('quorum', 'two_node')!),
      /^\*\*quorum\.two_node\*\* {2}\n {2}\n2 ノードクラスタで 1 に設定: 1 ノードだけでもクォーラムを保ちます \(wait_for_all を含意\)。/,
    );
    configureLanguage('ko');
    assert.equal(describeOption('--disabled'), '리소스를 멈춘 상태로 만듭니다(target-role=Stopped).');
    assert.equal(describeOption('--nosuch'), 'pcs 옵션.');
  });
});
