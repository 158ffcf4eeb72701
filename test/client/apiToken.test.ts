import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiToken, withApiToken } from '../../client/src/apiToken.js';

afterEach(() => vi.unstubAllGlobals());

function stubBrowser() {
  const store = new Map<string, string>();
  const replaced: string[] = [];
  vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) });
  vi.stubGlobal('history', { replaceState: (_: unknown, __: string, url: string) => void replaced.push(url) });
  return { store, replaced };
}

describe('apiToken', () => {
  it('takes #token=… once, stores it and removes it from the address', () => {
    const { replaced } = stubBrowser();
    expect(apiToken({ hash: '#token=abc%20123', pathname: '/', search: '' })).toBe('abc 123');
    expect(replaced).toEqual(['/']);
    expect(apiToken({ hash: '#/reports', pathname: '/', search: '' })).toBe('abc 123');
  });

  it('keeps the rest of a client route in the hash', () => {
    const { replaced } = stubBrowser();
    apiToken({ hash: '#token=t1&/reports/huiji-2024', pathname: '/', search: '' });
    expect(replaced[0]).toBe('/#/reports/huiji-2024');
  });

  it('adds the bearer header only when there is a token', () => {
    expect(withApiToken({ accept: 'application/json' }, 'tok').get('authorization')).toBe('Bearer tok');
    expect(withApiToken({ accept: 'application/json' }, undefined).has('authorization')).toBe(false);
  });
});
