import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from './build-index.ts';
import { FIXTURE_TEXTS } from './fixture-archive.ts';
import { fewestStories, packIndex } from './pack-index.ts';
import { toSearchDocument } from '../format/story-record.ts';

describe('packIndex', () => {
  const index = buildSearchIndex(FIXTURE_TEXTS.map((text, id) => toSearchDocument(id, text)));
  const carried = (headlines?: typeof FIXTURE_TEXTS) =>
    packIndex(index, { targetChars: 500, ...(headlines && { headlines }) }).shards.reduce((sum, file) => sum + JSON.parse(file.text).h.length, 0);

  it('has shards carry headlines only when given the stories', () => {
    expect(carried()).toBe(0);
    expect(carried(FIXTURE_TEXTS)).toBeGreaterThan(FIXTURE_TEXTS.length);
  });

  it('asks a word to be in one story in 250', () => {
    expect([15, 250, 251, 10_000, 100_000].map(fewestStories)).toEqual([1, 1, 2, 40, 400]);
  });
});
