import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LOCK_NAME, LockedError, takeLock } from './out-lock.ts';

let outDir: string;
beforeEach(() => {
  outDir = mkdtempSync(path.join(tmpdir(), 'clippings-lock-'));
});
afterEach(() => rmSync(outDir, { recursive: true, force: true }));

/** The id of a process that has ended. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

describe('takeLock', () => {
  test('holds the folder with its process id until released', () => {
    const lock = takeLock(outDir);
    expect(readFileSync(path.join(outDir, LOCK_NAME), 'utf8')).toBe(`${process.pid}\n`);
    lock.release();
    expect(existsSync(path.join(outDir, LOCK_NAME))).toBe(false);
  });

  test('refuses while a live process holds it, naming the process', () => {
    const lock = takeLock(outDir);
    expect(() => takeLock(outDir, 'articles')).toThrow(new LockedError('articles', process.pid));
    expect(() => takeLock(outDir, 'articles')).toThrow(`articles: another ingest (process ${process.pid}) is writing to this folder; wait for it to finish`);
    lock.release();
  });

  test('takes over a lock whose process is gone, and says from which', () => {
    const pid = deadPid();
    writeFileSync(path.join(outDir, LOCK_NAME), `${pid}\n`);
    const lock = takeLock(outDir);
    expect(lock.tookOverFrom).toBe(pid);
    expect(readFileSync(path.join(outDir, LOCK_NAME), 'utf8')).toBe(`${process.pid}\n`);
    lock.release();
  });
});
