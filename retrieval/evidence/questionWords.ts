// The words a question asks about, as figure matching, enumerations and quotes weigh them:
// its content tokens (places, their parents, years and frame words aside) and the words the
// segmenter does not know (甘其毛都, 过货量, 文旅), which it cuts into single characters that
// would otherwise drop out of every match and leave the question's subject unasked.
import { placeForms } from '../places/placeForms.js';
import { namesNoPlace } from '../places/selfReferences.js';
import { contentTerms, QUESTION_FRAME } from '../query/contentTerms.js';
import { ASKS_FIGURE, COUNT_WORDS, GROWTH_WORDS, LEVEL_WORDS, RANK_WORDS, SHARE_WORDS } from '../query/measureWords.js';
import { STOP_WORDS } from '../tokenize/stopWords.js';
import type { Corpus, ParsedQuery } from '../types.js';
import { parentPlacesOf } from './parentPlaces.js';

/** Pronouns, particles and the characters of change and distribution: never a word of a subject. */
const FUNCTION_CHARS = /[那这它其该此各每均都也还又再就才么呢吗吧啊呀哦嘛涨跌升降]/u;

/** `text` lower-cased; `frame` adds the caller's own frame words (目标, 多少钱 for figures). */
export function questionWords(corpus: Corpus, text: string, query: ParsedQuery, frame: Iterable<string> = []): string[] {
  const folded = text.toLowerCase();
  const parents = parentPlacesOf(corpus);
  const tokens = corpus.tokenizer.tokenize(folded).map((t) => t.toLowerCase());
  const places = [...query.places, ...parents].flatMap((p) => placeForms(p).map((f) => f.toLowerCase()));
  // 全省/全市/全国 in a question is the yardstick (在全省排第几, 全市新增), never what is asked of; a place
  // (卫东区 of 卫东区呢？, which ranking falls back to when nothing else is asked) and a lone particle
  // (那, 呢) ask of nothing either.
  return [...contentTerms(tokens, query, parents), ...unknownWords(folded, [...tokens, ...places], frame)]
    .map((t) => t.toLowerCase())
    .filter((t) => !namesNoPlace(t) && t !== '全国' && !places.some((p) => p.includes(t)) && !(t.length === 1 && FUNCTION_CHARS.test(t)));
}

/**
 * Runs of two or more Han characters that no known word covers, frame and stop words (是,
 * 多少, 什么, 和, 方面), how a figure is asked (涨了, 占比) and small words (那, 它, 各) aside.
 */
function unknownWords(folded: string, known: string[], frame: Iterable<string>): string[] {
  const covered = new Array<boolean>(folded.length).fill(false);
  const mark = (w: string) => {
    for (let at = folded.indexOf(w); at >= 0; at = folded.indexOf(w, at + 1)) for (let i = at; i < at + w.length; i++) covered[i] = true;
  };
  for (const t of known) if (t.length > 1) mark(t);
  for (const w of [...frame, ...QUESTION_FRAME, ...STOP_WORDS]) mark(w);
  for (const re of [GROWTH_WORDS, SHARE_WORDS, RANK_WORDS, COUNT_WORDS, LEVEL_WORDS, ASKS_FIGURE, FUNCTION_CHARS]) {
    for (const m of folded.matchAll(new RegExp(re.source, 'gu'))) for (let i = m.index!; i < m.index! + m[0].length; i++) covered[i] = true;
  }
  const out: string[] = [];
  let run = '';
  for (let i = 0; i <= folded.length; i++) {
    if (i < folded.length && !covered[i] && /\p{Script=Han}/u.test(folded[i])) run += folded[i];
    else {
      if (run.length >= 2) out.push(run);
      run = '';
    }
  }
  return out;
}
