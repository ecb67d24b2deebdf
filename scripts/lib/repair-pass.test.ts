import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runIngest } from './run-ingest.ts';
import { entries, inDir, ingest, outDir, story, useIngestFolders, write } from './ingest-test-folders.ts';

useIngestFolders();

describe('chooseRenders and renderEntries, through runIngest: interrupted runs and damaged entries', () => {
  const entryPath = () => path.join(outDir, entries().find((name) => name.startsWith('bridge'))!);

  test('repairs an entry emptied or cut short since it was written, on a plain run', async () => {
    write('a.txt', story('Bridge Reopens', 'Cars are back.'));
    write('b.txt', story('Port Strike Ends', 'Ships sail.'));
    await ingest();
    const file = entryPath();
    const content = readFileSync(file, 'utf8');
    writeFileSync(file, '');
    const summary = await ingest();
    expect(summary).toMatchObject({ filesRead: 0, written: [path.basename(file, '.md')], repaired: [path.basename(file, '.md')] });
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  test('rewrites an entry that is missing', async () => {
    write('a.txt', story('Bridge Reopens', 'Cars are back.'));
    await ingest();
    const file = entryPath();
    rmSync(file);
    expect((await ingest()).written).toEqual([path.basename(file, '.md')]);
    expect(existsSync(file)).toBe(true);
  });

  test('with check, finds an entry whose bytes changed though its size did not; verifying, repairs it', async () => {
    write('a.txt', story('Bridge Reopens', 'Cars are back.'));
    await ingest();
    const file = entryPath();
    writeFileSync(file, readFileSync(file, 'utf8').replace('Cars', 'Bars'));
    expect(await ingest(true)).toMatchObject({ stale: true, repaired: [path.basename(file, '.md')] });
    // A plain run looks at sizes only; verifying, it repairs.
    expect((await ingest()).written).toEqual([]);
    expect((await runIngest({ inDir, outDir, verify: true, workers: 2 })).repaired).toEqual([path.basename(file, '.md')]);
    expect(await ingest(true)).toMatchObject({ stale: false });
  });

  test('replaces an entry by a new file, never rewriting it in place', async () => {
    write('a.txt', story('Bridge Reopens', 'Cars are back.'));
    await ingest();
    const file = entryPath();
    const before = statSync(file).ino;
    write('a.txt', story('Bridge Reopens', 'Cars are back.').replace('Bridge Reopens\n\nA photo', 'Bridge Reopens\n\nA subtitle\n\nA photo'));
    await ingest();
    // A reader (or a kill) sees the old file or the new one: the new one is another inode, renamed over.
    expect(statSync(file).ino).not.toBe(before);
    expect(readdirSync(outDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
