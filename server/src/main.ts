// Entry point of the bundled server file (dist/server.js) and of the `pcmk-lsp` command:
//   pcmk-lsp check [--format text|json|sarif] PATH...
//   pcmk-lsp quorum [--format text|json] FILE [--down NAME,...]
//   pcmk-lsp --stdio            (language server for any editor; --node-ipc when VS Code starts it)
import { setFlagsFromString } from 'node:v8';
import { runCheckCli } from './cli/check';
import { runQuorumCli } from './cli/quorum';
import { runLabCli } from './cli/lab';
import { runExplainCli } from './cli/explain';
import { startServer } from './lsp/server';

const USAGE = `pcmk-lsp: Pacemaker/Corosync lab analysis

usage:
  pcmk-lsp check [--format text|json|sarif|gcc] [--fix] [--rule CODE=LEVEL]... PATH...
                                                      analyse corosync.conf files, scripts, Markdown memos
  pcmk-lsp explain CODE                               print the documentation of a diagnostic code
  pcmk-lsp quorum [--format text|json] FILE [--down NAME,...]   votequorum figures for a corosync.conf
  pcmk-lsp lab up|status|down|kill|partition|heal|reboot|verify …   a real Pacemaker lab on this machine (root, Linux; pcmk-lsp lab for help)
  pcmk-lsp --stdio                                    run the language server over stdio

exit status of check: 1 when an error-severity diagnostic is found, 0 otherwise, 2 for bad usage
exit status of quorum: 0 quorate, 1 not quorate, 2 bad input
`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  // A one-shot command: V8's background optimisation of the wasm grammars would cost more CPU than the
  // whole analysis, and the process could not exit before it finished (seconds on a busy machine).
  if (command !== undefined && !command.startsWith('-')) setFlagsFromString('--liftoff-only');
  const out = (s: string) => process.stdout.write(s);
  const err = (s: string) => process.stderr.write(s);
  if (command === 'check') process.exitCode = await runCheckCli(rest, out, err);
  else if (command === 'quorum') process.exitCode = await runQuorumCli(rest, out, err);
  else if (command === 'lab') process.exitCode = await runLabCli(rest, out, err);
  else if (command === 'explain') process.exitCode = runExplainCli(rest, out, err);
  else if (command === '--help' || command === '-h' || command === 'help') out(USAGE);
  else if (command === '--version' || command === '-v') out('0.1.0\n');
  else if (argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) startServer();
  else {
    err(USAGE);
    process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`pcmk-lsp: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
