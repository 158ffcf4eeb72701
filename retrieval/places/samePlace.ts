import { placeForms } from './placeForms.js';

/** 惠济 and 惠济区, 马边县 and 马边彝族自治县: two ways of writing one place's name. */
export function samePlace(a: string, b: string): boolean {
  const x = a.trim();
  const y = b.trim();
  if (x === y) return true;
  return placeForms(x).includes(y) || placeForms(y).includes(x);
}
