// Folds the characters figures are written with to one form, keeping every character at its
// offset (so spans found in the folded text slice the original): full-width digits and signs
// (２０２４％), and the traditional forms of numerals, units and the words around figures (兩萬億元,
// 個, 項, 畝, 預計, 增長) that reports in traditional script use. Subjects read from the folded
// text then match simplified questions.

const PAIRS =
  '％%．.萬万億亿兩两點点個个項项戶户條条處处場场臺台輛辆間间張张畝亩噸吨頃顷額额資资稅税財财經经濟济' +
  '發发產产業业總总長长預预計计實实現现達达標标設设區区縣县規规與与為为於于國国內内價价數数進进餘余約约' +
  '幾几鎮镇農农鄉乡級级員员務务費费對对這这後后並并';
/** Each folding character's UTF-16 unit → its folded unit (0: left as is). Every one is a single unit. */
const FOLDED = new Uint16Array(0x10000);
for (let i = 0; i + 1 < PAIRS.length; i += 2) FOLDED[PAIRS.charCodeAt(i)] = PAIRS.charCodeAt(i + 1);
for (let d = 0; d <= 9; d++) FOLDED[0xff10 + d] = 0x30 + d;

// Runs over every paragraph, often more than once: a table look-up per character, and the
// text itself back when nothing folds (most simplified texts).
export function foldFigures(text: string): string {
  let i = 0;
  while (i < text.length && FOLDED[text.charCodeAt(i)] === 0) i++;
  if (i === text.length) return text;
  const codes = new Uint16Array(text.length);
  for (let j = 0; j < text.length; j++) {
    const code = text.charCodeAt(j);
    codes[j] = FOLDED[code] || code;
  }
  let out = '';
  // fromCharCode takes its arguments on the stack: in chunks.
  for (let j = 0; j < codes.length; j += 8192) out += String.fromCharCode(...codes.subarray(j, j + 8192));
  return out;
}
