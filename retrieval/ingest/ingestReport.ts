// One report file → metadata, paragraphs with stable ids and section paths,
// the section tree, and retrieval passages.
import { DEFAULTS } from '../defaults.js';
import type { Paragraph, Report, Section } from '../types.js';
import { cleanLines, toHalfWidth } from './cleanText.js';
import { decodeText } from './decodeText.js';
import { detectScript, toSimplified } from '../script/toSimplified.js';
import { assignParts } from './assignParts.js';
import { detectHeading, detectUnnumberedHeading, hasNumberedParts } from './detectHeading.js';
import { dropRepeatedText } from './dropRepeatedText.js';
import { makePassages } from './makePassages.js';
import type { MetaOverrides } from './metaOverrides.js';
import { parseMetadata, ReportParseError } from './parseMetadata.js';
import { readDeliveryLine } from './readDeliveryLine.js';
import { readSpeaker } from './readSpeaker.js';
import { repairParagraphs } from './repairParagraphs.js';
import { splitFrontMatter } from './splitFrontMatter.js';
import { splitRawLines } from './splitRawLines.js';
import { splitRunOnText } from './splitRunOnText.js';
import { splitSentences } from './splitSentences.js';
import { stripPageChrome } from './stripPageChrome.js';

export interface IngestSource {
  /** Report id: the file name without extension. */
  id: string;
  sourceFile: string;
  bytes: Uint8Array;
  /** Text already extracted by a format reader (.html, .docx, .pdf); else `bytes` is decoded as text. */
  text?: string;
  /** Name of the format that produced `text`, e.g. `docx`; recorded as the encoding. */
  format?: string;
  /** Metadata supplied by the user (upload form, PATCH, `<id>.meta.json`); wins over what is read. */
  overrides?: MetaOverrides;
}

export function ingestReport(src: IngestSource): Report {
  const { text, encoding } = src.text !== undefined ? { text: src.text, encoding: src.format ?? 'text' } : decodeText(src.bytes);
  const raw = splitRunOnText(stripPageChrome(splitRawLines(text)));
  // Full-width digits and letters and traditional characters are read folded (ASCII, simplified:
  // one character for one, same offsets); paragraphs keep the text as written for display.
  const script = detectScript(text);
  const shown = cleanLines(raw.join('\n'), true);
  const folded = shown.map((l) => (script === 'traditional' ? toSimplified(toHalfWidth(l)) : toHalfWidth(l)));
  const original = new Map<string, string>();
  folded.forEach((l, i) => l !== shown[i] && original.set(l, shown[i]));
  const lines = dropRepeatedText(folded);

  const front = splitFrontMatter(lines);
  const rest = lines.slice(front.bodyStart);
  const numbered = hasNumberedParts(rest);
  const unnumbered = (l: string) => !numbered && detectUnnumberedHeading(l) !== undefined;
  const body = repairParagraphs(rest, unnumbered);
  if (!body.some((l) => l.length >= MIN_BODY_PARAGRAPH_CHARS)) throw new ReportParseError('只有封面或标题，没有报告正文');
  const metaBase = parseMetadata({ id: src.id, sourceFile: src.sourceFile, encoding, cover: front.lines, front: front.read, body, script, overrides: src.overrides });

  const root: Section = { id: `${src.id}:s0`, level: 0, marker: '', title: '封面', paragraphId: `${src.id}:p1`, children: [] };
  const stack: Section[] = [root];
  const paragraphs: Paragraph[] = [];
  const all = [...front.lines, ...body];

  all.forEach((textLine, i) => {
    const index = i + 1;
    const id = `${src.id}:p${index}`;
    const heading = i >= front.lines.length ? (detectHeading(textLine) ?? (numbered ? undefined : detectUnnumberedHeading(textLine))) : undefined;
    if (heading) {
      while (stack.length > 1 && stack[stack.length - 1].level >= heading.level) stack.pop();
      const parent = stack[stack.length - 1];
      const siblingNo = parent.children.length + 1;
      const section: Section = {
        id: parent.level === 0 ? `${src.id}:s${siblingNo}` : `${parent.id}.${siblingNo}`,
        level: heading.level,
        marker: heading.marker,
        title: heading.title,
        paragraphId: id,
        children: [],
      };
      parent.children.push(section);
      stack.push(section);
    }
    const sentences = splitSentences(textLine);
    const sectionPath = stack.slice(1).map((s) => s.marker + s.title);
    const shownText = original.get(textLine) ?? (original.size > 0 ? rejoinedOriginal(textLine, shown, folded) : undefined);
    paragraphs.push({
      id,
      reportId: src.id,
      index,
      text: textLine,
      ...(shownText !== undefined && shownText !== textLine ? { original: shownText } : {}),
      isHeading: heading?.standalone ?? false,
      sectionId: stack[stack.length - 1].id,
      sectionPath,
      lead: heading && !heading.standalone ? heading.marker + heading.title : leadOf(textLine, sentences[0]?.end),
      sentences,
    });
  });

  const parts = assignParts(
    paragraphs.map((p, i) => ({
      text: p.text,
      top: p.sectionPath[0],
      isTopHeading: p.isHeading && p.sectionPath.length === 1,
      // A delivery or speaker line is the cover wherever the page printed it (after the text, say).
      isCover: i < front.lines.length || isCoverLine(p.text),
    })),
    metaBase.reviewYear,
    metaBase.planYear,
  );
  paragraphs.forEach((p, i) => (p.part = parts[i]));

  const meta = { ...metaBase, paragraphCount: paragraphs.length };
  const readFrom = fieldParagraphs(paragraphs, meta);
  if (Object.keys(readFrom).length) meta.readFrom = readFrom;
  // Headings are passages too: "重点工作有哪些" is answered by them (search shows them only for lists).
  const passages = paragraphs.flatMap((p) => makePassages(p));
  return { meta, paragraphs, sections: root.children, passages };
}

/**
 * The paragraph that states each field read from the text (the delivery line for the date and
 * session, the speaker line, the title), found by the same readers, so an answer about the
 * report cites the line it was read from and nobody reads cover lines a second way.
 */
function fieldParagraphs(paragraphs: readonly Paragraph[], meta: Report['meta']): NonNullable<Report['meta']['readFrom']> {
  const out: NonNullable<Report['meta']['readFrom']> = {};
  for (const p of paragraphs) {
    if (/[。；]/u.test(p.text) && p.text.length > 200) continue;
    const delivery = (meta.date || meta.congress) && (!out.date || !out.congress) ? readDeliveryLine([p.text]) : undefined;
    if (delivery && meta.date && delivery.date === meta.date && !out.date) out.date = p.id;
    if (delivery && meta.congress && delivery.congress === meta.congress && !out.congress) out.congress = p.id;
    if (meta.speaker.name && !out.speaker && readSpeaker([p.text])?.name === meta.speaker.name) out.speaker = p.id;
    if (!out.title && p.part === 'cover' && p.text.replace(/\s/gu, '') === meta.title) out.title = p.id;
  }
  return out;
}

/** The delivery line or the speaker line, as the metadata readers recognise them; never a sentence of the body. */
function isCoverLine(text: string): boolean {
  return !/[。；]/u.test(text) && (readDeliveryLine([text]) !== undefined || readSpeaker([text]) !== undefined);
}

/** A body shorter than this everywhere is a cover or a title page, not a report. */
const MIN_BODY_PARAGRAPH_CHARS = 20;

/**
 * The text as written (traditional, full-width) of a paragraph that page-break repair
 * joined from several lines: folding is per character, so the joined lines' originals,
 * found by position, concatenate to it.
 */
function rejoinedOriginal(folded: string, shown: readonly string[], simplified: readonly string[]): string | undefined {
  for (let i = 0; i < shown.length; i++) {
    if (!folded.startsWith(simplified[i])) continue;
    let acc = '';
    let orig = '';
    for (let j = i; j < shown.length && acc.length < folded.length; j++) {
      acc += simplified[j];
      orig += shown[j];
    }
    if (acc === folded) return orig;
  }
  return undefined;
}

/** "深化“万人助万企”。…" → 深化“万人助万企”: a short first sentence names the paragraph's topic. */
function leadOf(text: string, firstEnd: number | undefined): string | undefined {
  if (!firstEnd || firstEnd >= text.length) return undefined;
  const first = text.slice(0, firstEnd);
  if (first.length > DEFAULTS.leadMaxChars || !/。$/.test(first)) return undefined;
  return first.slice(0, -1);
}
