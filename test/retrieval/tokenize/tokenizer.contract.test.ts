// One contract, every Tokenizer implementation (the index and the queries must be
// able to swap implementations without changing what a number or a word means).
import { describe, expect, it } from 'vitest';
import type { Tokenizer } from '../../../retrieval/types.js';
import { createBigramTokenizer } from '../../../retrieval/tokenize/bigramTokenizer.js';
import { createJiebaTokenizer } from '../../../retrieval/tokenize/jiebaTokenizer.js';

const implementations: [string, () => Tokenizer][] = [
  ['jieba', () => createJiebaTokenizer()],
  ['bigram', () => createBigramTokenizer()],
];

const TERM = /^[\p{L}\p{N}][\p{L}\p{N}.%‰&]*$/u;

for (const [name, make] of implementations) {
  describe(`Tokenizer contract: ${name}`, () => {
    const tk = make();

    it('has a name', () => {
      expect(tk.name).toMatch(/\S/);
    });

    it('keeps years and percentages whole', () => {
      const terms = tk.tokenize('2024年增长6.5%');
      expect(terms).toContain('2024');
      expect(terms).toContain('6.5%');
      expect(terms).not.toContain('2');
      expect(terms).not.toContain('.');
    });

    it('emits number+unit and the bare number for amounts', () => {
      const terms = tk.tokenize('全年实现地区生产总值157.5亿元');
      expect(terms).toContain('157.5亿');
      expect(terms).toContain('157.5');
      // the question's spelling meets the report's
      expect(tk.tokenize('157.5亿')).toContain('157.5亿');
    });

    it('tolerates spaces between number and unit', () => {
      expect(tk.tokenize('累计办理出口退税 1.7 亿元')).toContain('1.7亿');
    });

    it('keeps point changes apart from rates', () => {
      const terms = tk.tokenize('高于全市平均水平9.3个百分点');
      expect(terms).toContain('9.3个百分点');
      expect(terms).not.toContain('9.3%');
    });

    it('lower-cases Latin words and keeps them whole', () => {
      expect(tk.tokenize('GDP')).toEqual(['gdp']);
      expect(tk.tokenize('惠济2024年GDP目标')).toContain('gdp');
      expect(tk.tokenize('R&D经费')).toContain('r&d');
    });

    it('normalises full-width digits, letters and percent signs', () => {
      expect(tk.tokenize('７％')).toContain('7%');
      expect(tk.tokenize('２０２４年')).toContain('2024');
      expect(tk.tokenize('ＧＤＰ')).toContain('gdp');
      expect(tk.tokenize('增长1.6％')).toEqual(tk.tokenize('增长1.6%'));
    });

    it('never emits punctuation or whitespace', () => {
      const terms = tk.tokenize('——2017年4月21日在新乡市红旗区，“十三五”规划：（一）GDP、投资！ \n\t…');
      expect(terms.length).toBeGreaterThan(0);
      // letters/digits, plus the decimal point, % and & inside number and Latin terms
      for (const t of terms) expect(t).toMatch(TERM);
    });

    it('removes stop words', () => {
      const terms = tk.tokenize('惠济区的GDP是多少呢');
      for (const stop of ['的', '是', '多少', '呢']) expect(terms).not.toContain(stop);
      expect(terms).toContain('gdp');
    });

    it('returns [] for empty or punctuation-only input', () => {
      expect(tk.tokenize('')).toEqual([]);
      expect(tk.tokenize('  ，。！？…  ')).toEqual([]);
    });

    it('lower-cases every term', () => {
      for (const t of tk.tokenize('GDP增速6.5%，CPI涨幅3%，R&D投入')) expect(t).toBe(t.toLowerCase());
    });

    it('is deterministic', () => {
      const text = '2023年全区实现地区生产总值261亿元，同比增长4.3%，总量居全市第4位。';
      expect(tk.tokenize(text)).toEqual(tk.tokenize(text));
      expect(make().tokenize(text)).toEqual(tk.tokenize(text));
    });

    it('handles a 100 KB string', () => {
      const unit = '全年实现地区生产总值157.5亿元，同比增长7.1%；GDP增速居全市第1位。';
      const big = unit.repeat(Math.ceil(100_000 / unit.length));
      const terms = tk.tokenize(big);
      expect(terms.length).toBeGreaterThan(1000);
      expect(terms).toContain('7.1%');
      // also one long Han run with no punctuation to break it
      expect(() => tk.tokenize('红旗区'.repeat(34_000))).not.toThrow();
    });
  });
}
