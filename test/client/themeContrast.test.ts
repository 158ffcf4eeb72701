// WCAG AA contrast of the theme's text/background token pairs, in the light and
// the dark theme, read from the tokens in client/src/styles.css (each written
// light-dark(light, dark)). Normal text needs 4.5:1.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../client/src/styles.css', import.meta.url), 'utf8');
const root = css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {')));
const tokens = new Map<string, [string, string]>();
for (const m of root.matchAll(/--([\w-]+):\s*light-dark\(\s*(#[0-9a-f]{6})\s*,\s*(#[0-9a-f]{6})\s*\)/gi)) tokens.set(m[1], [m[2], m[3]]);

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Text colour → the backgrounds it is shown on. */
const PAIRS: Record<string, string[]> = {
  text: ['bg', 'surface', 'surface-2', 'surface-hover', 'accent-soft', 'accent-softer', 'mark-sentence', 'figure', 'mark-term'],
  'text-2': ['bg', 'surface', 'surface-2', 'mark-sentence'],
  muted: ['bg', 'surface', 'surface-2', 'surface-hover'],
  faint: ['bg', 'surface'],
  accent: ['bg', 'surface', 'surface-2', 'accent-soft', 'accent-softer'],
  'accent-strong': ['surface', 'accent-soft'],
  'on-accent': ['accent', 'accent-strong'],
  ok: ['surface', 'ok-soft'],
  warn: ['surface', 'warn-soft'],
  danger: ['surface', 'danger-soft'],
};

describe('theme contrast (WCAG AA, 4.5:1 for text)', () => {
  it('finds every token it checks, in both themes', () => {
    const names = new Set([...Object.keys(PAIRS), ...Object.values(PAIRS).flat()]);
    for (const n of names) expect(tokens.has(n), `--${n} written light-dark(#light, #dark)`).toBe(true);
  });

  for (const [theme, i] of [['light', 0], ['dark', 1]] as const) {
    it(`${theme}: every text colour reads on every background it is used on`, () => {
      const failures: string[] = [];
      for (const [fg, bgs] of Object.entries(PAIRS)) {
        for (const bg of bgs) {
          const ratio = contrast(tokens.get(fg)![i], tokens.get(bg)![i]);
          if (ratio < 4.5) failures.push(`--${fg} on --${bg}: ${ratio.toFixed(2)}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }

  it('computes ratios as WCAG defines them', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 1);
  });
});
