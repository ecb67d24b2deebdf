/**
 * One ingest at a time in an output folder: two runs writing and deleting
 * entries side by side leave a mix of both. The lock is a file created only if
 * absent, holding the owner's process id; a lock whose process is gone (a
 * killed run) is taken over.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeError } from './entry-files.ts';
import { UsageError } from './out-folder.ts';

/** File name of the lock inside the output folder. */
export const LOCK_NAME = '.ingest-lock';

/** Another run holds the output folder. */
export class LockedError extends UsageError {
  readonly pid: number;
  constructor(outDir: string, pid: number) {
    super(`${outDir}: another ingest (process ${pid}) is writing to this folder; wait for it to finish`);
    this.name = 'LockedError';
    this.pid = pid;
  }
}

/** A lock held by this process. */
export interface OutLock {
  /** Set when a lock left by a run that is gone was taken over: its process id. */
  tookOverFrom?: number;
  release(): void;
}

/**
 * Take the output folder's lock.
 *
 * @param outDir An existing folder.
 * @param shown How the user named it, for messages.
 * @throws LockedError when a live process holds it; UsageError when the folder cannot be written.
 */
export function takeLock(outDir: string, shown = outDir): OutLock {
  const file = path.join(outDir, LOCK_NAME);
  let tookOverFrom: number | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) {
        throw new UsageError(`${shown}: cannot write to this folder (${describeError(error)}), expected a folder the ingest can write to`);
      }
    }
    const holder = readHolder(file);
    if (holder !== undefined && isAlive(holder)) throw new LockedError(shown, holder);
    // Gone: move its lock aside (only one of two runs doing this at once succeeds) and try again.
    const aside = `${file}.${process.pid}.stale`;
    try {
      renameSync(file, aside);
      rmSync(aside, { force: true });
      tookOverFrom = holder ?? 0;
    } catch {
      // Another run moved it first; the next attempt finds its lock.
    }
  }
  return {
    ...(tookOverFrom !== undefined ? { tookOverFrom } : {}),
    release() {
      if (readHolder(file) === process.pid) rmSync(file, { force: true });
    },
  };
}

function readHolder(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
