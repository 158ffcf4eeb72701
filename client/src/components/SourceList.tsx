import type { Citation } from '../../../server/api/schemas.js';
import { citationSource, paragraphLabel } from '../renderAnswer.js';

function sectionTail(section: string): string {
  const parts = section.split(' › ').filter(Boolean);
  return parts[parts.length - 1] ?? '';
}

/** The answer's sources, one line each, under the answer. */
export function SourceList({ citations, onOpen }: { citations: Citation[]; onOpen: (c: Citation, origin: HTMLElement) => void }) {
  const sorted = [...citations].sort((a, b) => a.marker - b.marker);
  const single = new Set(sorted.map((c) => c.reportId)).size === 1 ? sorted[0] : undefined;
  return (
    <div className="sources">
      <h3 className="sources-title">
        出处{single && <span className="sources-report"> · {single.place} {single.year}年政府工作报告</span>}
      </h3>
      <ol className="source-list">
        {sorted.map((c) => {
          const where = sectionTail(c.section) || paragraphLabel(c.id);
          return (
            <li key={`${c.marker}-${c.id}`}>
              <button
                type="button"
                className="source-item"
                title={citationSource(c)}
                onClick={(e) => onOpen(c, e.currentTarget)}
              >
                <span className="source-marker" aria-hidden="true">
                  {c.marker}
                </span>
                <span className="source-text">
                  <span className="sr-only">引用 {c.marker}：</span>
                  {!single && (
                    <span className="source-report">
                      {c.place} {c.year}
                    </span>
                  )}
                  {where}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
