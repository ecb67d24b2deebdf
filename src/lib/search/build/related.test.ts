import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from './build-index.ts';
import { FIXTURE_TEXTS } from './fixture-archive.ts';
import { findRelatedStories, RELATED_DEFAULTS } from './related.ts';
import { toSearchDocument } from '../format/story-record.ts';

const documents = FIXTURE_TEXTS.map((record, id) => toSearchDocument(id, record));

describe('findRelatedStories', () => {
  const related = findRelatedStories(buildSearchIndex(documents));

  it('lists stories that share distinctive words, never the story itself', () => {
    expect(related[0]).toContain(7);
    related.forEach((list, id) => expect(list).not.toContain(id));
  });

  it('lists nothing for a story that shares no words', () => {
    expect(related[4]).toEqual([]);
  });

  it('gives at most `limit` stories and the same lists on every run', () => {
    const again = findRelatedStories(buildSearchIndex(documents), { ...RELATED_DEFAULTS, limit: 2, minShared: 1 });
    again.forEach((list) => expect(list.length).toBeLessThanOrEqual(2));
    expect(findRelatedStories(buildSearchIndex(documents), { ...RELATED_DEFAULTS, limit: 2, minShared: 1 })).toEqual(again);
  });

  it('ranks a story sharing headline words above one sharing only body words', () => {
    const docs = [
      { id: 0, title: 'Harbour ferry strike', subtitle: '', captions: '', body: 'ferry strike harbour' },
      { id: 1, title: 'Weather', subtitle: '', captions: '', body: 'ferry strike harbour' },
      { id: 2, title: 'Ferry strike ends', subtitle: '', captions: '', body: 'harbour' },
      { id: 3, title: 'Other', subtitle: '', captions: '', body: 'nothing shared here' },
      { id: 4, title: 'More', subtitle: '', captions: '', body: 'unrelated words again' },
    ];
    expect(findRelatedStories(buildSearchIndex(docs))[0]).toEqual([2, 1]);
  });
});
