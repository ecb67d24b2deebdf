/**
 * The lines of a dump as the parser sees them: folded once, and compared with
 * their spacing ignored, since a dump prints copies of a line that differ in it.
 */
import { sameButSpacing } from './text.ts';

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
 * It holds a handful of lines; a folded line starts and ends like its copies,
 * so most lines are ruled out by their first and last characters alone.
 */
export class PrintedLines {
  private readonly printed: string[] = [];
  private readonly edges = new Set<number>();
  private readonly lines: Lines;

  /**
   * @param lines The dump's lines.
   * @param printed Folded lines already printed.
   */
  constructor(lines: Lines, printed: Iterable<string>) {
    this.lines = lines;
    for (const line of printed) this.addText(line);
  }

  /** Whether line `i` repeats a line in the set. */
  has(i: number): boolean {
    const text = this.lines.text[i] as string;
    if (!this.edges.has(edgesOf(text))) return false;
    return this.printed.some((line) => sameButSpacing(line, text));
  }

  /** Add line `i` to the set. */
  add(i: number): void {
    this.addText(this.lines.text[i] as string);
  }

  private addText(line: string): void {
    if (line === '') return;
    this.printed.push(line);
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
