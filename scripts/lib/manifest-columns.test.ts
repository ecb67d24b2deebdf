import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { loadManifest, MANIFEST_NAME, saveManifest, type Manifest } from './ingest-manifest.ts';
import type { FileRecord } from './ingest-protocol.ts';
import type { ArticleRef } from '../../src/lib/identity/article-ref.ts';
import {
  articleRows,
  entriesFromColumns,
  entriesToColumns,
  filesFromColumns,
  filesToColumns,
  ownedFromColumns,
  ownedToColumns,
  rowsOfSlugs,
} from './manifest-columns.ts';
import { decodeSketches, encodeSketches, type SketchTable } from './sketch-file.ts';
import { articleCount } from './stored-record.ts';
import { SlugIndex, type Table } from './row-table.ts';
import { BINS } from '../../src/lib/identity/sketch.ts';

const GENERATION = '0123456789abcdef';

const hex = fc.stringMatching(/^[0-9a-f]{16}$/);
// A body with shingles has a sketch; one without has none, as the reader makes them.
const article: fc.Arbitrary<ArticleRef> = fc
  .record({
    id: hex,
    digest: hex,
    slug: fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    signature: hex,
    index: fc.nat(),
    line: fc.nat(),
    bins: fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: BINS, maxLength: BINS }),
    shingles: fc.nat(),
  })
  .map(({ bins, ...ref }) => ({ ...ref, sketch: ref.shingles > 0 ? Uint16Array.from(bins) : new Uint16Array(0) }));
const readError = fc.record({ kind: fc.constantFrom('file' as const, 'article' as const), line: fc.nat(), reason: fc.string() });
const record: fc.Arbitrary<FileRecord> = fc.record({
  size: fc.nat(),
  mtimeMs: fc.double({ min: 0, max: 2e12, noNaN: true }),
  hash: fc.stringMatching(/^[0-9a-f]{64}$/),
  articles: fc.array(article, { maxLength: 4 }),
  errors: fc.array(readError, { maxLength: 2 }),
});
// Dump names may hold any character a file name can, line feeds included.
const files = fc.dictionary(
  fc.string({ minLength: 1 }).filter((name) => name !== '__proto__'),
  record,
  { maxKeys: 6 },
);

/** One article's record, as a run would keep it. */
const bridgeArticle = (changes: Partial<ArticleRef> = {}): ArticleRef => ({
  id: 'a'.repeat(16),
  digest: 'b'.repeat(16),
  slug: 'bridge-reopens-aaaaaa',
  signature: 'c'.repeat(16),
  index: 0,
  line: 1,
  sketch: new Uint16Array(0),
  shingles: 3,
  ...changes,
});

/** The sketches of `count` articles without words. */
const blank = (count: number) =>
  decodeSketches(
    encodeSketches(
      [{ size: 0, mtimeMs: 0, hash: '', errors: [], articles: Array.from({ length: count }, () => bridgeArticle({ sketch: new Uint16Array(0) })) }],
      GENERATION,
    ),
    GENERATION,
    count,
  ) as SketchTable;

/** A table as a map, to compare; a reason or nothing as itself. */
const asMap = <V>(table: Table<V> | string | undefined) => (typeof table === 'object' ? new Map(table) : table);

/** Articles' rows as `articleRows` reads them. */
const rowsOf = (slugs: string[], signatures: string[]) => ({ slugs, signatures, plainNames: true, index: new SlugIndex(slugs) });

/** Columns as read back from JSON, to damage. */
// biome-ignore lint/suspicious/noExplicitAny: a test reaches into any part of the stored shape.
type Damaged = any;

/** Through JSON, as the manifest stores them. */
const stored = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

/** Records read back from their columns and their sketch file. */
const readBack = (records: Record<string, FileRecord>) => {
  const count = Object.values(records).reduce((sum, record) => sum + record.articles.length, 0);
  return filesFromColumns(
    stored(filesToColumns(records)),
    decodeSketches(encodeSketches(Object.values(records), GENERATION), GENERATION, count) as SketchTable,
  );
};

/** Records as plain data, their articles built: what a reader of a record sees. */
const plain = (records: Record<string, FileRecord> | undefined) =>
  records &&
  Object.fromEntries(
    Object.entries(records).map(([name, { size, mtimeMs, hash, errors, articles }]) => [
      name,
      { size, mtimeMs, hash, errors, articles: articles.map((ref) => ({ ...ref, sketch: [...ref.sketch] })) },
    ]),
  );

describe('dump records by column', () => {
  test('read back as they were written, for any records', () => {
    fc.assert(
      fc.property(files, (records) => {
        const read = readBack(records);
        expect(read && Object.values(read).map(articleCount)).toEqual(Object.values(records).map((record) => record.articles.length));
        expect(plain(read)).toEqual(plain(records));
      }),
    );
  });

  test.each([
    ['a column one value short', (columns: Damaged) => (columns.article.slug = columns.article.slug.split('\n').slice(1).join('\n'))],
    ['an article count that is not a count', (columns: Damaged) => (columns.articles[0] = -1)],
    ['a size that is text', (columns: Damaged) => (columns.size[0] = '12')],
    ['errors of a row that is not there', (columns: Damaged) => (columns.errors[5] = [])],
    ['an error of the wrong shape', (columns: Damaged) => (columns.errors[0] = [{ kind: 'file', line: 0 }])],
    ['no article columns', (columns: Damaged) => delete columns.article],
  ])('are refused with %s', (_, damage) => {
    const ref = bridgeArticle();
    const columns = stored(filesToColumns({ 'a.txt': { size: 10, mtimeMs: 1, hash: 'd'.repeat(64), articles: [ref, { ...ref, index: 1 }], errors: [] } }));
    damage(columns);
    expect(filesFromColumns(columns, blank(2))).toBeUndefined();
  });

  test('are refused with sketches of another number of articles', () => {
    const ref = bridgeArticle();
    const columns = stored(filesToColumns({ 'a.txt': { size: 10, mtimeMs: 1, hash: 'd'.repeat(64), articles: [ref, { ...ref, index: 1 }], errors: [] } }));
    expect(filesFromColumns(columns, blank(2))).toBeDefined();
    expect(filesFromColumns(columns, blank(3))).toBeUndefined();
  });
});

describe('entries and owned files by column', () => {
  const slug = fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  const ownedFile = fc.record({ size: fc.integer({ min: -1, max: 1e9 }), hash: hex });

  test('read back as they were written, those of an article pointing at its row', () => {
    fc.assert(
      fc.property(files, fc.array(fc.tuple(slug, hex)), fc.array(fc.tuple(slug, ownedFile)), (records, signatures, owned) => {
        const refs = Object.values(records).flatMap((record) => record.articles);
        // The articles' own entries, with the article's signature or another (a story of several), and their files.
        const entries = new Map([...signatures, ...refs.map((ref, i): [string, string] => [ref.slug, i % 2 ? ref.signature : 'f'.repeat(16)])]);
        const ownedFiles = new Map([
          ...owned.map(([name, file]) => [`${name}.md`, file] as const),
          ...refs.map((ref) => [`${ref.slug}.md`, { size: 1, hash: 'h' }] as const),
        ]);
        const rows = rowsOfSlugs(records);
        const articles = articleRows(stored(filesToColumns(records)));
        expect(asMap(entriesFromColumns(stored(entriesToColumns(entries, rows)), articles as NonNullable<typeof articles>))).toEqual(entries);
        expect(asMap(ownedFromColumns(stored(ownedToColumns(ownedFiles, rows)), () => true, articles))).toEqual(ownedFiles);
      }),
    );
  });

  test("an article's entry and file name its row, not its slug", () => {
    const ref = bridgeArticle();
    const records = { 'a.txt': { size: 10, mtimeMs: 1, hash: 'd'.repeat(64), articles: [ref], errors: [] } };
    const rows = rowsOfSlugs(records);
    expect(entriesToColumns(new Map([[ref.slug, ref.signature]]), rows)).toEqual({ slugs: [0], signatures: '' });
    expect(ownedToColumns(new Map([[`${ref.slug}.md`, { size: 4, hash: 'h' }]]), rows).names).toEqual([0]);
  });

  test('owned files are refused with a name the check refuses, a row that is not there, or columns of different lengths', () => {
    const rows = rowsOfSlugs({ 'a.txt': { size: 10, mtimeMs: 1, hash: 'd'.repeat(64), articles: [bridgeArticle()], errors: [] } });
    const columns = stored(
      ownedToColumns(
        new Map([
          ['a.md', { size: 1, hash: 'h' }],
          ['../b.md', { size: 2, hash: 'h' }],
          ['bridge-reopens-aaaaaa.md', { size: 3, hash: 'h' }],
        ]),
        rows,
      ),
    );
    const articles = rowsOf(['bridge-reopens-aaaaaa'], ['c'.repeat(16)]);
    expect(ownedFromColumns(columns, (name) => !name.includes('/'), articles)).toBe('"owned" holds "../b.md", expected a file name');
    expect(ownedFromColumns(columns, () => true, undefined)).toBe('"owned" holds 0, expected a file name or the row of an article');
    expect(ownedFromColumns(columns, () => true, rowsOf([], []))).toBe('"owned" holds 0, expected a file name or the row of an article');
    expect(ownedFromColumns({ ...(columns as object), sizes: [1] }, () => true, articles)).toBe('"owned" has columns of different lengths');
  });

  test.each([['.hidden-aaaaaa'], ['../up-aaaaaa'], ['a\\b'], ['']])('an owned row whose article has the slug %j is refused as that name', (slug) => {
    const files = {
      'a.txt': { size: 1, mtimeMs: 1, hash: 'd'.repeat(64), errors: [], articles: [bridgeArticle({ slug: 'fine-aaaaaa' }), bridgeArticle({ slug })] },
    };
    const columns = stored(filesToColumns(files));
    const rows = articleRows(columns);
    expect(rows?.plainNames).toBe(false);
    const owned = stored(ownedToColumns(new Map([[`${slug}.md`, { size: 1, hash: 'h' }]]), rowsOfSlugs(files)));
    const isName = (name: string) => !name.startsWith('.') && !name.includes('/') && !name.includes('\\');
    expect(ownedFromColumns(owned, isName, rows)).toBe(`"owned" holds ${JSON.stringify(`${slug}.md`)}, expected a file name`);
  });

  test('entries are refused with a row that is not there', () => {
    expect(entriesFromColumns({ slugs: [3], signatures: '' }, rowsOf(['a'], ['b']))).toBeUndefined();
    expect(entriesFromColumns({ slugs: [-1], signatures: '' }, rowsOf(['a'], ['b']))).toBeUndefined();
  });
});

describe('loadManifest', () => {
  let outDir: string | undefined;
  afterEach(() => outDir && rmSync(outDir, { recursive: true, force: true }));

  test('keeps the owned files of the layout before columns, and drops its cache', () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'clippings-manifest-'));
    const older = {
      version: 'v1',
      sketches: '0000000000000000',
      files: { 'a.txt': { size: 10, mtimeMs: 1, hash: 'd', articles: [], errors: [] } },
      entries: { 'bridge-reopens-aaaaaa': 'signature' },
      owned: { 'bridge-reopens-aaaaaa.md': { size: 120, hash: 'abc' } },
      histories: {},
    };
    writeFileSync(path.join(outDir, MANIFEST_NAME), JSON.stringify(older));
    const { manifest, problem } = loadManifest(outDir, 'v1');
    expect(problem).toBeUndefined();
    expect(new Map(manifest.owned)).toEqual(new Map([['bridge-reopens-aaaaaa.md', { size: 120, hash: 'abc' }]]));
    expect(manifest.files).toEqual({});
    expect(manifest.entries.size).toBe(0);
  });

  test('reads back what saveManifest wrote, sketches included', () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'clippings-manifest-'));
    const sketch = Uint16Array.from({ length: 128 }, (_, i) => i * 3);
    const ref = bridgeArticle({ sketch, shingles: 9 });
    const manifest: Manifest = {
      version: 'v2',
      files: { 'a.txt': { size: 10, mtimeMs: 1.5, hash: 'd'.repeat(64), articles: [ref], errors: [{ kind: 'article', line: 40, reason: 'no body' }] } },
      entries: new Map([['bridge-reopens-aaaaaa', 'c'.repeat(16)]]),
      owned: new Map([['bridge-reopens-aaaaaa.md', { size: 120, hash: 'e'.repeat(16) }]]),
      histories: { 'bridge-reopens-aaaaaa': { signature: 'c'.repeat(16), versions: [{ file: 'a.txt', index: 0, change: 'first read' }] } },
    };
    saveManifest(outDir, manifest);
    const loaded = loadManifest(outDir, 'v2');
    expect({
      ...loaded.manifest,
      sinceBase: undefined,
      files: plain(loaded.manifest.files),
      entries: asMap(loaded.manifest.entries),
      owned: asMap(loaded.manifest.owned),
    }).toEqual({
      ...manifest,
      files: plain(manifest.files),
    });
    expect(Array.from(loaded.manifest.files['a.txt']?.articles[0]?.sketch ?? [])).toEqual(Array.from(sketch));
    // Another version of the code: the cache goes, the record of owned files stays.
    const other = loadManifest(outDir, 'v3').manifest;
    expect([other.files, other.entries.size, asMap(other.owned)]).toEqual([{}, 0, manifest.owned]);
    const text = JSON.parse(readFileSync(path.join(outDir, MANIFEST_NAME), 'utf8'));
    expect(text.format).toBe(3);
    // The entry and its file point at the article's row: the slug is not written again.
    expect(JSON.stringify([text.entries, text.owned])).not.toContain('bridge-reopens');
  });

  test('keeps the owned files of the layout before entries pointed at articles, and drops its cache', () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'clippings-manifest-'));
    const ref = bridgeArticle();
    const files = { 'a.txt': { size: 10, mtimeMs: 1, hash: 'd'.repeat(64), articles: [ref], errors: [] } };
    const layout2 = {
      format: 2,
      version: 'v2',
      sketches: '0000000000000000',
      files: filesToColumns(files),
      entries: { slugs: ref.slug, signatures: ref.signature },
      owned: { names: [`${ref.slug}.md`], sizes: [120], hashes: 'e'.repeat(16) },
      histories: {},
    };
    writeFileSync(path.join(outDir, MANIFEST_NAME), JSON.stringify(layout2));
    const { manifest, problem } = loadManifest(outDir, 'v2');
    expect(problem).toBeUndefined();
    expect(new Map(manifest.owned)).toEqual(new Map([[`${ref.slug}.md`, { size: 120, hash: 'e'.repeat(16) }]]));
    expect(manifest.files).toEqual({});
    expect(manifest.entries.size).toBe(0);
  });
});
