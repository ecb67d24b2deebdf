/**
 * Quotes by speaker.
 */
import type { Story } from '../story.ts';
import { compareTitles } from '../title-index.ts';
import { slugifyName } from './entity-slug.ts';
import { countSpelling, pickName, type Spellings } from './pick-name.ts';
import type { QuoteMention, Speaker } from './types.ts';

/**
 * Group every quote by its speaker.
 *
 * @param newestFirst Every story, latest date first: each speaker's quotes follow this order.
 * @returns Speakers by number of quotes, most first; A–Z among equals.
 */
export function groupQuotes(newestFirst: readonly Story[]): Speaker[] {
  const speakers = new Map<string, { spellings: Spellings; quotes: QuoteMention[] }>();
  for (const story of newestFirst) {
    for (const quote of story.quotes) {
      const slug = slugifyName(quote.speaker);
      let speaker = speakers.get(slug);
      if (!speaker) speakers.set(slug, (speaker = { spellings: new Map(), quotes: [] }));
      countSpelling(speaker.spellings, quote.speaker);
      speaker.quotes.push({ text: quote.text, story });
    }
  }
  return [...speakers]
    .map(([slug, { spellings, quotes }]) => ({ slug, name: pickName(spellings), quotes }))
    .sort((a, b) => b.quotes.length - a.quotes.length || compareTitles(a.name, b.name));
}
