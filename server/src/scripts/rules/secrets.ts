// shell/password-on-command-line: a password written on a command line ends up in the shell
// history, in `ps` output for every local user, and in the lab memo itself.
import type { Invocation, Word } from '../../base/types';
import type { FoldContext } from '../../model/context';
import type { PcsCommand } from '../../pcs/grammar';
import * as l10n from '@vscode/l10n';

const CODE = 'shell/password-on-command-line';

function warn(ctx: FoldContext, word: Word, what: string, safer: string): void {
  ctx.at(
    word,
    'warning',
    CODE,
    l10n.t(
      "{0} puts a password on the command line: it is kept in shell history, visible to every user in 'ps' while the command runs, and published with this script. {1}",
      what,
      safer,
    ),
  );
}

export function secretRules(ctx: FoldContext, inv: Invocation, pcs: PcsCommand | undefined): void {
  if (pcs) {
    const p = pcs.options.find((o) => o.name === '-p');
    const chain = pcs.def?.path.join(' ');
    if (p && (chain === 'host auth' || chain === 'cluster auth')) {
      warn(
        ctx,
        p.valueWord ?? p.word,
        `'pcs ${chain} -p'`,
        l10n.t(
          'Leave out -p and pcs asks for the password interactively, or feed it from a root-only file (e.g. -p "$(cat /root/.hacluster_pw)" in a script that is not shared).',
        ),
      );
    }
    return;
  }
  if (inv.command === 'passwd' && inv.argv.some((w) => w.text === '--stdin')) {
    const word = inv.argv.find((w) => w.text === '--stdin')!;
    ctx.at(
      word,
      'warning',
      CODE,
      l10n.t(
        "'passwd --stdin' here reads a password that the script writes in clear text (echo ... |): it stays in the script and the shell history. Run 'passwd hacluster' interactively, or set a hash with 'usermod -p' / 'chpasswd -e' from a root-only file.",
      ),
    );
    return;
  }
  if (inv.command === 'sshpass') {
    const index = inv.argv.findIndex((w) => /^-p/.test(w.text));
    if (index > 0) {
      const word = inv.argv[index].text === '-p' ? (inv.argv[index + 1] ?? inv.argv[index]) : inv.argv[index];
      warn(
        ctx,
        word,
        "'sshpass -p'",
        l10n.t(
          "Use 'sshpass -f FILE' (a root-only file) or 'sshpass -e' with SSHPASS set in the environment, or better, distribute an SSH key once with ssh-copy-id.",
        ),
      );
    }
    return;
  }
  if (inv.command === 'chpasswd' || inv.command === 'usermod') return;
  // fence agents and similar tools called directly: -p PASSWORD / --password=
  if (/^fence_/.test(inv.command)) {
    const index = inv.argv.findIndex((w) => w.text === '-p' || w.text.startsWith('--password='));
    if (index > 0)
      warn(
        ctx,
        inv.argv[index].text === '-p' ? (inv.argv[index + 1] ?? inv.argv[index]) : inv.argv[index],
        `'${inv.command} -p'`,
        l10n.t("Use '-S SCRIPT' (--password-script) that prints the password, or a root-only option file."),
      );
  }
}

export function targetcliSecretRule(ctx: FoldContext, inv: Invocation): void {
  const setIndex = inv.argv.findIndex((w) => w.text === 'set');
  if (setIndex < 0 || inv.argv[setIndex + 1]?.text !== 'auth') return;
  for (const word of inv.argv.slice(setIndex + 2)) {
    if (/^(mutual_)?password=./.test(word.text)) {
      warn(
        ctx,
        word,
        "targetcli 'set auth password='",
        l10n.t(
          'Set CHAP secrets inside an interactive targetcli session (not recorded in shell history), and keep them out of shared lab scripts.',
        ),
      );
    }
  }
}
