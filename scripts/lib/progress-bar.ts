/**
 * A one-line progress bar for long runs, drawn only on a terminal.
 */

/** What the ingest calls as it works. */
export interface ProgressBar {
  update: (phase: string, done: number, total: number) => void;
  done: () => void;
}

const WIDTH = 30;
// Redraw at most this often: a bar is for people, not for every file.
const INTERVAL_MS = 100;

/**
 * @param stream Where to draw (stderr, so piped output stays clean).
 * @returns A bar, silent when the stream is not a terminal.
 */
export function createProgressBar(stream: NodeJS.WriteStream): ProgressBar {
  let last = 0;
  let drawn = false;
  return {
    update(phase, done, total) {
      if (!stream.isTTY || total === 0) return;
      const now = Date.now();
      if (done < total && now - last < INTERVAL_MS) return;
      last = now;
      const filled = Math.round((done / total) * WIDTH);
      stream.write(`\r${phase.padEnd(5)} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total}`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
