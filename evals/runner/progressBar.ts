// Progress on stderr: a redrawn bar when stderr is a terminal, otherwise one
// line every 25 questions so that CI logs stay readable.
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

export interface Progress {
  /** One more question done. */
  tick(label?: string): void;
  /** Clears the bar (TTY) or prints the final count. */
  done(): void;
}

export const LINE_EVERY = 25;

export function createProgress(total: number, stream: ProgressStream = process.stderr, now: () => number = () => performance.now()): Progress {
  const t0 = now();
  let count = 0;
  const elapsed = () => `${((now() - t0) / 1000).toFixed(1)} s`;
  if (stream.isTTY) {
    const draw = (label: string) => {
      const cols = Math.max(60, stream.columns || 80);
      const width = Math.max(10, Math.min(30, cols - 50));
      const filled = total ? Math.round((count / total) * width) : width;
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const line = `${bar} ${count}/${total} ${elapsed()} ${label}`;
      stream.write(`\r${line.slice(0, cols - 1)}\x1b[K`);
    };
    draw('');
    return {
      tick(label = '') {
        count++;
        draw(label);
      },
      done() {
        stream.write('\r\x1b[K');
      },
    };
  }
  return {
    tick() {
      count++;
      if (count % LINE_EVERY === 0 && count < total) stream.write(`eval: ${count}/${total} questions (${elapsed()})\n`);
    },
    done() {
      stream.write(`eval: ${count}/${total} questions (${elapsed()})\n`);
    },
  };
}
