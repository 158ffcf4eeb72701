// A PDF of many pages of text, written by hand (Helvetica, ASCII lines): a 2,000-page
// document in a second, for tests and benchmarks of long files. Offsets in the xref are exact.

export function makeTextPdf(pages: number, linesPerPage = 30, line = (page: number, n: number) => `Page ${page} line ${n}: the quick brown fox jumps over the lazy dog.`): Buffer {
  const parts: string[] = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (s: string) => {
    parts.push(s);
    length += Buffer.byteLength(s, 'latin1');
  };
  const object = (n: number, body: string) => {
    offsets[n] = length;
    add(`${n} 0 obj\n${body}\nendobj\n`);
  };
  add('%PDF-1.4\n');
  const pageObject = (i: number) => 4 + i * 2;
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${pageObject(i)} 0 R`).join(' ')}] /Count ${pages} >>`);
  object(3, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  for (let i = 0; i < pages; i++) {
    const lines = Array.from({ length: linesPerPage }, (_, n) => `(${line(i + 1, n + 1).replace(/[()\\]/g, '')}) Tj 0 -20 Td`).join('\n');
    const stream = `BT /F1 11 Tf 60 800 Td\n${lines}\nET`;
    object(pageObject(i), `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageObject(i) + 1} 0 R >>`);
    object(pageObject(i) + 1, `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
  }
  const count = pageObject(pages - 1) + 2;
  const xref = length;
  add(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let n = 1; n < count; n++) add(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  add(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.from(parts.join(''), 'latin1');
}
