// One line on stderr that redraws itself: done/total, rate and time left. Plain
// lines when stderr is not a terminal (CI logs), at most every few seconds.
export function progressLine(label: string, stream: NodeJS.WriteStream = process.stderr): { update(done: number, total: number): void; end(): void } {
  const started = performance.now();
  let last = 0;
  let shown = '';
  return {
    update(done, total) {
      const now = performance.now();
      const final = done >= total;
      if (!final && now - last < (stream.isTTY ? 200 : 5000)) return;
      last = now;
      const seconds = (now - started) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      const left = rate > 0 ? Math.round((total - done) / rate) : 0;
      const width = 24;
      const filled = total ? Math.round((done / total) * width) : width;
      shown = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} · ${rate.toFixed(1)}/s · ${final ? `${seconds.toFixed(0)} s` : `${left} s left`}`;
      stream.write(stream.isTTY ? `\r${shown}` : `${shown}\n`);
    },
    end() {
      if (stream.isTTY && shown) stream.write('\n');
    },
  };
}
