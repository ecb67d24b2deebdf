/**
 * compromise's lexicon, read directly: about 25,000 words and phrases tagged
 * as first names, surnames, countries, cities, regions, organisations,
 * demonyms, months and parts of speech. A look-up costs a hash probe, where
 * compromise's tagger costs about a millisecond a sentence (see DESIGN.md).
 */
import { createRequire } from 'node:module';
import type nlp from 'compromise';

// Loaded on the first look-up, from compromise's one-file CommonJS build: a
// worker that finds everything in the cache, or an ingest run without
// extraction, never pays the second or so compromise takes to build its model.
let lexicon: Record<string, string | string[]> | undefined;
function loadLexicon(): Record<string, string | string[]> {
  // `compromise/two` holds the full lexicon without the phrase-level plugins: a fifth less to load.
  const compromise = createRequire(import.meta.url)('compromise/two') as typeof nlp;
  return (compromise.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
}

/** The tags compromise's lexicon gives a lower-case word or phrase (empty when it does not know it). */
export function lexiconTags(words: string): readonly string[] {
  lexicon ??= loadLexicon();
  const tags = lexicon[words];
  return tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
}

const PLACE_TAGS = new Set(['Country', 'City', 'Region', 'Place', 'Continent']);
const PERSON_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'Person']);
const PLAIN_TAGS = new Set([
  'Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'QuestionWord', 'Modal', 'Copula', 'PastTense', 'PresentTense',
  'Infinitive', 'Gerund', 'Plural', 'Singular', 'Adjective', 'Comparative', 'Superlative', 'Uncountable', 'Expression', 'Noun',
  'Actor', 'Cardinal', 'Ordinal', 'TextValue', 'Duration', 'Unit',
]);

type LexiconKind = 'place' | 'organisation' | 'firstName' | 'lastName' | 'demonym' | 'calendar' | 'plain' | undefined;

// The same words come back story after story: their kinds are kept, up to a bound.
const kinds = new Map<string, LexiconKind>();
const MAX_REMEMBERED = 200_000;

/** What the lexicon says a phrase names. */
export function lexiconKind(words: string): LexiconKind {
  let kind = kinds.get(words);
  if (kind === undefined && !kinds.has(words)) {
    if (kinds.size >= MAX_REMEMBERED) kinds.clear();
    kind = classify(words);
    kinds.set(words, kind);
  }
  return kind;
}

function classify(words: string): LexiconKind {
  const tags = lexiconTags(words);
  if (tags.length === 0) return undefined;
  if (tags.some((tag) => PLACE_TAGS.has(tag))) return 'place';
  if (tags.includes('Organization') || tags.includes('SportsTeam')) return 'organisation';
  if (tags.some((tag) => PERSON_TAGS.has(tag))) return 'firstName';
  if (tags.includes('LastName')) return 'lastName';
  if (tags.includes('Demonym')) return 'demonym';
  if (tags.includes('Month') || tags.includes('WeekDay')) return 'calendar';
  if (tags.some((tag) => PLAIN_TAGS.has(tag))) return 'plain';
  return undefined;
}
