import { gazetteer, type GazetteerPlace } from '../places/gazetteer.js';
import { LATIN_PLACE, placesByLatin } from '../places/latinForms.js';
import { SELF_REFERENCE_PREFIXES } from '../places/selfReferences.js';
import type { Match } from './findMatches.js';

// Stems that with 区/县/市 make a generic word rather than a place name
// (两个区, 示范区, 开发区, 城市, and the self-references 全区, 我县, 本市 …); matched
// against the characters before the suffix.
const GENERIC_STEM = new RegExp(`(?:个|所有|全部|其他|其它|示范|开发|功能|产业|工业|核心|中心|试验|先行|城乡|老城|主城|新城|城中|棚户|景|园|社|辖|片|城|都|${SELF_REFERENCE_PREFIXES.join('|')}|此|上|超|股|楼|集|夜|门|小|校|厂|矿|街|保税|自贸|商务|商|灾|疫|风险|重点)$`, 'u');

// A suffix followed by these is part of a word (区长, 市委, 市场, 区域…), not a place.
const NOT_SUFFIX_BEFORE = /^[长委政场民域级内外划属位块间直辖里城]/u;

// Characters no place stem contains but question words do (今年市里…, 这个区…).
const NOT_IN_STEM = /[的了年月是在和与及或这那哪几个些么什有要]/u;

// Where a place name can start: start of text, punctuation, a conjunction or
// a question opener. Requiring a boundary keeps "完成金水区" style false starts out.
const LEAD_CHARS = /[\s,，、。；;:：!！?？()（）“”"'和与跟及同比或在]/u;
const LEAD_WORDS = ['对比', '比较', '请问', '那么', '那', '还有', '查询', '查一下', '看看', '关于', '问一下', '我想知道'];
const PLACE = new RegExp(`(?<=^|${LEAD_CHARS.source}|${LEAD_WORDS.join('|')})(\\p{Script=Han}{2,4}?)(区|县|市|旗|州|盟|省)`, 'gu');

/** Longest place name form the gazetteer holds (鄂尔多斯市 and longer autonomous names). */
const MAX_FORM = 14;
/** A bare name (马边, 郑州) ends before these; any other Han character may continue a word (中山路). */
const BARE_END = /^(?:$|[\d\sa-z,，、。；;:：!！?？()（）“”"'的和与跟及同比在里呢吗去今明前上本全这那]|政府|人民|报告)/u;

export interface UnknownPlace {
  name: string;
  start: number;
  end: number;
  /** The division, when the gazetteer knows it. */
  place?: GazetteerPlace;
}

/**
 * Places the question names that the catalog does not know, in text order:
 * every division in the gazetteer, in full (沛县, 马边彝族自治县), with its suffix
 * (马边县) or bare after a boundary (马边2024年…), and any other Han name ending in
 * 区/县/市/旗 after a boundary (a division the gazetteer lacks). Known names
 * (`known`) are masked first, so "郑州市金水区" still yields 金水区.
 */
export function detectUnknownPlaces(folded: string, known: readonly Match<unknown>[], original: string = folded): UnknownPlace[] {
  // UTF-16 units, like the match offsets.
  const masked = folded.split('');
  for (const m of known) for (let k = m.start; k < m.end; k++) masked[k] = '，';
  const text = masked.join('');
  const out: UnknownPlace[] = [];
  const taken = (s: number, e: number) => out.some((u) => s < u.end && e > u.start);

  const byForm = gazetteer().byForm;
  for (let i = 0; i < text.length; i++) {
    for (let len = Math.min(MAX_FORM, text.length - i); len >= 2; len--) {
      const form = text.slice(i, i + len);
      const places = byForm.get(form);
      if (!places) continue;
      const end = i + len;
      const full = places.some((p) => p.name === form);
      const lead = i === 0 || LEAD_CHARS.test(text[i - 1]) || LEAD_WORDS.some((w) => text.slice(0, i).endsWith(w));
      const ok = full
        ? !NOT_SUFFIX_BEFORE.test(text.slice(end)) && (lead || /[的是到]/u.test(text[i - 1]) || len >= 3)
        : lead && BARE_END.test(text.slice(end));
      if (!ok || taken(i, end)) continue;
      out.push({ name: form, start: i, end, place: places.find((p) => p.name === form) ?? places[0] });
      i = end - 1;
      break;
    }
  }

  // An English question's places in pinyin (Shanghai, Pei County), whole words only. A bare
  // word must be capitalised as a name is: pinyin can spell an English word (guide, 贵德县).
  if (/[a-z]{3}/u.test(text)) {
    const byLatin = placesByLatin();
    for (const m of text.matchAll(LATIN_PLACE)) {
      const word = m[0].split(' ')[0];
      // With its division's word (guide county) it is a name whatever its case.
      const whole = m[0] !== word ? byLatin.get(m[0]) : undefined;
      const start = m.index!;
      const place = whole ?? (/[A-Z]/u.test(original.charAt(start)) ? byLatin.get(word) : undefined);
      const end = start + (whole ? m[0].length : word.length);
      if (place && !taken(start, end)) out.push({ name: place.name, start, end, place });
    }
  }

  const re = new RegExp(PLACE);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const [name, stem] = m;
    const start = m.index;
    const end = start + name.length;
    // A rejected candidate may overlap a real one: resume one character later.
    re.lastIndex = start + 1;
    if (GENERIC_STEM.test(stem) || NOT_IN_STEM.test(stem) || NOT_SUFFIX_BEFORE.test(text.charAt(end)) || taken(start, end)) continue;
    out.push({ name, start, end });
  }
  return out.sort((a, b) => a.start - b.start);
}
