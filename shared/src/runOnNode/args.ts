// What a run-on-node lens (and a "Run up to here" step) hands to the client: plain data, built by the
// server's lenses, read by the client's commands.
import type { Range } from 'vscode-languageserver-types';

/** The command a run-on-node lens runs. */
export const RUN_ON_NODE_COMMAND = 'pacemakerLab.runOnNode';

export interface RunOnNodeArgs {
  uri: string;
  range: Range;
  text: string;
  /** What the lens covers: one statement, or a block of several (a Markdown fence, a group of script lines). */
  kind: 'statement' | 'block';
  /** Where it runs: the nodes its prompt names, every node, or the nodes the person picks. */
  scope: 'nodes' | 'all' | 'pick';
  /** The node names for scope `nodes`; `'*'` for `all`; null for `pick` (the same fact as `scope`, kept for older callers). */
  nodes: string[] | '*' | null;
}

/** The scope a `nodes` value stands for. */
export function scopeOf(nodes: string[] | '*' | null): RunOnNodeArgs['scope'] {
  return nodes === null ? 'pick' : nodes === '*' ? 'all' : 'nodes';
}
