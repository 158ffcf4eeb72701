import { resolvePlace } from '../places/gazetteer.js';
import { LATIN_PLACE, latinForms } from '../places/latinForms.js';
import { placeForms } from '../places/placeForms.js';
import type { CatalogEntry } from './catalog.js';
import { detectUnknownPlaces } from './detectUnknownPlace.js';
import { findMatches, type Match } from './findMatches.js';
import { placeNames, type PlaceName } from './placeNames.js';

export interface PlaceMention {
  /** Places with reports, in order of first mention. */
  places: string[];
  /** The question asks about every place of a kind (两个区, 各县, 这几个旗, 哪个区…). */
  all: boolean;
  /**
   * A place named that no report covers (金水区, 沛县, 马边), or a city or province
   * named as a whole when only places inside it have reports (新乡市2024年GDP).
   */
  unknownPlace?: string;
  /** Where known place names were found (for follow-up detection). */
  spans: Match<PlaceName>[];
}

// 全区/我区/本区 mean "this district", not "all districts", so they are not here.
// 哪个区 compares the places (哪个区GDP增长最快); 哪个市 / 哪个省 asks which city a place is in.
const GROUP = /(?:[两三四五六七八九几各每]|所有|全部|这些|这几|那几|哪些)个?(区县|县区|县市区|区|县|旗|市|州|省)(?!域|位|间|块|划|长|委|场|级|里|内|属)|哪一?个(区|县|旗)(?!域|位|间|块|划|长|委|场|级|里|内|属)|(区|县)之间|各地区/u;

/**
 * Places a question names: by name with or without its suffix (惠济区/惠济, 马边彝族自治县/
 * 马边县/马边), or by a parent city or province when the question asks about its places as
 * a group (郑州各区). Names come from the catalog and the gazetteer, so a report
 * for any other place is understood without code changes. `original` is the question
 * before folding (same offsets): English place names are told from words by their capital.
 */
export function detectPlaces(folded: string, catalog: readonly CatalogEntry[], original: string = folded): PlaceMention {
  const names = placeNames(catalog);
  const spans = [...findMatches(folded, patternsOf(names)), ...latinAndShortStems(folded, names)].sort((a, b) => a.start - b.start);
  const group = GROUP.exec(folded);
  const namedPlaces = new Set(spans.filter((s) => s.value.kind === 'covered').flatMap((s) => s.value.places));
  // "安吉县和秦安县两个县": the group is the places just named, not every county.
  const all = group !== null && namedPlaces.size < 2;

  const chosen: string[] = [];
  const listed = new Set<string>();
  const push = (d: string) => {
    if (listed.has(d)) return;
    listed.add(d);
    chosen.push(d);
  };
  for (const m of spans) if (m.value.kind === 'covered') for (const d of m.value.places) push(d);
  const parents = spans.filter((m) => m.value.kind !== 'covered');
  if (all) {
    // 郑州各区: the group is the parent's places; 各县 alone: every place of that level.
    const pool = parents.length ? catalog.filter((r) => parents.some((p) => p.value.places.includes(r.place))) : catalog;
    const suffix = group[1] ?? group[2] ?? group[3] ?? '';
    const ofLevel = pool.filter((r) => fitsGroup(r, suffix));
    for (const r of ofLevel.length ? ofLevel : pool) push(r.place);
  }

  const out: PlaceMention = { places: chosen, all, spans };
  // A parent named alone (新乡市2024年GDP目标 / 郑州市市长) is itself the subject, and no report speaks for it.
  const namesPlace = spans.some((s) => s.value.kind === 'covered');
  const loneParent = !namesPlace && !all ? parents[0] : undefined;
  const unknown = detectUnknownPlaces(folded, spans, original).find((u) => !isParentOfNamed(u.name, u.place?.level, chosen, catalog));
  // 鹤岗市南山区 when the reports have 深圳's 南山区: the place asked about is the other city's.
  const namedAfter = unknown && spans.find((s) => s.start === unknown.end && s.value.kind === 'covered');
  // 新乡市卫东区 when the reports' 卫东区 is 平顶山's: a known city before a place that is not in it.
  const misplaced = parents.find((p) => spans.some((d) => d.start === p.end && d.value.kind === 'covered' && !d.value.places.some((x) => p.value.places.includes(x))));
  if (unknown) out.unknownPlace = namedAfter ? unknown.name + folded.slice(namedAfter.start, namedAfter.end) : unknown.name;
  else if (misplaced) {
    const d = spans.find((x) => x.start === misplaced.end)!;
    out.unknownPlace = folded.slice(misplaced.start, d.end);
  }
  else if (loneParent && !out.unknownPlace) out.unknownPlace = loneParent.value.form;
  return out;
}

/** A question opener or separator before a one-character stem (沛2024年…): without one, 沛 is just a character. */
const STEM_LEAD = /[\s,，、。；;:：!！?？和与跟及同比或在]/u;

interface ExtraForms {
  /** Pinyin of a place's name (huiji, peixian) → the place. */
  latin: Map<string, PlaceName>;
  /** The one character before the suffix of a two-character name (沛 of 沛县) → the place. */
  stems: Map<string, PlaceName>;
}
const extraMemo = new WeakMap<readonly PlaceName[], ExtraForms>();

function extraForms(names: readonly PlaceName[]): ExtraForms {
  let forms = extraMemo.get(names);
  if (forms) return forms;
  forms = { latin: new Map(), stems: new Map() };
  for (const n of names) {
    // A place with reports by its own name; a parent (Zhengzhou, Henan) by its full name, as in Chinese.
    const own = n.kind === 'covered' ? n.form === n.places[0] : placeForms(n.form)[0] === n.form;
    if (!own) continue;
    for (const latin of latinForms(n.form)) if (!forms.latin.has(latin)) forms.latin.set(latin, n);
    if (n.kind !== 'covered') continue;
    const stem = /^(\p{Script=Han})(?:县|区|市|旗)$/u.exec(n.form)?.[1];
    if (stem && !forms.stems.has(stem)) forms.stems.set(stem, n);
  }
  extraMemo.set(names, forms);
  return forms;
}

/**
 * Place names a substring search cannot find safely: the pinyin of a place in an
 * English question (Huiji, Peixian — as whole words), and the one-character stem of a
 * name such as 沛县 when a year follows it (沛2024年…).
 */
const patternMemo = new WeakMap<readonly PlaceName[], { form: string; value: PlaceName }[]>();
/** The names as search patterns, made once per catalog's names (findMatches then sorts them once). */
function patternsOf(names: readonly PlaceName[]): { form: string; value: PlaceName }[] {
  let patterns = patternMemo.get(names);
  if (!patterns) patternMemo.set(names, (patterns = names.map((p) => ({ form: p.form, value: p }))));
  return patterns;
}

function latinAndShortStems(folded: string, names: readonly PlaceName[]): Match<PlaceName>[] {
  const { latin, stems } = extraForms(names);
  const out: Match<PlaceName>[] = [];
  for (const m of folded.matchAll(LATIN_PLACE)) {
    const word = m[0].split(' ')[0];
    const n = latin.get(m[0]) ?? latin.get(word);
    if (n) out.push({ start: m.index!, end: m.index! + (latin.has(m[0]) ? m[0].length : word.length), value: n });
  }
  for (const m of folded.matchAll(/\p{Script=Han}(?=\d|今年|去年|明年)/gu)) {
    const n = stems.get(m[0]);
    if (n && (m.index === 0 || STEM_LEAD.test(folded[m.index! - 1]))) out.push({ start: m.index!, end: m.index! + 1, value: n });
  }
  return out;
}

/** 各区 wants 区, 各县 county-level places, 各市 cities; a place of unknown level fits any county-level group. */
function fitsGroup(r: CatalogEntry, suffix: string): boolean {
  if (suffix === '省') return r.level === 'province';
  if (suffix === '市' || suffix === '州') return r.level === 'city';
  if (r.level !== undefined && r.level !== 'county') return false;
  if (suffix === '区') return /区$/u.test(r.place);
  if (suffix === '县') return /县$/u.test(r.place);
  if (suffix === '旗') return /旗$/u.test(r.place);
  return true;
}

/** 河南省 in "河南省红旗区", 新乡 in "新乡红旗区": a parent of a place the question names, not a place asked about. */
function isParentOfNamed(name: string, level: string | undefined, places: readonly string[], catalog: readonly CatalogEntry[]): boolean {
  if (level === 'county') return false;
  return catalog.some((r) => {
    if (!places.includes(r.place)) return false;
    const known = resolvePlace(r.place);
    return [r.city, r.province, known?.city, known?.province].some((p) => p !== undefined && placeForms(p).includes(name));
  });
}
