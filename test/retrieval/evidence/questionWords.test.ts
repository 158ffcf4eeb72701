// The words a question asks about: unknown words kept whole, places, yardsticks and frame words out.
import { beforeAll, describe, expect, it } from 'vitest';
import { questionWords, resolveQuery } from '../../../retrieval/public.js';
import type { Corpus } from '../../../retrieval/types.js';
import { sharedCorpus } from '../../helpers/corpus.js';

let corpus: Corpus;
beforeAll(async () => {
  corpus = await sharedCorpus();
});
const words = (q: string) => questionWords(corpus, q, resolveQuery(corpus, q));

describe('questionWords', () => {
  it('keeps a word the segmenter does not know whole instead of losing it in single characters', () => {
    expect(words('惠济区2024年文旅方面打算干什么')).toContain('文旅');
  });
  it('drops the place, its city, the yardstick (全省, 全市) and the frame of the question', () => {
    const w = words('郑州惠济区2023年财政收入增速在全市排第几');
    expect(w).not.toContain('惠济区');
    expect(w).not.toContain('郑州');
    expect(w).not.toContain('全市');
    expect(w).toContain('财政收入');
  });
});
