/**
 * Counts shown to readers: "4,213 stories", "1 story".
 */

const NUMBER = new Intl.NumberFormat('en');

/**
 * Format a count with its noun, in the singular for one.
 *
 * @param count How many.
 * @param singular The noun for one ("story").
 * @param plural The noun for any other count ("stories").
 * @returns "4,213 stories".
 */
export function formatCount(count: number, singular: string, plural: string): string {
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`;
}

/**
 * Format a number with thousands separators.
 *
 * @param value Any number.
 * @returns "4,213".
 */
export function formatNumber(value: number): string {
  // Below 1,000 a whole number reads as its digits: skip Intl, which costs microseconds a call and
  // listings print hundreds of counts a page.
  return Number.isInteger(value) && (value > 0 || Object.is(value, 0)) && value < 1000 ? String(value) : NUMBER.format(value);
}
