/**
 * A URL is forever: from the stories of this run and the ledger of every URL
 * published before, each story's current slug, the ledger to keep, and the
 * redirects from every older URL of a live story to its current one.
 */
import { makeSlug, slugWords } from '../ingest/slug.ts';
import type { Ledger } from './ledger.ts';

/** One story of this run. */
export interface LiveStory {
  /** Its id (`assignStories`). */
  id: string;
  /** The headline it is shown with. */
  title: string;
}

/** A redirect between two slugs of one story. */
export interface SlugRedirect {
  from: string;
  to: string;
}

/** What `settleUrls` decides. */
export interface SettledUrls {
  /** Current slug by story id. */
  slugs: Map<string, string>;
  /** The ledger to write: the old one with merges applied, plus this run's URLs and versions. */
  ledger: Ledger;
  /** From every other URL of a live story to its current one, sorted by `from`. */
  redirects: SlugRedirect[];
}

/** What `settleUrls` is given. */
export interface SettleInput {
  stories: readonly LiveStory[];
  /** Versions whose content id is not their story's id: content id → story id. */
  versions: ReadonlyMap<string, string>;
  /** Known stories merged into another this run: loser → survivor. */
  merged: ReadonlyMap<string, string>;
  ledger: Ledger;
}

// The slug words are everything before the last "-", which starts the hash.
const wordsOf = (slug: string) => slug.slice(0, slug.lastIndexOf('-'));

/**
 * Settle every story's URL. A story keeps a slug it was published under while
 * its headline's words are the same (even when its body changed); a corrected
 * headline gets a new slug and the old one redirects. A new slug carries six
 * hex digits of the story id, more when another story (live, or gone but in
 * the ledger) holds it, so no published URL ever changes hands.
 */
export function settleUrls(input: SettleInput): SettledUrls {
  const remap = (story: string) => input.merged.get(story) ?? story;
  const ledger: Ledger = { urls: new Map(), texts: new Map() };
  for (const [slug, story] of input.ledger.urls) ledger.urls.set(slug, remap(story));
  for (const [content, story] of input.ledger.texts) ledger.texts.set(content, remap(story));
  for (const [loser, survivor] of input.merged) ledger.texts.set(loser, survivor);
  for (const [content, story] of input.versions) ledger.texts.set(content, story);

  const published = new Map<string, string[]>();
  for (const [slug, story] of ledger.urls) {
    const list = published.get(story);
    if (list) list.push(slug);
    else published.set(story, [slug]);
  }

  const slugs = new Map<string, string>();
  let pending: { id: string; words: string }[] = [];
  for (const story of input.stories) {
    const words = slugWords(story.title) || 'story';
    const kept = (published.get(story.id) ?? []).filter((slug) => wordsOf(slug) === words).sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0];
    if (kept !== undefined) slugs.set(story.id, kept);
    else pending.push({ id: story.id, words });
  }
  const claimed = new Set(slugs.values());
  for (let digits = 6; pending.length > 0; digits += 2) {
    const wanted = new Map<string, string[]>();
    for (const { id, words } of pending) {
      const slug = makeSlug(words, id, digits);
      wanted.set(slug, [...(wanted.get(slug) ?? []), id]);
    }
    const clashing = new Set<string>();
    for (const [slug, ids] of wanted) {
      const owner = ledger.urls.get(slug);
      const free = ids.length === 1 && !claimed.has(slug) && (owner === undefined || owner === ids[0]);
      if (free || digits >= 16) for (const id of ids) slugs.set(id, slug);
      else for (const id of ids) clashing.add(id);
    }
    pending = pending.filter(({ id }) => clashing.has(id));
  }
  for (const [story, slug] of slugs) ledger.urls.set(slug, story);

  const redirects: SlugRedirect[] = [];
  for (const [from, story] of ledger.urls) {
    const to = slugs.get(story);
    if (to !== undefined && to !== from) redirects.push({ from, to });
  }
  redirects.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return { slugs, ledger, redirects };
}
