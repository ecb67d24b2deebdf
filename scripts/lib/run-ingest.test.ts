import { readFileSync, readdirSync, rmSync, statSync, writeFileSync, utimesSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { load as loadYaml } from 'js-yaml';
import { EntrySchema } from '../../src/lib/entry-schema.ts';
import { splitEntryFile } from '../../src/lib/entry-text.ts';
import { runIngest } from './run-ingest.ts';
import { entries, inDir, ingest, outDir, root, story, useIngestFolders, write } from './ingest-test-folders.ts';
import { UsageError } from './out-folder.ts';

const frontmatter = (name: string) => EntrySchema.parse(loadYaml(splitEntryFile(readFileSync(path.join(outDir, name), 'utf8')).yaml));

useIngestFolders();

describe('runIngest', () => {
  test('writes one valid entry per story', async () => {
    write('a.txt', `${story('Bridge Reopens', 'Cars are back.')}\n\n\n${story('Port Strike Ends', 'Ships sail.')}`);
    const summary = await ingest();
    expect(summary).toMatchObject({ files: 1, articles: 2, entries: 2, duplicatesMerged: 0, rejected: [] });
    expect(entries()).toHaveLength(2);
    for (const name of entries()) expect(frontmatter(name).slug).toBe(name.slice(0, -3));
  });

  test('merges the same story from two dumps into one entry listing both sources', async () => {
    write('a.txt', story('Bridge Reopens', 'Cars are back.'));
    write('sub/b.txt', `${story('Port Strike Ends', 'Ships sail.')}\n\n\n${story('Bridge Reopens', 'Cars are back.')}`);
    const summary = await ingest();
    expect(summary).toMatchObject({ articles: 3, entries: 2, duplicatesMerged: 1 });
    const bridge = entries().find((name) => name.startsWith('bridge-reopens'))!;
    expect(frontmatter(bridge).source).toEqual([
      { file: 'a.txt', index: 0, line: 1 },
      { file: 'sub/b.txt', index: 1, line: 16 },
    ]);
  });

  test('keeps two stories with the same title and different bodies apart', async () => {
    write('a.txt', story('A Long Way Home', 'An osprey returns.'));
    write('b.txt', story('A Long Way Home', 'A footballer returns.'));
    await ingest();
    expect(entries().filter((name) => name.startsWith('a-long-way-home-'))).toHaveLength(2);
  });

  test('gives two stories whose slugs clash longer slugs, leaving no file under the short one', async () => {
    // Two bodies whose content ids share their first six hex digits (found by search).
    write('a.txt', story('Twin Headline', 'Version 918 of the story.'));
    write('b.txt', story('Twin Headline', 'Version 2429 of the story.'));
    const summary = await ingest();
    expect(entries()).toEqual(['twin-headline-18c52013.md', 'twin-headline-18c52095.md']);
    expect(summary.written).toEqual(entries().map((name) => name.slice(0, -3)));
    expect(summary.removed).toEqual([]);
  });

  test('rewrites nothing when run again on unchanged input', async () => {
    write('a.txt', story('Bridge Reopens', 'Cars are back.'));
    write('b.txt', story('Bridge Reopens', 'Cars are back.'));
    await ingest();
    const times = entries().map((name) => statSync(path.join(outDir, name)).mtimeMs);
    const again = await ingest();
    expect(again).toMatchObject({ filesRead: 0, written: [], removed: [] });
    expect(entries().map((name) => statSync(path.join(outDir, name)).mtimeMs)).toEqual(times);
  });

  test('with force, rewrites nothing when its manifest is gone but the entries are current', async () => {
    write('a.txt', story('Bridge Reopens', 'Cars are back.'));
    write('b.txt', story('Bridge Reopens', 'Cars are back.'));
    await ingest();
    rmSync(path.join(outDir, '.ingest-manifest.json'));
    expect(await runIngest({ inDir, outDir, force: true, workers: 2 })).toMatchObject({ filesRead: 2, written: [], removed: [] });
  });

  test('rewrites an entry whose subtitle changed, under the same slug', async () => {
    write('a.txt', story('Bridge Reopens', 'Cars are back.'));
    await ingest();
    write('a.txt', story('Bridge Reopens', 'Cars are back.').replace('Bridge Reopens\n\nA photo', 'Bridge Reopens\n\nA new subtitle\n\nA photo'));
    const summary = await ingest();
    expect(summary.written).toHaveLength(1);
    expect(frontmatter(entries()[0]!).subtitle).toBe('A new subtitle');
  });

  test('removes entries whose source is gone, and updates the sources of merged ones', async () => {
    write('a.txt', story('Bridge Reopens', 'Cars are back.'));
    write('b.txt', `${story('Bridge Reopens', 'Cars are back.')}\n\n\n${story('Port Strike Ends', 'Ships sail.')}`);
    await ingest();
    rmSync(path.join(inDir, 'b.txt'));
    const summary = await ingest();
    expect(summary.removed).toHaveLength(1);
    expect(entries()).toHaveLength(1);
    expect(frontmatter(entries()[0]!).source).toEqual([{ file: 'a.txt', index: 0, line: 1 }]);
  });

  test('rejects a file that is not UTF-8, and still writes the rest', async () => {
    write('good.txt', story('Bridge Reopens', 'Cars are back.'));
    write('latin1.txt', Uint8Array.from([...Buffer.from('Caf'), 0xe9, 0x0a]));
    const summary = await ingest();
    expect(entries()).toHaveLength(1);
    expect(summary.rejected).toEqual([
      { file: 'latin1.txt', kind: 'file', line: 1, reason: expect.stringContaining('is not UTF-8 text (byte 0xE9 at offset 3)') },
    ]);
  });

  test('notes empty files and leaves files that are not .txt alone', async () => {
    write('empty.txt', '');
    write('notes.md', '# not a dump');
    write('a.txt', story('Bridge Reopens', 'Cars are back.'));
    expect(await ingest()).toMatchObject({ emptyFiles: ['empty.txt'], skipped: [{ name: 'notes.md', reason: 'not a .txt dump, left alone' }], rejected: [] });
  });

  test('with check, writes nothing and reports whether the entries are stale', async () => {
    write('a.txt', story('Bridge Reopens', 'Cars are back.'));
    expect(await ingest(true)).toMatchObject({ stale: true });
    expect(entries()).toHaveLength(0);
    await ingest();
    expect(await ingest(true)).toMatchObject({ stale: false });
    const file = path.join(inDir, 'a.txt');
    writeFileSync(file, story('Bridge Reopens', 'Cars are gone.'));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(await ingest(true)).toMatchObject({ stale: true });
  });
});

describe('runIngest: the files it touches', () => {
  const manifestFile = () => path.join(outDir, '.ingest-manifest.json');
  const readManifest = () => JSON.parse(readFileSync(manifestFile(), 'utf8'));

  test('removes only the entries it wrote, naming each, and leaves other files in the folder alone', async () => {
    write('a.txt', story('Bridge Reopens', 'Cars are back.'));
    write('b.txt', story('Port Strike Ends', 'Ships sail.'));
    await ingest();
    const port = entries().find((name) => name.startsWith('port'))!;
    writeFileSync(path.join(outDir, 'README.md'), 'notes');
    writeFileSync(path.join(outDir, 'old-story-123456.md'), '---\ntitle: kept\n---\n');
    rmSync(path.join(inDir, 'b.txt'));
    const summary = await ingest();
    expect(summary.removed).toEqual([port]);
    expect(entries()).toEqual(['README.md', expect.stringMatching(/^bridge-reopens-/), 'old-story-123456.md']);
  });

  test('remembers which files are its own when its code changes', async () => {
    write('a.txt', story('Bridge Reopens', 'Cars are back.'));
    write('b.txt', story('Port Strike Ends', 'Ships sail.'));
    await ingest();
    writeFileSync(path.join(outDir, 'README.md'), 'notes');
    // Another version of the ingest wrote this manifest: its cache is void, not its record of files.
    writeFileSync(manifestFile(), JSON.stringify({ ...readManifest(), version: 'older-code' }));
    rmSync(path.join(inDir, 'b.txt'));
    const summary = await ingest();
    expect(summary.filesRead).toBe(1);
    expect(summary.removed).toEqual([expect.stringMatching(/^port-strike-ends-/)]);
    expect(entries()).toEqual(['README.md', expect.stringMatching(/^bridge-reopens-/)]);
  });

  test.each([
    ['is missing', () => rmSync(path.join(outDir, '.ingest-sketches.bin'))],
    ['is not the one written with the manifest', () => writeFileSync(manifestFile(), JSON.stringify({ ...readManifest(), sketches: '0000000000000000' }))],
  ])('reads every dump again when the sketch file %s, and keeps the entries', async (_, damage) => {
    write('a.txt', story('Bridge Reopens', 'Cars are back on the bridge after a year of repairs.'));
    write('b.txt', story('Port Strike Ends', 'Ships sail.'));
    await ingest();
    const before = entries();
    damage();
    const summary = await ingest();
    expect(summary.filesRead).toBe(2);
    expect(summary.written).toEqual([]);
    expect(entries()).toEqual(before);
    // The sketches are back: a re-scrape with a corrected word is the same story, at the same URL.
    write('a.txt', story('Bridge Reopens', 'Cars are back on the bridge after a year of works.'));
    expect((await ingest()).redirects).toBe(0);
    expect(entries()).toEqual(before);
  });

  test('reads the entries of a manifest written before it recorded its files as its own', async () => {
    write('a.txt', story('Bridge Reopens', 'Cars are back.'));
    write('b.txt', story('Port Strike Ends', 'Ships sail.'));
    await ingest();
    // That layout kept the entries' signatures in an object by slug, and no list of files.
    const { version } = readManifest();
    const slugs = entries().map((name) => name.slice(0, -3));
    writeFileSync(manifestFile(), JSON.stringify({ version, files: {}, entries: Object.fromEntries(slugs.map((slug) => [slug, 'signature'])) }));
    writeFileSync(path.join(outDir, 'README.md'), 'notes');
    rmSync(path.join(inDir, 'b.txt'));
    expect((await ingest()).removed).toEqual([expect.stringMatching(/^port-strike-ends-/)]);
    expect(entries()).toEqual(['README.md', expect.stringMatching(/^bridge-reopens-/)]);
    const { names } = readManifest().owned;
    const articleSlugs: string[] = readManifest().files.article.slug.split('\n');
    expect(names.map((name: number | string) => (typeof name === 'number' ? `${articleSlugs[name]}.md` : name))).toEqual([entries()[1]]);
  });

  test.each([
    ['the input folder', () => inDir, /is the input folder/],
    ['the working folder', () => root, /is the working folder/],
    ['a folder above the working folder', () => path.dirname(root), /is the working folder or holds it/],
    ['empty', () => '', /--out is empty/],
  ])('refuses an output folder that is %s, touching nothing', async (_, out, message) => {
    write('a.txt', story('Bridge Reopens', 'Cars are back.'));
    write('README.md', 'notes');
    const error = await runIngest({ inDir, outDir: out(), workers: 2, cwd: root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    expect(readdirSync(inDir).sort()).toEqual(['README.md', 'a.txt']);
  });

  test('refuses an output folder that holds the input folder, wherever it runs from', async () => {
    write('a.txt', story('Bridge Reopens', 'Cars are back.'));
    const error = await runIngest({ inDir, outDir: root, workers: 2, cwd: tmpdir() }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/holds the input folder/);
  });

  test('refuses a folder that holds other files and no manifest, saying why', async () => {
    write('a.txt', story('Bridge Reopens', 'Cars are back.'));
    mkdirSync(outDir);
    writeFileSync(path.join(outDir, 'README.md'), 'notes');
    await expect(ingest()).rejects.toThrow(/holds other files \(README\.md\) and no \.ingest-manifest\.json, so they are not the ingest's/);
    expect(readdirSync(outDir)).toEqual(['README.md']);
  });

  test('with force, writes into such a folder and still removes only its own files', async () => {
    write('a.txt', story('Bridge Reopens', 'Cars are back.'));
    write('b.txt', story('Port Strike Ends', 'Ships sail.'));
    mkdirSync(outDir);
    writeFileSync(path.join(outDir, 'README.md'), 'notes');
    writeFileSync(path.join(outDir, 'notes.md'), 'more notes');
    const force = () => runIngest({ inDir, outDir, force: true, workers: 2, cwd: root });
    expect((await force()).written).toHaveLength(2);
    rmSync(path.join(inDir, 'b.txt'));
    expect((await ingest()).removed).toEqual([expect.stringMatching(/^port-strike-ends-/)]);
    expect(entries()).toEqual(['README.md', expect.stringMatching(/^bridge-reopens-/), 'notes.md']);
  });
});
