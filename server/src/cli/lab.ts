// `pcmk-lsp lab …`: a real Pacemaker cluster on this machine in network namespaces (server/src/lab).
//   lab up [--nodes N] [--from PATH] [--ready] [--name NAME]
//   lab status [--format text|json]      lab down      lab kill NODE      lab reboot NODE
//   lab partition NODE...                lab heal      lab ssh-config     lab verify PATH
// Exit status: 0 done, 1 failed (or, for verify, a difference), 2 bad usage or not possible here.
import {
  formatStatus,
  labDown,
  labHeal,
  labKill,
  labPartition,
  labReboot,
  labStatus,
  labUnsupported,
  labUp,
  LabError,
  readState,
  validLabName,
  type LabState,
} from '../lab/lab';
import { readWorkspaceCluster } from '../lab/workspace';
import * as l10n from '@vscode/l10n';

// A function: the language is configured after this module loads (--lang, the environment).
export const labUsage = () => `${l10n.t('usage:')}
  pcmk-lsp lab up [--nodes N] [--from PATH] [--ready] [--name NAME]   ${l10n.t('start a lab (bare unless --ready)')}
  pcmk-lsp lab status [--format text|json]                            ${l10n.t('nodes, daemons, quorum, resources')}
  pcmk-lsp lab down                                                   ${l10n.t('remove the lab and everything it made')}
  pcmk-lsp lab kill NODE | lab reboot NODE                            ${l10n.t('hard failure / power cycle of a node')}
  pcmk-lsp lab partition NODE... | lab heal                           ${l10n.t('cut nodes off the others / rejoin')}
  pcmk-lsp lab ssh-config                                             ${l10n.t("path of the lab's ssh config file")}
  pcmk-lsp lab verify [--keep] [--reuse] PATH...                      ${l10n.t(
    'run a lab script on a new bare lab (or, --reuse, the\n                                                                      bare lab --name), compare the cluster with the model',
  )}
`;

type Out = (s: string) => void;

interface LabArgs {
  sub: string;
  positional: string[];
  nodes?: number;
  from: string[];
  ready: boolean;
  name: string;
  format: 'text' | 'json';
  keep: boolean;
  reuse: boolean;
}

function parse(args: string[]): LabArgs | string {
  const out: LabArgs = {
    sub: '',
    positional: [],
    from: [],
    ready: false,
    name: process.env.PCMK_LAB_NAME || 'lab',
    format: 'text',
    keep: false,
    reuse: false,
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      if (a.includes('=')) return a.slice(a.indexOf('=') + 1);
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--nodes' || a.startsWith('--nodes=')) {
        const v = value();
        if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 16) return l10n.t('--nodes must be a number from 1 to 16, not "{0}"', v);
        out.nodes = Number(v);
      } else if (a === '--from' || a.startsWith('--from=')) out.from.push(value());
      else if (a === '--ready') out.ready = true;
      else if (a === '--keep') out.keep = true;
      else if (a === '--reuse') out.reuse = true;
      else if (a === '--name' || a.startsWith('--name=')) out.name = value();
      else if (a === '--format' || a.startsWith('--format=')) {
        const v = value();
        if (v !== 'text' && v !== 'json') return l10n.t('--format must be text or json, not "{0}"', v);
        out.format = v;
      } else if (a.startsWith('-')) return l10n.t('unknown option {0}', a);
      else if (!out.sub) out.sub = a;
      else out.positional.push(a);
    } catch (error) {
      return (error as Error).message;
    }
  }
  if (!validLabName(out.name)) return l10n.t('bad lab name "{0}"', out.name);
  return out;
}

function needState(name: string, err: Out): LabState | undefined {
  const state = readState(name);
  if (!state) err(`pcmk-lsp lab: ${l10n.t('no lab "{0}" is up (start one with "{1}")', name, 'pcmk-lsp lab up')}\n`);
  return state;
}

export async function runLabCli(args: string[], out: Out, err: Out): Promise<number> {
  const parsed = parse(args);
  if (typeof parsed === 'string') {
    err(`pcmk-lsp lab: ${parsed}\n${labUsage()}`);
    return 2;
  }
  const { sub, name } = parsed;
  const known = ['up', 'status', 'down', 'kill', 'reboot', 'partition', 'heal', 'ssh-config', 'verify'];
  if (!known.includes(sub)) {
    err(sub ? `pcmk-lsp lab: ${l10n.t('unknown command "{0}"', sub)}\n${labUsage()}` : labUsage());
    return 2;
  }
  const why = labUnsupported();
  if (why) {
    err(why + '\n');
    return 2;
  }
  try {
    switch (sub) {
      case 'up': {
        let nodes: { name: string; address?: string }[] = Array.from({ length: parsed.nodes ?? 3 }, (_, i) => ({ name: `node${i + 1}` }));
        let clusterName: string | undefined;
        let password: string | undefined;
        if (parsed.from.length) {
          const ws = await readWorkspaceCluster(parsed.from);
          if (ws.nodes.length) {
            nodes = ws.nodes;
            if (parsed.nodes !== undefined && parsed.nodes !== nodes.length) {
              err(
                `pcmk-lsp lab: ${l10n.t('{0} names {1} nodes ({2}), not {3}', parsed.from.join(' '), nodes.length, nodes.map((n) => n.name).join(', '), parsed.nodes)}\n`,
              );
              return 2;
            }
          } else out(`lab: ${l10n.t('{0} names no cluster nodes; using {1}', parsed.from.join(' '), `node1..node${nodes.length}`)}\n`);
          clusterName = ws.clusterName;
          password = ws.password;
        }
        // Interrupted while starting (Ctrl-C, kill): nothing is left half-made.
        const onSignal = (signal: NodeJS.Signals) => {
          err(`pcmk-lsp lab: ${l10n.t('{0}: removing what was made', signal)}\n`);
          void labDown(name).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
        };
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        const state = await labUp({
          name,
          nodes,
          clusterName,
          password,
          ready: parsed.ready,
          progress: (line) => out(line + '\n'),
        }).finally(() => {
          process.removeListener('SIGINT', onSignal);
          process.removeListener('SIGTERM', onSignal);
        });
        out(
          `${l10n.t('lab {0} is up. ssh config: {1}  (e.g. {2})', state.name, state.sshConfig, `ssh -F ${state.sshConfig} ${state.nodes[0]!.name}`)}\n`,
        );
        out(
          `${
            password
              ? l10n.t("hacluster password: as the workspace's pcs host auth line says (file {0})", `${state.dir}/password`)
              : l10n.t('hacluster password: as "{0}" (file {1})', state.password, `${state.dir}/password`)
          }\n`,
        );
        return 0;
      }
      case 'status': {
        const state = needState(name, err);
        if (!state) return 1;
        const status = await labStatus(state);
        out(parsed.format === 'json' ? JSON.stringify(status, null, 2) + '\n' : formatStatus(status));
        return 0;
      }
      case 'down': {
        const started = Date.now();
        const { removed } = await labDown(name);
        out(
          removed
            ? `lab ${name} removed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`
            : `lab ${name} was not up; nothing to remove\n`,
        );
        return 0;
      }
      case 'kill':
      case 'reboot': {
        const state = needState(name, err);
        if (!state) return 1;
        if (parsed.positional.length !== 1) {
          err(`pcmk-lsp lab: ${l10n.t('lab {0} takes one node name', sub)}\n`);
          return 2;
        }
        if (sub === 'kill') {
          await labKill(state, parsed.positional[0]!);
          out(`lab: ${l10n.t('{0} is off (link down, every process killed)', parsed.positional[0]!)}\n`);
        } else await labReboot(state, parsed.positional[0]!, (line) => out(line + '\n'));
        return 0;
      }
      case 'partition': {
        const state = needState(name, err);
        if (!state) return 1;
        if (!parsed.positional.length) {
          err(`pcmk-lsp lab: ${l10n.t('lab partition takes the node names to cut off')}\n`);
          return 2;
        }
        await labPartition(state, parsed.positional);
        out(
          `lab: ${l10n.t(
            '{0} cut off from {1}',
            parsed.positional.join(', '),
            state.nodes
              .filter((n) => !parsed.positional.includes(n.name))
              .map((n) => n.name)
              .join(', ') || l10n.t('nobody'),
          )}\n`,
        );
        return 0;
      }
      case 'heal': {
        const state = needState(name, err);
        if (!state) return 1;
        await labHeal(state);
        out(`lab: ${l10n.t('every node is on one network again')}\n`);
        return 0;
      }
      case 'ssh-config': {
        const state = needState(name, err);
        if (!state) return 1;
        out(state.sshConfig + '\n');
        return 0;
      }
      case 'verify': {
        const { runLabVerify } = await import('../lab/verify');
        return await runLabVerify({ name, paths: parsed.positional, keep: parsed.keep, reuse: parsed.reuse, out, err });
      }
    }
  } catch (error) {
    err(`pcmk-lsp lab: ${error instanceof LabError ? error.message : ((error as Error).stack ?? String(error))}\n`);
    return 1;
  }
  return 2;
}
