// Text pasted from a government web page brings the page with it: navigation,
// breadcrumbs, 字号 大 中 小, print/close/share buttons, the 索引号/发布时间/成文日期
// table and the footer. Those lines are not the report: they are dropped before
// cleaning (the spaces and separators that mark them are still there), so they
// reach neither paragraphs nor metadata — a 成文日期 is not the delivery date.

/** Labels of a web page's document-information table and footer, followed by a value. */
const INFO_LABEL =
  /^[【\[]?(?:来源|信息来源|发布时间|发布日期|发布机构|成文日期|发文日期|生效日期|索引号|主题分类|主题词|发文机关|发文字号|文号|浏览次数|点击数|访问量|阅读量|作者|责任编辑|编辑|审核|有效性|公开方式|公开范围|体裁分类|组配分类|分类|标\s*题|名\s*称|日期|时间)[】\]]?\s*[:：]/u;
/** Buttons and footer lines. */
const CHROME =
  /^[【\[]?\s*(?:字号|字体|打印(?:本页|此页)?|关闭(?:本页|窗口)?|收藏(?:本页)?|分享到?|扫一扫|返回顶部|返回首页|上一篇|下一篇|相关链接|相关文件|相关阅读|网站地图|联系我们|主办单位|承办单位|主办|承办|技术支持|网站标识码|版权所有|Copyright|©|无障碍|长者模式|关怀版|繁体版?|简体版?|English|登录|注册|打印正文|政务微博|政务微信|微信公众号)/iu;
const FOOTER = /ICP备|公网安备|网安备|网站标识码|版权所有|Copyright/iu;
const BREADCRUMB = /(?:当前位置|您的位置|您现在的位置|所在位置)\s*[:：]|首页\s*[>»＞›/|]/u;
const MENU_SEPARATOR = /\s*[|｜丨·•]\s*|\s+/u;
/** 字号：大 中 小 */
const SIZE_SWITCH = /^(?:[【\[]?\s*[大中小]\s*[】\]]?\s*){3}$/u;
/** Chrome lines are short; a long line is prose whatever it starts with. */
const MAX_CHROME_CHARS = 80;

export function isPageChrome(rawLine: string): boolean {
  const line = rawLine.trim();
  if (line === '' || line.length > MAX_CHROME_CHARS || /[。！？]/u.test(line)) return false;
  if (INFO_LABEL.test(line) || CHROME.test(line) || FOOTER.test(line) || BREADCRUMB.test(line) || SIZE_SWITCH.test(line)) return true;
  // A row of short menu words separated by spaces or bars: 首页 | 政务公开 | 政务服务 | 互动交流.
  // Spaced-out titles (政 府 工 作 报 告) have one character per token, menus have words.
  if (/[，、；：\d]/u.test(line)) return false;
  const words = line.split(MENU_SEPARATOR);
  return words.length >= 3 && words.every((w) => /^[\p{Script=Han}A-Za-z]{1,8}$/u.test(w)) && words.filter((w) => w.length >= 2).length >= 2;
}

export function stripPageChrome(rawLines: readonly string[]): string[] {
  return rawLines.filter((l) => !isPageChrome(l));
}
