// Folds the characters figures are written with to one form, keeping every character at its
// offset (so spans found in the folded text slice the original): full-width digits and signs
// (２０２４％), and the traditional forms of numerals, units and the words around figures (兩萬億元,
// 個, 項, 畝, 預計, 增長) that reports in traditional script use. Subjects read from the folded
// text then match simplified questions.

const PAIRS =
  '％%．.萬万億亿兩两點点個个項项戶户條条處处場场臺台輛辆間间張张畝亩噸吨頃顷額额資资稅税財财經经濟济' +
  '發发產产業业總总長长預预計计實实現现達达標标設设區区縣县規规與与為为於于國国內内價价數数進进餘余約约' +
  '幾几鎮镇農农鄉乡級级員员務务費费對对這这後后並并';
const SINGLE = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) SINGLE.set(PAIRS[i], PAIRS[i + 1]);

export function foldFigures(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xfee0);
    else out += SINGLE.get(ch) ?? ch;
  }
  return out;
}
