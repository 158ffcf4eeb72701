import type { Citation } from '../../../server/api/schemas.js';
import { paragraphLabel } from '../renderAnswer.js';

interface Props {
  marker: number;
  citation?: Citation;
  /** The answer is still arriving, so the citation may simply not be here yet. */
  pending?: boolean;
  onOpen?: (citation: Citation, origin: HTMLElement) => void;
}

export function CitationChip({ marker, citation, pending, onOpen }: Props) {
  if (!citation) {
    return (
      <button
        type="button"
        className="cite-chip is-missing"
        aria-label={`引用 ${marker}`}
        aria-disabled="true"
        title={pending ? '出处加载中' : '该引用无对应段落'}
        tabIndex={-1}
      >
        {marker}
      </button>
    );
  }
  return (
    <button
      type="button"
      className="cite-chip"
      aria-label={`引用 ${marker}`}
      title={`${citation.place} ${citation.year}年报告 · ${citation.section || paragraphLabel(citation.id)}`}
      onClick={(e) => onOpen?.(citation, e.currentTarget)}
    >
      {marker}
    </button>
  );
}
