// A date as people type it → ISO (2019-01-15). Accepted: 2019年1月15日, 2019-1-15,
// 2019/01/15, 2019.1.15, with full-width digits too. Impossible dates (2月30日) are
// refused rather than rolled over. Shared by the metadata form and the API.

/** The accepted forms, for messages. */
export const DATE_FORMS = '2019年1月15日、2019-1-15 或 2019/01/15';

export function parseDateInput(input: string): string | undefined {
  const s = input.normalize('NFKC').trim();
  const m = /^(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?|[-/.](\d{1,2})[-/.](\d{1,2}))$/.exec(s);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2] ?? m[4]);
  const day = Number(m[3] ?? m[5]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
