import type { Match } from './findMatches.js';

// Stems that with 区/县/市 make a generic word rather than a place name
// (两个区, 示范区, 开发区, 城市 …); matched against the characters before the suffix.
const GENERIC_STEM = /(?:个|所有|全部|其他|其它|示范|开发|功能|产业|工业|核心|中心|试验|先行|城乡|老城|主城|新城|城中|棚户|景|园|社|辖|片|城|都|全|我|本|该|此|上|超|股|楼|集|夜|门|小|校|厂|矿|街|保税|自贸|商务|商|灾|疫|风险|重点)$/u;

// A suffix followed by these is part of a word (区长, 市委, 市场, 区域…), not a place.
const NOT_SUFFIX_BEFORE = /^[长委政场民域级内外划属位块间直辖里]/u;

// Characters no place stem contains but question words do (今年市里…, 这个区…).
const NOT_IN_STEM = /[的了年月是在和与及或这那哪几个些么什有要]/u;

// Where a place name can start: start of text, punctuation, a conjunction or
// a question opener. Requiring a boundary keeps "完成金水区" style false starts out.
const LEAD = '^|[\\s,，、。；;:：!！?？()（）“”"\'和与跟及同比或]|对比|比较|请问|那么|那|还有|查询|查一下|看看|关于';
const PLACE = new RegExp(`(?<=${LEAD})(\\p{Script=Han}{2,4}?)(区|县|市)`, 'gu');

/**
 * A district/county/city the question names that the catalog does not know,
 * e.g. 金水区 in "金水区2024年GDP目标". Known names (`known`) are masked first, so
 * "郑州市金水区" still yields 金水区, and a city right before a known district
 * (平顶山市卫东区) is that district's city, not an unknown place.
 * Only suffixed names are found: a bare 金水 is indistinguishable from other words.
 */
export function detectUnknownPlace(
  folded: string,
  known: readonly Match<unknown>[],
): { name: string; start: number } | undefined {
  // UTF-16 units, like the match offsets.
  const masked = folded.split('');
  for (const m of known) for (let k = m.start; k < m.end; k++) masked[k] = '，';
  const text = masked.join('');
  const re = new RegExp(PLACE);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const [name, stem] = m;
    const start = m.index;
    const end = start + name.length;
    // A rejected candidate may overlap a real one: resume one character later.
    re.lastIndex = start + 1;
    if (GENERIC_STEM.test(stem) || NOT_IN_STEM.test(stem) || NOT_SUFFIX_BEFORE.test(text.charAt(end))) continue;
    // 平顶山市 directly before a masked known district: the district's own city.
    if (m[2] === '市' && known.some((k) => k.start === end)) continue;
    return { name, start };
  }
  return undefined;
}
