import type { SectionNode } from '../../../server/api/schemas.js';

interface Props {
  sections: SectionNode[];
  activeParagraphId?: string;
  onPick: (paragraphId: string) => void;
}

/** The report's table of contents; each entry jumps to the paragraph where its section starts. */
export function SectionTree({ sections, activeParagraphId, onPick }: Props) {
  return (
    <ul className="toc-list">
      {sections.map((s) => (
        <li key={s.id}>
          <button
            type="button"
            className={`toc-item level-${Math.min(s.level, 3)}`}
            aria-current={s.paragraphId === activeParagraphId ? 'location' : undefined}
            onClick={() => onPick(s.paragraphId)}
          >
            {s.marker && !s.title.startsWith(s.marker) && <span className="toc-marker">{s.marker}</span>}
            <span className="toc-title">{s.title}</span>
          </button>
          {s.children.length > 0 && (
            <SectionTree sections={s.children} activeParagraphId={activeParagraphId} onPick={onPick} />
          )}
        </li>
      ))}
    </ul>
  );
}
