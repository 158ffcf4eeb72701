// Metadata a user supplies or corrects for one report: from an upload form, a
// PATCH, or a sidecar file `<id>.meta.json` beside the report. Every field is
// optional; what is given wins over what ingestion reads from the text, and the
// report's field sources then say `sidecar`.
import { z } from 'zod';
import { PlaceLevelSchema } from '../types.js';


const name = z.string().trim().min(1).max(40);

/** A day that exists, in the years reports are read for: 2024-02-29 is one; 2024-02-30, 2024-13-45 and 0000-00-00 are not. */
export function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, month, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1949 || y > 2100) return false;
  const day = new Date(Date.UTC(y, month - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === month - 1 && day.getUTCDate() === d;
}

const MetaOverridesObject = z
  .object({
    /** The place the report is for, as it names itself: 惠济区, 沛县, 深圳市, 广东省. */
    place: name.optional(),
    level: PlaceLevelSchema.optional(),
    city: name.optional(),
    province: name.optional(),
    /** ISO delivery date. */
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, '日期须写作 年-月-日，如 2024-01-18')
      .refine(isCalendarDate, '没有这一天：日期须是 1949–2100 年间存在的日期，如 2024-01-18')
      .optional(),
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
