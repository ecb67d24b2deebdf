import { describe, expect, it } from 'vitest';
import { parseEntityHistory, parseLegacyEntityHistory, planEntityRedirects, serializeEntityHistory, type EntityHistory } from './entity-history.ts';

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

const A = 'a'.repeat(16);
const B = 'b'.repeat(16);
const C = 'c'.repeat(16);

describe('serializeEntityHistory', () => {
  it('writes one sorted line per page, an old page with where it leads, and reads back the same', () => {
    const first = planEntityRedirects(empty, [
      { kind: 'places', slug: 'beirut', storyIds: [C] },
      { kind: 'people', slug: 'nasrallah', storyIds: [A, B] },
    ]).next;
    const { redirects, next } = planEntityRedirects(first, [
      { kind: 'people', slug: 'hassan-nasrallah', storyIds: [A, B] },
      { kind: 'places', slug: 'beirut', storyIds: [C] },
    ]);
    const text = serializeEntityHistory(next, redirects);
    expect(text.split('\n').filter((line) => !line.startsWith('#'))).toEqual([
      `people hassan-nasrallah ${A} ${B}`,
      `people nasrallah > hassan-nasrallah ${A} ${B}`,
      `places beirut ${C}`,
      '',
    ]);
    expect(parseEntityHistory(text, 'entity-history.txt')).toEqual({ history: next, redirects });
  });
});

describe('parseEntityHistory', () => {
  const parse =
    (...lines: string[]) =>
    () =>
      parseEntityHistory(`# a comment\n\n${lines.join('\n')}\n`, 'content/entity-history.txt');

  it('reads comments and blank lines as nothing', () => {
    expect(parse()()).toEqual({ history: empty, redirects: [] });
  });

  it('stops at a page listed twice, naming both lines', () => {
    expect(parse(`people nasrallah ${A}`, `people nasrallah ${B}`)).toThrowErrorMatchingInlineSnapshot(
      `[EntityHistoryError: content/entity-history.txt:4: people/nasrallah is on line 3 too, expected one line per entity page; the entity history is left as it is: fix the line (git shows what changed) and build again]`,
    );
  });

  it('stops at a redirect to a page the history does not hold, or to another old page, or to itself', () => {
    expect(parse(`people nasrallah > hassan-nasrallah ${A}`)).toThrow(
      /^content\/entity-history\.txt:3: it leads to people\/hassan-nasrallah, which is no page of this history, expected a line "people hassan-nasrallah <story id> …"/,
    );
    expect(parse(`people a > b ${A}`, `people b > c ${A}`, `people c ${A}`)).toThrow(/:3: it leads to people\/b, which is no page/);
    expect(parse(`people a > a ${A}`)).toThrow(/:3: people\/a leads to itself/);
  });

  it('stops at a line it cannot read, naming it', () => {
    expect(parse(`persons nasrallah ${A}`)).toThrow(/:3: cannot read "persons nasrallah a+", expected a line starting with people, places, organisations/);
    expect(parse('people nasrallah')).toThrow(/:3: people\/nasrallah lists no stories/);
    expect(parse('people nasrallah xyz')).toThrow(/:3: "xyz" is not a story id/);
    expect(parse(`people nasrallah > ${A}`)).toThrow(/:3: "a+" is not a story id|lists no stories/);
  });
});

describe('parseLegacyEntityHistory', () => {
  it('reads the JSON record of older builds and treats a missing or damaged one as empty', () => {
    expect(parseLegacyEntityHistory(JSON.stringify({ version: 1, entities: { 'people/a': ['x'] } })).entities).toEqual({ 'people/a': ['x'] });
    expect(parseLegacyEntityHistory(undefined)).toEqual(empty);
    expect(parseLegacyEntityHistory('{not json')).toEqual(empty);
    expect(parseLegacyEntityHistory('{"version":2}')).toEqual(empty);
  });
});
