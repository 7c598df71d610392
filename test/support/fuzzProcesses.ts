// The fuzzer's process half: the same input through `pcmk-lsp check --format json` (a child process)
// and through the bundled server over stdio; both must survive and give the same diagnostics.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TestLspClient } from '../lsp/client';
import { diagnosticKey, FILE_OF, repoRoot, type FuzzInput, type Violation } from './fuzz';

const LANGUAGE_ID = { corosync: 'corosync', shell: 'shellscript', markdown: 'markdown' } as const;
const SERVER_JS = process.env.PCMK_LSP_SERVER ?? path.join(repoRoot, 'dist', 'server.js');

/**
 * Writes `input` to `<dir>/<index>/<file name of its kind>`, checks it with the CLI and with the
 * server, and returns what broke. The file is removed before the server closes it (so the server does
 * not keep it as a workspace file for the next input).
 */
export async function cliAndServer(
  client: TestLspClient,
  input: FuzzInput,
  dir: string,
): Promise<{ violations: Violation[]; cliMs: number }> {
  const violations: Violation[] = [];
  const folder = path.join(dir, String(input.index));
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, FILE_OF[input.kind]);
  fs.writeFileSync(file, input.text, 'utf8');
  // What the CLI reads back (a lone surrogate does not survive UTF-8): the server gets the same text.
  const text = fs.readFileSync(file, 'utf8');

  const started = performance.now();
  const cli = spawnSync(process.execPath, [SERVER_JS, 'check', '--format', 'json', file], {
    cwd: folder,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const cliMs = performance.now() - started;
  let cliKeys: string[] | undefined;
  if (cli.error || cli.signal)
    violations.push({ property: 'exit', feature: 'cli', detail: `${cli.error?.message ?? ''} signal ${cli.signal}` });
  else if (cli.status !== 0 && cli.status !== 1)
    violations.push({ property: 'exit', feature: 'cli', detail: `exit ${cli.status}: ${cli.stderr.slice(0, 300)}` });
  else {
    try {
      const findings = JSON.parse(cli.stdout) as { range: Diagnostic['range']; severity: string; code: string; message: string }[];
      cliKeys = findings.map(diagnosticKey).sort();
    } catch {
      violations.push({ property: 'exit', feature: 'cli', detail: `not JSON: ${cli.stdout.slice(0, 200)}` });
    }
    if (cli.stderr.trim()) violations.push({ property: 'throw', feature: 'cli', detail: `stderr: ${cli.stderr.slice(0, 300)}` });
  }

  const uri = pathToFileURL(file).toString();
  await client.open(uri, LANGUAGE_ID[input.kind], text);
  let serverKeys: string[] | undefined;
  try {
    const diagnostics = await client.waitForDiagnostics(uri, () => true, 60_000);
    serverKeys = diagnostics.map(diagnosticKey).sort();
  } catch (error) {
    violations.push({ property: 'exit', feature: 'server', detail: error instanceof Error ? error.message.slice(0, 300) : String(error) });
  }
  fs.rmSync(folder, { recursive: true, force: true });
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  if (client.process.exitCode !== null || client.process.signalCode !== null)
    violations.push({
      property: 'exit',
      feature: 'server',
      detail: `exited ${client.process.exitCode ?? client.process.signalCode}: ${client.stderr.slice(-300)}`,
    });

  if (cliKeys && serverKeys && cliKeys.join('\n') !== serverKeys.join('\n')) {
    const onlyCli = cliKeys.filter((k) => !serverKeys!.includes(k));
    const onlyServer = serverKeys.filter((k) => !cliKeys!.includes(k));
    violations.push({
      property: 'cli-server',
      feature: 'diagnostics',
      detail: `CLI only: ${JSON.stringify(onlyCli.slice(0, 3))}; server only: ${JSON.stringify(onlyServer.slice(0, 3))}`,
    });
  }
  return { violations, cliMs };
}
