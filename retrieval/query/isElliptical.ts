// Words that fill no slot of their own in a follow-up (那卫东区呢？/ 去年的呢 / 还有投资),
// plus role and measure words, which are slots parseQuery reads itself
// (去年实际是多少 / 2024年的目标呢 / 同一年增长多少 still ask about the previous indicator).
const FILLER =
  /那么|那|还有|然后|另外|再看看?|再问|看看|换成|改成|如果是|呢|吗|吧|啊|的|是|和|与|又|也|它|他们|这个|多少|怎么样|如何|情况|请问|问一下|一下|同一年|同年|同期|当年|这一年|实际|完成[了得]?|实现[了得]?|达到了?|做得|干得|目标|预期|计划|增长了?|增速|增幅|总量|规模|数据|数字|分别/gu;
/** The same in an English follow-up: "And Qinghai?", "What about 2023?", "How about last year?" */
const FILLER_EN =
  /\b(?:and|what|how|about|then|also|same|the|for|in|of|it|its|is|was|were|are|did|do|does|that|this|figure|figures|one|please|target|targets|growth|actual|year)\b/gu;
const YEAR_WORDS = /(?:19|20)?\d{2}年?|[〇零一二三四五六七八九]{4}年|今年|本年度?|去年|上一?年|前年|明年|下一?年/gu;

/**
 * A follow-up that only swaps a slot — "那卫东区呢？", "去年呢？", "固定资产投资呢" —
 * consists of nothing but place, year and indicator words plus filler. Such a
 * question inherits everything else (indicator, measure, role, intent) from the
 * previous turn; a question with words of its own only inherits place and year.
 */
export function isElliptical(folded: string, spans: readonly { start: number; end: number }[]): boolean {
  const chars = folded.split(''); // UTF-16 units, like the span offsets
  for (const s of spans) for (let k = s.start; k < s.end; k++) chars[k] = ' ';
  const rest = chars.join('').replace(YEAR_WORDS, ' ').replace(FILLER, ' ').replace(/\b(?:the year before last|(?:last|this|next|previous|current|coming)\s+year)\b/gu, ' ').replace(FILLER_EN, ' ');
  return !/[\p{Script=Han}a-z]/u.test(rest);
}
