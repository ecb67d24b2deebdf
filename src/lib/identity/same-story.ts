/**
 * When two articles are one story: the headline is the same or nearly so, and
 * the body is mostly the same text. The thresholds and the figures behind
 * them are in DESIGN.md ("Story identity"); `npm run eval:identity` measures them.
 */
import { editDistance } from '../text/edit-distance.ts';
import { BINS, compareSketches } from './sketch.ts';

/** What the comparison needs of one article. */
export interface IdentityFeatures {
  /** The headline's slug words (lower case, folded, "-" between words). */
  title: string;
  /** The body's sketch (`sketchText`). */
  sketch: Uint16Array;
  /** Distinct shingles in the body. */
  shingles: number;
}

/** The thresholds of `isSameStory`. */
export const SAME_STORY = {
  /** Headlines: 1 − edit distance / longer length, by characters or by words, at least. */
  title: 0.6,
  /** Bodies: estimated Jaccard similarity of the shingle sets, at least (a paragraph added at the end is not most of the text). */
  jaccard: 0.5,
  /** Bodies: share of the shorter body's shingles also in the longer one, at least (few changes inside the text). */
  containment: 0.95,
  /** The same, when no bin shows a shingle only the shorter body has (text added or removed at an end, nothing changed). */
  containmentAdded: 0.85,
  /** A short body (under BINS / 2 shingles in all, where each bin holds about one shingle): at most this many shingles of its own (two words corrected). */
  shortChanged: 6,
} as const;

/**
 * @returns 1 for the same headline, 0 for nothing in common.
 */
export function titleSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  // By characters, a typo counts for little; by words, one word corrected in a
  // long headline does too, however long the new word ("the" → "electricity").
  return Math.max(1 - editDistance(a, b) / longer, wordSimilarity(a, b));
}

/** 1 − word-level edit distance / the longer headline's word count. */
function wordSimilarity(a: string, b: string): number {
  const codes = new Map<string, string>();
  const encode = (title: string) =>
    title
      .split('-')
      .map((word) => {
        let code = codes.get(word);
        if (code === undefined) codes.set(word, (code = String.fromCharCode(0xe000 + codes.size)));
        return code;
      })
      .join('');
  const x = encode(a);
  const y = encode(b);
  return 1 - editDistance(x, y) / Math.max(x.length, y.length);
}

/**
 * Jaccard similarity and containment (the share of the smaller set in the
 * other), estimated from the sketches and set sizes, and whether the sketches
 * show any shingle of the smaller body that the larger lacks.
 */
export function compareBodies(
  a: IdentityFeatures,
  b: IdentityFeatures,
): { jaccard: number; containment: number; smallerAdds: boolean; union: number; smallerOwn: number } {
  const { jaccard, onlyFirst, onlySecond } = compareSketches(a.sketch, b.sketch);
  const smaller = Math.min(a.shingles, b.shingles);
  const own = a.shingles <= b.shingles ? onlyFirst : onlySecond;
  const union = (a.shingles + b.shingles) / (1 + jaccard);
  const base = { jaccard, smallerAdds: own > 0, union, smallerOwn: own * union };
  if (smaller === 0) return { ...base, containment: 0 };
  // Two estimates of the share of the smaller body in the larger: from the
  // Jaccard estimate, and from the bins where the smaller body alone has the
  // minimum. Each is noisy where the bins hold more than one shingle; the
  // lower is taken, so neither's noise alone merges two stories.
  const shared = (jaccard * (a.shingles + b.shingles)) / (1 + jaccard);
  return { ...base, containment: Math.max(0, Math.min(1, shared / smaller, 1 - base.smallerOwn / smaller)) };
}

/**
 * Whether two articles with different text are versions of one story.
 * Articles with the exact same headline and body are one story without asking.
 */
export function isSameStory(a: IdentityFeatures, b: IdentityFeatures): boolean {
  if (titleSimilarity(a.title, b.title) < SAME_STORY.title) return false;
  const { jaccard, containment, smallerAdds, union, smallerOwn } = compareBodies(a, b);
  if (jaccard < SAME_STORY.jaccard) return false;
  // A short body: its sketch is nearly its whole shingle set, so a corrected word or two is counted, not estimated.
  if (union <= BINS / 2 && smallerOwn <= SAME_STORY.shortChanged) return true;
  return containment >= (smallerAdds ? SAME_STORY.containment : SAME_STORY.containmentAdded);
}
