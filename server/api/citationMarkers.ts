// The citation-marker grammar, shared by the server (citation enforcement) and the
// client (citation chips), so both read a model's markers the same way.
// Models write [1], [1][2], [1,2], [1-3], 【1】, ［1］, [^1], [来源1], (来源1), （来源1）.
// Everything is normalised to [n] before any check; [n] is the only form stored.
// Imports only the defaults (no Node APIs): safe in the browser.
import { DEFAULTS } from '../../retrieval/browser.js';

/** Marker numbers are 1–999; [2024] is a year, not a marker. */
const NUM = String.raw`\d{1,3}`;
/** Between numbers of one group: 1,2 1，2 1、2 1;2 */
const SEP = String.raw`\s*[,，、;；]\s*`;
/** A range: 1-3 1–3 1~3 1～3 */
const RANGE = String.raw`\s*[-–—~～]\s*`;
const ITEM = `${NUM}(?:${RANGE}${NUM})?`;
const LIST = `${ITEM}(?:${SEP}${ITEM})*`;
/** 来源1, 来源：1, 资料1 — only with a word, plain (1) is ordinary text. */
const SOURCE_WORD = String.raw`(?:来源|资料|出处)\s*[:：]?\s*`;

/** One marker group in any accepted style; group 1 or 2 holds the number list. */
const MARKER_GROUP = new RegExp(
  String.raw`[[［【]\s*(?:\^|${SOURCE_WORD})?(${LIST})\s*[\]］】]|[(（]\s*${SOURCE_WORD}(${LIST})\s*[)）]`,
  'g',
);


/** The normalised form, [n], as a regex over normalised text. */
export const NORMAL_MARKER = /\[(\d{1,3})\]/g;

/** An opening of a marker at the very end of streamed text, which may still complete. */
export const PENDING_MARKER = new RegExp(
  String.raw`(?:[[［【]\s*(?:\^|(?:来|来源|资|资料|出|出处)\s*[:：]?)?|[(（]\s*(?:来|来源|资|资料|出|出处)?\s*[:：]?)[\d\s,，、;；\-–—~～]*$`,
);

function expand(list: string): number[] | undefined {
  const out: number[] = [];
  for (const item of list.split(new RegExp(SEP))) {
    const [a, b] = item.split(new RegExp(RANGE)).map((n) => Number.parseInt(n, 10));
    if (b === undefined) out.push(a);
    else {
      if (b < a || b - a > DEFAULTS.answer.maxMarkerRange) return undefined;
      for (let n = a; n <= b; n++) out.push(n);
    }
  }
  return out.every((n) => n >= 1) ? out : undefined;
}

export interface MarkerMatch {
  /** Offset of the marker group in the text. */
  index: number;
  /** The group as written, e.g. 【1、2】 */
  raw: string;
  /** The numbers it cites, in order. */
  markers: number[];
}

/** Every marker group in `text`, in any accepted style. */
export function findMarkers(text: string): MarkerMatch[] {
  const out: MarkerMatch[] = [];
  for (const m of text.matchAll(MARKER_GROUP)) {
    const markers = expand(m[1] ?? m[2]);
    if (markers) out.push({ index: m.index ?? 0, raw: m[0], markers });
  }
  return out;
}

/** Rewrites every accepted marker style to [n][m]…; other text is left as it is. */
export function normaliseMarkers(text: string): string {
  let out = '';
  let pos = 0;
  for (const m of findMarkers(text)) {
    out += text.slice(pos, m.index) + m.markers.map((n) => `[${n}]`).join('');
    pos = m.index + m.raw.length;
  }
  return out + text.slice(pos);
}

/** The numbers `text` cites, in order of first appearance, without duplicates. */
export function citedMarkers(text: string): number[] {
  return [...new Set(findMarkers(text).flatMap((m) => m.markers))];
}
