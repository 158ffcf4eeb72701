import { createRequire } from 'node:module';
import type { Tokenizer } from '../types.js';
import { domainTerms } from './domainTerms.js';
import { normalizeText } from './normalize.js';
import { scanText } from './scanText.js';
import { isStopWord } from './stopWords.js';
import { SCHEME } from './scheme.js';
import { writeUserDict } from './userDict.js';

/** The part of nodejieba 3 this tokenizer uses. */
export interface JiebaApi {
  load(options?: { userDict?: string }): unknown;
  cut(sentence: string, hmm?: boolean): string[];
  cutForSearch(sentence: string, hmm?: boolean): string[];
  insertWord(word: string, tag?: string): boolean;
}

export interface JiebaTokenizerOptions {
  /** Injected jieba module (tests); default: nodejieba, required lazily. */
  jieba?: JiebaApi;
  /**
   * 'search' (default): jieba's search mode, which also emits the dictionary
   * words inside a long word (地区生产总值 → 地区, 生产, 总值, 地区生产总值), plus
   * every domain term contained in a word (地区生产总值 → 生产总值), so a user who
   * types 生产总值 or 预算收入 still meets the report's full label.
   * 'cut': plain precise mode, one term per word (kept for the comparison bench).
   */
  mode?: 'search' | 'cut';
}

// HMM stays off for Han runs: numbers and Latin are already cut out by scanText
// (which is why HMM mattered for `2024` / `6.5`), and with HMM on jieba glues
// unknown characters into ad-hoc words (宋建立 → 宋建立, but 建立 elsewhere) that a
// question containing the same characters in another context would not produce.
const HMM = false;

// Process-wide: nodejieba keeps one native handle per process, and load() both
// costs about a second and replaces the handle (dropping any user dictionary loaded
// before). A symbol on globalThis survives this module being evaluated twice
// (vitest module isolation, tsx watch), unlike a module-level variable.
const LOADED = Symbol.for('report-qa.tokenize.jieba-loaded');
type GlobalWithFlag = typeof globalThis & { [LOADED]?: { jieba: JiebaApi; hash: string } };

function defaultJieba(): JiebaApi {
  // Required lazily, not imported: a missing package or native binary then
  // surfaces here as a catchable error, which createTokenizer reports with its fix.
  const require = createRequire(import.meta.url);
  return require('nodejieba') as JiebaApi;
}

/** Loads jieba with the user dictionary unless already done; returns the dictionary's hash. */
function ensureLoaded(jieba: JiebaApi, terms: readonly string[]): string {
  const { path: userDict, hash } = writeUserDict(terms);
  const g = globalThis as GlobalWithFlag;
  if (g[LOADED]?.jieba === jieba && g[LOADED].hash === hash) return hash;
  // cppjieba splits the userDict option on '|' and ';' (several files).
  if (/[|;]/.test(userDict)) {
    jieba.load();
    for (const t of terms) jieba.insertWord(t, 'n');
  } else {
    jieba.load({ userDict });
  }
  g[LOADED] = { jieba, hash };
  return hash;
}

/**
 * Domain terms of 4+ characters strictly inside `word`, e.g. 地区生产总值 → 生产总值.
 * Search mode already emits every 2- and 3-character dictionary word inside a
 * longer word, and every domain term is a dictionary word, so shorter ones are covered.
 */
function containedTerms(word: string, terms: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let len = word.length - 1; len >= 4; len--) {
    for (let i = 0; i + len <= word.length; i++) {
      const sub = word.slice(i, i + len);
      if (terms.has(sub) && !out.includes(sub)) out.push(sub);
    }
  }
  return out;
}

export function createJiebaTokenizer(options: JiebaTokenizerOptions = {}): Tokenizer {
  const mode = options.mode ?? 'search';
  const jieba = options.jieba ?? defaultJieba();
  // Lower-cased because the text is lower-cased before segmentation.
  const terms = domainTerms().map((t) => t.toLowerCase());
  const termSet = new Set(terms);
  const dictHash = ensureLoaded(jieba, terms);

  function segmentHan(run: string, out: string[]): void {
    const words = mode === 'search' ? jieba.cutForSearch(run, HMM) : jieba.cut(run, HMM);
    if (mode === 'cut') {
      out.push(...words);
      return;
    }
    for (const w of words) {
      out.push(w);
      if (w.length > 4) out.push(...containedTerms(w, termSet));
    }
  }

  return {
    // The name keys the on-disk index cache, so it changes whenever the terms an
    // unchanged text would produce can change: the token scheme (bump SCHEME), the
    // mode, or the user dictionary (vocabulary.ts edits).
    name: `jieba${mode === 'search' ? '' : '-cut'}@${SCHEME}.${dictHash.slice(0, 8)}`,
    tokenize(text: string): string[] {
      const raw: string[] = [];
      for (const piece of scanText(normalizeText(text))) {
        if (piece.kind === 'terms') raw.push(...piece.terms);
        else segmentHan(piece.text, raw);
      }
      // Han runs contain only Han characters, so jieba cannot return punctuation;
      // the trim/emptiness check guards against a future segmenter that does.
      return raw.filter((t) => t.trim() !== '' && !isStopWord(t));
    },
  };
}
