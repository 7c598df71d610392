// Short explanations of pcs commands, written for this project (the syntax lines come from the
// generated table). Shown by hover and completion.
import type { PcsCommandDef } from './commands.data';
import { commandDef, subcommandsAfter } from './grammar';
import { LEGACY_BY_PATH } from './legacy';

const DESCRIPTIONS: Record<string, string> = {
  '': 'pcs configures and controls a Pacemaker/Corosync cluster.',
  cluster: 'Create, start, stop and change the cluster itself (nodes, corosync configuration).',
  resource: 'Create and manage resources: primitives, groups, clones, their operations and placement.',
  stonith: "Manage fence devices (STONITH): the cluster's way to make sure a failed node is really down.",
  constraint: 'Location, order, colocation and ticket constraints between resources and nodes.',
  property: 'Cluster-wide options such as stonith-enabled or no-quorum-policy.',
  quorum: 'Show and change how the cluster decides it has quorum.',
  status: 'Show the state of the cluster, its nodes and resources.',
  host: 'Authenticate pcs to the pcsd daemons of the hosts.',
  node: 'Node standby/maintenance, attributes and utilization.',
  dr: 'Disaster-recovery site configuration.',
  booth: 'Booth ticket manager for multi-site clusters.',
  alert: 'Scripts Pacemaker calls on cluster events.',
  acl: 'Access control lists for the CIB.',
  config: 'Show, back up and restore the whole configuration.',
  tag: 'Named sets of resources.',
  'host auth': 'Authenticate to pcsd on each host (as hacluster) so later pcs commands can reach them.',
  'cluster setup': 'Write corosync.conf for a new cluster with these nodes, distribute it and (with --start) start it.',
  'cluster start': 'Start corosync and pacemaker on this node, the listed nodes, or --all.',
  'cluster stop': 'Stop pacemaker and corosync on this node, the listed nodes, or --all.',
  'cluster enable': 'Start the cluster services at boot.',
  'cluster destroy': 'Erase the cluster configuration from the node(s): corosync.conf, the CIB, everything.',
  'cluster status': 'Show the cluster status.',
  'cluster node add': 'Add a full cluster node (it gets a quorum vote).',
  'cluster node remove': 'Remove a node from the cluster.',
  'cluster node add-remote':
    'Add a Pacemaker Remote node: it runs resources but has no quorum vote; a resource of the same name manages the connection.',
  'cluster node add-guest': 'Turn a VM resource into a guest node running Pacemaker Remote.',
  'cluster node remove-remote': 'Remove a Pacemaker Remote node and its connection resource.',
  'cluster node remove-guest': 'Stop using a VM resource as a guest node.',
  'cluster cib': 'Print the CIB or save it to a file (edit it offline with pcs -f FILE, push with cib-push).',
  'cluster verify': 'Check the configuration with crm_verify.',
  'resource create':
    'Create a resource from an agent, with parameters, operations, meta attributes, and optionally put it in a group or clone it.',
  'resource delete': 'Delete a resource (with its constraints); deleting a group or clone deletes its members.',
  'resource group add': 'Add resources to a group (created if needed): members start in order and run on the same node.',
  'resource clone': 'Run a resource or group on several nodes at once.',
  'resource promotable': 'Clone a resource with promoted/unpromoted roles (e.g. DRBD).',
  'resource update': "Change a resource's parameters (param= removes one).",
  'resource meta': 'Set meta attributes (target-role, resource-stickiness, ...).',
  'resource enable': 'Allow the cluster to start the resources.',
  'resource disable': 'Stop the resources and keep them stopped.',
  'resource move': 'Move a resource away from its node (or to a node); the temporary constraint is removed afterwards.',
  'resource ban': 'Forbid a resource on a node with a -INFINITY location constraint (remove with resource clear).',
  'resource clear': 'Remove the constraints created by move/ban.',
  'resource cleanup': 'Forget failed operations so the cluster re-checks the resource.',
  'resource describe': "Show an agent's parameters.",
  'resource list': 'List available resource agents.',
  'resource config': "Show resources' configuration.",
  'resource defaults': 'Default meta attributes for all resources.',
  'resource op add': 'Add an operation to a resource.',
  'stonith create': 'Create a fence device.',
  'stonith delete': 'Delete a fence device.',
  'stonith update': "Change a fence device's options.",
  'stonith fence': 'Fence (power off/reboot or cut off) a node now.',
  'stonith level add': 'Add a fencing topology level: devices tried in order for a node.',
  'stonith history': 'Show or clean fencing history.',
  'stonith config': "Show fence devices' configuration.",
  'stonith describe': "Show a fence agent's parameters.",
  'stonith list': 'List available fence agents.',
  'constraint location': 'Where a resource may run: prefers NODE[=SCORE], avoids NODE[=SCORE], or a rule.',
  'constraint order': 'Start one resource before another: [action] FIRST then [action] THEN.',
  'constraint colocation add': 'Keep a resource on the same node as another (or away from it with a negative score).',
  'constraint colocation set': 'Colocation of sets of resources.',
  'constraint order set': 'Ordering of sets of resources.',
  'constraint delete': 'Delete constraints by id (see pcs constraint config --full).',
  'constraint config': 'Show all constraints.',
  'constraint ticket add': 'Tie a resource to a booth ticket.',
  'property set': 'Set cluster properties (name=value; an empty value removes one).',
  'property unset': 'Remove cluster properties.',
  'property config': 'Show cluster properties.',
  'quorum update': 'Change votequorum options (wait_for_all, last_man_standing, auto_tie_breaker).',
  'quorum expected-votes': 'Set expected votes in the running cluster.',
  'quorum device add': 'Add a quorum device (qdevice).',
  'status status': 'Show the cluster status.',
  'status corosync': 'Show corosync membership.',
};

/** Hover text of a pcs 0.9 form (`pcs cluster standby`): what replaced it and since when. */
export function describeLegacy(path: string[]): string | undefined {
  const form = LEGACY_BY_PATH.get(path.join(' '));
  if (!form) return undefined;
  const since = form.removedIn
    ? `since ${form.removedIn} use '${form.replacedBy}'`
    : `pcs 0.11 still runs it with a deprecation warning; use '${form.replacedBy}'`;
  return [`**pcs ${path.join(' ')}**`, '', `pcs 0.9 form; ${since}.`, '', '```', `pcs ${form.syntax}`, '```'].join('\n');
}

export function describeCommand(path: string[], def?: PcsCommandDef): string | undefined {
  const key = path.join(' ');
  if (!def && !commandDef(path)) {
    const legacy = describeLegacy(path);
    if (legacy) return legacy;
  }
  const found = def ?? commandDef(path);
  const description = DESCRIPTIONS[key] ?? (found ? DESCRIPTIONS[found.path.join(' ')] : undefined);
  const lines: string[] = [`**pcs ${key}**`.trim()];
  if (description) lines.push('', description);
  if (found && found.path.join(' ') === key)
    lines.push('', '```', ...found.syntax.split('\n').map((s) => `pcs ${found.path.slice(0, 1).join(' ')} ${s}`), '```');
  else {
    const subs = subcommandsAfter(path).map((s) => s.name);
    if (subs.length) lines.push('', `subcommands: ${subs.join(', ')}`);
  }
  return lines.length > 1 ? lines.join('\n') : undefined;
}

export function shortDescription(path: string[]): string | undefined {
  return DESCRIPTIONS[path.join(' ')];
}
