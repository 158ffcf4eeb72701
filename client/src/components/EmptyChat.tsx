import type { ReportMeta } from '../../../retrieval/browser.js';
import { exampleQuestions } from '../exampleQuestions.js';
import { reportYear, sortPlaces } from '../labels.js';
import { ExampleQuestions } from './ExampleQuestions.js';

/** The start screen: what this is, which reports it knows, and questions to try. */
export function EmptyChat({ reports, onPick, busy }: { reports: (ReportMeta & { origin?: string })[]; onPick: (q: string) => void; busy: boolean }) {
  const places = sortPlaces(reports.map((r) => r.place));
  return (
    <section className="empty-chat" aria-labelledby="empty-title">
      <h1 id="empty-title">就政府工作报告提问</h1>
      <p className="lede">回答只依据报告原文，每句结论都标出出处段落。点击角标数字，即可核对原文。</p>
      {places.length > 0 && (
        <p className="coverage">
          <span className="coverage-label">已收录</span>
          {places.map((d) => (
            <span key={d} className="coverage-item">
              {d}
              <span className="coverage-years">
                {reports
                  .filter((r) => r.place === d)
                  .map(reportYear)
                  .sort()
                  .join(' · ')}
              </span>
            </span>
          ))}
        </p>
      )}
      <h2 className="examples-title">可以这样问</h2>
      <ExampleQuestions questions={exampleQuestions(reports)} onPick={onPick} disabled={busy} />
    </section>
  );
}
