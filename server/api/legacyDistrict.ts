// `place` was called `district` until reports of every level (县, 市, 省) were covered.
// Scripts written against the old API still read `district`: responses carry it beside
// `place` for one more release (requests accept it through districtAsPlace).
export { districtAsPlace } from '../../retrieval/browser.js';

/** Adds the old field name `district` (same value as `place`) to a response object. */
export function withDistrict<T extends { place: string }>(x: T): T & { district: string } {
  return { ...x, district: x.place };
}
