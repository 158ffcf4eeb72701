import type { CatalogEntry } from './catalog.js';
import { detectUnknownPlace } from './detectUnknownPlace.js';
import { findMatches, type Match } from './findMatches.js';
import { placeNames, type PlaceName } from './placeNames.js';

export interface DistrictMention {
  /** Canonical district names in order of first mention. */
  districts: string[];
  /** The question asks about every district (两个区, 各区, 哪个区…). */
  all: boolean;
  /** A district/county/city named that the catalog does not cover (金水区), or a city named as a whole (新乡市). */
  unknownPlace?: string;
  /** Where known place names were found (for follow-up detection). */
  spans: Match<PlaceName>[];
}

// 全区/我区/本区 mean "this district", not "all districts", so they are not here.
const ALL_DISTRICTS = /(?:[两三四五六几各每哪]|所有|全部|这些|这几|那几|哪些)个?区(?!域|位|间|块|划)|区之间|各地区/u;

/**
 * Districts a question names: by district name with or without 区 (惠济区/惠济), or
 * by city (郑州 → the catalog's districts in 郑州市). Names come from the catalog,
 * so a report for another district is understood without code changes.
 */
export function detectDistricts(folded: string, catalog: readonly CatalogEntry[]): DistrictMention {
  let spans = findMatches(
    folded,
    placeNames(catalog).map((p) => ({ form: p.form, value: p })),
  );
  const unknown = detectUnknownPlace(folded, spans);
  // 郑州市金水区: the city only says where 金水区 is; it does not ask about 惠济区.
  if (unknown) spans = spans.filter((s) => !(s.value.kind === 'city' && s.end === unknown.start));

  const districts: string[] = [];
  for (const m of spans) for (const d of m.value.districts) if (!districts.includes(d)) districts.push(d);
  const all = ALL_DISTRICTS.test(folded);
  if (all) {
    const listed = new Set(districts);
    for (const r of catalog) {
      if (listed.has(r.district)) continue;
      listed.add(r.district);
      districts.push(r.district);
    }
  }
  const out: DistrictMention = { districts, all, spans };
  if (unknown) out.unknownPlace = unknown.name;
  else {
    // 新乡市2024年GDP目标 / 郑州市市长: the city itself is the subject, and no report
    // speaks for a whole city. Its districts are still selected (the nearest thing the
    // reports cover) but the city is reported as not covered, so the answer can say so.
    // The bare 郑州/新乡 is left alone: users say it of the district as often as not.
    const city = spans.find((s) => s.value.kind === 'city' && s.value.form.endsWith('市'));
    const namesItsDistrict = spans.some((s) => s.value.kind === 'district');
    if (city && !namesItsDistrict && !all) out.unknownPlace = city.value.form;
  }
  return out;
}
