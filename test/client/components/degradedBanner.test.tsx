import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DegradedBanner } from '../../../client/src/components/DegradedBanner.js';
import type { HealthResponse } from '../../../server/api/schemas.js';

const healthy: HealthResponse = { ok: true, reports: 5, paragraphs: 265, answerer: '离线抽取', tokenizer: 'jieba', degraded: [] };

describe('DegradedBanner', () => {
  it('says what runs degraded, and how to fix it, as an alert', () => {
    const html = renderToStaticMarkup(
      <DegradedBanner health={{ ...healthy, tokenizer: 'bigram (degraded)', degraded: ['nodejieba 无法加载，检索退化为二字切分（bigram）'] }} />,
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain('降级运行');
    expect(html).toContain('nodejieba 无法加载，检索退化为二字切分（bigram）');
    expect(html).toContain('npm rebuild nodejieba');
  });

  it('shows nothing when nothing is degraded, or before /healthz has answered', () => {
    expect(renderToStaticMarkup(<DegradedBanner health={healthy} />)).toBe('');
    expect(renderToStaticMarkup(<DegradedBanner />)).toBe('');
  });
});
