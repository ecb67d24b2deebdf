import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

const CLI = fileURLToPath(new URL('./generate-archive.ts', import.meta.url));
let root: string;
const generate = (out: string) => spawnSync(process.execPath, [CLI, '--articles', '20', '--out', out], { cwd: root, encoding: 'utf8' });

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'clippings-generate-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('npm run generate', () => {
  test('writes the archive into a new folder', () => {
    expect(generate('raw').status).toBe(0);
    expect(readdirSync(path.join(root, 'raw'))).toHaveLength(2);
  });

  test('refuses a folder that holds files, and removes nothing', () => {
    mkdirSync(path.join(root, 'mine'));
    writeFileSync(path.join(root, 'mine', 'thesis.tex'), 'years of work');
    const result = generate('mine');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('generate-archive: mine: holds 1 file (thesis.tex), expected a new or empty folder');
    expect(readdirSync(path.join(root, 'mine'))).toEqual(['thesis.tex']);
  });
});
