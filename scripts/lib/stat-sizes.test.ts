import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { statSizes } from './stat-sizes.ts';

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
  const sizes = await statSizes(`${folder}${path.sep}`, recorded);
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

test('answers for no files', async () => {
  expect((await statSizes('/nowhere/', new Map())).changed.size).toBe(0);
});
