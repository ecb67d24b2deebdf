import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSearchIndex } from '../../lib/search/build/build-index.ts';
import { FIXTURE_TEXTS } from '../../lib/search/build/fixture-archive.ts';
import { packIndex } from '../../lib/search/build/pack-index.ts';
import { gzipSync } from 'node:zlib';
import { toSearchDocument, toStoryRecord } from '../../lib/search/format/story-record.ts';
import { createBrowserSearch } from './browser-search.ts';

const BASE = 'https://archive.test/search/data/';
const fetched: string[] = [];

beforeAll(() => {
  const packed = packIndex(buildSearchIndex(FIXTURE_TEXTS.map((record, id) => toSearchDocument(id, record))), {
    targetChars: 400,
    vocabularyChunk: 30,
  });
  // As the build writes them: the manifest plain, every other file gzipped.
  const files = new Map<string, Uint8Array | string>([['manifest.json', JSON.stringify(packed.manifest)]]);
  for (const file of packed.shards) files.set(`shards/${file.name}`, gzipSync(file.text));
  for (const file of packed.vocabulary) files.set(`vocabulary/${file.name}`, gzipSync(file.text));
  FIXTURE_TEXTS.forEach((text, id) => {
    files.set(`docs/${id}.jz`, gzipSync(JSON.stringify(toStoryRecord(text))));
    files.set(`texts/${id}.jz`, gzipSync(JSON.stringify(text)));
  });
  vi.stubGlobal('fetch', async (url: string) => {
    const name = url.slice(BASE.length);
    fetched.push(name);
    const body = files.get(name);
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

  it('fetches records only for the results shown', async () => {
    fetched.length = 0;
    await createBrowserSearch(BASE).run('harbour', 1);
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
