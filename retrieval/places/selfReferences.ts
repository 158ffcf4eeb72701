// How a report names its own place without naming it: 全区, 我县, 本市, 该旗 … — a level's
// one-character suffix after 全/我/本/该. Generated from the level list, so a 旗, 州 or 盟
// report is read as a 区 or 县 report is.
import { LEVEL_SUFFIXES } from './placeForms.js';

/** 全 (the whole place), 我 and 本 (ours, this), 该 (the said). */
export const SELF_REFERENCE_PREFIXES = ['全', '我', '本', '该'] as const;

/** 省 市 区 县 旗 州 盟: the suffixes a self-reference is made with. */
export const ONE_CHARACTER_SUFFIXES: readonly string[] = Object.values(LEVEL_SUFFIXES).flat().filter((s) => s.length === 1);

/** 全省, 全市 … 该盟: every prefix with every one-character suffix. */
export const SELF_REFERENCES: readonly string[] = SELF_REFERENCE_PREFIXES.flatMap((p) => ONE_CHARACTER_SUFFIXES.map((s) => `${p}${s}`));

/**
 * Regex source for a self-reference standing as a word: 全市, 本区 — not the 本市 of 资本市场,
 * the 全市 of 健全市场 or the 全区 of 安全区域.
 */
export const SELF_REFERENCE = `(?:${SELF_REFERENCES.join('|')})(?![场域])`;

/** A level's suffix standing alone, or the kind of an autonomous division (自治区, 自治州, 自治县, 自治旗). */
const GENERIC_NAMES: readonly string[] = [...ONE_CHARACTER_SUFFIXES, ...['区', '州', '县', '旗'].map((kind) => `自治${kind}`)];

/** Words that name no place: a generic name (县第十八届, 自治区主席), alone or as a self-reference (本区, 全市). */
export function namesNoPlace(word: string): boolean {
  const bare = word.length > 1 && SELF_REFERENCE_PREFIXES.some((p) => word.startsWith(p)) ? word.slice(1) : word;
  return GENERIC_NAMES.includes(bare);
}
