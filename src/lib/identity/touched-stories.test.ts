import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { generateBriefings, generateStories, RESCRAPES, rescrape } from '../../../scripts/bench/generate-identity-cases.ts';
import { pick, seededRandom } from '../../../scripts/bench/random.ts';
import { articleDigest } from '../ingest/article-digest.ts';
import { contentId } from '../ingest/build-entry.ts';
import { makeSlug } from '../ingest/slug.ts';
import type { ParsedArticle } from '../ingest/types.ts';
import { sketchArticle } from './article-identity.ts';
import type { ArticleRef, DumpArticles } from './article-ref.ts';
import { emptyLedger, publishedUrls, type Ledger } from './ledger.ts';
import { entrySignature, planEntries, type Plan } from './plan-entries.ts';
import { rowsWithCandidateKeys } from './sketch.ts';
import { narrowToTouched } from './touched-stories.ts';

// Stories, and briefings that share a headline and most of their text.
const POOL = [...generateStories(24, 5), ...generateBriefings(8, 11)];

/** An article as a worker reads it from a dump. */
function refOf(article: ParsedArticle, file: string, index: number): ArticleRef {
  const line = 1 + index * 10;
  const id = contentId(article);
  const slug = makeSlug(article.title, id);
  const digest = articleDigest(article, id);
  return { id, digest, slug, signature: entrySignature(id, digest, slug, [{ file, index, line }]), index, line, ...sketchArticle(article) };
}

type Archive = Map<string, ParsedArticle[]>;
type Records = Map<string, { articles: ArticleRef[] }>;

const recordsOf = (archive: Archive): Records =>
  new Map([...archive].map(([name, articles]) => [name, { articles: articles.map((article, i) => refOf(article, name, i)) }]));
/**
 * The records as a re-run holds them: the last run's articles by column, in
 * its order, rows of dumps read since or gone among them; a dump not read
 * points at its rows, its articles built only when asked for, each ask noted
 * in `built`.
 */
function storedRecordsOf(last: Records, now: Records, read: ReadonlySet<string>, built: Set<string>): Map<string, DumpArticles> {
  const refs = [...last.values()].flatMap((record) => record.articles);
  const sketches = refs.map((ref) => ref.sketch);
  const ids = refs.map((ref) => ref.id);
  const columns = {
    ids,
    slugs: refs.map((ref) => ref.slug),
    candidateRows: (keys: ReadonlySet<number>) => rowsWithCandidateKeys(sketches, keys),
    rowsWithIds: (wanted: ReadonlySet<string>) => ids.flatMap((id, row) => (wanted.has(id) ? [row] : [])),
  };
  const starts = new Map<string, number>();
  let start = 0;
  for (const [name, record] of last) {
    starts.set(name, start);
    start += record.articles.length;
  }
  return new Map(
    [...now].map(([name, record]): [string, DumpArticles] => {
      if (read.has(name)) return [name, record];
      const stored = { columns, start: starts.get(name) as number, count: record.articles.length };
      return [
        name,
        {
          stored,
          get articles() {
            built.add(name);
            return record.articles;
          },
        },
      ];
    }),
  );
}

const dumpsOf = (archive: Archive) => [...archive.keys()].sort().map((name) => ({ name }));

/** Every entry of a plan, slug → signature, carried ones included. */
function signatures(plan: Plan): Map<string, string> {
  const all = new Map<string, string>();
  plan.carried.forEach((signature, slug) => all.set(slug, signature));
  for (const [slug, entry] of plan.entries) all.set(slug, entry.signature);
  return new Map([...all].sort(([a], [b]) => (a < b ? -1 : 1)));
}
const sortedLedger = (ledger: Ledger) => ({ urls: [...ledger.urls].sort(), texts: [...ledger.texts].sort() });

/** One re-scrape of the archive: dumps edited, added, deleted or reordered. Returns the names read and gone. */
function rescrapeArchive(archive: Archive, next: () => number, round: number): { read: Set<string>; gone: Set<string> } {
  const read = new Set<string>();
  const gone = new Set<string>();
  const names = () => [...archive.keys()];
  const operations = 1 + Math.floor(next() * 3);
  for (let op = 0; op < operations; op++) {
    const roll = next();
    const name = pick(next, names());
    const articles = [...(archive.get(name) ?? [])];
    if (roll < 0.35 && articles.length > 0) {
      // A re-scrape of one story, in place.
      const at = Math.floor(next() * articles.length);
      articles[at] = rescrape(articles[at] as ParsedArticle, pick(next, RESCRAPES), next);
      archive.set(name, articles);
      read.add(name);
    } else if (roll < 0.55) {
      // A new dump: a copy or a re-scrape of a story already in, or a new one; its name may sort anywhere.
      const source = pick(next, [...archive.values()].flat());
      const article = next() < 0.4 ? pick(next, POOL) : next() < 0.5 ? source : rescrape(source, pick(next, RESCRAPES), next);
      const added = `${pick(next, names()).slice(0, 3)}-${round}-${op}.txt`;
      archive.set(added, [article, ...(next() < 0.3 ? [pick(next, POOL)] : [])]);
      read.add(added);
      gone.delete(added);
    } else if (roll < 0.7 && archive.size > 2) {
      archive.delete(name);
      read.delete(name);
      gone.add(name);
    } else if (roll < 0.85 && articles.length > 1) {
      articles.splice(Math.floor(next() * articles.length), 1);
      archive.set(name, articles);
      read.add(name);
    } else {
      articles.push(pick(next, POOL));
      archive.set(name, articles);
      read.add(name);
    }
  }
  return { read, gone };
}

describe('narrowToTouched', () => {
  test('plans the same entries, ledger and redirects as the whole archive, over random re-scrapes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const next = seededRandom(seed);
        const archive: Archive = new Map();
        for (let d = 0; d < 8; d++)
          archive.set(
            `d${d}0.txt`,
            Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(next, POOL)),
          );
        let records = recordsOf(archive);
        let plan = planEntries(dumpsOf(archive), records, { read: new Set(archive.keys()), departed: [], ledger: emptyLedger() });
        for (let round = 0; round < 5; round++) {
          const { read, gone } = rescrapeArchive(archive, next, round);
          const nextRecords = recordsOf(archive);
          const departed = [...read, ...gone].flatMap((name) => records.get(name)?.articles ?? []);
          const previous = { read, departed, ledger: plan.ledger };
          const dumps = dumpsOf(archive);
          const full = planEntries(dumps, nextRecords, previous);
          const entries = signatures(plan);
          const partial = planEntries(dumps, nextRecords, { ...previous, entries });
          const built = new Set<string>();
          const fromColumns = planEntries(dumps, storedRecordsOf(records, nextRecords, read, built), { ...previous, entries });

          expect(full.carried.size).toBe(0);
          expect(signatures(partial)).toEqual(signatures(full));
          expect(sortedLedger(partial.ledger)).toEqual(sortedLedger(full.ledger));
          expect(partial.redirects).toEqual(full.redirects);
          // What is planned again is planned as the whole archive plans it; what is carried is what the last run wrote.
          for (const [slug, entry] of partial.entries) {
            const whole = full.entries.get(slug);
            expect(whole && { ...whole, copies: undefined, from: whole.from.name }).toEqual({ ...entry, copies: undefined, from: entry.from.name });
          }
          partial.carried.forEach((signature, slug) => expect(entries.get(slug)).toBe(signature));
          // Planned from the columns, the same, and only the dumps holding a copy it plans again are built.
          expect(signatures(fromColumns)).toEqual(signatures(partial));
          expect(fromColumns.redirects).toEqual(partial.redirects);
          const planned = new Set([...fromColumns.entries.values()].flatMap((entry) => entry.copies.map((copy) => copy.name)));
          for (const name of built) expect(planned).toContain(name);
          plan = full;
          records = nextRecords;
        }
      }),
      { numRuns: 60 },
    );
  });

  test('plans again the stories a read article may join: the same text, the same headline, a near-duplicate', () => {
    const [story, other] = POOL as [ParsedArticle, ParsedArticle];
    const archive: Archive = new Map([
      ['a.txt', [story]],
      ['b.txt', [other]],
    ]);
    const records = recordsOf(archive);
    const first = planEntries(dumpsOf(archive), records, { read: new Set(archive.keys()), departed: [], ledger: emptyLedger() });
    for (const copy of [story, { ...(POOL[2] as ParsedArticle), title: story.title }, rescrape(story, 'corrected word', seededRandom(3))]) {
      const now: Archive = new Map([...archive, ['c.txt', [copy]]]);
      const narrowed = narrowToTouched(dumpsOf(now), recordsOf(now), {
        read: new Set(['c.txt']),
        departed: [],
        ledger: first.ledger,
        entries: signatures(first),
        published: publishedUrls(first.ledger),
      });
      expect(narrowed?.copies.map((c) => c.name)).toEqual(['a.txt', 'c.txt']);
      expect(narrowed?.carried.size).toBe(1);
    }
  });
});
