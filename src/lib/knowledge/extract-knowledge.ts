/**
 * The knowledge of one story: its people, places and organisations, the
 * absolute dates it mentions and the latest one it reports as past, and its
 * attributed quotes. Pure: the same article gives the same fields.
 */
import type { DateMention, Quote } from '../entry-schema.ts';
import type { ParsedArticle } from '../ingest/types.ts';
import { findDates, latestDate } from './find-dates.ts';
import { findQuotes } from './find-quotes.ts';
import { resolveNames } from './resolve-names.ts';
import { storySentences, storyUnits } from './sentences.ts';

/** The knowledge fields of an entry. */
export interface Knowledge {
  people: string[];
  places: string[];
  organisations: string[];
  dates: DateMention[];
  latestDate?: string;
  quotes: Quote[];
}

/**
 * Extract the knowledge fields of an article.
 *
 * @param article The parsed article (captions and body; photo credits are already split off).
 * @returns Its fields, lists empty where nothing was found.
 */
export function extractKnowledge(article: ParsedArticle): Knowledge {
  const units = storyUnits(article);
  const sentences = storySentences(article);
  const names = resolveNames(sentences);
  const found = findDates(sentences);
  const latest = latestDate(found);
  return {
    people: names.people,
    places: names.places,
    organisations: names.organisations,
    dates: found.map(({ date, text, sentence }) => ({ date, text, sentence })),
    ...(latest === undefined ? {} : { latestDate: latest }),
    quotes: findQuotes(units, sentences, names),
  };
}
