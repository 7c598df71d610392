// `pcmk-lsp quorum` as a function, with what it printed on each stream (the unit tests of the quorum
// CLI, of scripts and of its languages ask it the same way).
import { runQuorumCli } from '../../server/src/cli/quorum';

export async function quorumCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runQuorumCli(
    args,
    (s) => (out += s),
    (s) => (err += s),
  );
  return { code, out, err };
}
