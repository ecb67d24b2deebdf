/**
 * The lines of a dump as the parser sees them: folded once, and compared by
 * their spacing keys, which are computed only when first needed.
 */
import { spacingKey } from './text.ts';

/** The lines of a dump, folded once, and the keys copies are compared by, computed when first needed. */
export class Lines {
  readonly text: string[];
  private readonly keys: (string | undefined)[];

  constructor(text: string[]) {
    this.text = text;
    this.keys = new Array<string | undefined>(text.length);
  }

  /** The spacing key of line `i`. */
  key(i: number): string {
    return (this.keys[i] ??= spacingKey(this.text[i] as string));
  }

  /** Whether two lines are copies that differ only in spacing. */
  same(i: number, j: number): boolean {
    const a = this.text[i] as string;
    const b = this.text[j] as string;
    if (a === b) return true;
    // Folded lines start and end with the same characters as their keys: a cheap first test.
    if (a.charCodeAt(0) !== b.charCodeAt(0) || a.charCodeAt(a.length - 1) !== b.charCodeAt(b.length - 1)) return false;
    return this.key(i) === this.key(j);
  }
}

/**
 * The lines already printed (title, subtitle, captions), to drop their repeats.
 * A key always starts and ends like its line, so most lines are ruled out
 * without computing their key.
 */
export class KeySet {
  private readonly keys: Set<string>;
  private readonly edges = new Set<number>();
  private readonly lines: Lines;

  constructor(lines: Lines, keys: Iterable<string>) {
    this.lines = lines;
    this.keys = new Set(keys);
    for (const key of this.keys) this.edges.add(edgesOf(key));
  }

  /** Whether line `i` repeats a line in the set. */
  has(i: number): boolean {
    return this.edges.has(edgesOf(this.lines.text[i] as string)) && this.keys.has(this.lines.key(i));
  }

  /** Add line `i` to the set. */
  add(i: number): void {
    const key = this.lines.key(i);
    this.keys.add(key);
    this.edges.add(edgesOf(key));
  }
}

function edgesOf(text: string): number {
  return text.charCodeAt(0) * 0x10000 + text.charCodeAt(text.length - 1);
}

/** The index of the first non-blank line in `[from, to)`, or -1. */
export function nextNonBlank(lines: Lines, from: number, to: number): number {
  for (let i = from; i < to; i++) if (lines.text[i] !== '') return i;
  return -1;
}
