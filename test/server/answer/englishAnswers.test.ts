// An English question gets an English answer from the offline answerer: the same facts and
// citations, figures with their qualifiers and units in English, the report's own writing quoted.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../../retrieval/types.js';
import { scriptOf } from '../../../server/answer/verify/answerLanguage.js';
import { answerQuestion } from '../../../server/answer/answerQuestion.js';
import { sharedCorpus } from '../../helpers/corpus.js';

let corpus: Corpus;
beforeAll(async () => {
  corpus = await sharedCorpus();
});
const ask = (question: string) => answerQuestion({ corpus }, { question });

describe('English answers to English questions', () => {
  it('a target: the qualifier in English, the figure as written quoted, the citation unchanged', async () => {
    const zh = await ask('惠济区2024年GDP目标是多少');
    const en = await ask("What is Huiji District's GDP growth target for 2024?");
    expect(en.status).toBe('answered');
    expect(scriptOf(en.answer)).toBe('latin');
    expect(en.answer).toContain('Huiji District');
    expect(en.answer).toContain('about 7%');
    expect(en.answer).toContain('7%左右');
    expect(en.verified).toBe(true);
    expect(en.citations.map((c) => c.id)).toEqual(zh.citations.map((c) => c.id));
  });

  it('an amount: 亿元 in words, never a converted number', async () => {
    const en = await ask("What was Weidong District's GDP in 2023?");
    expect(en.answer).toContain('hundred million yuan');
    expect(en.answer).not.toMatch(/billion/);
    expect(en.verified).toBe(true);
  });

  it('who delivered a report and when, each cited to its line', async () => {
    const en = await ask('Who delivered the Hongqi District government work report in 2024?');
    expect(en.status).toBe('answered');
    expect(en.answer).toContain('March 8, 2024');
    // The office in English, the name as the report writes it.
    expect(en.answer).toContain('District Head 刘怀斌');
    expect(en.answer).toContain('fourth session of the fifteenth People');
    expect(en.verified).toBe(true);
  });

  it('the targets of a year, listed in English, each checked on its own', async () => {
    const en = await ask("What are Hongqi District's main targets for 2024?");
    expect(en.status).toBe('answered');
    expect(en.answer).toContain('GDP (gross regional product): growth of 7%[1]');
    expect(en.answer).toContain('fixed-asset investment: growth of at least 10%');
    expect(en.removed).toEqual([]);
    expect(en.citations.map((c) => c.id)).toEqual(['hongqi-2024:p22']);
  });

  it('a refusal says so in English', async () => {
    const en = await ask("What was Huiji District's birth rate in 2023?");
    expect(en.status).toBe('no_evidence');
    expect(scriptOf(en.answer)).toBe('latin');
    expect(en.answer).toContain('not found');
  });

  it('a place no report covers, named in pinyin, is refused by name rather than answered from other places', async () => {
    for (const [question, place] of [
      ['What is the GDP target of Shanghai for 2024?', 'Shanghai'],
      ['What is the 2024 GDP target of Pei County?', 'Pei County'],
      ['What was the GDP of Xuzhou in 2023?', 'Xuzhou'],
    ] as const) {
      const en = await ask(question);
      expect(en.status, question).toBe('no_evidence');
      expect(en.answer).toContain(`${place}`);
      expect(en.answer).toContain('not found');
      expect(en.citations).toEqual([]);
      expect(en.removed).toEqual([]);
    }
    // A covered place's parent city alone is not one of its places (as 郑州2024年GDP目标 in Chinese).
    expect((await ask('What is the GDP target of Zhengzhou for 2024?')).status).toBe('no_evidence');
    // Ordinary English words are not places: the question is still answered.
    const plain = await ask('What is the planned growth of Huiji District GDP in 2024, and how does it compare?');
    expect(plain.status).toBe('answered');
    // guide is also the pinyin of 贵德 (Guide County): lower-case, it is the English word.
    const word = await ask('What figure did Huiji District set to guide its GDP growth in 2024?');
    expect(word.status).toBe('answered');
    expect(word.answer).toContain('7%');
    expect((await ask('What is the GDP target of Guide County for 2024?')).status).toBe('no_evidence');
  });
});
