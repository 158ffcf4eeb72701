// China's administrative divisions (GB/T 2260 codes, from @vant/area-data:
// small — 340 KB for every province, prefecture and county — maintained with the
// Vant UI library and updated as divisions change). The code says the parents:
// 410703 卫滨区 is in 4107 新乡市, in 41 河南省.
import { areaList } from '@vant/area-data';
import type { PlaceLevel } from '../types.js';
import { placeForms } from './placeForms.js';

export interface GazetteerPlace {
  code: string;
  name: string;
  level: PlaceLevel;
  /** Prefecture-level parent, for a county (for a 直辖市's district, the city itself). */
  city?: string;
  province?: string;
}

export interface Gazetteer {
  places: readonly GazetteerPlace[];
  /** Places by every form of their name (full, with suffix, bare). */
  byForm: ReadonlyMap<string, readonly GazetteerPlace[]>;
}

/** Address-picker entries that are not administrative divisions, or too generic to be a name in a question. */
const NOT_A_PLACE = /开发区|高新|新区管委|工业园区|^(?:市辖区|省直辖县|县|城区|郊区|矿区|其[它他]区)$/u;
/** Vant lists the 直辖市 as provinces with one city of the same name. */
const isPlaceholderCity = (name: string) => /^(?:省直辖县|县|市辖区)$/u.test(name);

let built: Gazetteer | undefined;

export function gazetteer(): Gazetteer {
  if (built) return built;
  const { province_list: provinces, city_list: cities, county_list: counties } = areaList;
  const places: GazetteerPlace[] = [];
  for (const [code, name] of Object.entries(provinces)) places.push({ code, name, level: 'province' });
  for (const [code, name] of Object.entries(cities)) {
    if (isPlaceholderCity(name)) continue;
    const province = provinces[`${code.slice(0, 2)}0000`];
    // 北京市 the city is 北京市 the province: one place, not two.
    if (province === name) continue;
    places.push({ code, name, level: 'city', province });
  }
  for (const [code, name] of Object.entries(counties)) {
    if (NOT_A_PLACE.test(name)) continue;
    const province = provinces[`${code.slice(0, 2)}0000`];
    const cityName = cities[`${code.slice(0, 4)}00`];
    const city = cityName && !isPlaceholderCity(cityName) ? cityName : province && /市$/u.test(province) ? province : undefined;
    places.push({ code, name, level: 'county', city, province });
  }
  const byForm = new Map<string, GazetteerPlace[]>();
  for (const p of places) {
    for (const f of placeForms(p.name)) {
      const list = byForm.get(f) ?? [];
      list.push(p);
      byForm.set(f, list);
    }
  }
  built = { places, byForm };
  return built;
}

/**
 * The place a name stands for. Several places share a name (鼓楼区 is in four
 * cities): hints — names of cities or provinces the text also mentions — choose;
 * with no hint an ambiguous name gets no parents, rather than a guessed one.
 */
export function resolvePlace(name: string, hints: readonly string[] = []): GazetteerPlace | undefined {
  const all = gazetteer().byForm.get(name) ?? [];
  const exact = all.filter((p) => p.name === name);
  const candidates = exact.length ? exact : all;
  if (candidates.length <= 1) return candidates[0];
  const names = (p: string | undefined) => (p ? placeForms(p) : []);
  const hinted = candidates.filter((p) => hints.some((h) => h && (names(p.city).includes(h) || names(p.province).includes(h))));
  return hinted.length === 1 ? hinted[0] : undefined;
}
