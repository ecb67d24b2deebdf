import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSearchIndex } from '../../lib/search/build/build-index.ts';
import { FIXTURE_TEXTS } from '../../lib/search/build/fixture-archive.ts';
import { packIndex } from '../../lib/search/build/pack-index.ts';
import { gzipSync } from 'node:zlib';
import { toSearchDocument, toStoryRecord, type StoryText } from '../../lib/search/format/story-record.ts';
import { createBrowserSearch } from './browser-search.ts';
import { shardFile, shardOf, type SearchManifest } from '../../lib/search/format/manifest.ts';

const BASE = 'https://archive.test/search/data/';
// "lighthouse" is in six headlines and six bodies, "beacon" in four headlines and six bodies.
const LIGHTHOUSE_BASE = 'https://lighthouse.test/search/data/';
const LIGHTHOUSE = Array.from({ length: 12 }, (_, id) => ({
  slug: `story-${id}`,
  title: id < 4 ? `Beacon and lighthouse keeper ${id}` : id < 6 ? `Lighthouse keeper ${id}` : `Harbour notes ${id}`,
  subtitle: '',
  captions: '',
  body: id < 6 ? 'The lighthouse stands.' : 'The lighthouse, the lighthouse and the lighthouse again, and its beacon.',
}));
// The same stories, with four results carried per word.
const FOUR_BASE = 'https://four.test/search/data/';
// And the fixture's stories with none.
const NONE_BASE = 'https://none.test/search/data/';
// "marina" in three stories, its typo match "mabina" in a fourth, and between the two, in sorted
// order, enough words that the typo match lives in another shard.
const TYPO_BASE = 'https://typo.test/search/data/';
const BETWEEN = ['macaroni', 'madrigal', 'magnolia', 'mahogany', 'majestic', 'malachite', 'mandolin', 'mangrove', 'manifest', 'manuscript', 'marble'];
const TYPO: StoryText[] = [
  ...[0, 1, 2].map((id) => ({ slug: `marina-${id}`, title: `Marina notes ${id}`, subtitle: '', captions: '', body: 'The marina opens.' })),
  { slug: 'mabina', title: 'Mabina', subtitle: '', captions: '', body: 'A mabina story.' },
  ...BETWEEN.map((word) => ({ slug: word, title: `${word} ${word}`, subtitle: '', captions: '', body: `${word} and ${word} again.` })),
];
const fetched: string[] = [];
// While set, vocabulary chunks are held back until it settles.
let holdVocabulary: Promise<void> | undefined;
const files = new Map<string, Uint8Array | string>();

// As the build writes them: the manifest plain, every other file gzipped. Shards carry the
// first `headlinesPerTerm` results of each word's query.
function serveArchive(base: string, texts: StoryText[], headlinesPerTerm: number): void {
  const packed = packIndex(buildSearchIndex(texts.map((record, id) => toSearchDocument(id, record))), {
    targetChars: 400,
    vocabularyChunk: 30,
    headlines: texts,
    headlinesPerTerm,
  });
  files.set(`${base}manifest.json`, JSON.stringify(packed.manifest));
  for (const file of packed.shards) files.set(`${base}shards/${file.name}`, gzipSync(file.text));
  for (const file of packed.vocabulary) files.set(`${base}vocabulary/${file.name}`, gzipSync(file.text));
  texts.forEach((text, id) => {
    files.set(`${base}docs/${id}.jz`, gzipSync(JSON.stringify(toStoryRecord(text))));
    files.set(`${base}texts/${id}.jz`, gzipSync(JSON.stringify(text)));
  });
}

beforeAll(() => {
  serveArchive(BASE, FIXTURE_TEXTS, 1);
  serveArchive(LIGHTHOUSE_BASE, LIGHTHOUSE, 10);
  serveArchive(FOUR_BASE, LIGHTHOUSE, 4);
  serveArchive(NONE_BASE, FIXTURE_TEXTS, 0);
  serveArchive(TYPO_BASE, TYPO, 10);
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url.slice(url.indexOf('/search/data/') + '/search/data/'.length));
    if (holdVocabulary && url.includes('/vocabulary/')) await holdVocabulary;
    const body = files.get(url);
    return body === undefined ? new Response('', { status: 404 }) : new Response(body as BodyInit);
  });
});
afterAll(() => vi.unstubAllGlobals());

describe('createBrowserSearch', () => {
  it('answers with the count and the first results, records loaded', async () => {
    const answer = await createBrowserSearch(BASE).run('harbour', 2);
    expect(answer.total).toBe(5);
    expect(answer.exact).toBe(true);
    expect(answer.results.map((result) => result.record.slug)).toEqual(['harbour-street-closed-to-cars', 'ferry-timetable-changes']);
    expect(answer.results[0]!.terms).toContain('harbour');
  });

  it('shows results from the headlines the shards carry, then fetches their records when asked', async () => {
    fetched.length = 0;
    const search = createBrowserSearch(BASE);
    const answer = await search.run('harbour', 1);
    expect(fetched.filter((name) => name.startsWith('docs/'))).toEqual([]);
    expect(answer.results).toEqual([
      {
        id: 0,
        record: { slug: FIXTURE_TEXTS[0]!.slug, title: FIXTURE_TEXTS[0]!.title, subtitle: '', captions: '', lead: '' },
        headlineOnly: true,
        terms: ['harbour'],
      },
    ]);
    const completing = answer.complete!();
    expect(answer.complete!()).toBe(completing);
    const complete = await completing;
    expect(fetched.filter((name) => name.startsWith('docs/'))).toEqual(['docs/0.jz']);
    expect(complete.results).toEqual([{ id: 0, record: toStoryRecord(FIXTURE_TEXTS[0]!), terms: ['harbour'] }]);
    expect(complete.total).toBe(answer.total);
    expect(complete.complete).toBeUndefined();
    // Once a record is here, the result is never shown with less.
    const again = await search.run('harbour', 1);
    expect(again.complete).toBeUndefined();
    expect(again.results).toEqual(complete.results);
  });

  it('waits for the records when a result’s headline did not come with the shards', async () => {
    const answer = await createBrowserSearch(NONE_BASE).run('harbour', 2);
    expect(answer.complete).toBeUndefined();
    expect(answer.results.map((result) => result.headlineOnly)).toEqual([undefined, undefined]);
    for (const result of answer.results) expect(result.record).toEqual(toStoryRecord(FIXTURE_TEXTS[result.id]!));
  });

  it('shows the leading results from their headlines once at least five lead the list', async () => {
    const answer = await createBrowserSearch(LIGHTHOUSE_BASE).run('lighthouse', 10);
    expect(answer.total).toBe(12);
    expect(answer.results).toHaveLength(10);
    expect(answer.results.every((result) => result.headlineOnly)).toBe(true);
    const complete = await answer.complete!();
    expect(complete.results.map((result) => result.id)).toEqual(answer.results.map((result) => result.id));
    for (const result of complete.results) expect(result.record).toEqual(toStoryRecord(LIGHTHOUSE[result.id]!));
    // Four leading ones would not do: the list waits for the records.
    const four = await createBrowserSearch(FOUR_BASE).run('beacon', 10);
    expect(four.complete).toBeUndefined();
    expect(four.results.some((result) => result.headlineOnly)).toBe(false);
    expect(four.results.map((result) => result.id)).toEqual([0, 1, 2, 3, 6, 7, 8, 9, 10, 11]);
  });

  it('shows a one-word query’s first page once the word’s shard is here, before its vocabulary', async () => {
    let release = () => {};
    holdVocabulary = new Promise((resolve) => (release = resolve));
    fetched.length = 0;
    const answer = await createBrowserSearch(LIGHTHOUSE_BASE)
      .run('lighthouse', 10)
      .finally(() => {
        release();
        holdVocabulary = undefined;
      });
    // The manifest, the word's shard, and the vocabulary asked for (and held back).
    expect(fetched.filter((name) => name !== 'manifest.json' && !name.startsWith('vocabulary/'))).toEqual([expect.stringMatching(/^shards\//)]);
    expect(answer.total).toBe(12);
    expect(answer.results).toHaveLength(10);
    expect(answer.results.every((result) => result.headlineOnly && result.terms[0] === 'lighthouse')).toBe(true);
    const complete = await answer.complete!();
    expect(complete.total).toBe(12);
    expect(complete.results.map((result) => result.id)).toEqual(answer.results.map((result) => result.id));
    expect(complete.results.every((result) => !result.headlineOnly)).toBe(true);
  });

  it('leaves a one-word query’s typo matching to `complete`, having fetched its vocabulary with its shard', async () => {
    const manifest = JSON.parse(files.get(`${TYPO_BASE}manifest.json`) as string) as SearchManifest;
    expect(shardOf(manifest.shards, 'mabina')).not.toBe(shardOf(manifest.shards, 'marina'));
    fetched.length = 0;
    const answer = await createBrowserSearch(TYPO_BASE).run('marina', 10);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answer.results.every((result) => result.headlineOnly)).toBe(true);
    expect(fetched.filter((name) => name.startsWith('shards/'))).toEqual([`shards/${shardFile(manifest, shardOf(manifest.shards, 'marina'))}`]);
    expect(fetched.filter((name) => name.startsWith('vocabulary/'))).toHaveLength(1);
    const complete = await answer.complete!();
    expect(fetched.filter((name) => name.startsWith('shards/'))).toHaveLength(2);
    expect(fetched.filter((name) => name.startsWith('vocabulary/'))).toHaveLength(1);
    expect(complete.total).toBe(4);
    expect(complete.results.map((result) => result.record.slug)).toContain('mabina');
  });

  it('fetches ahead the records of more results than a page shows, which the next query then uses', async () => {
    const search = createBrowserSearch(NONE_BASE);
    const first = await search.run('harbour', 2);
    expect(first.following).toHaveLength(2);
    fetched.length = 0;
    search.prefetch(first);
    await vi.waitFor(() => expect(fetched.filter((name) => name.startsWith('docs/'))).toHaveLength(2));
    const prefetched = fetched.filter((name) => name.startsWith('docs/'));
    expect(prefetched).toEqual(first.following!.map((id) => `docs/${id}.jz`));
    fetched.length = 0;
    const answer = await search.run('harbour', 4);
    expect(answer.results.slice(2).map((result) => `docs/${result.id}.jz`)).toEqual(prefetched);
    expect(fetched.filter((name) => name.startsWith('docs/'))).toEqual([]);
    // Nothing to fetch for a phrase (its texts are checked instead) or for stopwords alone.
    const phrase = await search.run('"harbour street"', 1);
    const stopwords = await search.run('the', 1);
    fetched.length = 0;
    search.prefetch(phrase);
    search.prefetch(stopwords);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fetched.filter((name) => name.startsWith('docs/') || name.startsWith('texts/'))).toEqual([]);
  });

  it('fetches records only for the results shown', async () => {
    fetched.length = 0;
    const answer = await createBrowserSearch(BASE).run('harbour', 1);
    await answer.complete?.();
    expect(fetched.filter((name) => name.startsWith('docs/') || name.startsWith('texts/'))).toEqual(['docs/0.jz']);
  });

  it('keeps only stories with the exact phrase', async () => {
    const search = createBrowserSearch(BASE);
    expect((await search.run('harbour street', 10)).total).toBe(2);
    fetched.length = 0;
    const phrase = await search.run('"harbour street"', 10);
    expect(phrase.results.map((result) => result.id)).toEqual([0, 7]);
    // Phrases are checked in the whole texts, and the results shown from them.
    expect(fetched.some((name) => name.startsWith('texts/'))).toBe(true);
    expect(fetched.some((name) => name.startsWith('docs/'))).toBe(false);
    expect(phrase.results[0]!.text?.body).toBe(FIXTURE_TEXTS[0]!.body);
    const apart = await search.run('"street harbour"', 10);
    expect(apart.total).toBe(0);
  });

  it('suggests a correction when a word matches nothing', async () => {
    const answer = await createBrowserSearch(BASE).run('Counsel budget', 10);
    expect(answer.total).toBe(0);
    expect(answer.suggestion).toBe('council budget');
  });

  it('lists the words that match alone when no story has them all', async () => {
    const answer = await createBrowserSearch(BASE).run('market ferry', 10);
    expect(answer.total).toBe(0);
    expect(answer.alone).toEqual([
      { word: 'market', count: 1 },
      { word: 'ferry', count: 2 },
    ]);
  });

  it('reports words it leaves out and finds nothing for stopwords alone', async () => {
    const answer = await createBrowserSearch(BASE).run('the and', 10);
    expect(answer.total).toBe(0);
    expect(answer.query.ignored).toEqual(['the', 'and']);
  });
});

describe('createBrowserSearch with a filter', () => {
  const documents = () => FIXTURE_TEXTS.length;
  const allow = (ids: number[]) => Uint8Array.from({ length: documents() }, (_, id) => (ids.includes(id) ? 1 : 0));

  it('keeps only the matches the filter allows, counts them, and marks every one for the filters’ counts', async () => {
    const all = await createBrowserSearch(BASE).run('harbour', 10);
    const allowed = all.results.map((result) => result.id).filter((id) => id !== 0);
    const answer = await createBrowserSearch(BASE).run('harbour', 1, { allowed: allow(allowed), rank: () => 0 });
    expect(answer.total).toBe(allowed.length);
    expect(answer.results.map((result) => result.id)).toEqual([allowed[0]]);
    expect([...(answer.matches ?? [])].flatMap((hit, id) => (hit ? [id] : []))).toEqual([...allowed].sort((a, b) => a - b));
  });

  it('browses the allowed stories without a query, highest rank first, and offers no spelling fix under a filter', async () => {
    const answer = await createBrowserSearch(BASE).run('', 10, { allowed: allow([1, 2, 3]), rank: (id) => (id === 3 ? 2024 : 2020) });
    expect(answer.results.map((result) => result.id)).toEqual([3, 1, 2]);
    expect(answer.total).toBe(3);
    const none = await createBrowserSearch(BASE).run('Counsel', 10, { allowed: allow([1]), rank: () => 0 });
    expect(none.total).toBe(0);
    expect(none.suggestion).toBeUndefined();
  });
});
