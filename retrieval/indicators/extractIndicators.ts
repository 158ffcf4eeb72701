// Structured indicator rows parsed from a report's cleaned paragraphs.
//
// Approach, clause by clause:
//  1. Decide each paragraph's role from the section it sits in (the report's own top-level
//     headings — 一、2023年工作回顾 / 二、过去五年工作回顾 / 三、2024年工作重点 — taken from
//     sectionPath when the ingester supplies it, or tracked from heading paragraphs in order) and
//     from the 预期目标是：/ 预期指标为： paragraph itself.
//  2. Split the paragraph into sentences (。；;！？) and clauses (，,：:).
//  3. In each clause find vocabulary labels (longest match first); each label owns the text up to
//     the next label or the clause end, and its figure is the first number+unit in that text, at a
//     short distance, with nothing like 占/比重/高于/第/倍 in between.
//  4. A clause with no label that opens with 同比增长/增幅/增速… gives the growth of the label of the
//     preceding clause in the same sentence (全年实现地区生产总值157.5亿元，同比增长7.1%).
//  5. 增长/增速/增幅/下降 make the figure a growth rate (unit must be %); otherwise it is a level
//     and its unit must be one the indicator is stated in. Rates (失业率, 研发投入强度, 价格涨幅,
//     税占比) are always levels.
//  6. 与经济增长同步 style targets give a row with value null and qualifier 同步.
// Every figure, label and span comes from the paragraph text; nothing is typed in by hand.
import type { IndicatorKind, IndicatorRow } from '../types.js';
import { INDICATORS, type IndicatorDef } from './vocabulary.js';

export interface ExtractInput {
  reportId: string;
  district: string;
  reviewYear: number;
  planYear: number;
  paragraphs: { id: string; text: string; sectionPath: string[] }[];
}

type Phase = 'review' | 'fiveYear' | 'plan';

interface LabelEntry {
  label: string;
  def: IndicatorDef;
}

interface Hit {
  start: number;
  end: number;
  label: string;
  def: IndicatorDef;
  /** A mention that must not carry a figure: 占规上工业增加值比重, 与经济增长同步. */
  inert: boolean;
}

interface Clause {
  start: number;
  end: number;
  sentence: number;
}

interface Figure {
  value: number;
  unit: string;
  /** 多 / 余 written between number and unit. */
  approx: string;
  /** 左右 / 以上 / 以内 / 以下 / 上下 written after the unit. */
  suffix: string;
  /** Offsets within the paragraph. */
  numStart: number;
  end: number;
}

/** Labels the extractor does not trust: 工业投资 is not 固定资产投资. */
const EXCLUDED_LABELS = new Set(['工业投资']);

/** Short words that name an indicator only right after another 实际… figure: 实际到位外资8478万美元、内资36亿元. */
const CONTINUATION_LABELS: { label: string; indicator: string }[] = [
  { label: '外资', indicator: '实际利用外资' },
  { label: '内资', indicator: '实际到位内资' },
];

const BY_NAME = new Map(INDICATORS.map((d) => [d.name, d]));

const LABELS: LabelEntry[] = INDICATORS.flatMap((def) =>
  def.labels.filter((l) => !EXCLUDED_LABELS.has(l)).map((label) => ({ label, def })),
).sort((a, b) => b.label.length - a.label.length);

const UNITS = [
  '亿美元', '万美元', '美元', '亿元', '万元', '元', '个百分点', '%', '万人次', '人次', '万人', '人',
  '万户', '户', '个', '家', '项', '万平方米', '平方米', '万㎡', '㎡', '位', '倍', '名', '次', '天',
  '年', '亩', '公里', '千米', '米', '件', '所', '套', '起', '座',
];
const NUM_RE = new RegExp(
  `(\\d+(?:\\.\\d+)?)(多|余)?(${UNITS.map((u) => u.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&')).join('|')})?(左右|以上|以内|以下|上下)?`,
);

const GROWTH_RE = /增长|增速|增幅|涨幅|下降|降低|回落/;
const DECLINE_RE = /下降|降低|回落/;
/** Between a label and its figure: the number is something else (share, rank, comparison, multiple). */
const BLOCK_RE = /占|比重|比例|高于|低于|高出|超出|第|居|排名|位列|名列|由|倍|目标|任务|平均/;
/** A clause that may sit between a figure and its 同比增长 clause without breaking the link. */
const NOISE_RE = /占|名列|位列|位居|居全|居六区|排名|高于|低于|高出|第[一二三四五六七八九十\d]|总量|实现正增长|超额/;
/** A label-less clause that states the growth of the preceding clause's indicator. */
const GROWTH_LEAD_RE = /^(同比|比上年|较上年|比去年|较去年)?(增长|增速|增幅|下降|回落)/;
const PREFIX_QUALIFIER_RE = /(保持在|保持|不低于|不少于|超过|超|约|近)$/;
const SYNC_RE = /^[^\d%，,；;。]{0,30}?(?:与|和|同)[^\d%，,；;。]{0,12}?同步(?:增长)?/;
const TARGET_PARAGRAPH_RE = /预期(?:目标|指标)(?:是|为)/;
const TOP_HEADING_RE = /^[一二三四五六七八九十]+、/;
const YEAR_RE = /(?<!\d)((?:19|20)\d{2})年/g;

function isRateIndicator(def: IndicatorDef): boolean {
  return def.levelUnits.length > 0 && def.levelUnits.every((u) => u === '%');
}

function headingPhase(title: string, reviewYear: number, planYear: number): Phase | undefined {
  // "2021年及过去五年工作回顾" reviews the year too: its five-year paragraphs are told apart by their openings.
  if (/过去五年|过去的五年|五年来|五年工作回顾/.test(title) && !title.includes(`${reviewYear}年`)) return 'fiveYear';
  if (/回顾/.test(title) || title.includes(`${reviewYear}年`)) return 'review';
  if (/目标|任务|安排|重点|要求|计划|部署/.test(title) || title.includes(`${planYear}年`) || title.includes('今年')) {
    return 'plan';
  }
  return undefined;
}

function isTopHeading(text: string): boolean {
  return TOP_HEADING_RE.test(text) && text.length <= 40 && !/[。；;]/.test(text);
}

function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  let sentence = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    const endSentence = i === text.length || /[。；;！!？?\n]/.test(ch);
    const endClause = endSentence || /[，,：:]/.test(ch);
    if (!endClause) continue;
    let s = start;
    let e = i;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) clauses.push({ start: s, end: e, sentence });
    start = i + 1;
    if (endSentence) sentence++;
  }
  return clauses;
}

function findHits(text: string, clause: Clause): Hit[] {
  const hits: Hit[] = [];
  let i = clause.start;
  while (i < clause.end) {
    let hit: Hit | undefined;
    for (const { label, def } of LABELS) {
      if (i + label.length <= clause.end && text.startsWith(label, i)) {
        hit = { start: i, end: i + label.length, label, def, inert: false };
        break;
      }
    }
    if (!hit && text[i - 1] === '、' && hits.some((h) => h.label.startsWith('实际'))) {
      for (const c of CONTINUATION_LABELS) {
        const def = BY_NAME.get(c.indicator);
        if (def && text.startsWith(c.label, i)) {
          hit = { start: i, end: i + c.label.length, label: c.label, def, inert: false };
          break;
        }
      }
    }
    if (!hit) {
      i++;
      continue;
    }
    const before = text.slice(Math.max(clause.start, hit.start - 2), hit.start);
    const after = text.slice(hit.end, Math.min(clause.end, hit.end + 4));
    // 单位生产总值能耗 is another indicator altogether.
    if (before.endsWith('单位') || after.startsWith('能耗')) {
      i = hit.end;
      continue;
    }
    // 占规上工业增加值比重 / 民生支出占比 / 与经济增长同步: the label is mentioned, its figure is not given.
    if (/[占与和同]$/.test(before) || /^(?:的)?(?:比重|占比)/.test(after)) hit.inert = true;
    hits.push(hit);
    i = hit.end;
  }
  return hits;
}

function parseFigure(text: string, from: number, to: number): Figure | undefined {
  const m = NUM_RE.exec(text.slice(from, to));
  if (!m) return undefined;
  const numStart = from + m.index;
  // 第4 / 四区第1: a rank, not a figure.
  if (text[numStart - 1] === '第') return undefined;
  return {
    value: Number(m[1]),
    approx: m[2] ?? '',
    unit: m[3] ?? '',
    suffix: m[4] ?? '',
    numStart,
    end: numStart + m[0].length,
  };
}

interface Reading {
  value: number;
  unit: string;
  qualifier: string;
  measure: 'level' | 'growth';
}

/** Decides whether `fig` states `def`, given the label and the words between label and number. */
function readFigure(def: IndicatorDef, label: string, between: string, fig: Figure): Reading | undefined {
  if (between.length > 10 || BLOCK_RE.test(between)) return undefined;
  const qualifier =
    fig.suffix || fig.approx || PREFIX_QUALIFIER_RE.exec(between)?.[1] || (between.includes('同比') ? '同比' : '');
  if (isRateIndicator(def)) {
    // 失业率5.5% is a level; 研发经费投入增长10% is not the intensity.
    if (GROWTH_RE.test(between) || fig.unit !== '%') return undefined;
    return { value: fig.value, unit: '%', qualifier, measure: 'level' };
  }
  if (GROWTH_RE.test(label + between)) {
    if (fig.unit !== '%') return undefined;
    const decline = DECLINE_RE.test(between) && !/增长/.test(between);
    return { value: decline ? -fig.value : fig.value, unit: '%', qualifier, measure: 'growth' };
  }
  if (!def.levelUnits.includes(fig.unit)) return undefined;
  return { value: fig.value, unit: fig.unit, qualifier, measure: 'level' };
}

function otherYears(s: string, year: number): boolean {
  for (const m of s.matchAll(YEAR_RE)) if (Number(m[1]) !== year) return true;
  return false;
}

export function extractIndicators(input: ExtractInput): IndicatorRow[] {
  const { reportId, district, reviewYear, planYear } = input;
  const rows: IndicatorRow[] = [];
  const seen = new Set<string>();
  let phase: Phase = 'review';

  const emit = (
    paragraphId: string,
    text: string,
    kind: IndicatorKind,
    def: IndicatorDef,
    label: string,
    reading: { value: number | null; unit: string; qualifier: string; measure: 'level' | 'growth' },
    start: number,
    end: number,
  ) => {
    const year = kind === 'target' ? planYear : reviewYear;
    const key = `${def.name}|${kind}|${year}|${reading.measure}`;
    if (seen.has(key)) return;
    seen.add(key);
    rows.push({
      district,
      reportId,
      year,
      kind,
      indicator: def.name,
      label,
      value: reading.value,
      unit: reading.unit,
      qualifier: reading.qualifier,
      measure: reading.measure,
      paragraphId,
      span: { start, end },
      quote: text.slice(start, end),
    });
  };

  for (const para of input.paragraphs) {
    const text = para.text;
    const fromSection = para.sectionPath.length ? headingPhase(para.sectionPath[0], reviewYear, planYear) : undefined;
    if (fromSection) phase = fromSection;
    if (isTopHeading(text)) {
      phase = headingPhase(text, reviewYear, planYear) ?? phase;
      continue;
    }
    const isTargetParagraph = TARGET_PARAGRAPH_RE.test(text);
    if (isTargetParagraph) phase = 'plan';
    // 五年来，地区生产总值由107.7亿元增至157.5亿元…: multi-year figures, left out.
    if (phase === 'fiveYear' || (phase === 'review' && /^(五年来|过去的?五年)/.test(text))) continue;

    const clauses = splitClauses(text);
    let pending: { hit: Hit; spanStart: number; kind: IndicatorKind } | undefined;
    let estimateCarry = false;
    let sentence = -1;

    for (const clause of clauses) {
      if (clause.sentence !== sentence) {
        sentence = clause.sentence;
        pending = undefined;
        estimateCarry = false;
      }
      const ctext = text.slice(clause.start, clause.end);

      // Which year and kind the clause speaks about.
      let kind: IndicatorKind;
      if (phase === 'plan') {
        kind = 'target';
        const sentenceStart = clauses.find((c) => c.sentence === clause.sentence)!.start;
        const upToClause = text.slice(sentenceStart, clause.end);
        if (otherYears(upToClause, planYear) || /十四五|十五五|十三五/.test(ctext)) {
          pending = undefined;
          continue;
        }
      } else {
        if (/预计/.test(ctext)) estimateCarry = true;
        else if (/完成|实现|达到/.test(ctext)) estimateCarry = false;
        kind = estimateCarry ? 'estimate' : 'actual';
        if (otherYears(ctext, reviewYear)) {
          pending = undefined;
          continue;
        }
      }

      const hits = findHits(text, clause);
      if (hits.length === 0) {
        const lead = GROWTH_LEAD_RE.exec(ctext);
        if (pending && lead && !isRateIndicator(pending.hit.def)) {
          const fig = parseFigure(text, clause.start, clause.end);
          if (fig) {
            const between = text.slice(clause.start, fig.numStart);
            const reading = readFigure(pending.hit.def, pending.hit.label, between, fig);
            if (reading && reading.measure === 'growth') {
              emit(para.id, text, pending.kind, pending.hit.def, pending.hit.label, reading, pending.spanStart, fig.end);
            }
          }
        } else if (!NOISE_RE.test(ctext) || /其中/.test(ctext)) {
          pending = undefined;
        }
        continue;
      }

      pending = undefined;
      hits.forEach((hit, k) => {
        const segEnd = k + 1 < hits.length ? hits[k + 1].start : clause.end;
        if (hit.inert) return;
        // The span starts at the clause for its first label (全年实现地区生产总值…), else at the label.
        const prefix = text.slice(clause.start, hit.start);
        const spanStart = k === 0 && prefix.length <= 12 && !/\d/.test(prefix) ? clause.start : hit.start;
        const fig = parseFigure(text, hit.end, segEnd);
        if (fig) {
          const between = text.slice(hit.end, fig.numStart);
          const reading = readFigure(hit.def, hit.label, between, fig);
          if (reading) emit(para.id, text, kind, hit.def, hit.label, reading, spanStart, fig.end);
          if (k === hits.length - 1) pending = { hit, spanStart, kind };
          return;
        }
        // 居民人均可支配收入与地区生产总值同步增长 / 人均GDP、…与经济增长协调同步.
        const sync = SYNC_RE.exec(text.slice(hit.end, clause.end));
        if (sync) {
          emit(
            para.id,
            text,
            kind,
            hit.def,
            hit.label,
            { value: null, unit: '', qualifier: '同步', measure: 'growth' },
            spanStart,
            hit.end + sync[0].length,
          );
          return;
        }
        // 固定资产投资，同比增长2.6%: the figure comes in the next clause.
        if (k === hits.length - 1) pending = { hit, spanStart, kind };
      });
    }
  }
  return rows;
}
