/**
 * Photo captions: the dumps print each one several times and end it with the
 * photographer's or agency's credit in parentheses.
 */
import type { Caption } from '../entry-schema.ts';
import { foldSpaces, spacingKey } from './text.ts';

// A trailing "(…)" whose inside reads like a credit: starts with a capital,
// digit or uncased letter (Arabic), and is short.
const TRAILING_CREDIT = /^(.*?)\s*\(([^()]{1,80})\)$/su;
const CREDIT_START = /^[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u;
const MAX_CREDIT_WORDS = 10;

/**
 * Split the credit off a caption: "(AFP)", "(AP Photo/Hussein Malla)",
 * "(Photo by Anwar AMRO / AFP)", "(X)".
 *
 * @param line The caption as printed.
 * @param lead Whether it belongs to the lead photo.
 * @returns The caption, with `credit` when the line ends in one.
 */
export function splitCredit(line: string, lead = false): Caption {
  const text = foldSpaces(line);
  const match = TRAILING_CREDIT.exec(text);
  if (match) {
    const before = (match[1] ?? '').trim();
    const credit = (match[2] ?? '').trim();
    if (
      before.length > 0 &&
      CREDIT_START.test(credit) &&
      credit.split(' ').length <= MAX_CREDIT_WORDS
    ) {
      return { text: before, credit, lead };
    }
  }
  return { text, lead };
}

/**
 * The caption as it was printed, credit included: what two copies are compared by.
 *
 * @param caption A caption.
 * @returns Its text with the credit back in parentheses.
 */
export function printedCaption(caption: Caption): string {
  return caption.credit ? `${caption.text} (${caption.credit})` : caption.text;
}

/**
 * Keep each caption once, in first-seen order, when its copies differ only in spacing.
 *
 * @param lines Caption lines as printed, repeats included.
 * @param lead Whether these belong to the lead photo.
 * @returns One caption per distinct line.
 */
export function dedupeCaptions(lines: readonly string[], lead = false): Caption[] {
  const seen = new Set<string>();
  const captions: Caption[] = [];
  for (const line of lines) {
    const key = spacingKey(line);
    if (key.length === 0 || seen.has(key)) continue;
    seen.add(key);
    captions.push(splitCredit(line, lead));
  }
  return captions;
}
