/**
 * The record of a dump the last run read, as the manifest holds it: its
 * articles stay in the manifest's columns until something asks for them. A
 * re-run that reads one dump of 10k plans the few stories it touches, and
 * built 100k article objects (with a view of each sketch) to look at two of
 * their fields (DESIGN.md, "Running").
 */
import type { ArticleColumns, ArticleRef, StoredArticles, TextColumn } from '../../src/lib/identity/article-ref.ts';
import { BINS } from '../../src/lib/identity/sketch.ts';
import type { FileRecord, ReadError } from './ingest-protocol.ts';
import type { SketchTable } from './sketch-file.ts';

/** Every column of the manifest's articles. */
export interface StoredColumns extends ArticleColumns {
  digests: TextColumn;
  signatures: TextColumn;
  index: readonly number[];
  line: readonly number[];
  shingles: readonly number[];
  /** Their sketches, in row order, read as they are asked for. */
  sketches: SketchTable;
}

const EMPTY_SKETCH = new Uint16Array(0);

/** A dump's record whose articles are built from the columns when first asked for. */
export class StoredRecord implements FileRecord {
  readonly size: number;
  readonly mtimeMs: number;
  readonly hash: string;
  readonly errors: ReadError[];
  readonly stored: StoredArticles & { columns: StoredColumns };
  #articles: ArticleRef[] | undefined;

  constructor(fields: Omit<FileRecord, 'articles'>, stored: StoredArticles & { columns: StoredColumns }) {
    this.size = fields.size;
    this.mtimeMs = fields.mtimeMs;
    this.hash = fields.hash;
    this.errors = fields.errors;
    this.stored = stored;
  }

  get articles(): ArticleRef[] {
    if (this.#articles) return this.#articles;
    const { columns, start, count } = this.stored;
    const bins = columns.sketches.bins(start, count);
    const refs: ArticleRef[] = [];
    for (let at = start; at < start + count; at++) {
      const shingles = columns.shingles[at] as number;
      refs.push({
        id: columns.ids.at(at) as string,
        digest: columns.digests.at(at) as string,
        slug: columns.slugs[at] as string,
        signature: columns.signatures.at(at) as string,
        index: columns.index[at] as number,
        line: columns.line[at] as number,
        sketch: shingles > 0 ? bins.subarray((at - start) * BINS, (at - start + 1) * BINS) : EMPTY_SKETCH,
        shingles,
      });
    }
    this.#articles = refs;
    return refs;
  }
}

/** How many articles a record holds, without building them. */
export const articleCount = (record: FileRecord): number => (record instanceof StoredRecord ? record.stored.count : record.articles.length);

/** A record with another size and time (a dump touched, its bytes the same), its articles still unbuilt if they were. */
export function withTimes(record: FileRecord, times: { size: number; mtimeMs: number }): FileRecord {
  if (record instanceof StoredRecord) return new StoredRecord({ ...times, hash: record.hash, errors: record.errors }, record.stored);
  return { ...record, ...times };
}
