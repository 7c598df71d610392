// Publishes diagnostics: the edited document first, the other documents (whose diagnostics can depend on
// the edited one through the cluster model) afterwards, in small slices, so no request waits.
//
// The edited document is analysed when the server is quiet, not inside the didOpen/didChange handler:
// requests already received (hover, completion, outline, …) are answered first, and edits that arrive
// before the analysis starts replace it (only the newest text of a document is analysed and published).
// "Quiet" is a window of QUIET_MS in which the event loop was mostly idle (its utilization, measured by
// Node): while requests keep it busy the window is armed again, at most MAX_DEFERRALS times in a row, so
// a stream of requests cannot starve diagnostics.
import { performance } from 'node:perf_hooks';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LanguageService } from '../service/languageService';
import { MAX_FILE_BYTES } from '../service/workspaceFiles';
import { DIAGNOSTIC_SOURCE } from '../base/diagnostic';

type Publish = (uri: string, diagnostics: Diagnostic[], version?: number) => void;

const OTHERS_DELAY_MS = 200;
/** How long the event loop must have been free before an edited document is analysed. */
// Short: every edit pays it before its diagnostics (the bar is 30 ms); requests already read are answered
// within it, since the RPC layer dispatches one queued message per event-loop turn.
export const QUIET_MS = 2;
/** Event-loop utilization over the window above which the server counts as busy (answering requests). */
const BUSY = 0.3;
const MAX_DEFERRALS = 50;

export class DiagnosticScheduler {
  private othersTimer: NodeJS.Timeout | undefined;
  private generation = 0;
  /** Edited documents waiting for their analysis, in the order of their first edit since the last one. */
  private readonly edited = new Set<string>();
  private editedTimer: NodeJS.Timeout | undefined;
  private deferrals = 0;
  private disposed = false;

  constructor(
    private readonly service: LanguageService,
    private readonly publish: Publish,
  ) {}

  changed(uri: string): void {
    this.edited.add(uri);
    this.armEdited();
    this.scheduleOthers(uri);
  }

  refreshAll(): void {
    this.scheduleOthers(undefined, 0);
  }

  dispose(): void {
    this.disposed = true;
    if (this.othersTimer) clearTimeout(this.othersTimer);
    if (this.editedTimer) clearTimeout(this.editedTimer);
  }

  /** Arms the quiet timer for the edited documents (once: later edits join the same wait). */
  private armEdited(): void {
    if (this.editedTimer || this.disposed) return;
    const armed = performance.eventLoopUtilization();
    this.editedTimer = setTimeout(() => {
      this.editedTimer = undefined;
      const busy = performance.eventLoopUtilization(armed).utilization > BUSY;
      if (busy && this.deferrals < MAX_DEFERRALS) {
        // The loop was busy (requests were being answered): wait for a quiet moment.
        this.deferrals++;
        this.armEdited();
        return;
      }
      this.deferrals = 0;
      this.analyseEdited();
    }, QUIET_MS);
  }

  /** Analyses one edited document (its current text), then lets requests in before the next one. */
  private analyseEdited(): void {
    const uri = this.edited.values().next().value;
    if (uri === undefined) return;
    this.edited.delete(uri);
    if (this.service.has(uri)) this.publishOne(uri);
    if (this.edited.size) this.armEdited();
  }

  private publishOne(uri: string): void {
    try {
      const over = overSizeCap(this.service.getText(uri));
      if (over) return this.publish(uri, [over]);
      this.publish(uri, this.service.diagnostics(uri));
    } catch (error) {
      // A rule that throws must not take the others down; say which document it was.
      console.error(`diagnostics failed for ${uri}: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }

  private scheduleOthers(except: string | undefined, delay = OTHERS_DELAY_MS): void {
    if (this.othersTimer) clearTimeout(this.othersTimer);
    const generation = ++this.generation;
    this.othersTimer = setTimeout(() => {
      // The edited documents go first: the others wait for their analysis.
      if (this.edited.size) return this.scheduleOthers(except, delay);
      const queue = this.service.uris().filter((u) => u !== except);
      const step = () => {
        if (generation !== this.generation || this.disposed) return; // a newer edit restarted the pass
        const uri = queue.shift();
        if (!uri) return;
        this.publishOne(uri);
        setImmediate(step);
      };
      step();
    }, delay);
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** An open document over the size cap of lab files (what the workspace scan and `check` skip) is not analysed: one diagnostic says so. */
function overSizeCap(text: string | undefined): Diagnostic | undefined {
  if (text === undefined || text.length <= MAX_FILE_BYTES / 3) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= MAX_FILE_BYTES) return undefined;
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 2,
    code: 'file/not-analysed',
    source: DIAGNOSTIC_SOURCE,
    message: `Not analysed: ${mb(bytes)} is over the ${mb(MAX_FILE_BYTES)} size limit for lab files (a log or dump, not a lab script); nothing in it is checked.`,
  };
}
