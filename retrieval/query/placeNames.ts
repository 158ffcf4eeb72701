import { DEFAULTS } from '../defaults.js';
import type { CatalogEntry } from './catalog.js';

export interface PlaceName {
  /** As it may appear in a question: 惠济区, 惠济, 郑州市, 郑州. */
  form: string;
  /** Districts the form stands for (a city stands for all its districts in the catalog). */
  districts: string[];
  kind: 'district' | 'city';
}

/** 惠济区 → 惠济, 平顶山市 → 平顶山; undefined when the stem would be a single character. */
export function shortForm(name: string): string | undefined {
  const m = /^(.{2,})(?:区|县|市|旗)$/u.exec(name);
  return m ? m[1] : undefined;
}

// Names depend only on each entry's district and city, so that is the memo key. Callers
// often pass a freshly mapped catalog per question, so array identity would never hit.
const memo: { districts: string[]; cities: (string | undefined)[]; names: readonly PlaceName[] }[] = [];

/**
 * Every way the catalog's districts and cities can be named, longest first so
 * 惠济区 is tried before 惠济. Derived from the catalog, so a new report for
 * another district is understood without code changes. A district's city comes
 * from any of its reports that states one (hongqi-2020 doesn't, hongqi-2017 does).
 */
export function placeNames(catalog: readonly CatalogEntry[]): readonly PlaceName[] {
  const hit = memo.find(
    (m) => m.districts.length === catalog.length && catalog.every((r, i) => r.district === m.districts[i] && r.city === m.cities[i]),
  );
  if (hit) return hit.names;
  const names = derivePlaceNames(catalog);
  memo.unshift({ districts: catalog.map((r) => r.district), cities: catalog.map((r) => r.city), names });
  memo.length = Math.min(memo.length, DEFAULTS.queryCatalogMemo);
  return names;
}

function derivePlaceNames(catalog: readonly CatalogEntry[]): readonly PlaceName[] {
  const byForm = new Map<string, PlaceName>();
  const add = (form: string | undefined, district: string, kind: PlaceName['kind']) => {
    if (!form) return;
    const p = byForm.get(form) ?? { form, districts: [], kind };
    if (!p.districts.includes(district)) p.districts.push(district);
    // A name that is both a district's and a city's stem counts as the district.
    if (kind === 'district') p.kind = 'district';
    byForm.set(form, p);
  };
  for (const r of catalog) {
    add(r.district, r.district, 'district');
    add(shortForm(r.district), r.district, 'district');
  }
  for (const r of catalog) {
    if (!r.city) continue;
    add(r.city, r.district, 'city');
    add(shortForm(r.city), r.district, 'city');
  }
  const names = [...byForm.values()].sort((a, b) => b.form.length - a.form.length);
  // Shared by every later call: frozen so no caller can change another's answer.
  for (const n of names) Object.freeze(n.districts);
  return Object.freeze(names.map((n) => Object.freeze(n)));
}
