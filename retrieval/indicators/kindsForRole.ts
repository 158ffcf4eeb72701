// Which kinds of indicator rows answer a question, by what its year means:
// a plan figure (target), an outcome (actual, or 预计 estimate), or either.
import type { IndicatorKind, ParsedQuery } from '../types.js';

export function kindsForRole(role: ParsedQuery['yearRole']): IndicatorKind[] | undefined {
  if (role === 'target') return ['target'];
  if (role === 'actual') return ['actual', 'estimate'];
  return undefined;
}
