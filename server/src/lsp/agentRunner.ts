// How the server reaches a node to ask its agents for metadata: the same system ssh, options and
// quoting as "run on node" (client/src/runOnNode/sshRunner.ts is a plain Node module, shared here),
// or this machine when no destination is given.
import { localRunner, type CommandRunner } from './liveMetadata';
import { runOverSsh } from '../../../shared/src/runOnNode/sshRunner';

/** Quotes one argument for the remote POSIX shell. */
function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_./:=@+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** `sshProgram` runs ssh through a prefix (tests reach namespace nodes with `ip netns exec …`). */
export function runnerFor(destination: string | undefined, configFile: string | undefined, sshProgram?: string[]): CommandRunner {
  if (!destination) return localRunner;
  return async (argv) => {
    let stdout = '';
    let stderr = '';
    const handle = runOverSsh({
      destination,
      command: argv.map(shellQuote).join(' '),
      tty: false,
      configFile,
      sshProgram,
      connectTimeoutSeconds: 10,
      timeoutSeconds: 60,
      onStdout: (text) => (stdout += text),
      onStderr: (text) => (stderr += text),
    });
    const result = await handle.result;
    if (result.status === 'ok') return stdout;
    throw new Error(result.failure?.message ?? `${argv[0]} exited with ${result.exitCode}: ${stderr.trim().split('\n')[0] ?? ''}`);
  };
}
