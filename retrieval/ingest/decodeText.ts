// Turns a report file's bytes into text, detecting UTF-8 or GB18030/GBK.
// Throws a ReportReadError with a human reason for anything that is not a text report.

export class ReportReadError extends Error {}

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'gb18030';
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new ReportReadError('文件为空 (empty file)');
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3);
  if (body.includes(0)) throw new ReportReadError('不是文本文件：含有 NUL 字节 (binary file)');

  let text: string;
  let encoding: DecodedText['encoding'];
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    encoding = 'utf-8';
  } catch {
    try {
      // GB18030 is a superset of GBK and GB2312, so one decoder covers all three.
      text = new TextDecoder('gb18030', { fatal: true }).decode(body);
      encoding = 'gb18030';
    } catch {
      throw new ReportReadError('无法识别的编码：既不是 UTF-8 也不是 GB18030/GBK (unknown encoding)');
    }
  }

  const visible = text.replace(/\s/g, '');
  if (visible.length === 0) throw new ReportReadError('文件只有空白 (whitespace only)');
  const controls = (visible.match(/[\u0000-\u001f\u007f-\u009f\ufffd]/g) ?? []).length;
  if (controls / visible.length > 0.01) throw new ReportReadError('不是文本文件：控制字符过多 (binary file)');
  const han = (visible.match(/\p{Script=Han}/gu) ?? []).length;
  if (han / visible.length < 0.3) throw new ReportReadError('不像中文报告：汉字比例过低 (not a Chinese report)');
  return { text, encoding };
}
