import { useMemo, type ReactNode } from 'react';
import type { Citation } from '../../../server/api/schemas.js';
import { answerBlocks, splitAnswer, splitStrong } from '../renderAnswer.js';
import { CitationChip } from './CitationChip.js';

interface Props {
  text: string;
  citations?: Citation[];
  streaming?: boolean;
  onOpenCitation?: (citation: Citation, origin: HTMLElement) => void;
}

/** Answer text with [n] markers rendered as citation chips. */
export function AnswerText({ text, citations, streaming, onOpenCitation }: Props) {
  const blocks = useMemo(() => answerBlocks(text), [text]);
  const byMarker = useMemo(() => new Map((citations ?? []).map((c) => [c.marker, c])), [citations]);
  const pending = streaming || citations === undefined;

  const caret = streaming ? <span key="caret" className="caret" aria-hidden="true" /> : null;
  const inline = (line: string, isLast: boolean, key: string): ReactNode[] => [
    ...splitAnswer(line, { streaming: streaming && isLast }).map((seg, i) => {
      if (seg.kind === 'cite') {
        return (
          <CitationChip
            key={`${key}-${i}`}
            marker={seg.marker}
            citation={byMarker.get(seg.marker)}
            pending={pending}
            onOpen={onOpenCitation}
          />
        );
      }
      return splitStrong(seg.text).map((t, j) =>
        t.strong ? <strong key={`${key}-${i}-${j}`}>{t.text}</strong> : <span key={`${key}-${i}-${j}`}>{t.text}</span>,
      );
    }),
    isLast ? caret : null,
  ];

  return (
    <div className="answer-text">
      {blocks.map((b, bi) => {
        const isLast = bi === blocks.length - 1;
        if (b.kind === 'para') return <p key={bi}>{inline(b.text, isLast, `b${bi}`)}</p>;
        const items = b.items.map((item, ii) => (
          <li key={ii}>{inline(item, isLast && ii === b.items.length - 1, `b${bi}-${ii}`)}</li>
        ));
        return b.ordered ? <ol key={bi}>{items}</ol> : <ul key={bi}>{items}</ul>;
      })}
      {blocks.length === 0 && caret}
    </div>
  );
}
