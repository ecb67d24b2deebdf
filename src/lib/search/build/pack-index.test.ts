import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from './build-index.ts';
import { FIXTURE_TEXTS } from './fixture-archive.ts';
import { fewestHeadlines, packIndex } from './pack-index.ts';
import { toSearchDocument } from '../format/story-record.ts';

describe('packIndex', () => {
  const index = buildSearchIndex(FIXTURE_TEXTS.map((text, id) => toSearchDocument(id, text)));
  const carried = (headlines?: typeof FIXTURE_TEXTS) =>
    packIndex(index, { targetChars: 500, ...(headlines && { headlines }) }).shards.reduce((sum, file) => sum + JSON.parse(file.text).h.length, 0);

  it('has shards carry headlines only when given the stories', () => {
    expect(carried()).toBe(0);
    expect(carried(FIXTURE_TEXTS)).toBeGreaterThan(FIXTURE_TEXTS.length);
  });

  it('asks a word to be in one headline per 10,000 stories', () => {
    expect([15, 10_000, 10_001, 100_000].map(fewestHeadlines)).toEqual([1, 1, 2, 10]);
  });
});
