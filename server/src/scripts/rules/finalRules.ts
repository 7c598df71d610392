// Rules over the whole workspace once every line is folded in.
import type { FoldContext } from '../../model/context';
import { stonithRules } from './stonith';
import { exportfsRules } from './exportfs';
import { nodeRules } from './nodes';
import { groupTypoRule } from './groups';
import { placementRules } from './placement';

export function finalRules(ctx: FoldContext): void {
  stonithRules(ctx);
  exportfsRules(ctx);
  nodeRules(ctx);
  groupTypoRule(ctx);
  placementRules(ctx);
}
