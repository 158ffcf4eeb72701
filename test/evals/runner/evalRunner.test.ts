// The eval runner (evals/runner/): grading, table padding, baseline
// comparison, thresholds, input errors, and one small in-process run on the
// real corpus.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvalQuestion } from '../../../evals/questionSchema';
import { checkThresholds } from '../../../evals/runner/checkThresholds';
import { compareBaseline, formatDelta } from '../../../evals/runner/compareBaseline';
import { answerForMatch, numbersIn, paragraphHasEvidence, textHasFigure, textHasMustInclude, yearsIn } from '../../../evals/runner/evidenceMatch';
import { gradeAnswer, gradeContextFrom, isPreciseCitation, missingMustInclude, otherPlaces, otherYears, type GradableResponse } from '../../../evals/runner/gradeAnswer';
import { EvalInputError } from '../../../evals/runner/inputError';
import { loadQuestionSets, parseQuestionSet } from '../../../evals/runner/loadQuestionSets';
import { parseCliArgs } from '../../../evals/runner/parseArgs';
import { createProgress } from '../../../evals/runner/progressBar';
import { categoryChart, renderHtml } from '../../../evals/runner/renderHtml';
import { displayWidth, padDisplay, renderTextTable } from '../../../evals/runner/renderTable';
import { meanReciprocalRank, recallAt } from '../../../evals/runner/retrievalRank';
import { main, runEval, type RunEvalResult } from '../../../evals/runner/runEval';
import { computeMetrics, percentile, summarise } from '../../../evals/runner/summarise';
import type { Metrics, QuestionRecord, ResultsFile } from '../../../evals/runner/types';
import { loadCorpus } from '../../../retrieval/corpus/loadCorpus';
import { createBigramTokenizer } from '../../../retrieval/tokenize/bigramTokenizer';
import { startServer } from '../../../server/startServer';
import { sharedCorpus } from '../../helpers/corpus';

function question(over: Partial<EvalQuestion> = {}): EvalQuestion {
  return {
    id: 'q',
    question: '惠济区2024年GDP目标是多少',
    category: 'target',
    answerable: true,
    must_include: ['7%左右'],
    evidence: [{ report: 'huiji-2024', quote: '地区生产总值增长7%左右' }],
    ...over,
  };
}

const TARGETS_PARAGRAPH = '经济社会发展主要预期目标是:地区生产总值增长7%左右,固定资产投资增长8%以上,规模以上工业增加值增长9%以上。';

function response(over: Partial<GradableResponse> = {}): GradableResponse {
  return {
    status: 'answered',
    answer: '惠济区2024年地区生产总值的预期目标是增长7%左右[1]。',
    citations: [{ marker: 1, id: 'huiji-2024:p25', reportId: 'huiji-2024', text: TARGETS_PARAGRAPH, figures: ['7%'] }],
    ...over,
  };
}

describe('must_include matching', () => {
  it('treats full-width and half-width figures alike', () => {
    expect(missingMustInclude('目标是增长7％左右[1]。', ['7%左右'])).toEqual([]);
    expect(missingMustInclude('目标是增长7%左右[1]。', ['7％左右'])).toEqual([]);
    expect(missingMustInclude('增长７．５％', ['7.5%'])).toEqual([]);
  });

  it('ignores spaces (incl. the ideographic space), citation markers and bold', () => {
    expect(missingMustInclude('新增就业 0.88 万人', ['0.88万人'])).toEqual([]);
    expect(missingMustInclude('区长\u3000郑援越', ['区长郑援越'])).toEqual([]);
    expect(missingMustInclude('增长7%[1]左右', ['7%左右'])).toEqual([]);
    expect(missingMustInclude('增长**7%左右**', ['7%左右'])).toEqual([]);
  });

  it('does not accept a figure without its qualifier', () => {
    expect(missingMustInclude('目标是增长7%[1]。', ['7%左右'])).toEqual(['7%左右']);
    expect(missingMustInclude('目标是增长7%左右', ['7%左右', '8%以上'])).toEqual(['8%以上']);
  });

  it('answerForMatch and numbersIn skip markers and years', () => {
    expect(answerForMatch('增长 7％[12]')).toBe('增长7%');
    expect(numbersIn('2024年1月22日，增长7%，1,973万元[3]')).toEqual(['1', '22', '7', '1973']);
  });
});

describe('gradeAnswer', () => {
  it('grades an answer with every must_include and an evidence citation as correct', () => {
    const g = gradeAnswer(question(), response());
    expect(g).toMatchObject({ correct: true, falseRefusal: false, missing: [], reasons: [], citationPrecision: 1, citationRecall: 1, citationRank: 1 });
  });

  it('an answerable question refused is a false refusal', () => {
    const g = gradeAnswer(question(), response({ status: 'no_evidence', answer: '报告中没有找到', citations: [] }));
    expect(g.correct).toBe(false);
    expect(g.falseRefusal).toBe(true);
    expect(g.reasons).toEqual(['false_refusal']);
    expect(g.citationRecall).toBe(0);
    expect(g.citationPrecision).toBeNull();
  });

  it('an unanswerable question is correct only when refused', () => {
    const q = question({ answerable: false, category: 'refusal', must_include: [], evidence: [] });
    const refused = gradeAnswer(q, response({ status: 'no_evidence', answer: '报告中没有找到金水区', citations: [] }));
    expect(refused).toMatchObject({ correct: true, falseRefusal: false, reasons: [], citationPrecision: null, citationRecall: null });
    const answered = gradeAnswer(q, response());
    expect(answered.correct).toBe(false);
    expect(answered.reasons).toEqual(['should_have_refused']);
    expect(answered.falseRefusal).toBe(false);
  });

  it('tells a wrong figure from a missing qualifier', () => {
    const wrong = gradeAnswer(question(), response({ answer: '目标是增长6%[1]。' }));
    expect(wrong.reasons).toContain('wrong_figure');
    const qualifier = gradeAnswer(question(), response({ answer: '目标是增长7%[1]。' }));
    expect(qualifier.reasons).toEqual(['missing_must_include']);
    expect(qualifier.missing).toEqual(['7%左右']);
  });

  it('flags an answer without citations, and one whose citations miss the evidence', () => {
    expect(gradeAnswer(question(), response({ citations: [] })).reasons).toEqual(['no_citation']);
    const other = response({ citations: [{ marker: 1, id: 'huiji-2024:p3', reportId: 'huiji-2024', text: '惠济区人民政府区长', figures: [] }] });
    const g = gradeAnswer(question(), other);
    expect(g.correct).toBe(false); // strict: the right figure without citing a paragraph that holds it is not correct
    expect(g.reasons).toEqual(['evidence_not_cited']);
    expect(g.citationRecall).toBe(0);
    expect(g.citationRank).toBeNull();
  });

  it('an error is never correct', () => {
    const g = gradeAnswer(question(), { status: 'error', answer: '', citations: [] });
    expect(g).toMatchObject({ correct: false, reasons: ['error'], citationRecall: 0 });
  });
});

describe('strict grading', () => {
  // Three covered places, as loadCorpus would report them.
  const ctx = gradeContextFrom([
    { id: 'huiji-2024', place: '惠济区', city: '郑州市', date: '2024-01-22', reviewYear: 2023, planYear: 2024 },
    { id: 'hongqi-2024', place: '红旗区', city: '新乡市', date: '2024-03-08', reviewYear: 2023, planYear: 2024 },
    { id: 'nanshan-2024', place: '南山区', reviewYear: 2023, planYear: 2024 },
  ]);

  it('matches a figure only whole: not inside a longer number', () => {
    expect(missingMustInclude('目标是增长17%左右[1]。', ['7%左右'])).toEqual(['7%左右']);
    expect(missingMustInclude('收入26.12亿元[1]。', ['2亿元'])).toEqual(['2亿元']);
    expect(missingMustInclude('新增就业10.88万人', ['0.88万人'])).toEqual(['0.88万人']);
    expect(missingMustInclude('增长7.5%', ['7'])).toEqual(['7']);
    expect(missingMustInclude('收入2亿元，增长7%左右', ['2亿元', '7%左右'])).toEqual([]);
    // Words and figures after a word still match as substrings.
    expect(textHasMustInclude('区长李伟光作报告', '李伟光')).toBe(true);
    expect(textHasMustInclude('收入增长8%以上', '增长8%')).toBe(true);
    expect(gradeAnswer(question(), response({ answer: '目标是增长17%左右[1]。' })).correct).toBe(false);
  });

  it('reads years written as YYYY年 only', () => {
    expect(yearsIn('2023年和2024年，12024年，2024')).toEqual([2023, 2024]);
  });

  it('an answer that also gives another covered place is not correct', () => {
    const r = response({ answer: '惠济区2024年地区生产总值的预期目标是增长7%左右[1]，红旗区为7%[1]。' });
    const g = gradeAnswer(question(), r, ctx);
    expect(g.correct).toBe(false);
    expect(g.reasons).toContain('other_place');
    expect(g.offTarget).toEqual(['红旗区']);
    // The same answer is fine when the question asks about both.
    expect(otherPlaces(question({ question: '惠济区和红旗区2024年GDP目标' }), r.answer, ctx)).toEqual([]);
    // The evidence report's own city and the question's place are not "other".
    expect(gradeAnswer(question(), response({ answer: '郑州市惠济区2024年GDP目标是增长7%左右[1]。' }), ctx).correct).toBe(true);
    // Without a context the rule is not applied.
    expect(gradeAnswer(question(), r).correct).toBe(true);
  });

  it('a place named inside the asked one is not another place', () => {
    const q = question({ question: '鹤岗市南山区2024年GDP目标', answerable: false, must_include: [], evidence: [], category: 'refusal' });
    expect(otherPlaces(q, '鹤岗市南山区的报告不在库中。', ctx)).toEqual([]);
  });

  it('a refusal question answered about a different place is wrong on both counts; a refusal listing coverage is right', () => {
    const q = question({ id: 'r', question: '金水区2024年GDP目标', category: 'refusal', answerable: false, must_include: [], evidence: [] });
    const answered = gradeAnswer(q, response({ answer: '惠济区2024年GDP目标是增长7%左右[1]。' }), ctx);
    expect(answered.correct).toBe(false);
    expect(answered.reasons).toEqual(['should_have_refused', 'other_place']);
    const refused = gradeAnswer(q, { status: 'no_evidence', answer: '报告中没有金水区，现有报告覆盖惠济区、红旗区、南山区。', citations: [] }, ctx);
    expect(refused.correct).toBe(true);
    expect(refused.offTarget).toEqual([]);
  });

  it('an answer that states figures for a year not asked is not correct', () => {
    const q = question();
    const r = response({ answer: '惠济区2024年GDP目标是增长7%左右[1]，2019年为8%[1]。' });
    const g = gradeAnswer(q, r, ctx);
    expect(g.correct).toBe(false);
    expect(g.reasons).toContain('other_year');
    expect(g.offTarget).toEqual(['2019年']);
    // The report's reviewed year, a year written in a cited evidence paragraph, or a year without a figure are fine.
    expect(otherYears(q, '2023年增长6%，2024年目标7%左右。', [], ctx)).toEqual([]);
    expect(otherYears(q, '到2025年增长7%左右。', [{ text: '地区生产总值增长7%左右，到2025年…', hasEvidence: true }], ctx)).toEqual([]);
    expect(otherYears(q, '与2019年的报告不同。目标是7%左右。', [], ctx)).toEqual([]);
    expect(otherYears(q, '目标是7%左右（2019年为8%）。', [], ctx)).toEqual([2019]);
  });
});

describe('citation precision', () => {
  const evidence = [{ report: 'weidong-2024', quote: '实现城镇新增就业 0.88 万人' }];

  it('finds a raw quote (spaces, ％) in a cleaned paragraph of the same report only', () => {
    expect(paragraphHasEvidence({ reportId: 'weidong-2024', text: '去年实现城镇新增就业0.88万人。' }, evidence)).toBe(true);
    expect(paragraphHasEvidence({ reportId: 'hongqi-2024', text: '去年实现城镇新增就业0.88万人。' }, evidence)).toBe(false);
    expect(paragraphHasEvidence({ reportId: 'hongqi-2017', text: '增长1.6%' }, [{ report: 'hongqi-2017', quote: '增长1.6％' }])).toBe(true);
    expect(paragraphHasEvidence({ reportId: 'x', text: '实现上述目标，必须坚持创新提质。' }, [{ report: 'x', quote: '**必须坚持创新提质**' }])).toBe(true);
  });

  it('matches figures as whole numbers', () => {
    expect(textHasFigure('增长17%', '7%')).toBe(false);
    expect(textHasFigure('增长7%左右', '7%')).toBe(true);
    expect(textHasFigure('增长7.5%', '7')).toBe(false);
    expect(textHasFigure('完成 26.12 亿元', '26.12亿元')).toBe(true);
  });

  it('counts evidence citations and figure-backing citations as precise, others not', () => {
    const answer = '新增就业0.88万人[1]，固定资产投资增长8%[2]。[3]';
    const cited = [
      { marker: 1, id: 'weidong-2024:p8', reportId: 'weidong-2024', text: '实现城镇新增就业0.88万人。', figures: ['0.88万人'] },
      { marker: 2, id: 'weidong-2024:p36', reportId: 'weidong-2024', text: '固定资产投资增长8%。', figures: ['8%'] },
      { marker: 3, id: 'weidong-2024:p3', reportId: 'weidong-2024', text: '卫东区人民政府区长宋建立。', figures: [] },
    ];
    expect(isPreciseCitation(cited[0], evidence, answer)).toBe(true);
    expect(isPreciseCitation(cited[1], evidence, answer)).toBe(true);
    expect(isPreciseCitation(cited[2], evidence, answer)).toBe(false);
    // A figure listed but absent from the paragraph, or not stated in the answer, does not count.
    expect(isPreciseCitation({ ...cited[1], figures: ['8%', '9%'] }, evidence, answer)).toBe(false);
    expect(isPreciseCitation(cited[1], evidence, '新增就业0.88万人[1]')).toBe(false);

    const q = question({ evidence, must_include: ['0.88万人'] });
    const g = gradeAnswer(q, { status: 'answered', answer, citations: cited });
    expect(g.citationPrecision).toBeCloseTo(2 / 3, 10);
    expect(g.citationRecall).toBe(1);
    expect(g.citations.map((c) => [c.hasEvidence, c.precise])).toEqual([
      [true, true],
      [false, true],
      [false, false],
    ]);
  });
});

describe('CJK-aware table padding', () => {
  it('counts CJK and full-width characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('惠济区')).toBe(6);
    expect(displayWidth('（一）')).toBe(6);
    expect(displayWidth('GDP增长7%')).toBe(9);
    expect(padDisplay('中文', 6)).toBe('中文  ');
    expect(padDisplay('中文', 6, 'right')).toBe('  中文');
    expect(padDisplay('toolong', 3)).toBe('toolong');
  });

  it('aligns columns of mixed CJK and ASCII text', () => {
    const table = renderTextTable(
      ['类别', 'n', 'accuracy'],
      [
        ['目标', '40', '80.0%'],
        ['compare', '3', '100.0%'],
      ],
    );
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    // Every row ends at the same display column; the second column starts at the same column.
    const widths = lines.map(displayWidth);
    expect(new Set(widths).size).toBe(1);
    expect(lines[0]).toBe('类别      n  accuracy');
    expect(lines[2]).toBe('目标     40     80.0%');
    expect(lines[3]).toBe('compare   3    100.0%');
  });
});

function record(id: string, correct: boolean, over: Partial<QuestionRecord> = {}): QuestionRecord {
  return {
    id,
    set: 'evals/x.jsonl',
    category: 'target',
    question: `question ${id}`,
    answerable: true,
    mustInclude: ['7%'],
    evidence: [],
    status: correct ? 'answered' : 'no_evidence',
    answer: '',
    citations: [],
    correct,
    falseRefusal: !correct,
    missing: correct ? [] : ['7%'],
    reasons: correct ? [] : ['false_refusal'],
    citationPrecision: correct ? 1 : null,
    citationRecall: correct ? 1 : 0,
    retrievalRank: correct ? 1 : null,
    latencyMs: 10,
    ...over,
  };
}

function resultsFile(records: QuestionRecord[], rankSource: 'search' | 'citations' = 'search'): ResultsFile {
  return {
    config: {
      sets: ['evals/x.jsonl'],
      mode: 'offline',
      rankSource,
      concurrency: 1,
      startedAt: '2024-01-01T00:00:00.000Z',
      durationMs: 1,
      questionCount: records.length,
      node: 'v20',
    },
    summary: summarise(records),
    bySet: {},
    records,
    warnings: [],
  };
}

describe('summaries', () => {
  it('computes accuracy, refusal accuracy, recall@k, MRR and percentiles', () => {
    const rs = [
      record('a', true, { retrievalRank: 1, latencyMs: 1 }),
      record('b', true, { retrievalRank: 4, latencyMs: 2 }),
      record('c', false, { retrievalRank: null, latencyMs: 3 }),
      record('d', true, { category: 'refusal', answerable: false, status: 'no_evidence', falseRefusal: false, citationPrecision: null, citationRecall: null, retrievalRank: null, latencyMs: 4 }),
    ];
    const m = computeMetrics(rs);
    expect(m).toMatchObject({ n: 4, answerable: 3, unanswerable: 1, correct: 3, accuracy: 0.75, refusalAccuracy: 1, falseRefusals: 1 });
    expect(m.recallAt1).toBeCloseTo(1 / 3);
    expect(m.recallAt5).toBeCloseTo(2 / 3);
    expect(m.mrr).toBeCloseTo((1 + 0.25 + 0) / 3);
    expect(m.citationPrecision).toBe(1); // c has no citations: not counted
    expect(m.citationRecall).toBeCloseTo(2 / 3);
    expect(m.p50Ms).toBe(2);
    expect(m.p95Ms).toBe(4);
    expect(Object.keys(summarise(rs).byCategory)).toEqual(['target', 'refusal']);
    expect(percentile([], 50)).toBeNull();
    expect(recallAt([], 5)).toBeNull();
    expect(meanReciprocalRank([2, null])).toBe(0.25);
  });
});

describe('baseline comparison', () => {
  it('reports per-category deltas and questions that got better or worse', () => {
    const before = resultsFile([record('a', false), record('b', true), record('c', true), record('gone', true)]);
    const after = resultsFile([record('a', true), record('b', false), record('c', true), record('new', true)]);
    const cmp = compareBaseline(before, after);
    expect(cmp.better.map((q) => q.id)).toEqual(['a']);
    expect(cmp.worse.map((q) => q.id)).toEqual(['b']);
    expect(cmp.worse[0].reasons).toEqual(['false refusal']);
    expect(cmp.better[0].reasons).toEqual(['false refusal']); // why it used to fail
    expect(cmp.added).toEqual(['new']);
    expect(cmp.removed).toEqual(['gone']);
    const overall = cmp.categories.find((c) => c.category === 'overall')!;
    expect(overall.deltas.accuracy).toBeCloseTo(0);
    expect(overall.deltas.falseRefusals).toBe(0);
    expect(cmp.notes).toEqual([]);
  });

  it('shows the change in accuracy per category and warns when ranks were measured differently', () => {
    const before = resultsFile([record('a', false), record('b', false)], 'citations');
    const after = resultsFile([record('a', true), record('b', false)]);
    const cmp = compareBaseline(before, after);
    const target = cmp.categories.find((c) => c.category === 'target')!;
    expect(target.deltas.accuracy).toBeCloseTo(0.5);
    expect(target.deltas.falseRefusals).toBe(-1);
    expect(formatDelta(target.deltas.accuracy, 'ratio')).toBe('+50.0pt');
    expect(formatDelta(-1, 'count')).toBe('−1');
    expect(formatDelta(null, 'score')).toBe('—');
    expect(cmp.notes[0]).toMatch(/citations in the baseline but from search/);
  });
});

describe('thresholds', () => {
  const metrics = computeMetrics([record('a', true), record('b', true), record('c', false), record('d', true)]);

  it('passes thresholds that are met, including exactly', () => {
    const res = checkThresholds(metrics, { minAccuracy: 0.75, maxFalseRefusals: 1, minRecall5: 0.5 });
    expect(res.map((r) => r.ok)).toEqual([true, true, true]);
  });

  it('fails the ones that are not, saying by how much', () => {
    const res = checkThresholds(metrics, { minAccuracy: 0.9, maxFalseRefusals: 0, minCitationPrecision: 0.5 });
    const byFlag = Object.fromEntries(res.map((r) => [r.flag, r]));
    expect(byFlag['--min-accuracy'].ok).toBe(false);
    expect(byFlag['--min-accuracy'].message).toBe('accuracy 75.0% is below --min-accuracy 0.9 (90.0%) by 15.0 points');
    expect(byFlag['--max-false-refusals'].message).toBe('false refusals 1 exceed --max-false-refusals 0 by 1');
    expect(byFlag['--min-citation-precision'].ok).toBe(true);
  });

  it('a metric that cannot be measured does not meet its threshold', () => {
    const [r] = checkThresholds(metrics, { minRefusalAccuracy: 0.5 });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/could not be measured/);
  });
});

describe('input errors', () => {
  it('names file and line of a bad question', () => {
    const good = JSON.stringify(question());
    expect(() => parseQuestionSet(`${good}\n\n{"id":"x"`, 'evals/x.jsonl')).toThrow(/evals\/x\.jsonl:3: not valid JSON/);
    expect(() => parseQuestionSet(`${good}\n${JSON.stringify({ ...question(), id: 'y', must_includes: [] })}`, 'x.jsonl')).toThrow(
      /x\.jsonl:2 \(id y\): does not match the question schema/,
    );
    expect(parseQuestionSet(`\n${good}\n`, 'x.jsonl')[0].line).toBe(2);
  });

  it('rejects bad flags and values', () => {
    expect(() => parseCliArgs(['--min-accuracy', '90'])).toThrow(EvalInputError);
    expect(() => parseCliArgs(['--max-false-refusals', '1.5'])).toThrow(/whole number/);
    expect(() => parseCliArgs(['--mode', 'fast'])).toThrow(/offline or llm/);
    expect(() => parseCliArgs(['--frobnicate'])).toThrow(/Unknown option/);
    const ok = parseCliArgs(['--set', 'a.jsonl', 'b.jsonl', '--min-recall5', '0.8', '--max-false-refusals', '2']);
    expect(ok.sets).toEqual(['a.jsonl', 'b.jsonl']);
    expect(ok.thresholds).toEqual({ minRecall5: 0.8, maxFalseRefusals: 2 });
  });

  it('loads the default sets (every evals/*.jsonl) and they validate', () => {
    const { sets, questions } = loadQuestionSets();
    expect(sets).toContain('evals/questions.jsonl');
    expect(questions.length).toBeGreaterThanOrEqual(120);
  });
});

describe('progress', () => {
  it('prints a line every 25 questions when stderr is not a terminal', () => {
    const out: string[] = [];
    const p = createProgress(60, { isTTY: false, write: (s: string) => out.push(s) });
    for (let i = 0; i < 60; i++) p.tick();
    p.done();
    expect(out.map((l) => l.replace(/\(.*\)/, '').trim())).toEqual(['eval: 25/60 questions', 'eval: 50/60 questions', 'eval: 60/60 questions']);
  });

  it('redraws one line on a terminal and clears it at the end', () => {
    const out: string[] = [];
    const p = createProgress(2, { isTTY: true, columns: 100, write: (s: string) => out.push(s) });
    p.tick('a');
    p.tick('b');
    p.done();
    expect(out.every((s) => s.startsWith('\r'))).toBe(true);
    expect(out.some((s) => s.includes('2/2') && s.includes('b'))).toBe(true);
    expect(out.at(-1)).toBe('\r\x1b[K');
  });
});

describe('html report', () => {
  it('is self-contained and escapes text', () => {
    const rs = [record('a<b>', false, { question: '<script>alert(1)</script>', answer: '"x" & y' })];
    const html = renderHtml(resultsFile(rs));
    expect(html).not.toMatch(/<script|<link|\ssrc=|@import|url\(/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<svg');
    const svg = categoryChart('target', { accuracy: 0.5, citationPrecision: null, n: 2 } as Metrics);
    expect(svg).toContain('width="60.0"');
    expect(svg).toContain('—');
  });
});

// One small in-process run on the real corpus.
const E2E_SET = [
  question({ id: 'e2e-huiji-gdp-target' }),
  {
    id: 'e2e-weidong-new-jobs',
    question: '卫东区2023年城镇新增就业多少人',
    category: 'actual',
    answerable: true,
    must_include: ['9796人'],
    evidence: [{ report: 'weidong-2024', quote: '全年城镇新增就业 9796 人' }],
  },
  {
    id: 'e2e-followup-weidong',
    question: '那卫东区呢？',
    category: 'followup',
    answerable: true,
    must_include: ['6.5%'],
    evidence: [{ report: 'weidong-2024', quote: '经济增长6.5%，研发经费投入强度2.1%以上' }],
    history: [
      { role: 'user', content: '惠济区2024年GDP目标是多少' },
      { role: 'assistant', content: '惠济区2024年地区生产总值的预期目标是增长7%左右。' },
    ],
  },
  { id: 'e2e-refusal-fake-district', question: '金水区2024年GDP目标是多少', category: 'refusal', answerable: false, must_include: [], evidence: [] },
  // Deliberately impossible expectation: the report says 7%左右, so this must be graded wrong.
  question({ id: 'e2e-impossible-figure', question: '惠济区2024年地区生产总值增长目标', must_include: ['12.5%左右'] }),
] satisfies EvalQuestion[];

describe('runEval in-process on the real corpus', () => {
  let dir: string;
  let setPath: string;
  let res: RunEvalResult;
  const printed: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'eval-runner-'));
    setPath = join(dir, 'small.jsonl');
    writeFileSync(setPath, `${E2E_SET.map((q) => JSON.stringify(q)).join('\n')}\n`);
    res = await runEval({
      sets: [setPath],
      out: join(dir, 'out'),
      latest: join(dir, 'latest.json'),
      corpus: await sharedCorpus(),
      progress: false,
      print: (t) => printed.push(t),
      warn: (t) => printed.push(t),
    });
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const rec = (id: string) => res.results.records.find((r) => r.id === id)!;

  it('grades the GDP target question correct, with the evidence paragraph cited and ranked', () => {
    const r = rec('e2e-huiji-gdp-target');
    expect(r.status).toBe('answered');
    expect(r.answer).toContain('7%左右');
    expect(r.correct).toBe(true);
    expect(r.citationRecall).toBe(1);
    expect(r.citationPrecision).toBe(1);
    expect(r.citations.some((c) => c.id.startsWith('huiji-2024:') && c.hasEvidence)).toBe(true);
    expect(r.retrievalRank).not.toBeNull();
    expect(r.retrievalRank!).toBeLessThanOrEqual(5);
  });

  it('finds a quote written with spaces in the cleaned paragraph', () => {
    const r = rec('e2e-weidong-new-jobs');
    expect(r.correct).toBe(true);
    expect(r.citationRecall).toBe(1);
  });

  it('resolves the follow-up from history', () => {
    expect(rec('e2e-followup-weidong').correct).toBe(true);
  });

  it('grades the refusal for a district the reports do not cover as correct', () => {
    const r = rec('e2e-refusal-fake-district');
    expect(r.status).toBe('no_evidence');
    expect(r.correct).toBe(true);
    expect(r.citations).toEqual([]);
    expect(r.retrievalRank).toBeNull();
  });

  it('grades the impossible expectation as a wrong figure', () => {
    const r = rec('e2e-impossible-figure');
    expect(r.correct).toBe(false);
    expect(r.reasons[0]).toBe('wrong_figure');
    expect(r.missing).toEqual(['12.5%左右']);
  });

  it('summarises the run', () => {
    const o = res.results.summary.overall;
    expect(o).toMatchObject({ n: 5, answerable: 4, unanswerable: 1, correct: 4, accuracy: 0.8, refusalAccuracy: 1, falseRefusals: 0, errors: 0 });
    expect(o.citationRecall).toBe(1);
    expect(o.recallAt10).toBe(1);
    expect(res.results.config).toMatchObject({ mode: 'offline', rankSource: 'search', concurrency: 1, questionCount: 5 });
    expect(res.results.warnings).toEqual([]);
    expect(res.exitCode).toBe(0);
    expect(printed.join('\n')).toMatch(/overall\s+5\s+80\.0%/);
  });

  it('writes results.json, report.md, report.html and the latest copy', () => {
    const saved = JSON.parse(readFileSync(res.files.results, 'utf8')) as ResultsFile;
    expect(saved.records).toHaveLength(5);
    expect(saved.records[0].answer).toContain('7%左右');
    expect(readFileSync(join(dir, 'latest.json'), 'utf8')).toBe(readFileSync(res.files.results, 'utf8'));
    const md = readFileSync(res.files.markdown, 'utf8');
    expect(md).toContain('## Failing questions (1)');
    expect(md).toContain('`e2e-impossible-figure`');
    expect(md).toContain('wrong figure');
    expect(md).toContain('「12.5%左右」');
    const html = readFileSync(res.files.html, 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('e2e-impossible-figure');
    expect(html).not.toMatch(/<script|<link|\ssrc=/);
  });

  it('main: exit 1 with a threshold not met, and compares with a baseline', async () => {
    const out: string[] = [];
    const code = await main(
      ['--set', setPath, '--out', join(dir, 'second'), '--baseline', res.files.results, '--min-accuracy', '0.9', '--max-false-refusals', '0'],
      { corpus: await sharedCorpus(), progress: false, latest: false, print: (t) => out.push(t), warn: (t) => out.push(t) },
    );
    expect(code).toBe(1);
    const text = out.join('\n');
    expect(text).toContain('FAIL accuracy 80.0% is below --min-accuracy 0.9 (90.0%) by 10.0 points');
    expect(text).toContain('ok   false refusals 0 within --max-false-refusals 0');
    expect(text).toContain('Better (fail → pass) (0)');
    expect(existsSync(join(dir, 'second', 'report.md'))).toBe(true);
  });

  it('main: scores each set on its own, prints them side by side, and --threshold-set scopes the thresholds', async () => {
    // A second set holding only the two questions the small set answers right.
    const other = join(dir, 'other.jsonl');
    writeFileSync(other, `${E2E_SET.slice(0, 2).map((q) => JSON.stringify({ ...q, id: `other-${q.id}` })).join('\n')}\n`);
    const corpus = await sharedCorpus();
    const io = (out: string[]) => ({ corpus, progress: false as const, latest: false as const, print: (t: string) => out.push(t), warn: (t: string) => out.push(t) });

    const scoped: string[] = [];
    expect(await main(['--set', setPath, '--set', other, '--out', join(dir, 'two'), '--threshold-set', 'other', '--min-accuracy', '0.9'], io(scoped))).toBe(0);
    const text = scoped.join('\n');
    expect(text).toContain('Sets side by side:');
    expect(text).toMatch(/accuracy\s+80\.0%\s+100\.0%/);
    expect(text).toContain('ok   other: accuracy 100.0% meets --min-accuracy 0.9');
    expect(text).not.toContain('small: accuracy');
    const saved = JSON.parse(readFileSync(join(dir, 'two', 'results.json'), 'utf8')) as ResultsFile;
    expect(Object.values(saved.bySet).map((s) => [s.questionCount, s.overall.correct])).toEqual([
      [5, 4],
      [2, 2],
    ]);
    expect(saved.summary.overall.n).toBe(7);

    // Without --threshold-set every set is held to them: the small set fails.
    const all: string[] = [];
    expect(await main(['--set', setPath, '--set', other, '--out', join(dir, 'three'), '--min-accuracy', '0.9'], io(all))).toBe(1);
    expect(all.join('\n')).toContain('FAIL small: accuracy 80.0% is below --min-accuracy 0.9');

    const unknown: string[] = [];
    expect(await main(['--set', setPath, '--threshold-set', 'nope', '--min-accuracy', '0.9'], io(unknown))).toBe(2);
    expect(unknown.join('\n')).toMatch(/--threshold-set nope: no such set/);

    // --thresholds FILE: each set on its own bars; a set not in the run is noted, not checked.
    const bars = join(dir, 'bars.json');
    writeFileSync(bars, JSON.stringify({ $comment: 'per set', small: { 'min-accuracy': 0.75, why: 'four of five' }, other: { 'min-accuracy': 1 }, absent: { 'min-accuracy': 0.5 } }));
    const own: string[] = [];
    expect(await main(['--set', setPath, '--set', other, '--out', join(dir, 'four'), '--thresholds', bars], io(own))).toBe(0);
    expect(own.join('\n')).toContain('ok   small: accuracy 80.0% meets --min-accuracy 0.75');
    expect(own.join('\n')).toContain('ok   other: accuracy 100.0% meets --min-accuracy 1');
    expect(own.join('\n')).toContain('note: thresholds for absent: not in this run, not checked');
    writeFileSync(bars, JSON.stringify({ small: { 'min-accuracy': 0.9 } }));
    const failing: string[] = [];
    expect(await main(['--set', setPath, '--set', other, '--out', join(dir, 'five'), '--thresholds', bars], io(failing))).toBe(1);
    expect(failing.join('\n')).toContain('FAIL small: accuracy 80.0% is below --min-accuracy 0.9');
    writeFileSync(bars, JSON.stringify({ small: { 'min-acuracy': 0.9 } }));
    const typo: string[] = [];
    expect(await main(['--set', setPath, '--thresholds', bars], io(typo))).toBe(2);
    expect(typo.join('\n')).toMatch(/unknown threshold "min-acuracy"/);
  });

  it('runs each set over the folders evals/corpora.json gives it', async () => {
    // Two questions per set keep this quick; what matters is which corpus each set got.
    const pick = (file: string, n: number) => readFileSync(new URL(`../../../evals/${file}`, import.meta.url), 'utf8').split('\n').filter(Boolean).slice(0, n).join('\n');
    const evalsDir = join(dir, 'evals');
    const dev = join(evalsDir, 'questions.jsonl');
    const gen = join(evalsDir, 'generalisation.jsonl');
    mkdirSync(evalsDir, { recursive: true });
    writeFileSync(dev, `${pick('questions.jsonl', 2)}\n`);
    writeFileSync(gen, `${pick('generalisation.jsonl', 2)}\n`);
    // Outside the project the manifest names neither file, so both run over seeds/ …
    const outside = await runEval({ sets: [dev, gen], out: join(dir, 'corpora-1'), progress: false, latest: false, print: () => {}, warn: () => {} });
    expect(Object.values(outside.results.bySet).map((s) => s.corpus)).toEqual([['seeds'], ['seeds']]);
    // … while the project's own sets get their listed folders, and different corpora.
    const inside = await runEval({ sets: ['evals/questions.jsonl', 'evals/generalisation.jsonl'], out: join(dir, 'corpora-2'), progress: false, latest: false, print: () => {}, warn: () => {} });
    const bySet = inside.results.bySet;
    expect(bySet['evals/questions.jsonl'].corpus).toEqual(['seeds']);
    expect(bySet['evals/generalisation.jsonl'].corpus).toEqual(['seeds', 'evals/reports']);
    expect(bySet['evals/questions.jsonl'].corpusHash).not.toBe(bySet['evals/generalisation.jsonl'].corpusHash);
    expect(inside.results.config.corpusHash).toBeUndefined();
  }, 60_000);

  it('main: exit 2 for a bad question line, naming file:line', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify(E2E_SET[0])}\n{"id": "no-fields"}\n`);
    const out: string[] = [];
    const code = await main(['--set', bad], { progress: false, latest: false, print: (t) => out.push(t), warn: (t) => out.push(t) });
    expect(code).toBe(2);
    expect(out.join('\n')).toMatch(/bad\.jsonl:2 \(id no-fields\)/);
  });

  it('main: exit 2 for --mode llm without LLM_BASE_URL/LLM_MODEL', async () => {
    const out: string[] = [];
    const code = await main(['--set', setPath, '--mode', 'llm'], { env: {}, progress: false, latest: false, print: (t) => out.push(t), warn: (t) => out.push(t) });
    expect(code).toBe(2);
    expect(out.join('\n')).toMatch(/--mode llm needs .*LLM_BASE_URL and LLM_MODEL/);
  });

  it('main: exit 2 when the server cannot be reached', async () => {
    const out: string[] = [];
    const code = await main(['--set', setPath, '--server', 'http://127.0.0.1:1'], { progress: false, latest: false, print: (t) => out.push(t), warn: (t) => out.push(t) });
    expect(code).toBe(2);
    expect(out.join('\n')).toMatch(/cannot reach the server at http:\/\/127\.0\.0\.1:1/);
  });

  it('main: exit 2, scoring nothing, on a build whose tokenizer runs degraded (in-process or a server)', async () => {
    const standIn = { ...createBigramTokenizer(), degraded: 'nodejieba 无法加载，检索退化为二字切分（bigram）' };
    const degraded = await loadCorpus({ cacheDir: false, tokenizer: standIn });
    const out: string[] = [];
    const io = { progress: false as const, latest: false as const, print: (t: string) => out.push(t), warn: (t: string) => out.push(t) };
    expect(await main(['--set', setPath, '--out', join(dir, 'degraded')], { ...io, corpus: degraded })).toBe(2);
    expect(out.join('\n')).toMatch(/refusing to score a degraded build \(nodejieba 无法加载/);
    expect(existsSync(join(dir, 'degraded'))).toBe(false);

    out.length = 0;
    const server = await startServer({ port: 0, quiet: true, llm: null, corpus: degraded });
    try {
      expect(await main(['--set', setPath, '--server', server.url, '--out', join(dir, 'degraded')], io)).toBe(2);
      expect(out.join('\n')).toMatch(/refusing to score a degraded build \(the server at .* runs degraded: nodejieba 无法加载/);
    } finally {
      await server.close();
    }
  });
});
