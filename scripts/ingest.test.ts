import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const CLI = fileURLToPath(new URL('./ingest.ts', import.meta.url));
const story = (title: string) => `${title}\n\nTT\n\n${title}\n\nThe body.\n`;

let root: string;
const run = (...args: string[]) => {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: root, encoding: 'utf8' });
  // Timings vary from run to run; everything else is pinned.
  const clean = (text: string) => text.replace(/done in [\d.]+ s/, 'done in … s');
  return { status: result.status, stdout: clean(result.stdout), stderr: clean(result.stderr) };
};

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'clippings-cli-'));
  mkdirSync(path.join(root, 'raw'));
  writeFileSync(path.join(root, 'raw', 'a.txt'), `${story('Bridge Reopens')}\n\n\n${story('Port Strike Ends')}`);
  writeFileSync(path.join(root, 'raw', 'b.txt'), story('Bridge Reopens'));
  writeFileSync(path.join(root, 'raw', 'empty.txt'), '');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run ingest', () => {
  test('prints a summary and exits 0 when everything was read', () => {
    expect(run('--in', 'raw', '--out', 'out')).toMatchInlineSnapshot(`
      {
        "status": 0,
        "stderr": "",
        "stdout": "ingest: read 3 files from raw (3 changed since the last run)
      ingest: empty.txt: empty file, no articles
      ingest: 3 articles → 2 entries in out, 1 duplicate merged
      ingest: wrote 2 entries, removed 0, 0 unchanged
      ingest: done in … s
      ",
      }
    `);
  });

  test('exits 0 with --check when the entries are current', () => {
    expect(run('--in', 'raw', '--out', 'out', '--check', '--quiet')).toMatchObject({ status: 0, stdout: 'ingest: out is up to date\n' });
  });

  test('exits 1 with --check when the entries are stale', () => {
    expect(run('--in', 'raw', '--out', 'elsewhere', '--check', '--quiet')).toMatchObject({
      status: 1,
      stdout: 'ingest: elsewhere is stale, run `npm run ingest`\n',
    });
  });

  test('names the file and line of what it rejects, writes the rest, and exits 1', () => {
    writeFileSync(path.join(root, 'raw', 'broken.txt'), 'Lost Title\n\nTT\n\nSomething else\n\nBody.\n');
    writeFileSync(path.join(root, 'raw', 'latin1.txt'), Uint8Array.from([...Buffer.from('Title\nCaf'), 0xe9]));
    const result = run('--in', 'raw', '--out', 'out', '--quiet');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatchInlineSnapshot(`
      "ingest: rejected 1 file and 1 article; the rest was read and written:
        raw/broken.txt:1: cannot read the header, expected the title repeated after "TT", found "Something else"
        raw/latin1.txt:2: is not UTF-8 text (byte 0xE9 at offset 9), expected UTF-8: convert it first, e.g. \`iconv -f windows-1252 -t utf-8\`
      "
    `);
  });

  test('with --keep-going, still reports what it rejects but exits 0', () => {
    const result = run('--in', 'raw', '--out', 'out', '--quiet', '--keep-going');
    expect(result).toMatchObject({ status: 0, stderr: expect.stringContaining('raw/latin1.txt:2: is not UTF-8 text') });
  });

  test('names every entry it removes', () => {
    writeFileSync(path.join(root, 'raw', 'gone.txt'), story('Ferry Sinks Quietly'));
    run('--in', 'raw', '--out', 'named', '--quiet');
    rmSync(path.join(root, 'raw', 'gone.txt'));
    const result = run('--in', 'raw', '--out', 'named', '--quiet');
    expect(result.stdout).toMatch(/^ingest: removed named\/ferry-sinks-quietly-[0-9a-f]{6}\.md\n$/);
  });

  test.each([['.'], [''], ['..']])('refuses --out %j, exits 2 and touches nothing', (out) => {
    writeFileSync(path.join(root, 'README.md'), 'project notes');
    const result = run('--in', 'raw', '--out', out);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(out === '' ? /^ingest: --out is empty/ : /is the working folder/);
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toBe('project notes');
  });

  test('refuses --out equal to --in, exits 2 and touches nothing', () => {
    const result = run('--in', 'raw', '--out', 'raw/');
    expect(result).toMatchObject({ status: 2, stderr: expect.stringContaining('ingest: --out raw/ is the input folder') });
  });

  test('refuses a folder of other files without a manifest, and says how to go on', () => {
    mkdirSync(path.join(root, 'notes'));
    writeFileSync(path.join(root, 'notes', 'README.md'), 'notes');
    const result = run('--in', 'raw', '--out', 'notes');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("ingest: notes: holds other files (README.md) and no .ingest-manifest.json, so they are not the ingest's");
    expect(result.stderr).toContain('--force writes there anyway');
    expect(readdirSync(path.join(root, 'notes'))).toEqual(['README.md']);
  });

  test('exits 2 when another run holds the output folder, naming its process', () => {
    run('--in', 'raw', '--out', 'locked', '--quiet');
    // This test's own process stands for the other run: it is alive.
    writeFileSync(path.join(root, 'locked', '.ingest-lock'), `${process.pid}\n`);
    expect(run('--in', 'raw', '--out', 'locked', '--quiet')).toMatchObject({
      status: 2,
      stderr: expect.stringContaining(`ingest: locked: another ingest (process ${process.pid}) is writing to this folder; wait for it to finish`),
    });
  });

  test('takes over the lock of a run that was killed, with a note, and clears its temporary file', () => {
    const gone = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    writeFileSync(path.join(root, 'locked', '.ingest-lock'), `${gone}\n`);
    // What it was writing when it was killed.
    writeFileSync(path.join(root, 'locked', `.story-123456.md.${gone}.tmp`), '---\ntitle: Half');
    const result = run('--in', 'raw', '--out', 'locked', '--quiet', '--keep-going');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`ingest: locked: took over the lock of a run that is gone (process ${gone})`);
    expect(readdirSync(path.join(root, 'locked')).filter((name) => name.startsWith('.'))).toEqual([
      '.ingest-manifest.json',
      '.ingest-sketches.bin',
      '.knowledge-cache',
      '.redirects.json',
      '.url-ledger.txt',
    ]);
  });

  test('exits 2 when the input folder does not exist', () => {
    expect(run('--in', 'nowhere')).toMatchObject({ status: 2, stderr: expect.stringContaining('ingest: nowhere: no such folder') });
  });
});

describe('the sample archive', () => {
  test('its tracked URL ledger already holds every story in content/raw, so a fresh clone builds without changing it', () => {
    const repo = fileURLToPath(new URL('..', import.meta.url));
    const tracked = path.join(repo, 'content', 'url-ledger.txt');
    const ledger = path.join(root, 'sample-ledger.txt');
    writeFileSync(ledger, readFileSync(tracked));
    const result = spawnSync(
      process.execPath,
      [CLI, '--in', path.join(repo, 'content', 'raw'), '--out', path.join(root, 'sample'), '--ledger', ledger, '--quiet', '--no-extract'],
      { encoding: 'utf8' },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(ledger, 'utf8')).toBe(readFileSync(tracked, 'utf8'));
  });
});
