// Pacemaker's own resource meta attributes and operation options (Pacemaker 2.1), described in this
// project's words for hovers and completion. Values lists are what Pacemaker/pcs accept.

export interface PacemakerOption {
  name: string;
  type: string;
  default?: string;
  values?: string[];
  description: string;
}

export const VALID_ROLES = ['Stopped', 'Started', 'Promoted', 'Unpromoted', 'Master', 'Slave'];
export const ON_FAIL_VALUES = ['block', 'demote', 'fence', 'ignore', 'restart', 'restart-container', 'standby', 'stop'];

export const RESOURCE_META: PacemakerOption[] = [
  {
    name: 'target-role',
    type: 'role',
    default: 'Started',
    values: VALID_ROLES,
    description:
      'The state the cluster should keep the resource in. `Stopped` keeps it down, `Started` lets it run, `Unpromoted`/`Promoted` cap a promotable clone. Pacemaker ignores a value it does not know (crm_verify: "Unknown role").',
  },
  {
    name: 'is-managed',
    type: 'boolean',
    default: 'true',
    description:
      'When false, the cluster still monitors the resource but never starts, stops or moves it (maintenance of a single resource).',
  },
  {
    name: 'maintenance',
    type: 'boolean',
    default: 'false',
    description: 'When true, the resource is unmanaged and its recurring monitors are suspended.',
  },
  {
    name: 'resource-stickiness',
    type: 'score',
    default: '1 for clones, 0 otherwise',
    description:
      'How strongly the resource prefers to stay on the node where it runs. Higher values avoid moves when a better node comes back; INFINITY pins it unless it fails.',
  },
  {
    name: 'migration-threshold',
    type: 'integer',
    default: 'INFINITY',
    description:
      'After this many failures on a node the resource is banned from that node until the fail count is cleared or `failure-timeout` expires.',
  },
  {
    name: 'failure-timeout',
    type: 'duration',
    default: '0 (never)',
    description: 'How long a failure counts against a node. After it, the fail count is forgotten at the next cluster recheck.',
  },
  {
    name: 'priority',
    type: 'integer',
    default: '0',
    description: 'When not every resource can run, resources with higher priority are kept active first.',
  },
  {
    name: 'multiple-active',
    type: 'enum',
    default: 'stop_start',
    values: ['block', 'stop_only', 'stop_start', 'stop_unexpected'],
    description: 'What the cluster does when it finds the resource active on more than one node.',
  },
  {
    name: 'allow-migrate',
    type: 'boolean',
    default: 'false (true for remote connections)',
    description: 'Allow live migration (migrate_to/migrate_from) instead of stop and start when the agent supports it.',
  },
  {
    name: 'requires',
    type: 'enum',
    default: 'fencing (quorum for stonith resources)',
    values: ['nothing', 'quorum', 'fencing', 'unfencing'],
    description: 'What must be true before the resource may start: nothing, quorum, fencing of unclean nodes, or unfencing of this node.',
  },
  {
    name: 'critical',
    type: 'boolean',
    default: 'true',
    description: 'Default for the `influence` of colocation constraints where this resource is the dependent.',
  },
  {
    name: 'allow-unhealthy-nodes',
    type: 'boolean',
    default: 'false',
    description: 'Let the resource run on nodes the node-health strategy marks unhealthy.',
  },
  {
    name: 'container-attribute-target',
    type: 'string',
    description: 'For bundles: `host` makes node attribute lookups use the host node instead of the container.',
  },
  { name: 'remote-node', type: 'string', description: 'Turns the resource (a VM) into a guest node with this node name.' },
  { name: 'description', type: 'string', description: 'Free text shown by status tools.' },
  // Clone and promotable options (set with `clone`/`promotable` or `meta` on the clone).
  {
    name: 'globally-unique',
    type: 'boolean',
    default: 'false',
    description: 'Clone: whether each instance is different (anonymous clones are not). Needed when several instances run on one node.',
  },
  { name: 'clone-max', type: 'integer', default: 'number of nodes', description: 'Clone: how many instances run in the whole cluster.' },
  { name: 'clone-node-max', type: 'integer', default: '1', description: 'Clone: how many instances may run on one node.' },
  {
    name: 'clone-min',
    type: 'integer',
    default: '0',
    description: 'Clone: how many instances must run before dependents (ordering) may start.',
  },
  {
    name: 'notify',
    type: 'boolean',
    default: 'false',
    description: 'Clone: tell every instance before and after any instance starts or stops (the agent must support notify).',
  },
  { name: 'ordered', type: 'boolean', default: 'false', description: 'Clone: start instances one after another instead of in parallel.' },
  {
    name: 'interleave',
    type: 'boolean',
    default: 'false',
    description:
      'Clone: order constraints against another clone apply per node, so a local instance waits only for the local instance it depends on instead of all of them.',
  },
  { name: 'promotable', type: 'boolean', default: 'false', description: 'Clone: the agent supports promoted/unpromoted roles.' },
  {
    name: 'promoted-max',
    type: 'integer',
    default: '1',
    description: 'Promotable clone: how many instances may be promoted in the cluster.',
  },
  {
    name: 'promoted-node-max',
    type: 'integer',
    default: '1',
    description: 'Promotable clone: how many instances may be promoted on one node.',
  },
];

export const OPERATION_OPTIONS: PacemakerOption[] = [
  {
    name: 'interval',
    type: 'duration',
    default: '0',
    description:
      'How often a recurring action (monitor) runs; 0 means the action runs only when needed. Two operations of the same name need different intervals.',
  },
  {
    name: 'timeout',
    type: 'duration',
    default: 'the operation default (20s)',
    description: 'How long Pacemaker waits before it declares the action failed. Keep it at least as long as the agent advises.',
  },
  {
    name: 'on-fail',
    type: 'enum',
    values: ON_FAIL_VALUES,
    default: 'restart (fence for stop when fencing is enabled, block otherwise)',
    description:
      'What to do when this action fails: ignore, block, demote, stop, restart, standby the node, fence the node, or restart the container.',
  },
  {
    name: 'role',
    type: 'role',
    values: VALID_ROLES,
    description:
      'Run this operation only when the resource is in this role (for example a separate monitor for the Promoted instance, with its own interval).',
  },
  {
    name: 'start-delay',
    type: 'duration',
    default: '0',
    description: 'Wait this long before the first run of the action. Cannot be combined with interval-origin.',
  },
  {
    name: 'interval-origin',
    type: 'ISO 8601 date',
    description: 'Anchor for recurring actions, so they run at fixed times of day. Cannot be combined with start-delay.',
  },
  {
    name: 'record-pending',
    type: 'boolean',
    default: 'true',
    description: 'Record that the action is in progress in the CIB while it runs.',
  },
  { name: 'enabled', type: 'boolean', default: 'true', description: 'When false the operation is treated as if it did not exist.' },
  {
    name: 'OCF_CHECK_LEVEL',
    type: 'integer',
    default: '0',
    description:
      "Depth of a monitor (the agent's `depth` attribute): deeper levels test more, for example a read/write test of a file system.",
  },
  { name: 'description', type: 'string', description: 'Free text.' },
  { name: 'id', type: 'id', description: 'XML id of the operation; pcs makes one when absent.' },
];

export const RESOURCE_META_BY_NAME = new Map(RESOURCE_META.map((o) => [o.name, o]));
export const OPERATION_OPTIONS_BY_NAME = new Map(OPERATION_OPTIONS.map((o) => [o.name, o]));
