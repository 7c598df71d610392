// One guard for every handler the server registers. A handler that throws or rejects must never take
// the server down (an unhandled rejection ends a Node process): the failure is logged once per kind of
// message, a request is answered with its empty result, and the server goes on serving.
//
// The log never carries file contents or secrets: only the message kind, the error's class, its
// message with every quoted literal and long token elided, and the code locations of its stack.
import { CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';

export type Log = (message: string) => void;

/** A request whose failure is answered with an error response (carrying the cleaned message) instead of an empty result. */
export const REPLY_WITH_ERROR: unique symbol = Symbol('reply with error');

const MAX_MESSAGE = 200;

/**
 * The error's class and message, cleaned of anything that could come from a document: quoted
 * literals ('…', "…", `…`) become "…", runs longer than 40 characters without spaces are cut, control
 * characters go, and the whole is capped at 200 characters.
 */
export function describeError(error: unknown): string {
  const name = error instanceof Error ? error.constructor.name || error.name : typeof error;
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  let message = raw
    .replace(/(["'`])(?:(?!\1)[^\n])*\1/g, '"…"')
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/\S{41,}/g, (run) => `${run.slice(0, 20)}…`)
    .trim();
  if (message.length > MAX_MESSAGE) message = `${message.slice(0, MAX_MESSAGE)}…`;
  return message ? `${name}: ${message}` : name;
}

/** The code locations of the error's stack (the "at …" lines), at most eight. */
export function stackFrames(error: unknown): string[] {
  if (!(error instanceof Error) || !error.stack) return [];
  return error.stack
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at '))
    .slice(0, 8);
}

export class HandlerGuard {
  /** Failures per kind; only the first of each kind is logged. */
  private readonly failures = new Map<string, number>();

  constructor(
    private readonly log: Log,
    /** Every handler waits for this first (the grammars loading). */
    private readonly ready: Promise<unknown> = Promise.resolve(),
  ) {}

  /** How many failures of `kind` were seen (logged or not). */
  failureCount(kind: string): number {
    return this.failures.get(kind) ?? 0;
  }

  /** Records a failure; logs it when it is the first of its kind. */
  report(kind: string, error: unknown): void {
    const count = (this.failures.get(kind) ?? 0) + 1;
    this.failures.set(kind, count);
    if (count > 1) return;
    const frames = stackFrames(error);
    this.log(
      `pcmk-lsp: ${kind} failed (${describeError(error)}); the server goes on, and further failures of ${kind} are not logged.` +
        (frames.length ? `\n    ${frames.join('\n    ')}` : ''),
    );
  }

  /**
   * Wraps a request handler: waits for `ready`, answers a request cancelled meanwhile with
   * RequestCancelled, and answers `fallback` (or, for REPLY_WITH_ERROR, an error response) when the
   * handler throws or rejects.
   */
  request<P, R>(
    kind: string,
    fallback: R | typeof REPLY_WITH_ERROR,
    handler: (params: P, token: CancellationToken) => R | Promise<R>,
  ): (params: P, token?: CancellationToken) => Promise<R> {
    return async (params: P, token: CancellationToken = CancellationToken.None): Promise<R> => {
      try {
        await this.ready;
        if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, `${kind} cancelled`);
        return await handler(params, token ?? CancellationToken.None);
      } catch (error) {
        if (error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled) throw error;
        this.report(kind, error);
        if (fallback === REPLY_WITH_ERROR) throw new ResponseError(-32603, `${kind} failed: ${describeError(error)}`);
        return fallback;
      }
    };
  }

  /** Wraps a notification handler: waits for `ready`; a failure is logged (once per kind) and swallowed. */
  notification<P>(kind: string, handler: (params: P) => void | Promise<void>): (params: P) => Promise<void> {
    return async (params: P): Promise<void> => {
      try {
        await this.ready;
        await handler(params);
      } catch (error) {
        this.report(kind, error);
      }
    };
  }

  /** Runs a background task (a timer, a scan) under the guard. */
  background(kind: string, task: () => void | Promise<void>): Promise<void> {
    return this.notification<void>(kind, task)(undefined);
  }
}

/** Errors that mean the channel to the editor is gone: nothing to serve any more. */
function channelGone(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ERR_STREAM_WRITE_AFTER_END';
}

/**
 * Process-wide last resort: an unhandled rejection or an uncaught exception is logged (once per kind,
 * through `guard`) and the server keeps serving, unless the channel to the editor is gone or failures
 * come so fast (more than `maxPerMinute`) that the process is clearly broken: then it exits with 1 and
 * the editor's client restarts it.
 */
export function installProcessGuards(
  guard: HandlerGuard,
  exit: (code: number) => void = (code) => process.exit(code),
  maxPerMinute = 50,
): () => void {
  const recent: number[] = [];
  const handle = (kind: string) => (error: unknown) => {
    guard.report(kind, error);
    const now = Date.now();
    recent.push(now);
    while (recent.length && now - recent[0] > 60_000) recent.shift();
    if (channelGone(error) || recent.length > maxPerMinute) exit(1);
  };
  const onRejection = handle('unhandled rejection');
  const onException = handle('uncaught exception');
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
