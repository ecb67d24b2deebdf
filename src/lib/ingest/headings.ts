/**
 * Section headings: the dumps print them as short lines among the paragraphs,
 * with nothing but their shape to tell them apart.
 */

const MAX_HEADING_LENGTH = 90;
const MAX_HEADING_WORDS = 12;
// Closing quotes and brackets a heading may end with ("‘Special operation’").
const TRAILING_CLOSERS = /["'”’»)\]]+$/u;
// A sentence ends, and another one starts, inside the line.
const SENTENCE_BREAK = /[.!?؟…]["'”’»)\]]*\s+\S/u;
// A paragraph ends like a sentence or a clause; a heading does not (a question may).
const PROSE_ENDING = /[.!:;,…،؛\-–—]$/u;
// A heading starts like a title: a capital, a digit, an opening quote, or an uncased script.
const TITLE_START = /^["'“‘«([]*[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u;

/**
 * Tell whether a body line is a section heading ("Syrian lesson",
 * "Who came first Sudani or the ‘Framework’?") rather than a short paragraph
 * ("So what had they agreed upon? And who are “they”?").
 *
 * @param text One folded body line.
 * @returns True when it reads as a heading.
 */
export function isSectionHeading(text: string): boolean {
  if (text.length === 0 || text.length > MAX_HEADING_LENGTH) return false;
  if (text.split(' ').length > MAX_HEADING_WORDS) return false;
  if (!TITLE_START.test(text)) return false;
  if (SENTENCE_BREAK.test(text)) return false;
  const ending = text.replace(TRAILING_CLOSERS, '');
  if (ending.length === 0 || PROSE_ENDING.test(ending)) return false;
  return true;
}
