// npm run search -- "惠济区2024年GDP目标是多少"        readable top passages
// npm run search -- --k 10 --jsonl < questions.txt      one JSON line per question
// Options: --k N, --jsonl, --report FILE (repeatable: extra report files), --place (or --district), --year
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { corpusFor } from '../corpus/corpusFor.js';
import { QueryError } from '../evidence/searchCorpus.js';
import type { SearchFilters, SearchResult } from '../types.js';
import { cliCorpus, fail } from './cliCorpus.js';

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        k: { type: 'string', default: '5' },
        jsonl: { type: 'boolean', default: false },
        report: { type: 'string', multiple: true, default: [] },
        place: { type: 'string' },
        // --district: the flag's name before places of every level were covered; still read.
        district: { type: 'string' },
        year: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    return fail(`参数错误：${(e as Error).message}`);
  }
})();

if (values.help) {
  console.log('用法：npm run search -- "问题" [--k 5] [--place 某某区] [--year 2024] [--report 其他报告.txt]\n      npm run search -- --jsonl [--k 10] < questions.txt');
  process.exit(0);
}
const k = Number(values.k);
if (!Number.isInteger(k) || k < 1 || k > 100) fail('--k 需为 1 到 100 的整数');
const filters: SearchFilters = { place: values.place ?? values.district, year: values.year ? Number(values.year) : undefined };
if (values.year && !Number.isInteger(filters.year)) fail('--year 需为年份，如 2024');

const { corpus: loaded, close } = await cliCorpus(values.report);
/** The corpus to search a question in: the whole one in memory, its working set in a database. */
const search = async (question: string) => (await corpusFor(loaded, { question, filters, k })).search(question, { k, filters });

function toJson(question: string, r: SearchResult) {
  const { place, year, indicator, intent } = r.query;
  return {
    question,
    query: { place: place ?? null, year: year ?? null, indicator: indicator ?? null, intent },
    results: r.results.map((h) => ({ id: h.id, reportId: h.reportId, text: h.text, score: h.score })),
  };
}

if (values.jsonl) {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    const question = line.trim();
    if (!question) continue;
    try {
      console.log(JSON.stringify(toJson(question, await search(question))));
    } catch (e) {
      console.log(JSON.stringify({ question, error: (e as Error).message }));
    }
  }
} else {
  const question = positionals.join(' ');
  let r: SearchResult;
  try {
    r = await search(question);
  } catch (e) {
    if (e instanceof QueryError) fail(e.message);
    throw e;
  }
  if (question.length > 1000) console.error(`（问题共 ${question.length} 字，只用前 1000 字检索）`);
  const q = r.query;
  console.log(
    `问题：${question.slice(0, 200)}\n理解：地区 ${q.places.join('、') || '全部'} · 年份 ${q.year ?? '未指定'}（${q.yearRole}） · 指标 ${q.indicator ?? '无'} · 意图 ${q.intent}${q.reportIds.length ? ` · 报告 ${q.reportIds.join('、')}` : ''}\n`,
  );
  if (r.results.length === 0) console.log('没有找到相关段落。');
  r.results.forEach((h, i) => {
    const section = h.sectionPath.join(' › ') || '封面';
    console.log(`${i + 1}. [${h.id}] ${h.place} ${h.year}年报告 · ${section} · 得分 ${h.score}`);
    console.log(`   ${h.text.length > 300 ? h.text.slice(0, 300) + '…' : h.text}\n`);
  });
}
await close();
