// Markers side by side read in ascending order ([1][2], not [2][1]) once renumbered:
// renumbering follows first appearance, so a run citing two sources can come out reversed.

export function orderMarkerRuns(text: string): string {
  return text.replace(/(?:\[\d{1,3}\]){2,}/g, (run) =>
    [...run.matchAll(/\[(\d{1,3})\]/g)]
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b)
      .map((n) => `[${n}]`)
      .join(''),
  );
}
