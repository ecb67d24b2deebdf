import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { buildSearchIndex } from '../build/build-index.ts';
import { FIXTURE_TEXTS } from '../build/fixture-archive.ts';
import { shardFile, shardOf } from '../format/manifest.ts';
import { packIndex, serveFromMemory } from '../build/pack-index.ts';
import { BUILD_BM25, SEARCH_OPTIONS, termSearchOptions, type SearchDocument } from '../format/options.ts';
import { parseQuery } from './parse-query.ts';
import { FREQUENCY_SCALE } from '../format/shard-format.ts';
import { createShardedSearch, headTypos } from './sharded-search.ts';
import { toSearchDocument } from '../format/story-record.ts';

const documents = FIXTURE_TEXTS.map((record, id) => toSearchDocument(id, record));

// Shards written with a huge frequency scale score exactly as MiniSearch does.
const EXACT = 1e9;

function fixtureSearch(targetChars = 500, maxLoadedChars?: number, scale = EXACT) {
  const packed = packIndex(buildSearchIndex(documents), { targetChars, scale, vocabularyChunk: 40 });
  const fetched: string[] = [];
  const search = createShardedSearch({ manifest: packed.manifest, maxLoadedChars, ...serveFromMemory(packed, fetched) });
  return { search, fetched, manifest: packed.manifest };
}

/** One whole MiniSearch index, queried term by term with the same options: the reference. */
function referenceSearch(docs: SearchDocument[], query: string) {
  const reference = new MiniSearch(SEARCH_OPTIONS);
  reference.addAll(docs);
  const { terms } = parseQuery(query);
  if (terms.length === 0) return [];
  const results = reference.search({
    combineWith: 'AND',
    queries: terms.map((term) => ({ ...termSearchOptions(term), bm25: BUILD_BM25, queries: [term] })),
  });
  // MiniSearch multiplies by the number of query terms matched: the same for every AND result.
  return results.map((result) => ({ id: result.id as number, score: result.score / terms.length }));
}

// Postings hold frequencies as 32-bit floats: scores agree to about seven digits.
const expectSameScore = (ours: number, reference: number) => expect(Math.abs(ours / reference - 1)).toBeLessThan(1e-6);

const ids = async (query: string, search = fixtureSearch().search) => (await search.search(parseQuery(query).terms)).hits.map((hit) => hit.id);

describe('createShardedSearch', () => {
  it('requires every word to match (AND)', async () => {
    expect(await ids('harbour street')).toEqual([0, 7]);
    expect(await ids('harbour ferry')).toEqual([1, 6]);
  });

  it('ranks headline matches above caption matches above body matches', async () => {
    // Headline (0), then caption (1), then the body matches, ordered among themselves by BM25.
    const harbour = await ids('harbour');
    expect(harbour.slice(0, 2)).toEqual([0, 1]);
    expect(harbour.slice(2).sort()).toEqual([2, 6, 7]);
    expect(await ids('ferry')).toEqual([1, 6]);
  });

  it('matches prefixes of three letters or more as the reader types', async () => {
    expect(await ids('timet')).toEqual([1, 6]);
    expect(await ids('ti')).toEqual([]);
  });

  it('tolerates a typo in longer words', async () => {
    expect(await ids('harbpur')).toContain(0);
    expect(await ids('tiemtable')).toEqual([1, 6]);
    expect(await ids('fery')).toEqual([]);
  });

  it('folds case, accents, Arabic diacritics, letter variants and the article', async () => {
    expect(await ids('CAFE EMILE')).toEqual([3]);
    expect(await ids('انتخابات')).toEqual([4]);
    expect(await ids('اقبال')).toEqual([4]);
    expect(await ids('ستعلن')).toEqual([4]);
  });

  it('returns the matched index terms for highlighting', async () => {
    const [hit] = (await fixtureSearch().search.search(['timet'])).hits;
    expect(hit!.terms).toEqual(['timetable']);
  });

  it('scores exactly as one whole MiniSearch index does', async () => {
    const { search } = fixtureSearch(300);
    for (const query of ['harbour', 'harbour street', 'council vote', 'harbpur', 'the ferry timetable', 'tra', 'caf', 'winter']) {
      const ours = (await search.search(parseQuery(query).terms)).hits;
      const reference = referenceSearch(documents, query);
      expect(ours.map((hit) => hit.id)).toEqual(reference.map((hit) => hit.id));
      ours.forEach((hit, i) => expectSameScore(hit.score, reference[i]!.score));
    }
  });

  it('remembers the headlines carried by the shards it fetched', async () => {
    const packed = packIndex(buildSearchIndex(documents), { targetChars: 500, vocabularyChunk: 40, headlines: FIXTURE_TEXTS });
    const search = createShardedSearch({ manifest: packed.manifest, ...serveFromMemory(packed) });
    expect(search.headline(0)).toBeUndefined();
    await search.search(['harbour']);
    expect(search.headline(0)).toEqual({ slug: FIXTURE_TEXTS[0]!.slug, title: FIXTURE_TEXTS[0]!.title });
  });

  it('gives a carried one-word query’s first page from the word’s shard alone, as the search ranks it', async () => {
    const index = buildSearchIndex(documents);
    const packed = packIndex(index, { targetChars: 300, vocabularyChunk: 20, headlines: FIXTURE_TEXTS, headlinesPerTerm: 3 });
    let carried = 0;
    for (const term of index.terms.keys()) {
      const fetched: string[] = [];
      const search = createShardedSearch({ manifest: packed.manifest, ...serveFromMemory(packed, fetched) });
      const page = await search.firstPage(term);
      expect(fetched).toEqual([`shards/${shardFile(packed.manifest, shardOf(packed.manifest.shards, term))}`]);
      // Up to 250 stories, every word carries its page.
      if (!page) throw new Error(`no first page for "${term}"`);
      carried++;
      const { total, hits } = await search.search([term], 3);
      expect(page).toEqual({ total, ids: hits.map((hit) => hit.id) });
      for (const id of page.ids) expect(search.headline(id)?.slug).toBe(FIXTURE_TEXTS[id]!.slug);
    }
    expect(carried).toBe(index.terms.size);
    expect(await createShardedSearch({ manifest: packed.manifest, ...serveFromMemory(packed) }).firstPage('nowhere')).toBeUndefined();
  });

  it('fetches ahead what a search for a word reads first, which the search then reads without fetching again', async () => {
    const { search, fetched } = fixtureSearch(300);
    search.prefetchTerm('harbour');
    await new Promise((resolve) => setTimeout(resolve, 10));
    const ahead = [...fetched];
    expect(ahead.some((name) => name.startsWith('shards/'))).toBe(true);
    expect(ahead.some((name) => name.startsWith('vocabulary/'))).toBe(true);
    await search.search(['harbour']);
    // Only the shards of its typo matches, if any, come after.
    expect(fetched.slice(0, ahead.length)).toEqual(ahead);
    expect(fetched.slice(ahead.length).every((name) => name.startsWith('shards/') && !ahead.includes(name))).toBe(true);
  });

  it('agrees with one whole index on random archives, queries and shard sizes', async () => {
    const word = fc.constantFrom('harbour', 'harbor', 'street', 'streets', 'ferry', 'market', 'marked', 'ha', 'har', 'city', 'cite', 'council');
    const text = fc.array(word, { maxLength: 8 }).map((words) => words.join(' '));
    const story = fc.record({ title: text, subtitle: text, captions: text, body: text });
    await fc.assert(
      fc.asyncProperty(
        fc.array(story, { minLength: 1, maxLength: 8 }),
        fc.array(word, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 50, max: 2000 }),
        async (stories, words, targetChars) => {
          const docs = stories.map((fields, id) => ({ id, ...fields }));
          const packed = packIndex(buildSearchIndex(docs), { targetChars, scale: EXACT, vocabularyChunk: 3 });
          const search = createShardedSearch({ manifest: packed.manifest, ...serveFromMemory(packed) });
          const query = words.join(' ');
          const ours = (await search.search(parseQuery(query).terms)).hits;
          const reference = referenceSearch(docs, query);
          expect(ours.map((hit) => hit.id).sort()).toEqual(reference.map((hit) => hit.id).sort());
          for (const hit of ours) expectSameScore(hit.score, reference.find((r) => r.id === hit.id)!.score);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the ranking of one whole index with the default frequency rounding', async () => {
    const { search } = fixtureSearch(300, undefined, FREQUENCY_SCALE);
    for (const query of ['harbour', 'council', 'ferry timetable', 'street']) {
      const ours = (await search.search(parseQuery(query).terms)).hits;
      const reference = referenceSearch(documents, query);
      expect(ours.map((hit) => hit.id)).toEqual(reference.map((hit) => hit.id));
      ours.forEach((hit, i) => expect(Math.abs(hit.score / reference[i]!.score - 1)).toBeLessThan(0.03));
    }
  });

  it('fetches only the shards of the query words, each once', async () => {
    const { search, fetched, manifest } = fixtureSearch(300);
    await search.search(['fish']);
    expect(fetched).toEqual([`shards/${shardFile(manifest, shardOf(manifest.shards, 'fish'))}`]);
    fetched.length = 0;
    await search.search(['timetable']);
    const shardsFetched = fetched.filter((name) => name.startsWith('shards/'));
    expect(fetched.some((name) => name.startsWith('vocabulary/'))).toBe(true);
    expect(shardsFetched).toContain(`shards/${shardFile(manifest, shardOf(manifest.shards, 'timetable'))}`);
    expect(shardsFetched.length).toBeLessThan(manifest.shards.length / 2);
    const before = fetched.length;
    await search.search(['timetable']);
    expect(fetched.length).toBe(before);
  });

  it('forgets least recently used shards beyond its memory budget', async () => {
    const { search } = fixtureSearch(300, 1);
    await search.search(['ferry']);
    await search.search(['council']);
    expect(search.loadedShards().every((name) => name.length > 0)).toBe(true);
    const loaded = search.loadedShards();
    expect(await ids('ferry', search)).toEqual([1, 6]);
    expect(search.loadedShards()).not.toEqual(loaded);
  });

  it('suggests the indexed word nearest a word nothing matches', async () => {
    const { search } = fixtureSearch();
    expect((await search.search(['harbpur'])).total).toBeGreaterThan(0);
    expect(await search.suggest('coucil')).toBe('council');
    expect(await search.suggest('zzzz')).toBeUndefined();
    // "fery" is one edit from both; the first letter decides.
    expect(await search.suggest('fery')).toBe('ferry');
    // Typos in the first two letters: swapped, or a stray letter first or second.
    expect(await search.suggest('ocuncil')).toBe('council');
    expect(await search.suggest('scouncil')).toBe('council');
    expect(await search.suggest('cxouncil')).toBe('council');
  });

  it('lists the first letters a word with a typo in them may have meant', () => {
    expect(headTypos('ehzbollah')).toEqual(['he', 'hz', 'ez']);
    expect(headTypos('aab')).toEqual(['ab']);
    expect(headTypos('ab')).toEqual([]);
  });

  it('returns the best few in the same order as the full ranking, with the full count', async () => {
    const { search } = fixtureSearch();
    for (const query of ['harbour', 'the', 'council', 'street harbour']) {
      const all = await search.search(parseQuery(query).terms);
      for (const limit of [0, 1, 2, 3]) {
        const some = await search.search(parseQuery(query).terms, limit);
        expect(some.total).toBe(all.total);
        expect(some.hits).toEqual(all.hits.slice(0, limit));
      }
    }
  });

  it('finds nothing for no terms', async () => {
    expect(await fixtureSearch().search.search([])).toEqual({ total: 0, hits: [] });
  });
});
