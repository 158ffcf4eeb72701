// Which part of a report a paragraph sits in, from its top-level section title:
// the review of the past year, the review of the past five years, or the plan.
// Reports name these parts in many ways (一、2023年工作回顾 / 过去五年工作回顾 /
// 2024年重点工作 / 今年的主要任务), with or without numbering.
import type { ReportPart } from '../types.js';

export function readReportPart(title: string, reviewYear: number, planYear: number): ReportPart | undefined {
  // "2021年及过去五年工作回顾" reviews the year as well: its five-year paragraphs say so by their openings.
  if (/过去五年|过去的五年|五年来|五年工作回顾|十[二三四]五.{0,4}(回顾|成就)/.test(title) && !title.includes(`${reviewYear}年`)) return 'fiveYear';
  if (/回顾|过去一年|去年工作/.test(title) || title.includes(`${reviewYear}年`)) return 'review';
  if (/目标|任务|安排|重点|要求|计划|部署|今年|打算/.test(title) || title.includes(`${planYear}年`)) return 'plan';
  return undefined;
}
