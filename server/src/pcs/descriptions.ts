// Short explanations of pcs commands, written for this project (the syntax lines come from the
// generated table). Shown by hover and completion.
import type { PcsCommandDef } from './commands.data';
import { commandDef, subcommandsAfter } from './grammar';
import { LEGACY_BY_PATH } from './legacy';
import * as l10n from '@vscode/l10n';

// functions: the language is chosen after this module loads
const DESCRIPTIONS: Record<string, () => string> = {
  '': () => l10n.t('pcs configures and controls a Pacemaker/Corosync cluster.'),
  cluster: () => l10n.t('Create, start, stop and change the cluster itself (nodes, corosync configuration).'),
  resource: () => l10n.t('Create and manage resources: primitives, groups, clones, their operations and placement.'),
  stonith: () => l10n.t("Manage fence devices (STONITH): the cluster's way to make sure a failed node is really down."),
  constraint: () => l10n.t('Location, order, colocation and ticket constraints between resources and nodes.'),
  property: () => l10n.t('Cluster-wide options such as stonith-enabled or no-quorum-policy.'),
  quorum: () => l10n.t('Show and change how the cluster decides it has quorum.'),
  status: () => l10n.t('Show the state of the cluster, its nodes and resources.'),
  host: () => l10n.t('Authenticate pcs to the pcsd daemons of the hosts.'),
  node: () => l10n.t('Node standby/maintenance, attributes and utilization.'),
  dr: () => l10n.t('Disaster-recovery site configuration.'),
  booth: () => l10n.t('Booth ticket manager for multi-site clusters.'),
  alert: () => l10n.t('Scripts Pacemaker calls on cluster events.'),
  acl: () => l10n.t('Access control lists for the CIB.'),
  config: () => l10n.t('Show, back up and restore the whole configuration.'),
  tag: () => l10n.t('Named sets of resources.'),
  'host auth': () => l10n.t('Authenticate to pcsd on each host (as hacluster) so later pcs commands can reach them.'),
  'cluster setup': () => l10n.t('Write corosync.conf for a new cluster with these nodes, distribute it and (with --start) start it.'),
  'cluster start': () => l10n.t('Start corosync and pacemaker on this node, the listed nodes, or --all.'),
  'cluster stop': () => l10n.t('Stop pacemaker and corosync on this node, the listed nodes, or --all.'),
  'cluster enable': () => l10n.t('Start the cluster services at boot.'),
  'cluster destroy': () => l10n.t('Erase the cluster configuration from the node(s): corosync.conf, the CIB, everything.'),
  'cluster status': () => l10n.t('Show the cluster status.'),
  'cluster node add': () => l10n.t('Add a full cluster node (it gets a quorum vote).'),
  'cluster node remove': () => l10n.t('Remove a node from the cluster.'),
  'cluster node add-remote': () =>
    l10n.t('Add a Pacemaker Remote node: it runs resources but has no quorum vote; a resource of the same name manages the connection.'),
  'cluster node add-guest': () => l10n.t('Turn a VM resource into a guest node running Pacemaker Remote.'),
  'cluster node remove-remote': () => l10n.t('Remove a Pacemaker Remote node and its connection resource.'),
  'cluster node remove-guest': () => l10n.t('Stop using a VM resource as a guest node.'),
  'cluster cib': () => l10n.t('Print the CIB or save it to a file (edit it offline with pcs -f FILE, push with cib-push).'),
  'cluster verify': () => l10n.t('Check the configuration with crm_verify.'),
  'resource create': () =>
    l10n.t('Create a resource from an agent, with parameters, operations, meta attributes, and optionally put it in a group or clone it.'),
  'resource delete': () => l10n.t('Delete a resource (with its constraints); deleting a group or clone deletes its members.'),
  'resource group add': () => l10n.t('Add resources to a group (created if needed): members start in order and run on the same node.'),
  'resource clone': () => l10n.t('Run a resource or group on several nodes at once.'),
  'resource promotable': () => l10n.t('Clone a resource with promoted/unpromoted roles (e.g. DRBD).'),
  'resource update': () => l10n.t("Change a resource's parameters (param= removes one)."),
  'resource meta': () => l10n.t('Set meta attributes (target-role, resource-stickiness, ...).'),
  'resource enable': () => l10n.t('Allow the cluster to start the resources.'),
  'resource disable': () => l10n.t('Stop the resources and keep them stopped.'),
  'resource move': () => l10n.t('Move a resource away from its node (or to a node); the temporary constraint is removed afterwards.'),
  'resource ban': () => l10n.t('Forbid a resource on a node with a -INFINITY location constraint (remove with resource clear).'),
  'resource clear': () => l10n.t('Remove the constraints created by move/ban.'),
  'resource cleanup': () => l10n.t('Forget failed operations so the cluster re-checks the resource.'),
  'resource describe': () => l10n.t("Show an agent's parameters."),
  'resource list': () => l10n.t('List available resource agents.'),
  'resource config': () => l10n.t("Show resources' configuration."),
  'resource defaults': () => l10n.t('Default meta attributes for all resources.'),
  'resource op add': () => l10n.t('Add an operation to a resource.'),
  'stonith create': () => l10n.t('Create a fence device.'),
  'stonith delete': () => l10n.t('Delete a fence device.'),
  'stonith update': () => l10n.t("Change a fence device's options."),
  'stonith fence': () => l10n.t('Fence (power off/reboot or cut off) a node now.'),
  'stonith level add': () => l10n.t('Add a fencing topology level: devices tried in order for a node.'),
  'stonith history': () => l10n.t('Show or clean fencing history.'),
  'stonith config': () => l10n.t("Show fence devices' configuration."),
  'stonith describe': () => l10n.t("Show a fence agent's parameters."),
  'stonith list': () => l10n.t('List available fence agents.'),
  'constraint location': () => l10n.t('Where a resource may run: prefers NODE[=SCORE], avoids NODE[=SCORE], or a rule.'),
  'constraint order': () => l10n.t('Start one resource before another: [action] FIRST then [action] THEN.'),
  'constraint colocation add': () => l10n.t('Keep a resource on the same node as another (or away from it with a negative score).'),
  'constraint colocation set': () => l10n.t('Colocation of sets of resources.'),
  'constraint order set': () => l10n.t('Ordering of sets of resources.'),
  'constraint delete': () => l10n.t('Delete constraints by id (see pcs constraint config --full).'),
  'constraint config': () => l10n.t('Show all constraints.'),
  'constraint ticket add': () => l10n.t('Tie a resource to a booth ticket.'),
  'property set': () => l10n.t('Set cluster properties (name=value; an empty value removes one).'),
  'property unset': () => l10n.t('Remove cluster properties.'),
  'property config': () => l10n.t('Show cluster properties.'),
  'quorum update': () => l10n.t('Change votequorum options (wait_for_all, last_man_standing, auto_tie_breaker).'),
  'quorum expected-votes': () => l10n.t('Set expected votes in the running cluster.'),
  'quorum device add': () => l10n.t('Add a quorum device (qdevice).'),
  'status status': () => l10n.t('Show the cluster status.'),
  'status corosync': () => l10n.t('Show corosync membership.'),
};

/** Hover text of a pcs 0.9 form (`pcs cluster standby`): what replaced it and since when. */
export function describeLegacy(path: string[]): string | undefined {
  const form = LEGACY_BY_PATH.get(path.join(' '));
  if (!form) return undefined;
  const since = form.removedIn
    ? l10n.t("pcs 0.9 form; since {0} use '{1}'.", form.removedIn, form.replacedBy)
    : l10n.t("pcs 0.9 form; pcs 0.11 still runs it with a deprecation warning; use '{0}'.", form.replacedBy);
  return [`**pcs ${path.join(' ')}**`, '', since, '', '```', `pcs ${form.syntax}`, '```'].join('\n');
}

export function describeCommand(path: string[], def?: PcsCommandDef): string | undefined {
  const key = path.join(' ');
  if (!def && !commandDef(path)) {
    const legacy = describeLegacy(path);
    if (legacy) return legacy;
  }
  const found = def ?? commandDef(path);
  const description = (DESCRIPTIONS[key] ?? (found ? DESCRIPTIONS[found.path.join(' ')] : undefined))?.();
  const lines: string[] = [`**pcs ${key}**`.trim()];
  if (description) lines.push('', description);
  if (found && found.path.join(' ') === key)
    lines.push('', '```', ...found.syntax.split('\n').map((s) => `pcs ${found.path.slice(0, 1).join(' ')} ${s}`), '```');
  else {
    const subs = subcommandsAfter(path).map((s) => s.name);
    if (subs.length) lines.push('', l10n.t('subcommands: {0}', subs.join(', ')));
  }
  return lines.length > 1 ? lines.join('\n') : undefined;
}

export function shortDescription(path: string[]): string | undefined {
  return DESCRIPTIONS[path.join(' ')]?.();
}
