// POST /api/ask: the whole answer as one JSON object, for scripts and evals.
import { Hono } from 'hono';
import { AskRequestSchema, AskResponseSchema } from '../api/schemas.js';
import { answerQuestion, type AnswerDeps } from '../answer/answerQuestion.js';
import { ApiError, readJson, zodMessage } from '../http/apiError.js';

export function askRoute(deps: AnswerDeps) {
  return new Hono().post('/api/ask', async (c) => {
    const parsed = AskRequestSchema.safeParse(await readJson(c));
    if (!parsed.success) throw new ApiError(400, 'invalid_request', zodMessage(parsed.error));
    const res = await answerQuestion(deps, parsed.data, { signal: c.req.raw.signal });
    return c.json(AskResponseSchema.parse(res));
  });
}
