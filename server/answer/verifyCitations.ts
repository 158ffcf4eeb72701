// Citation enforcement. Every [n] must name a source that was given; every
// sentence that states a figure must cite a source holding that figure. A
// sentence that fails is removed (and reported); the caller decides whether a
// failed draft gets a repair round or is replaced by the offline answer.
import { normaliseMarkers } from '../api/citationMarkers.js';
import type { RemovedClaim } from '../api/schemas.js';
import type { Evidence } from './Answerer.js';
import { figuresIn, sourceHasNumber } from './figures.js';

export interface Verification {
  ok: boolean;
  /** The draft with failing sentences and unknown markers removed. */
  text: string;
  /** Human-readable problems, also what the model is told in a repair round. */
  problems: string[];
  removed: RemovedClaim[];
  /** Markers that remain in `text`, in order of first appearance. */
  markers: number[];
}

const MARKER = /\[(\d{1,3})\]/g;

/** Splits after 。！？; and newlines, keeping the markers that follow a full stop with their sentence. */
export function splitAnswerSentences(text: string): string[] {
  const parts = text.match(/[^。！？!?；;\n]*(?:[。！？!?；;]+(?:\s*\[\d{1,3}\])*|\n+|$)/g) ?? [];
  return parts.filter((p) => p.length > 0);
}

export function verifyCitations(draft: string, evidence: Evidence[]): Verification {
  const byMarker = new Map(evidence.map((e) => [e.marker, e]));
  const problems: string[] = [];
  const removed: RemovedClaim[] = [];
  const kept: string[] = [];

  for (const sentence of splitAnswerSentences(normaliseMarkers(draft))) {
    const cited = [...sentence.matchAll(MARKER)].map((m) => Number(m[1]));
    const unknown = cited.filter((n) => !byMarker.has(n));
    let clean = sentence;
    if (unknown.length) {
      const list = [...new Set(unknown)].map((n) => `[${n}]`).join('');
      problems.push(`引用${list}不对应任何提供的段落：“${sentence.trim()}”`);
      removed.push({ sentence: sentence.trim(), reason: `引用${list}不存在` });
      clean = clean.replace(MARKER, (m, n: string) => (byMarker.has(Number(n)) ? m : ''));
    }
    const valid = cited.filter((n) => byMarker.has(n));
    const figures = figuresIn(clean);
    if (figures.length === 0) {
      kept.push(clean);
      continue;
    }
    if (valid.length === 0) {
      problems.push(`这句话给出了数字却没有引用来源：“${sentence.trim()}”`);
      removed.push({ sentence: sentence.trim(), reason: '含数字但无引用' });
      continue;
    }
    const sources = valid.map((n) => byMarker.get(n)!.text);
    const missing = figures.filter((f) => !sources.some((s) => sourceHasNumber(s, f.number)));
    if (missing.length) {
      const list = [...new Set(missing.map((f) => f.text))].join('、');
      problems.push(`数字 ${list} 不在所引用的段落${valid.map((n) => `[${n}]`).join('')}中：“${sentence.trim()}”`);
      removed.push({ sentence: sentence.trim(), reason: `数字 ${list} 与所引段落不符` });
      continue;
    }
    kept.push(clean);
  }

  const text = kept.join('').replace(/[ \t]+\n/g, '\n').trim();
  const markers = [...new Set([...text.matchAll(MARKER)].map((m) => Number(m[1])))];
  return { ok: problems.length === 0, text, problems, removed, markers };
}
