import { useEffect, useState, type FormEvent } from 'react';
import type { SearchResponse } from '../../../server/api/schemas.js';
import type { ReportMeta } from '../../../retrieval/browser.js';
import { fetchSearch } from '../api.js';
import { highlightSegments } from '../highlight.js';
import { useAsync } from '../hooks.js';
import { reportYear, sortPlaces } from '../labels.js';
import { formatRoute, type Route, type SearchParams } from '../route.js';
import { FilterSelect } from './FilterSelect.js';
import { Icon } from './Icon.js';
import { LoadError } from './LoadError.js';

interface Props {
  params: SearchParams;
  navigate: (route: Route, opts?: { replace?: boolean }) => void;
  reports: ReportMeta[];
}

type Query = SearchResponse['query'];

const INTENT_LABEL: Record<Query['intent'], string> = {
  target: '问目标数值',
  actual: '问实际完成情况',
  meta: '问报告本身（报告人、日期、会议）',
  list: '问有哪些（列举）',
  compare: '问对比',
  open: '一般问题',
};

const K_CHOICES = [5, 10, 20];
const DEFAULT_K = 10;

/** What the answerer will look for, in one sentence: 惠济区 2024年报告中 地区生产总值 的计划目标. */
export function lookingFor(q: Query): string {
  if (q.noMatchingReport) return `报告中没有${q.unknownPlace ? `“${q.unknownPlace}”` : '符合这个地方和年份'}的内容，回答会说明没有找到。`;
  const where = q.places.length ? q.places.join('、') : '全部报告';
  const when = q.year !== undefined ? `${q.year}年` : '';
  const what = q.indicators && q.indicators.length > 1 ? q.indicators.join('、') : q.indicator ?? '';
  const role = q.yearRole === 'target' ? '的计划目标' : q.yearRole === 'actual' ? '的实际完成情况' : '';
  if (q.intent === 'meta') return `${where}报告的封面信息（报告人、日期、会议）`;
  if (q.intent === 'list') return `${where}${when ? ` ${when}` : ''}报告中列举的条目（章节标题和“一是……二是……”）`;
  if (what) return `${where} ${when}${what}${role}：先找报告中写明这项指标数字的句子`;
  return `${where}${when ? ` ${when}` : ''}报告中与问题用词最接近的段落`;
}

function TermText({ text, spans }: { text: string; spans: { start: number; end: number }[] }) {
  return (
    <>
      {highlightSegments(text, spans).map((s) =>
        s.sentence ? (
          <mark key={s.start} className="hl-term">
            {s.text}
          </mark>
        ) : (
          <span key={s.start}>{s.text}</span>
        ),
      )}
    </>
  );
}

/** 检索测试: type a question, see how it is read and which passages it finds, ranked, with why. */
export function SearchView({ params, navigate, reports }: Props) {
  const [text, setText] = useState(params.q ?? '');
  const [k, setK] = useState(DEFAULT_K);
  useEffect(() => setText(params.q ?? ''), [params.q]);
  const places = sortPlaces(reports.map((r) => r.place));
  const years = [...new Set(reports.map(reportYear))].sort((a, b) => b - a);

  const key = JSON.stringify([params, k]);
  const state = useAsync<SearchResponse | null>(
    (signal) => (params.q ? fetchSearch({ q: params.q, k, place: params.place, year: params.year, context: params.context }, signal) : Promise.resolve(null)),
    [key],
  );

  const go = (next: SearchParams) => navigate({ view: 'search', params: next }, { replace: true });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    // A question typed here stands on its own: the conversation it came from no longer applies.
    go({ q: q || undefined, place: params.place, year: params.year, context: q === params.q ? params.context : undefined });
  };

  const data = state.data;
  const top = data?.results[0]?.score ?? 1;

  return (
    <div className="page">
      <div className="page-inner page-wide">
        <header className="page-head">
          <h1>检索测试</h1>
          <p className="page-sub">输入一个问题，查看系统怎样理解它、找到了哪些段落以及各自的得分。回答就从排在前面的段落中写出。</p>
        </header>

        <form className="card search-form" onSubmit={submit} role="search">
          <label className="search-label" htmlFor="search-q">
            问题
          </label>
          <div className="search-row">
            <input id="search-q" className="input" value={text} maxLength={1000} placeholder="例如：某某区2024年GDP目标是多少" onChange={(e) => setText(e.target.value)} />
            <button type="submit" className="btn btn-primary">
              <Icon name="search" size={15} />
              检索
            </button>
          </div>
          <div className="filters" role="group" aria-label="检索范围">
            <FilterSelect label="地方" value={params.place ?? ''} options={places.map((p) => ({ value: p, label: p }))} onChange={(v) => go({ ...params, place: v || undefined })} />
            <FilterSelect
              label="报告年份"
              value={params.year !== undefined ? String(params.year) : ''}
              options={years.map((y) => ({ value: String(y), label: `${y}年` }))}
              onChange={(v) => go({ ...params, year: v ? Number(v) : undefined })}
            />
            <label className="field-inline">
              <span>显示</span>
              <select className="select select-sm" value={k} onChange={(e) => setK(Number(e.target.value))}>
                {K_CHOICES.map((n) => (
                  <option key={n} value={n}>
                    前 {n} 条
                  </option>
                ))}
              </select>
            </label>
          </div>
          {params.context && params.context.length > 0 && (
            <p className="muted search-context">接着这次对话中前面的问题理解：{params.context.map((c) => `“${c}”`).join('、')}</p>
          )}
        </form>

        {!params.q && <p className="muted">输入问题后按“检索”。也可以在回答下方点“为什么是这些出处”来到这里。</p>}
        {state.status === 'loading' && params.q && <p className="muted">正在检索…</p>}
        {state.status === 'error' && <LoadError title="检索失败" message={state.error} onRetry={state.reload} />}

        {data && (
          <>
            <section className="card search-understood" aria-labelledby="understood-title">
              <h2 id="understood-title">系统的理解</h2>
              <dl className="understood">
                <dt>地方</dt>
                <dd>{data.query.places.length ? data.query.places.join('、') : data.query.unknownPlace ? `${data.query.unknownPlace}（没有这个地方的报告）` : '未指定（全部报告）'}</dd>
                <dt>年份</dt>
                <dd>
                  {data.query.year !== undefined ? `${data.query.year}年` : '未指定'}
                  {data.query.yearRole === 'target' ? '（计划目标：看当年的报告）' : data.query.yearRole === 'actual' ? '（实际完成：看次年报告的回顾）' : ''}
                </dd>
                <dt>指标</dt>
                <dd>{data.query.indicators && data.query.indicators.length > 1 ? data.query.indicators.join('、') : data.query.indicator ?? '无'}{data.query.indicatorMention && data.query.indicator && data.query.indicatorMention !== data.query.indicator ? `（问题中写作“${data.query.indicatorMention}”）` : ''}</dd>
                <dt>问题类型</dt>
                <dd>{INTENT_LABEL[data.query.intent]}</dd>
                <dt>回答将查找</dt>
                <dd>{lookingFor(data.query)}</dd>
                <dt>检索用词</dt>
                <dd className="term-list">
                  {data.query.terms.length ? data.query.terms.map((t) => <span key={t} className="term-chip">{t}</span>) : '无'}
                </dd>
              </dl>
            </section>

            <section className="search-results" aria-labelledby="results-title">
              <h2 id="results-title">找到的段落（{data.results.length} 条，按得分排序）</h2>
              {data.results.length === 0 && <p className="muted">没有找到相关段落。</p>}
              <ol className="hit-list">
                {data.results.map((h) => {
                  const report = reports.find((r) => r.id === h.reportId);
                  const section = h.sectionPath[h.sectionPath.length - 1] ?? '封面';
                  const spans = h.matchedSentences.map((s) => ({ start: s.start + h.start, end: s.end + h.start }));
                  const href = formatRoute({ view: 'report', reportId: h.reportId, paragraphId: h.id, spans: spans.length ? spans : [{ start: h.start, end: h.end }] });
                  return (
                    <li key={`${h.id}-${h.start}`} className="card hit" data-testid="search-hit">
                      <div className="hit-head">
                        <span className="hit-rank" aria-label={`第 ${h.rank} 名`}>
                          {h.rank}
                        </span>
                        <span className="hit-where">
                          {h.place} {report ? reportYear(report) : h.year}年报告 · {section}
                          {h.page !== undefined ? ` · 第 ${h.page} 页` : ''}
                        </span>
                        <span className="hit-score" title="检索得分：越高越相关（只在同一次检索中可比）">
                          <span className="score-bar" aria-hidden="true">
                            <span className="score-fill" style={{ width: `${Math.max(4, Math.round((h.score / top) * 100))}%` }} />
                          </span>
                          得分 {h.score.toFixed(h.score >= 100 ? 0 : 1)}
                        </span>
                      </div>
                      <p className="hit-text">
                        <TermText text={h.text} spans={h.termSpans} />
                      </p>
                      <div className="hit-foot">
                        <span className="term-list">
                          {h.matchedTerms.length ? (
                            <>
                              <span className="muted">命中：</span>
                              {h.matchedTerms.map((t) => (
                                <span key={t} className="term-chip">
                                  {t}
                                </span>
                              ))}
                            </>
                          ) : (
                            <span className="muted">按章节或指标找到（没有相同的词）</span>
                          )}
                        </span>
                        <a className="link-btn" href={href}>
                          打开所在段落
                        </a>
                      </div>
                    </li>
                  );
                })}
              </ol>
            </section>
          </>
        )}
      </div>
    </div>
  );
}
