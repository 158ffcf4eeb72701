/**
 * A tokenizer turns text (a report passage or a user question) into index terms.
 * The same tokenizer must be used on both sides of the index, so every
 * implementation follows one contract (see test/tokenizer.contract.test.ts):
 * - terms are lower-cased and NFKC-normalised (full-width ７％ → 7%);
 * - punctuation and whitespace never become terms;
 * - stop words (stopWords.ts) are removed;
 * - numbers follow the scheme in numberTokens.ts ("2024", "6.5%", "157.5亿", bare "157.5");
 * - Latin words stay whole ("GDP" → "gdp").
 */
export interface Tokenizer {
  readonly name: string;
  /**
   * Set only on a stand-in for a better tokenizer that could not load (bigram for
   * jieba, see tokenizerFromEnv): what is degraded and why. Health checks and the
   * UI show it, and the evals refuse to score it.
   */
  readonly degraded?: string;
  tokenize(text: string): string[];
}
