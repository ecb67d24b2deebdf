import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { listDumps } from './list-dumps.ts';

let inDir: string;
const write = (name: string, text = 'x') => {
  mkdirSync(path.dirname(path.join(inDir, name)), { recursive: true });
  writeFileSync(path.join(inDir, name), text);
};
const names = () => listDumps(inDir).dumps.map((dump) => dump.name);

beforeEach(() => {
  inDir = mkdtempSync(path.join(tmpdir(), 'clippings-list-'));
});
afterEach(() => rmSync(inDir, { recursive: true, force: true }));

describe('listDumps', () => {
  test('lists every .txt file at any depth, in order, and names what else it found', () => {
    write('b.txt');
    write('a/c.TXT');
    write('notes.md');
    expect(listDumps(inDir)).toEqual({
      dumps: [
        { path: path.join(inDir, 'a/c.TXT'), name: 'a/c.TXT' },
        { path: path.join(inDir, 'b.txt'), name: 'b.txt' },
      ],
      skipped: [{ name: 'notes.md', reason: 'not a .txt dump, left alone' }],
      unreadable: [],
    });
  });

  test('names the hidden dumps and folders it passes over', () => {
    write('a.txt');
    write('.draft.txt');
    write('.git/objects/x.txt');
    write('.DS_Store');
    expect(names()).toEqual(['a.txt']);
    expect(listDumps(inDir).skipped).toEqual([
      { name: '.draft.txt', reason: 'hidden file, not read' },
      { name: '.git/', reason: 'hidden folder, not read' },
    ]);
  });

  test('never follows a link out of the input folder', () => {
    write('a.txt');
    symlinkSync('/etc', path.join(inDir, 'etc'));
    symlinkSync('..', path.join(inDir, 'up'));
    symlinkSync('/etc/hostname', path.join(inDir, 'host.txt'));
    expect(names()).toEqual(['a.txt']);
    expect(listDumps(inDir).skipped).toEqual([
      { name: 'etc', reason: 'symbolic link to /etc, outside the input folder, not followed' },
      { name: 'host.txt', reason: 'symbolic link to /etc/hostname, outside the input folder, not followed' },
      { name: 'up', reason: `symbolic link to ${path.dirname(inDir)}, outside the input folder, not followed` },
    ]);
  });

  test('reads each file once, however many links lead to it, and walks no loop', () => {
    write('2024/a.txt');
    symlinkSync('..', path.join(inDir, '2024/loop'));
    symlinkSync('2024', path.join(inDir, 'latest'));
    symlinkSync('2024/a.txt', path.join(inDir, 'a-again.txt'));
    expect(names()).toEqual(['2024/a.txt']);
    expect(listDumps(inDir).skipped).toEqual([
      { name: '2024/loop', reason: 'symbolic link to ./, read already, not followed' },
      { name: 'a-again.txt', reason: 'symbolic link to 2024/a.txt, read already' },
      { name: 'latest', reason: 'symbolic link to 2024/, read already, not followed' },
    ]);
  });

  test('follows a link to a dump inside the folder that nothing else reaches', () => {
    write('.stash/kept.txt');
    symlinkSync('.stash/kept.txt', path.join(inDir, 'kept.txt'));
    expect(names()).toEqual(['kept.txt']);
  });

  test('reports a file whose name is not UTF-8, and lists the rest', () => {
    write('a.txt');
    writeFileSync(Buffer.concat([Buffer.from(`${inDir}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]), 'x');
    expect(listDumps(inDir)).toMatchObject({
      dumps: [{ name: 'a.txt' }],
      unreadable: [{ name: 'caf\\xE9.txt', reason: expect.stringContaining('its name is not UTF-8') }],
    });
  });

  test('does not walk into the output folder when it lies inside the input folder', () => {
    write('a.txt');
    write('articles/story-123456.md');
    expect(listDumps(inDir, [path.join(inDir, 'articles')]).skipped).toEqual([{ name: 'articles/', reason: 'the output folder, not read' }]);
  });
});
