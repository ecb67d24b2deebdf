/**
 * A URL is forever: from the stories of this run and the ledger of every URL
 * published before, each story's current slug, the ledger to keep, and the
 * redirects from every older URL of a live story to its current one.
 */
import { makeSlug, slugWords } from '../ingest/slug.ts';
import { ChangedMap } from './changed-map.ts';
import { publishedUrls, type Ledger, type LedgerMaps, type Owners } from './ledger.ts';

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
  /** The ledger to write: the old one with merges applied, and this run's URLs and versions set on top of it. */
  ledger: Ledger;
  /** From every other URL of a live story to its current one, sorted by `from`. */
  redirects: SlugRedirect[];
  /** The ledger differs from the one given (a re-run that changed no URL need not write it, nor even serialize it). */
  ledgerChanged: boolean;
  /** The lines that differ from the ledger given, when no story merged (a merge moves every URL of the loser): the ledger's text is patched with them. */
  ledgerLines?: Ledger;
}

/** What `settleUrls` is given. */
export interface SettleInput {
  stories: readonly LiveStory[];
  /** Versions whose content id is not their story's id: content id → story id. */
  versions: ReadonlyMap<string, string>;
  /** Known stories merged into another this run: loser → survivor. */
  merged: ReadonlyMap<string, string>;
  ledger: Ledger;
  /** Whether a slug is the current one of a live story left out of `stories` (a re-run's untouched ones), for their redirects. */
  isLive?: (slug: string) => boolean;
  /** `publishedUrls` of the ledger, when the caller has it (not used when stories merged: their URLs change hands). */
  published?: Owners;
}

/** A ledger map with the merged stories' keys given to their survivors. */
function withMerges(map: ReadonlyMap<string, string>, merged: ReadonlyMap<string, string>): Map<string, string> {
  const copy = new Map<string, string>();
  map.forEach((story, key) => copy.set(key, merged.get(story) ?? story));
  return copy;
}

/** Whether a slug is these words and a hash: everything before its last "-" is the words. */
const hasWords = (slug: string, words: string) =>
  slug.length > words.length + 1 && slug.charCodeAt(words.length) === 45 && slug.startsWith(words) && slug.indexOf('-', words.length + 1) === -1;

/** The slug a story keeps among those it was published under: with its headline's words, the shortest, then the first in order. */
function keptSlug(published: string | readonly string[] | undefined, words: string): string | undefined {
  if (published === undefined) return undefined;
  if (typeof published === 'string') return hasWords(published, words) ? published : undefined;
  let kept: string | undefined;
  for (const slug of published) {
    if (!hasWords(slug, words)) continue;
    if (kept === undefined || slug.length < kept.length || (slug.length === kept.length && slug < kept)) kept = slug;
  }
  return kept;
}

/**
 * Settle every story's URL. A story keeps a slug it was published under while
 * its headline's words are the same (even when its body changed); a corrected
 * headline gets a new slug and the old one redirects. A new slug carries six
 * hex digits of the story id, more when another story (live, or gone but in
 * the ledger) holds it, so no published URL ever changes hands.
 */
export function settleUrls(input: SettleInput): SettledUrls {
  const { merged } = input;
  // The ledger given, with this run's lines set on top: most re-runs add a URL or none, and 100k are not copied for it.
  const base = merged.size === 0 ? input.ledger : { urls: withMerges(input.ledger.urls, merged), texts: withMerges(input.ledger.texts, merged) };
  const ledger = { urls: new ChangedMap(base.urls), texts: new ChangedMap(base.texts) };
  let ledgerChanged = merged.size > 0;
  const lines: LedgerMaps = { urls: new Map(), texts: new Map() };
  for (const [loser, survivor] of merged) ledger.texts.set(loser, survivor);
  for (const [content, story] of input.versions) {
    if (ledger.texts.get(content) === story) continue;
    ledgerChanged = true;
    lines.texts.set(content, story);
    ledger.texts.set(content, story);
  }

  const published = (merged.size === 0 && input.published) || publishedUrls(base);

  const slugs = new Map<string, string>();
  let pending: { id: string; words: string }[] = [];
  for (const story of input.stories) {
    const words = slugWords(story.title) || 'story';
    const kept = keptSlug(published.get(story.id), words);
    if (kept !== undefined) slugs.set(story.id, kept);
    else pending.push({ id: story.id, words });
  }
  const claimed = pending.length > 0 ? new Set(slugs.values()) : new Set<string>();
  for (let digits = 6; pending.length > 0; digits += 2) {
    const wanted = pending.map(({ id, words }) => makeSlug(words, id, digits));
    const wanting = new Map<string, number>();
    for (const slug of wanted) wanting.set(slug, (wanting.get(slug) ?? 0) + 1);
    const clashing: typeof pending = [];
    pending.forEach((story, k) => {
      const slug = wanted[k] as string;
      const owner = ledger.urls.get(slug);
      const free = wanting.get(slug) === 1 && !claimed.has(slug) && (owner === undefined || owner === story.id);
      if (free || digits >= 16) {
        slugs.set(story.id, slug);
        if (owner !== story.id) {
          ledgerChanged = true;
          lines.urls.set(slug, story.id);
          ledger.urls.set(slug, story.id);
        }
      } else clashing.push(story);
    });
    pending = clashing;
  }

  // Redirects come from this run's stories and from those left out with more than one URL (the live one among them): no other story has a URL that is not its current one.
  const redirects: SlugRedirect[] = [];
  const redirect = (urls: string | readonly string[] | undefined, to: string | undefined) => {
    if (urls === undefined || to === undefined) return;
    for (const from of typeof urls === 'string' ? [urls] : urls) if (from !== to) redirects.push({ from, to });
  };
  slugs.forEach((to, story) => redirect(published.get(story), to));
  const { isLive } = input;
  if (isLive) published.forEachShared((urls, story) => slugs.has(story) || redirect(urls, urls.find(isLive)));
  redirects.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return { slugs, ledger, redirects, ledgerChanged, ...(merged.size === 0 ? { ledgerLines: lines } : {}) };
}
