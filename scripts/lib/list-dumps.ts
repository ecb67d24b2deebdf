/**
 * The dump files of an input folder. The walk never leaves the folder, reads
 * no file twice, and says what it passed over and what it could not read:
 * symbolic links are followed only to a place inside the folder not read
 * already (so neither a link to `/etc` nor a link to `..` is a way out or
 * round), hidden files and folders are passed over, and an unreadable folder
 * or a file name that is not UTF-8 costs only itself.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { describeError } from './entry-files.ts';
import { isInside } from './out-folder.ts';

/** A dump to read. */
export interface DumpFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the input folder, with "/" separators: how sources name it. */
  name: string;
}

/** Something in the input folder passed over or not readable, and why. */
export interface Unlisted {
  /** Relative to the input folder; a folder ends in "/". */
  name: string;
  reason: string;
}

/** What the walk found. */
export interface DumpListing {
  dumps: DumpFile[];
  /** Passed over on purpose: not a dump, hidden, or a link that would leave the folder or read something twice. */
  skipped: Unlisted[];
  /** Could not be read or named: an error each. */
  unreadable: Unlisted[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Every `.txt` file below a folder, in a stable order.
 *
 * @param inDir The input folder.
 * @param exclude Folders not to walk into (the output folder, when it lies inside the input).
 */
export function listDumps(inDir: string, exclude: string[] = []): DumpListing {
  const listing: DumpListing = { dumps: [], skipped: [], unreadable: [] };
  const root = realpathSync(inDir);
  const excluded = new Set(exclude.map(realPathOrSelf));
  const walkedFolders = new Map<string, string>();
  const readFiles = new Map<string, string>();
  const links: { file: string; name: string }[] = [];

  const walk = (folder: string, prefix: string, real: string) => {
    walkedFolders.set(real, prefix);
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(folder, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      listing.unreadable.push({ name: prefix || './', reason: `cannot read the folder (${describeError(error)})` });
      return;
    }
    entries.sort((a, b) => Buffer.compare(a.name, b.name));
    for (const entry of entries) {
      let base: string;
      try {
        base = utf8.decode(entry.name);
      } catch {
        listing.unreadable.push({
          name: `${prefix}${latin1Escaped(entry.name)}`,
          reason: 'its name is not UTF-8, so no entry could name it as a source: rename it (e.g. `convmv -f latin1 -t utf8`)',
        });
        continue;
      }
      const file = path.join(folder, base);
      const name = `${prefix}${base}`;
      const isText = base.toLowerCase().endsWith('.txt');
      if (base.startsWith('.')) {
        if (entry.isDirectory()) listing.skipped.push({ name: `${name}/`, reason: 'hidden folder, not read' });
        else if (isText) listing.skipped.push({ name, reason: 'hidden file, not read' });
      } else if (entry.isSymbolicLink()) {
        links.push({ file, name });
      } else if (entry.isDirectory()) {
        if (excluded.has(path.join(real, base))) listing.skipped.push({ name: `${name}/`, reason: 'the output folder, not read' });
        else walk(file, `${name}/`, path.join(real, base));
      } else if (!entry.isFile()) {
        if (isText) listing.skipped.push({ name, reason: 'not a regular file, not read' });
      } else if (isText) {
        readFiles.set(path.join(real, base), name);
        listing.dumps.push({ path: file, name });
      } else {
        listing.skipped.push({ name, reason: 'not a .txt dump, left alone' });
      }
    }
  };
  walk(inDir, '', root);

  // Links last, once every real file and folder is known: a link to one of
  // them is a second way to the same thing, whatever their order.
  for (let i = 0; i < links.length; i++) {
    const { file, name } = links[i] as { file: string; name: string };
    let target: string;
    try {
      target = realpathSync(file);
    } catch {
      listing.skipped.push({ name, reason: 'symbolic link to nothing, not read' });
      continue;
    }
    if (target !== root && !isInside(target, root)) {
      listing.skipped.push({ name, reason: `symbolic link to ${target}, outside the input folder, not followed` });
      continue;
    }
    const stat = statSync(target, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      const walked = walkedFolders.get(target);
      if (walked !== undefined) listing.skipped.push({ name, reason: `symbolic link to ${walked || './'}, read already, not followed` });
      else if (excluded.has(target)) listing.skipped.push({ name, reason: 'symbolic link to the output folder, not followed' });
      // Links inside it join the queue.
      else walk(file, `${name}/`, target);
    } else if (stat?.isFile() && name.toLowerCase().endsWith('.txt')) {
      const read = readFiles.get(target);
      if (read !== undefined) listing.skipped.push({ name, reason: `symbolic link to ${read}, read already` });
      else {
        readFiles.set(target, name);
        listing.dumps.push({ path: file, name });
      }
    } else if (stat?.isFile()) {
      listing.skipped.push({ name, reason: 'not a .txt dump, left alone' });
    }
  }

  const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  listing.dumps.sort(byName);
  listing.skipped.sort(byName);
  listing.unreadable.sort(byName);
  return listing;
}

/** A name that is not UTF-8, shown with each byte that is not ASCII as `\xHH`. */
function latin1Escaped(bytes: Buffer): string {
  return [...bytes].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

function realPathOrSelf(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return path.resolve(folder);
  }
}
