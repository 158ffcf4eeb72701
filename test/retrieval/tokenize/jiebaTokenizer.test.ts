// jieba-specific behaviour: the user dictionary and search-mode recall.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTokenizer } from '../../../retrieval/tokenize/createTokenizer.js';
import { domainTerms } from '../../../retrieval/tokenize/domainTerms.js';
import { createJiebaTokenizer, type JiebaApi } from '../../../retrieval/tokenize/jiebaTokenizer.js';
import { SegmenterUnavailableError } from '../../../retrieval/tokenize/SegmenterUnavailableError.js';
import { tokenizerFromEnv } from '../../../retrieval/tokenize/tokenizerFromEnv.js';
import { tokenizerLabel } from '../../../retrieval/tokenize/tokenizerLabel.js';
import { indicatorTerms } from '../../../retrieval/indicators/vocabulary.js';

describe('jieba tokenizer', () => {
  const tk = createJiebaTokenizer();

  it.each(['一般公共预算收入', '规模以上工业增加值', '社会消费品零售总额', '城镇调查失业率', '研发经费投入强度', '居民人均可支配收入', '地区生产总值', '固定资产投资'])(
    'keeps the domain term %s whole',
    (term) => {
      expect(tk.tokenize(`全年${term}增长5%`)).toContain(term);
    },
  );

  it('keeps any division’s name whole, with and without its suffix (names from the gazetteer, not the corpus)', () => {
    const terms = tk.tokenize('徐州市沛县、乐山市马边彝族自治县、鄂尔多斯市鄂托克旗和郑州市惠济区');
    for (const t of ['沛县', '马边彝族自治县', '鄂托克旗', '惠济区', '徐州市', '乐山市', '鄂尔多斯市', '郑州市']) {
      expect(terms).toContain(t);
    }
    expect(tk.tokenize('马边县和鄂托克的情况')).toEqual(expect.arrayContaining(['马边县', '鄂托克']));
  });

  it('splits a typical question into place, year and indicator', () => {
    const terms = tk.tokenize('龙岗2024年GDP目标');
    expect(terms).toEqual(expect.arrayContaining(['龙岗', '2024', 'gdp', '目标']));
  });

  it('emits the sub-words of a compound so partial names still match', () => {
    // A user typing 生产总值 / 预算收入 / 工业增加值 must meet the report's full label.
    expect(tk.tokenize('地区生产总值')).toEqual(expect.arrayContaining(['地区生产总值', '生产总值', '生产', '总值']));
    expect(tk.tokenize('一般公共预算收入')).toEqual(expect.arrayContaining(['预算收入', '收入']));
    expect(tk.tokenize('规模以上工业增加值')).toContain('工业增加值');
    const query = tk.tokenize('生产总值');
    const passage = new Set(tk.tokenize('全年实现地区生产总值157.5亿元'));
    expect(query.every((t) => passage.has(t))).toBe(true);
  });

  it('keeps plan names whole', () => {
    expect(tk.tokenize('“十三五”规划')).toContain('十三五');
    expect(tk.tokenize('“十四五”规划的关键一年')).toContain('十四五');
  });

  it('derives its dictionary from the vocabulary', () => {
    const dict = new Set(domainTerms());
    for (const t of indicatorTerms()) if (/^\p{Script=Han}+$/u.test(t)) expect(dict.has(t)).toBe(true);
    expect(dict.has('马边')).toBe(true);
  });

  it('reports its name', () => {
    expect(tk.name).toMatch(/^jieba@/);
    expect(createTokenizer().name).toBe(tk.name);
    expect(createTokenizer('bigram').name).toMatch(/^bigram@/);
  });
});

describe('a segmenter that cannot load', () => {
  afterEach(() => vi.restoreAllMocks());

  // What a blocked or skipped install script leaves behind: nodejieba is there, its native binding is not.
  const broken: JiebaApi = {
    load: () => {
      throw new Error('nodejieba native binding was not found at …/build/Release/nodejieba.node. This usually means install scripts were skipped');
    },
    cut: () => [],
    cutForSearch: () => [],
    insertWord: () => false,
  };

  it('is a fault with its fix, never a silent bigram fallback', () => {
    let error: unknown;
    try {
      createTokenizer('jieba', { jieba: broken });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SegmenterUnavailableError);
    const message = (error as Error).message;
    expect(message).toContain('native binding was not found');
    expect(message).toContain('"allowScripts"');
    expect(message).toContain('npm rebuild nodejieba');
    expect(message).toContain('TOKENIZER_FALLBACK=bigram');
    expect(((error as Error).cause as Error).message).toMatch(/^nodejieba native binding/);
  });

  it('stops npm start and the CLIs unless TOKENIZER_FALLBACK=bigram is set', () => {
    expect(() => tokenizerFromEnv({}, { jieba: broken })).toThrow(SegmenterUnavailableError);
    expect(() => tokenizerFromEnv({ TOKENIZER_FALLBACK: 'off' }, { jieba: broken })).toThrow(SegmenterUnavailableError);
    expect(() => tokenizerFromEnv({ TOKENIZER_FALLBACK: 'yes' }, { jieba: broken })).toThrow(/TOKENIZER_FALLBACK 须为 bigram/);
  });

  it('with TOKENIZER_FALLBACK=bigram gives the bigram tokenizer, marked degraded, and says so', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tk = tokenizerFromEnv({ TOKENIZER_FALLBACK: 'bigram' }, { jieba: broken });
    expect(tk.name).toMatch(/^bigram@/);
    expect(tk.degraded).toMatch(/nodejieba 无法加载.*native binding was not found/);
    expect(tokenizerLabel(tk)).toBe('bigram (degraded)');
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0][0]).toContain('TOKENIZER_FALLBACK=bigram');
    expect(tk.tokenize('2024年GDP')).toEqual(['2024', 'gdp']);
  });

  it('uses jieba whenever it loads, opt-in or not', () => {
    const tk = tokenizerFromEnv({ TOKENIZER_FALLBACK: 'bigram' });
    expect(tk.degraded).toBeUndefined();
    expect(tokenizerLabel(tk)).toBe('jieba');
    expect(tokenizerLabel(createTokenizer('bigram'))).toBe('bigram');
  });
});

describe('loading jieba', () => {
  it('loads the dictionary once per process', () => {
    const load = vi.fn();
    const fake: JiebaApi = { load, cut: (s) => [s], cutForSearch: (s) => [s], insertWord: () => true };
    createJiebaTokenizer({ jieba: fake });
    createJiebaTokenizer({ jieba: fake });
    expect(load).toHaveBeenCalledOnce();
    expect(load.mock.calls[0][0]).toEqual({ userDict: expect.stringMatching(/report-qa-jieba-user-.*\.utf8$/) });
  });
});
