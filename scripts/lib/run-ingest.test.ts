import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, utimesSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { load as loadYaml } from 'js-yaml';
import { EntrySchema } from '../../src/lib/entry-schema.ts';
import { splitEntryFile } from '../../src/lib/entry-text.ts';
import { runIngest } from './run-ingest.ts';

const story = (title: string, body: string) => `${title}\n\nA photo (AFP)\nA photo (AFP)\nTT\n\n${title}\n\nA photo (AFP)\nA photo (AFP)\n\n${body}\n`;

let root: string;
let inDir: string;
let outDir: string;
const write = (name: string, text: string | Uint8Array) => {
  mkdirSync(path.dirname(path.join(inDir, name)), { recursive: true });
  writeFileSync(path.join(inDir, name), text);
};
const entries = () => (existsSync(outDir) ? readdirSync(outDir).filter((name) => name.endsWith('.md')).sort() : []);
const frontmatter = (name: string) => EntrySchema.parse(loadYaml(splitEntryFile(readFileSync(path.join(outDir, name), 'utf8')).yaml));
const ingest = (check = false) => runIngest({ inDir, outDir, check, workers: 2 });

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'clippings-ingest-'));
  inDir = path.join(root, 'raw');
  outDir = path.join(root, 'articles');
  mkdirSync(inDir);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

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

  test('rewrites nothing when its manifest is gone but the entries are current', async () => {
    write('a.txt', story('Bridge Reopens', 'Cars are back.'));
    write('b.txt', story('Bridge Reopens', 'Cars are back.'));
    await ingest();
    rmSync(path.join(outDir, '.ingest-manifest.json'));
    expect(await ingest()).toMatchObject({ filesRead: 2, written: [], removed: [] });
  });

  test('does not parse a dump again when only its time changed, and remembers the new time', async () => {
    write('a.txt', story('Bridge Reopens', 'Cars are back.'));
    await ingest();
    const file = path.join(inDir, 'a.txt');
    utimesSync(file, new Date(), new Date(Date.now() + 60_000));
    expect(await ingest()).toMatchObject({ filesRead: 0, written: [], removed: [] });
    const manifest = JSON.parse(readFileSync(path.join(outDir, '.ingest-manifest.json'), 'utf8'));
    expect(manifest.files['a.txt'].mtimeMs).toBe(statSync(file).mtimeMs);
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
    expect(summary.removed).toHaveLength(1);
    expect(entries()).toContain(before.find((name) => name.startsWith('bridge')));
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
    expect(await ingest()).toMatchObject({ emptyFiles: ['empty.txt'], skipped: ['notes.md'], rejected: [] });
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
