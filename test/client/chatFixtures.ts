// Chat messages as the chat stream leaves them: a question, then an answer whose
// last part carries the verified answer and its citations.
import type { ChatMessage } from '../../client/src/chatMessage.js';
import type { ChatCitationsData, Citation } from '../../server/api/schemas.js';

let next = 0;

export const CITATION: Citation = {
  marker: 1,
  id: 'huiji-2024:p25',
  reportId: 'huiji-2024',
  place: '惠济区',
  year: 2024,
  section: '二、2024年政府工作总体要求和主要预期目标',
  text: '经济社会发展主要预期目标是：地区生产总值增长7%左右，固定资产投资增长8%以上。',
  matched: [{ start: 14, end: 26 }],
  figures: ['7%'],
};

export function answeredTurn(question: string, answer: string, citations: Citation[] = [CITATION], extra: Partial<ChatCitationsData> = {}): ChatMessage[] {
  next++;
  const data: ChatCitationsData = {
    status: 'answered',
    answer,
    citations,
    mode: 'extractive',
    verified: true,
    removed: [],
    timings: { retrieveMs: 2, generateMs: 1 },
    ...extra,
  };
  return [
    { id: `u${next}`, role: 'user', parts: [{ type: 'text', text: question }] },
    { id: `a${next}`, role: 'assistant', parts: [{ type: 'text', text: answer }, { type: 'data-citations', data }] },
  ];
}
