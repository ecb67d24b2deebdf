import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { writePacked } from './entry-files.ts';
import { FilePacker } from './packed-files.ts';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'clippings-entry-files-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const pack = (files: Record<string, string>) => {
  const packer = new FilePacker();
  for (const [name, text] of Object.entries(files)) packer.add(path.join(folder, name), text);
  return packer.pack();
};

describe('writePacked', () => {
  test.each([false, true])('writes every file whole and reports its size (direct: %s)', (direct) => {
    const { written, failed } = writePacked(pack({ 'a.md': 'first', 'b.md': 'second story' }), direct);
    expect(failed).toEqual([]);
    expect(readFileSync(path.join(folder, 'b.md'), 'utf8')).toBe('second story');
    expect(written.get('b.md')?.size).toBe(12);
    expect(readdirSync(folder).sort()).toEqual(['a.md', 'b.md']);
  });

  test('writing directly, replaces a file already there through a temporary file', () => {
    writeFileSync(path.join(folder, 'a.md'), 'an older, longer text');
    const { failed } = writePacked(pack({ 'a.md': 'new' }), true);
    expect(failed).toEqual([]);
    expect(readFileSync(path.join(folder, 'a.md'), 'utf8')).toBe('new');
    expect(readdirSync(folder)).toEqual(['a.md']);
  });

  test('reports a file it cannot write and writes the others', () => {
    const { written, failed } = writePacked(pack({ 'missing/a.md': 'x', 'b.md': 'y' }), true);
    expect(failed.map((failure) => failure.name)).toEqual(['a.md']);
    expect(failed[0]?.reason).toMatch(/^cannot write the entry/);
    expect([...written.keys()]).toEqual(['b.md']);
  });
});
