// An answer read the way the chat shows it. Models write Markdown (bold, bullets, headings,
// tables) and the offline answerer writes comparison tables, so citation checks read the
// words under the markup, one unit at a time: a sentence, a heading, a table's header row or
// one of its body rows (a row is read with its header: `| 惠济区 | 7%左右[1] |` under
// `| 地区 | 2024年GDP目标 |` reads 惠济区：2024年GDP目标7%左右[1]). Dropping a unit keeps the
// answer's shape: a row goes with its line, a list item keeps its bullet.
//
// The reader is incremental: fed a streamed answer delta by delta, it cuts each unit once,
// when it is complete (a sentence when the next one begins, so markers after its full stop
// stay with it; a table line when the line after it says whether it is a header), looking at
// each character a bounded number of times.
import { findMarkers, normaliseMarkers, PENDING_MARKER } from '../../api/citationMarkers.js';

export type UnitRole = 'sentence' | 'heading' | 'tableHeader' | 'tableRow' | 'structure';

export interface AnswerUnit {
  role: UnitRole;
  /** Markdown that opens the unit's line (`- `, `## `, `> `, `1. `), when the unit opens it. */
  prefix: string;
  /** The unit as written, markers normalised to [n], without its prefix and line break. */
  body: string;
  /** The line break that closes the unit's line, when it closes it. */
  newline: string;
  /** The unit's line, counted from 0: a line whose units all fail is dropped whole. */
  line: number;
  /** What the checks read: the words under the markup ('' for structure: blank lines, rules, a table's delimiter row). */
  text: string;
  /** The table a header or row belongs to (numbered from 1). */
  table?: number;
}

export interface AnswerReader {
  /** Feeds more of the answer; returns the units it completed. */
  push(delta: string): AnswerUnit[];
  /** The answer is complete: returns the units still open. */
  end(): AnswerUnit[];
}

/** Reads a whole answer. */
export function answerUnits(text: string): AnswerUnit[] {
  const reader = createAnswerReader();
  return [...reader.push(text), ...reader.end()];
}

/**
 * What ends a sentence (as citation enforcement has always split: 。！？!?；;), and in English a
 * full stop after a word, a citation or a closing quote once the next sentence has begun
 * ("…growth of 7%[1]. Weidong District's…"): never the point of 6.5 or an abbreviation mid-sentence.
 */
const TERMINATOR = /[。！？!?；;\n]|(?<=[\])”"%A-Za-z])\.(?=[ \t]+[A-Z“"(])/g;
/** Markdown opening a line: block quotes, then a heading, a bullet or a number, then a task box. */
const LINE_PREFIX = /^[ \t]{0,3}(?:>[ \t]?)*(?:#{1,6}(?=[ \t]|$)[ \t]*|[-*+][ \t]+|\d{1,9}[.)][ \t]+)?(?:\[[ xX]\][ \t]+)?/;
const HEADING = /^[ \t]{0,3}(?:>[ \t]?)*#{1,6}(?:[ \t]|$)/;
/** Blank lines, thematic breaks, setext underlines and code fences hold no words. */
const STRUCTURE = /^[ \t]*$|^[ \t]{0,3}(?:(?:[-*_][ \t]*){3,}|=+[ \t]*|(?:`{3,}|~{3,}).*)$/;
/** A table's delimiter row: | --- | :---: | */
const DELIMITER_ROW = /^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?$|^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$/;

export function createAnswerReader(): AnswerReader {
  let buf = '';
  /** Start of the text not yet cut into units. */
  let pos = 0;
  /** Where the search for the current unit's end resumes (≥ pos). */
  let scan = 0;
  let line = 0;
  /** A unit of the current line was cut already (so the line's prefix went with it). */
  let lineOpen = false;
  /** The line at `pos` was classified as ordinary text (sentences may be cut before it ends). */
  let prose = false;
  /** Where the line at `pos` ends (its \n), once found; -1 while unknown. */
  let lineEnd = -1;
  let table: { id: number; header: string[] } | undefined;
  let tables = 0;

  const unit = (role: UnitRole, raw: string, newline: string, extra: Partial<AnswerUnit> = {}): AnswerUnit => {
    const normal = normaliseMarkers(raw);
    const prefix = lineOpen || role === 'tableRow' || role === 'tableHeader' || role === 'structure' ? '' : (LINE_PREFIX.exec(normal)?.[0] ?? '');
    const body = normal.slice(prefix.length);
    const text = role === 'structure' ? '' : role === 'heading' ? plainInline(body.replace(/[ \t]+#+[ \t]*$/, '')) : plainInline(body);
    return { role, prefix, body, newline, line, text, ...extra };
  };
  /** Cuts buf[pos, end) (plus a line break when `newline`) into one unit. */
  const cut = (role: UnitRole, end: number, newline: boolean, extra: Partial<AnswerUnit> = {}): AnswerUnit => {
    const u = unit(role, buf.slice(pos, end), newline ? '\n' : '', extra);
    pos = scan = end + (newline ? 1 : 0);
    lineEnd = -1;
    if (newline) {
      line++;
      lineOpen = false;
      prose = false;
    } else {
      lineOpen = true;
    }
    return u;
  };

  /** Cuts what can be cut; `final` when no more text will come. */
  const drain = (final: boolean): AnswerUnit[] => {
    const out: AnswerUnit[] = [];
    while (pos < buf.length) {
      if (!lineOpen && !prose) {
        // The line's end, searched for once from where the last search stopped.
        if (lineEnd < 0) {
          lineEnd = buf.indexOf('\n', scan);
          if (lineEnd < 0) scan = buf.length;
        }
        const nl = lineEnd;
        const head = buf.slice(pos, Math.min(buf.length, pos + 8));
        const whole = nl >= 0 || final;
        // Tables, headings, and what may yet be a blank line, a rule or a fence are read whole.
        const waitsForLine = table !== undefined || /^[ \t]*\|/.test(head) || HEADING.test(head) || /^[ \t]*[-*_=`~ \t]*$/.test(head);
        if (!whole) {
          if (waitsForLine) break;
          prose = true;
          scan = pos;
          continue;
        }
        const end = nl >= 0 ? nl : buf.length;
        const text = buf.slice(pos, end);
        const newline = nl >= 0;
        if (table && text.includes('|') && text.trim()) {
          out.push(cut('tableRow', end, newline, { text: rowText(cells(normaliseMarkers(text)), table.header), table: table.id }));
          continue;
        }
        table = undefined;
        if (/^[ \t]*\|/.test(text)) {
          // A header only if a delimiter row follows: wait for the next line.
          const nl2 = newline ? buf.indexOf('\n', Math.max(scan, end + 1)) : -1;
          if (nl2 < 0) scan = buf.length;
          if (newline && nl2 < 0 && !final) break;
          const next = newline ? buf.slice(end + 1, nl2 >= 0 ? nl2 : buf.length) : '';
          if (DELIMITER_ROW.test(next) && next.includes('|')) {
            const header = cells(normaliseMarkers(text));
            const id = ++tables;
            out.push(cut('tableHeader', end, true, { text: header.join('，'), table: id }));
            out.push(cut('structure', nl2 >= 0 ? nl2 : buf.length, nl2 >= 0, { table: id }));
            table = { id, header };
            continue;
          }
        }
        if (STRUCTURE.test(text) && !/^[ \t]*\|/.test(text)) {
          out.push(cut('structure', end, newline));
          continue;
        }
        if (HEADING.test(text)) {
          out.push(cut('heading', end, newline));
          continue;
        }
        prose = true;
        scan = pos;
        continue;
      }
      // Ordinary text: sentence by sentence, up to the line's end.
      TERMINATOR.lastIndex = scan;
      const t = TERMINATOR.exec(buf);
      if (!t) {
        scan = buf.length;
        if (final) out.push(cut('sentence', buf.length, false));
        break;
      }
      if (t[0] === '\n') {
        out.push(cut('sentence', t.index, true));
        continue;
      }
      let stop = t.index + 1;
      while (stop < buf.length && /[。！？!?；;]/.test(buf[stop])) stop++;
      const rest = buf.slice(stop, stop + 200);
      const markers = leadingMarkers(rest);
      const after = rest.slice(markers);
      // Markers may still follow (nothing yet, a space, an unfinished 【1): wait, unless the answer is complete.
      const reachesEnd = stop + rest.length >= buf.length;
      const pending = PENDING_MARKER.exec(after);
      const open = reachesEnd && (/^[ \t]*$/.test(after) || (pending !== null && /^[ \t]*$/.test(after.slice(0, pending.index))));
      if (open && !final) {
        scan = t.index;
        break;
      }
      const end = stop + markers;
      if (buf[end] === '\n') out.push(cut('sentence', end, true));
      else out.push(cut('sentence', end, false));
    }
    // Keep the buffer short: drop what was cut once it is most of it.
    if (pos > 4096 && pos * 2 > buf.length) {
      buf = buf.slice(pos);
      scan -= pos;
      if (lineEnd >= 0) lineEnd -= pos;
      pos = 0;
    }
    return out;
  };

  /**
   * Deltas that cannot complete a unit, held apart: searching or slicing a string built by
   * appending copies all of it, so appending each delta to one buffer and searching it would
   * cost the whole text on every delta (a sentence padded to megabytes, no full stop in sight).
   */
  let held: string[] = [];
  const flush = () => {
    if (held.length) buf += held.join('');
    held = [];
  };

  return {
    push(delta) {
      // Line breaks as \n only; a \r alone is no line break anyone writes any more.
      const text = delta.replace(/\r/g, '');
      // Nothing is pending at the buffer's end (no full stop waiting for its markers), and the
      // delta holds nothing that ends a unit: it can only extend the one in progress.
      if (scan >= buf.length && !/[。！？!?；;\n]/.test(text)) {
        held.push(text);
        return [];
      }
      flush();
      buf += text;
      return drain(false);
    },
    end() {
      flush();
      return drain(true);
    },
  };
}

/** The length of the marker groups (any style, spaces between) that `text` starts with. */
function leadingMarkers(text: string): number {
  let at = 0;
  for (const m of findMarkers(text)) {
    if (!/^[ \t]*$/.test(text.slice(at, m.index))) break;
    at = m.index + m.raw.length;
  }
  return at;
}

/** The cells of a table line: | a | b | → [a, b] (an escaped \| stays in its cell). */
function cells(text: string): string[] {
  const inner = text.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => plainInline(c.trim()));
}

/**
 * A body row as a sentence: its first cell names what the row is about, each further cell is
 * read after its column's header (惠济区：2024年GDP目标7%左右[1]，2023年实际6%[2]).
 */
function rowText(row: string[], header: string[]): string {
  const [first, ...rest] = row;
  const parts = rest.map((c, i) => (c && header[i + 1] ? `${header[i + 1]}${c}` : c)).filter(Boolean);
  if (!first) return parts.join('，');
  return parts.length ? `${first}：${parts.join('，')}` : first;
}

/** The words under inline Markdown: **7%左右** is 7%左右, [text](url) is text, \* is *. */
export function plainInline(text: string): string {
  return text
    .replace(/!\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/\[([^\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"\n]*")?\)/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/\*\*|__|~~|`+/g, '')
    .replace(/(?<![\\*])\*(?=\S)([^*\n]*?\S)\*(?!\*)/g, '$1')
    .replace(/(?<![\\_\p{L}\p{N}])_(?=\S)([^_\n]*?\S)_(?![_\p{L}\p{N}])/gu, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '$1');
}
