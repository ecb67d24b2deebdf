/**
 * A ledger this ingest wrote, read in place: its text is sorted as
 * `serializeLedger` writes it, so a URL or a text is found by bisecting its
 * lines, and who owns which URL by an index of the lines' story ids. A re-run
 * asks about a few dozen stories of 100k, and two maps of every line were most
 * of its ledger's time (DESIGN.md, "Running").
 */
import type { Ledger, Owners } from './ledger.ts';

/** Where each line of a text starts, from `from` on (every line ends with a line feed), and the text's length last. */
function lineStarts(text: string, from: number): Int32Array {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  const starts = new Int32Array(count + 1);
  for (let line = 0, at = from; line <= count; line++) {
    starts[line] = at;
    at = text.indexOf('\n', at) + 1;
  }
  return starts;
}

/** One kind of line ("url" or "text") of a ledger's text: key → story id, as a read-only map. */
export class LedgerLines implements ReadonlyMap<string, string> {
  readonly #text: string;
  readonly #starts: Int32Array;
  readonly #first: number;
  readonly #end: number;
  /** Characters before a line's key: "url " or "text ". */
  readonly #skip: number;
  #owners: LineOwners | undefined;

  constructor(text: string, starts: Int32Array, first: number, end: number, kind: 'url' | 'text') {
    this.#text = text;
    this.#starts = starts;
    this.#first = first;
    this.#end = end;
    this.#skip = kind.length + 1;
  }

  get size(): number {
    return this.#end - this.#first;
  }

  #keyEnd(line: number): number {
    return this.#text.indexOf(' ', (this.#starts[line] as number) + this.#skip);
  }

  #key(line: number): string {
    return this.#text.slice((this.#starts[line] as number) + this.#skip, this.#keyEnd(line));
  }

  #value(line: number): string {
    return this.#text.slice(this.#keyEnd(line) + 1, (this.#starts[line + 1] as number) - 1);
  }

  #lineOf(key: string): number {
    let [low, high] = [this.#first, this.#end];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#key(middle) < key) low = middle + 1;
      else high = middle;
    }
    return low < this.#end && this.#key(low) === key ? low : -1;
  }

  get(key: string): string | undefined {
    const line = this.#lineOf(key);
    return line === -1 ? undefined : this.#value(line);
  }

  has(key: string): boolean {
    return this.#lineOf(key) !== -1;
  }

  forEach(visit: (value: string, key: string, map: ReadonlyMap<string, string>) => void): void {
    for (let line = this.#first; line < this.#end; line++) visit(this.#value(line), this.#key(line), this);
  }

  *entries(): MapIterator<[string, string]> {
    for (let line = this.#first; line < this.#end; line++) yield [this.#key(line), this.#value(line)];
  }

  *keys(): MapIterator<string> {
    for (let line = this.#first; line < this.#end; line++) yield this.#key(line);
  }

  *values(): MapIterator<string> {
    for (let line = this.#first; line < this.#end; line++) yield this.#value(line);
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  /** Who owns which of these URLs, indexed at the first ask. */
  owners(): Owners {
    this.#owners ??= new LineOwners(this.#text, this.#starts, this.#first, this.#end, (line) => this.#key(line));
    return this.#owners;
  }
}

/** A string's hash for the owners' table (FNV-1a over its UTF-16 code units). */
function hashOf(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let at = from; at < to; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
  return hash >>> 0;
}

/**
 * The URL lines by story: an open-addressed table of each story's first line,
 * and a chain through the lines of the stories with more than one.
 */
class LineOwners implements Owners {
  readonly #text: string;
  readonly #starts: Int32Array;
  readonly #keyOf: (line: number) => string;
  /** Line + 1 of each story's first URL line; 0 is empty. */
  readonly #table: Int32Array;
  /** The story's next URL line, or -1. */
  readonly #next: Int32Array;
  readonly #first: number;
  readonly #shared: number[] = [];

  constructor(text: string, starts: Int32Array, first: number, end: number, keyOf: (line: number) => string) {
    this.#text = text;
    this.#starts = starts;
    this.#keyOf = keyOf;
    this.#first = first;
    let size = 1024;
    while (size < 2 * (end - first)) size *= 2;
    this.#table = new Int32Array(size);
    this.#next = new Int32Array(end - first).fill(-1);
    const last = new Int32Array(end - first);
    for (let line = first; line < end; line++) {
      const storyEnd = (starts[line + 1] as number) - 1;
      const storyStart = text.lastIndexOf(' ', storyEnd) + 1;
      for (let slot = hashOf(text, storyStart, storyEnd) & (size - 1); ; slot = (slot + 1) & (size - 1)) {
        const held = this.#table[slot] as number;
        if (held === 0) {
          this.#table[slot] = line + 1;
          last[line - first] = line;
          break;
        }
        if (this.#sameStory(held - 1, text, storyStart, storyEnd)) {
          const head = held - 1 - first;
          if (this.#next[head] === -1 && last[head] === held - 1) this.#shared.push(held - 1);
          this.#next[(last[head] as number) - first] = line;
          last[head] = line;
          break;
        }
      }
    }
  }

  #storyRange(line: number): [number, number] {
    const end = (this.#starts[line + 1] as number) - 1;
    return [this.#text.lastIndexOf(' ', end) + 1, end];
  }

  #sameStory(line: number, text: string, from: number, to: number): boolean {
    const [start, end] = this.#storyRange(line);
    if (end - start !== to - from) return false;
    for (let k = 0; k < end - start; k++) if (this.#text.charCodeAt(start + k) !== text.charCodeAt(from + k)) return false;
    return true;
  }

  #firstLine(story: string): number {
    const mask = this.#table.length - 1;
    for (let slot = hashOf(story, 0, story.length) & mask; ; slot = (slot + 1) & mask) {
      const held = this.#table[slot] as number;
      if (held === 0) return -1;
      if (this.#sameStory(held - 1, story, 0, story.length)) return held - 1;
    }
  }

  #urls(line: number): string | string[] {
    const next = this.#next[line - this.#first] as number;
    if (next === -1) return this.#keyOf(line);
    const urls = [this.#keyOf(line)];
    for (let at = next; at !== -1; at = this.#next[at - this.#first] as number) urls.push(this.#keyOf(at));
    return urls;
  }

  get(story: string): string | string[] | undefined {
    const line = this.#firstLine(story);
    return line === -1 ? undefined : this.#urls(line);
  }

  has(story: string): boolean {
    return this.#firstLine(story) !== -1;
  }

  forEachShared(visit: (urls: readonly string[], story: string) => void): void {
    for (const line of this.#shared) {
      const [start, end] = this.#storyRange(line);
      visit(this.#urls(line) as string[], this.#text.slice(start, end));
    }
  }
}

/**
 * The lines of a ledger as `serializeLedger` wrote it: where each starts (and
 * the text's length after the last), how many, and the first text line (they
 * follow the url lines).
 *
 * @param from Where its lines start (after the header).
 */
export function sortedLines(text: string, from: number): { starts: Int32Array; lines: number; textsFrom: number } {
  const starts = lineStarts(text, from);
  const lines = starts.length - 1;
  let textsFrom = lines;
  for (let low = 0, high = lines; low < high; ) {
    const middle = (low + high) >>> 1;
    if (text.startsWith('text ', starts[middle] as number)) high = textsFrom = middle;
    else low = middle + 1;
  }
  return { starts, lines, textsFrom };
}

/**
 * A ledger as `serializeLedger` wrote it, read in place.
 *
 * @param text The ledger's text, exactly as written.
 * @param from Where its lines start (after the header).
 */
export function ledgerOfText(text: string, from: number): Ledger {
  const { starts, lines, textsFrom } = sortedLines(text, from);
  return { urls: new LedgerLines(text, starts, 0, textsFrom, 'url'), texts: new LedgerLines(text, starts, textsFrom, lines, 'text') };
}
