// Script-level language features over the workspace cluster model (issue 5). The service builds the
// model from every document (buildClusterModel), then asks per document.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ClusterModel, ScriptDocument } from '../model/types';
import { extractProblems } from '../shell/extract';
import { diagnostic } from '../base/diagnostic';
import { byRangeStart } from '../base/position';

export { buildClusterModel } from '../model/build';
export type { ClusterModel, ScriptDocument, CorosyncDocument } from '../model/types';
export { scriptHover } from './hover';
export { scriptCompletion } from './completion';
export {
  scriptDefinition,
  scriptReferences,
  scriptRename,
  scriptPrepareRename,
  scriptSymbols,
  workspaceSymbols,
  clusterNodes,
} from './navigation';

/** Diagnostics of one script document: everything the fold reported on it, and what the shell would refuse. */
export function scriptDiagnostics(doc: ScriptDocument, model: ClusterModel): Diagnostic[] {
  const list = [...(model.diagnostics.get(doc.uri) ?? [])];
  for (const p of extractProblems(doc.extract)) {
    list.push(diagnostic(p.range, p.severity, p.code, p.message));
  }
  return list.sort(byRangeStart);
}
