// How English questions write a place: its pinyin, without tones or spaces
// (惠济区 → huiji, 沛县 → peixian, 四川省 → sichuan). pinyin-pro reads polyphones
// in place names correctly (重庆 → chongqing, 长沙 → changsha).
import { pinyin } from 'pinyin-pro';
import { gazetteer, type GazetteerPlace } from './gazetteer.js';
import { placeForms } from './placeForms.js';

const memo = new Map<string, string[]>();
/** The English words official translations use for each kind of division. */
const ENGLISH_SUFFIX: [RegExp, string][] = [
  [/自治区$/u, 'region'],
  [/省$/u, 'province'],
  [/市$/u, 'city'],
  [/区$/u, 'district'],
  [/县$/u, 'county'],
  [/旗$/u, 'banner'],
  [/州$/u, 'prefecture'],
  [/盟$/u, 'league'],
];
/** Shorter pinyin matches English words by accident (an, pei, shan …). */
const MIN_LATIN = 5;

/**
 * Divisions whose English name is not their pinyin: 西藏 is Tibet, 内蒙古 Inner Mongolia; 陕西 is
 * spelled Shaanxi, since its pinyin is 山西's (Shanxi). `only`: the pinyin does not name it.
 */
const EXONYMS: Readonly<Record<string, { names: readonly string[]; only?: boolean }>> = {
  西藏自治区: { names: ['tibet'] },
  内蒙古自治区: { names: ['inner mongolia'] },
  陕西省: { names: ['shaanxi'], only: true },
  香港特别行政区: { names: ['hong kong'] },
  澳门特别行政区: { names: ['macao', 'macau'] },
};
const MULTI_WORD = [...new Set(Object.values(EXONYMS).flatMap((e) => e.names.filter((n) => n.includes(' '))))];

/** A place as an English question writes it, in folded (lower-case) text: huiji, pei county, inner mongolia, inner words whole. */
export const LATIN_PLACE = new RegExp(`(?:${[...MULTI_WORD, '[a-z]+'].join('|')})(?: (?:region|province|city|district|county|banner|prefecture|league))?`, 'gu');

/** The bare name's pinyin, and the full name's when the bare name is one character (沛县 → peixian). */
export function latinForms(name: string): string[] {
  const hit = memo.get(name);
  if (hit) return hit;
  const forms = placeForms(name);
  const bare = forms[forms.length - 1];
  const out = new Set<string>();
  const exonym = EXONYMS[name];
  for (const n of exonym?.names ?? []) out.add(n);
  if (exonym?.only) {
    const list = [...out];
    memo.set(name, list);
    return list;
  }
  const spell = (s: string) => pinyin(s, { toneType: 'none', type: 'array' }).join('').toLowerCase();
  for (const f of [bare, ...(bare === name ? [name] : [])]) {
    const latin = spell(f);
    if (/^[a-z]+$/u.test(latin) && latin.length >= MIN_LATIN) out.add(latin);
  }
  // "Pei County", "Huiji District": the stem's pinyin and the English word for the suffix.
  const suffix = ENGLISH_SUFFIX.find(([re]) => re.test(name));
  const stem = name.replace(/(?:自治)?(?:特别行政区|省|市|区|县|旗|州|盟)$/u, '');
  if (suffix && stem && stem !== name) {
    const latin = spell(bare !== name ? bare : stem);
    if (/^[a-z]+$/u.test(latin)) out.add(`${latin} ${suffix[1]}`);
  }
  const list = [...out];
  memo.set(name, list);
  return list;
}

/** The English words for a division, as official translations capitalise them in a name. */
const ENGLISH_DIVISION: [RegExp, string][] = [
  [/自治区$/u, 'Autonomous Region'],
  [/自治县$/u, 'Autonomous County'],
  [/自治州$/u, 'Autonomous Prefecture'],
  [/自治旗$/u, 'Autonomous Banner'],
  ...ENGLISH_SUFFIX.map(([re, word]): [RegExp, string] => [re, word[0].toUpperCase() + word.slice(1)]),
];

/** A place's name in English answers: its bare name in pinyin and its division (惠济区 → Huiji District, 沛县 → Pei County). */
export function englishPlaceName(name: string): string {
  const exonym = EXONYMS[name]?.names[0];
  if (exonym) {
    const spelled = exonym.replace(/\b[a-z]/gu, (c) => c.toUpperCase());
    const division = ENGLISH_DIVISION.find(([re]) => re.test(name))?.[1];
    return division && !/特别行政区$/u.test(name) ? `${spelled} ${division}` : spelled;
  }
  const forms = placeForms(name);
  // A one-character stem is not a name on its own in Chinese (沛县, not 沛), but is in English (Pei County).
  const bare = forms.length > 1 ? forms[forms.length - 1] : /^\p{Script=Han}(?:县|区|市|旗)$/u.test(name) ? name.slice(0, 1) : name;
  const latin = pinyin(bare, { toneType: 'none', type: 'array' }).join('');
  const spelled = latin ? latin[0].toUpperCase() + latin.slice(1).toLowerCase() : name;
  const division = bare === name ? undefined : ENGLISH_DIVISION.find(([re]) => re.test(name))?.[1];
  return division ? `${spelled} ${division}` : spelled;
}

let byLatin: Map<string, GazetteerPlace> | undefined;
/**
 * Every division of the gazetteer by its Latin forms (shanghai, zhengzhou, pei county),
 * for English questions about places no report covers. Provinces, then cities, then
 * counties: a form two places share names the larger. Built on the first English question.
 */
export function placesByLatin(): ReadonlyMap<string, GazetteerPlace> {
  if (byLatin) return byLatin;
  byLatin = new Map();
  for (const p of gazetteer().places) for (const latin of latinForms(p.name)) if (!byLatin.has(latin)) byLatin.set(latin, p);
  return byLatin;
}
