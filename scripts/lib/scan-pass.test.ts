import { statSync, writeFileSync, utimesSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { entries, inDir, ingest, outDir, root, story, useIngestFolders, write } from './ingest-test-folders.ts';
import { holdsEntries, readRecords } from './scan-pass.ts';
import { ingestVersion, loadManifest } from './ingest-manifest.ts';
import { runTask } from './ingest-worker.ts';
import type { GetPool, WriteTask } from './ingest-protocol.ts';

useIngestFolders();

describe('readRecords, through runIngest', () => {
  test('writes every entry, the last batches’ in a worker after the scan, and owns them all', async () => {
    // Unrelated stories: words of their own (a fixed pseudo-random stream), in titles and bodies.
    let seed = 7;
    const letter = () => String.fromCharCode(97 + ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 26));
    const words = (count: number) => Array.from({ length: count }, () => Array.from({ length: 6 }, letter).join('')).join(' ');
    for (let i = 0; i < 100; i++) write(`${String(i).padStart(3, '0')}.txt`, story(words(4), `${words(30)}.`));
    const first = await ingest();
    expect(first.written).toHaveLength(100);
    expect(entries()).toHaveLength(100);
    expect(loadManifest(outDir, ingestVersion()).manifest.owned.size).toBe(100);
    expect(await ingest()).toMatchObject({ filesRead: 0, written: [], removed: [], rejected: [] });
  });

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

describe('readRecords', () => {
  const TITLES = Array.from({ length: 100 }, (_, i) => `Story Number ${i + 1}`);

  /**
   * A hundred one-story dumps, read by the scan, with each task the pool was
   * given (one after the other, made as each is taken, as by the workers).
   */
  async function scanHundred(onWrite?: (task: WriteTask) => Promise<never>) {
    TITLES.forEach((title, i) => write(`${String(i).padStart(3, '0')}.txt`, story(title, `Body of story ${i + 1}.`)));
    mkdirSync(outDir);
    const tasks: { kind: string; transfer: number; spare?: ArrayBuffer }[] = [];
    let taken: Promise<unknown> = Promise.resolve();
    const getPool: GetPool = () => ({
      run: (given, moved = []) => {
        const done = taken.then(() => {
          const [task, transfer] = typeof given === 'function' ? given() : [given, moved];
          tasks.push({ kind: task.kind, transfer: transfer.length, ...(task.kind === 'scan' && task.spare ? { spare: task.spare } : {}) });
          return task.kind === 'write' && onWrite ? onWrite(task) : runTask(task);
        });
        taken = done.catch(() => undefined);
        return done;
      },
    });
    const dumps = TITLES.map((_, i) => ({ name: `${String(i).padStart(3, '0')}.txt`, path: path.join(inDir, `${String(i).padStart(3, '0')}.txt`) }));
    const { manifest } = loadManifest(outDir, ingestVersion(false));
    const summary = await readRecords({ dumps, previous: manifest, outDir, dryRun: false, fresh: true, getPool });
    return { summary, tasks };
  }

  test('writes the last batches’ entries after the scan, in one task that moves their bytes, and records them once written', async () => {
    const { summary, tasks } = await scanHundred();
    await summary.writing;
    const writes = tasks.filter((task) => task.kind === 'write');
    expect(writes).toHaveLength(1);
    expect(writes[0]?.transfer).toBeGreaterThan(0);
    expect(tasks.at(-1)?.kind).toBe('write');
    expect(entries()).toHaveLength(100);
    expect(summary.written.size).toBe(100);
    expect(summary.produced.size).toBe(100);
    expect(summary.settled.size).toBe(100);
  });

  test('packs each batch after the first into the buffer of one written before it', async () => {
    const { summary, tasks } = await scanHundred();
    await summary.writing;
    const scans = tasks.filter((task) => task.kind === 'scan');
    expect(scans[0]?.spare).toBeUndefined();
    expect(scans.slice(1).every((task) => task.spare instanceof ArrayBuffer && task.spare.byteLength > 0)).toBe(true);
    expect(new Set(scans.slice(1).map((task) => task.spare)).size).toBe(1);
    expect(scans.slice(1).map((task) => task.transfer)).toEqual(scans.slice(1).map(() => 1));
    expect(entries()).toHaveLength(100);
    expect(summary.written.size).toBe(100);
  });

  test('reports every entry of a write task that failed, and counts none of them as written', async () => {
    const { summary } = await scanHundred(() => Promise.reject(new Error('worker lost')));
    await summary.writing;
    const failed = [...summary.failed];
    expect(failed.length).toBeGreaterThan(0);
    expect(summary.written.size + failed.length).toBe(100);
    expect(summary.failures.every((failure) => failure.reason.includes('worker lost'))).toBe(true);
    for (const name of failed) {
      expect(summary.written.has(name)).toBe(false);
      expect(summary.produced.has(name)).toBe(false);
      expect(summary.settled.has(name.slice(0, -3))).toBe(false);
    }
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
