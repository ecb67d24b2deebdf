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
import { titleOf, type ArticleRef } from './article-ref.ts';
import type { Ledger } from './ledger.ts';
import { BandIndex } from './band-index.ts';
import { BANDS, candidateKeysInto } from './sketch.ts';

/** One copy of a story: the dump it stands in and what was read of it. */
export interface Copy {
  name: string;
  ref: ArticleRef;
}

/** What the last run left, as `planEntries` is given it. */
export interface TouchInput {
  read: ReadonlySet<string>;
  departed: readonly ArticleRef[];
  ledger: Ledger;
  /** The last run's entries: slug → signature. */
  entries: ReadonlyMap<string, string>;
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
  private readonly entries: ReadonlyMap<string, string>;
  private readonly dropped: ReadonlySet<string>;

  constructor(entries: ReadonlyMap<string, string> = new Map(), dropped: ReadonlySet<string> = new Set()) {
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
export function narrowToTouched(
  dumps: readonly { name: string }[],
  records: ReadonlyMap<string, { articles: readonly ArticleRef[] }>,
  previous: TouchInput,
): Narrowed {
  const { read, ledger } = previous;
  const storyOf = (id: string) => ledger.texts.get(id) ?? id;
  const touched = new Set<string>();
  for (const ref of previous.departed) touched.add(storyOf(ref.id));

  // Headline words by length, so that most articles are told apart without cutting their slug.
  const titles = new Set<string>();
  const titleLengths = new Set<number>();
  let count = 0;
  for (const name of read) count += records.get(name)?.articles.length ?? 0;
  const bands = new BandIndex(count * BANDS);
  const keys = new Uint32Array(BANDS);
  for (const name of read) {
    for (const ref of records.get(name)?.articles ?? []) {
      touched.add(storyOf(ref.id));
      titles.add(titleOf(ref));
      titleLengths.add(ref.slug.lastIndexOf('-'));
      if (ref.sketch.length > 0) for (let k = 0, written = candidateKeysInto(ref.sketch, keys); k < written; k++) bands.add(keys[k] as number, 0);
    }
  }
  const isCandidate = (ref: ArticleRef) => {
    const words = ref.slug.lastIndexOf('-');
    if (titleLengths.has(words) && titles.has(ref.slug.slice(0, words))) return true;
    if (ref.sketch.length === 0) return false;
    for (let k = 0, written = candidateKeysInto(ref.sketch, keys); k < written; k++) if (bands.has(keys[k] as number)) return true;
    return false;
  };
  if (count > 0) {
    for (const dump of dumps) {
      if (read.has(dump.name)) continue;
      for (const ref of records.get(dump.name)?.articles ?? []) if (isCandidate(ref)) touched.add(storyOf(ref.id));
    }
  }

  // The touched stories' entries of the last run, by their URLs: a story has one entry, under one of its URLs.
  const dropped = new Set<string>();
  ledger.urls.forEach((story, slug) => {
    if (touched.has(story) && previous.entries.has(slug)) dropped.add(slug);
  });

  // The content ids of the touched stories' versions: their own, and those the ledger ties to them.
  const touchedIds = new Set(touched);
  ledger.texts.forEach((story, id) => {
    if (touched.has(story)) touchedIds.add(id);
  });
  const copies: Copy[] = [];
  const fresh: number[] = [];
  for (const dump of dumps) {
    const isRead = read.has(dump.name);
    for (const ref of records.get(dump.name)?.articles ?? []) {
      if (isRead) fresh.push(copies.length);
      else if (!touchedIds.has(ref.id)) continue;
      copies.push({ name: dump.name, ref });
    }
  }
  return { copies, fresh, carried: new CarriedEntries(previous.entries, dropped) };
}
