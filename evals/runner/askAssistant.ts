// The two ways of putting a question to the assistant: in-process (the corpus
// loaded once, answerQuestion called directly) or over HTTP against a running
// server (POST /api/ask). Both return what the grader needs plus the latency.
import { type GradableResponse, type GradeContext, gradeContextFrom } from './gradeAnswer.js';
import type { Corpus } from '../../retrieval/public.js';
import { AskResponseSchema } from '../../server/api/schemas.js';
import type { Answerer } from '../../server/answer/Answerer.js';
import { answerQuestion } from '../../server/answer/answerQuestion.js';
import type { EvalQuestion } from '../questionSchema.js';
import { EvalInputError } from './inputError.js';

export interface AskResult {
  response: GradableResponse;
  mode?: string;
  model?: string;
  notice?: string;
  error?: string;
  latencyMs: number;
}

export type Ask = (q: EvalQuestion) => Promise<AskResult>;

function errorResult(message: string, latencyMs: number): AskResult {
  return { response: { status: 'error', answer: '', citations: [] }, error: message, latencyMs };
}

export function createInProcessAsker(deps: { corpus: Corpus; llm?: Answerer }): Ask {
  return async (q) => {
    const t0 = performance.now();
    try {
      const res = await answerQuestion(
        { corpus: deps.corpus, llm: deps.llm, log: () => {} },
        { question: q.question, history: q.history ?? [] },
      );
      return {
        response: res,
        mode: res.mode,
        model: res.model,
        notice: res.notice,
        latencyMs: round(performance.now() - t0),
      };
    } catch (e) {
      return errorResult(`answerQuestion threw: ${(e as Error).message}`, round(performance.now() - t0));
    }
  };
}

/** Removes a trailing slash; rejects anything that is not an http(s) URL. */
export function normaliseServerUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new EvalInputError(`--server must be a URL such as http://localhost:8787 (got ${JSON.stringify(url)})`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new EvalInputError(`--server must be an http(s) URL (got ${JSON.stringify(url)})`);
  return u.toString().replace(/\/+$/, '');
}

function unreachable(base: string, e: unknown): EvalInputError {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  const why = cause?.code ?? cause?.message ?? (e as Error).message;
  return new EvalInputError(`cannot reach the server at ${base} (${why}). Start it with \`npm start\` or check the URL.`);
}

/** GET /healthz before the run so that a server that is down fails fast with one message. */
export async function checkServer(base: string, timeoutMs = 10_000): Promise<{ answerer?: string; tokenizer?: string; degraded?: string[] }> {
  let res: Response;
  try {
    res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    throw unreachable(base, e);
  }
  if (!res.ok) throw new EvalInputError(`the server at ${base} answered GET /healthz with HTTP ${res.status}; is it the 报告问答 server?`);
  try {
    const body = (await res.json()) as { answerer?: unknown; tokenizer?: unknown; degraded?: unknown };
    return {
      answerer: typeof body.answerer === 'string' ? body.answerer : undefined,
      tokenizer: typeof body.tokenizer === 'string' ? body.tokenizer : undefined,
      degraded: Array.isArray(body.degraded) ? body.degraded.filter((d): d is string => typeof d === 'string') : undefined,
    };
  } catch {
    return {};
  }
}

export function createServerAsker(base: string, timeoutMs = 180_000): Ask {
  return async (q) => {
    const t0 = performance.now();
    let res: Response;
    try {
      res = await fetch(`${base}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: q.question, history: q.history ?? [] }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      if ((e as Error).name === 'TimeoutError') return errorResult(`no answer within ${timeoutMs} ms`, round(performance.now() - t0));
      // The server went away mid-run: every further question would fail the same way.
      throw unreachable(base, e);
    }
    const latencyMs = round(performance.now() - t0);
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      return errorResult(`HTTP ${res.status}: response is not JSON`, latencyMs);
    }
    if (!res.ok) {
      const msg = (body as { error?: { message?: string } })?.error?.message ?? JSON.stringify(body).slice(0, 200);
      return errorResult(`HTTP ${res.status}: ${msg}`, latencyMs);
    }
    const parsed = AskResponseSchema.safeParse(body);
    if (!parsed.success) return errorResult(`response does not match AskResponse: ${parsed.error.issues[0]?.message}`, latencyMs);
    const r = parsed.data;
    return { response: r, mode: r.mode, model: r.model, notice: r.notice, latencyMs };
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/**
 * The server's report metadata (GET /api/reports) as a grading context, so the
 * off-target rules also hold for server runs; undefined when the route is
 * missing or answers something else (the rules are then skipped).
 */
export async function fetchGradeContext(server: string): Promise<GradeContext | undefined> {
  try {
    const res = await fetch(`${server}/api/reports`, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) return undefined;
    const body = (await res.json()) as { reports?: unknown };
    if (!Array.isArray(body.reports)) return undefined;
    const reports = body.reports.filter(
      (r): r is Parameters<typeof gradeContextFrom>[0][number] =>
        typeof r === 'object' && r !== null && typeof (r as { id?: unknown }).id === 'string' && typeof (r as { place?: unknown }).place === 'string' && typeof (r as { reviewYear?: unknown }).reviewYear === 'number' && typeof (r as { planYear?: unknown }).planYear === 'number',
    );
    return gradeContextFrom(reports);
  } catch {
    return undefined;
  }
}
