// Applies user-supplied metadata (upload form, PATCH, sidecar) to a report's
// metadata. Stopgap until ingestReport applies IngestSource.overrides itself;
// then delete this file and its one call in ingestFile.ts (applying twice is harmless).
import type { MetaOverrides } from './ingest/metaOverrides.js';
import type { ReportMeta } from './types.js';

export function applyOverrides(meta: ReportMeta, o: MetaOverrides | undefined): ReportMeta {
  if (!o || Object.keys(o).length === 0) return meta;
  const { speakerName, speakerTitle, ...plain } = o;
  const out: ReportMeta = { ...meta, ...plain, speaker: { name: speakerName ?? meta.speaker.name, title: speakerTitle ?? meta.speaker.title } };
  const sources = { ...meta.sources };
  for (const k of Object.keys(o)) sources[k] = 'sidecar';
  return { ...out, sources };
}
