// Rejoins paragraphs that page breaks split mid-sentence
// (weidong-2024: "…切" / blank line / "实增强经济活力…").
// A line continues into the next when it does not end a sentence and neither
// line is a heading.
import { detectHeading } from './detectHeading.js';

const TERMINAL = /[。！？!?；;：:…]$/;
/** A closing quote or bracket ends a sentence only if the mark before it does. */
const CLOSERS = /[”’」』）)》]+$/;

export function endsSentence(line: string): boolean {
  const core = line.replace(CLOSERS, '');
  if (core.length < line.length && core.length > 0) return TERMINAL.test(core);
  return TERMINAL.test(line);
}

/** `isHeading`: whether a line is a heading of its own (numbered headings always are). */
export function repairParagraphs(lines: string[], isHeading: (line: string) => boolean = () => false): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const prevIsHeading = prev !== undefined && (detectHeading(prev)?.standalone || isHeading(prev));
    if (prev !== undefined && !endsSentence(prev) && !prevIsHeading && !detectHeading(line) && !isHeading(line)) {
      out[out.length - 1] = prev + line;
    } else {
      out.push(line);
    }
  }
  return out;
}
