import { describe, expect, test } from 'vitest';
import { formatRedirectsFile, storyRedirects } from './redirects.ts';

describe('storyRedirects', () => {
  test('turns slugs into story paths', () => {
    expect(storyRedirects([{ from: 'old-aaaaaa', to: 'new-aaaaaa' }])).toEqual([{ from: '/articles/old-aaaaaa/', to: '/articles/new-aaaaaa/' }]);
  });
});

describe('formatRedirectsFile', () => {
  test('writes one sorted 301 line a redirect, non-ASCII paths percent-encoded', () => {
    expect(
      formatRedirectsFile([
        { from: '/articles/b-1/', to: '/articles/c-1/' },
        { from: '/articles/سلام-1/', to: '/articles/c-1/' },
        { from: '/articles/a-1/', to: '/articles/c-1/' },
      ]),
    ).toBe('/articles/%D8%B3%D9%84%D8%A7%D9%85-1/ /articles/c-1/ 301\n/articles/a-1/ /articles/c-1/ 301\n/articles/b-1/ /articles/c-1/ 301\n');
  });

  test('is empty without redirects', () => {
    expect(formatRedirectsFile([])).toBe('');
  });
});
