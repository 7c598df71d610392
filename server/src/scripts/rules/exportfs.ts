// pcs/exportfs-duplicate-fsid and pcs/exportfs-outside-nfsv4-root. (A missing fsid is the agents
// layer's "missing required parameter".)
import type { FoldContext } from '../../model/context';
import * as l10n from '@vscode/l10n';

export function exportfsRules(ctx: FoldContext): void {
  const exports = [...ctx.model.resources.values()].filter((r) => r.agent && /(^|:)exportfs$/.test(r.agent));
  const byFsid = new Map<string, typeof exports>();
  for (const e of exports) {
    const fsid = e.params.get('fsid');
    if (fsid === undefined) continue;
    const key = fsid === 'root' ? '0' : fsid;
    byFsid.set(key, [...(byFsid.get(key) ?? []), e]);
  }
  for (const [fsid, list] of byFsid) {
    if (list.length < 2) continue;
    for (const e of list.slice(1)) {
      ctx.report(
        e.decl.uri,
        e.decl.range,
        'warning',
        'pcs/exportfs-duplicate-fsid',
        l10n.t(
          "'{0}' uses fsid={1} like '{2}': NFS clients identify an export by its fsid, so after a failover they see the wrong file system or get stale file handles.",
          e.id,
          fsid,
          list[0].id,
        ) +
          (fsid === '0' ? ' ' + l10n.t('fsid=0 marks the single NFSv4 pseudo-root; only one export may have it.') : '') +
          ' ' +
          l10n.t('Give every export its own fsid.'),
        undefined,
        [list[0].decl],
      );
    }
  }
  const root = byFsid.get('0')?.[0];
  const rootDir = root?.params.get('directory')?.replace(/\/+$/, '');
  if (root && rootDir) {
    for (const e of exports) {
      if (e === root) continue;
      const dir = e.params.get('directory');
      if (dir && !(dir + '/').startsWith(rootDir + '/')) {
        ctx.report(
          e.decl.uri,
          e.decl.range,
          'warning',
          'pcs/exportfs-outside-nfsv4-root',
          l10n.t(
            "'{0}' exports {1}, outside the NFSv4 root {2} (fsid=0 on '{3}'): NFSv4 clients see paths relative to that root and cannot reach this export. Move it under {2}, or drop fsid=0 from '{3}'.",
            e.id,
            dir,
            rootDir,
            root.id,
          ),
          undefined,
          [root.decl],
        );
      }
    }
  }
}
