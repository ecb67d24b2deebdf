import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexArchive, writeIndexFiles, writeSearchFiles, type RelatedFile } from './index-fs.ts';
import type { SearchManifest } from '../format/manifest.ts';
import { createShardedSearch } from '../query/sharded-search.ts';
import type { StoryRecord, StoryText } from '../format/story-record.ts';
import type { FacetFile } from '../format/facets.ts';

// Index files are gzipped JSON.
const readPacked = async (file: string) => JSON.parse(gunzipSync(await readFile(file)).toString('utf8')) as unknown;

let work: string;
const entry = (slug: string, title: string, body: string, extra = '') =>
  `---\ntitle: ${JSON.stringify(title)}\n${extra}captions:\n  - text: A caption about ${slug}\n    credit: AFP\n    lead: true\nsource:\n  - file: a.txt\n    index: 0\n    line: 1\nslug: ${slug}\nid: 0123456789abcdef\nwordCount: 3\n---\n\n${body}\n`;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'clippings-search-'));
  await rm(path.join(work, 'articles'), { recursive: true, force: true });
  const articles = path.join(work, 'articles');
  await import('node:fs/promises').then((fs) => fs.mkdir(articles));
  await writeFile(path.join(articles, 'b-ferry.md'), entry('b-ferry', 'Ferry strike ends', 'The ferry strike ended.\n\n## Harbour\n\nBoats sail again.'));
  await writeFile(
    path.join(articles, 'a-harbour.md'),
    entry('a-harbour', 'Harbour <b> works', 'Harbour works and the ferry strike.', 'subtitle: "Works start"\n'),
  );
  await writeFile(path.join(articles, 'notes.txt'), 'not an entry');
});
afterAll(async () => rm(work, { recursive: true, force: true }));

describe('writeSearchFiles', () => {
  it('writes the manifest, shards, vocabulary, one record and text per story in slug order, and related stories', async () => {
    const out = path.join(work, 'out');
    const stats = await writeSearchFiles(path.join(work, 'articles'), out);
    expect(stats.stories).toBe(2);
    expect((await readdir(out)).sort()).toEqual(['docs', 'facets', 'manifest.json', 'related.json', 'shards', 'texts', 'vocabulary']);
    expect((await readdir(path.join(out, 'facets'))).sort()).toEqual(['organisation.jz', 'person.jz', 'place.jz', 'source.jz', 'year.jz']);
    expect(((await readPacked(path.join(out, 'facets/source.jz'))) as FacetFile).values.length).toBeGreaterThan(0);
    expect((await readdir(path.join(out, 'docs'))).sort()).toEqual(['0.jz', '1.jz']);
    expect(await readPacked(path.join(out, 'texts/0.jz'))).toEqual({
      slug: 'a-harbour',
      title: 'Harbour <b> works',
      subtitle: 'Works start',
      captions: 'A caption about a-harbour (AFP)',
      body: 'Harbour works and the ferry strike.',
    } satisfies StoryText);
    expect(await readPacked(path.join(out, 'docs/0.jz'))).toEqual({
      slug: 'a-harbour',
      title: 'Harbour <b> works',
      subtitle: 'Works start',
      captions: 'A caption about a-harbour (AFP)',
      lead: 'Harbour works and the ferry strike.',
    } satisfies StoryRecord);
    expect(((await readPacked(path.join(out, 'texts/1.jz'))) as StoryText).body).toBe('The ferry strike ended.\nHarbour\nBoats sail again.');
    const related = JSON.parse(await readFile(path.join(out, 'related.json'), 'utf8')) as RelatedFile;
    expect(related.stories.map((story) => story.slug)).toEqual(['a-harbour', 'b-ferry']);
    expect(related.related).toEqual([[1], [0]]);

    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as SearchManifest;
    const search = createShardedSearch({
      manifest,
      fetchShard: async (name) => gunzipSync(await readFile(path.join(out, 'shards', name))).toString('utf8'),
      fetchVocabulary: async (name) => gunzipSync(await readFile(path.join(out, 'vocabulary', name))).toString('utf8'),
    });
    expect((await search.search(['ferry', 'strike'])).hits.map((hit) => hit.id)).toEqual([1, 0]);
  });
});

describe('indexArchive', () => {
  it('writes related stories alone, and writeIndexFiles then writes what writeSearchFiles writes', async () => {
    const whole = path.join(work, 'whole');
    await writeSearchFiles(path.join(work, 'articles'), whole);
    const out = path.join(work, 'split');
    const indexed = await indexArchive(path.join(work, 'articles'), out);
    expect(await readdir(out)).toEqual(['related.json']);
    expect(await readFile(path.join(out, 'related.json'), 'utf8')).toBe(await readFile(path.join(whole, 'related.json'), 'utf8'));
    const stats = await writeIndexFiles(indexed, path.join(work, 'articles'), out);
    expect(stats.stories).toBe(2);
    for (const folder of ['docs', 'texts', 'shards', 'vocabulary', 'facets']) {
      const names = (await readdir(path.join(whole, folder))).sort();
      expect((await readdir(path.join(out, folder))).sort()).toEqual(names);
      for (const name of names) expect(await readFile(path.join(out, folder, name))).toEqual(await readFile(path.join(whole, folder, name)));
    }
    expect(await readFile(path.join(out, 'manifest.json'), 'utf8')).toBe(await readFile(path.join(whole, 'manifest.json'), 'utf8'));
  });

  it('refuses to write records when the entries changed after indexing', async () => {
    const articles = path.join(work, 'changing');
    await mkdir(articles);
    await writeFile(path.join(articles, 'a-one.md'), entry('a-one', 'One', 'First.'));
    const indexed = await indexArchive(articles, path.join(work, 'changing-out'));
    await writeFile(path.join(articles, 'a-one.md'), entry('a-two', 'Two', 'Second.'));
    await expect(writeIndexFiles(indexed, articles, path.join(work, 'changing-out'))).rejects.toThrow(
      'search index: a-one.md: changed while the index was written, expected the story "a-one"',
    );
  });
});
