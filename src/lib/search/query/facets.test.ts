import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FacetCollector } from '../build/facets.ts';
import { decodeIds, encodeIds, FACET_KINDS, type FacetKind } from '../format/facets.ts';
import { allowDocuments, countFacet, decodeFacet, readSelection, type Facet } from './facets.ts';

const entry = (fields: Partial<{ people: string[]; places: string[]; organisations: string[]; latestDate: string; file: string }>) => ({
  people: fields.people ?? [],
  places: fields.places ?? [],
  organisations: fields.organisations ?? [],
  ...(fields.latestDate ? { latestDate: fields.latestDate } : {}),
  source: [{ file: fields.file ?? 'dump-1.txt', index: 0, line: 1 }],
});

function collect(entries: ReturnType<typeof entry>[]): Map<FacetKind, Facet> {
  const collector = new FacetCollector();
  entries.forEach((e, id) => collector.add(id, e));
  const files = collector.finish();
  return new Map(FACET_KINDS.map((kind) => [kind, decodeFacet(kind, JSON.stringify(files[kind]))]));
}

const facets = collect([
  entry({ people: ['Amal Haddad', 'Hassan Nasrallah'], places: ['Beirut'], latestDate: '2024-09-17', file: 'dump-10.txt' }),
  entry({ people: ['Amal Haddad', 'amal haddad'], latestDate: '2023-01', file: 'dump-2.txt' }),
  entry({ people: ['Hassan Nasrallah'], organisations: ['Hezbollah'], latestDate: '2024' }),
  entry({ places: ['Beirut'] }),
]);
const mask = (ids: number[], size = 4) => Uint8Array.from({ length: size }, (_, id) => (ids.includes(id) ? 1 : 0));

describe('encodeIds', () => {
  it('round-trips any ascending ids', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(100_000)), (raw) => {
        const ids = [...raw].sort((a, b) => a - b);
        expect([...decodeIds(encodeIds(ids))]).toEqual(ids);
      }),
    );
  });
});

describe('FacetCollector', () => {
  it('files each story under its names’ page slugs, its latest date’s year and its dump’s /sources/ segment', () => {
    expect(facets.get('person')?.values.map((v) => [v.slug, v.name, [...v.ids]])).toEqual([
      ['amal-haddad', 'Amal Haddad', [0, 1]],
      ['hassan-nasrallah', 'Hassan Nasrallah', [0, 2]],
    ]);
    expect(facets.get('year')?.values.map((v) => [v.slug, [...v.ids]])).toEqual([
      ['2024', [0, 2]],
      ['2023', [1]],
    ]);
    expect(facets.get('source')?.values.map((v) => [v.slug, v.name, [...v.ids]])).toEqual([
      ['dump-1-txt', 'dump-1.txt', [2, 3]],
      ['dump-10-txt', 'dump-10.txt', [0]],
      ['dump-2-txt', 'dump-2.txt', [1]],
    ]);
  });
});

describe('readSelection', () => {
  it('reads one value per filter from the URL and ignores the rest', () => {
    expect(readSelection(new URLSearchParams('q=ceasefire&person=amal-haddad&year=2024&x=1&place='))).toEqual({ person: 'amal-haddad', year: '2024' });
  });
});

describe('allowDocuments', () => {
  it('allows every story when nothing is chosen', () => {
    expect([...allowDocuments(facets, {}, 4)]).toEqual([1, 1, 1, 1]);
  });

  it('allows only stories holding every chosen value', () => {
    expect([...allowDocuments(facets, { person: 'hassan-nasrallah' }, 4)]).toEqual([1, 0, 1, 0]);
    expect([...allowDocuments(facets, { person: 'hassan-nasrallah', year: '2024', place: 'beirut' }, 4)]).toEqual([1, 0, 0, 0]);
  });

  it('allows nothing for a value no story has', () => {
    expect([...allowDocuments(facets, { person: 'nobody' }, 4)]).toEqual([0, 0, 0, 0]);
  });
});

describe('countFacet', () => {
  it('counts each value among the current results only, most first, leaving out values with none', () => {
    const person = facets.get('person') as Facet;
    expect(countFacet(person, mask([0, 1, 2, 3]))).toEqual([
      { slug: 'amal-haddad', name: 'Amal Haddad', count: 2 },
      { slug: 'hassan-nasrallah', name: 'Hassan Nasrallah', count: 2 },
    ]);
    expect(countFacet(person, mask([2, 3]))).toEqual([{ slug: 'hassan-nasrallah', name: 'Hassan Nasrallah', count: 1 }]);
  });

  it('keeps years newest first whatever their counts', () => {
    expect(countFacet(facets.get('year') as Facet, mask([0, 1, 2])).map((c) => c.slug)).toEqual(['2024', '2023']);
  });
});
