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
  // Whole numbers are grouped by hand, as Intl groups them in English: Intl costs microseconds a call,
  // and every page prints counts (the footer's alone is 54k calls a build at 10k stories).
  if (!Number.isSafeInteger(value) || Object.is(value, -0)) return NUMBER.format(value);
  return String(value).replace(/\B(?=(\d{3})+$)/g, ',');
}
