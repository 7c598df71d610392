// Shapes of the agent catalog: OCF 1.0 and 1.1 metadata (resource agents and fence agents) unified
// into one form, so features never care which OCF version an agent speaks. Empty/false fields are
// left out of the generated JSON to keep it small; readers treat a missing field as false/empty.

export interface AgentParameter {
  name: string;
  /** OCF content type: string, integer, boolean, time, select, second, ... (as the agent declares). */
  type: string;
  default?: string;
  required?: boolean;
  /** OCF 1.0 `unique="1"`, or a member of an OCF 1.1 unique-group. */
  unique?: boolean;
  /** OCF 1.1 `unique-group`; for OCF 1.0 unique parameters the group is the parameter itself. */
  uniqueGroup?: string;
  deprecated?: boolean;
  /** Parameters that replace this one (OCF 1.1 `replaced-with`, or OCF 1.0 `obsoletes` read backwards). */
  deprecatedBy?: string[];
  reloadable?: boolean;
  shortdesc?: string;
  longdesc?: string;
  /** Allowed values of a `select` parameter (`<option value>`). */
  values?: string[];
}

export interface AgentAction {
  name: string;
  timeout?: string;
  interval?: string;
  depth?: string;
  role?: string;
  startDelay?: string;
}

export interface AgentMetadata {
  /** `ocf:heartbeat:IPaddr2`, `stonith:fence_scsi`. */
  id: string;
  standard: string;
  provider?: string;
  type: string;
  /** OCF metadata version the agent declares (`1.0` when absent). */
  ocfVersion: string;
  /** The agent's own version attribute, when it has one. */
  version?: string;
  shortdesc?: string;
  longdesc?: string;
  parameters: AgentParameter[];
  actions: AgentAction[];
  /**
   * Set when pcs would reject this agent's metadata (it fails pcs's relaxed OCF RelaxNG schema):
   * pcs then answers "is not installed or does not provide valid metadata".
   */
  pcsInvalid?: string;
}

export interface AgentCatalogData {
  format: 1;
  agents: AgentMetadata[];
  /** Instance attributes Pacemaker's fence daemon adds to every stonith resource (pcmk_host_list, ...). */
  fencedParameters: AgentParameter[];
  /** Agents that were listed but gave no usable metadata (reasons are in provenance.json). */
  failed: string[];
}

/** Where the metadata shown to the user came from. */
export interface MetadataSource {
  kind: 'catalog' | 'live';
  /** For the catalog: package versions; for live metadata: the node (or `localhost`) and fetch time. */
  detail: string;
}
