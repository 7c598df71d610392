// pcs/drbd-filesystem-unordered: a Filesystem on a DRBD device (/dev/drbdN, /dev/drbd/by-res/...) must
// start after the DRBD promotable clone is promoted and run where it is Promoted. pcs accepts it
// without; the mount then fails (or mounts a Secondary's device read-only) on the wrong node.
import type { FoldContext } from '../../model/context';
import type { ConstraintInfo, ResourceInfo } from '../../model/types';
import * as l10n from '@vscode/l10n';

const DRBD_DEVICE = /^\/dev\/drbd(\d+|\/by-(res|disk)\/.+)$/;

/** The ids a constraint may name to place `r`: itself, its group, the clone around either. */
function placedIds(model: FoldContext['model'], r: ResourceInfo): Set<string> {
  const ids = new Set([r.id]);
  let cur: ResourceInfo | undefined = r;
  while (cur) {
    const parent: string | undefined = cur.group ?? cur.clone;
    if (!parent || ids.has(parent)) break;
    ids.add(parent);
    cur = model.resources.get(parent);
  }
  return ids;
}

const promoted = (role: string | undefined) => !!role && /^(promoted|master)$/i.test(role);
/** Set constraints carry no roles here: do not claim they are wrong. */
const isSet = (c: ConstraintInfo) => / set /.test(c.text);

export function drbdFilesystemRules(ctx: FoldContext): void {
  const model = ctx.model;
  const resources = [...model.resources.values()];
  const filesystems = resources.filter(
    (r) => r.kind === 'primitive' && /(^|:)Filesystem$/.test(r.agent ?? '') && DRBD_DEVICE.test(r.params.get('device') ?? ''),
  );
  if (!filesystems.length) return;
  const drbdClones = resources.filter(
    (r) => r.kind === 'promotable' && r.members.some((m) => /(^|:)drbd$/i.test(model.resources.get(m)?.agent ?? '')),
  );
  const drbdIds = new Set(drbdClones.map((r) => r.id));
  for (const fs of filesystems) {
    const device = fs.params.get('device')!;
    if (!drbdClones.length) {
      const plain = resources.find((r) => r.kind === 'primitive' && /(^|:)drbd$/i.test(r.agent ?? '') && !r.clone);
      ctx.report(
        fs.decl.uri,
        fs.decl.range,
        'warning',
        'pcs/drbd-filesystem-unordered',
        plain
          ? l10n.t(
              "'{0}' mounts {1}, but no promotable DRBD resource exists ('{2}' is not promotable: '{3}'): nothing makes DRBD Primary on the node that mounts it, so the mount fails or the cluster mounts a device that is Secondary. Create an ocf:linbit:drbd promotable clone, then order and colocate the file system after it.",
              fs.id,
              device,
              plain.id,
              `pcs resource promotable ${plain.id} promoted-max=1 promoted-node-max=1 clone-max=2 clone-node-max=1 notify=true`,
            )
          : l10n.t(
              "'{0}' mounts {1}, but no promotable DRBD resource exists: nothing makes DRBD Primary on the node that mounts it, so the mount fails or the cluster mounts a device that is Secondary. Create an ocf:linbit:drbd promotable clone, then order and colocate the file system after it.",
              fs.id,
              device,
            ),
      );
      continue;
    }
    const mine = placedIds(model, fs);
    const orders = model.constraints.filter((c) => c.type === 'order' && drbdIds.has(c.rsc) && c.with && mine.has(c.with));
    const colocations = model.constraints.filter(
      (c) =>
        c.type === 'colocation' &&
        ((mine.has(c.rsc) && c.with && drbdIds.has(c.with)) || (drbdIds.has(c.rsc) && c.with && mine.has(c.with))),
    );
    const clone = drbdClones[0].id;
    const target = fs.group ?? fs.id;
    const missing: string[] = [];
    if (!orders.length)
      missing.push(
        l10n.t(
          "no order constraint starts it after DRBD is promoted ('{0}')",
          `pcs constraint order promote ${clone} then start ${target}`,
        ),
      );
    else if (!orders.some((c) => isSet(c) || c.role?.toLowerCase() === 'promote'))
      missing.push(
        l10n.t(
          "its order waits for DRBD's start, not its promote: it may mount while DRBD is still Secondary ('{0}')",
          `promote ${clone} then start ${target}`,
        ),
      );
    if (!colocations.length)
      missing.push(
        l10n.t(
          "no colocation keeps it where DRBD is Promoted ('{0}')",
          `pcs constraint colocation add ${target} with Promoted ${clone} INFINITY`,
        ),
      );
    else if (!colocations.some((c) => isSet(c) || (c.rsc !== clone && promoted(c.withRole)) || (c.rsc === clone && promoted(c.role))))
      missing.push(
        l10n.t(
          "its colocation is with the clone, not with its Promoted role: it may run on a node where DRBD is Secondary ('{0}')",
          `colocation add ${target} with Promoted ${clone} INFINITY`,
        ),
      );
    if (!missing.length) continue;
    ctx.report(
      fs.decl.uri,
      fs.decl.range,
      'warning',
      'pcs/drbd-filesystem-unordered',
      l10n.t(
        "'{0}' mounts the DRBD device {1}, but {2}. pcs accepts this; the cluster may then try the mount on the wrong node or too early.",
        fs.id,
        device,
        missing.reduce((a, b) => l10n.t('{0}; and {1}', a, b)),
      ),
    );
  }
}
