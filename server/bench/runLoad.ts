// Fires `total` POST /api/ask requests at once (all in flight together) and
// reports status counts and latency percentiles. Loopback only: the caller
// passes the URL of a server it started itself.
import { percentile } from '../../retrieval/public.js';

export interface LoadResult {
  total: number;
  ok: number;
  failed: { status: number; body: string }[];
  p50: number;
  p95: number;
  max: number;
  wallMs: number;
}

export async function runLoad(baseUrl: string, questions: string[], total: number): Promise<LoadResult> {
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: total }, async (_, i) => {
      const t = performance.now();
      const res = await fetch(`${baseUrl}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: questions[i % questions.length] }),
      });
      const body = await res.text();
      return { status: res.status, body, ms: performance.now() - t };
    }),
  );
  const times = results.map((r) => r.ms);
  const failed = results.filter((r) => r.status !== 200).map(({ status, body }) => ({ status, body: body.slice(0, 200) }));
  return {
    total,
    ok: total - failed.length,
    failed,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: Math.max(...times),
    wallMs: performance.now() - started,
  };
}
