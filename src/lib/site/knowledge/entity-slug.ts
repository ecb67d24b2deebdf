/**
 * URL segments for people, places, organisations and quote speakers.
 *
 * A segment depends on the name alone, so it is stable whatever else the
 * archive holds; names that fold to the same words ("Al-Sadr", "al Sadr") are
 * one entity.
 */
import { slugWords } from '../../ingest/slug.ts';

/** Segments the kind's own listings use (`/people/a-z/`); a name that folds to one gets "-name". */
export const RESERVED_ENTITY_SLUGS: ReadonlySet<string> = new Set(['a-z', 'page']);

/**
 * The URL segment of a name.
 *
 * @param name A canonical name ("Hassan Nasrallah").
 * @returns "hassan-nasrallah"; never all digits (which would read as a page number) nor reserved.
 */
export function slugifyName(name: string): string {
  const words = slugWords(name);
  if (words.length === 0) return `name-${hashName(name)}`;
  if (/^\d+$/.test(words) || RESERVED_ENTITY_SLUGS.has(words)) return `${words}-name`;
  return words;
}

/** A short, stable hash (FNV-1a, hex) for names without letters or digits. */
function hashName(name: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
