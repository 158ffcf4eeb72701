// Navigation state lives in the URL hash so links and reloads keep the view:
//   #/chat  #/reports  #/reports/huiji-2024?p=huiji-2024:p26  #/indicators?place=惠济区&kind=target

import type { IndicatorKind } from '../../retrieval/types.js';

export interface IndicatorFilters {
  place?: string;
  year?: number;
  indicator?: string;
  kind?: IndicatorKind;
}

export type Route =
  | { view: 'chat' }
  | { view: 'reports' }
  | { view: 'report'; reportId: string; paragraphId?: string }
  | { view: 'indicators'; filters: IndicatorFilters };

const KINDS: readonly IndicatorKind[] = ['target', 'actual', 'estimate'];

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * encodeURIComponent that never throws: a lone surrogate (half of a character, from an id cut
 * in the middle of one) would make it throw "URI malformed" and blank the view rendering the
 * link; it is encoded as U+FFFD instead, so the link leads to a clear "not found".
 */
export function encodeComponent(s: string): string {
  return encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}

// Keeps ":" readable in paragraph ids (huiji-2024:p26); it is legal in a fragment.
function encode(s: string): string {
  return encodeComponent(s).replace(/%3A/gi, ':');
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = (q === -1 ? raw : raw.slice(0, q)).replace(/^\/+|\/+$/g, '');
  const params = new URLSearchParams(q === -1 ? '' : raw.slice(q + 1));
  const [head, ...rest] = path.split('/').map(decode);

  switch (head) {
    case 'reports': {
      const reportId = rest.join('/');
      if (!reportId) return { view: 'reports' };
      const p = params.get('p') ?? undefined;
      return p ? { view: 'report', reportId, paragraphId: p } : { view: 'report', reportId };
    }
    case 'indicators': {
      const filters: IndicatorFilters = {};
      // district= is the old name of place= (links shared before the rename keep working).
      const place = params.get('place') ?? params.get('district');
      if (place) filters.place = place;
      const year = Number.parseInt(params.get('year') ?? '', 10);
      if (Number.isInteger(year) && year > 1900 && year < 2200) filters.year = year;
      const indicator = params.get('indicator');
      if (indicator) filters.indicator = indicator;
      const kind = params.get('kind');
      if (kind && (KINDS as readonly string[]).includes(kind)) filters.kind = kind as IndicatorKind;
      return { view: 'indicators', filters };
    }
    default:
      return { view: 'chat' };
  }
}

export function formatRoute(route: Route): string {
  switch (route.view) {
    case 'chat':
      return '#/chat';
    case 'reports':
      return '#/reports';
    case 'report':
      return `#/reports/${encode(route.reportId)}${route.paragraphId ? `?p=${encode(route.paragraphId)}` : ''}`;
    case 'indicators': {
      const f = route.filters;
      const pairs: string[] = [];
      if (f.place) pairs.push(`place=${encode(f.place)}`);
      if (f.year !== undefined) pairs.push(`year=${f.year}`);
      if (f.indicator) pairs.push(`indicator=${encode(f.indicator)}`);
      if (f.kind) pairs.push(`kind=${f.kind}`);
      return `#/indicators${pairs.length ? `?${pairs.join('&')}` : ''}`;
    }
  }
}

/** The DOM id of a paragraph in the report view: huiji-2024:p26 → para-huiji-2024_p26. */
export function paragraphDomId(paragraphId: string): string {
  return `para-${paragraphId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
