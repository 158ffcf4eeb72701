// Reads a report's metadata from its own text: no hand-written table, so any
// further report dropped into seeds/ is described the same way.
import type { ReportMeta } from '../types.js';

export class ReportParseError extends Error {}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export interface MetadataInput {
  id: string;
  sourceFile: string;
  encoding: string;
  cover: string[];
  body: string[];
}

export function parseMetadata(input: MetadataInput): Omit<ReportMeta, 'paragraphCount'> {
  const { cover, body } = input;
  const coverText = cover.join('\n');
  const head = cover.concat(body.slice(0, 3)).join('\n');

  const title = (cover.find((l) => /工作报告$/.test(l)) ?? '政府工作报告').replace(/\s/g, '');

  const dateMatch = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(coverText) ?? /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(head);
  if (!dateMatch) throw new ReportParseError('找不到报告日期（如“——2024年1月22日在…会议上”）');
  const year = Number(dateMatch[1]);
  const date = `${dateMatch[1]}-${dateMatch[2].padStart(2, '0')}-${dateMatch[3].padStart(2, '0')}`;

  const speakerMatch = /([\p{Script=Han}]{1,8}?[区县市])人民政府((?:代理)?[区县市]长|代[区县市]长)\s*([\p{Script=Han}·]{2,4})\s*$/mu.exec(coverText);
  const placeMatch = /在((?:[\p{Script=Han}]{2,4}?市)?)([\p{Script=Han}]{1,4}?[区县])第/u.exec(coverText);
  const district = placeMatch?.[2] ?? speakerMatch?.[1];
  if (!district) throw new ReportParseError('找不到报告所属的区县（日期行或署名行）');

  // The city, where stated: on the date line, or anywhere as "新乡市红旗区".
  let city = placeMatch?.[1] || undefined;
  if (!city) {
    const all = body.join('\n');
    city = new RegExp(`([\\p{Script=Han}]{2,3}市)${district}`, 'u').exec(all)?.[1];
  }

  const congress =
    /(第[一二三四五六七八九十]+届人民代表大会第[一二三四五六七八九十]+次会议)/.exec(coverText.replace(/\n/g, ''))?.[1] ??
    congressFromDocNumber(coverText) ??
    '';

  const speaker = speakerMatch ? { title: speakerMatch[2], name: speakerMatch[3] } : { title: '', name: '' };

  // The reviewed year is named by the first review heading ("一、2023年工作回顾");
  // the plan year by the heading that sets goals ("2024年工作总体要求", "2017年的工作目标").
  const headings = body.filter((l) => /^[一二三四五六七八九十]+、/.test(l));
  const reviewYear = firstYear(headings, /(\d{4})年(?:的)?工作回顾/) ?? year - 1;
  const planYear = firstYear(headings, /(\d{4})年(?:的)?(?:政府)?工作(?:总体要求|目标|安排|重点|任务)|(\d{4})年(?:总体要求|重点工作)/) ?? year;

  return {
    id: input.id,
    title,
    district,
    city,
    date,
    congress,
    speaker,
    reviewYear,
    planYear,
    sourceFile: input.sourceFile,
    encoding: input.encoding,
  };
}

function firstYear(lines: string[], re: RegExp): number | undefined {
  for (const l of lines) {
    const m = re.exec(l);
    if (m) return Number(m[1] ?? m[2]);
  }
  return undefined;
}

/** "区十一届人大四次会议文件" → 第十一届人民代表大会第四次会议 */
function congressFromDocNumber(text: string): string | undefined {
  const m = /([一二三四五六七八九十]+)届人大([一二三四五六七八九十]+)次会议/.exec(text);
  if (!m || !m[1].split('').every((c) => c in CN_DIGITS)) return undefined;
  return `第${m[1]}届人民代表大会第${m[2]}次会议`;
}
