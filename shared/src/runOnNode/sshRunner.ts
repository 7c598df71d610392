// Runs one command line on a node through the system OpenSSH client, so the person's ssh config,
// keys, agent, jump hosts and known_hosts apply exactly as in their terminal. Pure Node: no `vscode`
// import, so the integration tests drive this module against real sshd nodes.
//
// Quoting: ssh joins every argument after the destination with spaces and hands that string to the
// remote user's shell (`$SHELL -c STRING`). We pass the line as ONE argument, unmodified, so the
// remote shell receives exactly the text of the line; nothing of it is interpreted locally because
// the local ssh is spawned from an argument vector (no local shell), and `--` stops ssh from reading
// a line that starts with `-` as one of its own options.
import { spawn, type ChildProcess } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { maskSecrets } from './fallbackSafety';
import { parseDestination } from './destination';

export interface SshRunOptions {
  /** `user@host:port`, `host`, `[v6addr]:port`, `ssh://user@host:port` or a ~/.ssh/config Host alias. */
  destination: string;
  /** The command line exactly as the remote shell must run it (prompt already removed). */
  command: string;
  /** ssh's ConnectTimeout. Default 10. */
  connectTimeoutSeconds?: number;
  /** Overall limit for the whole run; 0 or undefined means none. */
  timeoutSeconds?: number;
  /**
   * Request a remote terminal (`-tt`, default true). With a tty the remote command gets SIGHUP when
   * the connection goes away (so cancel really stops it) and interactive prompts can be answered
   * through `write()`; remote stdout and stderr then arrive merged on stdout, as in a terminal.
   * Without one, remote stderr stays separate, but a cancelled remote command lives on until it
   * next writes (it then dies of SIGPIPE).
   */
  tty?: boolean;
  /** An ssh config file to use instead of ~/.ssh/config (`-F`). */
  configFile?: string;
  /** Extra `-o Key=Value` options (e.g. a private UserKnownHostsFile). StrictHostKeyChecking=no is refused. */
  extraOptions?: string[];
  /** The program (and leading arguments) to run instead of `ssh`, e.g. `['ip','netns','exec','ns','ssh']`. */
  sshProgram?: string[];
  onStdout?: (text: string) => void;
  onStderr?: (text: string) => void;
  signal?: AbortSignal;
}

export type SshFailureKind =
  'host-key-unknown' | 'host-key-changed' | 'auth' | 'timeout' | 'unreachable' | 'refused' | 'resolve' | 'ssh-missing' | 'other';

export interface SshFailure {
  kind: SshFailureKind;
  /** What went wrong, why it matters and what to do, for the person. */
  message: string;
}

export interface SshRunResult {
  /** `ok` exit 0; `failed` the remote command exited non-zero; `ssh-error` ssh itself failed. */
  status: 'ok' | 'failed' | 'ssh-error' | 'cancelled' | 'timeout';
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  durationMs: number;
  argv: string[];
  failure?: SshFailure;
}

export interface SshRunHandle {
  result: Promise<SshRunResult>;
  /** Stops the run: ssh is killed, which closes the remote tty, so the remote command gets SIGHUP. */
  cancel(): void;
  /** Sends keystrokes to the remote command (tty mode). */
  write(data: string): void;
}

// Destinations are validated by us (destination.ts), not left to the installed ssh.
export { parseDestination, destinationProblem, type ParsedDestination } from './destination';

const FORBIDDEN_OPTION = /^\s*stricthostkeychecking\s*[= ]\s*(no|off)\s*$/i;

/** The exact argv (program first) that runs `command` on `destination`; throws on a bad destination. */
export function buildSshArgv(options: SshRunOptions): string[] {
  const parsed = parseDestination(options.destination);
  if ('error' in parsed) throw new Error(parsed.error);
  const connectTimeout = Math.max(1, Math.round(options.connectTimeoutSeconds ?? 10));
  const argv = [...(options.sshProgram ?? ['ssh'])];
  if (options.configFile) argv.push('-F', options.configFile);
  argv.push('-o', 'BatchMode=yes', '-o', `ConnectTimeout=${connectTimeout}`);
  for (const option of options.extraOptions ?? []) {
    // Host key checking stays as the person configured it: never turn it off behind their back.
    if (FORBIDDEN_OPTION.test(option)) throw new Error('Refusing StrictHostKeyChecking=no: host keys are checked as your ssh config says.');
    argv.push('-o', option);
  }
  if (options.tty ?? true) argv.push('-tt');
  if (parsed.port !== undefined) argv.push('-p', String(parsed.port));
  // ssh takes a bare IPv6 address as host; `--` keeps a command starting with `-` away from ssh's options.
  argv.push('--', parsed.user ? `${parsed.user}@${parsed.host}` : parsed.host, options.command);
  return argv;
}

/** The argv a dry run would execute, with secrets in the command masked for display. */
export function dryRun(options: SshRunOptions): string[] {
  return maskArgv(buildSshArgv(options));
}

/** Masks secrets in the remote command (the last element) of an ssh argv. */
export function maskArgv(argv: string[]): string[] {
  if (!argv.length) return argv;
  return [...argv.slice(0, -1), maskSecrets(argv[argv.length - 1]!)];
}

/** Quotes an argv for display so it can be pasted into a POSIX shell. */
export function formatArgv(argv: string[]): string {
  return argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' ');
}

// The regex safety net (used when the language server cannot classify a command) lives in a pure
// module the server shares.
export { DESTRUCTIVE_COMMANDS, destructiveReason, maskSecrets, type DestructivePattern } from './fallbackSafety';
/** Turns ssh's own complaint (exit status 255) into a message that says what to do. */
export function classifySshFailure(stderr: string, destination: string): SshFailure | undefined {
  const text = stderr;
  if (/REMOTE HOST IDENTIFICATION HAS CHANGED/.test(text)) {
    return {
      kind: 'host-key-changed',
      message: `${destination}: the node's host key differs from the one in known_hosts. It may have been reinstalled, or someone may be intercepting the connection. If you expect the change, remove the old key with "ssh-keygen -R <host>" and connect once in a terminal.`,
    };
  }
  if (/Host key verification failed|No (?:ED25519|ECDSA|RSA|DSA)?\s*host key is known|host key is not known/i.test(text)) {
    return {
      kind: 'host-key-unknown',
      message: `${destination}: host key verification failed — the node's host key is not in known_hosts, and a non-interactive run cannot ask you to accept it. Connect once with "ssh ${destination}" in a terminal and check the fingerprint, then run again.`,
    };
  }
  if (/Permission denied \(|Too many authentication failures|no more authentication methods/i.test(text)) {
    return {
      kind: 'auth',
      message: `${destination}: authentication failed — no key was accepted, and password prompts are disabled (BatchMode) in a run. Install your key with "ssh-copy-id ${destination}" or load it into ssh-agent, then run again.`,
    };
  }
  if (/Could not resolve hostname|Name or service not known|Temporary failure in name resolution/i.test(text)) {
    return {
      kind: 'resolve',
      message: `${destination}: the host name does not resolve. Map the node to an address in pacemakerLab.nodes or a Host entry in ~/.ssh/config.`,
    };
  }
  if (/Connection timed out|Operation timed out|timed out during banner exchange/i.test(text)) {
    return {
      kind: 'timeout',
      message: `${destination}: the node did not answer within the connect timeout — it is unreachable (down, wrong address or filtered). Check that it is up and that the address is right.`,
    };
  }
  if (/Connection refused/i.test(text)) {
    return {
      kind: 'refused',
      message: `${destination}: the connection was refused — the node is up but no sshd listens on that port. Start sshd on the node or fix the port.`,
    };
  }
  if (/No route to host|Network is unreachable|Host is unreachable/i.test(text)) {
    return {
      kind: 'unreachable',
      message: `${destination}: the node is unreachable (no route to it). Check the address and that the node is up.`,
    };
  }
  if (/^ssh: |^kex_exchange_identification|Connection closed by|Connection reset/m.test(text)) {
    const first = text.split(/\r?\n/).find((line) => line.trim()) ?? 'unknown error';
    return { kind: 'other', message: `${destination}: ssh failed: ${first.trim()}` };
  }
  return undefined;
}

/** Runs the command; output streams through the callbacks; never throws (failures are in the result). */
export function runOverSsh(options: SshRunOptions): SshRunHandle {
  const started = Date.now();
  let argv: string[];
  try {
    argv = buildSshArgv(options);
  } catch (error) {
    const failure: SshFailure = { kind: 'other', message: (error as Error).message };
    return {
      result: Promise.resolve({ status: 'ssh-error', exitCode: null, signal: null, durationMs: 0, argv: [], failure }),
      cancel: () => {},
      write: () => {},
    };
  }
  const tty = options.tty ?? true;
  let child!: ChildProcess;
  let stopReason: 'cancelled' | 'timeout' | undefined;
  let stderrText = '';
  let killTimer: NodeJS.Timeout | undefined;
  let limitTimer: NodeJS.Timeout | undefined;

  const stop = (reason: 'cancelled' | 'timeout') => {
    if (stopReason || child.exitCode !== null || child.signalCode !== null) return;
    stopReason = reason;
    child.kill('SIGTERM');
    // ssh normally exits at once on SIGTERM; make sure it does.
    killTimer = setTimeout(() => child.kill('SIGKILL'), 2000);
    killTimer.unref();
  };

  const result = new Promise<SshRunResult>((resolve) => {
    child = spawn(argv[0]!, argv.slice(1), { stdio: [tty ? 'pipe' : 'ignore', 'pipe', 'pipe'], shell: false });
    const out = new StringDecoder('utf8');
    const err = new StringDecoder('utf8');
    child.stdout!.on('data', (chunk: Buffer) => options.onStdout?.(out.write(chunk)));
    child.stderr!.on('data', (chunk: Buffer) => {
      let text = err.write(chunk);
      stderrText += text;
      // With a tty, ssh says "Connection to X closed." at the end; that is noise in the output.
      if (tty) text = text.replace(/(?:^|\r?\n)?Connection to \S+ closed\.\r?\n/g, '');
      if (text) options.onStderr?.(text);
    });
    child.stdin?.on('error', () => {}); // the remote side may be gone when the person types

    let spawnError: Error | undefined;
    child.on('error', (error) => {
      spawnError = error;
    });
    child.on('close', (code, signal) => {
      if (killTimer) clearTimeout(killTimer);
      if (limitTimer) clearTimeout(limitTimer);
      options.signal?.removeEventListener('abort', onAbort);
      const durationMs = Date.now() - started;
      if (spawnError) {
        const missing = (spawnError as NodeJS.ErrnoException).code === 'ENOENT';
        resolve({
          status: 'ssh-error',
          exitCode: null,
          signal: null,
          durationMs,
          argv,
          failure: missing
            ? {
                kind: 'ssh-missing',
                message: `The OpenSSH client "${argv[0]}" was not found. Install it (Debian/Ubuntu: openssh-client) and try again.`,
              }
            : { kind: 'other', message: `Could not start ssh: ${spawnError.message}` },
        });
        return;
      }
      if (stopReason) {
        const failure: SshFailure | undefined =
          stopReason === 'timeout'
            ? {
                kind: 'timeout',
                message: `${options.destination}: the command ran longer than ${options.timeoutSeconds} s and was stopped.`,
              }
            : undefined;
        resolve({ status: stopReason, exitCode: code, signal, durationMs, argv, failure });
        return;
      }
      if (code === 0) {
        resolve({ status: 'ok', exitCode: 0, signal, durationMs, argv });
        return;
      }
      // 255 is ssh's own failure status (a remote command exiting 255 is told apart by ssh's message).
      const failure = code === 255 ? classifySshFailure(stderrText, options.destination) : undefined;
      resolve({ status: failure ? 'ssh-error' : 'failed', exitCode: code, signal, durationMs, argv, failure });
    });

    const onAbort = () => stop('cancelled');
    if (options.signal?.aborted) stop('cancelled');
    else options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.timeoutSeconds && options.timeoutSeconds > 0) {
      limitTimer = setTimeout(() => stop('timeout'), options.timeoutSeconds * 1000);
    }
  });

  return {
    result,
    cancel: () => stop('cancelled'),
    write: (data: string) => {
      if (tty && child.stdin && !child.stdin.destroyed) child.stdin.write(data);
    },
  };
}
