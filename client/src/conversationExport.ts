// A conversation as a file to keep or send: Markdown for notes and editors, and a
// self-contained HTML page (its styles inline, no script, nothing fetched) that
// opens anywhere. Each answer keeps its citations: the report and page, the
// section, and the sentences quoted from the source. Pure: no DOM, tested in Node.
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { normaliseMarkers } from '../../server/api/citationMarkers.js';
import type { ChatCitationsData, Citation, Filters } from '../../server/api/schemas.js';
import { describeFilters, messageCitations, messageText, type ChatMessage } from './chatMessage.js';
import { splitAnswer } from './renderAnswer.js';

export interface ExportTurn {
  question: string;
  filters?: Filters;
  answer?: ChatCitationsData;
  /** The text shown when the answer never completed. */
  draft?: string;
}

export interface ExportableConversation {
  title: string;
  messages: readonly ChatMessage[];
  filtersByMessage: Record<string, Filters>;
}

/** Questions with the answers that followed them, in order. */
export function exportTurns(conv: ExportableConversation): ExportTurn[] {
  const turns: ExportTurn[] = [];
  for (const m of conv.messages) {
    if (m.role === 'user') turns.push({ question: messageText(m).trim(), filters: conv.filtersByMessage[m.id] });
    else if (m.role === 'assistant' && turns.length > 0) {
      const last = turns[turns.length - 1];
      const data = messageCitations(m);
      if (data) last.answer = data;
      else last.draft = messageText(m).trim();
    }
  }
  return turns;
}

/** 惠济区2024年政府工作报告 · 第 3 页 */
export function citationReport(c: Pick<Citation, 'place' | 'year' | 'page'>): string {
  return `${c.place}${c.year}年政府工作报告${c.page !== undefined ? ` · 第 ${c.page} 页` : ''}`;
}

/** Spans in order, overlapping ones merged (a clause inside its sentence is quoted once). */
function mergedSpans(c: Pick<Citation, 'matched'>): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const s of [...c.matched].filter((x) => x.end > x.start).sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** The sentences of the paragraph that support the answer, or the paragraph when none is marked. */
export function quotedSentences(c: Pick<Citation, 'text' | 'matched'>): string[] {
  const spans = mergedSpans(c);
  const quotes = spans.map((s) => c.text.slice(s.start, s.end).trim()).filter(Boolean);
  return quotes.length ? quotes : [c.text.trim()];
}

/** Citations an answer's text uses, by marker. */
function citedIn(answer: ChatCitationsData): Citation[] {
  const used = new Set(splitAnswer(answer.answer).flatMap((s) => (s.kind === 'cite' ? [s.marker] : [])));
  return [...answer.citations].filter((c) => used.size === 0 || used.has(c.marker)).sort((a, b) => a.marker - b.marker);
}

function exportedOn(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

export function conversationMarkdown(conv: ExportableConversation, now = new Date()): string {
  const out: string[] = [`# ${conv.title}`, '', `报告问答 · 导出于 ${exportedOn(now)}。回答只依据政府工作报告原文，[n] 为出处编号。`, ''];
  for (const turn of exportTurns(conv)) {
    out.push(`## 问：${turn.question}`, '');
    const scope = describeFilters(turn.filters);
    if (scope) out.push(`*提问范围：${scope}*`, '');
    if (!turn.answer) {
      out.push(turn.draft ? `${turn.draft}\n\n*（回答未完成，没有出处）*` : '*（没有回答）*', '');
      continue;
    }
    out.push(turn.answer.answer.trim(), '');
    if (turn.answer.status === 'no_evidence') out.push('*报告中未找到依据。*', '');
    const cited = citedIn(turn.answer);
    if (cited.length > 0) {
      out.push('**出处**', '');
      for (const c of cited) {
        out.push(`[${c.marker}] ${citationReport(c)}${c.section ? ` · ${c.section}` : ''}`, '');
        for (const q of quotedSentences(c)) out.push(`> ${q.replace(/\n+/g, ' ')}`);
        out.push('');
      }
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The answer's Markdown as HTML (micromark: CommonMark and GFM tables, raw HTML escaped, as the
 * chat shows it), with [n] as links to its sources below; links become their text and images
 * go, as in the chat: an exported page fetches nothing.
 */
function answerHtml(answer: ChatCitationsData, turn: number): string {
  const byMarker = new Set(answer.citations.map((c) => c.marker));
  return micromark(normaliseMarkers(answer.answer.trim()), { extensions: [gfm()], htmlExtensions: [gfmHtml()] })
    .replace(/<img\b[^>]*>/g, '')
    .replace(/<a\b[^>]*>([^]*?)<\/a>/g, '$1')
    .replace(/\[(\d{1,3})\]/g, (_, n: string) => (byMarker.has(Number(n)) ? `<sup><a href="#t${turn}-c${n}">[${n}]</a></sup>` : `<sup>[${n}]</sup>`))
    .trim();
}

/** The paragraph with the supporting sentences marked. */
function paragraphHtml(c: Citation): string {
  const spans = mergedSpans(c);
  let pos = 0;
  let html = '';
  for (const s of spans) {
    html += escapeHtml(c.text.slice(pos, s.start)) + `<mark>${escapeHtml(c.text.slice(s.start, s.end))}</mark>`;
    pos = s.end;
  }
  return html + escapeHtml(c.text.slice(pos));
}

const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--text:#1b2430;--muted:#5f6876;--line:#e2e5ea;--mark:#fbe3a0;--accent:#1f5f9e}
@media (prefers-color-scheme:dark){:root{--bg:#12161c;--text:#e6e9ee;--muted:#a5adb9;--line:#2c333d;--mark:#5c4a12;--accent:#8cb8ea}}
body{margin:0;background:var(--bg);color:var(--text);font:16px/1.75 -apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
main{max-width:760px;margin:0 auto;padding:32px 20px 64px}
h1{font-size:1.5em;margin:0 0 4px}h2{font-size:1.1em;margin:36px 0 8px;padding-top:20px;border-top:1px solid var(--line)}
.meta,.scope,.src-head{color:var(--muted);font-size:.9em}a{color:var(--accent)}sup a{text-decoration:none}
ol.sources{padding-left:1.4em}ol.sources li{margin:12px 0}blockquote{margin:6px 0 0;padding:8px 12px;border-left:3px solid var(--line)}
mark{background:var(--mark);color:inherit;border-radius:2px}.note{color:var(--muted);font-style:italic}`;

export function conversationHtml(conv: ExportableConversation, now = new Date()): string {
  const body: string[] = [];
  exportTurns(conv).forEach((turn, i) => {
    const t = i + 1;
    body.push(`<section><h2>问：${escapeHtml(turn.question)}</h2>`);
    const scope = describeFilters(turn.filters);
    if (scope) body.push(`<p class="scope">提问范围：${escapeHtml(scope)}</p>`);
    if (!turn.answer) {
      body.push(turn.draft ? `<p>${escapeHtml(turn.draft)}</p><p class="note">回答未完成，没有出处。</p>` : '<p class="note">没有回答。</p>', '</section>');
      return;
    }
    body.push(answerHtml(turn.answer, t));
    if (turn.answer.status === 'no_evidence') body.push('<p class="note">报告中未找到依据。</p>');
    const cited = citedIn(turn.answer);
    if (cited.length > 0) {
      body.push('<p class="src-head">出处</p><ol class="sources">');
      for (const c of cited) {
        body.push(
          `<li value="${c.marker}" id="t${t}-c${c.marker}"><strong>${escapeHtml(citationReport(c))}</strong>${c.section ? ` · ${escapeHtml(c.section)}` : ''}<blockquote>${paragraphHtml(c)}</blockquote></li>`,
        );
      }
      body.push('</ol>');
    }
    body.push('</section>');
  });
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(conv.title)} · 报告问答</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(conv.title)}</h1>
<p class="meta">报告问答 · 导出于 ${exportedOn(now)}。回答只依据政府工作报告原文，[n] 链接到出处段落，底色标出支持回答的句子。</p>
${body.join('\n')}
</main>
</body>
</html>
`;
}

/** A file name for an export: the title's letters and digits. */
export function exportFileName(title: string, ext: 'md' | 'html'): string {
  const stem = title.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || '对话';
  return `${stem}.${ext}`;
}
