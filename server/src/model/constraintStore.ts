// Constraints while the fold runs, indexed by id and by resource so every pcs line costs O(its own
// resources), not O(all constraints so far). The maps are the fold's state views (state.ts) during an
// incremental fold, plain Maps otherwise; values are replaced, never mutated in place.
import type { ConstraintInfo } from './types';
import { getLocal } from './state';

export class ConstraintStore {
  constructor(
    private readonly byId: Map<string, ConstraintInfo> = new Map(),
    /** Resource id → ids of the constraints that name it (copy-on-write arrays). */
    private readonly byResource: Map<string, string[]> = new Map(),
  ) {}

  add(c: ConstraintInfo): void {
    this.byId.set(c.id, c);
    for (const id of new Set([c.rsc, c.with])) {
      if (!id) continue;
      const list = this.byResource.get(id) ?? [];
      if (!list.includes(c.id)) this.byResource.set(id, [...list, c.id]);
    }
  }

  remove(c: ConstraintInfo): void {
    if (this.byId.get(c.id) === c) this.byId.delete(c.id);
    for (const id of new Set([c.rsc, c.with])) {
      if (!id) continue;
      const list = this.byResource.get(id);
      if (list?.includes(c.id) && !this.byId.has(c.id))
        this.byResource.set(
          id,
          list.filter((x) => x !== c.id),
        );
    }
  }

  /** A constraint of this workspace (one defined in another document counts). */
  get(id: string): ConstraintInfo | undefined {
    return this.byId.get(id);
  }

  /** A constraint defined in this document above the current line (generated ids, duplicate ids). */
  getLocal(id: string): ConstraintInfo | undefined {
    return getLocal(this.byId, id);
  }

  /** Constraints of this document that name the resource on either side. */
  forResource(id: string): ConstraintInfo[] {
    const out: ConstraintInfo[] = [];
    for (const cid of this.byResource.get(id) ?? []) {
      const c = getLocal(this.byId, cid);
      if (c && (c.rsc === id || c.with === id)) out.push(c);
    }
    return out;
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  values(): ConstraintInfo[] {
    return [...this.byId.values()];
  }

  clear(): void {
    this.byId.clear();
    this.byResource.clear();
  }
}
