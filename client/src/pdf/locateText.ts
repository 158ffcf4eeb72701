// Finds a cited span on a PDF page from the page's text items (PDF.js
// getTextContent) and turns it into rectangles to mark on the rendered page.
// Pure: no PDF.js, no DOM, so it is tested in Node.
//
// Matching ignores what extraction changes between the file and a paragraph's
// text: whitespace (PDF text has spaces inside numbers and between lines), and
// character width (full-width digits, NFKC). A paragraph that runs over a page
// break is on two pages, with a running footer and header between: a span is
// matched whole where it can be, else its longest beginning (on its first page)
// or its longest end (on the next).

export interface TextItem {
  str: string;
  /** [a, b, c, d, e, f]: the text's matrix in PDF user space; (e, f) is the baseline start. */
  transform: number[];
  /** Advance width, in user space. */
  width: number;
  /** Glyph height (about the font size), in user space. */
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A run of characters inside one item: [from, to) in item.str. */
export interface ItemRange {
  item: number;
  from: number;
  to: number;
}

/** A piece of a needle shorter than this is not worth marking (it would match anywhere). */
export const MIN_PARTIAL_CHARS = 6;

interface PageText {
  text: string;
  /** For each character of `text`: its item and offset in item.str. */
  origin: { item: number; offset: number }[];
}

function normaliseChar(ch: string): string {
  return ch.normalize('NFKC').replace(/\s+/g, '');
}

export function normaliseNeedle(s: string): string {
  return [...s].map(normaliseChar).join('');
}

export function pageText(items: readonly TextItem[]): PageText {
  let text = '';
  const origin: PageText['origin'] = [];
  items.forEach((it, item) => {
    let offset = 0;
    for (const ch of it.str) {
      const n = normaliseChar(ch);
      for (let k = 0; k < n.length; k++) origin.push({ item, offset });
      text += n;
      offset += ch.length;
    }
  });
  return { text, origin };
}

export type Found = { start: number; end: number; whole: boolean };

/** Where `needle` is in `text`: whole, else its longest beginning, else its longest end. */
export function locate(text: string, needle: string): Found | undefined {
  if (!needle) return undefined;
  const at = text.indexOf(needle);
  if (at !== -1) return { start: at, end: at + needle.length, whole: true };
  const min = Math.min(MIN_PARTIAL_CHARS, needle.length);
  // Longest prefix present: if a prefix is on the page, so is every shorter one, so bisect.
  const longest = (has: (k: number) => number): { k: number; at: number } | undefined => {
    let lo = min;
    let hi = needle.length - 1;
    let best: { k: number; at: number } | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const pos = has(mid);
      if (pos === -1) hi = mid - 1;
      else {
        best = { k: mid, at: pos };
        lo = mid + 1;
      }
    }
    return best;
  };
  const prefix = longest((k) => text.indexOf(needle.slice(0, k)));
  const suffix = longest((k) => text.indexOf(needle.slice(needle.length - k)));
  const pick = prefix && (!suffix || prefix.k >= suffix.k) ? prefix : suffix;
  return pick ? { start: pick.at, end: pick.at + pick.k, whole: false } : undefined;
}

/** The item ranges a span of the page text covers. */
export function itemRanges(page: PageText, span: { start: number; end: number }): ItemRange[] {
  const out: ItemRange[] = [];
  for (let i = span.start; i < span.end; i++) {
    const o = page.origin[i];
    const last = out[out.length - 1];
    const to = o.offset + 1;
    if (last && last.item === o.item) last.to = Math.max(last.to, to);
    else out.push({ item: o.item, from: o.offset, to });
  }
  return out;
}

/** Horizontal share of a character: full-width (CJK) glyphs are about twice a Latin digit's. */
function charWeight(ch: string): number {
  return /[\u0000-\u00ff]/.test(ch) ? 0.5 : 1;
}

/**
 * Rectangles of item ranges in viewport pixels. `viewport` is PDF.js's
 * viewport.transform ([a, b, c, d, e, f]): user space → canvas.
 * Within an item, characters are placed by width class (CJK full, Latin half).
 */
export function rangeRects(items: readonly TextItem[], ranges: readonly ItemRange[], viewport: readonly number[]): Rect[] {
  const [va, vb, vc, vd, ve, vf] = viewport;
  const apply = (x: number, y: number): [number, number] => [va * x + vc * y + ve, vb * x + vd * y + vf];
  return ranges.map(({ item, from, to }) => {
    const it = items[item];
    const chars = [...it.str];
    const weights = chars.map(charWeight);
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    // Offsets in str are UTF-16 units; walk characters to find their weighted positions.
    let unit = 0;
    let before = 0;
    let inside = 0;
    chars.forEach((ch, i) => {
      if (unit < from) before += weights[i];
      else if (unit < to) inside += weights[i];
      unit += ch.length;
    });
    const [a, b, , d, e, f] = it.transform;
    // Scale along the text direction; horizontal text is the genre's case.
    const scaleX = Math.hypot(a, b) || 1;
    const fontHeight = it.height || Math.hypot(it.transform[2], d) || scaleX;
    const x0 = e + (it.width * before) / total;
    const x1 = x0 + (it.width * inside) / total;
    // From a little below the baseline (descenders) to the glyph top.
    const y0 = f - fontHeight * 0.2;
    const y1 = f + fontHeight * 0.95;
    const [px0, py0] = apply(x0, y0);
    const [px1, py1] = apply(x1, y1);
    return { x: Math.min(px0, px1), y: Math.min(py0, py1), width: Math.abs(px1 - px0), height: Math.abs(py1 - py0) };
  });
}

/** Rectangles marking each needle found on the page, and whether any was found whole. */
export function highlightRects(items: readonly TextItem[], needles: readonly string[], viewport: readonly number[]): { rects: Rect[]; found: number; whole: number } {
  const page = pageText(items);
  const rects: Rect[] = [];
  let found = 0;
  let whole = 0;
  for (const raw of needles) {
    const hit = locate(page.text, normaliseNeedle(raw));
    if (!hit) continue;
    found++;
    if (hit.whole) whole++;
    rects.push(...rangeRects(items, itemRanges(page, hit), viewport));
  }
  return { rects, found, whole };
}
