// The custom requests between the extension and the language server, defined once: the method name
// and the types of its parameters and result (the server registers them with `onRequest`, the client
// sends them with `sendRequest`; neither writes the method string or the payload types again).
// Plain data only: no vscode, no LSP connection, no server code.
import type { QuorumConfig } from './quorum/engine';
import type { RunOnNodeArgs } from './runOnNode/args';
import type { CommandSafety } from './runOnNode/safety';

/** A request: its method and, in the type only, its parameters and result. */
export interface RequestDef<P, R> {
  readonly method: string;
  /** Never set: carries the types. */
  readonly types?: { params: P; result: R };
}

function request<P, R>(method: string): RequestDef<P, R> {
  return { method };
}

export type ParamsOf<T> = T extends RequestDef<infer P, unknown> ? P : never;
export type ResultOf<T> = T extends RequestDef<unknown, infer R> ? R : never;

/** A node the workspace's files describe. */
export interface WorkspaceNode {
  name: string;
  addresses: string[];
  source: string;
}

/** The quorum calculator's input: a cluster's configuration and the lens's one-line summary of it. */
export type QuorumPanelConfig = QuorumConfig & { summary?: string };

export interface FetchAgentMetadataParams {
  /** `localhost` for this machine. */
  node: string;
  /** The ssh destination (absent: this machine). */
  destination?: string;
  /** The person's own ssh config file (a user setting). */
  configFile?: string;
  cacheDir: string;
}

export interface FetchAgentMetadataResult {
  fetched: string[];
  failed: { agent: string; reason: string }[];
}

/** The quorum configuration of a corosync.conf, or of the cluster a script sets up at `line`. */
export const QuorumConfigRequest = request<{ uri: string; line?: number }, QuorumPanelConfig | null>('pacemakerLab/quorumConfig');

/** The nodes of the workspace's cluster model, for run on node and live agent metadata. */
export const NodesRequest = request<void, WorkspaceNode[]>('pacemakerLab/nodes');

/** What run on node must ask and mask before it runs a command (null: the client falls back). */
export const ClassifyCommandRequest = request<{ text: string }, CommandSafety | null>('pacemakerLab/classifyCommand');

/** Every statement of a script or memo with the nodes its prompt names ("Run up to here", "Run all blocks"). */
export const RunStepsRequest = request<{ uri: string }, RunOnNodeArgs[] | null>('pacemakerLab/runSteps');

/** Live agent metadata from a node (or this machine); every feature uses it afterwards. */
export const FetchAgentMetadataRequest = request<FetchAgentMetadataParams, FetchAgentMetadataResult>('pacemakerLab/fetchAgentMetadata');
