// A conversation exported as Markdown and as a self-contained HTML page: every
// answer with its citations, the report and page, the section and the sentences
// quoted from the source; nothing unescaped, nothing fetched, no script.
import { describe, expect, it } from 'vitest';
import { conversationHtml, conversationMarkdown, exportFileName, quotedSentences } from '../../client/src/conversationExport.js';
import type { ChatMessage } from '../../client/src/chatMessage.js';
import { answeredTurn, CITATION } from './chatFixtures.js';

const pdfText = '一般公共预算收入完成21.37亿元，增长4.2%。<b>另起</b>';
const pdfCitation = { ...CITATION, marker: 2, id: 'muxi:p9', reportId: 'muxi', place: '沐溪区', page: 3, text: pdfText, matched: [{ start: 0, end: pdfText.indexOf('<') }] };
const first = answeredTurn('惠济区2024年GDP目标是多少', '惠济区2024年地区生产总值的预期目标是增长7%左右[1]。');
const second = answeredTurn('沐溪区和惠济区呢', '沐溪区一般公共预算收入完成21.37亿元[2]，惠济区目标增长7%左右[1]。', [CITATION, pdfCitation]);
const refused = answeredTurn('金水区2024年GDP目标是多少', '报告中没有找到金水区的报告。', [], { status: 'no_evidence' });
const unfinished: ChatMessage[] = [
  { id: 'u9', role: 'user', parts: [{ type: 'text', text: '问到一半' }] },
  { id: 'a9', role: 'assistant', parts: [{ type: 'text', text: '回答到一半' }] },
];
const conv = {
  title: '惠济区 <目标> 对比',
  messages: [...first, ...second, ...refused, ...unfinished],
  filtersByMessage: { [first[0].id]: { place: '惠济区', year: 2024 } },
};
const on = new Date(2024, 4, 6);

describe('conversationMarkdown', () => {
  const md = conversationMarkdown(conv, on);
  it('lists every question with its answer, scope and sources', () => {
    expect(md.startsWith('# 惠济区 <目标> 对比\n\n报告问答 · 导出于 2024年5月6日。')).toBe(true);
    expect(md).toContain('## 问：惠济区2024年GDP目标是多少\n\n*提问范围：惠济区 · 2024年报告*\n\n惠济区2024年地区生产总值的预期目标是增长7%左右[1]。');
    expect(md).toContain('[1] 惠济区2024年政府工作报告 · 二、2024年政府工作总体要求和主要预期目标\n\n> 地区生产总值增长7%左右\n');
    expect(md).toContain('[2] 沐溪区2024年政府工作报告 · 第 3 页 · 二、');
    expect(md).toContain('> 一般公共预算收入完成21.37亿元，增长4.2%。');
    expect(md).toContain('*报告中未找到依据。*');
    expect(md).toContain('回答到一半\n\n*（回答未完成，没有出处）*');
    expect(md.match(/^## 问：/gm)).toHaveLength(4);
  });
});

describe('conversationHtml', () => {
  const html = conversationHtml(conv, on);
  it('is one page with inline styles, no script and nothing to fetch', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i);
  });
  it('escapes what it shows and links markers to their sources', () => {
    expect(html).toContain('<title>惠济区 &lt;目标&gt; 对比 · 报告问答</title>');
    expect(html).not.toContain('<b>另起</b>');
    expect(html).toContain('&lt;b&gt;另起&lt;/b&gt;');
    expect(html).toContain('<sup><a href="#t2-c2">[2]</a></sup>');
    expect(html).toContain('<li value="2" id="t2-c2"><strong>沐溪区2024年政府工作报告 · 第 3 页</strong>');
    expect(html).toContain('<mark>一般公共预算收入完成21.37亿元，增长4.2%。</mark>');
  });
});

describe('conversationHtml: Markdown answers', () => {
  it('renders an answer’s Markdown as the chat does: a table stays a table, nothing is fetched or linked but the sources', () => {
    const citations = [CITATION, { ...CITATION, marker: 2 }];
    const answer = '**两区**目标见下表，[原文](https://example.org)![图](https://example.org/x.png)：\n\n| 地区 | 目标 |\n|---|---|\n| 惠济区 | 7%左右[1] |\n| 卫东区 | 6.5%[2] |';
    const html = conversationHtml({ title: '表格', messages: answeredTurn('两区目标', answer, citations), filtersByMessage: {} }, on);
    expect(html).toContain('<strong>两区</strong>目标见下表，原文：');
    expect(html).toMatch(/<table>\s*<thead>\s*<tr>\s*<th>地区<\/th>/);
    expect(html).toContain('<td>7%左右<sup><a href="#t1-c1">[1]</a></sup></td>');
    expect(html).not.toMatch(/example\.org|<img|src=/);
  });
});

describe('helpers', () => {
  it('quotes the supporting sentences, else the paragraph', () => {
    expect(quotedSentences(CITATION)).toEqual(['地区生产总值增长7%左右']);
    expect(quotedSentences({ ...CITATION, matched: [] })).toEqual([CITATION.text]);
    // A clause inside its sentence is quoted once.
    expect(quotedSentences({ ...CITATION, matched: [{ start: 14, end: 38 }, { start: 14, end: 26 }] })).toEqual([CITATION.text.slice(14, 38)]);
  });
  it('names the file by the title', () => {
    expect(exportFileName('惠济区 GDP/目标?', 'md')).toBe('惠济区-GDP-目标.md');
    expect(exportFileName('  ', 'html')).toBe('对话.html');
  });
});
