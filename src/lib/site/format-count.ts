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
  return `${NUMBER.format(count)} ${count === 1 ? singular : plural}`;
}

/**
 * Format a number with thousands separators.
 *
 * @param value Any number.
 * @returns "4,213".
 */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}
