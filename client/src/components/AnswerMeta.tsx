import type { ChatCitationsData } from '../../../server/api/schemas.js';
import { Icon } from './Icon.js';

function seconds(ms: number): string {
  if (ms < 1000) return `${Math.max(1, Math.round(ms))} 毫秒`;
  return `${(ms / 1000).toFixed(1)} 秒`;
}

/** Who answered, whether the citations checked out, and any notice from the server. */
export function AnswerMeta({ data }: { data: ChatCitationsData }) {
  const answerer = data.mode === 'extractive' ? '离线抽取' : data.model || '语言模型';
  const total = data.timings.retrieveMs + data.timings.generateMs;
  return (
    <div className="answer-meta">
      <div className="badges">
        <span className="badge" title={data.mode === 'extractive' ? '由报告原文直接抽取生成' : '由语言模型根据检索到的段落生成'}>
          {answerer}
        </span>
        {data.status === 'answered' &&
          (data.verified ? (
            <span className="badge badge-ok">
              <Icon name="check" size={13} />
              引用已核验
            </span>
          ) : (
            <span className="badge badge-warn">
              <Icon name="alert" size={13} />
              未完全核验
            </span>
          ))}
        <span className="meta-time" title={`检索 ${seconds(data.timings.retrieveMs)}，生成 ${seconds(data.timings.generateMs)}`}>
          用时 {seconds(total)}
        </span>
      </div>
      {data.notice && (
        <p className="answer-notice">
          <Icon name="alert" size={14} />
          <span>{data.notice}</span>
        </p>
      )}
      {data.removed.length > 0 && (
        <details className="removed">
          <summary>已删除 {data.removed.length} 处无法核验的内容</summary>
          <ul>
            {data.removed.map((r, i) => (
              <li key={i}>
                <span className="removed-sentence">{r.sentence}</span>
                <span className="removed-reason">{r.reason}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
