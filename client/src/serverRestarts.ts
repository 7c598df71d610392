// What the client does when the language server stops unexpectedly: restart it and tell the person
// once; when it keeps dying (more than `maxRestarts` within `windowMs`), stop restarting and say so.
// Plain TypeScript (no vscode import) so the policy is unit-tested; extension.ts turns its decisions
// into vscode-languageclient close actions and notifications.

import * as l10n from '@vscode/l10n';

export interface RestartDecision {
  restart: boolean;
  /** A message for the person, or undefined when they were already told. */
  notify?: { level: 'warning' | 'error'; text: string };
  /** What goes to the output channel every time. */
  log: string;
}

export class ServerRestartPolicy {
  private readonly stops: number[] = [];
  private toldRestart = false;

  constructor(
    readonly maxRestarts = 4,
    readonly windowMs = 3 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The server's connection closed without the client asking for it. */
  onUnexpectedStop(): RestartDecision {
    const now = this.now();
    this.stops.push(now);
    while (this.stops.length && now - this.stops[0] > this.windowMs) this.stops.shift();
    const minutes = Math.round(this.windowMs / 60_000);
    if (this.stops.length > this.maxRestarts) {
      const text = l10n.t(
        'The Pacemaker Lab language server stopped {0} times in {1} minutes and will not be restarted. Diagnostics and hovers are off until you reload the window; details are in the "Pacemaker Lab" output.',
        this.stops.length,
        minutes,
      );
      return { restart: false, notify: { level: 'error', text }, log: text };
    }
    const log = `The Pacemaker Lab language server stopped unexpectedly; restarting it (${this.stops.length} of at most ${this.maxRestarts} restarts in ${minutes} minutes).`;
    if (this.toldRestart) return { restart: true, log };
    this.toldRestart = true;
    return {
      restart: true,
      notify: {
        level: 'warning',
        text: l10n.t(
          'The Pacemaker Lab language server stopped unexpectedly and was restarted. Details are in the "Pacemaker Lab" output.',
        ),
      },
      log,
    };
  }
}
