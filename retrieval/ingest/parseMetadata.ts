// Reads a report's metadata from its own text by a chain of readers, each field
// recording where it came from: the cover (delivery and speaker lines), the title,
// cues in the body (我代表某县人民政府, 2023年工作回顾), the file name, the gazetteer
// (parents of a place) or the user's own correction (sidecar). The place is weighed
// over the whole text (readPlace.ts) and comes with its evidence and confidence; a
// doubtful one is a warning. A report needs a body and something that names a place
// to load; any other missing field is a warning, never a refusal.
import { gazetteer, resolvePlace } from '../places/gazetteer.js';
import { levelFromSuffix } from '../places/placeForms.js';
import type { PlaceLevel, ReportMeta } from '../types.js';
import type { MetaOverrides } from './metaOverrides.js';
import { congressFromText, readDeliveryLine } from './readDeliveryLine.js';
import { readPlace } from './readPlace.js';
import { readSpeaker } from './readSpeaker.js';
import { readYears } from './readYears.js';

export class ReportParseError extends Error {}

export type MetaSource = 'cover' | 'title' | 'body' | 'fileName' | 'sidecar' | 'gazetteer' | 'default';

export interface MetadataInput {
  id: string;
  sourceFile: string;
  encoding: string;
  cover: string[];
  /** Every line before the speech that metadata may read: the cover and any summary that repeats it. Default: the cover. */
  front?: string[];
  body: string[];
  script?: 'simplified' | 'traditional';
  overrides?: MetaOverrides;
}

/** Lines searched for the delivery and speaker lines beyond the cover: a web page may put them after the text. */
const FRONT_LINES = 12;
const TAIL_LINES = 6;

export function parseMetadata(input: MetadataInput): Omit<ReportMeta, 'paragraphCount'> {
  const { cover, body } = input;
  const o = input.overrides ?? {};
  const sources: Record<string, MetaSource> = {};
  const warnings: string[] = [];
  const set = <T>(field: string, value: T | undefined, source: MetaSource): T | undefined => {
    if (value !== undefined && value !== '' && sources[field] === undefined) sources[field] = source;
    return value === '' ? undefined : value;
  };

  const readable = input.front ?? cover;
  const front = [...readable, ...body.slice(0, FRONT_LINES)];
  const tail = body.slice(-TAIL_LINES);
  const inCover = (line: number) => line < readable.length;

  const frontDelivery = readDeliveryLine(front);
  const delivery = frontDelivery ?? readDeliveryLine(tail);
  const deliverySource: MetaSource = frontDelivery && inCover(frontDelivery.line) ? 'cover' : 'body';
  const frontSpeaker = readSpeaker(front);
  const speaker = frontSpeaker ?? readSpeaker(tail);
  const speakerSource: MetaSource = frontSpeaker && inCover(frontSpeaker.line) ? 'cover' : 'body';
  const titleLine = pickTitle([...cover, ...body.slice(0, 3)]);

  // Place: by weight of evidence (readPlace.ts); the user's word wins.
  const reading = readPlace({
    front: readable,
    body,
    sourceFile: input.sourceFile,
    delivery: delivery?.place ? { place: delivery.place, source: deliverySource === 'cover' ? 'cover' : 'body' } : undefined,
    speaker: speaker ? { place: speaker.place, title: speaker.title, source: speakerSource === 'cover' ? 'cover' : 'body' } : undefined,
  });
  const placeName = set('place', o.place, 'sidecar') ?? set('place', reading?.name, reading?.source ?? 'body');
  if (!placeName) throw new ReportParseError('找不到报告所属的地方（封面、署名、标题和正文都没有写明；可在上传时或 <编号>.meta.json 中填写 place）');
  const statedParents = o.place ? [] : (reading?.statedParents ?? []);
  const allText = body.join('\n');
  const placeConfidence = o.place ? 'high' : reading!.confidence;
  if (placeConfidence === 'low') {
    warnings.push(`报告所属的地方“${placeName}”是推断的，把握不大（${reading!.evidence.join('；')}）；如有误，可在上传时或 <编号>.meta.json 中填写 place`);
  }

  // Parents: stated beside the place (郑州市惠济区), else the gazetteer, disambiguated by the text.
  const place = resolvePlace(placeName, parentHints(placeName, [...statedParents, ...cover], allText));
  const stated = statedParents.map((n) => ({ n, level: resolvePlace(n)?.level ?? levelFromSuffix(n) }));
  const statedCity = stated.find((s) => s.level === 'city')?.n;
  const statedProvince = stated.find((s) => s.level === 'province')?.n;
  let city = set('city', o.city, 'sidecar') ?? set('city', statedCity, 'cover');
  let province = set('province', o.province, 'sidecar') ?? set('province', statedProvince, 'cover');
  // "新乡市红旗区" in the body says which city, even when the cover does not.
  if (!city) city = set('city', cityStatedBefore(placeName, allText, place?.city), 'body');
  // A province's report is its own province.
  if (!province && (place?.level ?? levelFromSuffix(placeName)) === 'province') province = set('province', placeName, 'default');
  if (place) {
    if (!city && place.level === 'county' && place.city && place.city !== placeName) city = set('city', place.city, 'gazetteer');
    if (!province && place.level !== 'province' && place.province && place.province !== placeName) province = set('province', place.province, 'gazetteer');
  }
  const level: PlaceLevel | undefined =
    set('level', o.level, 'sidecar') ?? set('level', place?.level, 'gazetteer') ?? set('level', levelFromTitle(speaker?.title) ?? levelFromSuffix(placeName), 'default');

  // Date, years.
  const date = set('date', o.date, 'sidecar') ?? set('date', delivery?.date, deliverySource);
  const years = readYears(body, date);
  const reviewYear = set('reviewYear', o.reviewYear, 'sidecar') ?? set('reviewYear', years.reviewYear, years.source);
  const planYear = set('planYear', o.planYear, 'sidecar') ?? set('planYear', years.planYear, years.source);
  const finalReview = reviewYear ?? (planYear !== undefined ? planYear - 1 : undefined);
  const finalPlan = planYear ?? (reviewYear !== undefined ? reviewYear + 1 : undefined);
  if (finalReview === undefined || finalPlan === undefined) throw new ReportParseError('找不到报告的年份（没有报告日期，也没有“某年工作回顾”“今年主要预期目标”一类的说法；可在 <编号>.meta.json 中填写 planYear）');

  const congress =
    set('congress', o.congress, 'sidecar') ??
    set('congress', delivery?.congress, deliverySource) ??
    set('congress', congressFromText(cover.join('')), 'cover') ??
    '';
  const speakerName = set('speaker', o.speakerName, 'sidecar') ?? set('speaker', speaker?.name, speakerSource);
  const speakerTitle = o.speakerTitle ?? speaker?.title ?? headTitleOf(placeName, level);
  const title = set('title', o.title, 'sidecar') ?? set('title', titleLine?.replace(/\s/g, ''), 'title') ?? '政府工作报告';
  if (input.script) sources.script = 'body';

  if (!date) warnings.push('没有找到报告日期（“——某年某月某日在…会议上”）');
  if (!speakerName) warnings.push('没有找到报告人（如“某县人民政府县长 某某”）');
  if (!congress) warnings.push('没有找到会议届次');
  if (level !== 'province' && !province) warnings.push('没有找到所属省份');
  if (level === 'county' && !city) warnings.push('没有找到所属城市');
  if (years.source === 'default' && !o.planYear && !o.reviewYear) warnings.push('年份由报告日期推定');

  const meta: Omit<ReportMeta, 'paragraphCount'> = {
    id: input.id,
    title,
    place: placeName,
    placeConfidence,
    placeEvidence: o.place ? ['用户填写'] : reading!.evidence,
    date,
    congress,
    speaker: { title: speakerTitle, name: speakerName ?? '' },
    reviewYear: finalReview,
    planYear: finalPlan,
    sourceFile: input.sourceFile,
    encoding: input.encoding,
    sources,
    warnings,
  };
  if (city) meta.city = city;
  if (province) meta.province = province;
  if (level) meta.level = level;
  if (input.script) meta.script = input.script;
  return meta;
}

/** The title line: the first that names a place or a year, else the first at all ("工作报告" over a page's title is a label). */
function pickTitle(lines: readonly string[]): string | undefined {
  const titles = lines.filter((l) => /工作报告$/u.test(l) && l.length <= 60);
  return titles.find((l) => /\d{4}年|[省市区县旗州盟]/u.test(l.replace(/(?:人民)?政府工作报告$|工作报告$/u, ''))) ?? titles[0];
}

function levelFromTitle(title: string | undefined): PlaceLevel | undefined {
  if (!title) return undefined;
  if (/省长|主席/u.test(title)) return 'province';
  if (/州长|盟长/u.test(title)) return 'city';
  if (/区长|县长|旗长/u.test(title)) return 'county';
  return undefined;
}

/** Names of the candidate parents that the text mentions, to tell 鼓楼区 of one city from another's. */
function parentHints(name: string, stated: string[], text: string): string[] {
  const candidates = gazetteer().byForm.get(name) ?? [];
  if (candidates.length <= 1) return stated;
  const hints = [...stated];
  for (const p of candidates) {
    for (const parent of [p.city, p.province]) {
      if (parent && !hints.includes(parent) && text.includes(parent.replace(/(市|省|自治区)$/u, ''))) hints.push(parent);
    }
  }
  return hints;
}

/** A city written right before the place (新乡市红旗区): the gazetteer's parent, or any city name it knows. */
function cityStatedBefore(place: string, text: string, expected: string | undefined): string | undefined {
  const m = new RegExp(`([\\p{Script=Han}]{2,8}?[市州盟])${place}`, 'u').exec(text);
  if (!m) return undefined;
  const byForm = gazetteer().byForm;
  for (let k = 0; k < m[1].length - 1; k++) {
    const cand = m[1].slice(k);
    if (expected ? cand === expected : byForm.get(cand)?.some((p) => p.name === cand && p.level === 'city')) return cand;
  }
  return undefined;
}

/** The head of government a place's name implies: 沛县 → 县长, 乌拉特中旗 → 旗长, 宁夏回族自治区 → 主席. */
function headTitleOf(name: string, level: PlaceLevel | undefined): string {
  if (/自治区$/u.test(name)) return '主席';
  if (level === 'province') return '省长';
  const suffix = /(区|县|市|旗|州|盟)$/u.exec(name)?.[1];
  return suffix ? `${suffix}长` : '';
}
