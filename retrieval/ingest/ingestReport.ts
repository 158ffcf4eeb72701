// One report file → metadata, paragraphs with stable ids and section paths,
// the section tree, and retrieval passages.
import { DEFAULTS } from '../defaults.js';
import type { Paragraph, Report, Section } from '../types.js';
import { cleanLines } from './cleanText.js';
import { decodeText } from './decodeText.js';
import { detectHeading } from './detectHeading.js';
import { makePassages } from './makePassages.js';
import type { MetaOverrides } from './metaOverrides.js';
import { parseMetadata } from './parseMetadata.js';
import { repairParagraphs } from './repairParagraphs.js';
import { splitFrontMatter } from './splitFrontMatter.js';
import { splitSentences } from './splitSentences.js';

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
  const lines = cleanLines(text);
  const front = splitFrontMatter(lines);
  const body = repairParagraphs(lines.slice(front.bodyStart));
  const metaBase = parseMetadata({ id: src.id, sourceFile: src.sourceFile, encoding, cover: front.lines, body });

  const root: Section = { id: `${src.id}:s0`, level: 0, marker: '', title: '封面', paragraphId: `${src.id}:p1`, children: [] };
  const stack: Section[] = [root];
  const paragraphs: Paragraph[] = [];
  const all = [...front.lines, ...body];

  all.forEach((textLine, i) => {
    const index = i + 1;
    const id = `${src.id}:p${index}`;
    const heading = i >= front.lines.length ? detectHeading(textLine) : undefined;
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
    paragraphs.push({
      id,
      reportId: src.id,
      index,
      text: textLine,
      isHeading: heading?.standalone ?? false,
      sectionId: stack[stack.length - 1].id,
      sectionPath,
      lead: heading && !heading.standalone ? heading.marker + heading.title : leadOf(textLine, sentences[0]?.end),
      sentences,
    });
  });

  const meta = { ...metaBase, paragraphCount: paragraphs.length };
  // Headings are passages too: "重点工作有哪些" is answered by them (search shows them only for lists).
  const passages = paragraphs.flatMap((p) => makePassages(p));
  return { meta, paragraphs, sections: root.children, passages };
}

/** "深化“万人助万企”。…" → 深化“万人助万企”: a short first sentence names the paragraph's topic. */
function leadOf(text: string, firstEnd: number | undefined): string | undefined {
  if (!firstEnd || firstEnd >= text.length) return undefined;
  const first = text.slice(0, firstEnd);
  if (first.length > DEFAULTS.leadMaxChars || !/。$/.test(first)) return undefined;
  return first.slice(0, -1);
}
