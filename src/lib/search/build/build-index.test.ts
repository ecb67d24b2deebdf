import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { buildSearchIndex } from './build-index.ts';
import { FIXTURE_TEXTS } from './fixture-archive.ts';
import { SEARCH_OPTIONS, type SearchDocument } from '../format/options.ts';
import { shardIndex } from './shard-index.ts';
import { firstPagesOf } from './first-pages.ts';
import { readHeadline, type Headline } from '../format/headlines.ts';
import { decodeShard, readShard } from '../format/shard-format.ts';
import { toSearchDocument } from '../format/story-record.ts';

/** The index of MiniSearch itself, as sorted [term, fieldId, docId, frequency] rows. */
function referenceRows(documents: SearchDocument[]) {
  const reference = new MiniSearch(SEARCH_OPTIONS);
  reference.addAll(documents);
  const plain = reference.toJSON();
  const rows = plain.index.flatMap(([term, fields]) =>
    Object.entries(fields).flatMap(([fieldId, docs]) => Object.entries(docs).map(([doc, tf]) => [term, Number(fieldId), Number(doc), tf])),
  );
  return { plain, rows: rows.sort((a, b) => String(a).localeCompare(String(b))) };
}

function builtRows(documents: SearchDocument[]) {
  const built = buildSearchIndex(documents);
  const rows = [...built.terms].flatMap(([term, postings]) =>
    postings.flatMap((list, fieldId) => {
      const out: [string, number, number, number][] = [];
      for (let i = 0; list && i < list.length; i += 2) out.push([term, fieldId, list[i]!, list[i + 1]!]);
      return out;
    }),
  );
  return { built, rows: rows.sort((a, b) => String(a).localeCompare(String(b))) };
}

describe('buildSearchIndex', () => {
  it('indexes the fixture exactly as MiniSearch#addAll does', () => {
    const documents = FIXTURE_TEXTS.map((record, id) => toSearchDocument(id, record));
    const reference = referenceRows(documents);
    const ours = builtRows(documents);
    expect(ours.rows).toEqual(reference.rows);
    expect(ours.built.averageFieldLength).toEqual(reference.plain.averageFieldLength);
    expect(ours.built.fieldLength).toEqual(documents.map((_, id) => reference.plain.fieldLength[id]));
  });

  it('matches MiniSearch on any text', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'é', 'ا', 'ل', ' ', '.', 'The', '’', '\n'), maxLength: 40 });
    const story = fc.record({ title: text, subtitle: text, captions: text, body: text });
    fc.assert(
      fc.property(fc.array(story, { minLength: 1, maxLength: 6 }), (stories) => {
        const documents = stories.map((fields, id) => ({ id, ...fields }));
        const reference = referenceRows(documents);
        const ours = builtRows(documents);
        expect(ours.rows).toEqual(reference.rows);
        expect(ours.built.averageFieldLength).toEqual(reference.plain.averageFieldLength);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a document id out of sequence', () => {
    const record = toSearchDocument(3, FIXTURE_TEXTS[0]!);
    expect(() => buildSearchIndex([record])).toThrowErrorMatchingInlineSnapshot(`[Error: search index: document id 3 is out of sequence, expected 0]`);
  });
});

describe('shardIndex', () => {
  const documents = FIXTURE_TEXTS.map((record, id) => toSearchDocument(id, record));
  const built = buildSearchIndex(documents);

  it('puts every term in exactly one shard, shards in term order', () => {
    const shards = shardIndex(built, { targetChars: 600 });
    expect(shards.length).toBeGreaterThan(3);
    const terms = shards.flatMap((shard) => (JSON.parse(shard.json).t as [string][]).map(([term]) => term));
    expect(terms).toEqual([...built.terms.keys()].sort((a, b) => (a < b ? -1 : 1)));
    for (const shard of shards) {
      expect(shard.first).toBe(JSON.parse(shard.json).t[0][0]);
      expect(decodeShard(shard.json).size).toBe(JSON.parse(shard.json).t.length);
    }
    expect(shards.map((shard) => shard.first)).toEqual([...shards.map((shard) => shard.first)].sort());
  });

  it('keeps each shard near the target size unless one term is larger', () => {
    for (const shard of shardIndex(built, { targetChars: 2000 })) {
      const terms = JSON.parse(shard.json).t.length;
      expect(shard.json.length <= 2600 || terms === 1).toBe(true);
    }
  });

  it('writes one shard when the target is larger than the index', () => {
    expect(shardIndex(built, { targetChars: 1e9 })).toHaveLength(1);
  });

  it('writes a loadable empty shard for an empty archive', () => {
    const [shard] = shardIndex(buildSearchIndex([]), { targetChars: 1000 });
    expect(decodeShard(shard!.json).size).toBe(0);
  });

  it("carries the headlines of a one-word query's first results for each of its terms", () => {
    const stories = FIXTURE_TEXTS.map(({ slug, title }) => ({ slug, title }));
    const shards = shardIndex(built, { targetChars: 600, headlines: { stories, perTerm: 1, fewest: 1 } });
    const first = firstPagesOf(built, { perTerm: 1, fewest: 1 });
    let carried = 0;
    for (const shard of shards) {
      const headlines = new Map<number, Headline>();
      const decoded = decodeShard(shard.json, undefined, { headline: (stored) => headlines.set(stored[0], readHeadline(stored)) });
      const best = new Set([...decoded.keys()].flatMap((term) => first.get(term)?.ids ?? []));
      expect([...headlines.keys()].sort((a, b) => a - b)).toEqual([...best].sort((a, b) => a - b));
      for (const [id, headline] of headlines) expect(headline).toEqual(stories[id]);
      carried += headlines.size;
    }
    expect(carried).toBeGreaterThan(FIXTURE_TEXTS.length);
    // Without stories, none.
    expect(shardIndex(built, { targetChars: 600 }).every((shard) => JSON.parse(shard.json).h.length === 0)).toBe(true);
  });

  it('hands over what a shard carries as it is read, and decodes its postings only when asked, once', () => {
    const stories = FIXTURE_TEXTS.map(({ slug, title }) => ({ slug, title }));
    const [shard] = shardIndex(built, { targetChars: 1e9, headlines: { stories, perTerm: 1, fewest: 1 } });
    const pages: string[] = [];
    const file = JSON.parse(shard!.json);
    const read = readShard(shard!.json, undefined, { firstPage: (term) => pages.push(term) });
    expect(pages.sort()).toEqual(Object.keys(file.f).sort());
    const terms = read.terms();
    expect(read.terms()).toBe(terms);
    expect([...terms.keys()]).toEqual([...decodeShard(shard!.json).keys()]);
    // Postings that cannot be decoded fail when a search reads them, not when the shard is read.
    const broken = JSON.stringify({ ...file, t: [['harbour', [0, null, null]]] });
    const unread = readShard(broken);
    expect(() => unread.terms()).toThrow();
  });

  it('decodes the postings it encoded, frequencies length-normalized', () => {
    const [shard] = shardIndex(built, { targetChars: 1e9, scale: 1e9 });
    const decoded = decodeShard(shard!.json, 1e9);
    const body = decoded.get('harbour')![3]!;
    expect([...body.ids]).toEqual([2, 6, 7]);
    const length = built.fieldLength[2]![3]!;
    expect(body.frequencies[0]).toBeCloseTo(1 / (0.3 + (0.7 * length) / built.averageFieldLength[3]!), 5);
  });
});
