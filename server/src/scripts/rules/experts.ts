// Checks experts expect (issue 10, item 8), run over the workspace model once every line is folded.
// Each is its own module with its own code (docs/rules/pcs.md).
import type { FoldContext } from '../../model/context';
import { drbdFilesystemRules } from './drbdFilesystem';
import { opDefaultsTimeoutRule } from './opDefaultsTimeout';
import { fenceSharedAddressRule } from './fenceSharedAddress';
import { vipSubnetRule } from './vipSubnet';
import { singleNodeQuorumRule } from './singleNodeQuorum';
import { clusterIpRule } from './clusterIp';

export function expertRules(ctx: FoldContext): void {
  drbdFilesystemRules(ctx);
  opDefaultsTimeoutRule(ctx);
  fenceSharedAddressRule(ctx);
  vipSubnetRule(ctx);
  singleNodeQuorumRule(ctx);
  clusterIpRule(ctx);
}
