// Whether a question asks for a figure at all: 多少, 几个, 百分之几, 是否达到, 排第几, 目标是.
// Asked for, a figure is what the answer must give, or say that no report gives it.
export const ASKS_FIGURE = /多少|几[个项家户天所条座人次倍成位名辆件]|百分之几|是否(?:达到|完成|实现|超过)|目标[是为]?[？?]?$|排名|第几/u;

// How questions ask for a measure: the words of a rate of change (增长多少, 涨了还是跌了),
// of a share, a rank, a count or an amount. Query understanding reads the measure of the
// whole question with them, and each ask of a many-part question with them too.

/** A rate of change: 增长, 增速, 涨了, 跌了, 下降, 提高了多少, 百分之几. */
export const GROWTH_WORDS = /增长|增速|增幅|涨幅|涨了|跌了|上涨|下跌|下降|降低|降了|回落|提高了?多少|百分之几/u;
/** A part of a whole. */
export const SHARE_WORDS = /占比|比重|占多少|占.{0,8}(?:百分之几|多少)/u;
/** A position. */
export const RANK_WORDS = /排名|第几|排第|位次|名次/u;
/** Things counted. */
export const COUNT_WORDS = /几[个项家户所条座人次名]|多少[个项家户所条座名]|多少人|多少次/u;
/** An amount. (规模以上 says which firms are counted, not how big the figure is.) */
export const LEVEL_WORDS = /总量|规模(?!以上)|总额|金额|多少亿|多少万|多少元|多少钱|绝对值/u;

/**
 * A figure over several years (年均增长, 累计完成, 五年来, 十三五期间): the annual indicator rows do not
 * answer it, the report's multi-year statements do.
 */
export const ASKS_MULTI_YEAR = /年均|累计|五年来|过去的?五年|十[二三四五]五(?:期间|时期)/u;
