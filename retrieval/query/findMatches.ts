export interface Match<T> {
  start: number;
  end: number;
  value: T;
}

/**
 * Non-overlapping occurrences of `patterns` in `text`, longest pattern first at
 * any overlap (财政收入 beats 收入, 惠济区 beats 惠济), returned in text order.
 */
export function findMatches<T>(text: string, patterns: readonly { form: string; value: T }[]): Match<T>[] {
  const sorted = longestFirst(patterns);
  const taken = new Array<boolean>(text.length).fill(false);
  const out: Match<T>[] = [];
  for (const p of sorted) {
    let from = 0;
    for (;;) {
      const i = text.indexOf(p.form, from);
      if (i < 0) break;
      const end = i + p.form.length;
      let free = true;
      for (let k = i; k < end; k++) if (taken[k]) free = false;
      if (free) {
        for (let k = i; k < end; k++) taken[k] = true;
        out.push({ start: i, end, value: p.value });
      }
      from = i + 1;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

// A list of patterns passed again (the place names of a catalog: tens of thousands at scale) is
// sorted once, not at every question.
const sortedMemo = new WeakMap<readonly unknown[], readonly { form: string; value: unknown }[]>();
function longestFirst<T>(patterns: readonly { form: string; value: T }[]): readonly { form: string; value: T }[] {
  let sorted = sortedMemo.get(patterns) as readonly { form: string; value: T }[] | undefined;
  if (!sorted) sortedMemo.set(patterns, (sorted = [...patterns].filter((p) => p.form.length > 0).sort((a, b) => b.form.length - a.form.length)));
  return sorted;
}
