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
import { configureLanguage, languageFromEnvironment, takeLangOption } from './cli/l10n';
import { VERSION } from './cli/version';
import * as l10n from '@vscode/l10n';

// A function: the language is configured after this module loads (--lang, the environment).
const usage = () => `pcmk-lsp: ${l10n.t('Pacemaker/Corosync lab analysis')}

${l10n.t('usage:')}
  pcmk-lsp check [--format text|json|sarif|gcc] [--fix] [--rule CODE=LEVEL]... PATH...
                                                      ${l10n.t('analyse corosync.conf files, scripts, Markdown memos')}
  pcmk-lsp explain CODE                               ${l10n.t('print the documentation of a diagnostic code')}
  pcmk-lsp quorum [--format text|json] FILE [--down NAME,...]   ${l10n.t('votequorum figures for a corosync.conf')}
  pcmk-lsp lab up|status|down|kill|partition|heal|reboot|verify …   ${l10n.t('a real Pacemaker lab on this machine (root, Linux; {0} for help)', 'pcmk-lsp lab')}
  pcmk-lsp --stdio                                    ${l10n.t('run the language server over stdio')}

${l10n.t(
  '--lang en|ko|ja|fr (any command but --stdio) chooses the language of the messages; without it,\nLC_ALL, LC_MESSAGES or LANG decide (English when none names Korean, Japanese or French)',
)}

${l10n.t('exit status of check: 1 when an error-severity diagnostic is found, 0 otherwise, 2 for bad usage')}
${l10n.t('exit status of quorum: 0 quorate, 1 not quorate, 2 bad input')}
`;

async function main(args: string[]): Promise<void> {
  const isServer = args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'));
  // Our own messages follow --lang ko|ja|fr|en, else the environment (LC_ALL, LC_MESSAGES, LANG); the
  // server takes the locale from the client's initialize request instead.
  const lang = isServer ? { argv: args } : takeLangOption(args);
  const argv = lang.argv;
  if (lang.bad !== undefined) {
    process.stderr.write(`pcmk-lsp: --lang: "${lang.bad}" is not one of en, ko, ja, fr\n`);
    process.exitCode = 2;
    return;
  }
  if (!isServer) {
    const problem = configureLanguage(lang.language ?? languageFromEnvironment());
    if (problem) process.stderr.write(`pcmk-lsp: ${problem}\n`);
  }
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
  else if (command === '--help' || command === '-h' || command === 'help') out(usage());
  else if (command === '--version' || command === '-v') out(`${VERSION}\n`);
  else if (isServer) startServer();
  else {
    err(usage());
    process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`pcmk-lsp: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
