import type { ChatCitationsData } from '../../../server/api/schemas.js';
import { Icon } from './Icon.js';

function seconds(ms: number): string {
  if (ms < 1000) return `${Math.max(1, Math.round(ms))} 毫秒`;
  return `${(ms / 1000).toFixed(1)} 秒`;
}

/** Who answered, in a reader's words. */
export function answererLabel(data: Pick<ChatCitationsData, 'mode' | 'model'>): string {
  return data.mode === 'extractive' ? '根据报告原文' : data.model ? `语言模型 ${data.model}` : '语言模型';
}

/** Who answered, whether the citations checked out, and any notice from the server. Timing only on hover. */
export function AnswerMeta({ data }: { data: ChatCitationsData }) {
  const total = data.timings.retrieveMs + data.timings.generateMs;
  const how =
    data.mode === 'extractive' ? '回答的句子直接取自报告原文' : '由语言模型根据检索到的段落写成，每句都已与原文核对';
  return (
    <div className="answer-meta">
      <div className="badges">
        <span className="badge" title={`${how}。用时 ${seconds(total)}（查找 ${seconds(data.timings.retrieveMs)}，作答 ${seconds(data.timings.generateMs)}）`}>
          {answererLabel(data)}
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
