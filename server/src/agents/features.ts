// The agents layer's public surface: what the pcs layer and the LanguageService call.
export { AgentCatalog, loadAgentCatalog, useAgentCatalog, readAgentCatalog, type AgentResolution, type PcsAgentView } from './catalog';
export { agentDiagnostics, type AgentCheckOptions } from './diagnostics';
export { agentHover } from './hover';
export {
  completeAgentIds,
  completeAgentParams,
  completeParamValues,
  completeOpNames,
  completeOpOptions,
  completeMetaAttributes,
} from './completion';
export { parseAgentMetadata, MetadataParseError } from './parseMetadata';
export type { AgentMetadata, AgentParameter, AgentAction, MetadataSource } from './types';
