// Background scan of the workspace folders for lab files the editor has not opened.
import { labFilesUnder, type LabFile } from '../service/workspaceFiles';

export class WorkspaceScanner {
  /** `onProblem` hears of lab files that are too large or unreadable (the server logs them). */
  constructor(
    private readonly roots: string[],
    private readonly onProblem?: (file: string, problem: string) => void,
  ) {}

  async *files(): AsyncGenerator<LabFile> {
    for (const root of this.roots) {
      for await (const file of labFilesUnder(root, this.onProblem)) {
        yield file;
        // Yield to the event loop between files so requests are served during a large scan.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
}
