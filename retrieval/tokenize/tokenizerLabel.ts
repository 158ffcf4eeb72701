import type { Tokenizer } from '../types.js';

/** What /healthz and start-up logs call a tokenizer: its family ("jieba"), and "(degraded)" on a stand-in. */
export function tokenizerLabel(tokenizer: Tokenizer): string {
  const family = tokenizer.name.split('@')[0];
  return tokenizer.degraded ? `${family} (degraded)` : family;
}
