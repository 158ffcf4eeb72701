// The speaker line: "惠济区人民政府区长 李伟光", "XX县人民政府代县长 某某",
// "代县长 某某", "XX省省长 某某", "自治区人民政府主席 某某". Cleaning has removed the
// spaces between title and name, so the title words delimit the name.
import { HEAD_TITLE } from '../places/placeForms.js';

export interface SpeakerLine {
  /** What precedes 人民政府 or the title: 惠济区, 郑州市惠济区, '' when only the title is given. */
  place: string;
  title: string;
  name: string;
  line: number;
}

const NAME = '([\\p{Script=Han}·]{2,5})';
const WITH_GOVT = new RegExp(`([\\p{Script=Han}]{0,20}?)人民政府(${HEAD_TITLE})${NAME}(?=$|[\\s，。、]|各位)`, 'u');
const BARE = new RegExp(`^([\\p{Script=Han}]{0,16}?(?:省|自治区|市|州|盟|区|县|旗))?(${HEAD_TITLE})${NAME}$`, 'u');

export function readSpeaker(lines: readonly string[]): SpeakerLine | undefined {
  for (let i = 0; i < lines.length; i++) {
    // "——某县人民政府县长 某某" and "（某县县长 某某）" are the same line.
    const line = lines[i].replace(/^[—－\-―─━–（(]+|[）)]+$/gu, '');
    if (line.length > 60) continue;
    const m = WITH_GOVT.exec(line) ?? BARE.exec(line);
    if (!m) continue;
    // 县长/区长 are also words inside a name line only when followed by a name; a
    // sentence such as "区长办公会议研究" has punctuation or runs on, so length and anchors keep it out.
    return { place: m[1] ?? '', title: m[2], name: m[3], line: i };
  }
  return undefined;
}
