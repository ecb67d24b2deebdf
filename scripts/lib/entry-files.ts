/**
 * The ingest's files in the output folder: written whole or not at all,
 * checked against what the manifest recorded, removed only when its own.
 */
import { closeSync, lstatSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { OwnedFile } from './ingest-manifest.ts';
import type { Table } from './row-table.ts';
import { fileHash, unpack, type PackedFiles } from './packed-files.ts';

/**
 * Write a file through a temporary file beside it and a rename: a run killed
 * midway leaves the old file or the new one, never a part of either.
 *
 * @param file Where the file goes.
 * @param content Its bytes or text.
 */
export function writeFileAtomic(file: string, content: Uint8Array | string): void {
  const temporary = path.join(path.dirname(file), temporaryName(path.basename(file), process.pid));
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** @returns false when the file already exists. */
function createFile(file: string, content: Uint8Array): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeFileSync(fd, content);
  } catch (error) {
    closeSync(fd);
    unlinkSync(file);
    throw error;
  }
  closeSync(fd);
  return true;
}

const temporaryName = (name: string, pid: number) => `.${name}.${pid}.tmp`;

/**
 * Remove the temporary files a run left when it was killed mid-write.
 *
 * @param folder The output folder.
 * @param pid The killed run's process id.
 */
export function removeTemporaryFiles(folder: string, pid: number): void {
  const suffix = `.${pid}.tmp`;
  for (const name of readdirSync(folder)) if (name.startsWith('.') && name.endsWith(suffix)) rmSync(path.join(folder, name), { force: true });
}

/** A file that could not be written or removed, and why. */
export interface FileFailure {
  /** Name inside the output folder. */
  name: string;
  reason: string;
}

/**
 * Write packed files, one after the other, each atomically.
 *
 * @param direct The folder held no entries when the run began: a file is
 *   created in place (and never overwrites one), without the temporary file and
 *   rename, which double the folder's updates. A run killed midway leaves a
 *   partial file that no manifest records, which the next run finds different
 *   from its entry and writes again.
 * @returns What each file now holds, by name, and the files that could not be written.
 */
export function writePacked(packed: PackedFiles, direct = false): { written: Map<string, OwnedFile>; failed: FileFailure[] } {
  const written = new Map<string, OwnedFile>();
  const failed: FileFailure[] = [];
  let i = 0;
  for (const [file, bytes] of unpack(packed)) {
    const name = path.basename(file);
    try {
      if (!direct || !createFile(file, bytes)) writeFileAtomic(file, bytes);
      written.set(name, { size: bytes.length, hash: packed.hashes[i] as string });
    } catch (error) {
      failed.push({ name, reason: `cannot write the entry (${describeError(error)})` });
    }
    i++;
  }
  return { written, failed };
}

/**
 * A test of whether an owned file is still as the ingest wrote it: the same
 * size (a `stat`, unless read beforehand) and, when `hashes` is set, the same bytes.
 *
 * @param outDir The entries folder.
 * @param owned The manifest's record.
 * @param sizes The owned files' sizes when already read (`statSizes`); the others are read when asked.
 */
export function intactTest(
  outDir: string,
  owned: Pick<Table<OwnedFile>, 'get'>,
  hashes: boolean,
  sizes?: { get(name: string): number | undefined },
): (name: string) => boolean {
  // Names are plain file names (the manifest's checks see to it): joined by
  // hand, as `path.join` would double the cost of 100k stats.
  const prefix = `${outDir}${path.sep}`;
  return (name) => {
    const record = owned.get(name);
    if (!record || record.size < 0) return false;
    if ((sizes?.get(name) ?? sizeOf(prefix + name)) !== record.size) return false;
    return !hashes || hashMatches(prefix + name, record.hash);
  };
}

function sizeOf(file: string): number {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat?.isFile() ? stat.size : -1;
}

function hashMatches(file: string, expected: string): boolean {
  try {
    return fileHash(readFileSync(file)) === expected;
  } catch {
    return false;
  }
}

/**
 * Remove files the ingest owns. A file that is already gone counts as removed;
 * one that is no longer a plain file (a folder put in its place) is left alone.
 *
 * @returns The names removed, and those that could not be.
 */
export function removeOwned(outDir: string, names: string[]): { removed: string[]; failed: FileFailure[] } {
  const removed: string[] = [];
  const failed: FileFailure[] = [];
  for (const name of names) {
    const file = path.join(outDir, name);
    try {
      if (lstatSync(file).isDirectory()) {
        failed.push({ name, reason: 'is no longer a file the ingest wrote (a folder stands there), left alone' });
        continue;
      }
      unlinkSync(file);
      removed.push(name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      failed.push({ name, reason: `cannot remove it (${describeError(error)})` });
    }
  }
  return { removed, failed };
}

/** An error as a user reads it: the system's words without Node's decorations. */
export function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code && typeof e.message === 'string') {
    // "EACCES: permission denied, open '/x'" → "permission denied"
    const words = /^[A-Z]+: ([^,]+)/.exec(e.message)?.[1];
    if (words) return words;
  }
  return error instanceof Error ? error.message : String(error);
}
