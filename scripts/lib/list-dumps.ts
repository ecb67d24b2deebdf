/**
 * The dump files of an input folder.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** A dump to read. */
export interface DumpFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the input folder, with "/" separators: how sources name it. */
  name: string;
}

/**
 * Every `.txt` file below a folder, in a stable order; hidden files and folders are passed over.
 *
 * @param inDir The input folder.
 * @returns The dumps, and the other files found (reported, not read).
 */
export function listDumps(inDir: string): { dumps: DumpFile[]; skipped: string[] } {
  const dumps: DumpFile[] = [];
  const skipped: string[] = [];
  for (const entry of readdirSync(inDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    const name = path.relative(inDir, absolute).split(path.sep).join('/');
    if (name.split('/').some((part) => part.startsWith('.'))) continue;
    if (entry.name.toLowerCase().endsWith('.txt')) dumps.push({ path: absolute, name });
    else skipped.push(name);
  }
  dumps.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { dumps, skipped: skipped.sort() };
}
