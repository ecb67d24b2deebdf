/**
 * What the survey's thread (`survey-thread.ts`) and the run's main thread
 * (`stat-sizes.ts`) both do with the owned files: take a file's size, and
 * share the files between them. Each claims the next batch of rows from a
 * counter in shared memory, so that the main thread, once it has nothing left
 * but to wait for the answer, takes its part of the rest.
 */
import { statSync } from 'node:fs';

/** Rows claimed at once: few enough that neither thread waits long on the other's last batch. */
const BATCH = 256;

/** A file's size and time; -1 and 0 when it is missing, cannot be read, or (with `plainFile`) is not a plain file. */
export function sizeOf(file: string, plainFile: boolean): [number, number] {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(file, { throwIfNoEntry: false });
  } catch {
    stat = undefined;
  }
  if (!stat || (plainFile && !stat.isFile())) return [-1, 0];
  return [stat.size, stat.mtimeMs];
}

/**
 * Take the rows no thread has claimed yet, a batch at a time.
 *
 * @param claimed The next row to claim, shared by the threads (`Int32Array` over a `SharedArrayBuffer`).
 * @param count The rows.
 * @param name A row's file, with its folder.
 * @param expected Each row's recorded size.
 * @param changed Given the rows whose size differs (or is unknown), and the size found: row, size, row, size…
 */
export function takeSizes(claimed: Int32Array, count: number, name: (row: number) => string, expected: Float64Array, changed: number[]): void {
  for (let from = Atomics.add(claimed, 0, BATCH); from < count; from = Atomics.add(claimed, 0, BATCH)) {
    for (let row = from; row < Math.min(from + BATCH, count); row++) {
      const [size] = sizeOf(name(row), true);
      if (size !== expected[row] || size < 0) changed.push(row, size);
    }
  }
}
