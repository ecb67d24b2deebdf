/**
 * The sizes and times of the dumps, and the owned files whose size on disk is
 * not the one recorded, found in a thread of their own: a re-run compares
 * every dump with its record and checks every entry it owns is still on disk
 * as written, 10k and 100k `stat` calls at 100k stories (about 0.1 and 0.5 s
 * of this machine's kernel time). The thread starts before the manifest is
 * read and takes the dumps while this thread reads it; given the recorded
 * files, it takes them while this thread reads the ledger and plans, and
 * answers with the few whose size differs: a size per name back in this
 * thread, as a map, cost more than the stats. (Listing the folder at the start
 * instead, to take the entries before the manifest names them, cost more CPU
 * than it saved waiting, on two cores both busy: DESIGN.md, "Running".)
 */
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

// Plain JavaScript, evaluated as the thread's code: nothing to compile or import.
const THREAD = `
const { statSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const { prefix, dumps } = workerData;
const times = new Float64Array(dumps.length * 2);
for (let i = 0; i < dumps.length; i++) {
  let stat;
  try { stat = statSync(dumps[i], { throwIfNoEntry: false }); } catch { stat = undefined; }
  times[2 * i] = stat ? stat.size : -1;
  times[2 * i + 1] = stat ? stat.mtimeMs : 0;
}
parentPort.postMessage(times, [times.buffer]);
parentPort.once('message', ({ names, expected }) => {
  const changed = [];
  for (let i = 0; i < names.length; i++) {
    let stat;
    try { stat = statSync(prefix + names[i], { throwIfNoEntry: false }); } catch { stat = undefined; }
    const size = stat && stat.isFile() ? stat.size : -1;
    if (size !== expected[i] || size < 0) changed.push(i, size);
  }
  parentPort.postMessage(changed);
});
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

  /**
   * Take some files again, in this thread, against their records as they are
   * now: the rows a manifest delta changed after the survey was given the records.
   *
   * @param prefix The folder, with its trailing separator.
   */
  retaken(prefix: string, names: Iterable<string>): FileSizes {
    const changed = new Map(this.changed);
    for (const name of names) {
      changed.delete(name);
      const recorded = this.recorded.get(name);
      if (!recorded) continue;
      let size = -1;
      try {
        const stat = statSync(prefix + name, { throwIfNoEntry: false });
        if (stat?.isFile()) size = stat.size;
      } catch {}
      if (size !== recorded.size || size < 0) changed.set(name, size);
    }
    return new FileSizes(this.recorded, changed);
  }
}

/** A file's size and modification time (-1 and 0 when it cannot be read). */
export interface SizeAndTime {
  size: number;
  mtimeMs: number;
}

/** A survey of a folder's files under way: compare it with the records once they are read, or stop it. */
export interface SizeSurvey {
  /** The dumps' sizes and times, in the order given. */
  dumps: Promise<SizeAndTime[]>;
  /** @param recorded Plain file names in the folder, with the size each should have. */
  compare(recorded: ReadonlyMap<string, Recorded>): Promise<FileSizes>;
  /** End the thread (after `compare` settles, or instead of it). */
  stop(): void;
}

/**
 * Start taking the size and time of some dumps; the files of a folder are taken when compared.
 *
 * @param prefix The folder, with its trailing separator.
 * @param dumps The dumps' paths.
 */
export function surveySizes(prefix: string, dumps: readonly string[] = []): SizeSurvey {
  const thread = new Worker(THREAD, { eval: true, workerData: { prefix, dumps } });
  let comparing = false;
  const failed = new Promise<never>((_, reject) => thread.once('error', reject));
  failed.catch(() => {});
  const times = new Promise<SizeAndTime[]>((resolve) => {
    thread.once('message', (found: Float64Array) => {
      const all: SizeAndTime[] = [];
      for (let i = 0; i < found.length; i += 2) all.push({ size: found[i] as number, mtimeMs: found[i + 1] as number });
      resolve(all);
      // Waiting for `compare`, the thread must not keep a run that never calls it alive.
      if (!comparing) thread.unref();
    });
  });
  return {
    dumps: Promise.race([times, failed]),
    compare(recorded) {
      const names = [...recorded.keys()];
      const expected = new Float64Array(names.length);
      let i = 0;
      recorded.forEach((file) => {
        expected[i++] = file.size;
      });
      const answer = new Promise<FileSizes>((resolve) => {
        // The dumps' message comes first: its listener is set when the thread starts.
        thread.on('message', (found: Float64Array | number[]) => {
          if (!Array.isArray(found)) return;
          const changed = new Map<string, number>();
          for (let at = 0; at < found.length; at += 2) changed.set(names[found[at] as number] as string, found[at + 1] as number);
          resolve(new FileSizes(recorded, changed));
        });
      });
      comparing = true;
      thread.ref();
      thread.postMessage({ names, expected }, [expected.buffer]);
      return Promise.race([answer, failed]).finally(() => void thread.terminate());
    },
    stop() {
      void thread.terminate();
    },
  };
}
