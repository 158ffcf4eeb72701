// One line on why a question failed, for report.md, report.html and the console.
import { FAILURE_LABELS, type QuestionRecord } from './types.js';

export function expectedText(r: QuestionRecord): string {
  return r.answerable ? `answer containing ${r.mustInclude.map((m) => `「${m}」`).join(' ')}` : 'a refusal (status no_evidence: the reports do not say)';
}

export function explainFailure(r: QuestionRecord): string {
  const parts: string[] = [];
  for (const reason of r.reasons) {
    switch (reason) {
      case 'should_have_refused':
        parts.push('should have refused: the reports do not contain this, but the assistant answered');
        break;
      case 'false_refusal':
        parts.push('false refusal: the assistant said it found nothing, but the reports answer it');
        break;
      case 'wrong_figure':
        parts.push(`wrong figure: the answer lacks ${r.missing.map((m) => `「${m}」`).join(' ')} and states other numbers`);
        break;
      case 'missing_must_include':
        if (!r.reasons.includes('wrong_figure')) parts.push(`missing must_include: ${r.missing.map((m) => `「${m}」`).join(' ')}`);
        break;
      case 'other_place':
        parts.push(`other place: the answer names ${(r.offTarget ?? []).filter((x) => !/^\d{4}年$/.test(x)).map((x) => `「${x}」`).join(' ')}, which the question did not ask about`);
        break;
      case 'other_year':
        parts.push(`other year: the answer states figures for ${(r.offTarget ?? []).filter((x) => /^\d{4}年$/.test(x)).map((x) => `「${x}」`).join(' ')}, which the question did not ask about`);
        break;
      case 'no_citation':
        parts.push('no citation');
        break;
      case 'evidence_not_cited':
        parts.push('evidence not cited: no cited paragraph contains an evidence quote');
        break;
      case 'error':
        parts.push(`error: ${r.error ?? 'unknown'}`);
        break;
    }
  }
  return parts.join('; ') || 'failed';
}

export function reasonLabels(r: QuestionRecord): string {
  return r.reasons.map((x) => FAILURE_LABELS[x]).join(', ');
}
