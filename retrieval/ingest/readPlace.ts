// Whose report is it? Read by weight of evidence over the whole text, the way a
// reader decides:
// - what the report says of itself: the delivery line (在郑州市惠济区第四届…), the
//   speaker line (惠济区人民政府区长), 我代表泉州市人民政府, the title. One of these
//   settles it;
// - the kind of place it speaks as: 我代表市人民政府, the speaker's title (县长), and
//   how it addresses itself (全县, 我县 against 全市, 我市): a county's report is
//   not a city's, whatever else it names;
// - the places the body names, and how often: a report names its own place again
//   and again, mostly bare (海口, 清苑), and its neighbours, province and districts
//   now and then. A bare name counts only for a place the text also names in full
//   (海口市) or that other evidence names, since bare names are words too (新兴产业);
// - the file name (惠济区2024.txt, haikou-2012.txt), which confirms but never outweighs the text.
// Lines that name other reports (a page's list of 2020年某县政府工作报告) count for nothing.
// Short, generic or shared names (中区, 东区, 新城区) weigh less, so a few mentions of one never win.
// The result says how sure it is and why, so a doubtful place can be shown and corrected.
import { pinyin } from 'pinyin-pro';
import { gazetteer, type GazetteerPlace } from '../places/gazetteer.js';
import { countPlaceMentions } from '../places/placeMentions.js';
import { placeForms } from '../places/placeForms.js';
import { splitPlaceChain } from '../places/splitPlaceChain.js';

export type PlaceSource = 'cover' | 'title' | 'body' | 'fileName';
export type PlaceConfidence = 'high' | 'medium' | 'low';

export interface PlaceEvidenceInput {
  /** Lines the report's own front says who it is in: cover and summaries. */
  front: readonly string[];
  body: readonly string[];
  sourceFile: string;
  /** What stands before 人民政府 or the title in the delivery and speaker lines, with where each was read. */
  delivery?: { place: string; source: PlaceSource };
  speaker?: { place: string; title: string; source: PlaceSource };
}

export interface PlaceReading {
  /** The place's name as the gazetteer writes it in full (海口市), or as the report does when the gazetteer lacks it. */
  name: string;
  source: PlaceSource;
  /** Parents written beside the place (保定市 of 保定市清苑区), outermost first. */
  statedParents: string[];
  confidence: PlaceConfidence;
  /** Why, for people: 封面“…”, 正文提到“海口”23次, 文件名 haikou. */
  evidence: string[];
}

/** What a self-description weighs: one of them names the place outright. */
const WEIGHT = { cover: 100, title: 60, selfReference: 100, fileName: 5, spelledFileName: 5 } as const;
/** Mentions of a one-character-stem district (东区, 中区) are direction words as often as names. */
const GENERIC_NAME_WEIGHT = 0.25;
/** A name several places share (新城区, 鼓楼区) is as often a neighbourhood's or a new town's as this place's. */
const SHARED_NAME_WEIGHT = 0.5;
/** Mentions of a place's city or province add at most this much: its neighbours share them. */
const PARENT_SUPPORT = 3;
/** Lines searched for 我代表…人民政府: the opening of the speech. */
const OPENING_LINES = 20;
/** A place the body alone names is sure when named this often, and this many times more than the next. */
const SURE_MENTIONS = 10;
const SURE_MARGIN = 3;
const FAIR_MARGIN = 2;
/** Self-address (全市, 我县) decides the kind of place when one kind is used this many times more than any other. */
const ADDRESS_MARGIN = 2;

/** The suffix of the kind of place a head of government heads. */
const SUFFIX_OF_TITLE: [RegExp, string][] = [
  [/主席$/u, '自治区'],
  [/省长$/u, '省'],
  [/市长$/u, '市'],
  [/州长$/u, '州'],
  [/盟长$/u, '盟'],
  [/县长$/u, '县'],
  [/区长$/u, '区'],
  [/旗长$/u, '旗'],
];
const SELF_REFERENCE = /我代表([\p{Script=Han}]{0,20}?)(省|自治区|市|州|盟|区|县|旗)(?:人民)?政府/u;
const SELF_ADDRESS = /[全我本](省|市|州|盟|区|县|旗)/gu;
/** A line naming a report (a page's list of other reports, a breadcrumb): no evidence of this one's place. */
const REPORT_TITLE = /(?:政府)?工作报告[》]?$/u;
const REPORT_TITLE_MAX_CHARS = 40;

interface Candidate {
  name: string;
  place?: GazetteerPlace;
  score: number;
  strong: PlaceSource | undefined;
  statedParents: string[];
  evidence: string[];
  /** Weighted mentions in the body, and how many there were. */
  mentions: number;
  named: number;
  fileName: boolean;
}

export function readPlace(input: PlaceEvidenceInput): PlaceReading | undefined {
  const candidates = new Map<string, Candidate>();
  const byForm = gazetteer().byForm;
  /** The gazetteer's full name for a form when it stands for one name only (海口 → 海口市). */
  const canonical = (name: string): { name: string; place?: GazetteerPlace } => {
    const places = byForm.get(name) ?? [];
    const names = new Set(places.map((p) => p.name));
    if (names.size === 1) return { name: places[0].name, place: places.length === 1 ? places[0] : undefined };
    const exact = places.filter((p) => p.name === name);
    return { name, place: exact.length === 1 ? exact[0] : undefined };
  };
  const candidate = (raw: string): Candidate => {
    const { name, place } = canonical(raw);
    let c = candidates.get(name);
    if (!c) candidates.set(name, (c = { name, place, score: 0, strong: undefined, statedParents: [], evidence: [], mentions: 0, named: 0, fileName: false }));
    return c;
  };
  const named = (chainText: string, source: PlaceSource, weight: number, why: string) => {
    const chain = splitPlaceChain(chainText);
    if (!chain.length) return;
    const c = candidate(chain[chain.length - 1]);
    c.score += weight;
    if (!c.strong || rank(source) < rank(c.strong)) c.strong = source;
    if (chain.length > 1 && !c.statedParents.length) c.statedParents = chain.slice(0, -1);
    c.evidence.push(why);
  };

  // What the report says of itself.
  if (input.delivery) named(input.delivery.place, input.delivery.source, WEIGHT.cover, `报告日期行“在${input.delivery.place}…”`);
  if (input.speaker?.place) named(input.speaker.place, input.speaker.source, WEIGHT.cover, `署名“${input.speaker.place}${input.speaker.title}”`);
  for (const line of input.front) {
    if (!REPORT_TITLE.test(line) || line.length > REPORT_TITLE_MAX_CHARS) continue;
    named(line.replace(/\d{4}年|(?:人民)?政府工作报告》?$|工作报告》?$|[《》]/gu, ''), 'title', WEIGHT.title, `标题“${line}”`);
  }
  const opening = input.body.slice(0, OPENING_LINES).join('\n');
  const self = SELF_REFERENCE.exec(opening);
  if (self?.[1]) named(self[1] + self[2], 'body', WEIGHT.selfReference, `“我代表${self[1]}${self[2]}人民政府”`);

  // The kind of place it speaks as.
  const suffix = selfSuffix(self?.[2], input.speaker?.title, input.body);

  // The places the body names, and how often (lines naming other reports aside).
  const text = input.body.filter((l) => !(REPORT_TITLE.test(l) && l.length <= REPORT_TITLE_MAX_CHARS)).join('\n');
  const fileWords = spelledWords(input.sourceFile);
  const fileChain = splitPlaceChain(input.sourceFile.replace(/\.[^.]+$/u, '').replace(/\d{4}年?|(?:人民)?政府工作报告|工作报告/gu, ''));
  if (fileChain.length) {
    const c = candidate(fileChain[fileChain.length - 1]);
    c.score += WEIGHT.fileName;
    c.fileName = true;
    if (fileChain.length > 1 && !c.statedParents.length) c.statedParents = fileChain.slice(0, -1);
    c.evidence.push(`文件名“${input.sourceFile}”`);
  }
  const fits = (name: string) => !suffix || hasSuffix(name, suffix);
  // When the report's own lines name one place and nothing else, counting the body's names
  // (the costliest step) could only confirm it.
  const settled = [...candidates.values()].filter((c) => c.strong);
  const counts = settled.length === 1 && settled[0].score >= WEIGHT.cover && fits(settled[0].name) ? [] : countPlaceMentions(text);
  const spelledIn = (name: string) => fileWords.length > 0 && spellings(name).some((s) => fileWords.includes(s));
  // A bare name is a word like any other (新兴产业, 和平解放): it counts for a place the text
  // also names in full or by other evidence — unless no place of the report's kind is named
  // so (a province's report may say 四川 and never 四川省), when bare names are all there is.
  const namedFully = counts.some((m) => m.full > 0 && fits(m.place.name)) || [...candidates.values()].some((c) => fits(c.name));
  const mentionsOf = new Map<string, number>();
  for (const m of counts) {
    const existing = candidates.get(m.place.name);
    const spelled = spelledIn(m.place.name);
    const eligible = !namedFully || m.full > 0 || existing !== undefined || spelled;
    const mentions = (m.full + (eligible ? m.bare : 0)) * nameWeight(m.place.name);
    mentionsOf.set(m.place.name, Math.max(mentionsOf.get(m.place.name) ?? 0, m.full + m.bare));
    if (mentions === 0) continue;
    const c = existing ?? candidate(m.place.name);
    if (!c.place) c.place = m.place;
    if (mentions > c.mentions) [c.mentions, c.named] = [mentions, m.full + (eligible ? m.bare : 0)];
    if (spelled && !c.fileName) {
      c.fileName = true;
      c.score += WEIGHT.spelledFileName;
      c.evidence.push(`文件名“${input.sourceFile}”`);
    }
  }
  for (const c of candidates.values()) {
    c.score += c.mentions;
    if (c.named > 0) c.evidence.push(`正文提到${c.named}次`);
    // The text naming the place's city or province too is a little more reason to believe it.
    for (const parent of [c.place?.city, c.place?.province]) {
      const n = parent && parent !== c.name ? (mentionsOf.get(parent) ?? 0) : 0;
      c.score += Math.min(n, PARENT_SUPPORT);
    }
  }

  // A place of the kind the report speaks as, if any such is named.
  let pool = [...candidates.values()].filter((c) => c.score > 0);
  const fitting = suffix ? pool.filter((c) => hasSuffix(c.name, suffix)) : [];
  if (fitting.length) pool = fitting;
  pool.sort((a, b) => b.score - a.score || b.mentions - a.mentions);
  const best = pool[0];
  if (!best) return undefined;
  const runnerUp = pool[1]?.score ?? 0;

  // The report's own lines naming two places (a title and a delivery line that disagree) leave doubt.
  const contested = pool.some((c) => c !== best && c.strong);
  let confidence: PlaceConfidence;
  if (best.strong) confidence = contested ? 'medium' : 'high';
  else if (best.mentions >= SURE_MENTIONS && best.score >= SURE_MARGIN * runnerUp && (suffix !== undefined || best.fileName)) confidence = 'high';
  else if (best.score >= FAIR_MARGIN * runnerUp && (best.mentions >= 3 || best.fileName)) confidence = 'medium';
  else confidence = 'low';
  if (suffix) best.evidence.push(`自称“${suffix}”`);
  const source: PlaceSource = best.strong ?? (best.mentions > 0 ? 'body' : 'fileName');
  return { name: best.name, source, statedParents: best.statedParents, confidence, evidence: best.evidence };
}

const rank = (s: PlaceSource) => ['cover', 'title', 'body', 'fileName'].indexOf(s);

/** The suffix of the place the report speaks for: 我代表市人民政府, the speaker's title, else how it addresses itself. */
function selfSuffix(selfRef: string | undefined, speakerTitle: string | undefined, body: readonly string[]): string | undefined {
  if (selfRef) return selfRef;
  const fromTitle = speakerTitle ? SUFFIX_OF_TITLE.find(([re]) => re.test(speakerTitle))?.[1] : undefined;
  if (fromTitle) return fromTitle;
  const counts = new Map<string, number>();
  for (const line of body) for (const m of line.matchAll(SELF_ADDRESS)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
  if (first && first[1] >= ADDRESS_MARGIN * (second?.[1] ?? 0) && first[1] >= ADDRESS_MARGIN) return first[0];
  return undefined;
}

/** 自治区 speaks of itself as 区 too (全区); 自治县 as 县. */
function hasSuffix(name: string, suffix: string): boolean {
  return name.endsWith(suffix);
}

/** How much a mention of a name proves: less for names that are also plain words (东区, 中区) or several places' (新城区). */
function nameWeight(name: string): number {
  if (name.length === 2 && name.endsWith('区')) return GENERIC_NAME_WEIGHT;
  const sharing = (gazetteer().byForm.get(name) ?? []).filter((p) => p.name === name).length;
  return sharing > 1 ? SHARED_NAME_WEIGHT : 1;
}

/** The words of a file name written in Latin letters (haikou-2012.txt → haikou). */
function spelledWords(sourceFile: string): string[] {
  return (sourceFile.replace(/\.[^.]+$/u, '').toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => w.length >= 2);
}

const spellingMemo = new Map<string, string[]>();
/** How a file name spells a place: bare (haikou), in full (haikoushi, tangxian). */
function spellings(name: string): string[] {
  let out = spellingMemo.get(name);
  if (!out) {
    const forms = placeForms(name);
    const spell = (s: string) => pinyin(s, { toneType: 'none', type: 'array' }).join('').toLowerCase();
    out = [...new Set([spell(forms[forms.length - 1]), spell(name)])];
    spellingMemo.set(name, out);
  }
  return out;
}
