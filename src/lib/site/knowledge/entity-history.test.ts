import { describe, expect, it } from 'vitest';
import { parseEntityHistory, planEntityRedirects, type EntityHistory } from './entity-history.ts';

const empty: EntityHistory = { version: 1, entities: {} };

describe('planEntityRedirects', () => {
  it('records every live entity and plans no redirect on a first build', () => {
    const { redirects, next } = planEntityRedirects(empty, [{ kind: 'people', slug: 'nasrallah', storyIds: ['a', 'b'] }]);
    expect(redirects).toEqual([]);
    expect(next.entities).toEqual({ 'people/nasrallah': ['a', 'b'] });
  });

  it('redirects a merged name to the entity that now holds most of its stories, of the same kind', () => {
    const before = planEntityRedirects(empty, [
      { kind: 'people', slug: 'nasrallah', storyIds: ['a', 'b'] },
      { kind: 'people', slug: 'hassan-nasrallah', storyIds: ['c'] },
      { kind: 'places', slug: 'nasrallah', storyIds: ['a'] },
    ]).next;
    const { redirects, next } = planEntityRedirects(before, [
      { kind: 'people', slug: 'hassan-nasrallah', storyIds: ['a', 'b', 'c'] },
      { kind: 'people', slug: 'someone-else', storyIds: ['a'] },
      { kind: 'places', slug: 'beirut', storyIds: ['a'] },
    ]);
    expect(redirects).toEqual([
      { kind: 'people', from: 'nasrallah', to: 'hassan-nasrallah' },
      { kind: 'places', from: 'nasrallah', to: 'beirut' },
    ]);
    expect(next.entities['people/nasrallah']).toEqual(['a', 'b']);
  });

  it('keeps a redirect across later builds and follows a chain of merges to the last name', () => {
    let history = planEntityRedirects(empty, [{ kind: 'people', slug: 'nasrallah', storyIds: ['a'] }]).next;
    history = planEntityRedirects(history, [{ kind: 'people', slug: 'hassan-nasrallah', storyIds: ['a'] }]).next;
    const { redirects } = planEntityRedirects(history, [{ kind: 'people', slug: 'sayyed-hassan-nasrallah', storyIds: ['a'] }]);
    expect(redirects).toEqual([
      { kind: 'people', from: 'hassan-nasrallah', to: 'sayyed-hassan-nasrallah' },
      { kind: 'people', from: 'nasrallah', to: 'sayyed-hassan-nasrallah' },
    ]);
  });

  it('forgets an entity whose stories are all gone: its URL is simply missing', () => {
    const history = planEntityRedirects(empty, [{ kind: 'people', slug: 'gone', storyIds: ['x'] }]).next;
    const { redirects, next } = planEntityRedirects(history, [{ kind: 'people', slug: 'other', storyIds: ['y'] }]);
    expect(redirects).toEqual([]);
    expect(Object.keys(next.entities)).toEqual(['people/other']);
  });
});

describe('parseEntityHistory', () => {
  it('reads a written history and treats a missing or damaged one as empty', () => {
    expect(parseEntityHistory(JSON.stringify({ version: 1, entities: { 'people/a': ['x'] } })).entities).toEqual({ 'people/a': ['x'] });
    expect(parseEntityHistory(undefined)).toEqual(empty);
    expect(parseEntityHistory('{not json')).toEqual(empty);
    expect(parseEntityHistory('{"version":2}')).toEqual(empty);
  });
});
