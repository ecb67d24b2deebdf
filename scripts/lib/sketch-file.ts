/**
 * The sketches of the manifest's articles, kept beside it in one binary file:
 * 256 bytes an article, where base64 in the JSON was 344 characters, and a
 * string to parse and another to write for each of them on every run. The
 * manifest names the file's generation, so a sketch file that is not the one
 * written with it (a run killed between the two) is never used.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { BINS } from '../../src/lib/identity/sketch.ts';
import { writeFileAtomic } from './entry-files.ts';
import type { FileRecord } from './ingest-protocol.ts';

/** File name of the sketches inside the output folder. */
export const SKETCHES_NAME = '.ingest-sketches.bin';

const MAGIC = 'clippings-sketches-1 ';
// The magic, a 16-hex-digit generation and a space, then the article count: the bins start on an even offset.
const HEADER = MAGIC.length + 17 + 4;
const EMPTY = new Uint16Array(0);

/** A new generation, for a sketch file about to be written. */
export const newGeneration = (): string => randomBytes(8).toString('hex');

/**
 * The sketch file of some dump records: every article's bins, in the order of
 * the records and their articles (a body without words has BINS zeros).
 */
export function encodeSketches(records: Iterable<FileRecord>, generation: string): Uint8Array {
  let count = 0;
  const all = [...records];
  for (const record of all) count += record.articles.length;
  const bytes = new Uint8Array(HEADER + count * BINS * 2);
  bytes.set(Buffer.from(`${MAGIC}${generation} `, 'latin1'));
  new DataView(bytes.buffer).setUint32(HEADER - 4, count, true);
  const bins = new Uint16Array(bytes.buffer, HEADER, count * BINS);
  let at = 0;
  for (const record of all) {
    for (const article of record.articles) {
      if (article.sketch.length === BINS) bins.set(article.sketch, at);
      at += BINS;
    }
  }
  return bytes;
}

/** Write the sketch file of an output folder. */
export function saveSketches(file: string, records: Iterable<FileRecord>, generation: string): void {
  writeFileAtomic(file, encodeSketches(records, generation));
}

/**
 * Give each article of the records its sketch from a sketch file.
 *
 * @param bytes The file's bytes.
 * @param generation The generation the manifest names.
 * @param records The manifest's records, in its order; their articles' `sketch` is set.
 * @returns false, setting nothing, when the file is not the manifest's.
 */
export function decodeSketches(bytes: Uint8Array, generation: string, records: readonly FileRecord[]): boolean {
  if (bytes.length < HEADER || Buffer.from(bytes.subarray(0, HEADER - 4)).toString('latin1') !== `${MAGIC}${generation} `) return false;
  let count = 0;
  for (const record of records) count += record.articles.length;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  if (view.getUint32(HEADER - 4, true) !== count || bytes.length !== HEADER + count * BINS * 2) return false;
  // A typed array needs an aligned start: copy when the read buffer has none.
  const aligned = bytes.byteOffset % 2 === 0 ? bytes : new Uint8Array(bytes);
  const bins = new Uint16Array(aligned.buffer, aligned.byteOffset + HEADER, count * BINS);
  let at = 0;
  for (const record of records) {
    for (const article of record.articles) {
      article.sketch = article.shingles > 0 ? bins.subarray(at, at + BINS) : EMPTY;
      at += BINS;
    }
  }
  return true;
}

/** Read a sketch file into the records (see `decodeSketches`); false when it is missing or not theirs. */
export function loadSketches(file: string, generation: string, records: readonly FileRecord[]): boolean {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return false;
  }
  // Whatever is wrong with the file costs the cache, never the run.
  try {
    return decodeSketches(bytes, generation, records);
  } catch {
    return false;
  }
}
