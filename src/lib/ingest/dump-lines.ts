/**
 * The lines of a dump as the parser sees them: folded once, and compared with
 * their spacing ignored, since a dump prints copies of a line that differ in it.
 */
import { sameButSpacing, spacelessHash } from './text.ts';

/** The lines of a dump, folded once. */
export class Lines {
  readonly text: string[];

  constructor(text: string[]) {
    this.text = text;
  }

  /** Whether two lines are copies that differ only in spacing. */
  same(i: number, j: number): boolean {
    return sameButSpacing(this.text[i] as string, this.text[j] as string);
  }
}

/**
 * The lines already printed (title, subtitle, captions), to drop their repeats.
 * An article may print thousands of photos, so a line is looked up by a hash
 * its copies share (`spacelessHash`), and compared only with the lines of
 * that hash, not with each line printed; and since a folded line starts and
 * ends like its copies, most lines are ruled out by their first and last
 * characters before any hash is taken.
 */
export class PrintedLines {
  private readonly byHash = new Map<number, string[]>();
  private readonly edges = new Set<number>();
  private readonly lines: Lines;
  // The body reader asks about a line, then adds it: its hash is taken once.
  private lastLine = -1;
  private lastHash = 0;

  /**
   * @param lines The dump's lines.
   * @param printed Folded lines already printed.
   */
  constructor(lines: Lines, printed: Iterable<string>) {
    this.lines = lines;
    for (const line of printed) if (line !== '') this.addText(line, spacelessHash(line));
  }

  /** Whether line `i` repeats a line in the set. */
  has(i: number): boolean {
    const text = this.lines.text[i] as string;
    if (!this.edges.has(edgesOf(text))) return false;
    const same = this.byHash.get(this.hashOf(i));
    return same?.some((line) => sameButSpacing(line, text)) ?? false;
  }

  /** Add line `i` to the set. */
  add(i: number): void {
    const line = this.lines.text[i] as string;
    if (line !== '') this.addText(line, this.hashOf(i));
  }

  private hashOf(i: number): number {
    if (i !== this.lastLine) [this.lastLine, this.lastHash] = [i, spacelessHash(this.lines.text[i] as string)];
    return this.lastHash;
  }

  private addText(line: string, hash: number): void {
    const same = this.byHash.get(hash);
    if (same) same.push(line);
    else this.byHash.set(hash, [line]);
    this.edges.add(edgesOf(line));
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
