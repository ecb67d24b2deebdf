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
 * Sizes of files by name. Built as an array beside the names: at 100k files a
 * map by name costs the ingest's thread more than the stats cost theirs, and a
 * re-run that carries its entries over only walks them.
 */
export class FileSizes {
  readonly names: readonly string[];
  private readonly sizes: Float64Array;
  private byName?: Map<string, number>;

  constructor(names: readonly string[], sizes: Float64Array) {
    this.names = names;
    this.sizes = sizes;
  }

  get(name: string): number | undefined {
    if (!this.byName) {
      this.byName = new Map();
      this.forEach((size, file) => this.byName?.set(file, size));
    }
    return this.byName.get(name);
  }

  forEach(visit: (size: number, name: string) => void): void {
    for (let i = 0; i < this.names.length; i++) visit(this.sizes[i] as number, this.names[i] as string);
  }
}

/**
 * @param prefix The folder, with its trailing separator.
 * @param names Plain file names in it.
 * @returns Each file's size in bytes, by name; -1 for one that is missing or not a plain file.
 */
export function statSizes(prefix: string, names: readonly string[]): Promise<FileSizes> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(THREAD, { eval: true, workerData: { prefix, names } });
    thread.once('message', (sizes: Float64Array) => {
      resolve(new FileSizes(names, sizes));
      void thread.terminate();
    });
    thread.once('error', reject);
  });
}
