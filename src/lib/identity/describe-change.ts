/**
 * What differs between two versions of a story, in words a reader follows:
 * "headline corrected, 2 words changed, 1 paragraph added".
 */

/** One version's text, as the comparison needs it. */
export interface VersionText {
  title: string;
  subtitle?: string;
  /** Every caption as printed (credit included), lead photo first. */
  captions: readonly string[];
  /** Body paragraphs and headings, in order. */
  paragraphs: readonly string[];
}

/** The longest common subsequence of two lists, as pairs of aligned indexes. */
function align<T>(a: readonly T[], b: readonly T[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = table[i] as Uint32Array;
    const below = table[i + 1] as Uint32Array;
    for (let j = m - 1; j >= 0; j--) row[j] = a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if ((table[i + 1] as Uint32Array)[j]! >= (table[i] as Uint32Array)[j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** The runs of `a` and `b` between aligned items: what was removed and added there. */
function hunks<T>(a: readonly T[], b: readonly T[]): { removed: T[]; added: T[] }[] {
  const out: { removed: T[]; added: T[] }[] = [];
  let i = 0;
  let j = 0;
  for (const [ai, bj] of [...align(a, b), [a.length, b.length] as [number, number]]) {
    if (ai > i || bj > j) out.push({ removed: a.slice(i, ai), added: b.slice(j, bj) });
    i = ai + 1;
    j = bj + 1;
  }
  return out;
}

const words = (texts: readonly string[]) => texts.join(' ').split(/\s+/).filter(Boolean);
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * Describe how `next` differs from `previous`.
 *
 * @returns A comma-separated summary, or "same text".
 */
export function describeChange(previous: VersionText, next: VersionText): string {
  const parts: string[] = [];
  if (previous.title !== next.title) parts.push('headline corrected');
  if ((previous.subtitle ?? '') !== (next.subtitle ?? '')) parts.push('standfirst changed');

  let changedWords = 0;
  let added = 0;
  let removed = 0;
  let relaid = false;
  const fold = (paragraphs: readonly string[]) => paragraphs.map((p) => p.replace(/\s+/g, ' ').trim());
  for (const hunk of hunks(fold(previous.paragraphs), fold(next.paragraphs))) {
    if (hunk.removed.length === 0) added += hunk.added.length;
    else if (hunk.added.length === 0) removed += hunk.removed.length;
    else {
      const before = words(hunk.removed);
      const after = words(hunk.added);
      const kept = align(before, after).length;
      const changed = Math.max(before.length, after.length) - kept;
      changedWords += changed;
      if (hunk.removed.length !== hunk.added.length && changed < Math.max(before.length, after.length) / 2) relaid = true;
      else if (changed >= Math.max(before.length, after.length) / 2) {
        // Mostly new text: paragraphs replaced rather than words corrected.
        changedWords -= changed;
        added += hunk.added.length;
        removed += hunk.removed.length;
      }
    }
  }
  if (changedWords > 0) parts.push(`${plural(changedWords, 'word')} changed`);
  if (added > 0) parts.push(`${plural(added, 'paragraph')} added`);
  if (removed > 0) parts.push(`${plural(removed, 'paragraph')} removed`);
  if (relaid) parts.push('paragraph breaks changed');

  const before = new Set(previous.captions);
  const after = new Set(next.captions);
  const captions = Math.max([...before].filter((c) => !after.has(c)).length, [...after].filter((c) => !before.has(c)).length);
  if (captions > 0) parts.push(`${plural(captions, 'caption')} changed`);
  return parts.length > 0 ? parts.join(', ') : 'same text';
}
