import { describe, expect, test } from 'vitest';
import { titleSimilarity } from './same-story.ts';

describe('titleSimilarity', () => {
  test('counts one word corrected in a long headline as a small change, however long the new word', () => {
    const before = 'supplies-the-his-before-out-water-ellamo-jobs-housing-health-has-ribeti-s-2';
    const after = 'supplies-electricity-his-before-out-water-ellamo-jobs-housing-health-has-ribeti-s-2';
    expect(titleSimilarity(before, after)).toBeGreaterThan(0.9);
  });

  test('keeps a one-word change in a two-word headline below the bar', () => {
    expect(titleSimilarity('live-updates', 'live-briefing')).toBeLessThan(0.6);
  });

  test('is 1 for the same headline and low for unrelated ones', () => {
    expect(titleSimilarity('port-strike-ends', 'port-strike-ends')).toBe(1);
    expect(titleSimilarity('port-strike-ends', 'new-bridge-opens-in-the-north')).toBeLessThan(0.5);
  });
});
