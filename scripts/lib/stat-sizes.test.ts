import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { statSizes } from './stat-sizes.ts';

let folder = '';
afterEach(() => rmSync(folder, { recursive: true, force: true }));

test('reads each file’s size, and -1 for one that is missing or a folder', async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'clippings-stat-'));
  writeFileSync(path.join(folder, 'a.md'), 'four');
  writeFileSync(path.join(folder, 'empty.md'), '');
  mkdirSync(path.join(folder, 'folder.md'));
  const sizes = await statSizes(`${folder}${path.sep}`, ['a.md', 'empty.md', 'folder.md', 'gone.md']);
  const read: [string, number][] = [];
  sizes.forEach((size, name) => read.push([name, size]));
  expect(read).toEqual([
    ['a.md', 4],
    ['empty.md', 0],
    ['folder.md', -1],
    ['gone.md', -1],
  ]);
  expect(sizes.get('a.md')).toBe(4);
  expect(sizes.get('other.md')).toBeUndefined();
});

test('answers for no files', async () => {
  expect((await statSizes('/nowhere/', [])).names).toEqual([]);
});
