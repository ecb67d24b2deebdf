/**
 * Score extracted knowledge against a hand-labelled gold set (the format of
 * issue 11): names compared with case, punctuation and diacritics folded and
 * pooled over stories and kinds; quotes by their first words and speaker;
 * dates as sets of ISO values; latestDate within seven days.
 */
import type { Knowledge } from '../../src/lib/knowledge/extract-knowledge.ts';
import { foldName } from '../../src/lib/knowledge/classify-name.ts';

/** The labels of one story. */
export interface GoldStory {
  people?: string[][];
  places?: string[][];
  organisations?: string[][];
  optional?: string[];
  not_entities?: string[];
  dates?: string[];
  latest?: string | null;
  quotes?: [string, string][];
  /** Quotes that may be listed or not (partial quotes, unattributed ones). */
  optional_quotes?: [string, string][];
}

/** A ratio with its parts. */
export interface Ratio {
  hit: number;
  of: number;
}

/** What the script prints for a set. */
export interface Score {
  entityRecall: Ratio;
  entityPrecision: Ratio;
  quoteRecall: Ratio;
  quotePrecision: Ratio;
  dateRecall: Ratio;
  datePrecision: Ratio;
  /** Stories whose latestDate is more than seven days from the gold (or present where the gold has none). */
  latestMisses: string[];
  /** Stories that state no date but got one. */
  invented: string[];
  /** Listed names the gold says must not be tagged. */
  forbidden: string[];
  /** Per story: what was missed and what was extra, for tuning. */
  notes: string[];
}

const KINDS = ['people', 'places', 'organisations'] as const;
const DAY = 86_400_000;

const ratio = (): Ratio => ({ hit: 0, of: 0 });
/** The value of a ratio, 1 when there is nothing to measure. */
export const value = (r: Ratio) => (r.of === 0 ? 1 : r.hit / r.of);

function dayOf(iso: string): number {
  const [year, month = '01', day = '01'] = iso.split('-');
  return Date.UTC(Number(year), Number(month) - 1, Number(day));
}

/** Whether a quote's speaker is the gold's: the same name (or a variant of it), or a description with the same head noun. */
function sameSpeaker(found: string, gold: string, variants: Map<string, Set<string>>): boolean {
  const [a, b] = [foldName(found), foldName(gold)];
  if (a === b || variants.get(b)?.has(a)) return true;
  const description = /^(?:a|an|the|one|his|her|their|its)\s/;
  return description.test(a) && description.test(b) && a.split(' ').at(-1) === b.split(' ').at(-1);
}

const quoteMatches = (found: string, first: string) => {
  const [a, b] = [foldName(found), foldName(first)];
  return a.startsWith(b) || a.includes(b);
};

/**
 * Score one set.
 *
 * @param gold The labels, by title.
 * @param extracted The extraction, by title (a missing title scores as nothing found).
 */
export function scoreKnowledge(gold: Record<string, GoldStory>, extracted: Map<string, Knowledge>): Score {
  const score: Score = {
    entityRecall: ratio(),
    entityPrecision: ratio(),
    quoteRecall: ratio(),
    quotePrecision: ratio(),
    dateRecall: ratio(),
    datePrecision: ratio(),
    latestMisses: [],
    invented: [],
    forbidden: [],
    notes: [],
  };
  for (const [title, labels] of Object.entries(gold)) {
    const found = extracted.get(foldName(title)) ?? { people: [], places: [], organisations: [], dates: [], quotes: [] };
    const allowed = new Set((labels.optional ?? []).map(foldName));
    const variants = new Map<string, Set<string>>();
    const missed: string[] = [];
    const extra: string[] = [];
    for (const kind of KINDS) {
      const listed = new Set(found[kind].map(foldName));
      for (const names of labels[kind] ?? []) {
        const folded = names.map(foldName);
        folded.forEach((name) => allowed.add(name));
        variants.set(folded[0]!, new Set(folded));
        score.entityRecall.of++;
        if (folded.some((name) => listed.has(name))) score.entityRecall.hit++;
        else missed.push(`${kind}:${names[0]}`);
      }
    }
    const forbidden = new Set((labels.not_entities ?? []).map(foldName));
    for (const kind of KINDS) {
      for (const name of found[kind]) {
        score.entityPrecision.of++;
        if (allowed.has(foldName(name))) score.entityPrecision.hit++;
        else extra.push(`${kind}:${name}`);
        if (forbidden.has(foldName(name))) score.forbidden.push(`${title}: ${name}`);
      }
    }

    const quoteMiss: string[] = [];
    for (const [first, speaker] of labels.quotes ?? []) {
      score.quoteRecall.of++;
      if (found.quotes.some((quote) => quoteMatches(quote.text, first) && sameSpeaker(quote.speaker, speaker, variants))) score.quoteRecall.hit++;
      else quoteMiss.push(`${first} (${speaker}) → ${found.quotes.find((quote) => quoteMatches(quote.text, first))?.speaker ?? 'not found'}`);
    }
    const quoteExtra: string[] = [];
    for (const quote of found.quotes) {
      score.quotePrecision.of++;
      const gold = (labels.quotes ?? []).some(([first, speaker]) => quoteMatches(quote.text, first) && sameSpeaker(quote.speaker, speaker, variants));
      const optional = (labels.optional_quotes ?? []).some(([first]) => quoteMatches(quote.text, first));
      if (gold || optional) score.quotePrecision.hit++;
      else quoteExtra.push(`${quote.text.slice(0, 40)} (${quote.speaker})`);
    }

    const goldDates = new Set(labels.dates ?? []);
    const foundDates = new Set(found.dates.map((date) => date.date));
    for (const date of goldDates) {
      score.dateRecall.of++;
      if (foundDates.has(date)) score.dateRecall.hit++;
    }
    for (const date of foundDates) {
      score.datePrecision.of++;
      if (goldDates.has(date)) score.datePrecision.hit++;
    }
    const latest = labels.latest ?? null;
    if (latest === null ? found.latestDate !== undefined : found.latestDate === undefined || Math.abs(dayOf(found.latestDate) - dayOf(latest)) > 7 * DAY) {
      score.latestMisses.push(`${title}: ${found.latestDate ?? 'none'} (gold ${latest ?? 'none'})`);
    }
    if (goldDates.size === 0 && foundDates.size > 0) score.invented.push(`${title}: ${[...foundDates].join(', ')}`);

    const dateMiss = [...goldDates].filter((date) => !foundDates.has(date));
    const dateExtra = [...foundDates].filter((date) => !goldDates.has(date));
    const lines = [
      missed.length ? `  missed names: ${missed.join('; ')}` : '',
      extra.length ? `  extra names: ${extra.join('; ')}` : '',
      quoteMiss.length ? `  missed quotes: ${quoteMiss.join('; ')}` : '',
      quoteExtra.length ? `  extra quotes: ${quoteExtra.join('; ')}` : '',
      dateMiss.length || dateExtra.length ? `  dates missed: ${dateMiss.join(', ') || '-'}; extra: ${dateExtra.join(', ') || '-'}` : '',
    ].filter(Boolean);
    if (lines.length) score.notes.push(`${title}\n${lines.join('\n')}`);
  }
  return score;
}
