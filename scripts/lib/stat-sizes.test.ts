import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { listDumps } from './list-dumps.ts';
import { RowTable, SlugIndex } from './row-table.ts';
import { surveySizes } from './stat-sizes.ts';

let folder = '';
afterEach(() => rmSync(folder, { recursive: true, force: true }));

test('finds the files whose size is not the recorded one, and -1 for one that is missing or a folder', async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'clippings-stat-'));
  writeFileSync(path.join(folder, 'a.md'), 'four');
  writeFileSync(path.join(folder, 'b.md'), 'four');
  writeFileSync(path.join(folder, 'empty.md'), '');
  writeFileSync(path.join(folder, 'unknown.md'), 'x');
  mkdirSync(path.join(folder, 'folder.md'));
  const recorded = new Map([
    ['a.md', { size: 4 }],
    ['b.md', { size: 5 }],
    ['empty.md', { size: 0 }],
    ['unknown.md', { size: -1 }],
    ['folder.md', { size: 3 }],
    ['gone.md', { size: 3 }],
  ]);
  const survey = surveySizes(`${folder}${path.sep}`);
  // A file the survey could not have listed when it started: taken when compared.
  writeFileSync(path.join(folder, 'late.md'), 'late');
  recorded.set('late.md', { size: 4 });
  const sizes = await survey.compare(recorded);
  expect([...sizes.changed]).toEqual([
    ['b.md', 4],
    ['unknown.md', 1],
    ['folder.md', -1],
    ['gone.md', -1],
  ]);
  expect(sizes.get('a.md')).toBe(4);
  expect(sizes.get('b.md')).toBe(4);
  expect(sizes.get('other.md')).toBeUndefined();
});

test('gives the same answer when this thread takes its share of the files', async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'clippings-stat-'));
  const recorded = new Map<string, { size: number }>();
  const expected: [string, number][] = [];
  for (let i = 0; i < 3000; i++) {
    const name = `${String(i).padStart(4, '0')}.md`;
    writeFileSync(path.join(folder, name), 'x'.repeat(i % 7));
    // One file in a hundred is not as recorded.
    recorded.set(name, { size: i % 100 === 0 ? 99 : i % 7 });
    if (i % 100 === 0) expected.push([name, i % 7]);
  }
  for (const help of [false, true]) {
    const survey = surveySizes(`${folder}${path.sep}`);
    const answer = survey.compare(recorded);
    if (help) survey.help();
    expect([...(await answer).changed]).toEqual(expected);
  }
});

test("takes the dumps' sizes and times first, -1 for one that is missing", async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'clippings-stat-'));
  const dump = path.join(folder, 'a.txt');
  writeFileSync(dump, 'twelve bytes');
  const survey = surveySizes(`${folder}${path.sep}`, [dump, path.join(folder, 'gone.txt')]);
  expect(await survey.dumps).toEqual({
    times: [
      { size: 12, mtimeMs: statSync(dump).mtimeMs },
      { size: -1, mtimeMs: 0 },
    ],
  });
  survey.stop();
});

test('given their folder, lists the dumps as listDumps does, and takes them in its order', async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'clippings-stat-'));
  const inDir = path.join(folder, 'raw');
  const outDir = path.join(inDir, 'out');
  mkdirSync(path.join(inDir, 'b'), { recursive: true });
  mkdirSync(outDir);
  writeFileSync(path.join(inDir, 'b', 'two.txt'), 'two');
  writeFileSync(path.join(inDir, 'a.txt'), 'one!');
  writeFileSync(path.join(inDir, 'notes.md'), 'not a dump');
  writeFileSync(path.join(outDir, 'inside.txt'), 'the output folder');
  const survey = surveySizes(`${outDir}${path.sep}`, { inDir, exclude: [outDir] });
  const { listing, times } = await survey.dumps;
  survey.stop();
  expect(listing).toEqual(listDumps(inDir, [outDir]));
  expect(listing?.dumps.map((dump) => dump.name)).toEqual(['a.txt', 'b/two.txt']);
  expect(times.map((time) => time.size)).toEqual([4, 3]);
});

test('leaves the listing to its caller when the folder cannot be listed', async () => {
  const survey = surveySizes('/nowhere/', { inDir: '/nowhere/at/all', exclude: [] });
  expect(await survey.dumps).toEqual({ times: [] });
  survey.stop();
});

test('compares a table as the manifest stored it, its rows named in the thread, as it compares a map', async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'clippings-stat-'));
  writeFileSync(path.join(folder, 'one-aaaaaa.md'), 'four');
  writeFileSync(path.join(folder, 'two-bbbbbb.md'), 'four');
  writeFileSync(path.join(folder, 'extra.md'), 'four');
  const index = new SlugIndex(['one-aaaaaa', 'two-bbbbbb', 'gone-cccccc']);
  const sizes = [4, 5, 4, 1];
  const table = new RowTable([0, 1, 2, 'extra.md'], (i) => ({ size: sizes[i] as number }), index, '.md');
  const fromTable = await surveySizes(`${folder}${path.sep}`).compare(table);
  const fromMap = await surveySizes(`${folder}${path.sep}`).compare(new Map(table));
  expect([...fromTable.changed]).toEqual([
    ['two-bbbbbb.md', 4],
    ['gone-cccccc.md', -1],
    ['extra.md', 4],
  ]);
  expect([...fromTable.changed]).toEqual([...fromMap.changed]);
  expect(fromTable.get('one-aaaaaa.md')).toBe(4);
});

test('answers for no files', async () => {
  expect((await surveySizes('/nowhere/').compare(new Map())).changed.size).toBe(0);
});

test('a survey stopped before it is compared keeps nothing running', async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'clippings-stat-'));
  surveySizes(`${folder}${path.sep}`).stop();
});

test('takes again, against their records as they are now, the files a manifest delta changed after the survey was given them', async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'clippings-stat-'));
  const prefix = `${folder}${path.sep}`;
  writeFileSync(path.join(folder, 'a.md'), 'four');
  writeFileSync(path.join(folder, 'b.md'), 'four');
  const recorded = new Map([
    ['a.md', { size: 4 }],
    ['b.md', { size: 4 }],
  ]);
  const sizes = await surveySizes(prefix).compare(recorded);
  expect(sizes.changed.size).toBe(0);
  // The delta records b.md at five bytes and adds c.md.
  recorded.set('b.md', { size: 5 });
  writeFileSync(path.join(folder, 'c.md'), 'abc');
  recorded.set('c.md', { size: 3 });
  const again = sizes.retaken(prefix, ['b.md', 'c.md', 'gone.md']);
  expect([...again.changed]).toEqual([['b.md', 4]]);
  expect(again.get('a.md')).toBe(4);
  expect(again.get('c.md')).toBe(3);
});
