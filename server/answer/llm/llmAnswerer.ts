// The LLM answerer: any OpenAI-compatible chat endpoint (Ollama, vLLM, llama.cpp, OpenAI …)
// through the AI SDK. It only drafts; citation enforcement checks the draft afterwards.
// Every failure rejects with an LlmError so the caller can fall back to the offline answerer.
import { createOpenAI } from '@ai-sdk/openai';
import {
  APICallError,
  EmptyResponseBodyError,
  InvalidResponseDataError,
  JSONParseError,
  NoContentGeneratedError,
  NoOutputGeneratedError,
  RetryError,
  TypeValidationError,
  streamText,
  type LanguageModel,
} from 'ai';
import { findMarkers } from '../../api/citationMarkers.js';
import type { Answerer, AnswerContext, DraftOptions, Draft } from '../Answerer.js';
import { dropReasoning } from './dropReasoning.js';
import { capReplyBytes, ReplyTooLargeError } from './capReplyBytes.js';
import { jsonCompletionAsStream } from './jsonCompletionAsStream.js';
import { buildPrompt } from './buildPrompt.js';
import { REFUSAL } from '../verify/verifyCitations.js';
import { DEFAULTS } from '../../../retrieval/public.js';
import type { LlmConfig } from './llmConfig.js';

/** too_long: the answer ran past its length bound (a loop, padding): reading stopped, the call was cancelled. */
export type LlmErrorKind = 'timeout' | 'unavailable' | 'bad_response' | 'too_long';

/** A failed LLM call. `message` is safe to log and show: it never contains the API key. */
export class LlmError extends Error {
  override readonly name = 'LlmError';
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    /** HTTP status of the endpoint's reply, when it sent one. */
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface LlmAnswererOptions {
  model: LanguageModel;
  /** Shown to users as the answerer's name. */
  modelName: string;
  timeoutMs?: number;
  temperature?: number;
  /** Strings scrubbed from every error message (the API key). */
  secrets?: (string | undefined)[];
  /** The longest answer read, in characters (default DEFAULTS.answer.maxAnswerChars). */
  maxAnswerChars?: number;
}

/** Sent when LLM_API_KEY is unset: the client requires some key, local servers ignore it. */
export const PLACEHOLDER_API_KEY = 'no-key';


export function draftStatus(text: string): Draft['status'] {
  return REFUSAL.test(text) && findMarkers(text).length === 0 ? 'no_evidence' : 'answered';
}

function redact(message: string, secrets: string[]): string {
  let out = message;
  for (const s of secrets) out = out.split(s).join('***');
  return out
    .replace(/\b(Bearer|Basic)\s+[^\s"',;]+/gi, '$1 ***')
    .replace(/\bsk-[A-Za-z0-9_\-*]{6,}/g, 'sk-***')
    .replace(/\/\/[^/\s:@]+:[^/\s@]+@/g, '//***@');
}

function shorten(s: string, max = 300): string {
  const oneLine = s.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

/** `error` or one of its causes, when of the given class (the SDK wraps what a fetch or a body threw). */
function causeOf<T extends Error>(error: unknown, type: new (...args: never[]) => T): T | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof type) return e;
  }
  return undefined;
}

function isAbortLike(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/** Maps whatever the SDK or the model threw to an LlmError (message not yet redacted). */
export function classifyLlmError(error: unknown): LlmError {
  if (error instanceof LlmError) return error;
  const tooLarge = causeOf(error, ReplyTooLargeError);
  if (tooLarge) return new LlmError('too_long', tooLarge.message);
  if (RetryError.isInstance(error) && error.lastError !== undefined) return classifyLlmError(error.lastError);

  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    if (status !== undefined && status >= 200 && status < 300) {
      return new LlmError('bad_response', `unreadable reply from the LLM endpoint: ${shorten(error.message)}`, status);
    }
    if (status !== undefined) {
      return new LlmError('unavailable', `LLM endpoint answered HTTP ${status}: ${shorten(error.message)}`, status);
    }
    return new LlmError('unavailable', `LLM endpoint unreachable: ${shorten(error.message)}`);
  }
  if (
    JSONParseError.isInstance(error) ||
    TypeValidationError.isInstance(error) ||
    InvalidResponseDataError.isInstance(error) ||
    EmptyResponseBodyError.isInstance(error) ||
    NoContentGeneratedError.isInstance(error) ||
    NoOutputGeneratedError.isInstance(error)
  ) {
    return new LlmError('bad_response', `malformed reply from the LLM endpoint: ${shorten((error as Error).message)}`);
  }
  if (isAbortLike(error)) return new LlmError('unavailable', 'LLM request was aborted');
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';
  return new LlmError('unavailable', `LLM call failed: ${shorten(message)}`);
}

export function createLlmAnswerer(options: LlmAnswererOptions): Answerer {
  const timeoutMs = options.timeoutMs ?? DEFAULTS.answer.llm.timeoutMs;
  const maxAnswerChars = options.maxAnswerChars ?? DEFAULTS.answer.maxAnswerChars;
  const temperature = options.temperature ?? DEFAULTS.answer.llm.temperature;
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 4);
  const fail = (e: LlmError) => new LlmError(e.kind, redact(e.message, secrets), e.status);
  /** Learned from its answers: this model reasons in its text, so nothing is streamed before its </think>. */
  let reasons = false;

  async function answer(
    ctx: AnswerContext,
    opts: DraftOptions = {},
  ): Promise<Draft> {
    ctx.signal?.throwIfAborted();
    const { system, messages } = buildPrompt(ctx, opts.repair);

    const timeout = AbortSignal.timeout(timeoutMs);
    // Aborted in `finally`, so the HTTP request never outlives this call (e.g. onText threw).
    const done = new AbortController();
    const signal = AbortSignal.any([timeout, done.signal, ...(ctx.signal ? [ctx.signal] : [])]);

    // Rejects when any signal fires, so a provider that ignores abort cannot hang us.
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
    });
    aborted.catch(() => {});

    let streamError: unknown;
    let finished = false;
    let callbackError: { error: unknown } | undefined;
    const guarded = (f: () => void) => {
      if (callbackError) return;
      try {
        f();
      } catch (error) {
        callbackError = { error };
      }
    };
    const filter = dropReasoning(
      (delta) => opts.onText && guarded(() => opts.onText!(delta)),
      () => opts.onReset && guarded(() => opts.onReset!()),
      { holdUnopened: reasons, maxAnswerChars, maxReasoningChars: DEFAULTS.answer.llm.maxReasoningChars },
    );

    try {
      const result = streamText({
        model: options.model,
        system,
        messages,
        temperature,
        maxRetries: 0,
        abortSignal: signal,
        // Errors arrive as 'error' parts of fullStream below; the default handler would console.error them.
        onError: () => {},
      });

      const consume = (async () => {
        for await (const part of result.fullStream) {
          if (part.type === 'text-delta') {
            filter.push(part.text);
            // Past the bound: stop reading; `finally` aborts the request, so the model stops too.
            if (callbackError || filter.overflowed) return;
          } else if (part.type === 'error') {
            streamError ??= part.error;
          } else if (part.type === 'abort') {
            streamError ??= signal.reason ?? new DOMException('aborted', 'AbortError');
          } else if (part.type === 'finish') {
            finished = true;
          }
        }
      })();
      consume.catch(() => {});
      await Promise.race([consume, aborted]);
    } catch (error) {
      streamError ??= error;
    } finally {
      if (onAbort) signal.removeEventListener('abort', onAbort);
      done.abort();
    }

    if (callbackError) throw callbackError.error;
    if (ctx.signal?.aborted) throw ctx.signal.reason;
    if (filter.overflowed) throw fail(new LlmError('too_long', `LLM answer ran past its length bound (${maxAnswerChars} characters, ${DEFAULTS.answer.llm.maxReasoningChars} while it may be reasoning); reading stopped and the request was cancelled`));
    if (timeout.aborted && (streamError !== undefined || !finished)) {
      throw fail(new LlmError('timeout', `LLM gave no complete answer within ${timeoutMs} ms`));
    }
    if (streamError !== undefined) throw fail(classifyLlmError(streamError));

    const text = filter.finish().trim();
    if (filter.sawReasoning) reasons = true;
    if (filter.overflowed) throw fail(new LlmError('too_long', `LLM answer ran past ${maxAnswerChars} characters`));
    if (!finished) throw fail(new LlmError('bad_response', 'LLM stream ended without finishing'));
    if (text === '') throw fail(new LlmError('bad_response', 'LLM returned an empty answer'));
    return { text, status: draftStatus(text) };
  }

  return { mode: 'llm', name: options.modelName, answer };
}

/** The answerer for an OpenAI-compatible endpoint (Chat Completions API, not Responses). */
export function createLlmAnswererFromConfig(cfg: LlmConfig): Answerer {
  const provider = createOpenAI({
    baseURL: cfg.baseURL,
    apiKey: cfg.apiKey ?? PLACEHOLDER_API_KEY,
    name: 'openai-compatible',
    fetch: jsonCompletionAsStream(capReplyBytes(DEFAULTS.answer.llm.maxReplyBytes)),
  });
  return createLlmAnswerer({
    model: provider.chat(cfg.model),
    modelName: cfg.model,
    timeoutMs: cfg.timeoutMs,
    temperature: cfg.temperature,
    secrets: [cfg.apiKey],
  });
}
