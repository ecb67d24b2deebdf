import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
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

test("takes the dumps' sizes and times first, -1 for one that is missing", async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'clippings-stat-'));
  const dump = path.join(folder, 'a.txt');
  writeFileSync(dump, 'twelve bytes');
  const survey = surveySizes(`${folder}${path.sep}`, [dump, path.join(folder, 'gone.txt')]);
  expect(await survey.dumps).toEqual([
    { size: 12, mtimeMs: statSync(dump).mtimeMs },
    { size: -1, mtimeMs: 0 },
  ]);
  survey.stop();
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
