/**
 * The folders an ingest run is given: which it refuses, and making the output
 * folder. Every refusal is a `UsageError`: the run has touched nothing.
 */
import { mkdirSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { describeError } from './entry-files.ts';

/** The run was asked for something it will not do; nothing was read or written. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The folders of a run, as given. */
export interface Folders {
  inDir: string;
  outDir: string;
  /** The working folder, which the output folder may not be nor hold. */
  cwd: string;
}

/**
 * Refuse folders the ingest must not run on: an input that is not a folder,
 * an output that is a file, the input itself, a folder holding the input, or
 * the working folder or one above it (`--out .` or `--out ''` in a checkout
 * would mix entries with the project's files).
 *
 * @throws UsageError saying why.
 */
export function checkFolders({ inDir, outDir, cwd }: Folders): void {
  if (outDir.trim() === '') throw new UsageError('--out is empty, expected the folder to write the entries to');
  if (inDir.trim() === '') throw new UsageError('--in is empty, expected a folder of .txt dumps');
  const input = path.resolve(cwd, inDir);
  const output = path.resolve(cwd, outDir);
  const inStat = statSync(input, { throwIfNoEntry: false });
  if (!inStat) throw new UsageError(`${inDir}: no such folder, expected a folder of .txt dumps`);
  if (!inStat.isDirectory()) throw new UsageError(`${inDir}: is a file, expected a folder of .txt dumps`);
  const outStat = statSync(output, { throwIfNoEntry: false });
  if (outStat && !outStat.isDirectory()) throw new UsageError(`${outDir}: is a file, expected a folder for the entries`);

  // Compared as the disk sees them, so a symlink or `..` cannot hide that two folders are one.
  const realIn = realPath(input);
  const realOut = realPath(output);
  const realCwd = realPath(cwd);
  if (realOut === realCwd || isInside(realCwd, realOut)) {
    throw new UsageError(
      `--out ${outDir} is the working folder${realOut === realCwd ? '' : ' or holds it'}, expected a folder of its own for the entries (e.g. content/articles)`,
    );
  }
  if (realOut === realIn) throw new UsageError(`--out ${outDir} is the input folder, expected a folder of its own for the entries (e.g. content/articles)`);
  if (isInside(realIn, realOut))
    throw new UsageError(`--out ${outDir} holds the input folder ${inDir}, expected a folder of its own for the entries (e.g. content/articles)`);
}

/**
 * What stands in the output folder other than the ingest's hidden files: a
 * folder that holds something and no manifest is someone else's.
 *
 * @returns Up to three names, to show the user.
 */
export function foreignFiles(outDir: string, ownHidden: (name: string) => boolean): string[] {
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch {
    return [];
  }
  return names
    .filter((name) => !ownHidden(name))
    .sort()
    .slice(0, 3);
}

/**
 * Make the output folder and any missing parent, one level at a time: Node's
 * recursive `mkdir` loops forever where the kernel answers ENOENT for a
 * parent that exists (under `/proc`).
 *
 * @throws UsageError when a level cannot be made.
 */
export function makeFolder(folder: string): void {
  const missing: string[] = [];
  let at = path.resolve(folder);
  while (!statSync(at, { throwIfNoEntry: false })) {
    missing.unshift(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  if (missing.length > 0 && !statSync(at, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`${at}: is not a folder, expected a folder to make ${folder} in`);
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && statSync(level, { throwIfNoEntry: false })?.isDirectory()) continue;
      throw new UsageError(`${level}: cannot make the folder (${describeError(error)}), expected a folder the ingest can write to`);
    }
  }
}

function realPath(file: string): string {
  // The part that exists, resolved; the rest as written.
  const rest: string[] = [];
  let at = file;
  for (;;) {
    try {
      return path.join(realpathSync(at), ...rest);
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return file;
      rest.unshift(path.basename(at));
      at = parent;
    }
  }
}

/** Whether `child` lies strictly below `parent` (both absolute, resolved). */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
}
