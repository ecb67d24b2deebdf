import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeSlug } from '../../ingest/slug.ts';
import { readHeadline, storeHeadline } from './headlines.ts';

describe('storeHeadline', () => {
  it("keeps only the hash of a slug made from the headline's words", () => {
    const headline = { title: 'Rare moment of doubt in Zürich', slug: makeSlug('Rare moment of doubt in Zürich', '5c1e9a77') };
    expect(storeHeadline(4, headline)).toEqual([4, 'Rare moment of doubt in Zürich', '5c1e9a']);
    expect(readHeadline(storeHeadline(4, headline))).toEqual(headline);
  });

  it('keeps a slug whole when the headline has changed since', () => {
    const headline = { title: 'Corrected: harbour reopens', slug: 'harbour-closes-5c1e9a' };
    expect(storeHeadline(0, headline)[2]).toBe('/harbour-closes-5c1e9a');
    expect(readHeadline(storeHeadline(0, headline))).toEqual(headline);
  });

  it('reads back every slug, made from the headline or not', () => {
    const title = fc.string({ unit: fc.constantFrom('a', 'Z', 'é', 'ش', ' ', '-', '’', '1', '!'), maxLength: 80 });
    const made = fc.tuple(title, fc.stringMatching(/^[0-9a-f]{6,12}$/)).map(([text, hash]) => ({ title: text, slug: makeSlug(text, hash) }));
    const other = fc.tuple(title, fc.stringMatching(/^[a-z0-9-]{1,40}$/)).map(([text, slug]) => ({ title: text, slug }));
    fc.assert(
      fc.property(fc.oneof(made, other), (headline) => {
        expect(readHeadline(storeHeadline(1, headline))).toEqual(headline);
      }),
    );
  });
});
