/**
 * URL segments for dump files, for the browse-by-source pages.
 */

/**
 * Turn a dump file path into a URL segment: lower-case letters and digits
 * joined by "-".
 *
 * @param file The dump's path relative to the input folder ("2024/010_ab.txt").
 * @returns "2024-010-ab-txt"; "file" when nothing readable is left.
 */
export function toSourceKey(file: string): string {
  const key = file
    .normalize('NFKD')
    // Accents off Latin letters only: in other scripts a mark can be part of the letter.
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return key || 'file';
}

/** Segments the sources listing uses for itself (`/sources/page/2/`). */
export const RESERVED_SOURCE_KEYS: readonly string[] = ['page'];

/**
 * Give every file its own segment: when two paths fold to the same segment
 * (or to a reserved one), the later ones get "-2", "-3".
 *
 * @param files Distinct dump paths, in the order they are listed.
 * @returns A map from path to segment.
 */
export function assignSourceKeys(files: readonly string[]): Map<string, string> {
  const keys = new Map<string, string>();
  const taken = new Set<string>(RESERVED_SOURCE_KEYS);
  for (const file of files) {
    const base = toSourceKey(file);
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
    taken.add(key);
    keys.set(file, key);
  }
  return keys;
}
