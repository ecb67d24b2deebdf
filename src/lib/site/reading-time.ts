/**
 * Reading time from a word count.
 */

/** Words an adult reads in a minute of news prose (Brysbaert 2019 puts silent reading near 238). */
export const WORDS_PER_MINUTE = 230;

/**
 * Estimate how long a story takes to read.
 *
 * @param wordCount Words in the story.
 * @param wordsPerMinute Reading speed.
 * @returns Whole minutes, at least 1.
 */
export function estimateReadingMinutes(wordCount: number, wordsPerMinute = WORDS_PER_MINUTE): number {
  if (!Number.isFinite(wordCount) || wordCount <= 0) return 1;
  return Math.max(1, Math.round(wordCount / wordsPerMinute));
}

/**
 * Say a reading time the way a reader expects it.
 *
 * @param minutes Whole minutes.
 * @returns "3 min read".
 */
export function formatReadingTime(minutes: number): string {
  return `${minutes} min read`;
}
