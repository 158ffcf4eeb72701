import { describe, expect, it } from 'vitest';
import { contentTerms } from '../../../retrieval/query/contentTerms.js';
import type { ParsedQuery } from '../../../retrieval/types.js';

const query = { places: ['大同市'] } as unknown as ParsedQuery;

describe('contentTerms: places are the address, not the topic', () => {
  it('drops a place written after its parent in one word (山西大同), as it drops each alone', () => {
    expect(contentTerms(['山西大同', '山西', '大同', 'gdp', '多少'], query, ['山西省'])).toEqual(['gdp', '多少']);
  });
  it('keeps a word that only starts like a place', () => {
    expect(contentTerms(['大同小异', 'gdp'], query, ['山西省'])).toEqual(['大同小异', 'gdp']);
  });
});
