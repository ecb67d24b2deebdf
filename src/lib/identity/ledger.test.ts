import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { emptyLedger, parseLedger, parseOwnLedger, patchLedger, publishedUrls, serializeLedger, type Ledger, type Owners } from './ledger.ts';

const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';

describe('serializeLedger', () => {
  test('writes a header, url lines by slug and text lines by content id, and reads back the same', () => {
    const ledger = emptyLedger();
    ledger.urls.set('zebra-crossing-bbbbbb', B);
    ledger.urls.set('night-bus-aaaaaa', A);
    ledger.urls.set('night-buses-aaaaaa', A);
    ledger.texts.set('cccccccccccccccc', A);
    const text = serializeLedger(ledger);
    expect(text.split('\n').filter((line) => !line.startsWith('#'))).toEqual([
      `url night-bus-aaaaaa ${A}`,
      `url night-buses-aaaaaa ${A}`,
      `url zebra-crossing-bbbbbb ${B}`,
      `text cccccccccccccccc ${A}`,
      '',
    ]);
    expect(parseLedger(text, 'ledger.txt')).toEqual(ledger);
  });

  test('orders url lines as `<` orders their slugs, letters outside ASCII and the BMP included', () => {
    const word = fc.stringMatching(/^[a-z0-9éßДж東𝒜]{1,6}$/u);
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join('-')),
          { maxLength: 30 },
        ),
        (slugs) => {
          const ledger = emptyLedger();
          for (const slug of slugs) ledger.urls.set(slug, A);
          const written = serializeLedger(ledger)
            .split('\n')
            .filter((line) => line.startsWith('url '))
            .map((line) => line.split(' ')[1]);
          expect(written).toEqual([...slugs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
        },
      ),
    );
  });
});

describe('patchLedger', () => {
  const word = fc.stringMatching(/^[a-z0-9éД東𝒜]{1,4}$/u);
  const slug = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join('-'));
  const id = fc.stringMatching(/^[0-9a-f]{16}$/);
  const lines = fc.record({ urls: fc.array(fc.tuple(slug, id), { maxLength: 12 }), texts: fc.array(fc.tuple(id, id), { maxLength: 6 }) });
  const ledgerOf = ({ urls, texts }: { urls: [string, string][]; texts: [string, string][] }) => ({ urls: new Map(urls), texts: new Map(texts) });

  test('writes what serializeLedger writes for the ledger with the lines set, new ones and changed ones', () => {
    fc.assert(
      fc.property(lines, lines, fc.array(fc.nat(), { maxLength: 4 }), (base, added, picks) => {
        const ledger = ledgerOf(base);
        const changed = ledgerOf(added);
        // Some keys of the ledger given to another story.
        const keys = [...ledger.urls.keys()];
        for (const pick of picks) if (keys.length > 0) changed.urls.set(keys[pick % keys.length] as string, B);
        const whole = { urls: new Map([...ledger.urls, ...changed.urls]), texts: new Map([...ledger.texts, ...changed.texts]) };
        expect(patchLedger(serializeLedger(ledger), changed)).toBe(serializeLedger(whole));
      }),
    );
  });

  test('declines a text serializeLedger did not write', () => {
    expect(patchLedger(`url a-aaaaaa ${A}\n`, emptyLedger())).toBeUndefined();
    expect(patchLedger(`${serializeLedger(emptyLedger())}url a-aaaaaa ${A}`, emptyLedger())).toBeUndefined();
  });
});

describe('parseLedger', () => {
  const error = (text: string) => {
    try {
      parseLedger(text, 'content/url-ledger.txt');
    } catch (e) {
      return (e as Error).message;
    }
    return 'no error';
  };

  test('names the line of a line it cannot read', () => {
    expect(error(`# header\n\nurl a-aaaaaa ${A}\nurl broken\n`)).toMatchInlineSnapshot(
      `"ingest: content/url-ledger.txt:4: cannot read "url broken", expected "url <slug> <story id>" or "text <content id> <story id>""`,
    );
    expect(error(`url a-aaaaaa xyz\n`)).toMatchInlineSnapshot(`"ingest: content/url-ledger.txt:1: "xyz" is not a story id, expected 16 hex digits"`);
    expect(error(`url A_B ${A}\n`)).toMatchInlineSnapshot(
      `"ingest: content/url-ledger.txt:1: "A_B" is not a slug, expected words of letters or digits joined by "-""`,
    );
  });

  test('refuses a URL given to two stories, naming both lines', () => {
    expect(error(`url a-aaaaaa ${A}\nurl a-aaaaaa ${B}\n`)).toMatchInlineSnapshot(
      `"ingest: content/url-ledger.txt:2: a-aaaaaa belongs to story bbbbbbbbbbbbbbbb here and to aaaaaaaaaaaaaaaa on line 1, expected one story per URL"`,
    );
    expect(error(`text cccccccccccccccc ${A}\ntext cccccccccccccccc ${B}\n`)).toMatchInlineSnapshot(
      `"ingest: content/url-ledger.txt:2: text cccccccccccccccc belongs to story bbbbbbbbbbbbbbbb here and to aaaaaaaaaaaaaaaa on line 1, expected one story per text"`,
    );
  });

  test('names the earlier line of a contradiction written with other white space', () => {
    expect(error(`# notes\nurl\ta-aaaaaa   ${A}\nurl a-aaaaaa ${B}\n`)).toMatch(/:3: a-aaaaaa belongs to story b+ here and to a+ on line 2,/);
  });

  test('refuses a story merged into another that still owns a URL', () => {
    expect(error(`url a-aaaaaa ${A}\nurl b-bbbbbb ${B}\ntext ${A} ${B}\n`)).toMatchInlineSnapshot(
      `"ingest: content/url-ledger.txt:1: a-aaaaaa belongs to story aaaaaaaaaaaaaaaa, but line 3 says that text is a version of story bbbbbbbbbbbbbbbb, expected "url a-aaaaaa bbbbbbbbbbbbbbbb""`,
    );
  });

  test('accepts lines in any order and repeated lines that agree', () => {
    const ledger = parseLedger(`url b-bbbbbb ${B}\nurl a-aaaaaa ${A}\nurl a-aaaaaa ${A}\n`, 'l');
    expect([...ledger.urls]).toEqual([
      ['b-bbbbbb', B],
      ['a-aaaaaa', A],
    ]);
  });
});

describe('parseOwnLedger', () => {
  const word = fc.stringMatching(/^[a-z0-9éßДж東𝒜]{1,6}$/u);
  const slug = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join('-'));
  const id = fc.stringMatching(/^[0-9a-f]{16}$/);
  // Stories drawn from a few, so that some own several URLs.
  const story = fc.oneof(id, fc.constantFrom(A, B));
  const ledgers = fc.tuple(fc.array(fc.tuple(slug, story), { maxLength: 30 }), fc.array(fc.tuple(id, story), { maxLength: 10 })).map(([urls, texts]) => {
    const ledger = emptyLedger();
    for (const [url, owner] of urls) ledger.urls.set(url, owner);
    // A text names a story that owns no URL of its own: as the ingest writes them.
    for (const [content, owner] of texts) if (![...ledger.urls.values()].includes(content)) ledger.texts.set(content, owner);
    return ledger;
  });
  const sorted = (urls: string | readonly string[] | undefined) => (urls === undefined ? [] : typeof urls === 'string' ? [urls] : [...urls].sort());

  test('reads any ledger the ingest writes as parseLedger does: every line, every lookup, every owner', () => {
    fc.assert(
      fc.property(ledgers, fc.array(fc.oneof(slug, id), { maxLength: 5 }), (ledger, absent) => {
        const text = serializeLedger(ledger);
        const own = parseOwnLedger(text) as Ledger;
        const checked = parseLedger(text, 'ledger.txt');
        expect([...own.urls].sort()).toEqual([...checked.urls].sort());
        expect([...own.texts].sort()).toEqual([...checked.texts].sort());
        expect([own.urls.size, own.texts.size]).toEqual([checked.urls.size, checked.texts.size]);
        for (const key of [...checked.urls.keys(), ...checked.texts.keys(), ...absent]) {
          expect(own.urls.get(key)).toBe(checked.urls.get(key));
          expect(own.texts.has(key)).toBe(checked.texts.has(key));
        }
        const owners = publishedUrls(own);
        const reference = publishedUrls(checked);
        for (const owner of [...checked.urls.values(), ...absent, A, B]) {
          expect(sorted(owners.get(owner))).toEqual(sorted(reference.get(owner)));
          expect(owners.has(owner)).toBe(reference.has(owner));
        }
        const shared = (of: Owners) => {
          const found: [string, string[]][] = [];
          of.forEachShared((urls, owner) => found.push([owner, sorted(urls)]));
          return found.sort();
        };
        expect(shared(owners)).toEqual(shared(reference));
      }),
    );
  });

  test('reads no text but what serializeLedger writes', () => {
    const ledger = emptyLedger();
    ledger.urls.set('a-aaaaaa', A);
    const text = serializeLedger(ledger);
    expect(parseOwnLedger(text)).toBeDefined();
    expect(parseOwnLedger(text.slice(0, -1))).toBeUndefined();
    expect(parseOwnLedger(`# notes\n${text}`)).toBeUndefined();
  });
});
