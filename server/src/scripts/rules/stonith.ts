// pcs/stonith-disabled, pcs/no-fence-device, pcs/no-quorum-ignore, pcs/gfs2-needs-freeze.
import type { FoldContext } from '../../model/context';
import type { ResourceInfo } from '../../model/types';
import { isPcmkFalse } from '../../pcs/values';
import { singleClusterMembers } from './singleNodeQuorum';
import * as l10n from '@vscode/l10n';

export function stonithRules(ctx: FoldContext): void {
  const model = ctx.model;
  const stonithEnabled = model.properties.get('stonith-enabled');
  const disabled = stonithEnabled && isPcmkFalse(stonithEnabled.value);
  if (stonithEnabled && disabled) {
    ctx.report(
      stonithEnabled.ref.uri,
      stonithEnabled.ref.range,
      'warning',
      'pcs/stonith-disabled',
      l10n.t(
        'STONITH is disabled: when a node stops answering, the cluster cannot make sure it is really down, so it may start the same resources on two nodes at once (split brain: a file system mounted twice gets corrupted, an IP answers from two places). Acceptable only in a throw-away lab with no shared data; configure a fence device (pcs stonith create ...) and set stonith-enabled=true before anything real.',
      ),
    );
  }
  // one pass, no regular expression per resource: this runs on every edit that changes a resource
  let firstPrimitive: ResourceInfo | undefined;
  let fences = 0;
  let gfs2: ResourceInfo | undefined;
  for (const r of model.resources.values()) {
    if (r.kind === 'primitive') firstPrimitive ??= r;
    else if (r.kind === 'stonith') fences++;
    const agent = r.agent;
    if (
      !gfs2 &&
      agent &&
      (agent.endsWith('controld') || agent.endsWith('lvmlockd') || (agent.endsWith('Filesystem') && r.params.get('fstype') === 'gfs2'))
    )
      gfs2 = r;
  }
  if (firstPrimitive && !fences && !disabled) {
    let first = firstPrimitive;
    for (const r of model.everCreated.values()) {
      if (r.kind === 'primitive' && model.resources.get(r.id) === r) {
        first = r;
        break;
      }
    }
    ctx.report(
      first.decl.uri,
      first.decl.range,
      'warning',
      'pcs/no-fence-device',
      "Resources are defined but no fence device is: with stonith-enabled=true (the default) Pacemaker refuses to start any resource until one exists ('crm_verify' reports that STONITH resources must be defined). Add one, e.g. 'pcs stonith create fence1 fence_scsi devices=/dev/... pcmk_host_list=\"node1 node2\"'.",
    );
  }
  const policy = model.properties.get('no-quorum-policy');
  if (policy?.value === 'ignore' && singleClusterMembers(ctx) !== 1) {
    const members = [...model.nodes.values()].filter((n) => n.member).length;
    ctx.report(
      policy.ref.uri,
      policy.ref.range,
      'warning',
      'pcs/no-quorum-ignore',
      l10n.t(
        'no-quorum-policy=ignore keeps resources running in a partition that lost quorum, so both halves of a split cluster run them at once.',
      ) +
        ' ' +
        (members === 2
          ? l10n.t("For two nodes, corosync's two_node: 1 (set by pcs cluster setup) already handles quorum: use the default (stop).")
          : l10n.t('Use stop (the default), or freeze for GFS2/DLM.')),
    );
  }
  if (gfs2 && policy?.value !== 'freeze') {
    const r = gfs2;
    ctx.report(
      r.decl.uri,
      r.decl.range,
      'warning',
      'pcs/gfs2-needs-freeze',
      (policy
        ? l10n.t("'{0}' uses DLM/GFS2 but no-quorum-policy is '{1}':", r.id, policy.value)
        : l10n.t("'{0}' uses DLM/GFS2 but no-quorum-policy is not set (default 'stop'):", r.id)) +
        ' ' +
        l10n.t(
          "when quorum is lost, stopping the DLM needs fencing and GFS2 hangs. Run 'pcs property set no-quorum-policy=freeze' before creating it.",
        ),
      [
        {
          title: l10n.t('Insert {0}', 'no-quorum-policy=freeze'),
          edits: [
            {
              range: { start: { line: r.decl.range.start.line, character: 0 }, end: { line: r.decl.range.start.line, character: 0 } },
              newText: 'pcs property set no-quorum-policy=freeze\n',
            },
          ],
        },
      ],
    );
  }
}
