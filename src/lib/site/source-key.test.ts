import { describe, expect, it } from 'vitest';
import { assignSourceKeys, toSourceKey } from './source-key.ts';

describe('toSourceKey', () => {
  it('joins the words and digits of a path with "-"', () => {
    expect(toSourceKey('010_eb6a0f26b5f08742.txt')).toBe('010-eb6a0f26b5f08742-txt');
    expect(toSourceKey('2024/March/dump 1.TXT')).toBe('2024-march-dump-1-txt');
  });

  it('drops accents but keeps letters of other scripts', () => {
    expect(toSourceKey('café/أخبار.txt')).toBe('cafe-أخبار-txt');
  });

  it('falls back to "file" when nothing readable is left', () => {
    expect(toSourceKey('___')).toBe('file');
  });
});

describe('assignSourceKeys', () => {
  it('gives paths that fold to the same key a numbered suffix', () => {
    const keys = assignSourceKeys(['a b.txt', 'a_b.txt', 'a-b.txt', 'c.txt']);
    expect([...keys.values()]).toEqual(['a-b-txt', 'a-b-txt-2', 'a-b-txt-3', 'c-txt']);
  });

  it('keeps clear of the listing’s own "page" segment', () => {
    expect(assignSourceKeys(['page', 'Page']).get('page')).toBe('page-2');
  });
});
