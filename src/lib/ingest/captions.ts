/**
 * Photo captions: the dumps print each one several times and end it with the
 * photographer's or agency's credit in parentheses.
 */
import type { Caption } from '../entry-schema.ts';
import { foldSpaces, spacingKey } from './text.ts';

// A trailing "(…)" whose inside reads like a credit: starts with a capital,
// digit or uncased letter (Arabic), and is short.
const MAX_CREDIT_LENGTH = 80;
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
  return splitFoldedCredit(foldSpaces(line), lead);
}

/**
 * `splitCredit` for a line `foldLines` yields, whose spacing is already
 * folded: an article may print thousands of captions.
 *
 * @param text A folded caption line.
 * @param lead Whether it belongs to the lead photo.
 */
export function splitFoldedCredit(text: string, lead = false): Caption {
  const parts = trailingParenthesis(text);
  if (parts) {
    const before = parts.before.trim();
    const credit = parts.inside.trim();
    if (before.length > 0 && startsLikeCredit(credit) && countSpaces(credit, MAX_CREDIT_WORDS) < MAX_CREDIT_WORDS) {
      return { text: before, credit, lead };
    }
  }
  return { text, lead };
}

/** `CREDIT_START`, told by the code of an ASCII first character, as most are. */
function startsLikeCredit(credit: string): boolean {
  const c = credit.charCodeAt(0);
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return CREDIT_START.test(credit);
}

/** The spaces in folded text, counted up to `limit`: one fewer than its words. */
function countSpaces(text: string, limit: number): number {
  let spaces = 0;
  for (let i = text.indexOf(' '); i >= 0 && spaces < limit; i = text.indexOf(' ', i + 1)) spaces++;
  return spaces;
}

/**
 * What `/^(.*?)\s*\(([^()]{1,80})\)$/su` would capture, found by position
 * instead: a lazy regex tries each start of the caption in turn, the most
 * costly step of reading a photo.
 */
function trailingParenthesis(text: string): { before: string; inside: string } | undefined {
  const close = text.length - 1;
  if (text.charCodeAt(close) !== 41) return undefined;
  const open = text.lastIndexOf('(', close);
  if (open < 0 || close - open < 2) return undefined;
  if (text.indexOf(')', open) !== close) return undefined;
  const inside = text.slice(open + 1, close);
  // The limit counts characters, not UTF-16 units.
  if (inside.length > MAX_CREDIT_LENGTH && [...inside].length > MAX_CREDIT_LENGTH) return undefined;
  return { before: text.slice(0, open).trimEnd(), inside };
}

/**
 * The caption as it was printed, credit included: what two copies are compared by.
 *
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
