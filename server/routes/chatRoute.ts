// POST /api/chat: the AI SDK UI message stream that @ai-sdk/react's useChat
// consumes. Text streams sentence by sentence once verified; while text is held
// back for verification a `data-status` part says so ({state: 'verifying'}, shown
// as 核验中); a final `data-citations` part carries the verified answer, its
// citations and what enforcement removed.
import { createUIMessageStream, createUIMessageStreamResponse } from 'ai';
import { Hono } from 'hono';
import { z } from 'zod';
import { FiltersSchema, MAX_QUESTION_CHARS, QUESTION_TOO_LONG, type ChatTurn } from '../api/schemas.js';
import { answerQuestion, type AnswerDeps } from '../answer/answerQuestion.js';
import { ApiError, readJson, zodMessage } from '../http/apiError.js';

const ChatRequestSchema = z.object({
  messages: z
    .array(
      z.object({
        role: z.enum(['user', 'assistant', 'system']),
        parts: z.array(z.object({ type: z.string(), text: z.string().optional() }).passthrough()).max(100),
      }).passthrough(),
    )
    .min(1)
    .max(100),
  filters: FiltersSchema.optional(),
}).passthrough();

function textOf(parts: { type: string; text?: string }[]): string {
  return parts.filter((p) => p.type === 'text' && p.text).map((p) => p.text).join('');
}

export function chatRoute(deps: AnswerDeps) {
  return new Hono().post('/api/chat', async (c) => {
    const parsed = ChatRequestSchema.safeParse(await readJson(c));
    if (!parsed.success) throw new ApiError(400, 'invalid_request', zodMessage(parsed.error));
    const { messages, filters } = parsed.data;
    const last = messages[messages.length - 1];
    const question = textOf(last.parts).trim();
    if (last.role !== 'user') throw new ApiError(400, 'invalid_request', '最后一条消息须来自用户');
    if (!question) throw new ApiError(400, 'invalid_request', '问题不能为空');
    if (question.length > MAX_QUESTION_CHARS) throw new ApiError(400, 'invalid_request', QUESTION_TOO_LONG);
    const history: ChatTurn[] = messages
      .slice(0, -1)
      .filter((m) => m.role !== 'system')
      .map((m) => ({ role: m.role as ChatTurn['role'], content: textOf(m.parts).slice(0, 20_000) }))
      .filter((t) => t.content)
      .slice(-12);

    const stream = createUIMessageStream({
      execute: async ({ writer }) => {
        const id = 'answer';
        let open = false;
        const res = await answerQuestion(
          deps,
          { question, history, filters },
          {
            signal: c.req.raw.signal,
            onText: (delta) => {
              if (!delta) return;
              if (!open) writer.write({ type: 'text-start', id });
              open = true;
              writer.write({ type: 'text-delta', id, delta });
            },
            onVerifying: () => writer.write({ type: 'data-status', id: 'status', data: { state: 'verifying' } }),
          },
        );
        if (!open) {
          writer.write({ type: 'text-start', id });
          writer.write({ type: 'text-delta', id, delta: res.answer });
        }
        writer.write({ type: 'text-end', id });
        writer.write({ type: 'data-status', id: 'status', data: { state: 'done' } });
        writer.write({ type: 'data-citations', data: res });
      },
      onError: (err) => {
        // A client that went away (stop button, closed tab) is not a failure of ours.
        if (!c.req.raw.signal.aborted) console.error('[chat] stream failed:', err instanceof Error ? err.message : err);
        return '回答生成失败，请稍后重试';
      },
    });
    return createUIMessageStreamResponse({ stream });
  });
}
