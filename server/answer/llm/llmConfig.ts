// Configuration of the optional LLM answerer, read from environment variables.
// Without LLM_BASE_URL and LLM_MODEL the app runs in offline (extractive) mode.
//
//   LLM_BASE_URL     OpenAI-compatible base URL, e.g. http://localhost:11434/v1 (Ollama)
//   LLM_MODEL        model id, required when LLM_BASE_URL is set
//   LLM_API_KEY      optional; local servers usually need none
//   LLM_TIMEOUT_MS   whole-answer timeout, default 30000
//   LLM_TEMPERATURE  default 0
//
// Error messages name the variable but never echo LLM_API_KEY's value.
import { DEFAULTS } from '../../../retrieval/public.js';
import { z } from 'zod';

export interface LlmConfig {
  /** Base URL without trailing slash, e.g. http://localhost:11434/v1 */
  baseURL: string;
  model: string;
  /** Undefined when LLM_API_KEY is unset; the client then sends a placeholder. */
  apiKey: string | undefined;
  timeoutMs: number;
  temperature: number;
}


type Env = Record<string, string | undefined>;

/** Unset and blank mean the same thing. */
const optionalText = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()));

const BaseUrlSchema = z
  .string()
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL such as http://localhost:11434/v1')
  .transform((s) => s.replace(/\/+$/, ''));

const TimeoutSchema = z
  .string()
  .regex(/^\d+$/, 'must be a whole number of milliseconds')
  .transform(Number)
  .pipe(z.number().int().min(1, 'must be at least 1').max(600_000, 'must be at most 600000 (10 minutes)'));

const TemperatureSchema = z
  .string()
  .regex(/^\d+(\.\d+)?$|^\.\d+$/, 'must be a number between 0 and 2')
  .transform(Number)
  .pipe(z.number().min(0, 'must be at least 0').max(2, 'must be at most 2'));

const ModelSchema = z
  .string()
  .max(200, 'must be at most 200 characters')
  .regex(/^[^\s]+$/, 'must not contain spaces');

function parseVar<T>(name: string, schema: z.ZodType<T, string>, value: string, showValue = true): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const reason = result.error.issues[0]?.message ?? 'is invalid';
  const shown = showValue ? ` (got ${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)})` : '';
  throw new Error(`Invalid ${name}: ${reason}${shown}`);
}

/**
 * Reads the LLM settings. Returns undefined (offline mode) when neither LLM_BASE_URL nor
 * LLM_MODEL is set; throws an Error naming the variable when a value is missing or invalid.
 */
export function readLlmConfig(env: Env = process.env): LlmConfig | undefined {
  const baseUrlRaw = optionalText.parse(env.LLM_BASE_URL);
  const modelRaw = optionalText.parse(env.LLM_MODEL);
  if (baseUrlRaw === undefined && modelRaw === undefined) return undefined;

  if (baseUrlRaw === undefined) {
    throw new Error(
      'LLM_BASE_URL is required when LLM_MODEL is set (e.g. http://localhost:11434/v1 for Ollama, https://api.openai.com/v1 for OpenAI); unset LLM_MODEL for offline mode',
    );
  }
  if (modelRaw === undefined) {
    throw new Error('LLM_MODEL is required when LLM_BASE_URL is set (e.g. qwen2.5:7b); unset LLM_BASE_URL for offline mode');
  }

  // A URL may carry credentials (user:pass@host): never echo it.
  const baseURL = parseVar('LLM_BASE_URL', BaseUrlSchema, baseUrlRaw, false);
  const model = parseVar('LLM_MODEL', ModelSchema, modelRaw);

  const timeoutRaw = optionalText.parse(env.LLM_TIMEOUT_MS);
  const timeoutMs = timeoutRaw === undefined ? DEFAULTS.answer.llm.timeoutMs : parseVar('LLM_TIMEOUT_MS', TimeoutSchema, timeoutRaw);

  const temperatureRaw = optionalText.parse(env.LLM_TEMPERATURE);
  const temperature =
    temperatureRaw === undefined ? DEFAULTS.answer.llm.temperature : parseVar('LLM_TEMPERATURE', TemperatureSchema, temperatureRaw);

  // The key is not validated beyond "non-blank" and its value never appears in a message.
  const apiKey = optionalText.parse(env.LLM_API_KEY);
  if (apiKey !== undefined && /[\r\n]/.test(apiKey)) {
    throw new Error('Invalid LLM_API_KEY: must be a single line');
  }

  return { baseURL, model, apiKey, timeoutMs, temperature };
}

/** The base URL with any user:password@ part hidden. */
function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.username || u.password) {
      u.username = '***';
      u.password = '';
    }
    return u.toString().replace(/\/+$/, '');
  } catch {
    return '(invalid URL)';
  }
}

/** One loggable line describing the config. Never contains the API key. */
export function describeLlmConfig(cfg: LlmConfig): string {
  return (
    `LLM ${cfg.model} at ${safeUrl(cfg.baseURL)} ` +
    `(timeout ${cfg.timeoutMs} ms, temperature ${cfg.temperature}, API key ${cfg.apiKey ? 'set' : 'not set'})`
  );
}
