// "郑州市惠济区" → [郑州市, 惠济区]; "内蒙古自治区鄂尔多斯市" → [内蒙古自治区, 鄂尔多斯市].
// Gazetteer names are tried first (longest first), then any run of Han characters
// ending in an administrative suffix, so a division the gazetteer lacks (a new
// district) is still read.
import { gazetteer } from './gazetteer.js';
import { namesNoPlace } from './selfReferences.js';

const ANY_PLACE = /^[\p{Script=Han}]{1,10}?(?:特别行政区|自治区|自治州|自治县|自治旗|省|市|州|盟|区|县|旗)/u;

export function splitPlaceChain(s: string): string[] {
  const byForm = gazetteer().byForm;
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    let hit = '';
    for (let len = Math.min(12, s.length - i); len >= 2; len--) {
      const cand = s.slice(i, i + len);
      if (byForm.get(cand)?.some((p) => p.name === cand)) {
        hit = cand;
        break;
      }
    }
    if (!hit) hit = ANY_PLACE.exec(s.slice(i))?.[0] ?? '';
    if (!hit) break;
    // Self-references name no place: 县第十八届, 本区, 全市, 自治区主席.
    if (!namesNoPlace(hit)) out.push(hit);
    i += hit.length;
  }
  return out;
}
