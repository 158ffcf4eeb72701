// Compounds that name several subjects at once, as reports write figures for both sides of a
// divide side by side: 城乡居民人均可支配收入25195元和8812元 states the urban and the rural
// income. Each figure is then a record of its own subject (城镇…, 农村…). A compound that names
// one total is no pair: 进出口总额 is the sum of imports and exports, stated as one figure.

/** Each compound and the subjects it names, in the order reports state their figures. */
const COMPOUNDS: readonly (readonly [string, readonly string[]])[] = [
  ['城乡', ['城镇', '农村']],
  ['中小学', ['中学', '小学']],
  ['内外资', ['内资', '外资']],
  ['一二三产', ['一产', '二产', '三产']],
];

/**
 * The subjects a compound subject names, in order (城乡居民人均可支配收入 → 城镇居民人均可支配收入,
 * 农村居民人均可支配收入), or undefined when it names one.
 */
export function splitPairedSubject(subject: string): string[] | undefined {
  for (const [compound, parts] of COMPOUNDS) {
    const at = subject.indexOf(compound);
    if (at >= 0) return parts.map((p) => subject.slice(0, at) + p + subject.slice(at + compound.length));
  }
  return undefined;
}
