import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  BAD_DATA_MESSAGE,
  NETWORK_MESSAGE,
  chatFetch,
  describeChatError,
  describeHttpError,
  deleteReport,
  fetchReports,
  indicatorsPath,
  patchReport,
} from '../../client/src/api.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('describeHttpError', () => {
  it("uses the server's Chinese message as is", () => {
    expect(describeHttpError(400, JSON.stringify({ error: { code: 'bad_request', message: '问题不能为空' } }))).toEqual({
      message: '问题不能为空',
      code: 'bad_request',
    });
  });
  it('puts a Chinese label in front of a non-Chinese message', () => {
    expect(describeHttpError(503, JSON.stringify({ error: { code: 'upstream', message: 'model endpoint down' } })).message).toBe(
      '服务暂时不可用，请稍后重试（503）：model endpoint down',
    );
  });
  it('falls back to the status for bodies that are not error JSON', () => {
    expect(describeHttpError(502, '<html>Bad Gateway</html>').message).toBe('服务暂时不可用，请稍后重试（502）');
    expect(describeHttpError(404, '').message).toBe('未找到请求的内容（404）');
    expect(describeHttpError(500, '{"oops":1}').message).toBe('服务器出错，请稍后重试（500）');
  });
});

describe('describeChatError', () => {
  it('explains network failures', () => {
    expect(describeChatError(new TypeError('Failed to fetch'))).toBe(NETWORK_MESSAGE);
  });
  it('passes ApiError messages through', () => {
    expect(describeChatError(new ApiError('检索服务出错', { status: 500 }))).toBe('检索服务出错');
  });
  it('reads error JSON that the stock transport puts in the message', () => {
    expect(describeChatError(new Error('{"error":{"code":"x","message":"问题过长（最多 1000 字）"}}'))).toBe(
      '问题过长（最多 1000 字）',
    );
  });
  it('prefixes stream errors that are not Chinese', () => {
    expect(describeChatError(new Error('model endpoint timeout'))).toBe('回答失败：model endpoint timeout');
    expect(describeChatError(new Error('模型服务超时'))).toBe('模型服务超时');
    expect(describeChatError(new Error(''))).toBe('回答失败，请稍后重试。');
  });
});

describe('chatFetch', () => {
  it('turns a non-2xx response into an ApiError with the server message', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ error: { code: 'internal', message: '检索服务出错' } }), { status: 500 })),
    );
    await expect(chatFetch('/api/chat', { method: 'POST' })).rejects.toMatchObject({
      name: 'ApiError',
      status: 500,
      message: '检索服务出错',
    });
  });
  it('turns a network failure into a readable ApiError', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('fetch failed'))));
    await expect(chatFetch('/api/chat')).rejects.toMatchObject({ message: NETWORK_MESSAGE });
  });
  it('lets aborts through untouched so the stop button works', async () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(abort)));
    await expect(chatFetch('/api/chat')).rejects.toBe(abort);
  });
});

describe('fetch helpers', () => {
  it('parses a valid response with the shared schema', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ reports: [], errors: [] }))));
    await expect(fetchReports()).resolves.toEqual({ reports: [], errors: [] });
  });
  it('rejects a response that does not match the schema', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ reports: 'nope' }))));
    await expect(fetchReports()).rejects.toMatchObject({ message: BAD_DATA_MESSAGE });
  });
  it('builds the indicator query string', () => {
    expect(indicatorsPath()).toBe('/api/indicators');
    expect(indicatorsPath({ place: '惠济区', year: 2024, kind: 'target' })).toBe(
      `/api/indicators?place=${encodeURIComponent('惠济区')}&year=2024&kind=target`,
    );
  });
});

describe('report changes send the API token like every other request', () => {
  it('PATCH and DELETE carry the bearer token when one is set', async () => {
    vi.stubGlobal('localStorage', { getItem: () => 'secret-1', setItem: () => undefined });
    const seen: Headers[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_: string, init: RequestInit) => {
        seen.push(new Headers(init.headers));
        return new Response(JSON.stringify({ deleted: 'x' }), { status: 200 });
      }),
    );
    await deleteReport('x');
    await patchReport('x', { place: '某某县' }).catch(() => undefined);
    expect(seen).toHaveLength(2);
    expect(seen.every((h) => h.get('authorization') === 'Bearer secret-1')).toBe(true);
  });
});
