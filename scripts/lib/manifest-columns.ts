/**
 * The manifest's three large tables (dump records, entry signatures, owned
 * files) stored by column rather than as an object per row. At 100k stories
 * a row of objects is a million keys for `JSON.parse` to build and check; a
 * column of hex digits or slugs is one string joined with line feeds, which
 * parses as one string and splits in one call. Names that could hold any
 * character (a dump's path, an owned file's name) stay JSON arrays.
 *
 * Nearly every entry is one article's, under that article's slug and with its
 * signature, and owns the file named after it: the entries and owned files
 * point at the article's row instead of repeating its slug (a third of the
 * manifest when each was written out, 18 of 30 MB at 100k stories).
 *
 * Each reader checks what it reads by hand and returns undefined for a table
 * of the wrong shape: a damaged cache is dropped, never trusted.
 */
import type { FileRecord, ReadError } from './ingest-protocol.ts';
import type { SketchTable } from './sketch-file.ts';
import { RowTable, SlugIndex, type Table } from './row-table.ts';
import { StoredRecord, type StoredColumns } from './stored-record.ts';
import { JoinedColumn } from './joined-column.ts';
import type { TextColumn } from '../../src/lib/identity/article-ref.ts';

/** Dump records by column: one row per dump, and one per article across all dumps in the same order. */
export interface FileColumns {
  names: string[];
  size: number[];
  mtimeMs: number[];
  hash: string;
  /** Articles in each dump. */
  articles: number[];
  /** The read errors of the dumps that have any, by row. */
  errors: Record<string, ReadError[]>;
  article: {
    id: string;
    digest: string;
    slug: string;
    signature: string;
    index: number[];
    line: number[];
    shingles: number[];
  };
}

/**
 * Entry signatures by column. A slug is the row of the article with that slug,
 * or the slug itself; a signature is empty when it is that article's.
 */
export interface EntryColumns {
  slugs: (number | string)[];
  signatures: string;
}

/** Owned files by column. A name is the row of the article whose slug it is with `.md`, or the name itself. */
export interface OwnedColumns {
  names: (number | string)[];
  sizes: number[];
  hashes: string;
}

/** The articles' slugs and signatures, by row, as the dump records' columns hold them: what entries and owned files point at. */
export interface ArticleRows {
  slugs: string[];
  signatures: TextColumn;
  /** Every slug with `.md` is a plain file name: not empty, not hidden, no folder part. */
  plainNames: boolean;
  /** The slugs' rows, for entries and owned files to be looked up by. */
  index: SlugIndex;
}

/** The row of each slug (its first) and each row's signature, for writing entries and owned files that point at them. */
export interface SlugRows {
  rows: Map<string, number>;
  signatures: string[];
}

/** The `SlugRows` of some dump records, in the order `filesToColumns` stores their articles. */
export function rowsOfSlugs(files: Record<string, FileRecord>): SlugRows {
  const rows = new Map<string, number>();
  const signatures: string[] = [];
  for (const name in files) {
    for (const ref of (files[name] as FileRecord).articles) {
      if (!rows.has(ref.slug)) rows.set(ref.slug, signatures.length);
      signatures.push(ref.signature);
    }
  }
  return { rows, signatures };
}

/** The articles' slugs and signatures from the dump records' columns; undefined when damaged. */
export function articleRows(value: unknown): ArticleRows | undefined {
  if (!isObject(value) || !isObject(value.article) || !isCounts(value.articles)) return undefined;
  let total = 0;
  for (const count of value.articles) total += count;
  const slugs = split(value.article.slug, total);
  const signatures = JoinedColumn.of(value.article.signature, total);
  // One pass over the column, not one a name: an empty slug, one that starts with a dot, or a character of a path.
  const plainNames = slugs !== undefined && !/(?:^|\n)(?:\.|\n|$)|[/\\\0]/.test(value.article.slug as string);
  return slugs && signatures ? { slugs, signatures, plainNames, index: new SlugIndex(slugs, value.article.slug as string) } : undefined;
}

/** Values that hold no line feed (hex digits, slugs), joined into one column. */
function join(values: string[]): string {
  return values.join('\n');
}

/** A joined column back into its values; undefined when it is not a string of `count` values. */
function split(column: unknown, count: number): string[] | undefined {
  if (typeof column !== 'string') return undefined;
  if (count === 0) return column === '' ? [] : undefined;
  const values = column.split('\n');
  return values.length === count ? values : undefined;
}

/** The dump records as columns (sketches are kept apart, in the sketch file). */
export function filesToColumns(files: Record<string, FileRecord>): FileColumns {
  const columns: FileColumns = {
    names: [],
    size: [],
    mtimeMs: [],
    hash: '',
    articles: [],
    errors: {},
    article: { id: '', digest: '', slug: '', signature: '', index: [], line: [], shingles: [] },
  };
  const hashes: string[] = [];
  const ids: string[] = [];
  const digests: string[] = [];
  const slugs: string[] = [];
  const signatures: string[] = [];
  const { index, line, shingles } = columns.article;
  for (const name in files) {
    const record = files[name] as FileRecord;
    if (record.errors.length > 0) columns.errors[columns.names.length] = record.errors;
    columns.names.push(name);
    columns.size.push(record.size);
    columns.mtimeMs.push(record.mtimeMs);
    hashes.push(record.hash);
    columns.articles.push(record.articles.length);
    for (const ref of record.articles) {
      ids.push(ref.id);
      digests.push(ref.digest);
      slugs.push(ref.slug);
      signatures.push(ref.signature);
      index.push(ref.index);
      line.push(ref.line);
      shingles.push(ref.shingles);
    }
  }
  columns.hash = join(hashes);
  Object.assign(columns.article, { id: join(ids), digest: join(digests), slug: join(slugs), signature: join(signatures) });
  return columns;
}

/**
 * The dump records from their columns, their articles left in them until asked for (`stored-record.ts`).
 *
 * @param sketches Every article's bins, from the sketch file written with the columns.
 * @returns undefined when the columns are damaged or the sketches are not theirs.
 */
export function filesFromColumns(value: unknown, sketches: SketchTable, rows = articleRows(value)): Record<string, FileRecord> | undefined {
  if (!isObject(value) || !isObject(value.article) || !isObject(value.errors)) return undefined;
  const { names, size, mtimeMs, articles, errors, article } = value;
  if (!isArrayOf(names, isString) || !isCounts(size) || !isArrayOf(mtimeMs, isNumber) || !isCounts(articles)) return undefined;
  const dumps = names.length;
  if (size.length !== dumps || mtimeMs.length !== dumps || articles.length !== dumps) return undefined;
  const hashes = split(value.hash, dumps);
  let total = 0;
  for (const count of articles) total += count;
  const [ids, digests] = [JoinedColumn.of(article.id, total), JoinedColumn.of(article.digest, total)];
  const { index, line, shingles } = article;
  if (!hashes || !ids || !digests || !rows || rows.slugs.length !== total || sketches.count !== total) return undefined;
  if (!isCounts(index) || !isCounts(line) || !isCounts(shingles)) return undefined;
  if (index.length !== total || line.length !== total || shingles.length !== total) return undefined;
  for (const row in errors) if (!(Number(row) < dumps) || !isArrayOf(errors[row], isReadError)) return undefined;

  const columns: StoredColumns = {
    ids,
    digests,
    slugs: rows.slugs,
    signatures: rows.signatures,
    index,
    line,
    shingles,
    sketches,
    candidateRows: (keys) => sketches.rowsWithKeys(keys),
    rowsWithIds: (wanted) => ids.rowsOf(wanted),
  };
  const files: Record<string, FileRecord> = {};
  let start = 0;
  for (let row = 0; row < dumps; row++) {
    const count = articles[row] as number;
    const fields = {
      size: size[row] as number,
      mtimeMs: mtimeMs[row] as number,
      hash: hashes[row] as string,
      errors: (errors[row] as ReadError[] | undefined) ?? [],
    };
    files[names[row] as string] = new StoredRecord(fields, { columns, start, count });
    start += count;
  }
  return files;
}

/**
 * Entry signatures as columns.
 *
 * @param articles The rows of the articles' slugs, and their signatures (`rowsOfSlugs` of the files stored beside).
 */
export function entriesToColumns(entries: Pick<Table<string>, 'forEach'>, articles: SlugRows): EntryColumns {
  const slugs: (number | string)[] = [];
  const signatures: string[] = [];
  entries.forEach((signature, slug) => {
    const row = articles.rows.get(slug);
    slugs.push(row ?? slug);
    signatures.push(row !== undefined && articles.signatures[row] === signature ? '' : signature);
  });
  return { slugs, signatures: join(signatures) };
}

/**
 * Entry signatures from their columns; undefined when damaged.
 *
 * @param articles The articles' rows (`articleRows` of the files stored beside).
 */
export function entriesFromColumns(value: unknown, articles: ArticleRows): Table<string> | undefined {
  if (!isObject(value) || !Array.isArray(value.slugs)) return undefined;
  const slugs = value.slugs as unknown[];
  const signatures = split(value.signatures, slugs.length);
  if (!signatures) return undefined;
  for (let i = 0; i < slugs.length; i++) {
    const slug = slugs[i];
    if (typeof slug !== 'string' && !(isCount(slug) && slug < articles.slugs.length)) return undefined;
  }
  const keys = slugs as (number | string)[];
  try {
    return new RowTable(keys, (i) => (signatures[i] as string) || (articles.signatures.at(keys[i] as number) as string), articles.index);
  } catch {
    return undefined;
  }
}

/**
 * Owned files as columns.
 *
 * @param articles The rows of the articles' slugs (`rowsOfSlugs` of the files stored beside).
 */
export function ownedToColumns(owned: Pick<Table<{ size: number; hash: string }>, 'forEach'>, articles: SlugRows): OwnedColumns {
  const columns: OwnedColumns = { names: [], sizes: [], hashes: '' };
  const hashes: string[] = [];
  owned.forEach((file, name) => {
    const row = name.endsWith('.md') ? articles.rows.get(name.slice(0, -3)) : undefined;
    columns.names.push(row ?? name);
    columns.sizes.push(file.size);
    hashes.push(file.hash);
  });
  columns.hashes = join(hashes);
  return columns;
}

const NO_ARTICLES = new SlugIndex([]);

/**
 * Owned files from their columns, each name checked with `isName`.
 *
 * @param articles The articles' rows (`articleRows` of the files stored beside), when they could be read.
 * @returns The files, or why the columns cannot be used.
 */
export function ownedFromColumns(
  value: unknown,
  isName: (name: string) => boolean,
  articles: ArticleRows | undefined,
): Table<{ size: number; hash: string }> | string {
  if (!isObject(value) || !Array.isArray(value.names) || !isWholeNumbers(value.sizes, -1)) return '"owned" is not columns of names, sizes and hashes';
  const names = value.names as unknown[];
  const { sizes } = value;
  const hashes = JoinedColumn.of(value.hashes, names.length);
  if (!hashes || sizes.length !== names.length) return '"owned" has columns of different lengths';
  for (let i = 0; i < names.length; i++) {
    const stored = names[i];
    const slug = isCount(stored) ? articles?.slugs[stored] : undefined;
    const name = slug !== undefined ? `${slug}.md` : stored;
    if (typeof name !== 'string') return `"owned" holds ${JSON.stringify(stored)}, expected a file name or the row of an article`;
    if (!(slug !== undefined && articles?.plainNames) && !isName(name)) return `"owned" holds ${JSON.stringify(name)}, expected a file name`;
  }
  try {
    return new RowTable(
      names as (number | string)[],
      (i) => ({ size: sizes[i] as number, hash: hashes.at(i) as string }),
      articles?.index ?? NO_ARTICLES,
      '.md',
    );
  } catch (error) {
    return `"owned" cannot be read: ${(error as Error).message}`;
  }
}

function isReadError(value: unknown): value is ReadError {
  return isObject(value) && typeof value.reason === 'string' && isCount(value.line) && (value.kind === 'file' || value.kind === 'article');
}

/**
 * An array of whole numbers from `least` up: counts (0), or sizes (-1, one
 * not known). The columns of numbers hold a million of them at 100k stories:
 * a loop of its own, not `isArrayOf`'s call a value.
 */
function isWholeNumbers(value: unknown, least: number): value is number[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    if (typeof item !== 'number' || !(item >= least && item <= Number.MAX_SAFE_INTEGER && Math.floor(item) === item)) return false;
  }
  return true;
}

const isCounts = (value: unknown): value is number[] => isWholeNumbers(value, 0);

function isArrayOf<T>(value: unknown, is: (item: unknown) => item is T): value is T[] {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (!is(item)) return false;
  return true;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number';
export const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
