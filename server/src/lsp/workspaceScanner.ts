// Background scan of the workspace folders for lab files the editor has not opened.
import { labFilesUnder, type LabFile } from '../service/workspaceFiles';

export class WorkspaceScanner {
  constructor(private readonly roots: string[]) {}

  async *files(): AsyncGenerator<LabFile> {
    for (const root of this.roots) {
      for await (const file of labFilesUnder(root)) {
        yield file;
        // Yield to the event loop between files so requests are served during a large scan.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
}
