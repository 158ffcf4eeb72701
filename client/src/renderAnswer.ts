// Pure helpers that turn an answer string into renderable pieces: its citation markers, and a
// remark plugin that makes them citation elements inside the answer's Markdown (rendered by
// react-markdown in AnswerText.tsx). No DOM and no React here, so they can be tested in Node.

import { findMarkers, PENDING_MARKER } from '../../server/api/citationMarkers.js';
import type { Citation } from '../../server/api/schemas.js';

export type AnswerSegment =
  | { kind: 'text'; text: string }
  | { kind: 'cite'; marker: number };

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

/** A Markdown syntax tree node, as far as the citation plugin needs one (mdast). */
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  data?: { hName?: string; hProperties?: Record<string, unknown>; hChildren?: unknown[] };
}

/** Where a citation chip goes: a <cite data-marker="n"> element the chat renders as a chip. */
export const CITE_ELEMENT = 'cite';

/**
 * A remark plugin: [n] markers (every accepted style) in the answer's text become citation
 * elements, wherever the Markdown puts the text (a table cell, a list item, bold); code keeps
 * its brackets. While streaming, a half-received marker at the very end is held back, and
 * the caret goes after the last text.
 */
export function remarkCitations(options: { streaming?: boolean } = {}) {
  return (tree: MdNode) => {
    const texts: { parent: MdNode; index: number }[] = [];
    const walk = (node: MdNode) => {
      node.children?.forEach((child, index) => {
        if (child.type === 'text') texts.push({ parent: node, index });
        else if (child.type !== 'code' && child.type !== 'inlineCode') walk(child);
      });
    };
    walk(tree);
    const last = texts[texts.length - 1];
    // Right to left, so splitting a node does not move the ones still to visit.
    for (const { parent, index } of texts.reverse()) {
      const node = parent.children![index];
      const segments = splitAnswer(node.value ?? '', { streaming: options.streaming && parent === last?.parent && index === last.index });
      const replaced: MdNode[] = segments.map((seg) =>
        seg.kind === 'text'
          ? { type: 'text', value: seg.text }
          : { type: 'citation', data: { hName: CITE_ELEMENT, hProperties: { dataMarker: String(seg.marker) }, hChildren: [] } },
      );
      if (options.streaming && parent === last?.parent && index === last.index) {
        replaced.push({ type: 'caret', data: { hName: 'span', hProperties: { className: ['caret'], ariaHidden: 'true' }, hChildren: [] } });
      }
      parent.children!.splice(index, 1, ...replaced);
    }
  };
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
