// The API_TOKEN of a server shared on a network. Given once in the address as
// #token=…, kept in local storage (so a reload or a new tab keeps working) and removed
// from the address bar, so it is not left in history or shown over a shoulder.

const KEY = 'report-qa:api-token';

/** Reads #token=… from the address (then removes it), else the stored token. */
export function apiToken(loc: Pick<Location, 'hash' | 'pathname' | 'search'> | undefined = globalThis.location): string | undefined {
  try {
    const m = loc ? /(?:^#|[#&])token=([^&]+)/.exec(loc.hash) : null;
    if (m) {
      const token = decodeURIComponent(m[1]);
      globalThis.localStorage?.setItem(KEY, token);
      const rest = loc!.hash.replace(/[#&]?token=[^&]+&?/, '').replace(/^#?$/, '');
      globalThis.history?.replaceState(null, '', `${loc!.pathname}${loc!.search}${rest ? `#${rest.replace(/^#/, '')}` : ''}`);
      return token;
    }
    return globalThis.localStorage?.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Headers with the bearer token added, when there is one. */
export function withApiToken(headers: HeadersInit | undefined, token = apiToken()): Headers {
  const h = new Headers(headers);
  if (token && !h.has('authorization')) h.set('authorization', `Bearer ${token}`);
  return h;
}
