/**
 * The time pages: stories by the period of their latest date, and every
 * mention of a date as a timeline.
 */
import type { Story } from '../story.ts';
import { compareOldestFirst, periodOf, yearOf } from './dates.ts';
import type { Period, YearGroup } from './types.ts';

/**
 * Group stories and date mentions by period.
 *
 * @param newestFirst Every story, latest date first: each period lists its stories in this order.
 * @returns Every period by key, and the years newest first.
 */
export function groupDates(newestFirst: readonly Story[]): { periods: Map<string, Period>; years: YearGroup[] } {
  const periods = new Map<string, Period>();
  const period = (key: string): Period => {
    let found = periods.get(key);
    if (!found) periods.set(key, (found = { key, stories: [], mentions: [] }));
    return found;
  };
  const storyCounts = new Map<string, number>();
  for (const story of newestFirst) {
    if (story.latestDate) {
      period(periodOf(story.latestDate)).stories.push(story);
      const year = yearOf(story.latestDate);
      storyCounts.set(year, (storyCounts.get(year) ?? 0) + 1);
    }
    for (const mention of story.dates) period(periodOf(mention.date)).mentions.push({ ...mention, story });
  }
  // A stable sort: mentions of one date keep the stories' order, and a story's mentions their reading order.
  for (const { mentions } of periods.values()) mentions.sort((a, b) => compareOldestFirst(a.date, b.date));

  const years = new Map<string, YearGroup>();
  for (const [key, found] of [...periods].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const year = yearOf(key);
    let group = years.get(year);
    if (!group) years.set(year, (group = { year, storyCount: storyCounts.get(year) ?? 0, mentionCount: 0, months: [] }));
    group.mentionCount += found.mentions.length;
    if (key.length === 4) group.period = found;
    else group.months.push(found);
  }
  return { periods, years: [...years.values()].reverse() };
}
