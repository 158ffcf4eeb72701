import { useMemo, type ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { Citation } from '../../../server/api/schemas.js';
import { CITE_ELEMENT, remarkCitations } from '../renderAnswer.js';
import { CitationChip } from './CitationChip.js';

interface Props {
  text: string;
  citations?: Citation[];
  streaming?: boolean;
  onOpenCitation?: (citation: Citation, origin: HTMLElement) => void;
}

/**
 * What an answer's Markdown may become. Models write bold, lists, headings and tables, and the
 * offline answerer writes comparison tables; nothing else is rendered: no links or images (an
 * answer's only links are its citations, and an image would be fetched from anywhere). Raw
 * HTML is never rendered: react-markdown shows it as the text it is (escaped by React), which
 * is also what citation checks read. A disallowed element shows its text.
 */
const ALLOWED = ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'hr', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', CITE_ELEMENT];

/** Answer text, Markdown rendered safely, with [n] markers as citation chips. */
export function AnswerText({ text, citations, streaming, onOpenCitation }: Props) {
  const byMarker = useMemo(() => new Map((citations ?? []).map((c) => [c.marker, c])), [citations]);
  const pending = streaming || citations === undefined;
  const plugins = useMemo(() => [remarkGfm, [remarkCitations, { streaming }] as const], [streaming]);

  const components = useMemo((): Components => {
    const chip = ({ node }: { node?: { properties?: Record<string, unknown> } }): ReactNode => {
      const marker = Number(node?.properties?.dataMarker);
      return <CitationChip marker={marker} citation={byMarker.get(marker)} pending={pending} onOpen={onOpenCitation} />;
    };
    return {
      [CITE_ELEMENT]: chip,
      // Tables scroll inside the bubble on a phone; alignment comes from the stylesheet, never inline style (CSP).
      table: ({ children }) => (
        <div className="answer-table">
          <table>{children}</table>
        </div>
      ),
      th: ({ children }) => <th>{children}</th>,
      td: ({ children }) => <td>{children}</td>,
      // Headings inside an answer sit under the message's own (回答, an h2).
      h1: ({ children }) => <h3 className="answer-heading">{children}</h3>,
      h2: ({ children }) => <h3 className="answer-heading">{children}</h3>,
      h3: ({ children }) => <h4 className="answer-heading">{children}</h4>,
      h4: ({ children }) => <h5 className="answer-heading">{children}</h5>,
      h5: ({ children }) => <h5 className="answer-heading">{children}</h5>,
      h6: ({ children }) => <h5 className="answer-heading">{children}</h5>,
    } as Components;
  }, [byMarker, pending, onOpenCitation]);

  return (
    <div className="answer-text">
      <Markdown remarkPlugins={plugins as never} allowedElements={ALLOWED} unwrapDisallowed components={components}>
        {text}
      </Markdown>
      {!text && streaming && <span className="caret" aria-hidden="true" />}
    </div>
  );
}
