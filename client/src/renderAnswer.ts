// Pure helpers that turn an answer string into renderable pieces.
// No DOM and no React here, so they can be tested in Node.

import { findMarkers, PENDING_MARKER } from '../../server/api/citationMarkers.js';
import type { Citation } from '../../server/api/schemas.js';

export type AnswerSegment =
  | { kind: 'text'; text: string }
  | { kind: 'cite'; marker: number };

export type AnswerBlock =
  | { kind: 'para'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] };

/**
 * Splits answer text into plain text and citation markers, in every style the
 * shared grammar accepts ([1], [1,2], [1-3], 【1】, [^1], (来源1) …).
 * With `streaming`, a half-received marker at the end ("…左右[") is held back
 * so the bracket does not flash before it turns into a chip.
 */
export function splitAnswer(text: string, opts: { streaming?: boolean } = {}): AnswerSegment[] {
  let source = text;
  if (opts.streaming) source = source.replace(PENDING_MARKER, '');
  const out: AnswerSegment[] = [];
  const pushText = (t: string) => {
    if (!t) return;
    const last = out[out.length - 1];
    if (last && last.kind === 'text') last.text += t;
    else out.push({ kind: 'text', text: t });
  };
  let pos = 0;
  for (const m of findMarkers(source)) {
    pushText(source.slice(pos, m.index));
    for (const marker of m.markers) out.push({ kind: 'cite', marker });
    pos = m.index + m.raw.length;
  }
  pushText(source.slice(pos));
  return out;
}

/** Markers in order of first appearance, without duplicates. */
export function markersInAnswer(text: string): number[] {
  const seen: number[] = [];
  for (const s of splitAnswer(text)) {
    if (s.kind === 'cite' && !seen.includes(s.marker)) seen.push(s.marker);
  }
  return seen;
}

const BULLET_RE = /^\s*[-*•·]\s+/;
const ORDERED_RE = /^\s*(?:\d{1,2}[.、)）](?!\d)|[（(]\d{1,2}[)）])\s*/;

/**
 * Splits an answer into paragraphs and simple lists by line.
 * Models may write "- item" or "1. item" lines; the extractive answerer writes plain sentences.
 */
export function answerBlocks(text: string): AnswerBlock[] {
  const blocks: AnswerBlock[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const bullet = BULLET_RE.test(line);
    const ordered = !bullet && ORDERED_RE.test(line);
    if (bullet || ordered) {
      const item = line.replace(bullet ? BULLET_RE : ORDERED_RE, '');
      const last = blocks[blocks.length - 1];
      if (last && last.kind === 'list' && last.ordered === ordered) last.items.push(item);
      else blocks.push({ kind: 'list', ordered, items: [item] });
    } else {
      blocks.push({ kind: 'para', text: line });
    }
  }
  return blocks;
}

/** Splits `**bold**` runs out of a text segment. */
export function splitStrong(text: string): { text: string; strong: boolean }[] {
  const parts: { text: string; strong: boolean }[] = [];
  const re = /\*\*([^*]+)\*\*/g;
  let pos = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (at > pos) parts.push({ text: text.slice(pos, at), strong: false });
    parts.push({ text: m[1], strong: true });
    pos = at + m[0].length;
  }
  if (pos < text.length) parts.push({ text: text.slice(pos), strong: false });
  return parts;
}

/** One line naming where a citation comes from: 惠济区 2024年政府工作报告 · 三、… › （一）… */
export function citationSource(c: Pick<Citation, 'place' | 'year' | 'section'>): string {
  const head = `${c.place} ${c.year}年政府工作报告`;
  return c.section ? `${head} · ${c.section}` : head;
}

/** 第 25 段, from a paragraph id (`${reportId}:p${index}`); '' when the id has no index. */
export function paragraphLabel(paragraphId: string): string {
  const m = /:p(\d+)$/.exec(paragraphId);
  return m ? `第 ${Number(m[1])} 段` : '';
}

/** The answer as plain text with its sources listed, for the clipboard. */
export function answerForClipboard(answer: string, citations: Citation[]): string {
  const text = answer.trim();
  const used = markersInAnswer(text);
  const cited = citations
    .filter((c) => used.length === 0 || used.includes(c.marker))
    .sort((a, b) => a.marker - b.marker);
  if (cited.length === 0) return text;
  const lines = cited.map((c) => {
    const where = [paragraphLabel(c.id), c.page !== undefined ? `第 ${c.page} 页` : ''].filter(Boolean).join('，');
    return `[${c.marker}] ${citationSource(c)}${where ? `（${where}）` : ''}\n    “${c.text}”`;
  });
  return `${text}\n\n出处：\n${lines.join('\n')}`;
}
