// How English questions write a place: its pinyin, without tones or spaces
// (惠济区 → huiji, 沛县 → peixian, 四川省 → sichuan). pinyin-pro reads polyphones
// in place names correctly (重庆 → chongqing, 长沙 → changsha).
import { pinyin } from 'pinyin-pro';
import { placeForms } from './placeForms.js';

const memo = new Map<string, string[]>();
/** Shorter pinyin matches English words by accident (an, pei, shan …). */
const MIN_LATIN = 5;

/** The bare name's pinyin, and the full name's when the bare name is one character (沛县 → peixian). */
export function latinForms(name: string): string[] {
  const hit = memo.get(name);
  if (hit) return hit;
  const forms = placeForms(name);
  const bare = forms[forms.length - 1];
  const out = new Set<string>();
  for (const f of [bare, ...(bare === name ? [name] : [])]) {
    const latin = pinyin(f, { toneType: 'none', type: 'array' }).join('').toLowerCase();
    if (/^[a-z]+$/u.test(latin) && latin.length >= MIN_LATIN) out.add(latin);
  }
  const list = [...out];
  memo.set(name, list);
  return list;
}
