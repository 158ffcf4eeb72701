// report.html: one static, self-contained page (inline CSS and SVG, no
// scripts or external assets) with the summary table, a small bar chart of
// accuracy and citation precision per category, and the failing questions.
import { deltaRows } from './compareBaseline.js';
import { expectedText, explainFailure, reasonLabels } from './explainFailure.js';
import { pct, SUMMARY_COLUMNS } from './formatMetrics.js';
import type { ReportExtras } from './renderMarkdown.js';
import { setName, sideBySideRows, summaryRows } from './renderTable.js';
import type { Metrics, ResultsFile } from './types.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function table(headers: string[], rows: string[][]): string {
  const head = `<tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

const BAR_X = 96;
const BAR_W = 120;

/** Two horizontal bars, accuracy and citation precision, each 0–100%. */
export function categoryChart(category: string, m: Metrics): string {
  const bars = [
    { label: 'accuracy', value: m.accuracy, color: '#2f6fdf' },
    { label: 'cit precision', value: m.citationPrecision, color: '#1f9d6b' },
  ];
  const rows = bars
    .map((b, i) => {
      const y = 8 + i * 26;
      const w = b.value === null ? 0 : Math.max(0, Math.min(1, b.value)) * BAR_W;
      return [
        `<text x="0" y="${y + 13}" class="lbl">${b.label}</text>`,
        `<rect x="${BAR_X}" y="${y}" width="${BAR_W}" height="18" class="track"/>`,
        `<rect x="${BAR_X}" y="${y}" width="${w.toFixed(1)}" height="18" fill="${b.color}"/>`,
        `<text x="${BAR_X + BAR_W + 6}" y="${y + 13}" class="val">${escapeHtml(pct(b.value))}</text>`,
      ].join('');
    })
    .join('');
  const aria = `${category}: accuracy ${pct(m.accuracy)}, citation precision ${pct(m.citationPrecision)}`;
  return (
    `<figure class="chart"><figcaption>${escapeHtml(category)} <span class="n">n=${m.n}</span></figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="270" height="60" viewBox="0 0 270 60" role="img" aria-label="${escapeHtml(aria)}">${rows}</svg></figure>`
  );
}

const CSS = `
body{font:14px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1d2330}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #dde2ea;padding-bottom:.3rem}
table{border-collapse:collapse;margin:.5rem 0}th,td{padding:.25rem .6rem;border-bottom:1px solid #e6e9ef;text-align:right;white-space:nowrap}
th:first-child,td:first-child{text-align:left}thead th{background:#f3f5f9}tbody tr:last-child td{font-weight:600}
.charts{display:flex;flex-wrap:wrap;gap:.8rem}.chart{margin:0;padding:.5rem .7rem;border:1px solid #e1e5ec;border-radius:6px}
.chart figcaption{font-weight:600;margin-bottom:.2rem}.chart .n{color:#6b7383;font-weight:400}
.lbl,.val{font-size:12px;fill:#39404d}.track{fill:#edf0f5}
.meta{color:#4a5262}.ok{color:#1f7a4f}.bad{color:#b3261e}
details{border:1px solid #e1e5ec;border-radius:6px;margin:.4rem 0;padding:.4rem .7rem}summary{cursor:pointer}
summary code{font-weight:600}.reasons{color:#b3261e}
blockquote{margin:.4rem 0;padding:.3rem .7rem;background:#f6f7f9;border-left:3px solid #c9ced8;white-space:pre-wrap}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .8rem;margin:.4rem 0}dt{color:#6b7383}dd{margin:0}
`;

export function renderHtml(results: ResultsFile, extras: ReportExtras = {}): string {
  const { config, summary, records } = results;
  const parts: string[] = [];
  parts.push(
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>报告问答 eval — ${escapeHtml(config.startedAt)}</title><style>${CSS}</style></head><body>`,
    '<h1>报告问答 eval report</h1>',
    `<p class="meta">Started ${escapeHtml(config.startedAt)}, took ${(config.durationMs / 1000).toFixed(1)} s · mode ${escapeHtml(config.mode)}${config.model ? ` (${escapeHtml(config.model)})` : ''} · ${config.server ? `server ${escapeHtml(config.server)}` : 'in-process'} · ${config.questionCount} questions from ${escapeHtml(config.sets.join(', '))}${config.gitCommit ? ` · commit ${escapeHtml(config.gitCommit.slice(0, 12))}` : ''}</p>`,
  );

  const sets = Object.entries(results.bySet);
  if (sets.length > 1) {
    const side = sideBySideRows(results.bySet);
    parts.push('<h2>Sets side by side</h2>', table(side.headers.map((h, i) => (i === 0 ? 'metric' : h)), side.rows));
    for (const [set, s] of sets) {
      parts.push(`<h2>${escapeHtml(setName(set))}: ${escapeHtml(set)} (corpus ${escapeHtml(s.corpus.join(' + '))})</h2>`, table(['category', ...SUMMARY_COLUMNS.map((c) => c.header)], summaryRows(s)));
    }
  }
  parts.push(`<h2>${sets.length > 1 ? 'All sets together' : 'Summary'}</h2>`, table(['category', ...SUMMARY_COLUMNS.map((c) => c.header)], summaryRows(summary)));
  parts.push('<h2>Accuracy and citation precision by category</h2>', '<div class="charts">');
  for (const [cat, m] of Object.entries(summary.byCategory)) parts.push(categoryChart(cat, m));
  parts.push(categoryChart('overall', summary.overall), '</div>');

  if (results.warnings.length) {
    parts.push('<h2>Warnings</h2><ul>', ...results.warnings.map((w) => `<li>${escapeHtml(w)}</li>`), '</ul>');
  }
  if (extras.thresholds?.length) {
    parts.push('<h2>Thresholds</h2><ul>');
    for (const t of extras.thresholds) parts.push(`<li class="${t.ok ? 'ok' : 'bad'}">${t.ok ? '✔' : '✘'} ${escapeHtml(t.message)}</li>`);
    parts.push('</ul>');
  }
  if (extras.baseline) {
    const b = extras.baseline;
    const { headers, rows } = deltaRows(b);
    parts.push('<h2>Compared with baseline</h2>', `<p class="meta">Baseline run started ${escapeHtml(b.baselineStartedAt)}.</p>`, ...b.notes.map((n) => `<p class="bad">Note: ${escapeHtml(n)}</p>`), table(headers, rows));
    for (const [title, qs] of [
      ['Better: fail → pass', b.better],
      ['Worse: pass → fail', b.worse],
    ] as const) {
      parts.push(`<h3>${title} (${qs.length})</h3><ul>`);
      for (const q of qs) parts.push(`<li><code>${escapeHtml(q.id)}</code> (${escapeHtml(q.category)}) ${escapeHtml(q.question)}${q.reasons.length ? ` — ${escapeHtml(q.reasons.join(', '))}` : ''}</li>`);
      parts.push('</ul>');
    }
  }

  const failing = records.filter((r) => !r.correct);
  parts.push(`<h2>Failing questions (${failing.length})</h2>`);
  if (failing.length === 0) parts.push('<p>None.</p>');
  for (const r of failing) {
    const dl: [string, string][] = [['set', r.set]];
    if (r.history?.length) dl.push(['history', r.history.map((t) => `${t.role}: ${t.content}`).join('\n')]);
    dl.push(['asked', r.question], ['expected', expectedText(r)]);
    if (r.evidence.length) dl.push(['evidence', r.evidence.map((e) => `${e.report}「${e.quote}」`).join('；')]);
    dl.push(['status', `${r.status}${r.notice ? ` (notice: ${r.notice})` : ''}`]);
    dl.push(['citations', r.citations.length ? r.citations.map((c) => `[${c.marker}] ${c.id}${c.hasEvidence ? ' ✓evidence' : ''}${c.precise ? '' : ' ✗imprecise'}`).join(', ') : 'none']);
    dl.push(['retrieval rank', r.retrievalRank === null ? (r.answerable ? 'not in top 10' : 'n/a') : String(r.retrievalRank)]);
    dl.push(['why', explainFailure(r)]);
    parts.push(
      `<details><summary><code>${escapeHtml(r.id)}</code> (${escapeHtml(r.category)}) <span class="reasons">${escapeHtml(reasonLabels(r))}</span> — ${escapeHtml(r.question)}</summary>`,
      `<dl>${dl.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd style="white-space:pre-wrap">${escapeHtml(v)}</dd>`).join('')}</dl>`,
      `<blockquote>${escapeHtml(r.answer || '(empty)')}</blockquote></details>`,
    );
  }
  parts.push('</body></html>', '');
  return parts.join('\n');
}
