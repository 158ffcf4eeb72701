import { useMemo } from 'react';
import type { Span } from '../../../retrieval/browser.js';
import { highlightSegments } from '../highlight.js';

/** Paragraph text with the supporting sentences and the stated figures marked. */
export function HighlightedText({ text, spans, figures }: { text: string; spans?: readonly Span[]; figures?: readonly string[] }) {
  const segments = useMemo(() => highlightSegments(text, spans, figures), [text, spans, figures]);
  return (
    <>
      {segments.map((s) => {
        if (!s.sentence && !s.figure) return <span key={s.start}>{s.text}</span>;
        const cls = [s.sentence ? 'hl-sentence' : '', s.figure ? 'hl-figure' : ''].filter(Boolean).join(' ');
        return (
          <mark key={s.start} className={cls}>
            {s.text}
          </mark>
        );
      })}
    </>
  );
}
