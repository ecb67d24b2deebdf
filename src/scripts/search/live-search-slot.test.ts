import { describe, expect, it } from 'vitest';
import { loadLiveSearch, provideLiveSearch } from './live-search-slot.ts';

describe('loadLiveSearch', () => {
  it('answers with the live search the page provided, without importing another copy', async () => {
    const provided = { enhanceSearch: () => undefined };
    provideLiveSearch(provided);
    expect(await loadLiveSearch()).toBe(provided);
  });
});
