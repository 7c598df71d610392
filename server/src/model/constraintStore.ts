// Constraints while the fold runs, indexed by id and by resource so every pcs line costs O(its own
// resources), not O(all constraints so far). The fold copies them into model.constraints at the end.
import type { ConstraintInfo } from './types';

export class ConstraintStore {
  private readonly byId = new Map<string, ConstraintInfo>();
  private readonly byResource = new Map<string, Set<ConstraintInfo>>();

  add(c: ConstraintInfo): void {
    this.byId.set(c.id, c);
    for (const id of [c.rsc, c.with]) {
      if (!id) continue;
      let set = this.byResource.get(id);
      if (!set) this.byResource.set(id, (set = new Set()));
      set.add(c);
    }
  }

  remove(c: ConstraintInfo): void {
    if (this.byId.get(c.id) === c) this.byId.delete(c.id);
    for (const id of [c.rsc, c.with]) if (id) this.byResource.get(id)?.delete(c);
  }

  get(id: string): ConstraintInfo | undefined {
    return this.byId.get(id);
  }

  /** Constraints that name the resource on either side. */
  forResource(id: string): ConstraintInfo[] {
    return [...(this.byResource.get(id) ?? [])];
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
