// The cluster a workspace describes, as a lab needs it: node names (and addresses) from a
// corosync.conf nodelist or a `pcs cluster setup` line, the cluster name, the hacluster password a
// `pcs host auth -p` line uses. Read through the language service, so the lab and the editor agree.
import { pathToFileURL } from 'node:url';
import { collectFiles } from '../cli/check';
import { LanguageService } from '../service/languageService';
import type { LabFile } from '../service/workspaceFiles';

export interface WorkspaceCluster {
  clusterName?: string;
  nodes: { name: string; address?: string }[];
  password?: string;
  files: LabFile[];
  service: LanguageService;
}

export async function readWorkspaceCluster(paths: string[]): Promise<WorkspaceCluster> {
  const { files, problems } = await collectFiles(paths);
  if (problems.length) throw new Error(problems.join('; '));
  const service = new LanguageService();
  await service.init();
  for (const f of files) service.setDocument(pathToFileURL(f.path).toString(), f.kind, f.text, 0, true);
  const model = service.clusterModel();
  const members = [...model.nodes.values()].filter((n) => n.member && !n.remote);
  let password: string | undefined;
  for (const f of files) {
    // `pcs host auth … -p SECRET` / `--password SECRET` / `pcs cluster auth … -p`
    const m = /\bpcs\s+(?:host|cluster)\s+auth\b[^\n]*?\s(?:-p\s*|--password[= ])('[^']*'|"[^"]*"|[^\s;&|]+)/.exec(f.text);
    if (m) {
      password = m[1]!.replace(/^['"]|['"]$/g, '');
      break;
    }
  }
  return {
    clusterName: model.clusterName?.name,
    nodes: members.map((n) => ({ name: n.name, address: n.addresses.find((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a)) })),
    password,
    files,
    service,
  };
}
