// Questions about a report itself ask for facets of its cover: who delivered it, when,
// at which session, which city it belongs to. Evidence gathers the cover lines for them;
// the offline answerer states the facets asked.
export type CoverFacet = 'who' | 'when' | 'session' | 'city';

/** What a question about the report itself asks: who delivered it, when, at which session, in which city. */
export function coverFacetsOf(question: string): CoverFacet[] {
  const f: CoverFacet[] = [];
  if (/谁|[区县市省旗州盟]长|主席|作者|报告人|姓名|名字|职务|职位/.test(question)) f.push('who');
  if (/什么时候|何时|哪天|哪一天|日期|时间|几月|几号/.test(question)) f.push('when');
  if (/会议|届|第几次|哪次|大会|人代会|什么会|哪个会/.test(question)) f.push('session');
  if (asksCity(question)) f.push('city');
  return f;
}

/** 卫东区是哪个城市的 / 属于哪个市 / 所在省份. */
export function asksCity(question: string): boolean {
  return /哪个市|哪个城市|哪座城市|哪个省|属于|所在|隶属/.test(question);
}
