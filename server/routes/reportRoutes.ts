// Routes that change the corpus: add a report file (multipart upload), correct
// its metadata, delete it. Only added reports can be corrected or deleted; the
// built-ins in seeds/ are part of the code. Every failure is JSON with a reason
// (400 unreadable or duplicate, 403 built-in, 404, 413 too large (the file, what it
// inflates to, its text, the memory reading it takes), 415 format, 422 reading it took
// too long, 503 too many uploads waiting (with Retry-After) or a read-only reports folder,
// 507 a full disk).
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { MetaOverridesSchema, type MetaOverrides } from '../../retrieval/ingest/metaOverrides.js';
import { withConflictWarnings } from '../../retrieval/figureConflicts.js';
import type { Corpus } from '../../retrieval/loadCorpus.js';
import { ReportStoreError, type ReportStore } from '../../retrieval/reportStore.js';
import { StorageError } from '../../retrieval/storage/StorageError.js';
import type { Report } from '../../retrieval/types.js';
import type { ReportChangeResponse, ReportSummary } from '../api/schemas.js';
import { withDistrict } from '../api/legacyDistrict.js';
import { ApiError, readJson, zodMessage } from '../http/apiError.js';

const STATUS: Record<ReportStoreError['kind'], [ContentfulStatusCode, string]> = {
  unsupported: [415, 'unsupported_format'],
  too_large: [413, 'payload_too_large'],
  too_slow: [422, 'processing_timeout'],
  busy: [503, 'busy'],
  unreadable: [400, 'unreadable_report'],
  duplicate: [400, 'duplicate_report'],
  builtin: [403, 'builtin_report'],
  not_found: [404, 'not_found'],
  cancelled: [400, 'client_closed'],
};

/** A reports folder that cannot be written: retrying does not help, and the reason says what would. */
const STORAGE_STATUS: Record<StorageError['kind'], [ContentfulStatusCode, string]> = {
  full: [507, 'storage_full'],
  read_only: [503, 'storage_read_only'],
  failed: [500, 'storage_failed'],
};

/** Seconds a client should wait before sending an upload the queue had no room for. */
const BUSY_RETRY_AFTER_S = 10;

/** Form fields that are numbers in MetaOverridesSchema. */
const NUMERIC = new Set(['reviewYear', 'planYear']);

/** A report's card: its metadata, with a warning for each figure another report of its place and year states otherwise. */
export function summaryOf(corpus: Corpus, report: Report): ReportSummary {
  return withDistrict({ ...withConflictWarnings(corpus, report.meta), origin: corpus.origins.get(report.meta.id) ?? 'builtin' });
}

/** A store failure as the API's error: status, code, reason, and Retry-After when busy. */
function storeError(e: unknown): unknown {
  if (e instanceof ReportStoreError) {
    const [status, code] = STATUS[e.kind];
    return new ApiError(status, code, e.message, e.kind === 'busy' ? { 'Retry-After': String(BUSY_RETRY_AFTER_S) } : undefined);
  }
  if (e instanceof StorageError) {
    const [status, code] = STORAGE_STATUS[e.kind];
    return new ApiError(status, code, e.message);
  }
  return e;
}

function storeCall<T>(p: Promise<T>): Promise<T> {
  return p.catch((e: unknown) => {
    throw storeError(e);
  });
}

function parseOverrides(fields: Record<string, unknown>): MetaOverrides {
  const given: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v !== 'string' || v.trim() === '') continue;
    given[k] = NUMERIC.has(k) && /^\d+$/.test(v.trim()) ? Number(v.trim()) : v;
  }
  const parsed = MetaOverridesSchema.safeParse(given);
  if (!parsed.success) throw new ApiError(400, 'invalid_request', `元数据有误：${zodMessage(parsed.error)}`);
  return parsed.data;
}

export function reportRoutes(corpus: Corpus, store: ReportStore | undefined) {
  const need = (): ReportStore => {
    if (!store) throw new ApiError(403, 'read_only', '这个服务器没有配置报告目录（REPORTS_DIR），不能添加或修改报告');
    return store;
  };
  return new Hono()
    .post('/api/reports', async (c) => {
      const s = need();
      const type = c.req.header('content-type') ?? '';
      if (!type.startsWith('multipart/form-data')) {
        throw new ApiError(415, 'unsupported_media_type', '请以 multipart/form-data 上传，文件放在 file 字段');
      }
      // Admitted before its body is parsed: with every reader busy, parsing, copying and hashing
      // 25 MB more on the loop helps nobody. The body is still read and dropped, so a client
      // that is still sending it can read the answer (an unread body would mean a reset).
      const release = s.admit();
      if (!release) {
        await c.req.raw.body?.pipeTo(new WritableStream()).catch(() => undefined);
        throw storeError(new ReportStoreError('busy', '正在处理的文件过多，请稍后再试'));
      }
      try {
        return await addUpload(c, s, corpus);
      } finally {
        release();
      }
    })
    .patch('/api/reports/:id', async (c) => {
      const s = need();
      const parsed = MetaOverridesSchema.safeParse(await readJson(c));
      if (!parsed.success) throw new ApiError(400, 'invalid_request', `元数据有误：${zodMessage(parsed.error)}`);
      const { report, warnings } = await storeCall(s.update(c.req.param('id'), parsed.data));
      const body: ReportChangeResponse = { report: summaryOf(corpus, report), warnings };
      return c.json(body);
    })
    .delete('/api/reports/:id', async (c) => {
      const s = need();
      const id = c.req.param('id');
      await storeCall(s.remove(id));
      return c.json({ deleted: id });
    });
}

/** Reads the form of one admitted upload and adds its file. */
async function addUpload(c: Context, s: ReportStore, corpus: Corpus) {
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch {
    throw new ApiError(400, 'invalid_form', '无法解析上传的表单');
  }
  const { file, ...fields } = form;
  if (Array.isArray(file)) throw new ApiError(400, 'invalid_form', '一次请求只能上传一个文件（file 字段只能有一个）');
  if (!(file instanceof File)) throw new ApiError(400, 'invalid_form', '缺少文件：请把报告放在 file 字段');
  const overrides = parseOverrides(fields);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { report, warnings } = await storeCall(s.add(file.name, bytes, overrides, c.req.raw.signal));
  const body: ReportChangeResponse = { report: summaryOf(corpus, report), warnings };
  return c.json(body, 201);
}
