// The ways a place is named: in full (马边彝族自治县), with its generic suffix
// (马边县) and bare (马边). Questions use all three; reports mostly the first.
import type { PlaceLevel } from '../types.js';

/** China's 55 minority nationalities, as autonomous divisions name them (彝族, 土家族, 蒙古族 …). */
const NATIONALITIES =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各';
/**
 * 马边彝族自治县 → stem 马边, kind 县; several nationalities may stand together (土家族苗族), and
 * 族 may be left out of the name (新疆维吾尔自治区); a stem has two characters at least (内蒙古 is no 内 + 蒙古).
 */
const AUTONOMOUS = new RegExp(`^(.{2,}?)((?:(?:${NATIONALITIES})族?)+)自治(县|旗|州|区)$`, 'u');
/** Generic suffixes, longest first. */
const SUFFIX = /(特别行政区|自治区|地区|新区|林区|特区|省|市|区|县|旗|州|盟)$/u;

/** 马边彝族自治县 → [马边彝族自治县, 马边县, 马边]; 沛县 → [沛县]; 深圳市 → [深圳市, 深圳]. */
export function placeForms(name: string): string[] {
  const out = [name];
  const add = (f: string) => {
    if (f.length >= 2 && !out.includes(f)) out.push(f);
  };
  const auto = AUTONOMOUS.exec(name);
  if (auto) {
    const [, stem, , kind] = auto;
    add(stem + (kind === '区' ? '' : kind));
    add(stem);
    return out;
  }
  const m = SUFFIX.exec(name);
  if (m) add(name.slice(0, -m[1].length));
  return out;
}

/**
 * The generic suffixes of each level's names. The one-character ones are also how a report
 * names its own place without naming it (全区, 我县, 本市: selfReferences.ts).
 */
export const LEVEL_SUFFIXES: Readonly<Record<PlaceLevel, readonly string[]>> = {
  province: ['省', '自治区', '特别行政区'],
  city: ['市', '州', '盟', '地区'],
  county: ['区', '县', '旗'],
};

/** The level a name's own suffix implies; 市 is read as a prefecture-level city unless the gazetteer knows better. */
export function levelFromSuffix(name: string): PlaceLevel | undefined {
  return (Object.keys(LEVEL_SUFFIXES) as PlaceLevel[]).find((level) => LEVEL_SUFFIXES[level].some((s) => name.endsWith(s)));
}

/**
 * 区长/县长/市长/省长/旗长/州长/盟长/主席 (自治区): the head of government a level has; an acting
 * head (代县长) or a deputy delivering the report on the head's behalf (常务副市长) is titled so.
 */
export const HEAD_TITLE = '(?:代理|代|常务副|副)?(?:区长|县长|市长|省长|旗长|州长|盟长|主席)';
