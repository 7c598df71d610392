// The last `pcmk-lsp lab status` of the lab this extension started, for the views that show it live
// (the Pacemaker Nodes view, the quorum calculator). The lab commands publish it on every poll and
// undefined when the lab goes. Pure: no `vscode` import.
import type { LabStatus } from '../../../server/src/lab/lab';

type Listener = (status: LabStatus | undefined) => void;

let current: LabStatus | undefined;
const listeners = new Set<Listener>();

export function currentLabStatus(): LabStatus | undefined {
  return current;
}

export function publishLabStatus(status: LabStatus | undefined): void {
  current = status;
  for (const listener of [...listeners]) {
    try {
      listener(status);
    } catch {
      // one view's failure does not stop the others
    }
  }
}

/** Calls `listener` on every new status; returns the unsubscribe function. */
export function onLabStatus(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
