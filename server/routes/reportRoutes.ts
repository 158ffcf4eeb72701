// Routes that change the corpus: add a report file (multipart upload), correct
// its metadata, delete it. Only added reports can be corrected or deleted; the
// built-ins in seeds/ are part of the code. Every failure is JSON with a reason
// (400 unreadable or duplicate, 403 built-in, 404, 413 too large (the file, what it
// inflates to, its text, the memory reading it takes), 415 format, 422 reading it took
// too long, 503 too many uploads waiting (with Retry-After) or a read-only reports folder,
// 507 a full disk).
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type Corpus, type MetaOverrides, MetaOverridesSchema, type Report, type ReportStore, ReportStoreError, StorageError, withConflictWarnings } from '../../retrieval/public.js';
import type { ZodError } from 'zod';
import { DATE_FORMS, parseDateInput } from '../api/parseDateInput.js';
import type { ReportChangeResponse, ReportSummary } from '../api/schemas.js';
import { withDistrict } from '../api/legacyDistrict.js';
import { ApiError, readJson } from '../http/apiError.js';

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

/** What the form calls each metadata field, for messages. */
const FIELD_LABEL: Record<string, string> = {
  place: '地方',
  district: '地方',
  level: '级别',
  city: '所属城市',
  province: '所属省份',
  date: '报告日期',
  reviewYear: '回顾年份',
  planYear: '计划年份',
  congress: '会议',
  speakerName: '报告人姓名',
  speakerTitle: '报告人职务',
  title: '标题',
};

/** A form field's problem in a user's words (zod's own say 期望 number >=1949). */
function issueWords(key: string, issue: ZodError['issues'][number]): string {
  if (NUMERIC.has(key)) return '须为 1949 到 2100 之间的年份，如 2024';
  if (key === 'level') return '须为 province（省）、city（市）或 county（区县）';
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') return `过长（最多 ${issue.maximum} 字）`;
  if (issue.code === 'too_small') return '不能为空';
  if (issue.code === 'invalid_type') return '须为文字';
  return issue.message;
}

function metaMessage(error: ZodError): string {
  const why = error.issues
    .slice(0, 5)
    .map((i) => {
      const key = String(i.path[0] ?? '');
      if (i.code === 'unrecognized_keys') return `不认识的字段：${i.keys.join('、')}`;
      if (key === 'date') return `报告日期无法识别，请写成 ${DATE_FORMS}`;
      return `${FIELD_LABEL[key] ?? key}：${issueWords(key, i)}`;
    })
    .join('；');
  return `元数据有误：${why}`;
}

/** Dates are taken as people write them (2019年1月15日, 2019/1/15) and stored as ISO; others fail validation. */
function normaliseDate(fields: Record<string, unknown>): Record<string, unknown> {
  const iso = typeof fields.date === 'string' ? parseDateInput(fields.date) : undefined;
  return iso ? { ...fields, date: iso } : fields;
}

function parseMeta(input: unknown): MetaOverrides {
  const given = input && typeof input === 'object' && !Array.isArray(input) ? normaliseDate(input as Record<string, unknown>) : input;
  const parsed = MetaOverridesSchema.safeParse(given);
  if (!parsed.success) throw new ApiError(400, 'invalid_request', metaMessage(parsed.error));
  return parsed.data;
}

function parseOverrides(fields: Record<string, unknown>): MetaOverrides {
  const given: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v !== 'string' || v.trim() === '') continue;
    given[k] = NUMERIC.has(k) && /^\d+$/.test(v.trim()) ? Number(v.trim()) : v;
  }
  return parseMeta(given);
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
      const overrides = parseMeta(await readJson(c));
      const { report, warnings } = await storeCall(s.update(c.req.param('id'), overrides));
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
