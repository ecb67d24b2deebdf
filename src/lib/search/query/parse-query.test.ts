import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query.ts';

describe('parseQuery', () => {
  it('folds words and drops stopwords and repeats', () => {
    expect(parseQuery('The Harbour and the HARBOUR café')).toEqual({
      terms: ['harbour', 'cafe'],
      phrases: [],
      ignored: ['The', 'and', 'the'],
    });
  });

  it('reads straight and curly quoted phrases alike, keeping their stopwords', () => {
    const straight = parseQuery('"close the road" council');
    expect(straight.phrases).toEqual([['close', 'the', 'road']]);
    expect(straight.terms).toEqual(['close', 'road', 'council']);
    expect(parseQuery('“close the road” council')).toEqual(straight);
  });

  it('treats an unclosed quote as plain words while the reader is still typing', () => {
    expect(parseQuery('"close the ro')).toEqual({ terms: ['close', 'ro'], phrases: [], ignored: ['the'] });
  });

  it('keeps a one-word quote as a plain term', () => {
    expect(parseQuery('"harbour"')).toEqual({ terms: ['harbour'], phrases: [], ignored: [] });
  });
});
