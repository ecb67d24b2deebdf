/**
 * Which headlines a shard carries (`format/headlines.ts`): for each of its
 * terms, the stories holding the term in their headline that rank best for
 * the term alone, as a one-word query ranks them. Those are the results a
 * query for a word shows first: with the headline boost, a story with the word
 * in its headline outranks one with it only in the body, nearly always.
 */
import type { BuiltIndex, TermPostings } from './build-index.ts';
import { BUILD_BM25, SEARCH_DEFAULTS, SEARCH_FIELDS } from '../format/options.ts';

const TITLE = SEARCH_FIELDS.indexOf('title');
const BOOSTS = SEARCH_FIELDS.map((field) => (SEARCH_DEFAULTS.boost as Record<string, number> | undefined)?.[field] ?? 1);

/**
 * The best stories with a term in their headline.
 *
 * @param index The built index.
 * @param term An indexed term.
 * @param limit How many at most.
 * @param fewest None unless the term is in at least this many headlines.
 * @returns Their ids, best first (ties by id).
 */
export function bestHeadlineMatches(index: BuiltIndex, term: string, limit: number, fewest = 1): number[] {
  const postings = index.terms.get(term);
  const inTitle = postings?.[TITLE];
  if (!postings || !inTitle || limit <= 0 || inTitle.length / 2 < fewest) return [];
  const ids: number[] = [];
  for (let i = 0; i < inTitle.length; i += 2) ids.push(inTitle[i]!);
  if (ids.length <= limit) return ids;
  const scores = new Map<number, number>(ids.map((id) => [id, 0]));
  postings.forEach((list, fieldId) => addFieldScores(index, list, fieldId, scores));
  return ids.sort((a, b) => scores.get(b)! - scores.get(a)! || a - b).slice(0, limit);
}

// BM25+ of one field for the stories in `scores`, as score-term.ts scores an exact word.
function addFieldScores(index: BuiltIndex, list: TermPostings[number], fieldId: number, scores: Map<number, number>): void {
  if (!list) return;
  const { k, b, d } = BUILD_BM25;
  const average = index.averageFieldLength[fieldId] || 1;
  const count = list.length / 2;
  const idf = Math.log(1 + (index.documentCount - count + 0.5) / (count + 0.5));
  for (let i = 0; i < list.length; i += 2) {
    const id = list[i]!;
    const score = scores.get(id);
    if (score === undefined) continue;
    const length = index.fieldLength[id]?.[fieldId] ?? 0;
    const frequency = list[i + 1]! / (1 - b + (b * length) / average);
    scores.set(id, score + BOOSTS[fieldId]! * idf * (d + (frequency * (k + 1)) / (frequency + k)));
  }
}
