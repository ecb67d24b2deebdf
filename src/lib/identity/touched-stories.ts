/**
 * What a re-run has to plan again: the stories it may change. Planning is
 * linear in the archive, and a correction to one dump of 100k would pay for
 * all of it; the other stories are carried over as the last run left them.
 *
 * A story can change only through an article read in this run (a new or
 * changed dump) or one that left (its dump changed or went away), and an
 * article read now joins another story only by the same text or a version the
 * ledger ties to it (the ledger names that story), or as a candidate pair (the same headline words, or a shared
 * band of their sketches: `assign-stories.ts`). So the touched stories are
 * those of the read and departed articles, and of every article that is such
 * a candidate of a read one. Planning their articles alone (in archive order)
 * gives the same entries, URLs and redirects as planning the whole archive;
 * `touched-stories.test.ts` holds the two to each other over random re-scrapes.
 */
import { titleOf, type ArticleColumns, type ArticleRef, type DumpArticles, type StoredArticles } from './article-ref.ts';
import type { Ledger, Owners } from './ledger.ts';
import { BANDS, candidateKeysInto } from './sketch.ts';

/** One copy of a story: the dump it stands in and what was read of it. */
export interface Copy {
  name: string;
  ref: ArticleRef;
}

/** The last run's entries, slug → signature: a `Map`, or a table with its lookups. */
export interface EntryLookup {
  readonly size: number;
  has(slug: string): boolean;
  get(slug: string): string | undefined;
  forEach(visit: (signature: string, slug: string) => void): void;
}

/** What the last run left, as `planEntries` is given it. */
export interface TouchInput {
  read: ReadonlySet<string>;
  departed: readonly ArticleRef[];
  ledger: Ledger;
  /** The last run's entries: slug → signature. */
  entries: EntryLookup;
  /** `publishedUrls` of the ledger. */
  published: Owners;
}

/** The part of the archive to plan again. */
export interface Narrowed {
  /** The copies of the touched stories and every copy read in this run, in archive order. */
  copies: Copy[];
  /** Indexes in `copies` of those read in this run. */
  fresh: number[];
  /** The untouched stories' entries, as the last run wrote them. */
  carried: CarriedEntries;
}

/**
 * The last run's entries but those of the touched stories: a view, as
 * copying 100k entries into a new map would cost more than the rest of the plan.
 */
export class CarriedEntries {
  private readonly entries: EntryLookup;
  private readonly dropped: ReadonlySet<string>;

  constructor(entries: EntryLookup = new Map(), dropped: ReadonlySet<string> = new Set()) {
    this.entries = entries;
    this.dropped = dropped;
  }

  get size(): number {
    return this.entries.size - this.dropped.size;
  }

  /** The slugs of the touched stories' entries in the last run. */
  get droppedSlugs(): ReadonlySet<string> {
    return this.dropped;
  }

  /** Whether `slug` is a carried entry's: the current URL of an untouched story. */
  has(slug: string): boolean {
    return this.entries.has(slug) && !this.dropped.has(slug);
  }

  get(slug: string): string | undefined {
    return this.dropped.has(slug) ? undefined : this.entries.get(slug);
  }

  forEach(visit: (signature: string, slug: string) => void): void {
    const { dropped } = this;
    this.entries.forEach((signature, slug) => {
      if (!dropped.has(slug)) visit(signature, slug);
    });
  }
}

/**
 * Narrow a re-run's plan to the stories it may change.
 *
 * @param dumps Every dump, in archive order.
 * @param records What was read from each.
 * @param previous The last run's entries and ledger, and what changed since:
 *   the ledger that run left, and one entry for each story it planned (none failed).
 */
export function narrowToTouched(dumps: readonly { name: string }[], records: ReadonlyMap<string, DumpArticles>, previous: TouchInput): Narrowed {
  const { read, ledger } = previous;
  const storyOf = (id: string) => ledger.texts.get(id) ?? id;
  const touched = new Set<string>();
  for (const ref of previous.departed) touched.add(storyOf(ref.id));

  // Headline words by length, so that most articles are told apart without cutting their slug.
  const titles = new Set<string>();
  const titleLengths = new Set<number>();
  const bands = new Set<number>();
  const keys = new Uint32Array(BANDS);
  for (const name of read) {
    for (const ref of records.get(name)?.articles ?? []) {
      touched.add(storyOf(ref.id));
      titles.add(titleOf(ref));
      titleLengths.add(ref.slug.lastIndexOf('-'));
      if (ref.sketch.length > 0) for (let k = 0, written = candidateKeysInto(ref.sketch, keys); k < written; k++) bands.add(keys[k] as number);
    }
  }
  const sameTitle = (slug: string) => {
    const words = slug.lastIndexOf('-');
    return titleLengths.has(words) && titles.has(slug.slice(0, words));
  };
  const isCandidate = (ref: ArticleRef) => {
    if (sameTitle(ref.slug)) return true;
    if (ref.sketch.length === 0) return false;
    for (let k = 0, written = candidateKeysInto(ref.sketch, keys); k < written; k++) if (bands.has(keys[k] as number)) return true;
    return false;
  };
  if (titles.size > 0) {
    // The dumps not read, by the columns that hold them; the others' articles one by one.
    const stored = new Map<ArticleColumns, StoredArticles[]>();
    for (const dump of dumps) {
      const record = records.get(dump.name);
      if (!record || read.has(dump.name)) continue;
      if (!record.stored) {
        for (const ref of record.articles) if (isCandidate(ref)) touched.add(storyOf(ref.id));
        continue;
      }
      const { columns, start, count } = record.stored;
      const list = stored.get(columns);
      if (list) list.push(record.stored);
      else stored.set(columns, [record.stored]);
      for (let at = start; at < start + count; at++) if (sameTitle(columns.slugs[at] as string)) touched.add(storyOf(columns.ids.at(at) as string));
    }
    // A row of the columns counts only while a dump not read holds it (not one read now, or gone).
    for (const [columns, list] of stored) {
      const held = new Uint8Array(columns.ids.length);
      for (const { start, count } of list) held.fill(1, start, start + count);
      for (const row of bands.size > 0 ? columns.candidateRows(bands) : []) if (held[row] === 1) touched.add(storyOf(columns.ids.at(row) as string));
    }
  }

  // The touched stories' entries of the last run, by their URLs: a story has one entry, under one of its URLs.
  const dropped = new Set<string>();
  for (const story of touched) {
    const urls = previous.published.get(story);
    for (const slug of typeof urls === 'string' ? [urls] : (urls ?? [])) if (previous.entries.has(slug)) dropped.add(slug);
  }

  // The content ids of the touched stories' versions: their own, and those the ledger ties to them.
  const touchedIds = new Set(touched);
  ledger.texts.forEach((story, id) => {
    if (touched.has(story)) touchedIds.add(id);
  });
  // The rows of stored columns holding those ids, found in the columns: the records of untouched dumps are never built.
  const wanted = new Map<ArticleColumns, Uint8Array>();
  const wantedIn = (columns: ArticleColumns) => {
    let rows = wanted.get(columns);
    if (!rows) {
      rows = new Uint8Array(columns.ids.length);
      for (const row of columns.rowsWithIds(touchedIds)) rows[row] = 1;
      wanted.set(columns, rows);
    }
    return rows;
  };
  const copies: Copy[] = [];
  const fresh: number[] = [];
  for (const dump of dumps) {
    const record = records.get(dump.name);
    if (!record) continue;
    const isRead = read.has(dump.name);
    const { stored } = record;
    if (stored && !isRead) {
      const rows = wantedIn(stored.columns);
      for (let at = stored.start; at < stored.start + stored.count; at++) {
        if (rows[at] === 1) copies.push({ name: dump.name, ref: record.articles[at - stored.start] as ArticleRef });
      }
      continue;
    }
    for (const ref of record.articles) {
      if (isRead) fresh.push(copies.length);
      else if (!touchedIds.has(ref.id)) continue;
      copies.push({ name: dump.name, ref });
    }
  }
  return { copies, fresh, carried: new CarriedEntries(previous.entries, dropped) };
}
