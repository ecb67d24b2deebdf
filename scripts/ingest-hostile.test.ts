import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { generateDumps } from './bench/generate-dumps.ts';

const CLI = fileURLToPath(new URL('./ingest.ts', import.meta.url));
const story = (title: string, body = 'The body.') => `${title}\n\nTT\n\n${title}\n\n${body}\n`;

// CI runs as root, whom no file mode stops: those runs drop to `nobody` for
// the ingest, so that permissions mean what they mean for a user.
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

let root: string;
const run = (args: string[], options: { unprivileged?: boolean } = {}) => {
  const drop = options.unprivileged && asRoot;
  const [command, ...rest] = drop
    ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, CLI, ...args]
    : [process.execPath, CLI, ...args];
  const result = spawnSync(command as string, rest, {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};
/** A folder the unprivileged run may write to. */
const writable = (folder: string) => {
  mkdirSync(folder, { recursive: true });
  if (asRoot) chownSync(folder, NOBODY, NOBODY);
};

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'clippings-cli-hostile-'));
  chmodSync(root, 0o755);
  mkdirSync(path.join(root, 'raw'));
  writeFileSync(path.join(root, 'raw', 'a.txt'), story('Bridge Reopens'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('npm run ingest, two at once', () => {
  test('a second run on the same folder says which run holds it and exits; the first writes every entry', async () => {
    for (const file of generateDumps({ articles: 1000, perFile: 10, seed: 3 })) writeFileSync(path.join(root, 'raw', file.name), file.text);
    const first = spawn(process.execPath, [CLI, '--in', 'raw', '--out', 'out', '--quiet'], { cwd: root, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => first.on('exit', resolve));
    while (!existsSync(path.join(root, 'out', '.ingest-lock'))) await new Promise((resolve) => setTimeout(resolve, 20));
    const second = run(['--in', 'raw', '--out', 'out', '--quiet']);
    expect(second).toMatchObject({
      status: 2,
      stderr: expect.stringContaining(`ingest: out: another ingest (process ${first.pid}) is writing to this folder`),
    });
    expect(await exited).toBe(0);
    expect(readdirSync(path.join(root, 'out')).filter((name) => name.endsWith('.md'))).toHaveLength(1001);
  }, 120_000);
});

describe('npm run ingest on hostile input', () => {
  test('rejects an unreadable file and an unreadable folder, and writes the rest', () => {
    writeFileSync(path.join(root, 'raw', 'secret.txt'), story('Port Strike Ends'));
    chmodSync(path.join(root, 'raw', 'secret.txt'), 0o000);
    mkdirSync(path.join(root, 'raw', 'locked'));
    writeFileSync(path.join(root, 'raw', 'locked', 'b.txt'), story('Ferry Sinks'));
    chmodSync(path.join(root, 'raw', 'locked'), 0o000);
    writable(path.join(root, 'out'));
    const result = run(['--in', 'raw', '--out', 'out', '--quiet'], { unprivileged: true });
    expect(result.stderr).toBe(
      'ingest: rejected 2 files and 0 articles; the rest was read and written:\n' +
        '  raw/locked/: cannot read the folder (permission denied)\n' +
        '  raw/secret.txt: cannot read the file (permission denied)\n',
    );
    expect(result.status).toBe(1);
    expect(readdirSync(path.join(root, 'out')).filter((name) => name.endsWith('.md'))).toEqual([expect.stringMatching(/^bridge-reopens-/)]);
  });

  test('refuses an output folder it cannot write to, with exit status 2', () => {
    mkdirSync(path.join(root, 'readonly'));
    if (!asRoot) chmodSync(path.join(root, 'readonly'), 0o555);
    expect(run(['--in', 'raw', '--out', 'readonly'], { unprivileged: true })).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/^ingest: readonly: cannot write to this folder \(permission denied\), expected a folder the ingest can write to\n/),
    });
    expect(run(['--in', 'raw', '--out', 'readonly/articles'], { unprivileged: true })).toMatchObject({
      status: 2,
      stderr: expect.stringContaining(`readonly/articles: cannot make the folder (permission denied)`),
    });
  });

  test('refuses an output folder under /proc at once, instead of making folders forever', () => {
    expect(run(['--in', 'raw', '--out', '/proc/clippings/articles'])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('ingest: /proc/clippings: cannot make the folder (no such file or directory)'),
    });
  });

  test.each([
    [['--in', 'raw/a.txt'], 'ingest: raw/a.txt: is a file, expected a folder of .txt dumps'],
    [['--in', 'raw', '--out', 'raw/a.txt'], 'ingest: raw/a.txt: is a file, expected a folder for the entries'],
  ])('gives a usage error for %j naming a file', (args, message) => {
    expect(run(args)).toMatchObject({ status: 2, stderr: expect.stringContaining(message) });
  });

  test('escapes control characters from dumps and file names before printing them', () => {
    writeFileSync(path.join(root, 'raw', 'evil\u001b[2J.txt'), 'Lost Title\n\nTT\n\n\u001b]0;pwned\u0007\n\nBody.\n');
    const result = run(['--in', 'raw', '--out', 'out', '--quiet']);
    expect(result.stderr).toContain('raw/evil\\x1B[2J.txt:1: cannot read the header, expected the title repeated after "TT", found "\\x1B]0;pwned\\x07"');
    expect(result.stdout + result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  test('says which hidden and linked dumps it passed over', () => {
    writeFileSync(path.join(root, 'raw', '.draft.txt'), story('Draft'));
    writeFileSync(path.join(root, 'secret.txt'), story('Outside'));
    spawnSync('ln', ['-s', path.join(root, 'secret.txt'), path.join(root, 'raw', 'outside.txt')]);
    const { stdout } = run(['--in', 'raw', '--out', 'out']);
    expect(stdout).toContain('ingest: .draft.txt: hidden file, not read\n');
    expect(stdout).toContain(`ingest: outside.txt: symbolic link to ${path.join(root, 'secret.txt')}, outside the input folder, not followed\n`);
  });
});
