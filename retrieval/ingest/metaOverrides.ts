// Metadata a user supplies or corrects for one report: from an upload form, a
// PATCH, or a sidecar file `<id>.meta.json` beside the report. Every field is
// optional; what is given wins over what ingestion reads from the text, and the
// report's field sources then say `sidecar`.
import { z } from 'zod';
import { PlaceLevelSchema } from '../types.js';


const name = z.string().trim().min(1).max(40);

const MetaOverridesObject = z
  .object({
    /** The place the report is for, as it names itself: 惠济区, 沛县, 深圳市, 广东省. */
    place: name.optional(),
    level: PlaceLevelSchema.optional(),
    city: name.optional(),
    province: name.optional(),
    /** ISO delivery date. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    reviewYear: z.number().int().min(1949).max(2100).optional(),
    planYear: z.number().int().min(1949).max(2100).optional(),
    congress: z.string().trim().max(60).optional(),
    speakerName: name.optional(),
    speakerTitle: name.optional(),
    title: z.string().trim().min(1).max(80).optional(),
  })
  .strict();

/**
 * `district` is the name `place` had before reports of every level were covered; sidecars,
 * API calls and scripts written then still send it: it is read as `place` (place wins when both
 * are given). Used by every request schema that has a place.
 */
export function districtAsPlace(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input) || !('district' in input)) return input;
  const { district, ...rest } = input as Record<string, unknown>;
  return 'place' in rest ? rest : { ...rest, place: district };
}

export const MetaOverridesSchema = z.preprocess(districtAsPlace, MetaOverridesObject);
export type MetaOverrides = z.infer<typeof MetaOverridesObject>;
