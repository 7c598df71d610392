// quorum.device: corosync itself never checks it (corosync -t accepts any content), but
// corosync-qdevice refuses to run, or runs without effect, when the block is incomplete.
import type { Diagnostic } from 'vscode-languageserver-types';
import { WARNING, diagnostic, parseInteger, type CsView } from './model';
import * as l10n from '@vscode/l10n';

export function qdeviceRules(view: CsView): Diagnostic[] {
  const out: Diagnostic[] = [];
  const device = view.sections.find((s) => s.path === 'quorum.device')?.section;
  if (!device) return out;
  const model = view.get('quorum.device', 'model');
  if (!model) {
    out.push(
      diagnostic(
        device.nameRange,
        WARNING,
        'corosync/qdevice',
        l10n.t('Quorum device without `model`: corosync-qdevice refuses to start ("model" is required). Add `model: net`.'),
      ),
    );
  }
  const isNet = !model || model.value === 'net';
  const net = view.sections.find((s) => s.path === 'quorum.device.net')?.section;
  if (isNet) {
    const anchor = model?.range ?? device.nameRange;
    if (!net) {
      out.push(
        diagnostic(
          anchor,
          WARNING,
          'corosync/qdevice',
          l10n.t(
            'Model `net` needs a `net { host: QNETD_ADDRESS }` block inside `device`: without it corosync-qdevice does not know which qnetd server to ask.',
          ),
        ),
      );
    } else if (!view.get('quorum.device.net', 'host')) {
      out.push(
        diagnostic(
          net.nameRange,
          WARNING,
          'corosync/qdevice',
          l10n.t('`net` has no `host`: corosync-qdevice refuses to start. Add `host: QNETD_ADDRESS`.'),
        ),
      );
    }
    const clusterName = view.get('totem', 'cluster_name');
    if (!clusterName || !clusterName.value) {
      out.push(
        diagnostic(
          anchor,
          WARNING,
          'corosync/qdevice',
          l10n.t('Model `net` needs `totem.cluster_name` (qnetd groups nodes by cluster name). Set `cluster_name` in totem.'),
        ),
      );
    }
  }
  const algorithm = view.get('quorum.device.net', 'algorithm')?.value ?? 'ffsplit';
  const votes = view.get('quorum.device', 'votes');
  const v = votes ? parseInteger(votes.value) : undefined;
  if (votes && v !== undefined && algorithm === 'ffsplit' && v !== 1n) {
    out.push(
      diagnostic(
        votes.valueRange,
        WARNING,
        'corosync/qdevice',
        l10n.t('The ffsplit algorithm needs the quorum device to have exactly 1 vote, not {0}. Set `votes: 1`.', votes.value),
        [{ title: l10n.t('Set {0}', 'votes: 1'), edits: [{ range: votes.valueRange, newText: '1' }] }],
      ),
    );
  }
  if (votes && algorithm === 'lms') {
    out.push(
      diagnostic(
        votes.range,
        WARNING,
        'corosync/qdevice',
        l10n.t('The lms algorithm computes the device votes itself; an explicit `votes` breaks it. Remove `votes`.'),
      ),
    );
  }
  for (const feature of ['last_man_standing', 'auto_tie_breaker']) {
    const k = view.get('quorum', feature);
    if (k && parseInteger(k.value) !== undefined && parseInteger(k.value)! > 0n) {
      out.push(
        diagnostic(
          k.range,
          WARNING,
          'corosync/qdevice',
          l10n.t('`{0}` cannot be combined with a quorum device: votequorum disables the device. Remove one of them.', feature),
        ),
      );
    }
  }
  const heuristics = view.sections.find((s) => s.path === 'quorum.device.heuristics')?.section;
  if (heuristics) {
    const mode = view.get('quorum.device.heuristics', 'mode')?.value ?? 'off';
    const execs = view.keysIn('quorum.device.heuristics').filter((k) => k.key.startsWith('exec_'));
    if (mode !== 'off' && execs.length === 0) {
      out.push(
        diagnostic(
          heuristics.nameRange,
          WARNING,
          'corosync/qdevice',
          l10n.t('Heuristics mode `{0}` without any `exec_NAME` command: there is nothing to run. Add `exec_NAME: COMMAND` lines.', mode),
        ),
      );
    }
    if (mode === 'off' && execs.length > 0) {
      out.push(
        diagnostic(
          heuristics.nameRange,
          WARNING,
          'corosync/qdevice',
          l10n.t('Heuristics commands are defined but `mode` is off (the default), so they never run. Set `mode: on` or `mode: sync`.'),
        ),
      );
    }
    for (const e of execs) {
      if (!e.value)
        out.push(
          diagnostic(
            e.range,
            WARNING,
            'corosync/qdevice',
            l10n.t('`{0}` has no command. Write the command to run after the colon.', e.key),
          ),
        );
    }
  }
  return out;
}
