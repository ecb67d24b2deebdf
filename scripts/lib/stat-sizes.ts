/**
 * The sizes of many files in one folder, read in a thread of their own: a
 * re-run checks every entry it owns is still on disk as written, 100k `stat`
 * calls at 100k stories, which take that thread while the ingest's own reads
 * the manifest, the ledger and the changed dumps.
 */
import { Worker } from 'node:worker_threads';

// Plain JavaScript, evaluated as the thread's code: nothing to compile or import.
const THREAD = `
const { statSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const { prefix, names } = workerData;
const sizes = new Float64Array(names.length);
for (let i = 0; i < names.length; i++) {
  let stat;
  try { stat = statSync(prefix + names[i], { throwIfNoEntry: false }); } catch { stat = undefined; }
  sizes[i] = stat && stat.isFile() ? stat.size : -1;
}
parentPort.postMessage(sizes, [sizes.buffer]);
`;

/**
 * @param prefix The folder, with its trailing separator.
 * @param names Plain file names in it.
 * @returns Each file's size in bytes, by name; -1 for one that is missing or not a plain file.
 */
export function statSizes(prefix: string, names: readonly string[]): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(THREAD, { eval: true, workerData: { prefix, names } });
    thread.once('message', (sizes: Float64Array) => {
      resolve(new Map(names.map((name, i) => [name, sizes[i] as number])));
      void thread.terminate();
    });
    thread.once('error', reject);
  });
}
