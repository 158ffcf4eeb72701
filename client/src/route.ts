// Navigation state lives in the URL hash so links and reloads keep the view:
//   #/chat  #/chat/<conversation>?a=<answer>&q=<question>  #/reports
//   #/reports/huiji-2024?p=huiji-2024:p26&hl=14-26  #/indicators?place=惠济区&kind=target
//   #/search?q=<question>&place=惠济区&year=2024

import type { IndicatorKind, Span } from '../../retrieval/browser.js';

export interface IndicatorFilters {
  place?: string;
  year?: number;
  indicator?: string;
  kind?: IndicatorKind;
}

/** A question carried in a link (an answer's link opened in another browser asks it again). */
export interface LinkedQuestion {
  q: string;
  place?: string;
  year?: number;
}

export interface SearchParams {
  q?: string;
  place?: string;
  year?: number;
  /** Earlier questions of the conversation, for a follow-up. */
  context?: string[];
}

export type Route =
  | { view: 'chat'; conversationId?: string; answerId?: string; ask?: LinkedQuestion }
  | { view: 'reports' }
  /** `spans`: the cited span(s) of the paragraph to mark. */
  | { view: 'report'; reportId: string; paragraphId?: string; spans?: Span[] }
  | { view: 'indicators'; filters: IndicatorFilters }
  | { view: 'search'; params: SearchParams };

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

  const year = (): number | undefined => {
    const y = Number.parseInt(params.get('year') ?? '', 10);
    return Number.isInteger(y) && y > 1900 && y < 2200 ? y : undefined;
  };
  switch (head) {
    case 'reports': {
      const reportId = rest.join('/');
      if (!reportId) return { view: 'reports' };
      const p = params.get('p') ?? undefined;
      if (!p) return { view: 'report', reportId };
      const spans = parseSpans(params.get('hl') ?? '');
      return spans.length ? { view: 'report', reportId, paragraphId: p, spans } : { view: 'report', reportId, paragraphId: p };
    }
    case 'search': {
      const out: SearchParams = {};
      const q = params.get('q')?.trim();
      if (q) out.q = q;
      const place = params.get('place');
      if (place) out.place = place;
      const y = year();
      if (y !== undefined) out.year = y;
      const context = params.getAll('ctx').filter((c) => c.trim());
      if (context.length) out.context = context;
      return { view: 'search', params: out };
    }
    case 'indicators': {
      const filters: IndicatorFilters = {};
      // district= is the old name of place= (links shared before the rename keep working).
      const place = params.get('place') ?? params.get('district');
      if (place) filters.place = place;
      const y = year();
      if (y !== undefined) filters.year = y;
      const indicator = params.get('indicator');
      if (indicator) filters.indicator = indicator;
      const kind = params.get('kind');
      if (kind && (KINDS as readonly string[]).includes(kind)) filters.kind = kind as IndicatorKind;
      return { view: 'indicators', filters };
    }
    default: {
      const route: Route = { view: 'chat' };
      if (head !== 'chat') return route;
      const conversationId = rest.join('/');
      if (conversationId) route.conversationId = conversationId;
      const a = params.get('a');
      if (a) route.answerId = a;
      const q = params.get('q')?.trim();
      if (q) {
        route.ask = { q };
        const place = params.get('place');
        if (place) route.ask.place = place;
        const y = year();
        if (y !== undefined) route.ask.year = y;
      }
      return route;
    }
  }
}

/** 14-26,40-52 → spans; anything malformed is dropped. */
function parseSpans(s: string): Span[] {
  return s
    .split(',')
    .map((part) => /^(\d{1,6})-(\d{1,6})$/.exec(part.trim()))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ start: Number(m[1]), end: Number(m[2]) }))
    .filter((sp) => sp.end > sp.start);
}

export function formatRoute(route: Route): string {
  switch (route.view) {
    case 'chat': {
      const pairs: string[] = [];
      if (route.answerId) pairs.push(`a=${encode(route.answerId)}`);
      if (route.ask) {
        pairs.push(`q=${encode(route.ask.q)}`);
        if (route.ask.place) pairs.push(`place=${encode(route.ask.place)}`);
        if (route.ask.year !== undefined) pairs.push(`year=${route.ask.year}`);
      }
      return `#/chat${route.conversationId ? `/${encode(route.conversationId)}` : ''}${pairs.length ? `?${pairs.join('&')}` : ''}`;
    }
    case 'reports':
      return '#/reports';
    case 'report': {
      if (!route.paragraphId) return `#/reports/${encode(route.reportId)}`;
      const hl = route.spans?.length ? `&hl=${route.spans.map((s) => `${s.start}-${s.end}`).join(',')}` : '';
      return `#/reports/${encode(route.reportId)}?p=${encode(route.paragraphId)}${hl}`;
    }
    case 'search': {
      const p = route.params;
      const pairs: string[] = [];
      if (p.q) pairs.push(`q=${encode(p.q)}`);
      if (p.place) pairs.push(`place=${encode(p.place)}`);
      if (p.year !== undefined) pairs.push(`year=${p.year}`);
      for (const c of p.context ?? []) pairs.push(`ctx=${encode(c)}`);
      return `#/search${pairs.length ? `?${pairs.join('&')}` : ''}`;
    }
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
