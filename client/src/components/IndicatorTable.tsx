import type { IndicatorRow } from '../../../retrieval/browser.js';
import { formatIndicatorValue, KIND_LABEL } from '../labels.js';
import { paragraphLabel } from '../renderAnswer.js';
import { formatRoute } from '../route.js';

export function IndicatorTable({ rows, placeNoun = '地方' }: { rows: IndicatorRow[]; placeNoun?: string }) {
  return (
    <div className="table-wrap">
      <table className="ind-table">
        <caption className="sr-only">报告中的经济社会发展指标</caption>
        <thead>
          <tr>
            <th scope="col">{placeNoun} · 年份</th>
            <th scope="col">指标</th>
            <th scope="col">类型</th>
            <th scope="col">数值</th>
            <th scope="col">原文</th>
            <th scope="col">
              <span className="sr-only">出处</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${r.paragraphId}-${r.span.start}-${r.indicator}-${i}`}>
              <td data-label={`${placeNoun} · 年份`} className="ind-where">
                <span>{r.place}</span>
                <span className="muted">{r.year}年</span>
              </td>
              <td data-label="指标" className="ind-name">
                <span>{r.indicator}</span>
                {r.label && r.label !== r.indicator && <span className="ind-label">{r.label}</span>}
              </td>
              <td data-label="类型">
                <span className={`kind-tag kind-${r.kind}`}>{KIND_LABEL[r.kind]}</span>
              </td>
              <td data-label="数值" className="ind-value">
                {formatIndicatorValue(r)}
              </td>
              <td data-label="原文" className="ind-quote">
                {r.quote}
              </td>
              <td className="ind-link">
                <a href={formatRoute({ view: 'report', reportId: r.reportId, paragraphId: r.paragraphId })}>
                  查看原文<span className="sr-only">（{r.place}{r.year}年，{paragraphLabel(r.paragraphId)}）</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
