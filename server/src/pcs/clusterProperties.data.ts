// Generated from the metadata of Pacemaker 2.1.5's daemons (`/usr/lib/pacemaker/pacemaker-{based,controld,schedulerd} metadata`),
// which is exactly what pcs 0.11 validates `pcs property set` against. `readonly` marks the names pcs refuses to set.
// Regenerate when Pacemaker moves; test/oracle/pcs-differential.test.ts compares it with the installed daemons.
export interface ClusterPropertyDef { name: string; type: string; default: string; daemon: string; shortdesc: string; values?: string[]; advanced?: boolean; readonly?: boolean }
export const PACEMAKER_VERSION = '2.1.5';
export const CLUSTER_PROPERTIES: ClusterPropertyDef[] = [
 {
  "name": "enable-acl",
  "type": "boolean",
  "default": "false",
  "daemon": "pacemaker-based",
  "shortdesc": "Enable Access Control Lists (ACLs) for the CIB"
 },
 {
  "name": "cluster-ipc-limit",
  "type": "integer",
  "default": "500",
  "daemon": "pacemaker-based",
  "shortdesc": "Maximum IPC message backlog before disconnecting a cluster daemon"
 },
 {
  "name": "dc-version",
  "type": "string",
  "default": "none",
  "daemon": "pacemaker-controld",
  "shortdesc": "Pacemaker version on cluster node elected Designated Controller (DC)",
  "readonly": true
 },
 {
  "name": "cluster-infrastructure",
  "type": "string",
  "default": "corosync",
  "daemon": "pacemaker-controld",
  "shortdesc": "The messaging stack on which Pacemaker is currently running",
  "readonly": true
 },
 {
  "name": "cluster-name",
  "type": "string",
  "default": "",
  "daemon": "pacemaker-controld",
  "shortdesc": "An arbitrary name for the cluster",
  "readonly": true
 },
 {
  "name": "dc-deadtime",
  "type": "time",
  "default": "20s",
  "daemon": "pacemaker-controld",
  "shortdesc": "How long to wait for a response from other nodes during start-up"
 },
 {
  "name": "cluster-recheck-interval",
  "type": "time",
  "default": "15min",
  "daemon": "pacemaker-controld",
  "shortdesc": "Polling interval to recheck cluster state and evaluate rules with date specifications"
 },
 {
  "name": "load-threshold",
  "type": "percentage",
  "default": "80%",
  "daemon": "pacemaker-controld",
  "shortdesc": "Maximum amount of system load that should be used by cluster nodes"
 },
 {
  "name": "node-action-limit",
  "type": "integer",
  "default": "0",
  "daemon": "pacemaker-controld",
  "shortdesc": "Maximum number of jobs that can be scheduled per node (defaults to 2x cores)"
 },
 {
  "name": "fence-reaction",
  "type": "string",
  "default": "stop",
  "daemon": "pacemaker-controld",
  "shortdesc": "How a cluster node should react if notified of its own fencing"
 },
 {
  "name": "election-timeout",
  "type": "time",
  "default": "2min",
  "daemon": "pacemaker-controld",
  "shortdesc": "*** Advanced Use Only ***"
 },
 {
  "name": "shutdown-escalation",
  "type": "time",
  "default": "20min",
  "daemon": "pacemaker-controld",
  "shortdesc": "*** Advanced Use Only ***"
 },
 {
  "name": "join-integration-timeout",
  "type": "time",
  "default": "3min",
  "daemon": "pacemaker-controld",
  "shortdesc": "*** Advanced Use Only ***"
 },
 {
  "name": "join-finalization-timeout",
  "type": "time",
  "default": "30min",
  "daemon": "pacemaker-controld",
  "shortdesc": "*** Advanced Use Only ***"
 },
 {
  "name": "transition-delay",
  "type": "time",
  "default": "0s",
  "daemon": "pacemaker-controld",
  "shortdesc": "*** Advanced Use Only *** Enabling this option will slow down cluster recovery under all conditions"
 },
 {
  "name": "stonith-watchdog-timeout",
  "type": "time",
  "default": "0",
  "daemon": "pacemaker-controld",
  "shortdesc": "How long before nodes can be assumed to be safely down when watchdog-based self-fencing via SBD is in use"
 },
 {
  "name": "stonith-max-attempts",
  "type": "integer",
  "default": "10",
  "daemon": "pacemaker-controld",
  "shortdesc": "How many times fencing can fail before it will no longer be immediately re-attempted on a target"
 },
 {
  "name": "no-quorum-policy",
  "type": "select",
  "default": "stop",
  "daemon": "pacemaker-controld",
  "shortdesc": "What to do when the cluster does not have quorum",
  "values": [
   "stop",
   "freeze",
   "ignore",
   "demote",
   "suicide"
  ]
 },
 {
  "name": "shutdown-lock",
  "type": "boolean",
  "default": "false",
  "daemon": "pacemaker-controld",
  "shortdesc": "Whether to lock resources to a cleanly shut down node"
 },
 {
  "name": "no-quorum-policy",
  "type": "select",
  "default": "stop",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "What to do when the cluster does not have quorum",
  "values": [
   "stop",
   "freeze",
   "ignore",
   "demote",
   "suicide"
  ]
 },
 {
  "name": "symmetric-cluster",
  "type": "boolean",
  "default": "true",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "Whether resources can run on any node by default"
 },
 {
  "name": "maintenance-mode",
  "type": "boolean",
  "default": "false",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "Whether the cluster should refrain from monitoring, starting, and stopping resources"
 },
 {
  "name": "start-failure-is-fatal",
  "type": "boolean",
  "default": "true",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "Whether a start failure should prevent a resource from being recovered on the same node"
 },
 {
  "name": "enable-startup-probes",
  "type": "boolean",
  "default": "true",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "Whether the cluster should check for active resources during start-up"
 },
 {
  "name": "shutdown-lock",
  "type": "boolean",
  "default": "false",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "Whether to lock resources to a cleanly shut down node"
 },
 {
  "name": "shutdown-lock-limit",
  "type": "time",
  "default": "0",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "Do not lock resources to a cleanly shut down node longer than this"
 },
 {
  "name": "stonith-enabled",
  "type": "boolean",
  "default": "true",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "*** Advanced Use Only *** Whether nodes may be fenced as part of recovery"
 },
 {
  "name": "stonith-action",
  "type": "select",
  "default": "reboot",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "Action to send to fence device when a node needs to be fenced (\"poweroff\" is a deprecated alias for \"off\")",
  "values": [
   "reboot",
   "off",
   "poweroff"
  ]
 },
 {
  "name": "stonith-timeout",
  "type": "time",
  "default": "60s",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "*** Advanced Use Only *** Unused by Pacemaker"
 },
 {
  "name": "have-watchdog",
  "type": "boolean",
  "default": "false",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "Whether watchdog integration is enabled",
  "readonly": true
 },
 {
  "name": "concurrent-fencing",
  "type": "boolean",
  "default": "false",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "Allow performing fencing operations in parallel"
 },
 {
  "name": "startup-fencing",
  "type": "boolean",
  "default": "true",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "*** Advanced Use Only *** Whether to fence unseen nodes at start-up"
 },
 {
  "name": "priority-fencing-delay",
  "type": "time",
  "default": "0",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "Apply fencing delay targeting the lost nodes with the highest total resource priority"
 },
 {
  "name": "cluster-delay",
  "type": "time",
  "default": "60s",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "Maximum time for node-to-node communication"
 },
 {
  "name": "batch-limit",
  "type": "integer",
  "default": "0",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "Maximum number of jobs that the cluster may execute in parallel across all nodes"
 },
 {
  "name": "migration-limit",
  "type": "integer",
  "default": "-1",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "The number of live migration actions that the cluster is allowed to execute in parallel on a node (-1 means no limit)"
 },
 {
  "name": "stop-all-resources",
  "type": "boolean",
  "default": "false",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "Whether the cluster should stop all active resources"
 },
 {
  "name": "stop-orphan-resources",
  "type": "boolean",
  "default": "true",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "Whether to stop resources that were removed from the configuration"
 },
 {
  "name": "stop-orphan-actions",
  "type": "boolean",
  "default": "true",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "Whether to cancel recurring actions removed from the configuration"
 },
 {
  "name": "remove-after-stop",
  "type": "boolean",
  "default": "false",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "*** Deprecated *** Whether to remove stopped resources from the executor"
 },
 {
  "name": "pe-error-series-max",
  "type": "integer",
  "default": "-1",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "The number of scheduler inputs resulting in errors to save"
 },
 {
  "name": "pe-warn-series-max",
  "type": "integer",
  "default": "5000",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "The number of scheduler inputs resulting in warnings to save"
 },
 {
  "name": "pe-input-series-max",
  "type": "integer",
  "default": "4000",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "The number of scheduler inputs without errors or warnings to save"
 },
 {
  "name": "node-health-strategy",
  "type": "select",
  "default": "none",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "How cluster should react to node health attributes",
  "values": [
   "none",
   "migrate-on-red",
   "only-green",
   "progressive",
   "custom"
  ]
 },
 {
  "name": "node-health-base",
  "type": "integer",
  "default": "0",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "Base health score assigned to a node"
 },
 {
  "name": "node-health-green",
  "type": "integer",
  "default": "0",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "The score to use for a node health attribute whose value is \"green\""
 },
 {
  "name": "node-health-yellow",
  "type": "integer",
  "default": "0",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "The score to use for a node health attribute whose value is \"yellow\""
 },
 {
  "name": "node-health-red",
  "type": "integer",
  "default": "-INFINITY",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "The score to use for a node health attribute whose value is \"red\""
 },
 {
  "name": "placement-strategy",
  "type": "select",
  "default": "default",
  "daemon": "pacemaker-schedulerd",
  "shortdesc": "How the cluster should allocate resources to nodes",
  "values": [
   "default",
   "utilization",
   "minimal",
   "balanced"
  ]
 }
];
