import type { IndicatorKind, IndicatorRow, ReportMeta } from '../../retrieval/types.js';

export const KIND_LABEL: Record<IndicatorKind, string> = {
  target: '目标',
  actual: '实际',
  estimate: '预计',
};

export const KIND_ORDER: IndicatorKind[] = ['target', 'estimate', 'actual'];

/** 2024-01-22 → 2024年1月22日 (falls back to the input). */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '日期未写明';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

export function reportYear(meta: Pick<ReportMeta, 'date' | 'planYear'>): number {
  const y = Number.parseInt((meta.date ?? '').slice(0, 4), 10);
  return Number.isInteger(y) ? y : meta.planYear;
}

export function speakerLine(meta: Pick<ReportMeta, 'speaker'>): string {
  return [meta.speaker.title, meta.speaker.name].filter(Boolean).join(' ');
}

function trimNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));
}

/** 7 % 左右 growth → 增长7%左右; 26.12 亿元 level → 26.12亿元; null → the qualifier or —. */
export function formatIndicatorValue(row: Pick<IndicatorRow, 'value' | 'unit' | 'qualifier' | 'measure'>): string {
  if (row.value === null) return row.qualifier || '—';
  const abs = trimNumber(Math.abs(row.value));
  // 同比 / 比上年 read before the figure (同比增长12.5%); 左右 / 以上 after it (7%左右).
  const before = /^(同比|比上年|较上年)/.test(row.qualifier) ? row.qualifier : '';
  const after = before ? '' : row.qualifier;
  const body = `${abs}${row.unit}${after}`;
  if (row.measure === 'growth') return `${before}${row.value < 0 ? '下降' : '增长'}${body}`;
  return `${before}${row.value < 0 ? '-' : ''}${body}`;
}

/** Districts in a stable order: the known ones first, then the rest alphabetically. */
/** Places in the order of their names' pinyin (红旗区 before 惠济区), whatever reports are loaded. */
export function sortDistricts(names: Iterable<string>): string[] {
  return [...new Set(names)].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** Reports are all titled 政府工作报告; name the district and year so they can be told apart. */
export function reportDisplayTitle(meta: Pick<ReportMeta, 'title' | 'district' | 'date' | 'planYear'>): string {
  const title = meta.title.trim() || '政府工作报告';
  if (title.includes(meta.district)) return title;
  return `${meta.district}${reportYear(meta)}年${title.replace(/\s+/g, '')}`;
}
