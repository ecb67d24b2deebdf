import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { buildSearchIndex } from './build-index.ts';
import { firstPagesOf } from './first-pages.ts';
import { FIXTURE_TEXTS } from './fixture-archive.ts';
import { packIndex, serveFromMemory } from './pack-index.ts';
import { BUILD_BM25, SEARCH_OPTIONS, termSearchOptions, type SearchDocument } from '../format/options.ts';
import { toSearchDocument } from '../format/story-record.ts';
import { createShardedSearch } from '../query/sharded-search.ts';

// Frequencies stored with a huge scale score exactly as MiniSearch does.
const EXACT = 1e9;

// A one-word query on one whole MiniSearch index: the reference ranking.
function reference(docs: SearchDocument[], term: string) {
  const whole = new MiniSearch(SEARCH_OPTIONS);
  whole.addAll(docs);
  return whole.search(term, { ...termSearchOptions(term), bm25: BUILD_BM25 });
}

describe('firstPagesOf', () => {
  const documents = FIXTURE_TEXTS.map((record, id) => toSearchDocument(id, record));
  const index = buildSearchIndex(documents);

  it('takes the first results of a one-word query, for words in enough stories', () => {
    const best = firstPagesOf(index, { perTerm: 10, fewest: 1 });
    // "harbour" is in five stories, the one with it in its headline first.
    expect(best.get('harbour')).toEqual({ total: 5, ids: reference(documents, 'harbour').map((result) => result.id) });
    expect(best.get('harbour')?.ids[0]).toBe(0);
    expect(firstPagesOf(index, { perTerm: 2, fewest: 1 }).get('harbour')).toEqual({ total: 5, ids: best.get('harbour')?.ids.slice(0, 2) });
    // A word in fewer stories than asked for carries none.
    expect(firstPagesOf(index, { perTerm: 10, fewest: 6 }).has('harbour')).toBe(false);
    expect(firstPagesOf(index, { perTerm: 10, fewest: 5 }).has('harbour')).toBe(true);
    expect(best.size).toBe(index.terms.size);
    expect(firstPagesOf(index, { perTerm: 0, fewest: 1 }).size).toBe(0);
  });

  it('ranks as a one-word query does: prefix and typo matches included, over every field', () => {
    const word = fc.constantFrom('harbour', 'harbours', 'harbor', 'ferry', 'ferries', 'council', 'counsel', 'street', 'night');
    const text = fc.array(word, { maxLength: 6 }).map((words) => words.join(' '));
    const story = fc.record({ title: text, subtitle: text, captions: text, body: text });
    fc.assert(
      fc.property(fc.array(story, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 4 }), (stories, limit) => {
        const docs = stories.map((fields, id) => ({ id, ...fields }));
        const built = buildSearchIndex(docs);
        for (const [term, { total, ids: picked }] of firstPagesOf(built, { perTerm: limit, fewest: 1, scale: EXACT })) {
          const ranked = reference(docs, term);
          expect(total).toBe(ranked.length);
          expect(picked).toHaveLength(Math.min(limit, ranked.length));
          // Ties may fall either way: every story picked scores at least as well as the last one kept.
          const last = ranked[picked.length - 1]!.score;
          for (const id of picked) expect(ranked.find((result) => result.id === id)!.score).toBeGreaterThanOrEqual(last * (1 - 1e-6));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives what the browser’s sharded search ranks first, so a one-word query shows them from its shards', async () => {
    const packed = packIndex(index, { targetChars: 300, vocabularyChunk: 20 });
    const search = createShardedSearch({ manifest: packed.manifest, ...serveFromMemory(packed) });
    for (const [term, page] of firstPagesOf(index, { perTerm: 5, fewest: 1 })) {
      const { total, hits } = await search.search([term], 5);
      expect({ total, ids: hits.map((hit) => hit.id) }).toEqual(page);
    }
  });
});
