import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { emptyLedger, parseOwnLedger, serializeLedger, type Ledger } from './ledger.ts';
import { settleUrls, type LiveStory } from './settle-urls.ts';

const A = 'aaaaaa1111111111';
const B = 'bbbbbb2222222222';
const C = 'cccccc3333333333';
const settle = (stories: LiveStory[], ledger: Ledger = emptyLedger(), merged = new Map<string, string>()) =>
  settleUrls({ stories, versions: new Map(), merged, ledger });

describe('settleUrls', () => {
  test('gives a new story its headline words and six digits of its id', () => {
    const { slugs, ledger, redirects } = settle([{ id: A, title: 'Night bus routes restored' }]);
    expect(slugs.get(A)).toBe('night-bus-routes-restored-aaaaaa');
    expect([...ledger.urls]).toEqual([['night-bus-routes-restored-aaaaaa', A]]);
    expect(redirects).toEqual([]);
  });

  test('keeps the slug a story was published under while its headline words are the same', () => {
    const first = settle([{ id: A, title: 'Night bus routes restored' }]);
    const again = settle([{ id: A, title: 'Night Bus Routes Restored!' }], first.ledger);
    expect(again.slugs.get(A)).toBe('night-bus-routes-restored-aaaaaa');
    expect(again.redirects).toEqual([]);
  });

  test('says whether the ledger changed: not for a story settled again, yes for a new URL, a merge or a version', () => {
    const first = settle([{ id: A, title: 'Night bus routes restored' }]);
    expect(first.ledgerChanged).toBe(true);
    expect(settle([{ id: A, title: 'Night Bus Routes Restored!' }], first.ledger).ledgerChanged).toBe(false);
    expect(settle([{ id: A, title: 'Night bus routes restored at last' }], first.ledger).ledgerChanged).toBe(true);
    expect(settle([{ id: B, title: 'Night bus routes restored' }], first.ledger, new Map([[A, B]])).ledgerChanged).toBe(true);
    const version = (story: string) =>
      settleUrls({ stories: [{ id: A, title: 'Night bus routes restored' }], versions: new Map([[C, story]]), merged: new Map(), ledger: first.ledger });
    const withVersion = version(A);
    expect(withVersion.ledgerChanged).toBe(true);
    expect(
      settleUrls({ stories: [{ id: A, title: 'Night bus routes restored' }], versions: new Map([[C, A]]), merged: new Map(), ledger: withVersion.ledger })
        .ledgerChanged,
    ).toBe(false);
  });

  test('names the lines it changed, which put into the ledger given make the ledger it keeps; none when stories merged', () => {
    const first = settle([{ id: A, title: 'Night bus routes restored' }]);
    const next = settleUrls({
      stories: [
        { id: A, title: 'Night bus routes restored at last' },
        { id: B, title: 'Ferry strike ends' },
      ],
      versions: new Map([[C, A]]),
      merged: new Map(),
      ledger: first.ledger,
    });
    expect(next.ledgerLines).toEqual({
      urls: new Map([
        ['night-bus-routes-restored-at-last-aaaaaa', A],
        ['ferry-strike-ends-bbbbbb', B],
      ]),
      texts: new Map([[C, A]]),
    });
    const lines = next.ledgerLines ?? emptyLedger();
    expect({ urls: new Map([...first.ledger.urls, ...lines.urls]), texts: new Map([...first.ledger.texts, ...lines.texts]) }).toEqual({
      urls: new Map(next.ledger.urls),
      texts: new Map(next.ledger.texts),
    });
    expect(settle([{ id: A, title: 'Night bus routes restored' }], first.ledger).ledgerLines).toEqual(emptyLedger());
    expect(settle([{ id: B, title: 'Night bus routes restored' }], first.ledger, new Map([[A, B]])).ledgerLines).toBeUndefined();
  });

  test('gives a corrected headline a new slug and redirects the old one', () => {
    const first = settle([{ id: A, title: 'Night bus routes restord' }]);
    const { slugs, redirects } = settle([{ id: A, title: 'Night bus routes restored' }], first.ledger);
    expect(slugs.get(A)).toBe('night-bus-routes-restored-aaaaaa');
    expect(redirects).toEqual([{ from: 'night-bus-routes-restord-aaaaaa', to: 'night-bus-routes-restored-aaaaaa' }]);
  });

  test('redirects every URL of a renamed story that was then merged into another to the survivor', () => {
    // A is published as "a", renamed to "b", then found to be story C.
    const one = settle([{ id: B, title: 'Port reopens' }]);
    const two = settle([{ id: B, title: 'Port reopens today' }], one.ledger);
    const three = settle(
      [
        { id: B, title: 'Port reopens today' },
        { id: C, title: 'Port reopens after storm' },
      ],
      two.ledger,
    );
    const merged = settle([{ id: C, title: 'Port reopens after storm' }], three.ledger, new Map([[B, C]]));
    expect(merged.redirects).toEqual([
      { from: 'port-reopens-bbbbbb', to: 'port-reopens-after-storm-cccccc' },
      { from: 'port-reopens-today-bbbbbb', to: 'port-reopens-after-storm-cccccc' },
    ]);
    expect(merged.ledger.texts.get(B)).toBe(C);
  });

  test('never hands a published URL to another story: the newcomer takes more digits', () => {
    const ledger = emptyLedger();
    ledger.urls.set('budget-vote-aaaaaa', 'aaaaaa9999999999');
    const { slugs } = settle([{ id: A, title: 'Budget vote' }], ledger);
    expect(slugs.get(A)).toBe('budget-vote-aaaaaa11');
  });

  test('gives both new stories more digits when their slugs clash, whichever comes first', () => {
    const other = 'aaaaaa2222222222';
    const one = settle([
      { id: A, title: 'Budget vote' },
      { id: other, title: 'Budget vote' },
    ]).slugs;
    const two = settle([
      { id: other, title: 'Budget vote' },
      { id: A, title: 'Budget vote' },
    ]).slugs;
    expect(one).toEqual(two);
    expect([...one.values()].sort()).toEqual(['budget-vote-aaaaaa11', 'budget-vote-aaaaaa22']);
  });

  test('leaves the URLs of a story that is gone out of the redirects', () => {
    const first = settle([
      { id: A, title: 'Night bus' },
      { id: B, title: 'Port' },
    ]);
    const { redirects, ledger } = settle([{ id: B, title: 'Port' }], first.ledger);
    expect(redirects).toEqual([]);
    expect(ledger.urls.get('night-bus-aaaaaa')).toBe(A);
  });

  test('settles a ledger read in place as its maps, with the redirects of every URL whose story now has another', () => {
    const ids = ['aaaaaa1111111111', 'aaaaaa2222222222', 'bbbbbb3333333333', 'cccccc4444444444', 'dddddd5555555555'];
    const title = fc.constantFrom('Night bus', 'Night bus routes', 'Port', 'Port reopens', 'Ferry');
    const urls = fc.array(fc.tuple(fc.constantFrom(...ids), title, fc.constantFrom(6, 8)), { maxLength: 12 });
    const stories = fc.uniqueArray(fc.record({ id: fc.constantFrom(...ids), title }), { selector: (story) => story.id, maxLength: 5 });
    fc.assert(
      fc.property(urls, stories, fc.subarray(ids), (published, live, carried) => {
        const maps = emptyLedger();
        for (const [id, words, digits] of published) maps.urls.set(`${words.toLowerCase().replaceAll(' ', '-')}-${id.slice(0, digits)}`, id);
        const liveSlugs = new Set(carried.map((id) => [...maps.urls].find(([, owner]) => owner === id)?.[0]).filter((slug) => slug !== undefined));
        const input = { stories: live, versions: new Map(), merged: new Map(), isLive: (slug: string) => liveSlugs.has(slug) };
        const fromMaps = settleUrls({ ...input, ledger: maps });
        const inPlace = settleUrls({ ...input, ledger: parseOwnLedger(serializeLedger(maps)) as Ledger });
        expect(inPlace.slugs).toEqual(fromMaps.slugs);
        expect(inPlace.redirects).toEqual(fromMaps.redirects);
        expect(serializeLedger(inPlace.ledger)).toBe(serializeLedger(fromMaps.ledger));
        // Every URL of a live story that is not its current one, and no other.
        const expected: { from: string; to: string }[] = [];
        fromMaps.ledger.urls.forEach((story, from) => {
          const all = [...fromMaps.ledger.urls].filter(([, owner]) => owner === story).map(([slug]) => slug);
          const to = fromMaps.slugs.get(story) ?? (all.length > 1 ? all.find(input.isLive) : undefined);
          if (to !== undefined && to !== from) expected.push({ from, to });
        });
        expect(fromMaps.redirects).toEqual(expected.sort((a, b) => (a.from < b.from ? -1 : 1)));
      }),
    );
  });
});
