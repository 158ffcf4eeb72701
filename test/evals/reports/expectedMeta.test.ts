// evals/reports/expected-meta.json must describe exactly the synthetic reports
// beside it, in the documented shape, and agree with their texts: the place,
// the date, the years and the speaker it records are written in the report.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const DIR = fileURLToPath(new URL('../../../evals/reports/', import.meta.url));

const MetaSchema = z
  .object({
    place: z.string().min(2),
    level: z.enum(['province', 'city', 'county']),
    city: z.string().nullable(),
    province: z.string().nullable(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    reviewYear: z.number().int(),
    planYear: z.number().int(),
    script: z.enum(['simplified', 'traditional']),
    speakerTitle: z.string().min(2),
    speakerName: z.string().min(2).nullable(),
  })
  .strict();

const meta = z.record(z.string(), MetaSchema).parse(JSON.parse(readFileSync(`${DIR}expected-meta.json`, 'utf8')));
const ids = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.replace(/\.txt$/, ''))
  .sort();
const text = (id: string) => readFileSync(`${DIR}${id}.txt`, 'utf8');

describe('evals/reports/expected-meta.json', () => {
  it('has one entry per report in evals/reports/', () => {
    expect(Object.keys(meta).sort()).toEqual(ids);
  });

  it('agrees with the texts', () => {
    const failures: string[] = [];
    for (const [id, m] of Object.entries(meta)) {
      const t = text(id);
      if (!t.includes(m.place)) failures.push(`${id}: district ${m.place} not in the text`);
      if (m.date) {
        const [y, mo, d] = m.date.split('-').map(Number);
        if (!t.includes(`${y}年${mo}月${d}日`)) failures.push(`${id}: date ${m.date} not written in the text`);
      }
      if (!t.includes(`${m.reviewYear}年`)) failures.push(`${id}: review year ${m.reviewYear} not in the text`);
      if (!t.includes(`${m.planYear}年`)) failures.push(`${id}: plan year ${m.planYear} not in the text`);
      if (m.planYear !== m.reviewYear + 1) failures.push(`${id}: plan year should follow the review year`);
      if (m.speakerName && !t.includes(m.speakerName)) failures.push(`${id}: speaker ${m.speakerName} not in the text`);
      if (m.speakerName && !new RegExp(`${m.speakerTitle}\\s*${m.speakerName}`).test(t)) failures.push(`${id}: ${m.speakerTitle} ${m.speakerName} not written together`);
      if ((m.level === 'province') !== (m.city === null && m.province === m.place)) failures.push(`${id}: a province report has no city and is its own province`);
      if (m.level === 'county' && m.city === null) failures.push(`${id}: a county-level report has a parent city`);
    }
    expect(failures).toEqual([]);
  });

  it('covers the shapes the generalisation set needs', () => {
    const all = Object.values(meta);
    expect(all.filter((m) => m.level === 'province').length).toBeGreaterThanOrEqual(1);
    expect(all.filter((m) => m.level === 'city').length).toBeGreaterThanOrEqual(1);
    expect(all.some((m) => m.script === 'traditional')).toBe(true);
    expect(all.some((m) => m.date === null)).toBe(true);
    expect(all.some((m) => /^\d{4}-12-/.test(m.date ?? ''))).toBe(true);
    expect(all.some((m) => m.planYear < 2015)).toBe(true);
    expect(all.some((m) => /旗$/.test(m.place))).toBe(true);
    expect(all.some((m) => /自治县$/.test(m.place))).toBe(true);
    expect(all.some((m) => /^.县$/.test(m.place))).toBe(true);
    expect(all.some((m) => /[城山]区$/.test(m.place))).toBe(true);
    expect(new Set(all.map((m) => m.province)).size).toBeGreaterThanOrEqual(3);
    expect(ids.some((id) => !text(id).includes('\n'))).toBe(true);
  });
});
