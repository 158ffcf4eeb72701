import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { errorMessage, isAbortError } from './api.js';
import { formatRoute, parseHash, type Route } from './route.js';

export function useHashRoute(): [Route, (route: Route, opts?: { replace?: boolean }) => void] {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route, opts: { replace?: boolean } = {}) => {
    const hash = formatRoute(next);
    if (opts.replace) {
      history.replaceState(history.state, '', hash);
      setRoute(parseHash(hash));
    } else if (window.location.hash !== hash) {
      window.location.hash = hash; // fires hashchange
    } else {
      setRoute(parseHash(hash));
    }
  }, []);
  return [route, navigate];
}

export type AsyncState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ready'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: string };

/**
 * Runs `load` when deps change, aborting the previous run; `reload` runs it again;
 * `refresh` does too but keeps showing the current data until the new data is there
 * (a list that changed on the server, not a page that is loading).
 */
export function useAsync<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): AsyncState<T> & { reload: () => void; refresh: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const silent = useRef(false);
  useEffect(() => {
    const ctrl = new AbortController();
    if (!silent.current) setState({ status: 'loading' });
    silent.current = false;
    load(ctrl.signal).then(
      (data) => {
        if (!ctrl.signal.aborted) setState({ status: 'ready', data });
      },
      (err: unknown) => {
        if (!ctrl.signal.aborted && !isAbortError(err)) setState({ status: 'error', error: errorMessage(err) });
      },
    );
    return () => ctrl.abort();
  }, [...deps, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const refresh = useCallback(() => {
    silent.current = true;
    setAttempt((n) => n + 1);
  }, []);
  return { ...state, reload, refresh };
}

/** True when the viewport is at most `maxWidth` pixels wide. */
export function useNarrow(maxWidth: number): boolean {
  const query = `(max-width: ${maxWidth}px)`;
  const [narrow, setNarrow] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const mql = window.matchMedia(query);
    const onChange = () => setNarrow(mql.matches);
    mql.addEventListener('change', onChange);
    onChange();
    return () => mql.removeEventListener('change', onChange);
  }, [query]);
  return narrow;
}

/** A callback ref and the content width of the element it is attached to (0 until measured). */
export function useElementWidth<E extends HTMLElement>(): [number, (el: E | null) => void] {
  const [el, setEl] = useState<E | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!el) return;
    const ro = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width ?? 0;
      setWidth((prev) => (Math.abs(prev - w) >= 1 ? w : prev));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return [width, setEl];
}
