import { statSync, writeFileSync, utimesSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { entries, inDir, ingest, outDir, root, story, useIngestFolders, write } from './ingest-test-folders.ts';
import { holdsEntries } from './scan-pass.ts';
import { ingestVersion, loadManifest } from './ingest-manifest.ts';

useIngestFolders();

describe('readRecords, through runIngest', () => {
  test('does not parse a dump again when only its time changed, and remembers the new time', async () => {
    write('a.txt', story('Bridge Reopens', 'Cars are back.'));
    await ingest();
    const file = path.join(inDir, 'a.txt');
    utimesSync(file, new Date(), new Date(Date.now() + 60_000));
    expect(await ingest()).toMatchObject({ filesRead: 0, written: [], removed: [] });
    const { files } = loadManifest(outDir, ingestVersion()).manifest;
    expect(Object.keys(files)).toEqual(['a.txt']);
    expect(files['a.txt']?.mtimeMs).toBe(statSync(file).mtimeMs);
  });

  test('re-reads only the changed dump and keeps slugs of other stories', async () => {
    write('a.txt', story('Bridge Reopens', 'Cars are back.'));
    write('b.txt', story('Port Strike Ends', 'Ships sail.'));
    await ingest();
    const before = entries();
    write('b.txt', story('Port Strike Ends', 'Ships sail again.'));
    const summary = await ingest();
    expect(summary.filesRead).toBe(1);
    expect(summary.written).toHaveLength(1);
    expect(summary.removed).toEqual([before.find((name) => name.startsWith('port'))]);
    expect(entries()).toContain(before.find((name) => name.startsWith('bridge')));
  });
});

describe('holdsEntries', () => {
  test('finds an entry file, and none in a folder of hidden files or one that is missing', () => {
    mkdirSync(outDir);
    writeFileSync(path.join(outDir, '.ingest-manifest.json'), '{}');
    expect(holdsEntries(outDir)).toBe(false);
    expect(holdsEntries(path.join(root, 'missing'))).toBe(false);
    writeFileSync(path.join(outDir, 'a-story.md'), '');
    expect(holdsEntries(outDir)).toBe(true);
  });
});
