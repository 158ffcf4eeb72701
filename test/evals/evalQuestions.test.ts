// Checks every evaluation question set in evals/*.jsonl against the schema and
// against the reports it cites: those in the folders the set is run over
// (evals/corpora.json; seeds/ unless listed). See evals/README.md for the rules.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import {
  EVAL_CATEGORIES,
  EvalQuestionSchema,
  normalizeForMatch,
  stripMarkdown,
  type EvalQuestion,
} from '../../evals/questionSchema';
import { corpusFoldersForSet, reportFilesIn } from '../../evals/setCorpus';

const EVALS_DIR = new URL('../../evals/', import.meta.url);
const SEEDS_DIR = new URL('../../seeds/', import.meta.url);

const MIN_QUESTIONS = 120;
const QUOTE_MIN_CHARS = 8;
const QUOTE_MAX_CHARS = 60;

interface LoadedLine {
  file: string;
  lineNo: number;
  raw: string;
}

function listFiles(dir: URL, ext: string): string[] {
  return readdirSync(fileURLToPath(dir))
    .filter((name) => name.endsWith(ext))
    .sort();
}

function loadLines(): LoadedLine[] {
  const lines: LoadedLine[] = [];
  for (const file of listFiles(EVALS_DIR, '.jsonl')) {
    const text = readFileSync(new URL(file, EVALS_DIR), 'utf8');
    text.split(/\r?\n/).forEach((raw, i) => {
      if (raw.trim() !== '') lines.push({ file, lineNo: i + 1, raw });
    });
  }
  return lines;
}

const where = (l: LoadedLine) => `${l.file}:${l.lineNo}`;

const evalFiles = listFiles(EVALS_DIR, '.jsonl');
const lines = loadLines();

// Parse leniently here so that one bad line is reported by the parse test
// instead of aborting collection of the whole file.
const parsed: { line: LoadedLine; q: EvalQuestion }[] = [];
for (const line of lines) {
  try {
    const result = EvalQuestionSchema.safeParse(JSON.parse(line.raw));
    if (result.success) parsed.push({ line, q: result.data });
  } catch {
    /* reported below */
  }
}
const questions = parsed.map((p) => p.q);

const reportIds = listFiles(SEEDS_DIR, '.txt').map((f) => f.replace(/\.txt$/, ''));

/** Per set file: report id → its lines (after removing **), over the folders the set is run on. */
const setReports = new Map<string, Map<string, string[]>>();
for (const file of evalFiles) {
  const reports = new Map<string, string[]>();
  for (const path of reportFilesIn(corpusFoldersForSet(join(fileURLToPath(EVALS_DIR), file)))) {
    reports.set(basename(path, '.txt'), readFileSync(path, 'utf8').split(/\r?\n/).map(stripMarkdown));
  }
  setReports.set(file, reports);
}
const corpusFolders = [...new Set(evalFiles.flatMap((file) => corpusFoldersForSet(join(fileURLToPath(EVALS_DIR), file))))];

describe('normalizeForMatch', () => {
  it('folds full-width ASCII and drops whitespace', () => {
    expect(normalizeForMatch('1.7 亿元')).toBe(normalizeForMatch('1.7亿元'));
    expect(normalizeForMatch('１．６％')).toBe('1.6%');
    expect(normalizeForMatch('（一）在经济增长上，')).toBe('(一)在经济增长上,');
    expect(normalizeForMatch('红旗区人民政府区长\u3000 郑援越')).toBe('红旗区人民政府区长郑援越');
    expect(normalizeForMatch('7%左右')).not.toBe(normalizeForMatch('7%'));
  });

  it('stripMarkdown removes only ** markers', () => {
    expect(stripMarkdown('实现上述目标，**必须坚持创新提质**。')).toBe('实现上述目标，必须坚持创新提质。');
    expect(stripMarkdown('a*b')).toBe('a*b');
  });
});

describe('evaluation question sets (evals/*.jsonl)', () => {
  it('exist and the seed reports exist', () => {
    expect(evalFiles.length).toBeGreaterThan(0);
    expect(reportIds.length).toBeGreaterThan(0);
  });

  it('every line is JSON that matches EvalQuestionSchema', () => {
    const failures: string[] = [];
    for (const line of lines) {
      let json: unknown;
      try {
        json = JSON.parse(line.raw);
      } catch (e) {
        failures.push(`${where(line)}: invalid JSON (${(e as Error).message})`);
        continue;
      }
      const result = EvalQuestionSchema.safeParse(json);
      if (!result.success) {
        const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        failures.push(`${where(line)}: ${issues}`);
      }
    }
    expect(failures).toEqual([]);
    expect(parsed.length).toBe(lines.length);
  });

  it(`has at least ${MIN_QUESTIONS} questions`, () => {
    expect(questions.length).toBeGreaterThanOrEqual(MIN_QUESTIONS);
  });

  it('ids are unique across all files', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const { line, q } of parsed) {
      const first = seen.get(q.id);
      if (first) dupes.push(`${q.id} at ${where(line)} (first at ${first})`);
      else seen.set(q.id, where(line));
    }
    expect(dupes).toEqual([]);
  });

  it('questions are unique (same wording and history only once)', () => {
    const seen = new Set<string>();
    const dupes: string[] = [];
    for (const { line, q } of parsed) {
      const key = JSON.stringify([q.history ?? [], normalizeForMatch(q.question)]);
      if (seen.has(key)) dupes.push(`${where(line)}: ${q.question}`);
      seen.add(key);
    }
    expect(dupes).toEqual([]);
  });

  it('categories are valid and every category is present', () => {
    for (const q of questions) expect(EVAL_CATEGORIES).toContain(q.category);
    const present = new Set(questions.map((q) => q.category));
    expect([...EVAL_CATEGORIES].filter((c) => !present.has(c))).toEqual([]);
  });

  it('every seed report, and every report in a folder some set is run over, is cited by some question', () => {
    const cited = new Set(questions.flatMap((q) => q.evidence.map((e) => e.report)));
    const all = [...new Set([...reportIds, ...reportFilesIn(corpusFolders).map((p) => basename(p, '.txt'))])];
    expect(all.filter((id) => !cited.has(id))).toEqual([]);
  });

  it('report ids are unique across the folders a set is run over', () => {
    const failures: string[] = [];
    for (const file of evalFiles) {
      const ids = reportFilesIn(corpusFoldersForSet(join(fileURLToPath(EVALS_DIR), file))).map((p) => basename(p, '.txt'));
      const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
      if (dupes.length) failures.push(`${file}: ${dupes.join(', ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('answerable questions have evidence and must_include; unanswerable have neither', () => {
    const failures: string[] = [];
    for (const { line, q } of parsed) {
      if (q.answerable) {
        if (q.evidence.length < 1) failures.push(`${where(line)} ${q.id}: answerable but no evidence`);
        if (q.must_include.length < 1) failures.push(`${where(line)} ${q.id}: answerable but no must_include`);
      } else {
        if (q.evidence.length !== 0) failures.push(`${where(line)} ${q.id}: unanswerable but has evidence`);
        if (q.must_include.length !== 0) failures.push(`${where(line)} ${q.id}: unanswerable but has must_include`);
      }
      if (q.category === 'refusal' && q.answerable) {
        failures.push(`${where(line)} ${q.id}: refusal must have answerable: false`);
      }
      if (q.category !== 'refusal' && q.category !== 'followup' && !q.answerable) {
        failures.push(`${where(line)} ${q.id}: only refusal and followup questions may be unanswerable`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refusals exist and compare questions cite at least two reports or two quotes', () => {
    expect(questions.filter((q) => q.category === 'refusal').length).toBeGreaterThan(0);
    const failures = parsed
      .filter(({ q }) => q.category === 'compare')
      .filter(({ q }) => q.evidence.length < 2)
      .map(({ line, q }) => `${where(line)} ${q.id}: compare needs evidence from both sides`);
    expect(failures).toEqual([]);
  });

  it('followup questions, and only they, carry a user/assistant history', () => {
    const failures: string[] = [];
    for (const { line, q } of parsed) {
      const h = q.history ?? [];
      if (q.category !== 'followup') {
        if (q.history !== undefined) failures.push(`${where(line)} ${q.id}: history on a non-followup question`);
        continue;
      }
      if (h.length < 2) {
        failures.push(`${where(line)} ${q.id}: followup needs at least one user and one assistant turn`);
        continue;
      }
      h.forEach((turn, i) => {
        const expected = i % 2 === 0 ? 'user' : 'assistant';
        if (turn.role !== expected) failures.push(`${where(line)} ${q.id}: history[${i}] should be ${expected}`);
      });
      if (h[h.length - 1]!.role !== 'assistant') {
        failures.push(`${where(line)} ${q.id}: history must end with an assistant turn`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("every evidence quote is a substring of one line of its report (after removing **), in the set's folders", () => {
    const failures: string[] = [];
    for (const { line, q } of parsed) {
      const folders = corpusFoldersForSet(join(fileURLToPath(EVALS_DIR), line.file)).join(', ');
      for (const ev of q.evidence) {
        const seedLines = setReports.get(line.file)?.get(ev.report);
        if (!seedLines) {
          failures.push(`${where(line)} ${q.id}: unknown report "${ev.report}" (no ${ev.report}.txt in ${folders})`);
          continue;
        }
        if (!seedLines.some((l) => l.includes(ev.quote))) {
          failures.push(`${where(line)} ${q.id}: quote not found in ${ev.report}: "${ev.quote}"`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it(`evidence quotes are short (${QUOTE_MIN_CHARS}–${QUOTE_MAX_CHARS} characters)`, () => {
    const failures: string[] = [];
    for (const { line, q } of parsed) {
      for (const ev of q.evidence) {
        const n = [...ev.quote].length;
        if (n < QUOTE_MIN_CHARS || n > QUOTE_MAX_CHARS) {
          failures.push(`${where(line)} ${q.id}: quote has ${n} characters: "${ev.quote}"`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('every must_include string appears in at least one of its evidence quotes (normalised)', () => {
    const failures: string[] = [];
    for (const { line, q } of parsed) {
      const quotes = q.evidence.map((e) => normalizeForMatch(e.quote));
      for (const m of q.must_include) {
        const needle = normalizeForMatch(m);
        if (needle === '' || !quotes.some((quote) => quote.includes(needle))) {
          failures.push(`${where(line)} ${q.id}: must_include "${m}" not in any evidence quote`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('each question cites evidence only once per quote', () => {
    const failures: string[] = [];
    for (const { line, q } of parsed) {
      const keys = q.evidence.map((e) => `${e.report}\u0000${e.quote}`);
      if (new Set(keys).size !== keys.length) failures.push(`${where(line)} ${q.id}: duplicate evidence`);
    }
    expect(failures).toEqual([]);
  });
});
