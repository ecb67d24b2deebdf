/**
 * A least-recently-used cache bounded by weight: by count when every entry
 * weighs 1, by size when entries are weighed (shards by their characters,
 * per-term results by their hits). An entry's weight may be set later, once
 * known (a shard's size when it has loaded). The entry just stored or weighed
 * is never the one evicted, so a single entry over the bound still serves.
 */

export interface Lru<K, V> {
  /** The value, now most recently used; undefined when absent. */
  get(key: K): V | undefined;
  /** Store a value as most recently used, then evict down to the bound. */
  set(key: K, value: V, weight?: number): void;
  /** Set an entry's weight (if still cached), then evict down to the bound, sparing it. */
  weigh(key: K, weight: number): void;
  delete(key: K): void;
  /** Evict least recently used entries down to the bound, sparing `keep`. */
  trim(keep?: ReadonlySet<K>): void;
  /** Keys, least recently used first. */
  keys(): K[];
  /** Total weight held. */
  weight(): number;
}

/**
 * Create a cache.
 *
 * @param maxWeight The bound: entry count when entries weigh 1.
 */
export function createLru<K, V>(maxWeight: number): Lru<K, V> {
  const entries = new Map<K, { value: V; weight: number }>();
  let total = 0;

  function trim(keep?: ReadonlySet<K> | K): void {
    if (total <= maxWeight) return;
    const spared = (key: K) => (keep instanceof Set ? keep.has(key) : key === keep);
    for (const [key, entry] of entries) {
      if (total <= maxWeight) break;
      if (spared(key)) continue;
      entries.delete(key);
      total -= entry.weight;
    }
  }

  function remove(key: K): void {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    total -= entry.weight;
  }

  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value, weight = 1) {
      remove(key);
      entries.set(key, { value, weight });
      total += weight;
      trim(key);
    },
    weigh(key, weight) {
      const entry = entries.get(key);
      if (!entry) return;
      total += weight - entry.weight;
      entry.weight = weight;
      trim(key);
    },
    delete: remove,
    trim: (keep) => trim(keep ?? new Set()),
    keys: () => [...entries.keys()],
    weight: () => total,
  };
}
