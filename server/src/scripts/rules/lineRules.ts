// Rules that look at one command line with the model as the lines before it left it: secrets on the
// command line, destructive commands, misspelled tools, mkfs.gfs2 against the cluster.
import type { Invocation } from '../../base/types';
import type { FoldContext } from '../../model/context';
import type { PcsCommand } from '../../pcs/grammar';
import { secretRules } from './secrets';
import { destructiveRules } from './destructive';
import { misspelledTool } from './tools';
import { gfs2Rules } from './gfs2';
import { targetcliSecretRule } from './secrets';

export function lineRules(ctx: FoldContext, inv: Invocation, pcs: PcsCommand | undefined): void {
  secretRules(ctx, inv, pcs);
  if (inv.command === 'targetcli') targetcliSecretRule(ctx, inv);
  destructiveRules(ctx, inv, pcs);
  misspelledTool(ctx, inv);
  if (
    inv.command === 'mkfs.gfs2' ||
    (inv.command === 'mkfs' && inv.argv.some((w, i) => w.text === '-t' && inv.argv[i + 1]?.text === 'gfs2'))
  )
    gfs2Rules(ctx, inv);
}
