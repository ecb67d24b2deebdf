/**
 * Settle what the entries folder should hold: one entry per story (articles
 * grouped into stories across dumps: the same text, near-duplicates, and what
 * the URL ledger already tied together), its sources, its slug, the redirects
 * from its older URLs, and a signature that changes whenever the entry's file would.
 */
import { hash } from 'node:crypto';
import type { Source } from '../entry-schema.ts';
import { entryName } from '../ingest/slug.ts';
import { titleOf, type ArticleRef, type DumpArticles } from './article-ref.ts';
import { assignStories, type IdentityArticle } from './assign-stories.ts';
import { publishedUrls, type Ledger, type Owners } from './ledger.ts';
import { settleUrls, type SlugRedirect } from './settle-urls.ts';
import { CarriedEntries, narrowToTouched, type Copy, type EntryLookup } from './touched-stories.ts';

export type { Copy } from './touched-stories.ts';

/** One entry to be on disk. */
export interface PlannedEntry {
  id: string;
  /** Its file's name in the entries folder (`entryName(slug)`), made once: at 100k entries each new copy of a name costs a lookup's worth. */
  file: string;
  sources: Source[];
  /** The copy the entry is written from: the last in archive order. */
  from: Copy;
  /** Every copy, in archive order. */
  copies: Copy[];
  /** Changes whenever the file's content would. */
  signature: string;
  /** A version of the story read by the last run is gone from the dumps (its dump edited in place, replaced or deleted): the old entry may be the only record of its text. */
  replaced?: true;
}

/** What the last run left, and what changed since. */
export interface PreviousPlan {
  /** Dumps read in this run (new or changed): their articles are compared with the whole archive. */
  read: ReadonlySet<string>;
  /** Articles of the last run whose dump changed or went away: a new version may be one of them. */
  departed: readonly ArticleRef[];
  /** Every URL published before, and its story. */
  ledger: Ledger;
  /**
   * The last run's entries (slug → signature), when the ledger is the one it
   * left and it wrote an entry for every story it planned: the stories this
   * run cannot change are carried over as they were instead of planned again
   * (`touched-stories.ts`).
   */
  entries?: EntryLookup;
}

/** The plan. */
export interface Plan {
  /** By slug: every story planned in this run. */
  entries: Map<string, PlannedEntry>;
  /** The entries of the stories nothing in this run touched, as the last run left them: slug → signature. */
  carried: CarriedEntries;
  /** The ledger to keep. */
  ledger: Ledger;
  /** False when `ledger` holds just what the ledger planning was given held: its text as read is still its text. */
  ledgerChanged?: boolean;
  /** The lines of `ledger` that differ from the ledger planning was given, when known (`settleUrls`). */
  ledgerLines?: Ledger;
  /** From every older URL of a live story to its current one. */
  redirects: SlugRedirect[];
}

const identityOf = (ref: ArticleRef): IdentityArticle => ({ id: ref.id, title: titleOf(ref), sketch: ref.sketch, shingles: ref.shingles });

/** The departed articles whose text is in no dump now: their text is compared with the new ones. */
function departedArticles(departed: readonly ArticleRef[], copies: Copy[]): IdentityArticle[] {
  if (departed.length === 0) return [];
  const ids = new Set(departed.map((ref) => ref.id));
  for (const copy of copies) ids.delete(copy.ref.id);
  return departed.filter((ref) => ids.has(ref.id)).map(identityOf);
}

/**
 * Group the articles of all dumps into stories, and give each story its URL.
 *
 * @param dumps Every dump, in archive order (the last copy of a story is the one shown).
 * @param records What was read from each dump.
 * @param previous What changed since the last run, and the ledger.
 */
export function planEntries(dumps: readonly { name: string }[], records: ReadonlyMap<string, DumpArticles>, previous: PreviousPlan): Plan {
  // Who owns which URL, worked out once for narrowing, assigning stories and settling their URLs: 100k URLs at 100k stories.
  const published = publishedUrls(previous.ledger);
  const narrowed = previous.entries ? narrowToTouched(dumps, records, { ...(previous as Required<PreviousPlan>), published }) : undefined;
  if (narrowed) return planCopies(narrowed.copies, narrowed.fresh, previous, narrowed.carried, published);
  const copies: Copy[] = [];
  const fresh: number[] = [];
  for (const dump of dumps) {
    for (const ref of records.get(dump.name)?.articles ?? []) {
      if (previous.read.has(dump.name)) fresh.push(copies.length);
      copies.push({ name: dump.name, ref });
    }
  }
  return planCopies(copies, fresh, previous, new CarriedEntries(), published);
}

/**
 * Plan the entries of some copies: every copy of the archive, or every copy of
 * the stories a re-run touched (the others `carried` with their `liveSlugs`).
 */
function planCopies(copies: Copy[], fresh: number[], previous: PreviousPlan, carried: CarriedEntries, published: Owners): Plan {
  const departed = departedArticles(previous.departed, copies);
  const { storyOf, merged } = assignStories({ articles: copies.map((copy) => identityOf(copy.ref)), fresh, departed, ledger: previous.ledger, published });

  const byStory = new Map<string, Copy[]>();
  const versions = new Map<string, string>();
  copies.forEach((copy, i) => {
    const story = storyOf[i] as string;
    const list = byStory.get(story);
    if (list) list.push(copy);
    else byStory.set(story, [copy]);
    if (copy.ref.id !== story) versions.set(copy.ref.id, story);
  });
  const stories = [...byStory].map(([id, list]) => ({ id, title: titleOf((list.at(-1) as Copy).ref) }));
  const { slugs, ledger, redirects, ledgerChanged, ledgerLines } = settleUrls({
    stories,
    versions,
    merged,
    ledger: previous.ledger,
    published,
    ...(carried.size > 0 ? { isLive: (slug: string) => carried.has(slug) } : {}),
  });
  const replaced = replacedStories(previous, copies, storyOf, merged);

  const entries = new Map<string, PlannedEntry>();
  for (const [id, list] of byStory) {
    const from = list.at(-1) as Copy;
    const slug = slugs.get(id) as string;
    const sources = list.map(({ name, ref }) => ({ file: name, index: ref.index, line: ref.line }));
    // A story in one dump under its own default slug, nearly all of them: its reader worked the signature out.
    const solo = list.length === 1 && id === from.ref.id && slug === from.ref.slug;
    const signature = solo
      ? from.ref.signature
      : entrySignature(id, from.ref.digest, slug, sources, list.length > 1 ? list.map((copy) => copy.ref.digest) : undefined);
    entries.set(slug, { id, file: entryName(slug), sources, from, copies: list, signature, ...(replaced.has(id) ? { replaced: true as const } : {}) });
  }
  return { entries, carried, ledger, ledgerChanged, ...(ledgerLines ? { ledgerLines } : {}), redirects };
}

/** The stories a text of the last run belonged to, when that text is gone from the dumps. */
function replacedStories(previous: PreviousPlan, copies: Copy[], storyOf: string[], merged: Map<string, string>): Set<string> {
  const replaced = new Set<string>();
  if (previous.departed.length === 0) return replaced;
  // Only the departed texts are looked for: one pass over the archive, no index of it.
  const digests = new Set(previous.departed.map((ref) => ref.digest));
  const ids = new Set(previous.departed.map((ref) => ref.id));
  const present = new Set<string>();
  const storyOfText = new Map<string, string>();
  copies.forEach((copy, i) => {
    if (digests.has(copy.ref.digest)) present.add(copy.ref.digest);
    if (ids.has(copy.ref.id)) storyOfText.set(copy.ref.id, storyOf[i] as string);
  });
  for (const ref of previous.departed) {
    if (present.has(ref.digest)) continue;
    const story = storyOfText.get(ref.id) ?? previous.ledger.texts.get(ref.id) ?? ref.id;
    replaced.add(merged.get(story) ?? story);
  }
  return replaced;
}

/**
 * What an entry's file is written from, hashed: it changes whenever the file would.
 *
 * @param id The story id.
 * @param digest The `articleDigest` of the copy it is written from.
 * @param sources Every place it was read from.
 * @param versions The digest of every copy, for a story read more than once (its versions are described).
 */
export function entrySignature(id: string, digest: string, slug: string, sources: Source[], versions?: string[]): string {
  return hash('sha256', JSON.stringify(versions ? [id, digest, slug, sources, versions] : [id, digest, slug, sources])).slice(0, 16);
}
