import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { buildSearchIndex } from './build-index.ts';
import { bestHeadlineMatches } from './best-headlines.ts';
import { FIXTURE_TEXTS } from './fixture-archive.ts';
import { BUILD_BM25, SEARCH_OPTIONS, type SearchDocument } from '../format/options.ts';
import { toSearchDocument } from '../format/story-record.ts';

// The stories with the term in their headline, as one whole MiniSearch index ranks them for the exact word.
function reference(docs: SearchDocument[], term: string, inTitle: Set<number>) {
  const whole = new MiniSearch(SEARCH_OPTIONS);
  whole.addAll(docs);
  return whole.search(term, { prefix: false, fuzzy: false, bm25: BUILD_BM25 }).filter((result) => inTitle.has(result.id as number));
}

describe('bestHeadlineMatches', () => {
  const documents = FIXTURE_TEXTS.map((record, id) => toSearchDocument(id, record));
  const index = buildSearchIndex(documents);

  it('takes every story with the word in its headline when they are few', () => {
    expect(bestHeadlineMatches(index, 'harbour', 10)).toEqual([0]);
    expect(bestHeadlineMatches(index, 'harbour', 0)).toEqual([]);
    expect(bestHeadlineMatches(index, 'no-such-word', 10)).toEqual([]);
    // A word in fewer headlines than asked for carries none.
    expect(bestHeadlineMatches(index, 'harbour', 10, 2)).toEqual([]);
  });

  it('ranks them as a one-word query does, over every field', () => {
    const word = fc.constantFrom('harbour', 'ferry', 'council', 'street', 'night');
    const text = fc.array(word, { maxLength: 6 }).map((words) => words.join(' '));
    const story = fc.record({ title: text, subtitle: text, captions: text, body: text });
    fc.assert(
      fc.property(fc.array(story, { minLength: 1, maxLength: 12 }), word, fc.integer({ min: 1, max: 4 }), (stories, term, limit) => {
        const docs = stories.map((fields, id) => ({ id, ...fields }));
        const built = buildSearchIndex(docs);
        const picked = bestHeadlineMatches(built, term, limit);
        const titled = built.terms.get(term)?.[0] ?? [];
        const inTitle = new Set(titled.filter((_, i) => i % 2 === 0));
        const ranked = reference(docs, term, inTitle);
        expect(picked).toHaveLength(Math.min(limit, inTitle.size));
        // Ties may fall either way: every story picked scores at least as well as the last one kept.
        const last = ranked[picked.length - 1]?.score ?? 0;
        for (const id of picked) expect(ranked.find((result) => result.id === id)!.score).toBeGreaterThanOrEqual(last - 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});
