import { DEFAULTS } from '../defaults.js';
import { placeForms } from '../places/placeForms.js';
import type { CatalogEntry } from './catalog.js';

export interface PlaceName {
  /** As it may appear in a question: 惠济区, 惠济, 郑州市, 郑州, 马边县, 马边. */
  form: string;
  /** Places with reports that the form stands for (a parent city or province: every such place in the catalog). */
  places: string[];
  /** covered: a place with its own report; city/province: only a parent of places with reports. */
  kind: 'covered' | 'city' | 'province';
}

// Names depend only on each entry's place and parents, so that is the memo key. Callers
// often pass a freshly mapped catalog per question, so array identity would never hit.
const memo: { key: string; names: readonly PlaceName[] }[] = [];

/**
 * Every way the catalog's places and their parents can be named, longest first
 * so 惠济区 is tried before 惠济. Derived from the catalog, so a report for any other
 * place is understood without code changes. A place's parents come from any of
 * its reports that states or looks one up (hongqi-2020 doesn't state it, hongqi-2017 does).
 */
export function placeNames(catalog: readonly CatalogEntry[]): readonly PlaceName[] {
  // The same places as last time: compared field by field, without building the key, which at
  // 10,000 reports costs more than the rest of understanding a question.
  if (last && samePlaces(last.entries, catalog)) return last.names;
  const key = catalog.map((r) => `${r.place}|${r.city ?? ''}|${r.province ?? ''}`).join('\n');
  let hit = memo.find((m) => m.key === key);
  if (!hit) {
    hit = { key, names: derivePlaceNames(catalog) };
    memo.unshift(hit);
    memo.length = Math.min(memo.length, DEFAULTS.queryCatalogMemo);
  }
  last = { entries: catalog.map((r) => ({ place: r.place, city: r.city, province: r.province })), names: hit.names };
  return hit.names;
}

type Places = Pick<CatalogEntry, 'place' | 'city' | 'province'>;
let last: { entries: readonly Places[]; names: readonly PlaceName[] } | undefined;

/** What the memo key holds, compared in place. */
function samePlaces(a: readonly Places[], b: readonly Places[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.place !== y.place || (x.city ?? '') !== (y.city ?? '') || (x.province ?? '') !== (y.province ?? '')) return false;
  }
  return true;
}

function derivePlaceNames(catalog: readonly CatalogEntry[]): readonly PlaceName[] {
  const byForm = new Map<string, PlaceName>();
  const rank = { covered: 0, city: 1, province: 2 } as const;
  const add = (name: string | undefined, place: string, kind: PlaceName['kind']) => {
    if (!name) return;
    for (const form of placeForms(name)) {
      const p = byForm.get(form) ?? { form, places: [], kind };
      if (!p.places.includes(place)) p.places.push(place);
      // A name that is both a place with a report and a parent counts as the place.
      if (rank[kind] < rank[p.kind]) p.kind = kind;
      byForm.set(form, p);
    }
  };
  for (const r of catalog) add(r.place, r.place, 'covered');
  for (const r of catalog) {
    add(r.city, r.place, 'city');
    add(r.province, r.place, 'province');
  }
  // A parent that has its own report (深圳市 beside 龙岗区) stands for itself only.
  for (const p of byForm.values()) if (p.kind === 'covered') p.places = p.places.filter((d) => placeForms(d).includes(p.form));
  const names = [...byForm.values()].sort((a, b) => b.form.length - a.form.length);
  // Shared by every later call: frozen so no caller can change another's answer.
  for (const n of names) Object.freeze(n.places);
  return Object.freeze(names.map((n) => Object.freeze(n)));
}
