/**
 * A read-only map with some keys set on top: what settling URLs makes of the
 * ledger it was given. A re-run that adds a URL to a ledger of 100k copied
 * them all before setting it.
 */
export class ChangedMap<V> implements ReadonlyMap<string, V> {
  readonly #base: ReadonlyMap<string, V>;
  readonly #changes = new Map<string, V>();
  #added = 0;

  constructor(base: ReadonlyMap<string, V>) {
    this.#base = base;
  }

  get size(): number {
    return this.#base.size + this.#added;
  }

  set(key: string, value: V): this {
    if (!this.#changes.has(key) && !this.#base.has(key)) this.#added++;
    this.#changes.set(key, value);
    return this;
  }

  get(key: string): V | undefined {
    return this.#changes.has(key) ? this.#changes.get(key) : this.#base.get(key);
  }

  has(key: string): boolean {
    return this.#changes.has(key) || this.#base.has(key);
  }

  forEach(visit: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    this.#base.forEach((value, key) => {
      if (!this.#changes.has(key)) visit(value, key, this);
    });
    this.#changes.forEach((value, key) => visit(value, key, this));
  }

  *entries(): MapIterator<[string, V]> {
    for (const [key, value] of this.#base) if (!this.#changes.has(key)) yield [key, value];
    yield* this.#changes;
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}
