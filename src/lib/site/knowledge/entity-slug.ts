/**
 * URL segments for people, places, organisations and quote speakers.
 *
 * A segment depends on the name alone, so it is stable whatever else the
 * archive holds; names that fold to the same words ("Al-Sadr", "al Sadr") are
 * one entity.
 */
import { slugWords } from '../../ingest/slug.ts';
import { fnv1a } from '../../text/fnv1a.ts';

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
  if (words.length === 0) return `name-${fnv1a(name).toString(16).padStart(8, '0')}`;
  if (/^\d+$/.test(words) || RESERVED_ENTITY_SLUGS.has(words)) return `${words}-name`;
  return words;
}
