/**
 * The absolute dates a story mentions. chrono-node reads the day-precise
 * ones ("January 27, 2024", "Friday, Nov. 15, 2024", "Sept. 17"); months
 * with a year ("December 2019") and years ("in 2015", "mid-2021") are read
 * here. A day without a year takes the year of a date written in the same
 * sentence, else of the nearest earlier date with a month and a written
 * year; without one it is left out. Weekdays and relative dates ("on
 * Tuesday", "10 years ago") are not dates.
 */
import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import type { DateMention } from '../entry-schema.ts';
import type { Sentence } from './sentences.ts';

/** A date mention, with what latestDate needs to know. */
export interface FoundDate extends DateMention {
  /** Announced for the future ("is due on", "will open on", "is planned for"). */
  future: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const MONTH_NAME = new RegExp(String.raw`\b${MONTH}(?:\s|$)`, 'i');
const MONTH_YEAR = new RegExp(String.raw`\b(${MONTH}),?\s+((?:1[89]|20)\d{2})\b`, 'g');
const YEAR =
  /(?<![$€£\d.,:/]|(?<!mid)-)\b((?:1[89]|20)\d{2})\b(?![%\d]|[.,]\d|\s*(?:people|troops|soldiers|members|men|women|children|dollars|patients|tons|tonnes|metres|meters|km|kilometres|kilometers|miles|feet|units|rockets|homes|houses|families|votes|pagers|cases|deaths|killed|dead|times|euros|pounds|riyals|workers|fighters|acres|hectares|words|pages))/g;
const COUNT_BEFORE = /(?:about|some|nearly|around|over|than|least|to|almost|roughly|approximately|of|only|just)\s+$/i;
const RELATIVE = /\b(?:ago|later|earlier|last|next|this|previous|coming)\b/i;
const FUTURE =
  /\b(?:will|would|shall|is due|are due|due to|is set to|are set to|set to|scheduled|planned|plans? to|is expected|are expected|is to|are to|upcoming|opens on|open on|to be held|starts on|begins on)\b/i;
const SENTENCE_CAP = 400;

interface Found {
  date: string;
  text: string;
  index: number;
  /** Year written, not inferred. */
  written: boolean;
  /** A month is part of it. */
  month: boolean;
  /** No year written: to be taken from the sentence or an earlier date. */
  needsYear?: { month: number; day: number };
}

const REFERENCE = new Date(Date.UTC(2000, 0, 1));
// Loaded on first use, as compromise is (see lexicon.ts).
let chrono: typeof Chrono | undefined;
const pad = (value: number) => String(value).padStart(2, '0');

/** The dates written in one sentence, in order, before any year is inferred. */
function readSentence(text: string): Found[] {
  const found: Found[] = [];
  const taken: [number, number][] = [];
  const free = (start: number, end: number) => taken.every(([a, b]) => end <= a || start >= b);
  // Only sentences with a month name or a year-like number are worth chrono's time.
  if (!/\b(?:1[89]|20)\d{2}\b/.test(text) && !new RegExp(`\\b${MONTH}\\s`, 'i').test(text)) return found;
  chrono ??= createRequire(import.meta.url)('chrono-node') as typeof Chrono;
  for (const result of chrono.strict.parse(text, REFERENCE)) {
    const start = result.start;
    if (RELATIVE.test(result.text) || !MONTH_NAME.test(result.text) || !start.isCertain('month') || !start.isCertain('day')) continue;
    const month = start.get('month')!;
    const day = start.get('day')!;
    const entry: Found = { date: '', text: result.text, index: result.index, written: start.isCertain('year'), month: true };
    if (entry.written) entry.date = `${start.get('year')}-${pad(month)}-${pad(day)}`;
    else entry.needsYear = { month, day };
    found.push(entry);
    taken.push([result.index, result.index + result.text.length]);
  }
  for (const match of text.matchAll(MONTH_YEAR)) {
    if (!free(match.index, match.index + match[0].length)) continue;
    const month = MONTHS.indexOf(match[1]!.slice(0, 3).toLowerCase()) + 1;
    found.push({ date: `${match[2]}-${pad(month)}`, text: match[0], index: match.index, written: true, month: true });
    taken.push([match.index, match.index + match[0].length]);
  }
  for (const match of text.matchAll(YEAR)) {
    if (
      !free(match.index, match.index + match[0].length) ||
      (COUNT_BEFORE.test(text.slice(Math.max(0, match.index - 20), match.index)) &&
        !/\b(?:in|of|since|by|until|from|during|between|and|before|after|mid-|early|late|end of)\s*$/i.test(text.slice(0, match.index)))
    )
      continue;
    found.push({ date: match[1]!, text: match[0], index: match.index, written: true, month: false });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Find every absolute date of a story.
 *
 * @param sentences The story's sentences in reading order (headings are skipped).
 * @returns The mentions in reading order, each with its sentence.
 */
export function findDates(sentences: readonly Sentence[]): FoundDate[] {
  const dates: FoundDate[] = [];
  const seen = new Set<string>();
  let anchor: number | undefined;
  for (const sentence of sentences) {
    if (sentence.heading) continue;
    const found = readSentence(sentence.text);
    const sameSentence = found.find((item) => item.written)?.date.slice(0, 4);
    for (const item of found) {
      let date = item.date;
      if (item.needsYear) {
        const year = sameSentence ?? (anchor === undefined ? undefined : String(anchor));
        if (year === undefined) continue;
        date = `${year}-${pad(item.needsYear.month)}-${pad(item.needsYear.day)}`;
      } else if (item.month) {
        anchor = Number(date.slice(0, 4));
      }
      const text = item.text.replace(/^(?:on|in|since|by)\s+/i, '');
      const quoted = sentence.text.length > SENTENCE_CAP ? `${sentence.text.slice(0, SENTENCE_CAP - 1)}…` : sentence.text;
      const key = `${date}\u0000${text}\u0000${quoted}`;
      if (seen.has(key)) continue;
      seen.add(key);
      dates.push({ date, text, sentence: quoted, future: FUTURE.test(sentence.text.slice(0, item.index)) });
    }
  }
  return dates;
}

/** The latest date reported as having happened, compared by the day each one starts on. */
export function latestDate(dates: readonly FoundDate[]): string | undefined {
  let latest: string | undefined;
  for (const { date, future } of dates) {
    if (future) continue;
    if (latest === undefined || date.padEnd(10, '\u0000') > latest.padEnd(10, '\u0000')) latest = date;
  }
  return latest;
}
