// A quantity record: one number stated in one clause of one report, typed. Every
// figure the product shows comes from such a record, and every record points back
// to the exact characters it was read from.
import { z } from 'zod';
import { SpanSchema } from '../types.js';

/**
 * What the number measures. level: an amount (157.5亿元); growth: a rate of change (增长7.1%);
 * share: a part of a whole (占比81.7%); rate: a ratio stated as a level (失业率5.5%, 研发投入强度2.1%);
 * count: things counted (43个起降点); perCapita: an amount per person (人均可支配收入4.08万元);
 * rank: a position (居全市第3位); difference: a gap to something else (高于全市2.4个百分点);
 * multiple: a factor (翻一番, 2.3倍); ratio: parts of a whole written a:b:c (三次产业结构比1:22:77, value null).
 */
export const QuantityMeasureSchema = z.enum(['level', 'growth', 'share', 'rate', 'count', 'perCapita', 'rank', 'difference', 'multiple', 'ratio']);
export type QuantityMeasure = z.infer<typeof QuantityMeasureSchema>;

/** target: planned; actual: an outcome; estimate: 预计; cumulative: over several years (五年来, 累计, 年均). */
export const QuantityKindSchema = z.enum(['target', 'actual', 'estimate', 'cumulative']);
export type QuantityKind = z.infer<typeof QuantityKindSchema>;

/** The part of the report a paragraph sits in. */
export const ReportPartSchema = z.enum(['cover', 'review', 'fiveYear', 'plan']);
export type ReportPart = z.infer<typeof ReportPartSchema>;

export const QuantityRecordSchema = z.object({
  reportId: z.string(),
  paragraphId: z.string(),
  place: z.string(),
  part: ReportPartSchema,
  kind: QuantityKindSchema,
  /** Years the figure is about (one, or the span of a multi-year figure). */
  years: z.array(z.number().int()),
  /** Normalised value in `unit` (百分之七 → 7 with unit %); null for figure-less targets (与经济增长同步). */
  value: z.number().nullable(),
  /** The unit as written after normalising the numeral: 亿元, %, 个, 万人, 个百分点, 倍, 位 … ('' when none). */
  unit: z.string(),
  /** The number and unit as written: 5901亿元, 百分之七, 三成, 两万余人. */
  written: z.string(),
  /** 左右 / 以上 / 以内 / 以下 / 同比 / 同口径 / 累计 / 年均 / 预计 / 多 / 余 / 约 / 近 / 不低于 … */
  qualifiers: z.array(z.string()),
  measure: QuantityMeasureSchema,
  /** What the number is of, read on both sides of it: 地区生产总值, 新增起降点, 推进重点项目建设. */
  subject: z.string(),
  /** The words joining subject and number as written: 增长, 同比增长, 保持, 控制在 ('' when none). */
  link: z.string(),
  /** Ranks and comparisons (居全市第3位, 高于全市平均水平2.4个百分点): not a figure of the subject itself. */
  comparison: z.boolean(),
  /** Exact span of `written` in the paragraph text. */
  span: SpanSchema,
  /** The statement: from where its subject is written to the end of the figure, or of the noun a count counts (what an answer quotes and highlights). */
  statement: SpanSchema,
});
export type QuantityRecord = z.infer<typeof QuantityRecordSchema>;
