// .html/.htm: the main text of a saved web page, without navigation, share
// buttons, breadcrumbs and footers. Mozilla Readability (Firefox Reader View)
// finds the article in pages of any layout, which matters because every
// government site has its own template; linkedom gives it a DOM without a
// browser. The article's block elements become lines.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeText, ReportReadError } from '../decodeText.js';
import { decodeHtml } from './decodeHtml.js';
import type { ReadResult, ReportReader } from './ReportReader.js';
import { SNIFFED_NAMES, sniffBytes } from './sniffBytes.js';

/** Elements that end a line of text. */
const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'TR', 'TABLE',
  'BLOCKQUOTE', 'PRE', 'HEADER', 'FOOTER', 'DL', 'DT', 'DD', 'FIGURE', 'FIGCAPTION', 'CENTER', 'ADDRESS', 'HR',
]);
/** Page chrome removed when Readability finds no article (a very short page). */
const CHROME = 'script, style, noscript, template, nav, header, footer, aside, form, iframe, button';

export const htmlReader: ReportReader = {
  extensions: ['.html', '.htm'],
  async read(bytes: Uint8Array): Promise<ReadResult> {
    if (bytes.length === 0) throw new ReportReadError('文件为空 (empty file)');
    const kind = sniffBytes(bytes);
    if (kind !== 'unknown') throw new ReportReadError(`不是网页文件：内容是${SNIFFED_NAMES[kind]}`);
    const source = decodeHtml(bytes);
    if (!/<[a-z!][^>]*>/i.test(source)) throw new ReportReadError('不是网页文件：没有 HTML 标记');
    const { document } = parseHTML(source);
    dropHidden(document);
    // The page's own heading, read before Readability rewrites the document.
    const h1 = squash(document.querySelector('h1')?.textContent ?? '');
    const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
    let lines: string[];
    if (article?.content) {
      lines = blockLines(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body);
    } else {
      const page = parseHTML(source).document;
      dropHidden(page);
      for (const el of page.querySelectorAll(CHROME)) el.remove();
      lines = blockLines(page.body);
    }
    // Readability often lifts the title out of the article; the cover needs it back. Without
    // an <h1>, the <title> still carries the site's name after _ or |, which Readability keeps.
    const title = h1 || squash(article?.title ?? '').split(/\s*[_|｜]\s*/)[0];
    if (title && !lines.slice(0, 3).some((l) => l.includes(title))) lines.unshift(title);
    const text = lines.join('\n');
    // Blank, binary-looking or not Chinese: the same verdicts as a .txt.
    decodeText(new TextEncoder().encode(text));
    return { text, format: 'html' };
  },
};

/** Elements a browser never shows, whatever the page's stylesheet says. */
const NEVER_SHOWN = 'template, script, style, noscript, [hidden], [aria-hidden="true"], input[type="hidden"]';
const HIDES = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

type Page = ReturnType<typeof parseHTML>['document'];

/**
 * Removes what a reader of the page does not see: templates, hidden elements, chrome hidden
 * from screen readers (aria-hidden), and elements hidden by an inline style or by a rule of
 * the page's own <style> sheets (.hide{display:none}). Such text is not the report: a hidden
 * copy, an old version, a template. Rules inside @media and other @-blocks are left alone
 * (a print-only rule hides nothing on screen).
 */
function dropHidden(document: Page): void {
  const selectors: string[] = [];
  for (const style of document.querySelectorAll('style')) {
    for (const rule of topLevelRules(style.textContent ?? '')) if (HIDES.test(rule.body)) selectors.push(...rule.selectors);
  }
  // A sheet rule that would hide most of the page (body{display:none}, a wrapper) is a loading
  // or anti-framing trick that the page's script undoes: what a reader sees is the page.
  const pageChars = (document.body?.textContent ?? '').length;
  for (const selector of selectors) {
    let hidden: Element[];
    try {
      hidden = Array.from(document.querySelectorAll(selector) as ArrayLike<Element>);
    } catch {
      continue; // a selector the DOM does not understand hides no text of its own
    }
    const chars = hidden.reduce((n, el) => n + (el.textContent ?? '').length, 0);
    if (chars > pageChars / 2) continue;
    for (const el of hidden) el.remove();
  }
  for (const el of document.querySelectorAll(NEVER_SHOWN)) el.remove();
  for (const el of document.querySelectorAll('[style]')) if (HIDES.test(el.getAttribute('style') ?? '')) el.remove();
}

/** The plain rules of a style sheet (selector list and declarations), without comments and @-blocks. */
function topLevelRules(css: string): { selectors: string[]; body: string }[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: { selectors: string[]; body: string }[] = [];
  let depth = 0;
  let start = 0;
  let head = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') {
      if (depth === 0) {
        head = text.slice(start, i).trim();
        start = i + 1;
      }
      depth++;
    } else if (ch === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        if (head && !head.startsWith('@')) {
          const selectors = head.split(',').map((x) => x.trim()).filter((x) => x && !x.includes(':'));
          rules.push({ selectors, body: text.slice(start, i) });
        }
        start = i + 1;
      }
    } else if (ch === ';' && depth === 0) {
      start = i + 1; // @import …; @charset …;
    }
  }
  return rules;
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The text of `root`, one line per block element or <br>. */
function blockLines(root: { childNodes: ArrayLike<unknown> } | null | undefined): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = squash(current);
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node: { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<unknown> }) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (name === 'SCRIPT' || name === 'STYLE') return;
    if (name === 'BR') return flush();
    const block = BLOCK.has(name);
    if (block) flush();
    if (name === 'TD' || name === 'TH') current += ' ';
    for (const child of Array.from(node.childNodes)) walk(child as typeof node);
    if (block) flush();
  };
  if (root) for (const child of Array.from(root.childNodes)) walk(child as Parameters<typeof walk>[0]);
  flush();
  return lines;
}
