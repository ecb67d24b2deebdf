/**
 * The survey's thread (`stat-sizes.ts`): it lists the dumps when given their
 * folder, takes their sizes and times, and answers with both; then it takes
 * the owned files it is sent (those the sending thread has not claimed) and
 * answers with those whose size is not the recorded one.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { sizeOf, takeSizes } from './file-sizes-shared.ts';
import { listDumps, type DumpListing } from './list-dumps.ts';

/** What the thread is started with. */
export interface SurveyData {
  /** The owned files' folder, with its trailing separator. */
  prefix: string;
  /** The dumps to take, or the folder to list them from. */
  dumps: readonly string[] | { inDir: string; exclude: string[] };
}

/** The owned files to take: their names, or the rows of a table as stored (`RowTable.stored`). */
export type FileList = { names: readonly string[] } | { rows: { column: string; keys: readonly (number | string)[]; suffix: string } };

/** The owned files, with their recorded sizes and the counter of rows claimed, both shared with the thread that sends them (`takeSizes`). */
export type FilesToTake = FileList & { expected: Float64Array; claimed: Int32Array };

/** The thread's first answer: the listing when it made one (undefined when it could not: the caller lists and meets the error), and each dump's size and time. */
export interface SurveyedDumps {
  listing?: DumpListing;
  /** Size then time, a pair a dump, -1 and 0 for one that cannot be read. */
  times: Float64Array;
}

if (parentPort) {
  const port = parentPort;
  const { prefix, dumps } = workerData as SurveyData;
  let listing: DumpListing | undefined;
  let paths: readonly string[] = [];
  if (Array.isArray(dumps)) paths = dumps;
  else {
    try {
      const { inDir, exclude } = dumps as { inDir: string; exclude: string[] };
      listing = listDumps(inDir, exclude);
      paths = listing.dumps.map((dump) => dump.path);
    } catch {
      listing = undefined;
    }
  }
  const times = new Float64Array(paths.length * 2);
  paths.forEach((file, i) => {
    [times[2 * i], times[2 * i + 1]] = sizeOf(file, false);
  });
  const answer: SurveyedDumps = { listing, times };
  port.postMessage(answer, [times.buffer]);
  port.once('message', (files: FilesToTake) => {
    const { expected, claimed } = files;
    let names: readonly string[];
    if ('names' in files) names = files.names;
    else {
      const { column, keys, suffix } = files.rows;
      const slugs = column.split('\n');
      names = keys.map((key) => (typeof key === 'number' ? `${slugs[key]}${suffix}` : key));
    }
    const changed: number[] = [];
    takeSizes(claimed, names.length, (row) => prefix + names[row], expected, changed);
    port.postMessage(changed);
  });
}
