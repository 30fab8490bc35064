/**
 * A progress bar for terminals (stderr); silent when stderr is not a TTY.
 */

export function progressBar(label: string): { update(done: number, total: number, item: string): void; end(): void } {
  const tty = process.stderr.isTTY === true;
  let last = 0;
  return {
    update(done, total, item) {
      if (!tty) return;
      const now = Date.now();
      if (done !== total && now - last < 80) return;
      last = now;
      const width = 30;
      const filled = total ? Math.round((done / total) * width) : width;
      const cols = process.stderr.columns ?? 100;
      const line = `${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${item}`;
      process.stderr.write(`\r${line.slice(0, cols - 1).padEnd(cols - 1)}`);
    },
    end() {
      if (tty) process.stderr.write(`\r${' '.repeat((process.stderr.columns ?? 100) - 1)}\r`);
    },
  };
}
