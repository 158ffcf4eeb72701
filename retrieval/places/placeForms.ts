// The ways a place is named: in full (马边彝族自治县), with its generic suffix
// (马边县) and bare (马边). Questions use all three; reports mostly the first.
import type { PlaceLevel } from '../ingest/metaOverrides.js';

/** Ethnic designations before 自治县/自治旗/自治州/自治区: one or more "…族" names. */
const AUTONOMOUS = /^(.+?)((?:[\p{Script=Han}]{1,6}?族)+)自治(县|旗|州|区)$/u;
/** Generic suffixes, longest first. */
const SUFFIX = /(特别行政区|自治区|地区|新区|林区|特区|省|市|区|县|旗|州|盟)$/u;

/** 马边彝族自治县 → [马边彝族自治县, 马边县, 马边]; 沛县 → [沛县]; 深圳市 → [深圳市, 深圳]. */
export function placeForms(name: string): string[] {
  const out = [name];
  const add = (f: string) => {
    if (f.length >= 2 && !out.includes(f)) out.push(f);
  };
  const auto = AUTONOMOUS.exec(name);
  if (auto) {
    const [, stem, , kind] = auto;
    add(stem + (kind === '区' ? '' : kind));
    add(stem);
    return out;
  }
  const m = SUFFIX.exec(name);
  if (m) add(name.slice(0, -m[1].length));
  return out;
}

/** The level a name's own suffix implies; 市 is read as a prefecture-level city unless the gazetteer knows better. */
export function levelFromSuffix(name: string): PlaceLevel | undefined {
  if (/(省|自治区|特别行政区)$/u.test(name)) return 'province';
  if (/(市|州|盟|地区)$/u.test(name)) return 'city';
  if (/(区|县|旗)$/u.test(name)) return 'county';
  return undefined;
}

/** 区长/县长/市长/省长/旗长/州长/盟长/主席 (自治区): the head of government a level has. */
export const HEAD_TITLE = '(?:代理)?代?(?:区长|县长|市长|省长|旗长|州长|盟长|主席)';
