// The worst uploads of each kind, made at run time (nothing large is stored): the files
// that froze the server or blew its memory when it parsed on its own loop.
import { randomBytes } from 'node:crypto';
import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import { makeDocx } from '../../test/helpers/formatFixtures.js';
import { syntheticReportLines, syntheticReportText } from '../../test/helpers/syntheticReport.js';
import { makeTextPdf } from '../../test/helpers/textPdf.js';
import { crc32, paddedDocx, unzip, zipPacked } from '../../test/helpers/zipFixture.js';

export interface WorstUpload {
  kind: string;
  files: { name: string; bytes: Buffer }[];
}

/** A .docx whose document.xml inflates to `bytes` of empty paragraphs, deflated as a stream; its directory declares 1 KB. */
async function lyingDocx(bytes: number): Promise<Buffer> {
  const parts = unzip(await makeDocx(syntheticReportLines(0)));
  const xml = parts.get('word/document.xml')!.toString('utf8');
  const [head, tail] = [Buffer.from(xml.slice(0, xml.indexOf('</w:body>'))), Buffer.from(xml.slice(xml.indexOf('</w:body>')))];
  const chunk = Buffer.from('<w:p/>'.repeat(1 << 17));
  const deflate = createDeflateRaw();
  const out: Buffer[] = [];
  deflate.on('data', (d: Buffer) => out.push(d));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = crc32(head);
  let size = head.length;
  deflate.write(head);
  while (size + chunk.length < bytes) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  crc = crc32(tail, crc);
  size += tail.length;
  deflate.end(tail);
  await done;
  // document.xml as streamed above; the other parts deflated honestly.
  const others = [...parts]
    .filter(([name]) => name !== 'word/document.xml')
    .map(([name, data]) => ({ name, packed: deflateRawSync(data), crc: crc32(data), size: data.length }));
  return zipPacked([...others, { name: 'word/document.xml', packed: Buffer.concat(out), crc, size, declared: 1024 }]);
}

/** `%PDF-1.7` and then random bytes. */
function fakePdf(bytes: number): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(bytes)]);
}

export async function worstUploads(): Promise<WorstUpload[]> {
  const docx = await makeDocx(syntheticReportLines(0));
  return [
    { kind: '.docx declaring 1 KB for a 600 MB document.xml', files: [{ name: 'lying.docx', bytes: await lyingDocx(600 * 1024 * 1024) }] },
    { kind: '.docx expanding to 20 MB of <w:p/>', files: [{ name: 'expand-20mb.docx', bytes: paddedDocx(docx, 3_500_000) }] },
    { kind: '.docx expanding to 100 MB of <w:p/>', files: [{ name: 'expand-100mb.docx', bytes: paddedDocx(docx, 17_500_000) }] },
    { kind: '2,000-page text PDF', files: [{ name: 'pages-2000.pdf', bytes: makeTextPdf(2000, 30) }] },
    { kind: '20 × %PDF header + 1 MB of random bytes, at once', files: Array.from({ length: 20 }, (_, i) => ({ name: `random-${i}.pdf`, bytes: fakePdf(1024 * 1024) })) },
    { kind: 'a report of 296,000 characters (.txt, accepted)', files: [{ name: 'long.txt', bytes: Buffer.from(syntheticReportText(2150)) }] },
    { kind: 'a name cut inside a surrogate pair (.txt, accepted)', files: [{ name: 'a'.repeat(63) + '\u{20000}x.txt', bytes: Buffer.from(syntheticReportText(0, '蒹川')) }] },
  ];
}
