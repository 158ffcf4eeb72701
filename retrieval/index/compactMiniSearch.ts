// MiniSearch with a compact snapshot. MiniSearch.toJSON writes every posting as
// an object key ("41523": 1), and building that object graph before stringifying
// it was the build's memory peak at 1,000 reports; loadJS then parses each key
// back. Here postings are flat arrays of document-id deltas and term frequencies:
// at 1,000 reports the cache file is half the size (34 vs 66 MB) and loads in
// about half the time. The loaded instance has exactly the state loadJS would
// give (same maps, same insertion order), so MiniSearch.search ranks identically.
import MiniSearch, { type Options } from 'minisearch';

export const COMPACT_FORMAT = 'minisearch-compact-1';

export interface CompactSnapshot {
  format: typeof COMPACT_FORMAT;
  documentCount: number;
  nextId: number;
  dirtCount: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  /** [shortId, id, …] */
  documentIds: unknown[];
  /** Per document in documentIds order: its field lengths, then its stored fields. */
  fieldLength: (number[] | null)[];
  storedFields: (Record<string, unknown> | null)[];
  /** [term, fieldId, [docDelta, tf, docDelta, tf, …], fieldId, […], …] per term. */
  index: unknown[][];
}

/** The protected state the postings scorer reads. */
export interface MiniSearchState {
  index: { get(term: string): Map<number, Map<number, number>> | undefined };
  documentCount: number;
  documentIds: Map<number, unknown>;
  fieldIds: Record<string, number>;
  fieldLength: Map<number, number[]>;
  avgFieldLength: number[];
  storedFields: Map<number, Record<string, unknown> | undefined>;
  nextId: number;
  dirtCount: number;
}

export class CompactMiniSearch<T = unknown> extends MiniSearch<T> {
  get state(): MiniSearchState {
    return {
      index: this._index,
      documentCount: this._documentCount,
      documentIds: this._documentIds,
      fieldIds: this._fieldIds,
      fieldLength: this._fieldLength,
      avgFieldLength: this._avgFieldLength,
      storedFields: this._storedFields,
      nextId: this._nextId,
      dirtCount: this._dirtCount,
    };
  }

  toCompact(): CompactSnapshot {
    const documentIds: unknown[] = [];
    const fieldLength: (number[] | null)[] = [];
    const storedFields: (Record<string, unknown> | null)[] = [];
    for (const [shortId, id] of this._documentIds) {
      documentIds.push(shortId, id);
      fieldLength.push(this._fieldLength.get(shortId) ?? null);
      storedFields.push(this._storedFields.get(shortId) ?? null);
    }
    const index: unknown[][] = [];
    for (const [term, fields] of this._index) {
      const entry: unknown[] = [term];
      for (const [fieldId, freqs] of fields) {
        const flat: number[] = [];
        let last = 0;
        for (const [doc, tf] of freqs) {
          flat.push(doc - last, tf);
          last = doc;
        }
        entry.push(fieldId, flat);
      }
      index.push(entry);
    }
    return {
      format: COMPACT_FORMAT,
      documentCount: this._documentCount,
      nextId: this._nextId,
      dirtCount: this._dirtCount,
      fieldIds: this._fieldIds,
      averageFieldLength: this._avgFieldLength,
      documentIds,
      fieldLength,
      storedFields,
      index,
    };
  }

  static fromCompact<T>(snapshot: CompactSnapshot, options: Options<T>): CompactMiniSearch<T> {
    if (snapshot?.format !== COMPACT_FORMAT) throw new Error(`not a ${COMPACT_FORMAT} snapshot`);
    const ms = new CompactMiniSearch<T>(options);
    ms._documentCount = snapshot.documentCount;
    ms._nextId = snapshot.nextId;
    ms._dirtCount = snapshot.dirtCount;
    ms._fieldIds = snapshot.fieldIds;
    ms._avgFieldLength = snapshot.averageFieldLength;
    ms._documentIds = new Map();
    ms._idToShortId = new Map();
    ms._fieldLength = new Map();
    ms._storedFields = new Map();
    for (let i = 0; i < snapshot.documentIds.length; i += 2) {
      const shortId = snapshot.documentIds[i] as number;
      const id = snapshot.documentIds[i + 1];
      ms._documentIds.set(shortId, id);
      ms._idToShortId.set(id, shortId);
      const lengths = snapshot.fieldLength[i / 2];
      if (lengths) ms._fieldLength.set(shortId, lengths);
      const stored = snapshot.storedFields[i / 2];
      if (stored) ms._storedFields.set(shortId, stored);
    }
    for (const entry of snapshot.index) {
      const fields = new Map<number, Map<number, number>>();
      for (let f = 1; f < entry.length; f += 2) {
        const flat = entry[f + 1] as number[];
        const freqs = new Map<number, number>();
        let doc = 0;
        for (let i = 0; i < flat.length; i += 2) {
          doc += flat[i];
          freqs.set(doc, flat[i + 1]);
        }
        fields.set(entry[f] as number, freqs);
      }
      ms._index.set(entry[0] as string, fields);
    }
    return ms;
  }
}
