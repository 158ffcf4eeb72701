// The query terms worth ranking by. Words that only frame the question (做了什么,
// 怎么样, 方面) and places and years that query understanding has already turned
// into report filters carry no topic: left in, they make short cover lines
// ("卫东区人民政府区长宋建立") outrank the paragraphs that answer.
import type { ParsedQuery } from '../types.js';
import { placeForms } from '../places/placeForms.js';

/** Words that frame a question (做了什么, 怎么样, 方面) rather than say what it is about. */
export const QUESTION_FRAME: ReadonlySet<string> = new Set([
  '做', '做了', '干', '干了', '有', '有没有', '怎么样', '怎样', '如何', '情况', '方面', '进展', '取得', '哪', '几',
  '工作', '成果', '成绩', '成效', '主要', '具体', '介绍', '讲', '讲了', '说', '提到', '提出', '关于', '里', '中',
  '报告', '政府', '政府工作报告', '今年', '去年', '前年', '明年', '现在', '目前', '一', '个', '些',
  '事情', '事', '东西', '量化', '具体数字', '数据',
  '帮', '帮我', '给我', '写', '写一个', '告诉', '告诉我', '做法', '一个', '请',
  // What a plan question asks of any topic: what is planned, done, arranged there.
  '打算', '干什么', '做什么', '干啥', '做啥', '做哪些', '这块', '这方面', '这一块', '安排', '部署', '举措', '措施', '要做',
]);

export function contentTerms(terms: string[], query: ParsedQuery, cities: string[] = []): string[] {
  const places = new Set<string>();
  // Every way of writing each place (马边彝族自治县, 马边县, 马边; 新乡市, 新乡).
  for (const name of [...query.places, ...cities]) for (const f of placeForms(name)) places.add(f.toLowerCase());
  // Search-mode pieces of a place name (卫东区 → 东区) go with it.
  // …and so does a place written after its parent in one word (山西大同, 郑州惠济区).
  const forms = [...places].sort((a, b) => b.length - a.length);
  const madeOfPlaces = (t: string) => t.length > 2 && forms.reduce((rest, f) => rest.split(f).join(''), t) === '';
  const isPlace = (t: string) => places.has(t) || (t.length > 1 && forms.some((p) => p.includes(t))) || madeOfPlaces(t);
  const kept = terms.filter((t) => !QUESTION_FRAME.has(t) && !isPlace(t) && !/^(19|20)\d\d$/.test(t));
  // A question that is nothing but frame words still needs something to rank by.
  return kept.length ? kept : terms;
}
