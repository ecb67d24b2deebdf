/**
 * Dates as the knowledge pages show and group them. Entries carry ISO dates as
 * precise as the story gives them (`2024-09-17`, `2024-09`, `2024`); a period
 * is the month of a day or month, or the year of a year alone.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * A date for readers, as precise as it is.
 *
 * @param date `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
 * @returns "17 September 2024", "September 2024", "2024"; the input itself when it is not such a date.
 */
export function formatIsoDate(date: string): string {
  const match = ISO.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  const name = month ? MONTHS[Number(month) - 1] : undefined;
  if (month && !name) return date;
  if (!name) return year ?? date;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

/**
 * The period a date is filed under on the time pages.
 *
 * @param date An ISO date of any precision.
 * @returns "2024-09" for a day or month, "2024" for a year alone.
 */
export function periodOf(date: string): string {
  return date.slice(0, 7);
}

/**
 * The year of a date or period.
 *
 * @param date An ISO date or period.
 * @returns "2024".
 */
export function yearOf(date: string): string {
  return date.slice(0, 4);
}

/**
 * Order two optional dates newest first, missing last. A less precise date
 * sorts after the more precise ones it contains ("2024-09" after "2024-09-17").
 *
 * @param a A date, or undefined.
 * @param b Another.
 * @returns Negative when `a` comes first.
 */
export function compareNewestFirst(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? 1 : -1;
}

/**
 * Order two dates oldest first, a less precise date before the dates it
 * contains ("2024-09" before "2024-09-01"), as a timeline reads.
 *
 * @param a A date.
 * @param b Another.
 * @returns Negative when `a` comes first.
 */
export function compareOldestFirst(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
