// The cluster model: what the workspace's scripts and corosync.conf files build, folded in order.
// Everything here is plain data so features can read it without knowing how it was built.
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { ScriptExtract, Word } from '../base/types';
import type { CsFile } from '../corosync/ast';

export interface ScriptDocument {
  uri: string;
  kind: 'shell' | 'markdown';
  extract: ScriptExtract;
}

export interface CorosyncDocument {
  uri: string;
  file: CsFile;
}

export interface Ref {
  uri: string;
  range: Range;
}

/** One mention of a named thing: its declaration or a use. */
export interface Occurrence extends Ref {
  /** Key of the symbol: `rsc:ID` for the CIB id namespace, `node:NAME` for nodes. */
  key: string;
  name: string;
  decl: boolean;
}

export type ResourceKind = 'primitive' | 'group' | 'clone' | 'promotable' | 'stonith' | 'bundle';

export interface ResourceInfo {
  id: string;
  kind: ResourceKind;
  /** `ocf:heartbeat:IPaddr2` as written (primitives and stonith). */
  agent?: string;
  params: Map<string, string>;
  meta: Map<string, string>;
  ops: { name: string; options: Map<string, string> }[];
  /** Group a primitive belongs to. */
  group?: string;
  /** Clone wrapping this primitive or group. */
  clone?: string;
  /** Group members in order, or the clone's child. */
  members: string[];
  decl: Ref;
  /** The whole command line that created it (for hover). */
  createdBy: string;
  disabled?: boolean;
  /** Created in some shell alternatives only (an `if` arm, a `case` item, one side of `||`): it may
   * not exist, so creating the same id again is not a certain duplicate. */
  maybe?: boolean;
  /** The cluster whose command created it, when several clusters are known. */
  cluster?: string;
}

export interface ConstraintInfo {
  id: string;
  type: 'location' | 'order' | 'colocation' | 'ticket';
  /** location: the resource; order: first; colocation: the dependent (source) resource. */
  rsc: string;
  /** order: then; colocation: the resource it is placed with. */
  with?: string;
  node?: string;
  score?: string;
  role?: string;
  withRole?: string;
  /** Created by `pcs resource ban/move` (cli-ban-/cli-prefer-). */
  cli?: boolean;
  /** location by rule: placement cannot be computed here. */
  rule?: boolean;
  ref: Ref;
  text: string;
  /** Created in some shell alternatives only (see ResourceInfo.maybe). */
  maybe?: boolean;
}

export type NodeSource = 'corosync.conf' | 'cluster setup' | 'cluster node add' | 'host auth' | '/etc/hosts' | 'remote' | 'guest';

export interface NodeInfo {
  name: string;
  addresses: string[];
  /** Where the name came from first; cluster members are corosync.conf / setup / node add. */
  source: NodeSource;
  /** Full members (count for quorum and journals); remote/guest nodes only host resources. */
  member: boolean;
  /** Pacemaker Remote: `remote` or `guest`. */
  remote?: 'remote' | 'guest';
  decl: Ref;
  /** The cluster it is a member of: `pcs cluster setup NAME`, the cluster_name of its corosync.conf. */
  cluster?: string;
}

export interface TargetcliObjects {
  /** `fileio/name`, `block/name`... */
  backstores: Map<string, Ref>;
  /** target IQN/WWN → declaration. */
  targets: Map<string, Ref>;
  /** `IQN/tpg1` */
  tpgs: Set<string>;
  /** `IQN/tpg1/acls/INITIATOR` */
  acls: Map<string, Ref>;
  luns: Map<string, Ref>;
}

export interface ClusterModel {
  clusterName?: { name: string; decl: Ref };
  nodes: Map<string, NodeInfo>;
  /** Host names known from /etc/hosts heredocs and `host auth` (aliases included): a name here is not a typo. */
  knownHostNames: Set<string>;
  resources: Map<string, ResourceInfo>;
  /** Every resource id ever created, also the deleted ones, so navigation still works on old lines. */
  everCreated: Map<string, ResourceInfo>;
  constraints: ConstraintInfo[];
  properties: Map<string, { value: string; ref: Ref }>;
  resourceDefaults: Map<string, string>;
  targetcli: TargetcliObjects;
  occurrences: Map<string, Occurrence[]>;
  diagnostics: Map<string, Diagnostic[]>;
  /** Documents in the order they were folded. */
  order: string[];
}

export type { Word };
