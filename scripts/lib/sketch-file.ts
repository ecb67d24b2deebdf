/**
 * The sketches of the manifest's articles, kept beside it in one binary file:
 * 256 bytes an article, where base64 in the JSON was 344 characters, and a
 * string to parse and another to write for each of them on every run. The
 * manifest names the file's generation, so a sketch file that is not the one
 * written with it (a run killed between the two) is never used.
 *
 * After the bins comes an index of every article's candidate keys
 * (`candidateKeysInto`), in buckets by key. A re-run that read one dump asks
 * it which rows share a band with the articles it read, and reads those
 * buckets and the sketches of the stories it plans again, a few kilobytes,
 * where reading the 25 MB of bins at 100k stories and computing 3.2M keys
 * from them was a third of its time (DESIGN.md, "Running").
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { BANDS, BINS, candidateKeysInto } from '../../src/lib/identity/sketch.ts';
import { writeFileAtomic } from './entry-files.ts';
import type { FileRecord } from './ingest-protocol.ts';

/** File name of the sketches inside the output folder. */
export const SKETCHES_NAME = '.ingest-sketches.bin';

const MAGIC = 'clippings-sketches-2 ';
// The magic, a 16-hex-digit generation and a space, the article count, then padding: the bins and the index start 4-aligned.
const HEADER = 48;
const COUNT_AT = 40;
// Keys are mixed hashes: their top bits spread them evenly.
const BUCKET_BITS = 14;
const BUCKETS = 2 ** BUCKET_BITS;
const OFFSETS_BYTES = (BUCKETS + 1) * 4;

/** A new generation, for a sketch file about to be written. */
export const newGeneration = (): string => randomBytes(8).toString('hex');

/** The sketches of a sketch file, read as they are asked for. */
export interface SketchTable {
  /** How many articles. */
  readonly count: number;
  /** The bins of rows `start` to `start + count` (zeros for a body without words). */
  bins(start: number, count: number): Uint16Array;
  /** The rows whose sketch has any of these candidate keys, each once, in no order. */
  rowsWithKeys(keys: ReadonlySet<number>): number[];
}

/**
 * The sketch file of some dump records: every article's bins, in the order of
 * the records and their articles (a body without words has BINS zeros), then
 * the index of their candidate keys.
 */
export function encodeSketches(records: Iterable<FileRecord>, generation: string): Uint8Array {
  let count = 0;
  const all = [...records];
  for (const record of all) count += record.articles.length;
  // Every article's keys, once to count them by bucket and once to place them.
  const keys = new Uint32Array(count * BANDS);
  const keyed = new Uint8Array(count);
  const scratch = new Uint32Array(BANDS);
  const sizes = new Uint32Array(BUCKETS + 1);
  let row = 0;
  let pairs = 0;
  for (const record of all) {
    for (const article of record.articles) {
      if (article.sketch.length === BINS) {
        const written = candidateKeysInto(article.sketch, scratch);
        keyed[row] = written;
        for (let k = 0; k < written; k++) {
          const key = scratch[k] as number;
          keys[row * BANDS + k] = key;
          const bucket = (key >>> (32 - BUCKET_BITS)) + 1;
          sizes[bucket] = (sizes[bucket] as number) + 1;
        }
        pairs += written;
      }
      row++;
    }
  }
  const indexAt = HEADER + count * BINS * 2;
  const bytes = new Uint8Array(indexAt + OFFSETS_BYTES + pairs * 8);
  bytes.set(Buffer.from(`${MAGIC}${generation} `, 'latin1'));
  new DataView(bytes.buffer).setUint32(COUNT_AT, count, true);
  const bins = new Uint16Array(bytes.buffer, HEADER, count * BINS);
  row = 0;
  for (const record of all) {
    for (const article of record.articles) {
      if (article.sketch.length === BINS) bins.set(article.sketch, row * BINS);
      row++;
    }
  }
  const offsets = new Uint32Array(bytes.buffer, indexAt, BUCKETS + 1);
  for (let b = 1; b <= BUCKETS; b++) offsets[b] = (offsets[b - 1] as number) + (sizes[b] as number);
  const next = offsets.slice(0, BUCKETS);
  const index = new Uint32Array(bytes.buffer, indexAt + OFFSETS_BYTES, pairs * 2);
  for (row = 0; row < count; row++) {
    for (let k = 0; k < (keyed[row] as number); k++) {
      const key = keys[row * BANDS + k] as number;
      const bucket = key >>> (32 - BUCKET_BITS);
      const at = next[bucket] as number;
      next[bucket] = at + 1;
      index[at * 2] = key;
      index[at * 2 + 1] = row;
    }
  }
  return bytes;
}

/** Write the sketch file of an output folder. */
export function saveSketches(file: string, records: Iterable<FileRecord>, generation: string): void {
  writeFileAtomic(file, encodeSketches(records, generation));
}

/**
 * A sketch table over bytes read on demand.
 *
 * @param read Gives `length` bytes from `offset`, in a buffer of their own (aligned).
 * @param size The bytes there are.
 * @returns undefined when they are not a sketch file of that generation and article count.
 */
function sketchTable(read: (offset: number, length: number) => Uint8Array, size: number, generation: string, count: number): SketchTable | undefined {
  const indexAt = HEADER + count * BINS * 2;
  if (size < indexAt + OFFSETS_BYTES) return undefined;
  const header = read(0, HEADER);
  if (Buffer.from(header.subarray(0, COUNT_AT - 2)).toString('latin1') !== `${MAGIC}${generation} `) return undefined;
  if (new DataView(header.buffer, header.byteOffset, HEADER).getUint32(COUNT_AT, true) !== count) return undefined;
  const offsetBytes = read(indexAt, OFFSETS_BYTES);
  const offsets = new Uint32Array(offsetBytes.buffer, offsetBytes.byteOffset, BUCKETS + 1);
  for (let b = 0; b < BUCKETS; b++) if ((offsets[b] as number) > (offsets[b + 1] as number)) return undefined;
  const pairsAt = indexAt + OFFSETS_BYTES;
  if (offsets[0] !== 0 || size !== pairsAt + (offsets[BUCKETS] as number) * 8) return undefined;
  return {
    count,
    bins(start, rows) {
      if (start < 0 || rows < 0 || start + rows > count) throw new RangeError(`sketch rows ${start}–${start + rows} are not in a file of ${count}`);
      const bytes = read(HEADER + start * BINS * 2, rows * BINS * 2);
      return new Uint16Array(bytes.buffer, bytes.byteOffset, rows * BINS);
    },
    rowsWithKeys(keys) {
      const rows = new Set<number>();
      const buckets = new Set<number>();
      for (const key of keys) buckets.add(key >>> (32 - BUCKET_BITS));
      for (const bucket of buckets) {
        const [from, to] = [offsets[bucket] as number, offsets[bucket + 1] as number];
        if (from === to) continue;
        const bytes = read(pairsAt + from * 8, (to - from) * 8);
        const pairs = new Uint32Array(bytes.buffer, bytes.byteOffset, (to - from) * 2);
        for (let at = 0; at < pairs.length; at += 2) {
          if (keys.has(pairs[at] as number) && (pairs[at + 1] as number) < count) rows.add(pairs[at + 1] as number);
        }
      }
      return [...rows];
    },
  };
}

/**
 * The sketch table of a sketch file's bytes, held whole (a manifest delta's).
 *
 * @param generation The generation the manifest names.
 * @param count How many articles the manifest holds.
 * @returns undefined when the bytes are not that manifest's sketch file.
 */
export function decodeSketches(bytes: Uint8Array, generation: string, count: number): SketchTable | undefined {
  // Typed arrays need aligned starts: copy when the bytes have none.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  return sketchTable((offset, length) => aligned.subarray(offset, offset + length), aligned.length, generation, count);
}

/**
 * The sketch table of a sketch file, read piece by piece as it is asked for.
 * Each read checks that the file is still the one opened (a run that writes
 * its manifest whole writes a new sketch file, under a new generation).
 *
 * @returns undefined when the file is missing or not the manifest's.
 */
export function loadSketches(file: string, generation: string, count: number): SketchTable | undefined {
  let opened: { ino: number; size: number; mtimeMs: number };
  try {
    const fd = openSync(file, 'r');
    try {
      opened = fstatSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const read = (offset: number, length: number): Uint8Array => {
    const bytes = new Uint8Array(length);
    const fd = openSync(file, 'r');
    try {
      const now = fstatSync(fd);
      if (now.ino !== opened.ino || now.size !== opened.size || now.mtimeMs !== opened.mtimeMs) throw new Error(`${file} changed while the ingest read it`);
      for (let done = 0; done < length; ) {
        const got = readSync(fd, bytes, done, length - done, offset + done);
        if (got === 0) throw new Error(`${file} ends before byte ${offset + length}`);
        done += got;
      }
    } finally {
      closeSync(fd);
    }
    return bytes;
  };
  // Whatever is wrong with the file costs the cache, never the run.
  try {
    return sketchTable(read, opened.size, generation, count);
  } catch {
    return undefined;
  }
}
