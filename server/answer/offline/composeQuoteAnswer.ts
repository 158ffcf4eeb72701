// Descriptive questions: quote the two or three passages of the evidence that
// best cover the question's content words, each cited. Report sentences run to
// hundreds of characters, so the unit quoted is a window of clauses around the
// best-matching clause, never cut mid-clause. When no window covers enough of
// the question, there is no answer here: a weak match is worse than saying so.
import { type Corpus, DEFAULTS, type Evidence, type ParsedQuery, questionWords, toSimplified } from '../../../retrieval/public.js';
import { answerLanguageOf, placeEn, possessive } from './english.js';

const { maxSnippets: MAX_SNIPPETS, maxSnippetChars: MAX_SNIPPET_CHARS, minCoverage: MIN_COVERAGE, roleBonus: ROLE_BONUS, keepRatio: KEEP_RATIO } = DEFAULTS.answer.quote;

function fitsRole(e: Evidence, query: ParsedQuery): boolean {
  if (query.yearRole === 'any') return false;
  const review = e.part ? e.part === 'review' : /回顾|过去/.test(e.section.split(' › ')[0]);
  return query.yearRole === 'actual' ? review : !review;
}


interface Snippet {
  e: Evidence;
  start: number;
  end: number;
  score: number;
  /** The leads the window was judged with. */
  lead: string;
}

/** Longer terms are more specific: 碳化硅 says more than 建设. */
const weight = (t: string) => (/^[\d.]+/.test(t) ? 2 : Math.min(t.length, 4));

export function composeQuoteAnswer(question: string, query: ParsedQuery, evidence: Evidence[], corpus: Corpus): string | undefined {
  const terms = [...new Set(questionWords(corpus, toSimplified(question), query))].filter((t) => t.length > 1 || /\d/.test(t));
  // Search-mode tokens overlap (招商引资, 招商, 引资): weigh the longest ones, and give a
  // long word half credit when only one of its parts appears (招商 in 开放招商成效显著).
  const words = terms.filter((t) => !terms.some((o) => o !== t && o.includes(t)));
  const partsOf = new Map(words.map((w) => [w, terms.filter((t) => t !== w && w.includes(t))]));
  const total = words.reduce((s, t) => s + weight(t), 0);
  if (total === 0) return undefined;
  const cover = (text: string) =>
    words.reduce((s, w) => s + (text.includes(w) ? weight(w) : partsOf.get(w)!.some((p) => text.includes(p)) ? weight(w) / 2 : 0), 0);

  const snippets: Snippet[] = [];
  evidence.forEach((e, rank) => {
    if (e.section === '封面') return;
    // A short lead sentence ("开放招商成效显著。") names what the whole paragraph is about, and a
    // short sentence inside it ("问题楼盘攻坚化解及保交楼扎实推进。") what follows it up to the
    // next: every window is judged with both.
    const leads = leadsOf(e);
    segments(e.text).forEach((seg, k) => {
      const lead = leads[k];
      const clauses = clausesOf(e.text, seg.start, seg.end);
      clauses.forEach((_, i) => {
        // Grow a window from clause i while it stays short.
        let j = i;
        while (j + 1 < clauses.length && clauses[j + 1].end - clauses[i].start <= MAX_SNIPPET_CHARS) j++;
        const start = clauses[i].start;
        const end = clauses[j].end;
        const text = e.text.slice(start, end).toLowerCase();
        // The subsection heading is weaker evidence than the paragraph's own words: half credit for
        // the words only it holds (every paragraph under （六）…民生 is not about 民生).
        const own = cover(`${lead.own}\n${text}`);
        const w = own + 0.5 * (cover(`${lead.heading}\n${lead.own}\n${text}`) - own);
        if (w === 0) return;
        // Figures make a descriptive answer concrete; earlier evidence ranked higher; the
        // review answers "2023年做得怎么样", the plan "2024年打算怎么做".
        const score = w + (/\d/.test(text) ? 1 : 0) + 1 / (1 + rank) + (fitsRole(e, query) ? ROLE_BONUS : 0);
        snippets.push({ e, start, end, score, lead: `${lead.heading}\n${lead.own}` });
      });
    });
  });
  if (snippets.length === 0) return undefined;
  snippets.sort((a, b) => b.score - a.score || a.start - b.start);
  // A question about how a year went (or what it plans) is answered from that part of the report,
  // never the other: 2015年农业发展怎么样 quoted from a plan to 2020 would read as the outcome.
  const ranked = query.yearRole !== 'any' && query.year !== undefined ? snippets.filter((sn) => fitsRole(sn.e, query)) : snippets;
  if (ranked.length === 0) return undefined;
  const best = ranked[0];

  const chosen: Snippet[] = [];
  for (const s of ranked) {
    if (chosen.length >= MAX_SNIPPETS || s.score < best.score * KEEP_RATIO) break;
    // One report, one part of it: a plan's sentence next to the review's would mix years.
    if (s.e.reportId !== best.e.reportId || fitsRole(s.e, query) !== fitsRole(best.e, query)) continue;
    if (chosen.some((c) => c.e === s.e && c.start < s.end && s.start < c.end)) continue;
    chosen.push(s);
  }
  // A two-part question may be answered by two windows together; judge coverage on what is
  // quoted, read with its paragraph's lead as the windows were scored ("（一）科技创新…。" names
  // the topic of every window under it).
  const quoted = chosen.map((s) => `${s.lead}\n${s.e.text.slice(s.start, s.end).toLowerCase()}`).join('\n');
  if (cover(quoted) / total < MIN_COVERAGE) return undefined;
  chosen.sort((a, b) => a.e.marker - b.e.marker || a.start - b.start);
  const first = chosen[0].e;
  const body = chosen.map((s) => `${quote(s.e.text.slice(s.start, s.end))}[${s.e.marker}]。`).join('');
  if (answerLanguageOf(question) === 'en') {
    return `From ${possessive(placeEn(first.place))} ${first.year} government work report: ${chosen.map((s) => `“${quote(s.e.text.slice(s.start, s.end))}”[${s.e.marker}]`).join(' ')}`;
  }
  return `根据${first.place}${first.year}年政府工作报告：${body}`;
}

/**
 * For each segment of a paragraph, the leads it is read with (lower-cased): the paragraph's short
 * first sentence, and the last short sentence (ending in 。) before or at the segment inside it.
 */
function leadsOf(e: Evidence): { heading: string; own: string }[] {
  const segs = segments(e.text);
  const isLead = (seg: { start: number; end: number }) => seg.end - seg.start <= DEFAULTS.leadMaxChars && e.text[seg.end] === '。';
  // The heading of the paragraph's own subsection (（四）…大力发展民生事业 over 就业形势保持稳定。…) names its topic too;
  // a top-level part's title (一、2022年工作回顾) names none.
  const path = e.section.split(' › ');
  const heading = path.length > 1 ? path[path.length - 1].toLowerCase() : '';
  const first = segs[0] && segs[0].end - segs[0].start <= DEFAULTS.leadMaxChars ? e.text.slice(segs[0].start, segs[0].end).toLowerCase() : '';
  let sub = '';
  return segs.map((seg, k) => {
    if (k > 0 && isLead(seg)) sub = e.text.slice(seg.start, seg.end).toLowerCase();
    return { heading, own: [first, sub].filter(Boolean).join('\n') };
  });
}

/** Sentence-like segments: split at 。！？ and at semicolons, which separate independent items. */
function segments(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(/[。！？!?；;]/g)) {
    out.push({ start, end: m.index! });
    start = m.index! + 1;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out.filter((s) => s.end > s.start);
}

function clausesOf(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let s = start;
  for (let i = start; i < end; i++) {
    if (/[，,：:]/.test(text[i])) {
      if (i > s) out.push({ start: s, end: i });
      s = i + 1;
    }
  }
  if (end > s) out.push({ start: s, end });
  return out;
}

/** Trims a window's edge punctuation and a lead-in such as "（一）…。". */
function quote(s: string): string {
  return s.replace(/^[，,、：:\s]+|[，,、：:\s]+$/g, '');
}
