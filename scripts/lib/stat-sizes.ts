/**
 * The owned files whose size on disk is not the one recorded, found in a
 * thread of their own: a re-run checks every entry it owns is still on disk
 * as written, 100k `stat` calls at 100k stories, which take that thread while
 * the ingest's own reads the manifest, the ledger and the changed dumps. The
 * thread compares each size too, and answers with the few that differ: a
 * size per name back in this thread, as a map, cost more than the stats.
 */
import { Worker } from 'node:worker_threads';

// Plain JavaScript, evaluated as the thread's code: nothing to compile or import.
const THREAD = `
const { statSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const { prefix, names, expected } = workerData;
const changed = [];
for (let i = 0; i < names.length; i++) {
  let stat;
  try { stat = statSync(prefix + names[i], { throwIfNoEntry: false }); } catch { stat = undefined; }
  const size = stat && stat.isFile() ? stat.size : -1;
  if (size !== expected[i] || size < 0) changed.push(i, size);
}
parentPort.postMessage(changed);
`;

/** What the ingest recorded of a file. */
interface Recorded {
  size: number;
}

/** The sizes of the owned files, as compared with their records. */
export class FileSizes {
  /** The files whose size is not the recorded one (or is unknown), and their size on disk (-1: missing or not a plain file). */
  readonly changed: ReadonlyMap<string, number>;
  private readonly recorded: ReadonlyMap<string, Recorded>;

  constructor(recorded: ReadonlyMap<string, Recorded>, changed: ReadonlyMap<string, number>) {
    this.recorded = recorded;
    this.changed = changed;
  }

  /** A file's size on disk, for a file among those checked. */
  get(name: string): number | undefined {
    return this.changed.get(name) ?? this.recorded.get(name)?.size;
  }
}

/**
 * @param prefix The folder, with its trailing separator.
 * @param recorded Plain file names in it, with the size each should have.
 */
export function statSizes(prefix: string, recorded: ReadonlyMap<string, Recorded>): Promise<FileSizes> {
  const names = [...recorded.keys()];
  const expected = new Float64Array(names.length);
  let i = 0;
  recorded.forEach((file) => {
    expected[i++] = file.size;
  });
  return new Promise((resolve, reject) => {
    const thread = new Worker(THREAD, { eval: true, workerData: { prefix, names, expected } });
    thread.once('message', (found: number[]) => {
      const changed = new Map<string, number>();
      for (let at = 0; at < found.length; at += 2) changed.set(names[found[at] as number] as string, found[at + 1] as number);
      resolve(new FileSizes(recorded, changed));
      void thread.terminate();
    });
    thread.once('error', reject);
  });
}
