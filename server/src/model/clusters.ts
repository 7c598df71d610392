// Several clusters in one workspace (a DR lab: a primary and a recovery cluster; booth sites).
//
// A cluster is introduced by `pcs cluster setup NAME …` (pcs 0.10+ `setup NAME nodes…`, pcs 0.9
// `setup --name NAME nodes…`) or a corosync.conf's `cluster_name`; its nodes carry its name
// (NodeInfo.cluster). A command belongs to the cluster of the node it runs on (the lab prompt
// `node3 #`, the host of `ssh node3 '…'`) or, failing that, to the last cluster set up above it in the
// same document. Knowing both, the fold keeps ids of different clusters apart (the same resource id in
// both clusters of a DR lab is not a duplicate) and warns when a command of one cluster names a node
// of another (`pcs/node-of-other-cluster`). "The document's current cluster" follows the lab: a prompt
// on a member node moves it there; a setup moves it to the new cluster unless it was typed on a member
// of another one (a DR memo sets the recovery cluster up from the primary's node1 and stays there).
import type { Invocation, Word } from '../base/types';
import type { FoldContext } from './context';
import type { NodeInfo } from './types';
import type { PcsCommand } from '../pcs/grammar';
import * as l10n from '@vscode/l10n';

/** The node names a command runs on, from its prompt or its ssh host (one name, or all the same). */
function hostsOf(inv: Invocation): string[] {
  const host = inv.remote?.via === 'ssh' ? inv.remote.host : undefined;
  if (host && !host.dynamic) return [host.text.replace(/^[^@]*@/, '')];
  const nodes = inv.prompt?.nodes ?? [];
  return nodes.filter((n) => n !== '*');
}

const CURRENT = 'cur\0';
const member = (name: string) => `memb\0${name}`;

/** The cluster a node is a member of (its own name, else its short name: `node1` for `node1.example.com`). */
function clusterOfNode(ctx: FoldContext, name: string): string | undefined {
  const st = ctx.clusterState;
  if (!st) return ctx.model.nodes.get(name)?.cluster;
  return (
    (st.get(member(name)) as string | undefined) ??
    (name.includes('.') ? (st.get(member(name.split('.')[0])) as string | undefined) : undefined)
  );
}

/** The cluster the current command of `ctx` belongs to (undefined: nothing says). */
export function clusterOfCommand(ctx: FoldContext): string | undefined {
  const inv = ctx.inv;
  if (inv) {
    const clusters = new Set<string>();
    for (const name of hostsOf(inv)) {
      const c = clusterOfNode(ctx, name);
      if (c) clusters.add(c);
    }
    if (clusters.size === 1) return [...clusters][0];
    if (clusters.size > 1) return undefined;
  }
  // where this document's commands were last: a prompt on a member node, or the last setup
  return ctx.clusterState?.getLocal(CURRENT) as string | undefined;
}

/** A lab prompt on a member node (`node1 # …`) puts the following prompt-less lines on its cluster. */
export function followPrompt(ctx: FoldContext): void {
  const nodes = ctx.inv?.prompt?.nodes.filter((n) => n !== '*') ?? [];
  if (nodes.length !== 1 || !ctx.clusterState) return;
  const c = clusterOfNode(ctx, nodes[0]);
  if (c && ctx.clusterState.getLocal(CURRENT) !== c) ctx.clusterState.set(CURRENT, c);
}

/** After `pcs cluster setup NAME …`: the following lines are on NAME, unless the setup was typed on a
 * member of another cluster (a DR lab sets the recovery cluster up from the primary's node1). */
export function afterSetup(ctx: FoldContext, cmd: PcsCommand): void {
  const st = ctx.clusterState;
  if (!st) return;
  const option = cmd.options.find((o) => o.name === '--name');
  const first = cmd.args[0];
  const name = option ? (option.value ?? option.valueWord?.text) : first && !(first.dynamic && !first.values) ? first.text : undefined;
  if (!name) return;
  const nodes = ctx.inv?.prompt?.nodes.filter((n) => n !== '*') ?? [];
  const on = nodes.length === 1 ? clusterOfNode(ctx, nodes[0]) : undefined;
  const c = on && on !== name ? on : name;
  if (st.getLocal(CURRENT) !== c) st.set(CURRENT, c);
}

/** Mark the setup's nodes as members of `cluster` (a copy when the entry changes). */
/** Set even when equal: a value equal to another document's is still this document's (state.ts
 * SHADOW), so an edit of that document does not reach the lines below here. */
export function joinCluster(ctx: FoldContext, name: string, cluster: string): void {
  const node = ctx.model.nodes.get(name);
  if (node) ctx.model.nodes.set(name, node.cluster === cluster ? node : ({ ...node, cluster } satisfies NodeInfo));
  const st = ctx.clusterState;
  if (!st) return;
  st.set(member(name), cluster);
  const short = name.split('.')[0];
  if (short !== name) st.set(member(short), cluster);
}

/** Whether `existing` (created by a command of another cluster) does not clash with a new id here. */
export function otherCluster(ctx: FoldContext, existing: { cluster?: string } | undefined): boolean {
  if (!existing?.cluster) return false;
  const here = ctx.cluster;
  return !!here && here !== existing.cluster;
}

/** `pcs/node-of-other-cluster`: the command runs on one cluster and names a member of another. */
export function checkNodeCluster(ctx: FoldContext, word: Word, names: readonly string[]): void {
  const here = ctx.cluster;
  if (!here) return;
  for (const name of names) {
    const node = ctx.model.nodes.get(name);
    if (!node?.cluster || node.cluster === here || !node.member) continue;
    const on = ctx.inv ? hostsOf(ctx.inv)[0] : undefined;
    const words = ctx.inv?.argv.map((w) => w.text) ?? [];
    const location = words.includes('constraint') && words.includes('location');
    const offline = words.some((w) => w === '-f' || w.startsWith('-f') || w === '--force');
    const parts = [
      on
        ? l10n.t(
            "'{0}' is a node of cluster '{1}', but this command runs on cluster '{2}' (on {3}), of which '{0}' is not a member.",
            name,
            node.cluster,
            here,
            on,
          )
        : l10n.t(
            "'{0}' is a node of cluster '{1}', but this command runs on cluster '{2}', of which '{0}' is not a member.",
            name,
            node.cluster,
            here,
          ),
    ];
    // what pcs prints is quoted as pcs prints it, in every language
    if (location && offline)
      parts.push(
        l10n.t(
          'With -f or --force pcs skips its node check ("{0}"), and the constraint never applies.',
          'Validation for node existence in the cluster will be skipped',
        ),
      );
    else if (location)
      parts.push(
        l10n.t(
          'On the running cluster pcs refuses it ("{0}"); with --force it is accepted and never applies.',
          `Node '${name}' does not appear to exist in configuration`,
        ),
      );
    parts.push(l10n.t("Run it on a node of '{0}', or name a node of '{1}'.", node.cluster, here));
    ctx.at(word, 'warning', 'pcs/node-of-other-cluster', parts.join(' '));
  }
}

/** A ticket name (`pcs booth ticket add T`, `pcs constraint ticket add T …`): a known name for
 * navigation; booth, not pcs, decides whether it exists, so nothing is refused here. */
export function ticketMention(ctx: FoldContext, word: Word | undefined, decl: boolean): void {
  if (!word || (word.dynamic && !word.values)) return;
  ctx.mention(word, `ticket:${word.text}`, word.text, decl);
}

/**
 * pcs 0.9 `pcs cluster setup --name NAME node…`: pcs 0.11 refuses the form (the pcs rules say so and
 * the line creates nothing), but it still tells which cluster the lab means: its name and members,
 * so later commands of that cluster are recognised.
 */
export function legacySetup(ctx: FoldContext, cmd: PcsCommand): void {
  const option = cmd.options.find((o) => o.name === '--name');
  if (!option) return;
  const name = option.value ?? option.valueWord?.text;
  if (!name) return;
  ctx.model.clusterName = { name, decl: ctx.ref(option.valueWord ?? option.word) };
  for (const word of cmd.args) {
    if (word.text.includes('=') || (word.dynamic && !word.values)) continue;
    for (const value of word.values ?? [word.text]) {
      const node = value.split(',')[0];
      if (!ctx.model.nodes.get(node)) {
        ctx.model.nodes.set(node, { name: node, addresses: [], source: 'cluster setup', member: true, decl: ctx.ref(word), cluster: name });
        ctx.model.knownHostNames.add(node);
      }
      joinCluster(ctx, node, name);
    }
  }
}
