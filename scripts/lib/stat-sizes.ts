/**
 * The sizes and times of the dumps, and the owned files whose size on disk is
 * not the one recorded, found in a thread of their own: a re-run compares
 * every dump with its record and checks every entry it owns is still on disk
 * as written, 10k and 100k `stat` calls at 100k stories (about 0.1 and 0.5 s
 * of this machine's kernel time). The thread starts before the manifest is
 * read, and lists the dumps and takes them while this thread reads it (the
 * 10k-file walk showed in a one-dump re-run); given the recorded files,
 * it takes them while this thread reads the ledger and plans, and answers
 * with the few whose size differs: a size per name back in this thread, as a
 * map, cost more than the stats. Once this thread has planned, it takes its
 * share of the files left (`help`) rather than wait. (Listing the output folder at the start
 * instead, to take the entries before the manifest names them, cost more CPU
 * than it saved waiting, on two cores both busy: DESIGN.md, "Running".)
 */
import { Worker } from 'node:worker_threads';
import type { DumpListing } from './list-dumps.ts';
import { RowTable, type Table } from './row-table.ts';
import { sizeOf, takeSizes } from './file-sizes-shared.ts';
import type { FileList, SurveyData, SurveyedDumps } from './survey-thread.ts';

const THREAD = new URL('./survey-thread.ts', import.meta.url);

/** What the ingest recorded of a file. */
interface Recorded {
  size: number;
}

/** The sizes of the owned files, as compared with their records. */
export class FileSizes {
  /** The files whose size is not the recorded one (or is unknown), and their size on disk (-1: missing or not a plain file). */
  readonly changed: ReadonlyMap<string, number>;
  private readonly recorded: Pick<Table<Recorded>, 'get'>;

  constructor(recorded: Pick<Table<Recorded>, 'get'>, changed: ReadonlyMap<string, number>) {
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
      const [size] = sizeOf(prefix + name, true);
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

/** The dumps as the survey found them. */
export interface SurveyedListing {
  /** The listing, when the survey was given the folder and could list it. */
  listing?: DumpListing;
  /** Each dump's size and time, in the listing's order or the order given. */
  times: SizeAndTime[];
}

/** A survey of a folder's files under way: compare it with the records once they are read, or stop it. */
export interface SizeSurvey {
  dumps: Promise<SurveyedListing>;
  /** @param recorded Plain file names in the folder, with the size each should have. */
  compare(recorded: Table<Recorded>): Promise<FileSizes>;
  /**
   * Take in this thread the files of `compare` the survey's thread has not
   * reached yet: for a caller with nothing left to do but wait for them.
   */
  help(): void;
  /** End the thread (after `compare` settles, or instead of it). */
  stop(): void;
}

/**
 * Start taking the size and time of some dumps (listing them first, when
 * given their folder); the files of a folder are taken when compared.
 *
 * @param prefix The folder, with its trailing separator.
 * @param dumps The dumps' paths, or their folder and the folders not to walk into (`listDumps`).
 * @param env The thread's environment (Node's compile cache, say).
 */
export function surveySizes(prefix: string, dumps: SurveyData['dumps'] = [], env?: NodeJS.ProcessEnv): SizeSurvey {
  const workerData: SurveyData = { prefix, dumps };
  const thread = new Worker(THREAD, { workerData, ...(env ? { env } : {}) });
  let comparing = false;
  let help = () => {};
  const failed = new Promise<never>((_, reject) => thread.once('error', reject));
  failed.catch(() => {});
  const times = new Promise<SurveyedListing>((resolve) => {
    thread.once('message', ({ listing, times: found }: SurveyedDumps) => {
      const all: SizeAndTime[] = [];
      for (let i = 0; i < found.length; i += 2) all.push({ size: found[i] as number, mtimeMs: found[i + 1] as number });
      resolve(listing ? { listing, times: all } : { times: all });
      // Waiting for `compare`, the thread must not keep a run that never calls it alive.
      if (!comparing) thread.unref();
    });
  });
  return {
    dumps: Promise.race([times, failed]),
    compare(recorded) {
      // A table as the manifest stored it goes as its rows, for the thread to name: 100k names made and copied here cost more than the stats.
      const rows = recorded instanceof RowTable ? recorded.stored() : undefined;
      let files: FileList;
      let nameOf: (i: number) => string;
      let expected: Float64Array;
      if (rows && recorded instanceof RowTable) {
        files = { rows };
        nameOf = (i) => recorded.keyAt(i);
        expected = new Float64Array(new SharedArrayBuffer(8 * rows.keys.length));
        for (let i = 0; i < expected.length; i++) expected[i] = recorded.valueAt(i).size;
      } else {
        const names = [...recorded.keys()];
        files = { names };
        nameOf = (i) => names[i] as string;
        expected = new Float64Array(new SharedArrayBuffer(8 * names.length));
        let i = 0;
        recorded.forEach((file) => {
          expected[i++] = file.size;
        });
      }
      const claimed = new Int32Array(new SharedArrayBuffer(4));
      // The rows this thread took: `help` runs to its end before the thread's answer is read.
      const here: number[] = [];
      help = () => takeSizes(claimed, expected.length, (row) => prefix + nameOf(row), expected, here);
      const answer = new Promise<FileSizes>((resolve) => {
        // The dumps' message comes first: its listener is set when the thread starts.
        thread.on('message', (found: SurveyedDumps | number[]) => {
          if (!Array.isArray(found)) return;
          const pairs: [number, number][] = [];
          for (const rows of [found, here]) for (let at = 0; at < rows.length; at += 2) pairs.push([rows[at] as number, rows[at + 1] as number]);
          const changed = new Map(pairs.sort((a, b) => a[0] - b[0]).map(([row, size]) => [nameOf(row), size]));
          resolve(new FileSizes(recorded, changed));
        });
      });
      comparing = true;
      thread.ref();
      thread.postMessage({ ...files, expected, claimed });
      return Promise.race([answer, failed]).finally(() => void thread.terminate());
    },
    help: () => help(),
    stop() {
      void thread.terminate();
    },
  };
}
