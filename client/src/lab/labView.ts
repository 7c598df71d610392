// How a local lab's live state reads in the Pacemaker Nodes view and the status bar: per node
// on/off (fenced), online/offline/standby as Pacemaker sees it, DC, quorate, the resources running
// there. Pure: no `vscode` import (unit-tested on `pcmk-lsp lab status --format json` output).
import type { LabStatus } from '../../../server/src/lab/lab';
import * as l10n from '@vscode/l10n';

export type LabNodeIcon = 'online' | 'standby' | 'offline' | 'off' | 'bare';

export interface LabNodeView {
  name: string;
  /** off, off (fenced), online, standby, offline, or the daemons running when there is no cluster yet. */
  state: string;
  dc: boolean;
  /** corosync-quorumtool on this node: quorate or not; undefined when corosync does not run there. */
  quorate?: boolean;
  /** Resources Pacemaker reports running on this node. */
  resources: string[];
  icon: LabNodeIcon;
  /** One line for the tree item's description. */
  description: string;
  tooltip: string;
}

export function labNodeViews(status: LabStatus): LabNodeView[] {
  const c = status.cluster;
  return status.nodes.map((n) => {
    const seen = c?.nodes.find((x) => x.name === n.name);
    let state: string;
    let icon: LabNodeIcon;
    if (n.power === 'off') {
      state = n.fenced ? l10n.t('off (fenced)') : l10n.t('off');
      icon = 'off';
    } else if (seen) {
      state = seen.standby ? 'standby' : seen.online ? 'online' : 'offline';
      icon = seen.standby ? 'standby' : seen.online ? 'online' : 'offline';
    } else {
      const daemons = Object.entries(n.daemons)
        .filter(([, up]) => up)
        .map(([d]) => d);
      state = daemons.length ? `${l10n.t('on')} · ${daemons.join(' ')}` : `${l10n.t('on')} · ${l10n.t('no daemons')}`;
      icon = 'bare';
    }
    const dc = c?.dc === n.name;
    const resources = c?.resources.filter((r) => r.nodes.includes(n.name)).map((r) => r.id) ?? [];
    const parts = [state];
    if (dc) parts.push('DC');
    if (n.quorate === true) parts.push('quorate');
    else if (n.quorate === false) parts.push('NO quorum');
    if (n.partition === 'br1') parts.push(l10n.t('partitioned'));
    if (resources.length) parts.push(l10n.t('runs {0}', resources.join(', ')));
    const q = n.quorum;
    const tooltip = [
      `${l10n.t('{0} (local lab {1})', n.name, status.name)} · ${n.address}`,
      l10n.t('state: {0}', `${state}${dc ? ', DC' : ''}`),
      q
        ? `corosync-quorumtool: ${n.quorate ? 'quorate' : 'NOT quorate'}, ${q.totalVotes}/${q.expectedVotes} votes, quorum ${q.quorum}, members ${q.members.join(' ')}`
        : l10n.t('corosync: not running'),
      resources.length ? l10n.t('resources here: {0}', resources.join(', ')) : l10n.t('no resource runs here'),
      l10n.t('memory: {0} MB', Math.round(n.memoryKb / 1024)),
      `ssh -F ${status.sshConfig} ${n.name}`,
    ].join('\n');
    return { name: n.name, state, dc, quorate: n.quorate, resources, icon, description: `lab · ${parts.join(' · ')}`, tooltip };
  });
}

/** The lab's one-line summary (first row of the Nodes view, status bar text). */
export function labSummary(status: LabStatus): string {
  const on = status.nodes.filter((n) => n.power === 'on').length;
  const c = status.cluster;
  const parts = [`lab ${on}/${status.nodes.length} on`];
  if (c) parts.push(c.quorate ? 'quorate' : 'NO quorum', `DC ${c.dc ?? 'none'}`);
  else parts.push(l10n.t('no cluster yet'));
  return parts.join(' · ');
}
