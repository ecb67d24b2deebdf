import { describe, expect, test } from 'vitest';
import { articleDigest } from './article-digest.ts';
import { contentId } from './build-entry.ts';
import type { ParsedArticle } from './types.ts';

const article: ParsedArticle = {
  title: 'Title',
  subtitle: 'Sub',
  captions: [{ text: 'A ferry', credit: 'EPA', lead: true }],
  blocks: [{ type: 'paragraph', text: 'Short line', line: 9 }],
  index: 0,
  line: 1,
};
const digest = (a: ParsedArticle) => articleDigest(a, contentId(a));

describe('articleDigest', () => {
  test('ignores where the article stands in its dump', () => {
    expect(digest({ ...article, index: 3, line: 40, blocks: [{ type: 'paragraph', text: 'Short line', line: 48 }] })).toBe(digest(article));
  });

  test.each([
    ['subtitle', { subtitle: 'Another' }],
    ['caption', { captions: [{ text: 'A ferry', credit: 'AFP', lead: true }] }],
    ['block kind', { blocks: [{ type: 'heading' as const, text: 'Short line', line: 9 }] }],
    ['body', { blocks: [{ type: 'paragraph' as const, text: 'Other line', line: 9 }] }],
  ])('changes with the %s', (_, change) => {
    expect(digest({ ...article, ...change })).not.toBe(digest(article));
  });
});
