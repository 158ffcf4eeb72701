// Metadata a user supplies or corrects for one report: from an upload form, a
// PATCH, or a sidecar file `<id>.meta.json` beside the report. Every field is
// optional; what is given wins over what ingestion reads from the text, and the
// report's field sources then say `sidecar`.
import { z } from 'zod';

export const PLACE_LEVELS = ['province', 'city', 'county'] as const;
/** province: 省/自治区/直辖市; city: 市/州/盟 (地级); county: 区/县/旗/自治县/县级市. */
export const PlaceLevelSchema = z.enum(PLACE_LEVELS);
export type PlaceLevel = z.infer<typeof PlaceLevelSchema>;

const name = z.string().trim().min(1).max(40);

export const MetaOverridesSchema = z
  .object({
    /** The place the report is for, as it names itself: 惠济区, 沛县, 深圳市, 广东省. */
    district: name.optional(),
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
export type MetaOverrides = z.infer<typeof MetaOverridesSchema>;
