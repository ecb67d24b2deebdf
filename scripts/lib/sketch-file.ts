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
 * where it read every article's bins and computed every key from them
 * (DESIGN.md, "Running").
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
// A key's top half is its bucket and its bottom half is stored: keys are mixed hashes, spread evenly.
const BUCKETS = 2 ** 16;
const OFFSETS_BYTES = (BUCKETS + 1) * 4;
// How many records' sketches are read one by one before all of them are read at once (a re-run that plans the whole archive).
const WHOLE_AFTER = 64;

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
 * the index of their candidate keys: where each bucket starts, then the rows
 * and the keys' bottom halves, bucket by bucket.
 */
export function encodeSketches(records: Iterable<FileRecord>, generation: string): Uint8Array {
  const sketches: Uint16Array[] = [];
  for (const record of records) for (const article of record.articles) sketches.push(article.sketch);
  const count = sketches.length;
  // Every article's keys, counted by bucket, then placed.
  const keys = new Uint32Array(count * BANDS);
  const written = new Uint8Array(count);
  const starts = new Uint32Array(BUCKETS + 1);
  const scratch = new Uint32Array(BANDS);
  let pairs = 0;
  sketches.forEach((sketch, row) => {
    if (sketch.length !== BINS) return;
    const n = candidateKeysInto(sketch, scratch);
    written[row] = n;
    for (let k = 0; k < n; k++) {
      const key = scratch[k] as number;
      keys[row * BANDS + k] = key;
      starts[(key >>> 16) + 1] = (starts[(key >>> 16) + 1] as number) + 1;
    }
    pairs += n;
  });
  const indexAt = HEADER + count * BINS * 2;
  const rowsAt = indexAt + OFFSETS_BYTES;
  const bytes = new Uint8Array(rowsAt + pairs * 6);
  bytes.set(Buffer.from(`${MAGIC}${generation} `, 'latin1'));
  new DataView(bytes.buffer).setUint32(COUNT_AT, count, true);
  const bins = new Uint16Array(bytes.buffer, HEADER, count * BINS);
  const offsets = new Uint32Array(bytes.buffer, indexAt, BUCKETS + 1);
  for (let b = 1; b <= BUCKETS; b++) offsets[b] = (offsets[b - 1] as number) + (starts[b] as number);
  const next = offsets.slice(0, BUCKETS);
  const rows = new Uint32Array(bytes.buffer, rowsAt, pairs);
  const halves = new Uint16Array(bytes.buffer, rowsAt + pairs * 4, pairs);
  sketches.forEach((sketch, row) => {
    if (sketch.length !== BINS) return;
    bins.set(sketch, row * BINS);
    for (let k = row * BANDS, end = k + (written[row] as number); k < end; k++) {
      const key = keys[k] as number;
      const at = next[key >>> 16] as number;
      next[key >>> 16] = at + 1;
      rows[at] = row;
      halves[at] = key & 0xffff;
    }
  });
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
  const pairs = offsets[BUCKETS] as number;
  const rowsAt = indexAt + OFFSETS_BYTES;
  if (offsets[0] !== 0 || size !== rowsAt + pairs * 6) return undefined;
  // Rows read one record at a time, until so many have been that reading all the bins at once is cheaper.
  let reads = 0;
  let all: Uint16Array | undefined;
  return {
    count,
    bins(start, rows) {
      if (start < 0 || rows < 0 || start + rows > count) throw new RangeError(`sketch rows ${start}–${start + rows} are not in a file of ${count}`);
      if (!all && ++reads > WHOLE_AFTER) {
        const bytes = read(HEADER, count * BINS * 2);
        all = new Uint16Array(bytes.buffer, bytes.byteOffset, count * BINS);
      }
      if (all) return all.subarray(start * BINS, (start + rows) * BINS);
      const bytes = read(HEADER + start * BINS * 2, rows * BINS * 2);
      return new Uint16Array(bytes.buffer, bytes.byteOffset, rows * BINS);
    },
    rowsWithKeys(keys) {
      const found = new Set<number>();
      const buckets = new Map<number, Set<number>>();
      for (const key of keys) {
        const halvesOf = buckets.get(key >>> 16);
        if (halvesOf) halvesOf.add(key & 0xffff);
        else buckets.set(key >>> 16, new Set([key & 0xffff]));
      }
      for (const [bucket, wanted] of buckets) {
        const [from, to] = [offsets[bucket] as number, offsets[bucket + 1] as number];
        if (from === to) continue;
        const rowBytes = read(rowsAt + from * 4, (to - from) * 4);
        const halfBytes = read(rowsAt + pairs * 4 + from * 2, (to - from) * 2);
        const rows = new Uint32Array(rowBytes.buffer, rowBytes.byteOffset, to - from);
        const halves = new Uint16Array(halfBytes.buffer, halfBytes.byteOffset, to - from);
        for (let at = 0; at < rows.length; at++) if (wanted.has(halves[at] as number) && (rows[at] as number) < count) found.add(rows[at] as number);
      }
      return [...found];
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
