import type { Filters } from '../../../server/api/schemas.js';
import { describeFilters } from '../chatMessage.js';

export function UserMessage({ text, filters }: { text: string; filters?: Filters }) {
  const scope = describeFilters(filters);
  return (
    <div className="msg msg-user">
      <h2 className="sr-only">问题</h2>
      <div className="bubble-user">
        <p>{text}</p>
      </div>
      {scope && <div className="msg-scope">限定：{scope}</div>}
    </div>
  );
}
