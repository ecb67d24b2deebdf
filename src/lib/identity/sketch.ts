/**
 * A story's text fingerprint for near-duplicate detection: a one-permutation
 * MinHash of its body's word 3-shingles. Computed once per article (in the
 * ingest's workers) and kept in the manifest, so a re-run compares a changed
 * dump's stories with the whole archive without reading the other dumps.
 */
import { scanWords } from './word-hashes.ts';

/** Bins of the one-permutation MinHash: the estimate's resolution is 1/BINS. */
export const BINS = 128;
/** Words per shingle. */
export const SHINGLE = 3;
const BIN_BITS = 7;
/** The value of a bin no shingle fell in. */
const EMPTY = 0xffff;

/** What the identity checks know of one article's text. */
export interface TextSketch {
  /** Each bin's minimum, 16 bits; empty for a body without words. */
  sketch: Uint16Array;
  /** Distinct shingles in the body (the set size, for containment). */
  shingles: number;
  /** How many words a reader counts in the body (`countWords`), found in the same pass. */
  words: number;
}

/**
 * A set of 32-bit hashes, reused from one body to the next: every article of
 * every run is sketched, and a `Set` of numbers costs more than the rest of
 * the sketch. Open addressing over typed arrays; a stamp per slot marks the
 * slots of the current body, so nothing is cleared between bodies.
 */
class HashSet32 {
  private keys = new Int32Array(0);
  private stamps = new Uint32Array(0);
  private stamp = 0;
  private mask = 0;

  /** Empty the set, with room for `size` hashes. */
  reset(size: number): this {
    if (this.keys.length < size * 2 || this.stamp === 0xffffffff) {
      const slots = 2 ** Math.ceil(Math.log2(Math.max(64, size * 2)));
      this.keys = new Int32Array(slots);
      this.stamps = new Uint32Array(slots);
      this.mask = slots - 1;
      this.stamp = 0;
    }
    this.stamp++;
    return this;
  }

  /** @returns Whether the hash was new. */
  add(hash: number): boolean {
    const { keys, stamps, stamp, mask } = this;
    let slot = hash & mask;
    while (stamps[slot] === stamp) {
      if (keys[slot] === hash) return false;
      slot = (slot + 1) & mask;
    }
    stamps[slot] = stamp;
    keys[slot] = hash;
    return true;
  }
}

const shared = new HashSet32();
const shingleSet = (size: number) => shared.reset(size);

/** MurmurHash3's finalizer: spreads every input bit over the output (as a signed 32-bit integer; only the bits count). */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const minima = new Uint32Array(BINS);

/**
 * Sketch a body.
 *
 * @param paragraphs The body's text blocks (paragraphs and headings; captions
 *   are left out, so a corrected caption or credit does not count).
 */
export function sketchText(paragraphs: readonly string[]): TextSketch {
  // Punctuation, case, spacing and paragraph breaks are not part of a story's identity.
  const { hashes: words, length, readerWords } = scanWords(paragraphs.join(' '));
  if (length === 0) return { sketch: new Uint16Array(0), shingles: 0, words: readerWords };
  const seen = shingleSet(length);
  minima.fill(0xffffffff);
  let distinct = 0;
  const add = (h: number) => {
    if (!seen.add(h)) return;
    distinct++;
    const bin = h >>> (32 - BIN_BITS);
    const value = h & ((1 << (32 - BIN_BITS)) - 1);
    if (value < (minima[bin] as number)) minima[bin] = value;
  };
  // A shingle's hash is mix((…mix((0 ^ w₀) + 0) ^ w₁) + 1 …): its first step
  // depends on one word, so it is taken once a word, as the window moves on.
  if (length < SHINGLE) {
    let h = mix(words[0] as number);
    for (let k = 1; k < length; k++) h = mix(((h ^ (words[k] as number)) + k) | 0);
    add(h);
  } else {
    let first = mix(words[0] as number);
    let second = words[1] as number;
    for (let i = SHINGLE - 1; i < length; i++) {
      const third = words[i] as number;
      add(mix(((mix(((first ^ second) + 1) | 0) ^ third) + 2) | 0));
      first = mix(second);
      second = third;
    }
  }
  // The top 16 of each minimum's 25 bits: values keep their order, so where
  // one body's value is below the other's, that bin's minimum is a shingle only
  // it has (`compareSketches`). An empty bin (a short body) holds EMPTY, above
  // every value, which keeps that true.
  const values = new Uint16Array(BINS);
  for (let bin = 0; bin < BINS; bin++) {
    values[bin] = minima[bin] === 0xffffffff ? EMPTY : Math.min(EMPTY - 1, (minima[bin] as number) >>> (32 - BIN_BITS - 16));
  }
  return { sketch: values, shingles: distinct, words: readerWords };
}

/** How two sketches compare, bin by bin. */
export interface SketchComparison {
  /** Share of bins that agree: the MinHash estimate of the Jaccard similarity. */
  jaccard: number;
  /** Share of bins where the first body's minimum is lower: about |A \\ B| / |A ∪ B|. */
  onlyFirst: number;
  /** The same for the second body. */
  onlySecond: number;
}

/**
 * Compare two bodies' sketches.
 *
 * @returns All zero when either body has no words.
 */
export function compareSketches(a: Uint16Array, b: Uint16Array): SketchComparison {
  if (a.length !== BINS || b.length !== BINS) return { jaccard: 0, onlyFirst: 0, onlySecond: 0 };
  // Bins empty in both bodies say nothing (one-permutation MinHash without densification).
  let used = 0;
  let same = 0;
  let first = 0;
  for (let i = 0; i < BINS; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x === EMPTY && y === EMPTY) continue;
    used++;
    if (x === y) same++;
    else if (x < y) first++;
  }
  if (used === 0) return { jaccard: 0, onlyFirst: 0, onlySecond: 0 };
  return { jaccard: same / used, onlyFirst: first / used, onlySecond: (used - same - first) / used };
}

/** Rows a band: two bodies become candidates when all rows of one band agree. */
export const BAND_ROWS = 4;

export const BANDS = BINS / BAND_ROWS;

/**
 * Locality-sensitive keys of a sketch: one 32-bit number per band of
 * BAND_ROWS bins. Bodies with Jaccard similarity s share a key with
 * probability 1 − (1 − s⁴)³²: 0.87 at 0.5, 0.99 at 0.6, about 10⁻⁶ for unrelated text.
 */
export function bandKeys(values: Uint16Array): number[] {
  if (values.length !== BINS) return [];
  return [...bandKeysInto(values, new Uint32Array(BANDS))];
}

/** `bandKeys`, written into `keys` (BANDS long), for loops over a whole archive. */
export function bandKeysInto(values: Uint16Array, keys: Uint32Array): Uint32Array {
  for (let band = 0; band < BANDS; band++) {
    const at = band * BAND_ROWS;
    let h = at + 1;
    for (let k = 0; k < BAND_ROWS; k++) h = mix(h ^ ((values[at + k] as number) * (k + 1)));
    keys[band] = h;
  }
  return keys;
}

/**
 * The band keys of a sketch but those of bands whose bins are all empty: a
 * short body has many such bands, the same in every short body, and they say
 * nothing of its text, so two bodies are not candidates through them.
 *
 * @param keys BANDS long; the keys are written at its start.
 * @param from Where the sketch starts in `values` (a column of many sketches).
 * @returns How many keys were written.
 */
export function candidateKeysInto(values: Uint16Array, keys: Uint32Array, from = 0): number {
  let count = 0;
  for (let band = 0; band < BANDS; band++) {
    const at = from + band * BAND_ROWS;
    let h = band * BAND_ROWS + 1;
    let empty = true;
    for (let k = 0; k < BAND_ROWS; k++) {
      const value = values[at + k] as number;
      if (value !== EMPTY) empty = false;
      h = mix(h ^ (value * (k + 1)));
    }
    if (!empty) keys[count++] = h;
  }
  return count;
}

/**
 * The rows whose sketch has any of these candidate keys, found by reading
 * every sketch: what the ingest's index of them (`scripts/lib/sketch-file.ts`)
 * answers, and what it is tested against.
 *
 * @param sketches One a row, empty for a body without words.
 */
export function rowsWithCandidateKeys(sketches: readonly Uint16Array[], keys: ReadonlySet<number>): number[] {
  const rows: number[] = [];
  const scratch = new Uint32Array(BANDS);
  sketches.forEach((sketch, row) => {
    if (sketch.length === 0) return;
    for (let k = 0, written = candidateKeysInto(sketch, scratch); k < written; k++) {
      if (keys.has(scratch[k] as number)) {
        rows.push(row);
        return;
      }
    }
  });
  return rows;
}
