/**
 * The sketch bands of a re-run's fresh articles by key, as chains in typed
 * arrays: each of the archive's articles looks its 32 keys up here, with no
 * allocation (`assign-stories.ts` to compare the pairs, `touched-stories.ts`
 * to find the stories a re-run touches).
 */
export class BandIndex {
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly keys: Uint32Array;
  private readonly nodes: Int32Array;
  private readonly mask: number;
  private size = 0;

  constructor(capacity: number) {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.head = new Int32Array(slots).fill(-1);
    this.mask = slots - 1;
    this.next = new Int32Array(capacity);
    this.keys = new Uint32Array(capacity);
    this.nodes = new Int32Array(capacity);
  }

  add(key: number, node: number): void {
    const slot = Math.imul(key, 0x9e3779b1) & this.mask;
    this.keys[this.size] = key;
    this.nodes[this.size] = node;
    this.next[this.size] = this.head[slot] as number;
    this.head[slot] = this.size++;
  }

  /** Whether any node was added under `key`. */
  has(key: number): boolean {
    for (let at = this.head[Math.imul(key, 0x9e3779b1) & this.mask] as number; at !== -1; at = this.next[at] as number) {
      if (this.keys[at] === key) return true;
    }
    return false;
  }

  /** Call `visit` with each node added under `key`. */
  forEach(key: number, visit: (node: number) => void): void {
    for (let at = this.head[Math.imul(key, 0x9e3779b1) & this.mask] as number; at !== -1; at = this.next[at] as number) {
      if (this.keys[at] === key) visit(this.nodes[at] as number);
    }
  }
}
