import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ingestVersion } from './ingest-manifest.ts';
import { DELTA_NAME } from './manifest-delta.ts';
import { runIngest } from './run-ingest.ts';

// Hostile but plausible input: each case costs itself, and the rest of the run goes through.
const story = (title: string, body: string) => `${title}\n\nTT\n\n${title}\n\n${body}\n`;

let root: string;
let inDir: string;
let outDir: string;
const write = (name: string | Buffer, text: string | Uint8Array) => writeFileSync(typeof name === 'string' ? path.join(inDir, name) : name, text);
const entries = () =>
  readdirSync(outDir)
    .filter((name) => name.endsWith('.md'))
    .sort();
const ingest = () => runIngest({ inDir, outDir, cwd: root });
const manifestFile = () => path.join(outDir, '.ingest-manifest.json');

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'clippings-hostile-'));
  inDir = path.join(root, 'raw');
  outDir = path.join(root, 'articles');
  mkdirSync(inDir);
  write('good.txt', story('Bridge Reopens', 'Cars are back.'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('runIngest on hostile input', () => {
  test('writes a story whose title is a letter and forty characters outside the BMP', async () => {
    write('wide.txt', story(`A${'\u{20000}'.repeat(40)}`, 'A body.'));
    const summary = await ingest();
    expect(summary.rejected).toEqual([]);
    expect(entries()).toEqual([expect.stringMatching(/^a\u{20000}{29}-[0-9a-f]{6}\.md$/u), expect.stringMatching(/^bridge-reopens-/)]);
  });

  test('rejects a file whose name is not UTF-8, and writes the rest', async () => {
    write(Buffer.concat([Buffer.from(`${inDir}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]), story('Port Strike Ends', 'Ships sail.'));
    const summary = await ingest();
    expect(summary.rejected).toEqual([{ file: 'caf\\xE9.txt', kind: 'file', line: 0, reason: expect.stringContaining('its name is not UTF-8') }]);
    expect(entries()).toEqual([expect.stringMatching(/^bridge-reopens-/)]);
  });

  test('rejects a UTF-16 file, naming the encoding, and writes the rest', async () => {
    write('export.txt', Buffer.from(`\uFEFF${story('Port Strike Ends', 'Ships sail.')}`, 'utf16le'));
    const summary = await ingest();
    expect(summary.rejected).toEqual([
      { file: 'export.txt', kind: 'file', line: 0, reason: expect.stringMatching(/^is UTF-16 text .*iconv -f UTF-16 -t UTF-8/) },
    ]);
    expect(entries()).toHaveLength(1);
  });

  test('leaves alone a folder named like an entry in the output folder', async () => {
    await ingest();
    mkdirSync(path.join(outDir, 'notes.md'));
    writeFileSync(path.join(outDir, 'notes.md', 'keep.txt'), 'mine');
    rmSync(path.join(inDir, 'good.txt'));
    expect(await ingest()).toMatchObject({ removed: [expect.stringMatching(/^bridge-reopens-/)], rejected: [] });
    expect(readFileSync(path.join(outDir, 'notes.md', 'keep.txt'), 'utf8')).toBe('mine');
  });

  test('rejects an entry a folder stands in the way of, writes the rest, and writes it once the way is clear', async () => {
    await ingest();
    const [bridge] = entries() as [string];
    rmSync(path.join(outDir, bridge));
    mkdirSync(path.join(outDir, bridge));
    write('port.txt', story('Port Strike Ends', 'Ships sail.'));
    const summary = await ingest();
    expect(summary.rejected).toEqual([{ folder: 'out', file: bridge, kind: 'file', line: 0, reason: expect.stringMatching(/^cannot write the entry \(/) }]);
    expect(entries()).toEqual([bridge, expect.stringMatching(/^port-strike-ends-/)]);
    rmSync(path.join(outDir, bridge), { recursive: true });
    expect((await ingest()).written).toEqual([bridge.slice(0, -3)]);
  });

  test.each([
    ['not JSON', () => '{"version": '],
    ['not an object', () => '[1, 2]'],
    ['owned files of the wrong shape', () => JSON.stringify({ version: 'x', files: {}, entries: {}, owned: { 'a.md': 12 } })],
    ['an owned file outside the folder', () => JSON.stringify({ version: 'x', files: {}, entries: {}, owned: { '../../README.md': { size: 1, hash: '' } } })],
  ])('goes on past a manifest that is %s, removing nothing, with a note', async (_, manifest) => {
    await ingest();
    writeFileSync(path.join(outDir, 'mine.md'), 'notes');
    writeFileSync(manifestFile(), manifest());
    rmSync(path.join(inDir, 'good.txt'));
    write('port.txt', story('Port Strike Ends', 'Ships sail.'));
    const summary = await ingest();
    expect(summary).toMatchObject({ removed: [], rejected: [], notes: [expect.stringMatching(/^\.ingest-manifest\.json: .*; nothing is removed this run/)] });
    expect(existsSync(path.join(outDir, 'mine.md'))).toBe(true);
    expect(existsSync(path.join(root, 'README.md'))).toBe(false);
    // The new manifest is whole again.
    expect((await ingest()).notes).toEqual([]);
  });

  test('goes on past a hand-edited cache of the current version, reading every dump again', async () => {
    await ingest();
    const manifest = JSON.parse(readFileSync(manifestFile(), 'utf8'));
    // Size and time still match the dump, so the record would be reused as it stands.
    manifest.files.articles = ['none'];
    manifest.files.errors = null;
    expect(manifest.version).toBe(ingestVersion());
    writeFileSync(manifestFile(), JSON.stringify(manifest));
    expect(await ingest()).toMatchObject({ filesRead: 1, written: [], removed: [], rejected: [] });
  });

  test('goes on past a damaged delta of the manifest, removing nothing, with a note', async () => {
    write('port.txt', story('Port Strike Ends', 'Ships sail.'));
    await ingest();
    // A correction: the re-run saves a delta beside the manifest.
    write('port.txt', story('Port Strike Ends', 'Ships sail again.'));
    await ingest();
    expect(existsSync(path.join(outDir, DELTA_NAME))).toBe(true);
    writeFileSync(path.join(outDir, DELTA_NAME), '{"base": ');
    rmSync(path.join(inDir, 'good.txt'));
    const summary = await ingest();
    expect(summary).toMatchObject({
      removed: [],
      rejected: [],
      notes: [expect.stringMatching(/^\.ingest-manifest\.json: its delta .* cannot be read .*; nothing is removed this run/)],
    });
    expect(existsSync(path.join(outDir, DELTA_NAME))).toBe(false);
    expect((await ingest()).notes).toEqual([]);
  });
});
