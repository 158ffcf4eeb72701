// The whole reports a server keeps in memory: least recently used first out, at
// most DEFAULTS.database.cachedReports. An entry is used only while its report is
// unchanged (same place in the corpus order: a correction re-adds it last).
import type { LoadedReport } from './readReports.js';

export class ReportCache {
  private readonly entries = new Map<string, LoadedReport>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(id: string, seq: number): LoadedReport | undefined {
    const hit = this.entries.get(id);
    if (!hit) return undefined;
    this.entries.delete(id);
    if (hit.seq !== seq) return undefined;
    this.entries.set(id, hit);
    return hit;
  }

  set(entry: LoadedReport): void {
    const id = entry.report.meta.id;
    this.entries.delete(id);
    this.entries.set(id, entry);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(id: string): void {
    this.entries.delete(id);
  }
}
