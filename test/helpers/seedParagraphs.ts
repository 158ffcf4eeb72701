// Test-only stand-in for the ingester: a seed report as paragraphs, one per non-empty line,
// with the light cleaning the real ingester also does (no page-break repair, no sections).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface SeedParagraph {
  id: string;
  text: string;
  sectionPath: string[];
}

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
const SPACE_NEAR = new RegExp(`(?<=[0-9${CJK}])[ \\t\\u00a0\\u3000]+|[ \\t\\u00a0\\u3000]+(?=[0-9${CJK}])`, 'g');

export function cleanLine(line: string): string {
  return line
    .replace(/\*\*/g, '')
    .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/％/g, '%')
    .replace(SPACE_NEAR, '')
    .trim();
}

export function seedParagraphs(reportId: string): SeedParagraph[] {
  const raw = readFileSync(`${SEEDS}${reportId}.txt`, 'utf8');
  return raw
    .split(/\r?\n/)
    .map(cleanLine)
    .filter((line) => line.length > 0)
    .map((text, i) => ({ id: `${reportId}:p${i + 1}`, text, sectionPath: [] }));
}
