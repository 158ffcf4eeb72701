// Text pasted from a government web page brings the page with it: navigation,
// breadcrumbs, 字号 大 中 小, print/close/share buttons, the 索引号/发布时间/成文日期
// table and the footer. Those lines are not the report: they are dropped before
// cleaning (the spaces and separators that mark them are still there), so they
// reach neither paragraphs nor metadata — a 成文日期 is not the delivery date.
// So are a copying site's watermark (来自某某网, 某 某 网 spaced out), page numbers
// of a PDF pasted as text (- 3 -, 第3页, or bare numbers counting up), and the block
// a page puts after the report: share buttons, 上一篇/下一篇, lists of other
// reports, tag clouds.

/** Labels of a web page's document-information table and footer, followed by a value. */
const INFO_LABEL =
  /^[【\[（(]?(?:来源|信息来源|文章来源|稿件来源|发布时间|发布日期|发布机构|发文时间|成文日期|发文日期|生效日期|索引号|主题分类|主题词|发文机关|发文字号|文号|浏览次数|点击数|点击量|访问量|阅读量|阅读|浏览|评论|作者|责任编辑|编辑|审核|校对|有效性|公开方式|公开范围|体裁分类|组配分类|分类|标\s*题|名\s*称|日期|时间|内容摘要|摘要)[】\]）)]?\s*[:：]/u;
/** Buttons and footer lines. */
const CHROME =
  /^[【\[]?\s*(?:字号|字体|打印(?:本页|此页)?|关闭(?:本页|窗口)?|收藏(?:本页)?|分享到?|扫一扫|返回顶部|返回首页|上一篇|下一篇|相关链接|相关文件|相关阅读|网站地图|联系我们|主办单位|承办单位|主办|承办|技术支持|网站标识码|版权所有|Copyright|©|无障碍|长者模式|关怀版|繁体版?|简体版?|English|登录|注册|打印正文|政务微博|政务微信|微信公众号)/iu;
/** Toolbar words that are chrome only when they stand alone (加大 also opens a heading). */
const BUTTON = /^[【\[]?\s*(?:下载|全屏|加大|还原|减小|放大|缩小|默认|大|中|小)?\s*[】\]]?$/u;
const FOOTER = /ICP备|公网安备|网安备|网站标识码|版权所有|Copyright/iu;
const BREADCRUMB = /(?:当前位置|您的位置|您现在的位置|所在位置)\s*[:：]|首页\s*[>»＞›/|]/u;
const MENU_SEPARATOR = /\s*[|｜丨·•]\s*|\s+/u;
/** 字号：大 中 小 */
const SIZE_SWITCH = /^(?:[【\[]?\s*[大中小]\s*[】\]]?\s*){3}$/u;
/** Chrome lines are short; a long line is prose whatever it starts with. */
const MAX_CHROME_CHARS = 80;
/**
 * A copying site's mark: its name spaced out (某 某 数 据 网) or announced (来自某某网,
 * 百度搜索某某网). A report's sentences never take either shape.
 */
const WATERMARK = /(?:来自|本文来自|来源于|转自|百度搜索|搜索)\s*(?:[\p{Script=Han}][\s\u3000]*){2,10}(?:网站|网)|(?:[\p{Script=Han}][\s\u3000]+){2,10}(?:网站|网)/u;
const WHOLE_WATERMARK = new RegExp(`^\\s*(?:${WATERMARK.source})\\s*$`, 'u');
/** …or the same mark stuck after a paragraph's last sentence. */
const TRAILING_WATERMARK = new RegExp(`(?<=[。！？!?”])\\s+(?:${WATERMARK.source})\\s*$`, 'u');
/** Page numbers that say so: - 3 -, — 3 —, 第3页, 第3页 共40页, 3/40. */
const PAGE_NUMBER = /^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})\s*$/u;
const BARE_NUMBER = /^\s*(\d{1,4})\s*$/u;
/** Bare numbers counting up this many times in a row are page numbers, not figures. */
const MIN_PAGE_RUN = 3;
/** A site's notice about itself (免责声明：…, 本站为非营利性网站…): a report never speaks of 本站. */
const SITE_NOTICE = /^[【\[]?(?:免责声明|版权声明|特别声明)|本站|本网站/u;
const MAX_NOTICE_CHARS = 200;
/** What a page puts after the report: from such a line on, if only short lines follow, nothing is the report. */
const AFTER_REPORT =
  /^[【\[（(]?\s*(?:相关报道|相关文章|相关新闻|相关阅读|相关链接|相关推荐|延伸阅读|推荐阅读|本栏最新|最新文章|热门文章|热点文章|猜你喜欢|标签云|标签|上一篇|下一篇|分享到|分享|扫一扫|返回顶部)/u;
/** A line of the report that a page's after-matter never has: a long sentence. */
const isProse = (line: string) => line.trim().length >= 40 && /[。！？；]/u.test(line);

export function isPageChrome(rawLine: string): boolean {
  const line = rawLine.trim();
  if (line === '') return false;
  if (line.length <= MAX_NOTICE_CHARS && SITE_NOTICE.test(line)) return true;
  if (line.length > MAX_CHROME_CHARS) return false;
  if (WHOLE_WATERMARK.test(line) || PAGE_NUMBER.test(line)) return true;
  if (/[。！？]/u.test(line)) return false;
  if (INFO_LABEL.test(line) || CHROME.test(line) || FOOTER.test(line) || BREADCRUMB.test(line) || SIZE_SWITCH.test(line) || BUTTON.test(line)) return true;
  // A row of short menu words separated by spaces or bars: 首页 | 政务公开 | 政务服务 | 互动交流.
  // Spaced-out titles (政 府 工 作 报 告) have one character per token, menus have words.
  if (/[，、；：\d]/u.test(line)) return false;
  const words = line.split(MENU_SEPARATOR);
  return words.length >= 3 && words.every((w) => /^[\p{Script=Han}A-Za-z]{1,8}$/u.test(w)) && words.filter((w) => w.length >= 2).length >= 2;
}

export function stripPageChrome(rawLines: readonly string[]): string[] {
  // The after-matter's markers (分享到, 上一篇) are chrome themselves: find where it starts first.
  const report = rawLines.slice(0, endOfReport(rawLines));
  return dropPageNumberRuns(report.filter((l) => !isPageChrome(l)).map((l) => (l.includes('网') ? l.replace(TRAILING_WATERMARK, '') : l)));
}

/** Index where the page's after-matter starts: the first marker line followed by nothing that reads as prose. */
function endOfReport(lines: readonly string[]): number {
  let lastProse = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (isProse(lines[i])) {
      lastProse = i;
      break;
    }
  }
  for (let i = lastProse + 1; i < lines.length; i++) if (AFTER_REPORT.test(lines[i].trim())) return i;
  return lines.length;
}

/**
 * Drops bare numbers that count up through the text (12 … 13 … 14), other lines and other
 * bare numbers between them: a PDF's page numbers pasted as lines. A lone number is a figure
 * a line break cut off its unit, and stays.
 */
function dropPageNumberRuns(lines: string[]): string[] {
  const prev = new Map<number, number>();
  const length = new Map<number, number>();
  const lastAt = new Map<number, number>();
  lines.forEach((l, i) => {
    const m = BARE_NUMBER.exec(l);
    if (!m) return;
    const n = Number(m[1]);
    const before = lastAt.get(n - 1);
    length.set(i, before === undefined ? 1 : length.get(before)! + 1);
    if (before !== undefined) prev.set(i, before);
    lastAt.set(n, i);
  });
  const drop = new Set<number>();
  for (const [i, n] of length) {
    if (n < MIN_PAGE_RUN || drop.has(i)) continue;
    for (let k: number | undefined = i; k !== undefined; k = prev.get(k)) drop.add(k);
  }
  return drop.size ? lines.filter((_, i) => !drop.has(i)) : lines;
}
