/**
 * The manifest's entries and owned files as read: nearly every row names an
 * article's row (`manifest-columns.ts`), and stays that number. A re-run that
 * reads one dump of 10k asks these tables about a few dozen slugs and files,
 * and building a map of 100k names and values for it, twice, showed in its
 * time (DESIGN.md, "Running"). One index of the articles' slugs answers for both, and what the run
 * changes is kept beside the rows as read.
 */

/** The part of `Map` the ingest uses of its tables: a `Map` is one. */
export interface Table<V> {
  readonly size: number;
  get(key: string): V | undefined;
  has(key: string): boolean;
  set(key: string, value: V): this;
  delete(key: string): boolean;
  forEach(visit: (value: V, key: string) => void): void;
  keys(): IterableIterator<string>;
  [Symbol.iterator](): IterableIterator<[string, V]>;
}

/**
 * The articles' slugs, to find the first row of one. A re-run asks for a few
 * dozen: each is looked for in the column as stored, until so many have been
 * that a map of them all is cheaper.
 */
export class SlugIndex {
  readonly slugs: readonly string[];
  /** The slugs joined by line feeds, as the manifest stores them. */
  readonly column: string;
  #asked = 0;
  #first: Map<string, number> | undefined;
  #starts: Int32Array | undefined;

  constructor(slugs: readonly string[], column = slugs.join('\n')) {
    this.slugs = slugs;
    this.column = column;
  }

  /** The first row with this slug. */
  rowOf(slug: string): number | undefined {
    if (!this.#first && ++this.#asked > SCANS) {
      this.#first = new Map();
      for (let row = this.slugs.length - 1; row >= 0; row--) this.#first.set(this.slugs[row] as string, row);
    }
    if (this.#first) return this.#first.get(slug);
    return this.#scan(slug);
  }

  #scan(slug: string): number | undefined {
    const { column } = this;
    if (this.slugs.length === 0 || slug.includes('\n')) return undefined;
    if (column.startsWith(slug) && (column.length === slug.length || column.charCodeAt(slug.length) === 10)) return 0;
    let at = column.indexOf(`\n${slug}\n`);
    if (at === -1 && column.endsWith(`\n${slug}`)) at = column.length - slug.length - 1;
    if (at === -1) return undefined;
    // The row whose line starts just after the line feed found.
    if (!this.#starts) {
      this.#starts = new Int32Array(this.slugs.length);
      for (let row = 1, from = 0; row < this.slugs.length; row++) this.#starts[row] = from = column.indexOf('\n', from) + 1;
    }
    const starts = this.#starts;
    let [low, high] = [0, starts.length - 1];
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((starts[middle] as number) <= at + 1) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

// Lookups by scanning the column before the index builds a map.
const SCANS = 100;

const DELETED = Symbol('deleted');

/**
 * A table whose rows as read are kept as stored: a key is an article's row (its
 * slug with `suffix`) or a string.
 */
export class RowTable<V> implements Table<V> {
  readonly #keys: readonly (number | string)[];
  readonly #value: (i: number) => V;
  readonly #index: SlugIndex;
  readonly #suffix: string;
  /** For each article row, the stored row naming it (-1: none). */
  readonly #byRow: Int32Array;
  readonly #byName = new Map<string, number>();
  readonly #changes = new Map<string, V | typeof DELETED>();
  #size: number;

  /**
   * @param keys The stored keys: an article's row (the first with its slug, as
   *   `rowsOfSlugs` gives them: another is never found by its key), or the key itself.
   * @param value The value stored in row `i`.
   * @param index The articles' slugs.
   * @param suffix What a row's slug takes to be a key (".md" for a file name).
   * @throws RangeError when two stored rows have one key, or a row is not an article's.
   */
  constructor(keys: readonly (number | string)[], value: (i: number) => V, index: SlugIndex, suffix = '') {
    this.#keys = keys;
    this.#value = value;
    this.#index = index;
    this.#suffix = suffix;
    this.#byRow = new Int32Array(index.slugs.length).fill(-1);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as number | string;
      if (typeof key === 'number') {
        if (!(key >= 0 && key < index.slugs.length)) throw new RangeError(`row ${key} is not an article's`);
        if (this.#byRow[key] !== -1) throw new RangeError(`${index.slugs[key]}${suffix} is stored twice`);
        this.#byRow[key] = i;
      } else {
        if (this.#byName.has(key)) throw new RangeError(`${key} is stored twice`);
        this.#byName.set(key, i);
      }
    }
    // A key stored as a string that is also an article's row's would be there twice.
    for (const [key] of this.#byName) if (this.#storedByRow(key) !== -1) throw new RangeError(`${key} is stored twice`);
    this.#size = keys.length;
  }

  get size(): number {
    return this.#size;
  }

  #storedByRow(key: string): number {
    if (!key.endsWith(this.#suffix)) return -1;
    const row = this.#index.rowOf(this.#suffix === '' ? key : key.slice(0, -this.#suffix.length));
    return row === undefined ? -1 : (this.#byRow[row] as number);
  }

  #stored(key: string): number {
    const byRow = this.#storedByRow(key);
    return byRow !== -1 ? byRow : (this.#byName.get(key) ?? -1);
  }

  /**
   * The rows as read, for another thread to name: the slugs' column, and each
   * row's key. Undefined once the table has changed.
   */
  stored(): { column: string; keys: readonly (number | string)[]; suffix: string } | undefined {
    return this.#changes.size === 0 ? { column: this.#index.column, keys: this.#keys, suffix: this.#suffix } : undefined;
  }

  /** The value of stored row `i`, and its key. */
  valueAt(i: number): V {
    return this.#value(i);
  }

  keyAt(i: number): string {
    return this.#keyAt(i);
  }

  #keyAt(i: number): string {
    const key = this.#keys[i] as number | string;
    return typeof key === 'number' ? `${this.#index.slugs[key]}${this.#suffix}` : key;
  }

  get(key: string): V | undefined {
    const changed = this.#changes.get(key);
    if (changed !== undefined || this.#changes.has(key)) return changed === DELETED ? undefined : changed;
    const i = this.#stored(key);
    return i === -1 ? undefined : this.#value(i);
  }

  has(key: string): boolean {
    const changed = this.#changes.get(key);
    if (changed !== undefined || this.#changes.has(key)) return changed !== DELETED;
    return this.#stored(key) !== -1;
  }

  set(key: string, value: V): this {
    if (!this.has(key)) this.#size++;
    this.#changes.set(key, value);
    return this;
  }

  delete(key: string): boolean {
    if (!this.has(key)) return false;
    this.#changes.set(key, DELETED);
    this.#size--;
    return true;
  }

  forEach(visit: (value: V, key: string) => void): void {
    for (let i = 0; i < this.#keys.length; i++) {
      const key = this.#keyAt(i);
      if (!this.#changes.has(key)) visit(this.#value(i), key);
    }
    this.#changes.forEach((value, key) => {
      if (value !== DELETED) visit(value, key);
    });
  }

  *[Symbol.iterator](): IterableIterator<[string, V]> {
    const all: [string, V][] = [];
    this.forEach((value, key) => all.push([key, value]));
    yield* all;
  }

  *keys(): IterableIterator<string> {
    for (const [key] of this) yield key;
  }
}
