/** A column of the manifest (`manifest-columns.ts`): values joined by line feeds. */
import type { TextColumn } from '../../src/lib/identity/article-ref.ts';

/**
 * A joined column read value by value. Values of one width (hex digits, as
 * ids, digests, signatures and hashes are) are cut out where they lie when
 * asked for: a re-run asks for a few of 100k, and splitting every column
 * showed in its time (DESIGN.md, "Running"). Others are split once, when
 * first asked for.
 */
export class JoinedColumn implements TextColumn {
  readonly length: number;
  readonly #column: string;
  /** The values' width, or -1 when they differ. */
  readonly #width: number;
  #values: string[] | undefined;

  private constructor(column: string, count: number, width: number, values?: string[]) {
    this.#column = column;
    this.length = count;
    this.#width = width;
    this.#values = values;
  }

  /** The column of `count` values joined by line feeds; undefined when it holds another number. */
  static of(column: unknown, count: number): JoinedColumn | undefined {
    if (typeof column !== 'string') return undefined;
    if (count === 0) return column === '' ? new JoinedColumn(column, 0, -1, []) : undefined;
    const first = column.indexOf('\n');
    const width = first === -1 ? column.length : first;
    // Of one width when its length is that of `count` such values and every line feed falls between two, count - 1 of them.
    let even = width > 0 && column.length === count * (width + 1) - 1;
    let feeds = 0;
    for (let at = first; even && at !== -1; at = column.indexOf('\n', at + 1)) even = (at + 1) % (width + 1) === 0 && ++feeds < count;
    if (even && feeds === count - 1) return new JoinedColumn(column, count, width);
    const values = column.split('\n');
    return values.length === count ? new JoinedColumn(column, count, -1, values) : undefined;
  }

  at(index: number): string | undefined {
    if (!(index >= 0 && index < this.length)) return undefined;
    if (this.#width === -1) return (this.#values as string[])[index];
    const from = index * (this.#width + 1);
    return this.#column.slice(from, from + this.#width);
  }

  /** The rows holding any of these values, in no order. */
  rowsOf(values: ReadonlySet<string>): number[] {
    const rows: number[] = [];
    if (this.#width === -1) {
      (this.#values as string[]).forEach((value, row) => {
        if (values.has(value)) rows.push(row);
      });
      return rows;
    }
    const step = this.#width + 1;
    for (const value of values) {
      if (value.length !== this.#width || value.includes('\n')) continue;
      for (let at = this.#column.indexOf(value); at !== -1; at = this.#column.indexOf(value, at + 1)) if (at % step === 0) rows.push(at / step);
    }
    return rows;
  }
}
