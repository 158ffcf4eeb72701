/**
 * NFKC folds full-width digits, letters and symbols to ASCII (２０２４ → 2024,
 * ％ → %, ＧＤＰ → GDP) so that reports typed with either width and questions
 * typed on phone keyboards produce the same terms. Lower-casing makes GDP/gdp one term.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}
