// Canonical indicators and every way the reports or users name them.
// `labels` are the reports' own wordings (used by extraction and as jieba user
// words); `aliases` are what users type (used by query understanding).
// Order matters where one label contains another: longer, more specific entries first.

export interface IndicatorDef {
  /** Canonical name used in tables and answers. */
  name: string;
  /** Short display name for answers, e.g. 地区生产总值（GDP）. */
  display: string;
  /** Its name in English answers to English questions. */
  english: string;
  labels: string[];
  aliases: string[];
  /** Unit the level is usually stated in, for sanity checks. */
  levelUnits: string[];
  /**
   * Indicators that measure the same thing another way (登记 vs 调查 unemployment): a question
   * naming it only generically (失业率) is answered by them when the report states no other.
   */
  family?: string[];
  /**
   * The parts of the population the indicator is also stated for, each with the words that open
   * a label naming it (城镇居民…, 农村常住居民…): each part's figure is a row of its own, named.
   */
  parts?: Readonly<Record<string, readonly string[]>>;
  /**
   * Labels that name the indicator bare or after a place or scope word only (全市生产总值,
   * 泉州市生产总值, 全年生产总值): after another noun they name something else (海洋生产总值
   * is the ocean economy's output, not the region's).
   */
  scopeOnly?: readonly string[];
}

export const INDICATORS: IndicatorDef[] = [
  {
    name: '人均地区生产总值',
    english: 'per capita GDP',
    display: '人均地区生产总值（人均GDP）',
    labels: ['人均地区生产总值', '人均生产总值', '人均GDP'],
    aliases: ['人均gdp'],
    levelUnits: ['元', '万元'],
  },
  {
    name: '地区生产总值',
    english: 'GDP (gross regional product)',
    display: '地区生产总值（GDP）',
    labels: ['地区生产总值', '生产总值', 'GDP增速', 'GDP', '经济增长', '经济增速'],
    aliases: ['gdp', '经济总量', '经济增长', '经济增速', '经济增长率', '经济规模', '国内生产总值', '生产总值', '增长目标'],
    levelUnits: ['亿元'],
    scopeOnly: ['生产总值'],
  },
  {
    name: '一般公共预算收入',
    english: 'general public budget revenue',
    display: '一般公共预算收入',
    // One statistic under the names of its eras: 地方一般预算收入 (to 2010), 公共财政预算收入
    // (2011–2014), 一般公共预算收入 (since the 2015 budget law); 地方财政收入 and 地方级财政收入 (the
    // local level's part, beside 全口径 totals) are older plain names.
    labels: [
      '一般公共预算收入', '公共财政一般预算收入', '地方公共财政预算收入', '公共财政预算收入', '财政一般预算收入',
      '地方财政一般预算收入', '地方一般预算收入', '地方级财政收入', '地方财政收入',
    ],
    aliases: ['general public budget revenue', 'fiscal revenue', 'budget revenue', '财政收入', '预算收入', '财政'],
    levelUnits: ['亿元', '万元'],
    family: ['财政总收入', '全口径财政收入'],
  },
  {
    // The general budget revenue plus the taxes collected locally for higher levels: a wider
    // statistic many reports lead with. Asked for 财政收入, a report stating only this answers with it, named.
    name: '财政总收入',
    english: 'total fiscal revenue',
    display: '财政总收入',
    labels: ['地方财政总收入', '财政总收入', '全部财政收入'],
    aliases: ['财政总收入'],
    levelUnits: ['亿元', '万元'],
    family: ['一般公共预算收入', '全口径财政收入'],
  },
  {
    name: '全口径财政收入',
    english: 'all-inclusive fiscal revenue',
    display: '全口径财政收入',
    labels: ['全口径财政收入'],
    aliases: ['全口径财政收入'],
    levelUnits: ['亿元', '万元'],
    family: ['一般公共预算收入', '财政总收入'],
  },
  {
    name: '固定资产投资',
    english: 'fixed-asset investment',
    display: '固定资产投资',
    labels: ['全社会固定资产投资', '固定资产投资'],
    aliases: ['fixed asset investment', 'fixed-asset investment', 'fixed assets investment', '投资', '固投', '投资增速', '投资增长'],
    levelUnits: ['亿元'],
  },
  {
    name: '社会消费品零售总额',
    english: 'total retail sales of consumer goods',
    display: '社会消费品零售总额',
    labels: ['社会消费品零售总额', '社会消费品零售额', '社消零'],
    aliases: ['retail sales of consumer goods', 'retail sales', '社零', '消费', '零售总额', '零售额', '消费品零售'],
    levelUnits: ['亿元'],
  },
  {
    name: '规模以上工业增加值',
    english: 'value added of industry above designated size',
    display: '规模以上工业增加值',
    // 工业增加值: hongqi-2017 reviews 2016 with 全年实现工业增加值12.8亿元 — the same 12.8 its
    // five-year review calls 规模以上工业增加值 (district statistics only track 规上 industry).
    labels: ['规模以上工业增加值', '规上工业增加值', '工业增加值'],
    aliases: ['industrial added value', 'industrial value added', 'value added of industry', '工业增加值', '规上工业', '工业增速', '工业增长', '工业'],
    levelUnits: ['亿元'],
  },
  {
    name: '第三产业增加值',
    english: 'value added of the tertiary sector',
    display: '第三产业增加值',
    labels: ['第三产业增加值', '服务业增加值'],
    aliases: ['三产', '服务业'],
    levelUnits: ['亿元'],
  },
  {
    name: '居民人均可支配收入',
    english: 'per capita disposable income',
    display: '居民人均可支配收入',
    // Stated for all residents, and often (or only) for urban and rural ones side by side; since
    // 2013 for 常住 (resident) population, as many reports write it.
    labels: [
      '居民人均可支配收入', '全体居民人均可支配收入', '常住居民人均可支配收入', '城镇居民人均可支配收入', '城镇常住居民人均可支配收入',
      '城市居民人均可支配收入', '农村居民人均可支配收入', '农村常住居民人均可支配收入', '农村牧区常住居民人均可支配收入',
      '农牧民人均可支配收入', '人均可支配收入', '城镇居民收入', '农村居民收入', '居民收入',
    ],
    aliases: ['per capita disposable income', 'disposable income', '收入', '可支配收入', '人均收入', '老百姓收入'],
    levelUnits: ['元', '万元'],
    family: ['农民人均纯收入'],
    parts: { 城镇: ['城镇', '城市'], 农村: ['农村', '农牧民'] },
  },
  {
    // Rural income before the 2013 survey reform: net, not disposable, income. Asked for 农民收入, a
    // report of either era answers with the one it states, named.
    name: '农民人均纯收入',
    english: "farmers' per capita net income",
    display: '农民人均纯收入',
    labels: ['农民人均纯收入', '农村居民人均纯收入', '农牧民人均纯收入'],
    aliases: ['rural net income', '农民收入', '农民纯收入', '农民人均收入', '纯收入'],
    levelUnits: ['元', '万元'],
    family: ['居民人均可支配收入'],
  },
  {
    name: '城镇调查失业率',
    english: 'surveyed urban unemployment rate',
    display: '城镇调查失业率',
    labels: ['城镇调查失业率', '调查失业率', '失业率'],
    aliases: ['surveyed urban unemployment', 'surveyed unemployment', 'urban unemployment', 'unemployment rate', 'unemployment', '失业率', '失业', '就业率', '调查失业率'],
    levelUnits: ['%'],
    family: ['城镇登记失业率'],
  },
  {
    // The measure before the surveyed rate replaced it (about 2018): a different statistic.
    name: '城镇登记失业率',
    english: 'registered urban unemployment rate',
    display: '城镇登记失业率',
    labels: ['城镇登记失业率', '登记失业率'],
    aliases: ['registered urban unemployment', 'registered unemployment', '登记失业率'],
    levelUnits: ['%'],
    family: ['城镇调查失业率'],
  },
  {
    name: '城镇新增就业',
    english: 'new urban jobs',
    display: '城镇新增就业',
    labels: ['城镇新增就业', '新增城镇就业', '新增就业'],
    aliases: ['new urban jobs', 'new jobs', 'urban jobs', '就业', '新增就业人数', '就业人数'],
    levelUnits: ['人', '万人'],
  },
  {
    // R&D spending itself (weidong-2024 target: 全社会研发经费投入增长10%以上), not its intensity.
    name: '全社会研发经费投入',
    english: 'R&D spending',
    display: '全社会研发经费投入',
    labels: ['全社会研发经费投入'],
    aliases: ['研发经费支出'],
    levelUnits: ['亿元', '万元'],
  },
  {
    name: '研发经费投入强度',
    english: 'R&D intensity (R&D spending as a share of GDP)',
    display: '研发经费投入强度',
    labels: ['研发经费投入强度', '研发投入强度', '研发经费投入', 'R&D经费投入强度'],
    aliases: ['r&d intensity', 'r&d spending as a share', '研发投入', '研发', '研发强度', 'r&d', '科研投入'],
    levelUnits: ['%'],
  },
  {
    name: '居民消费价格涨幅',
    english: 'consumer price (CPI) increase',
    display: '居民消费价格涨幅',
    labels: ['居民消费价格涨幅', '居民消费价格'],
    aliases: ['cpi', '物价', '通胀', '物价涨幅'],
    levelUnits: ['%'],
  },
  {
    name: '实际利用外资',
    english: 'foreign capital actually used',
    display: '实际利用外资',
    labels: ['实际利用外资', '实际使用外资', '实际到位外资'],
    aliases: ['外资', '利用外资'],
    levelUnits: ['万美元', '亿美元'],
  },
  {
    name: '实际到位内资',
    english: 'domestic capital actually received from outside the region',
    display: '实际到位内资',
    labels: ['实际到位内资', '实际到位省外资金', '实际使用省外资金', '实际利用省外资金', '到位省外资金', '到位市外资金'],
    aliases: ['内资', '引进资金'],
    levelUnits: ['亿元'],
  },
  {
    name: '民生支出',
    english: "spending on people's livelihoods",
    display: '民生支出',
    labels: ['民生支出', '用于民生'],
    aliases: ['民生投入', '民生资金'],
    levelUnits: ['亿元', '万元'],
  },
  {
    name: '税收占比',
    english: 'tax share of revenue',
    display: '税收占比',
    labels: ['税占比', '税收占比'],
    aliases: ['税收比重'],
    levelUnits: ['%'],
  },
];

const byName = new Map(INDICATORS.map((d) => [d.name, d]));

export function indicatorDef(name: string): IndicatorDef | undefined {
  return byName.get(name);
}

/** The part of the population a label of `indicator` names (城镇 for 城镇常住居民人均可支配收入), '' for the whole. */
export function labelPart(indicator: string, label: string): string {
  const parts = byName.get(indicator)?.parts ?? {};
  return Object.keys(parts).find((part) => parts[part].some((w) => label.startsWith(w))) ?? '';
}

/** Every label and alias, for the tokeniser's user dictionary. */
export function indicatorTerms(): string[] {
  const terms = new Set<string>();
  for (const d of INDICATORS) {
    for (const t of [...d.labels, ...d.aliases]) if (!/^[a-z&]+$/i.test(t)) terms.add(t);
  }
  return [...terms];
}
