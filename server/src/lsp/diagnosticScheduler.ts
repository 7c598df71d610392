// Publishes diagnostics: the edited document first, at once; the other documents (whose diagnostics can
// depend on the edited one through the cluster model) afterwards, in small slices, so no request waits.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LanguageService } from '../service/languageService';

type Publish = (uri: string, diagnostics: Diagnostic[], version?: number) => void;

const OTHERS_DELAY_MS = 200;

export class DiagnosticScheduler {
  private othersTimer: NodeJS.Timeout | undefined;
  private generation = 0;

  constructor(
    private readonly service: LanguageService,
    private readonly publish: Publish,
  ) {}

  changed(uri: string): void {
    this.publishOne(uri);
    this.scheduleOthers(uri);
  }

  refreshAll(): void {
    this.scheduleOthers(undefined, 0);
  }

  dispose(): void {
    if (this.othersTimer) clearTimeout(this.othersTimer);
  }

  private publishOne(uri: string): void {
    try {
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
      const queue = this.service.uris().filter((u) => u !== except);
      const step = () => {
        if (generation !== this.generation) return; // a newer edit restarted the pass
        const uri = queue.shift();
        if (!uri) return;
        this.publishOne(uri);
        setImmediate(step);
      };
      step();
    }, delay);
  }
}
