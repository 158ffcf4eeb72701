import type { Intent } from '../types.js';
import { ASKS_FIGURE } from './measureWords.js';

// About the report itself rather than its content: speaker, session, city.
const META = /谁作|谁做|谁的报告|谁在|谁讲|哪位|(?<![委])[区县市省旗州盟]长(?!期|效|远|足|三角|江|城|廊)|主席|报告人|(?<!工)作报告|做报告|哪个市|哪个城市|哪座城市|哪个省|属于哪|隶属|报告者|哪次会议|什么会议|哪个会议|哪一?次会|第几届|哪一?届|几届|第几次|\bwho (?:delivered|gave|presented|made|wrote)\b|\b(?:which|what) session\b|\bmayor\b|\bgovernor\b/u;
// "When" is meta only about the report or its session (什么时候作的报告), not about
// a project (地铁什么时候开通).
const WHEN = /什么时候|哪天|哪一天|何时|几月几[号日]|日期|\bwhen\b/u;
const REPORT_EVENT = /报告|会议|大会|人代会|作的|做的|召开|\breport\b|\bdelivered\b/u;
// "报告里说…哪天" asks when something the report tells of happened, not when it was delivered.
const ABOUT_CONTENT = /报告(?:里|中|上|内|说|提到|提出|写到|讲到)|\b(?:in|says?) the report\b/u;
const COMPARE = /比较|对比|相比|比起|哪个[区更高低大小多少快慢好]|谁[高低大多快更]|哪个更|更[高低大多快慢]|分别|差距|差多少|区别|异同|谁的.*[高低]/u;
// A list of the report's own structure: its priorities, tasks, parts.
const LIST = /\b(?:key|main|major|priority) (?:tasks|priorities|projects|work(?:s)?)\b|\bpriorities\b|[一二两三四五六七八九十\d]+(?:大|项|件|个|条)[^，,。？?]{0,6}(?:有哪些|是哪些|是什么|都有什么|包括什么)|哪几|哪[一二两三四五六七八九十\d]+[个项方件条部]|几个部分|几个方面|几项|几条|重点工作|工作重点|主要任务|工作安排/u;
// "Which ones" words make a list question only about the report as a whole
// (主要做了哪些工作, 包括哪些方面); about a topic (营商环境做了哪些工作) they ask an open question.
const WHICH = /哪些|有什么|做了什么|都有啥/u;
const WHOLE = /主要|重点|总体|整体|哪些方面|预期目标|预期指标/u;
const LIST_EN_TARGETS = /\b(?:targets|goals|objectives)\b/u;


/** About the report itself (speaker, date, session, city). */
export function isMetaQuestion(folded: string): boolean {
  return META.test(folded) || (WHEN.test(folded) && REPORT_EVENT.test(folded) && !ABOUT_CONTENT.test(folded));
}

export interface IntentSignals {
  folded: string;
  placeCount: number;
  yearCount: number;
  hasIndicator: boolean;
  /** Resolved role; 'any' when unclear. */
  role: 'target' | 'actual' | 'any';
  /** When role is 'any': whether the question's year is only a plan year of its reports. */
  yearIsPlanYear: boolean;
}

/**
 * Order matters: a question about the report itself (meta) is never a
 * comparison; naming two places or two years is a comparison whatever the
 * wording; a request for a list wins over an indicator word it happens to
 * contain (投资方面有哪些重点项目); the remaining questions about an indicator or
 * a figure are target or actual; the rest is open.
 */
export function detectIntent(s: IntentSignals): Intent {
  if (isMetaQuestion(s.folded)) return 'meta';
  if (COMPARE.test(s.folded) || s.placeCount >= 2 || s.yearCount >= 2) return 'compare';
  if (LIST.test(s.folded) || (WHICH.test(s.folded) && WHOLE.test(s.folded))) return 'list';
  // "What are Hongqi District's targets for 2024?": the plan's targets as a whole, when no one indicator is named.
  if (!s.hasIndicator && LIST_EN_TARGETS.test(s.folded)) return 'list';
  // A number is asked for even when the indicator is not in the vocabulary
  // (技术合同交易额目标, 新增市场主体多少户): still a target or actual question.
  if (s.hasIndicator || ASKS_FIGURE.test(s.folded)) {
    if (s.role !== 'any') return s.role;
    // A year that only a report's plan covers can only have a target figure.
    return s.yearIsPlanYear ? 'target' : 'actual';
  }
  return 'open';
}
