// The shapes real report files come in, each reproduced in a few synthetic lines
// written for this test: web-page chrome around the text, a summary that runs the
// cover and the opening together, `??` where a page had spaces, line breaks written
// out as `\r\n`, random bytes after the end, a watermark, page numbers, a report
// printed twice, a delivery line with odd dashes, and reports that never say whose
// they are on a cover. Each test names the mechanism, not a report.
import { describe, expect, it } from 'vitest';
import { cleanLine } from '../../../retrieval/ingest/cleanText.js';
import { dropRepeatedText } from '../../../retrieval/ingest/dropRepeatedText.js';
import { ingestReport } from '../../../retrieval/ingest/ingestReport.js';
import { ReportParseError } from '../../../retrieval/ingest/parseMetadata.js';
import { readDeliveryLine } from '../../../retrieval/ingest/readDeliveryLine.js';
import { readSpeaker } from '../../../retrieval/ingest/readSpeaker.js';
import { readYears } from '../../../retrieval/ingest/readYears.js';
import { splitFrontMatter } from '../../../retrieval/ingest/splitFrontMatter.js';
import { splitRawLines } from '../../../retrieval/ingest/splitRawLines.js';
import { stripPageChrome } from '../../../retrieval/ingest/stripPageChrome.js';
import { countPlaceMentions } from '../../../retrieval/places/placeMentions.js';

const ingest = (text: string, sourceFile = 'upload.txt') => ingestReport({ id: 'r', sourceFile, bytes: Buffer.from(text) });

/** A plain body: review and plan, in the genre's words, naming no place. */
const BODY = [
  '一、2022年工作回顾',
  '过去一年，我们顶住压力稳住经济大盘，全年地区生产总值增长5.1%，一般公共预算收入增长6.3%，城镇新增就业八千二百人。',
  '（一）项目建设扎实推进。全年实施重点项目九十六个，完成投资一百四十亿元，新开工项目四十二个。',
  '二、2023年主要目标任务',
  '今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%，固定资产投资增长8%。',
  '（一）坚持项目为王。围绕先进制造和现代服务谋划一批大项目，全年完成投资一百六十亿元以上。',
];

describe('characters copying and converting put into a text', () => {
  it('turns line breaks written out as \\r\\n into lines, and drops stray byte-order marks', () => {
    expect(splitRawLines('\ufeff各位代表：\\r\\n现在，我代表县人民政府报告工作。\\r\\n一、回顾\\r\\n过去一年\ufeff成绩显著。')).toEqual([
      '各位代表：',
      '现在，我代表县人民政府报告工作。',
      '一、回顾',
      '过去一年成绩显著。',
    ]);
    // One written-out break is a path or an example, not the line ends of the text.
    expect(splitRawLines('文件存放在 C:\\new 目录。')).toEqual(['文件存放在 C:\\new 目录。']);
  });

  it('drops a run of ASCII garbage after the last sentence, but not figures or Latin words in it', () => {
    const junk = 'QWERTYasdfgh#!$%&()-+0123456789zxcvbnmPOIUYTlkjhg#$%*()-+13579';
    expect(splitRawLines(`让我们共同努力，再创佳绩！${junk}`)).toEqual(['让我们共同努力，再创佳绩！']);
    expect(splitRawLines('PM2.5平均浓度下降到32微克/立方米。')).toEqual(['PM2.5平均浓度下降到32微克/立方米。']);
  });

  it('reads full-width digits as ASCII, and shows the paragraph as written, same offsets', () => {
    const { paragraphs } = ingest(['各位代表：', '现在，我代表安吉县人民政府向大会报告工作。', '一、２０２２年工作回顾', '全年地区生产总值７１２．７５亿元，增长１２．３％。', ...BODY.slice(3)].join('\n'));
    const p = paragraphs.find((x) => x.text.includes('712.75亿元'))!;
    expect(p.text).toBe('全年地区生产总值712.75亿元，增长12.3%。');
    expect(p.original).toBe('全年地区生产总值７１２．７５亿元，增长１２．３％。');
    expect(paragraphs.find((x) => x.text === '一、2022年工作回顾')?.original).toBe('一、２０２２年工作回顾');
  });

  it('reads ?? placeholders as the spaces they stood for, and PDF spaces inside figures as nothing', () => {
    expect(cleanLine('某县人民政府县长????张某某')).toBe('某县人民政府县长张某某');
    expect(cleanLine('全年完成投资 304.87 亿元，增长 12. 5%')).toBe('全年完成投资304.87亿元，增长12.5%');
    expect(cleanLine('增长１２．３％')).toBe('增长12.3%');
    // A single question mark in prose stays.
    expect(cleanLine('怎么办?靠改革。')).toBe('怎么办?靠改革。');
  });

  it('drops private-use glyphs and zero-width characters, so a heading they open is still one', () => {
    expect(cleanLine('\ue5d8  (七)促进文化旅游融合发展。认真落实政策')).toBe('(七)促进文化旅游融合发展。认真落实政策');
    expect(cleanLine('地区\u200b生产总值增长6\ufeff%')).toBe('地区生产总值增长6%');
    const report = ingest(['某县2023年政府工作报告', ...BODY.slice(0, 4), '\uf0b7 (二)推进产业升级。培育新兴产业。'].join('\n'));
    const titles = (list: typeof report.sections): string[] => list.flatMap((x) => [x.title, ...titles(x.children)]);
    expect(titles(report.sections)).toContain('推进产业升级');
  });
});

describe('a report that lost its line breaks', () => {
  it('reads cover, speaker and years from one long line, headings run into their paragraphs', () => {
    const cover = ['政府工作报告', '（2023年1月9日在安吉县第十七届人民代表大会第二次会议上）', '县长 张某某', '各位代表：', '现在，我代表县人民政府向大会报告工作。'];
    const filler = '我们坚持稳中求进工作总基调，统筹发展和安全，各项事业取得新进展。'.repeat(20);
    const { meta } = ingest([...cover, BODY[0] + filler, ...BODY.slice(1)].join(''));
    expect(meta).toMatchObject({ place: '安吉县', date: '2023-01-09', reviewYear: 2022, planYear: 2023, speaker: { name: '张某某' } });
  });
});

describe('page chrome', () => {
  it('drops watermarks, alone on a line or stuck after the last sentence', () => {
    expect(stripPageChrome(['来自某某资料网', '某 某 资 料 网', '全年粮食产量稳定。  百度搜索某 某 资 料 网'])).toEqual(['全年粮食产量稳定。']);
    // A sentence about a network is no watermark.
    expect(stripPageChrome(['建成千兆光纤网。'])).toEqual(['建成千兆光纤网。']);
  });

  it('drops page numbers that say so, and bare ones only when they count up like pages', () => {
    const lines = ['第一段没有写完', '- 3 -', '接着写完。', '第 4 页 共 20 页', '12', '上年完成', '7', '亿元。', '13', '14', '15'];
    expect(stripPageChrome(lines)).toEqual(['第一段没有写完', '接着写完。', '上年完成', '7', '亿元。']);
  });

  it('drops toolbar words standing alone, and keeps a heading that starts with one', () => {
    expect(stripPageChrome(['下载', '全屏', '【', '加大', '还原', '减小', '】', '加大民生投入'])).toEqual(['加大民生投入']);
  });

  it('cuts the block a page puts after the report: share buttons, previous and next, other reports, notices', () => {
    const lines = [
      '各位代表，让我们携手并进，为建设更加美好的家园而努力奋斗！',
      '分享到：',
      '微信',
      '上一篇：',
      '2020年某市政府工作报告',
      '相关文章',
      '11-22',
      '2021年某县政府工作报告',
      '标签云',
    ];
    expect(stripPageChrome(lines)).toEqual([lines[0]]);
    expect(stripPageChrome(['全年目标全面完成。', '免责声明：本文仅代表作者观点，不代表本站立场，如有侵权请联系删除。'])).toEqual(['全年目标全面完成。']);
  });

  it('keeps a glossary after the speech: it is prose', () => {
    const lines = ['各位代表，让我们共同奋斗！', '名词解释', '〔1〕“两个一”：指一个中心、一个平台，是本地推进数字政府建设的简称。', '分享到：'];
    expect(stripPageChrome(lines)).toEqual(lines.slice(0, 3));
  });
});

describe('a report printed twice', () => {
  it('reads a repeated block once, headings inside it too', () => {
    const once = ['某县2023年政府工作报告', '——2023年1月9日在某县第十七届人民代表大会第二次会议上', ...BODY];
    expect(dropRepeatedText([...once, '相关链接', ...once])).toEqual([...once, '相关链接']);
  });

  it('drops a paragraph said twice word for word, but not short lines a report may repeat', () => {
    const long = '我们坚持把招商引资作为经济工作的生命线，全年引进亿元以上项目三十个，到位资金八十亿元。';
    expect(dropRepeatedText(['各位代表！', long, '一是抓项目', long, '各位代表！'])).toEqual(['各位代表！', long, '一是抓项目', '各位代表！']);
  });
});

describe('the front of a web page', () => {
  const page = [
    '工作报告',
    '2023年某县政府工作报告',
    '147',
    '0',
    '2023年1月9日在安吉县第十七届人民代表大会第二次会议上安吉县人民政府县长张某某各位代表：现在，我代表县人民政府向大会报告工作，请予审议。&ems......',
    '2023年1月9日在安吉县第十七届人民代表大会第二次会议上',
    '安吉县人民政府县长张某某',
    '各位代表：',
    '现在，我代表县人民政府向大会报告工作，请予审议。',
    ...BODY,
  ];

  it('finds the speech after the page’s lines, keeps the cover, reads the summary without making it a paragraph', () => {
    const front = splitFrontMatter(page);
    expect(front.bodyStart).toBe(7);
    expect(front.lines).toEqual(['工作报告', '2023年某县政府工作报告', '2023年1月9日在安吉县第十七届人民代表大会第二次会议上', '安吉县人民政府县长张某某']);
    expect(front.read.some((l) => l.includes('&ems'))).toBe(true);
  });

  it('splits a delivery line and a speaker line printed as one, and a title printed twice', () => {
    const front = splitFrontMatter(['某省2024年政府工作报告某省2024年政府工作报告', '2024年1月20日在某省第十四届人民代表大会第二次会议上某省省长 王某', '各位代表：']);
    expect(front.lines).toEqual(['某省2024年政府工作报告', '2024年1月20日在某省第十四届人民代表大会第二次会议上', '某省省长 王某']);
  });

  it('reads the date from a summary when the summary is the only place that has it', () => {
    const { meta } = ingest(['工作报告', '内容摘要：', '——2021年3月11日在安吉县第十七届人民代表大会第五次会议上????安吉县人民政府县长????张某某????各位代表：现在，我代表县人民政府向大会报告工作。', '各位代表：', ...BODY].join('\n'));
    expect(meta).toMatchObject({ place: '安吉县', date: '2021-03-11', congress: '第十七届人民代表大会第五次会议', speaker: { name: '张某某' } });
  });
});

describe('the delivery line, however it is printed', () => {
  it.each([
    ['———2023年1月9日在某县第十七届人民代表大会第二次会议上', '2023-01-09'],
    ['――2023年1月9日在某县第十七届人民代表大会第二次会议上', '2023-01-09'],
    ['— — 2023年1月9日在县十七届人民代表大会第二次会议上', '2023-01-09'],
    ['（二〇二三年一月九日在某县第十七届人民代表大会第二次会议上）', '2023-01-09'],
    ['某某在2023年1月9日在某市第十七届人民代表大会第二次会议上作的政府工作报告', '2023-01-09'],
    ['——在某县第十七届人民代表大会第二次会议上（2023年1月9日）', '2023-01-09'],
  ])('%s', (line, date) => {
    expect(readDeliveryLine([cleanLine(line)])).toMatchObject({ date, congress: '第十七届人民代表大会第二次会议' });
  });

  it('never reads a page’s own dates: 发文时间, 发布时间, 成文日期, 时间：', () => {
    const { meta } = ingest(['发文时间：2023年02月10日', '时间：2023-02-12', '成文日期：2023年2月8日', '各位代表：', '现在，我代表安吉县人民政府向大会报告工作。', ...BODY].join('\n'));
    expect(meta.date).toBeUndefined();
    expect(meta.warnings?.join('')).toMatch(/日期/);
  });

  it('reads a deputy who delivers the report on the head’s behalf', () => {
    expect(readSpeaker([cleanLine('常务副市长 王某某')])).toMatchObject({ title: '常务副市长', name: '王某某' });
  });
});

describe('the years a report reviews and plans', () => {
  const years = (lines: string[]) => readYears(lines, undefined);
  it.each([
    ['一、“十三五”时期和2020年主要工作回顾', 2020],
    ['一、2020年和“十三五”时期工作回顾', 2020],
    ['一、2020年主要工作和“十三五”发展成就', 2020],
    ['2020年工作回顾', 2020],
  ])('reviews the year a review heading names: %s', (heading, year) => {
    expect(years([heading, '过去一年，全县经济平稳运行。'])).toMatchObject({ reviewYear: year, planYear: year + 1 });
  });

  it('reads "主要工作" as a review and "主要工作任务" as a plan', () => {
    expect(years(['三、2021年主要工作任务', '今年要抓好六项工作。'])).toMatchObject({ reviewYear: 2020, planYear: 2021 });
  });

  it('reads the plan year from the opening of a part headed 明年/今年 without a year', () => {
    const lines = ['一、回顾过去三年', '三年来，全市经济总量不断攀升。', '三、明年工作建议', '2009年是本届政府承上启下的一年，做好明年工作意义重大。'];
    expect(years(lines)).toMatchObject({ reviewYear: 2008, planYear: 2009 });
  });

  it('without date or headings, takes the year the estimates are for', () => {
    const lines = ['一、过去三年工作', '预计2008年实现地区生产总值235亿元。', '预计2008年完成固定资产投资200亿元。', '预计到2012年实现翻番。'];
    expect(years(lines)).toMatchObject({ reviewYear: 2008, planYear: 2009 });
  });
});

describe('whose report it is, by weight of evidence', () => {
  it('files a city report without a cover under the city it names again and again, not under a short name it mentions a few times', () => {
    const text = [
      '各位代表：',
      '现在，我代表市人民政府向大会报告工作，请予审议。',
      ...BODY,
      ...Array.from({ length: 12 }, (_, i) => `湖州第${i + 1}项工作：全市推进产业集中区建设，湖州新城区面貌焕然一新，建设美丽湖州。`),
      '《湖州市国土空间总体规划》获批实施。',
    ].join('\n');
    const { meta } = ingest(text);
    expect(meta).toMatchObject({ place: '湖州市', level: 'city', province: '浙江省' });
    expect(meta.placeConfidence).toBe('high');
    expect(meta.placeEvidence?.join('')).toMatch(/正文提到\d+次/);
  });

  it('does not let a name several places share win a district report on a few mentions', () => {
    const text = [
      '各位代表：',
      '现在，我代表区人民政府向大会报告工作，请予审议。',
      ...BODY,
      '雁塔区各项工作取得新进展，雁塔科创走廊建设加快推进。',
      '全区上下团结一心，推动雁塔高质量发展。',
      '新城区片区开发有序推进，新城区道路全线贯通，新城区学校建成招生，新城区公园对外开放，新城区医院投入使用。',
      '让我们为建设更加美好的雁塔而努力奋斗！',
    ].join('\n');
    expect(ingest(text).meta.place).toBe('雁塔区');
  });

  it('reads a county report with no cover and no 各位代表 from how it names itself (全县) and its county', () => {
    const text = [...BODY, '全县上下团结一心，安吉县各项工作取得新进展。', '全县人民共同努力，安吉发展再上新台阶。', '全县坚持生态立县，安吉白茶品牌更响。'].join('\n');
    const { meta } = ingest(text);
    expect(meta).toMatchObject({ place: '安吉县', level: 'county', city: '湖州市', province: '浙江省' });
  });

  it('loads a report that names its county once, and warns that the place is a guess to check', () => {
    const { meta } = ingest(['各位代表：', '现在，我代表县人民政府向大会报告工作。', ...BODY, '我们将为建设美丽安吉县而努力奋斗！'].join('\n'));
    expect(meta.place).toBe('安吉县');
    expect(meta.placeConfidence).toBe('low');
    expect(meta.warnings?.join('')).toMatch(/安吉县.*推断/);
  });

  it('counts nothing from a page’s list of other places’ reports', () => {
    const list = ['2022年余杭区政府工作报告', '2022年余杭区政府工作报告（全文）', '2023年余杭区政府工作报告'];
    const text = ['各位代表：', '现在，我代表县人民政府向大会报告工作。', ...BODY, '安吉县各项事业全面进步。', ...list, ...list].join('\n');
    expect(ingest(text).meta.place).toBe('安吉县');
  });

  it('takes the file name as confirmation, spelled in Chinese or in pinyin', () => {
    const body = ['各位代表：', '现在，我代表县人民政府向大会报告工作。', ...BODY].join('\n');
    expect(ingest(body, '2023年安吉县政府工作报告.txt').meta.place).toBe('安吉县');
    // Pinyin confirms a place the text names; alone it names none.
    const named = `${body}\n安吉县各项事业全面进步。`;
    expect(ingest(named, 'anji-2023.txt').meta.placeEvidence?.join('')).toMatch(/文件名/);
  });

  it('never lets a file name outweigh what the text says', () => {
    const text = ['各位代表：', '现在，我代表县人民政府向大会报告工作。', ...BODY, ...Array.from({ length: 6 }, (_, i) => `安吉县第${i + 1}项事业全面进步，安吉发展再上新台阶。`)].join('\n');
    expect(ingest(text, '2023年德清县政府工作报告.txt').meta.place).toBe('安吉县');
  });

  it('is less sure when the report’s own lines name two places', () => {
    const { meta } = ingest(['2023年德清县政府工作报告', '——2023年1月9日在安吉县第十七届人民代表大会第二次会议上', '各位代表：', ...BODY].join('\n'));
    expect(meta.place).toBe('安吉县');
    expect(meta.placeConfidence).toBe('medium');
  });

  it('refuses only a text where nothing names a place', () => {
    expect(() => ingest(['各位代表：', '现在，我代表县人民政府向大会报告工作。', ...BODY].join('\n'))).toThrow(ReportParseError);
  });

  it('does not read a place into words that merely contain its name (和县域, 示范县城)', () => {
    const counts = countPlaceMentions('推进城乡融合和县域经济发展，建设省级示范县城。');
    expect(counts.map((c) => c.place.name)).not.toContain('和县');
  });
});
