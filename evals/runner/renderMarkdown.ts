// report.md: the run's settings, the summary and retrieval tables, thresholds,
// baseline deltas, and every failing question with what it asked, what was
// expected, what the answer said and why it failed.
import { deltaRows, type BaselineComparison } from './compareBaseline.js';
import type { ThresholdResult } from './checkThresholds.js';
import { expectedText, explainFailure, reasonLabels } from './explainFailure.js';
import { fixed, pct, SUMMARY_COLUMNS } from './formatMetrics.js';
import { setName, sideBySideRows, summaryRows } from './renderTable.js';
import type { ResultsFile } from './types.js';

export interface ReportExtras {
  thresholds?: ThresholdResult[];
  baseline?: BaselineComparison;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function markdownTable(headers: string[], rows: string[][]): string {
  const align = headers.map((_, i) => (i === 0 ? ':---' : '---:'));
  return [headers, align, ...rows].map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n');
}

function quoteBlock(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => `> ${l}`)
    .join('\n');
}

export function renderMarkdown(results: ResultsFile, extras: ReportExtras = {}): string {
  const { config, summary, records } = results;
  const out: string[] = [];
  out.push('# 报告问答 eval report', '');
  out.push(`- started: ${config.startedAt}, took ${(config.durationMs / 1000).toFixed(1)} s`);
  out.push(`- mode: ${config.mode}${config.model ? ` (${config.model})` : ''}${config.server ? `, server ${config.server}` : ', in-process'}`);
  out.push(`- sets: ${config.sets.join(', ')} (${config.questionCount} questions)`);
  if (config.gitCommit) out.push(`- commit: ${config.gitCommit}`);
  out.push(`- retrieval rank measured on: ${config.rankSource === 'search' ? 'top-10 search hits' : 'citation order (server run)'}`);
  out.push('');

  const sets = Object.entries(results.bySet);
  if (sets.length > 1) {
    // Sets run over different corpora: each is scored on its own, shown side by side first.
    const side = sideBySideRows(results.bySet);
    out.push('## Sets side by side', '', markdownTable(side.headers.map((h, i) => (i === 0 ? 'metric' : h)), side.rows), '');
    for (const [set, s] of sets) {
      out.push(`## ${setName(set)}: ${set} (corpus ${s.corpus.join(' + ')})`, '');
      out.push(markdownTable(['category', ...SUMMARY_COLUMNS.map((c) => c.header)], summaryRows(s)), '');
    }
    out.push('## All sets together', '');
  } else {
    out.push('## Summary', '');
  }
  out.push(markdownTable(['category', ...SUMMARY_COLUMNS.map((c) => c.header)], summaryRows(summary)), '');
  out.push('## Retrieval', '');
  const retrievalRows = [...Object.entries(summary.byCategory), ['overall', summary.overall] as const].map(([cat, m]) => [
    cat,
    String(m.answerable),
    pct(m.recallAt1),
    pct(m.recallAt3),
    pct(m.recallAt5),
    pct(m.recallAt10),
    fixed(m.mrr),
  ]);
  out.push(markdownTable(['category', 'answerable', 'recall@1', 'recall@3', 'recall@5', 'recall@10', 'MRR'], retrievalRows), '');

  if (results.warnings.length) {
    out.push('## Warnings', '', ...results.warnings.map((w) => `- ${w}`), '');
  }

  const thresholds = extras.thresholds ?? [];
  if (thresholds.length) {
    out.push('## Thresholds', '', ...thresholds.map((t) => `- ${t.ok ? '✅' : '❌'} ${t.message}`), '');
  }

  if (extras.baseline) {
    const b = extras.baseline;
    const { headers, rows } = deltaRows(b);
    out.push('## Compared with baseline', '', `Baseline run started ${b.baselineStartedAt}.`, '', ...b.notes.map((n) => `> Note: ${n}`), ...(b.notes.length ? [''] : []), markdownTable(headers, rows), '');
    const list = (title: string, qs: typeof b.better) => {
      out.push(`### ${title} (${qs.length})`, '');
      for (const q of qs) out.push(`- \`${q.id}\` (${q.category}) ${q.question}${q.reasons.length ? ` — ${q.reasons.join(', ')}` : ''}`);
      out.push('');
    };
    list('Better: fail → pass', b.better);
    list('Worse: pass → fail', b.worse);
    if (b.added.length) out.push(`New questions not in the baseline: ${b.added.map((x) => `\`${x}\``).join(', ')}`, '');
    if (b.removed.length) out.push(`Questions only in the baseline: ${b.removed.map((x) => `\`${x}\``).join(', ')}`, '');
  }

  const failing = records.filter((r) => !r.correct);
  out.push(`## Failing questions (${failing.length})`, '');
  if (failing.length === 0) out.push('None.', '');
  for (const r of failing) {
    out.push(`### \`${r.id}\` (${r.category}) — ${reasonLabels(r)}`, '');
    out.push(`- **set**: ${r.set}`);
    if (r.history?.length) {
      out.push('- **history**:');
      for (const t of r.history) out.push(`  - ${t.role}: ${t.content.replace(/\r?\n/g, ' ')}`);
    }
    out.push(`- **asked**: ${r.question}`);
    out.push(`- **expected**: ${expectedText(r)}`);
    if (r.evidence.length) out.push(`- **evidence**: ${r.evidence.map((e) => `${e.report}「${e.quote}」`).join('；')}`);
    out.push(`- **status**: ${r.status}${r.notice ? ` (notice: ${r.notice})` : ''}`);
    out.push(
      `- **citations**: ${r.citations.length ? r.citations.map((c) => `[${c.marker}] ${c.id}${c.hasEvidence ? ' ✓evidence' : ''}${c.precise ? '' : ' ✗imprecise'}`).join(', ') : 'none'}`,
    );
    out.push(`- **retrieval rank**: ${r.retrievalRank ?? (r.answerable ? 'not in top 10' : 'n/a')}`);
    out.push(`- **why**: ${explainFailure(r)}`, '');
    out.push('Answer:', '', quoteBlock(r.answer || '(empty)'), '');
  }

  const uncited = records.filter((r) => r.correct && r.answerable && r.citationRecall === 0);
  if (uncited.length) {
    out.push(`## Correct, but no evidence paragraph cited (${uncited.length})`, '');
    for (const r of uncited) out.push(`- \`${r.id}\` (${r.category}) ${r.question} — cited ${r.citations.map((c) => c.id).join(', ') || 'nothing'}`);
    out.push('');
  }
  return out.join('\n');
}
