import { describe, expect, test } from 'vitest';
import type { ArticleRef } from './article-ref.ts';
import { emptyLedger } from './ledger.ts';
import { sketchText } from './sketch.ts';
import { entrySignature, planEntries as plan } from './plan-entries.ts';

// Every dump read afresh, no ledger: a first run.
type DumpArticles = { articles: ArticleRef[] };
const planEntries = (list: { name: string }[], records: Map<string, DumpArticles>) =>
  plan(list, records, { read: new Set(list.map((dump) => dump.name)), departed: [], ledger: emptyLedger() });
// Unrelated bodies, one per id.
const sketchOf = (id: string) => sketchText([`${id} ${id.split('').reverse().join(' ')} story number ${id}`]);

// As a worker reads it from `file`, signature included.
const ref = (id: string, slug: string, index = 0, file = 'a.txt'): ArticleRef => {
  const line = 1 + index * 10;
  return { id, digest: `d${id}`, slug, signature: entrySignature(id, `d${id}`, slug, [{ file, index, line }]), index, line, ...sketchOf(id) };
};
const record = (...articles: ArticleRef[]): DumpArticles => ({ articles });
const dumps = (...names: string[]) => names.map((name) => ({ name, path: `/raw/${name}` }));

describe('planEntries', () => {
  test('makes one entry per story, its sources in dump order', () => {
    const records = new Map([
      ['a.txt', record(ref('1111110000000000', 'bridge-111111'))],
      ['b.txt', record(ref('2222220000000000', 'port-222222', 0, 'b.txt'), ref('1111110000000000', 'bridge-111111', 1, 'b.txt'))],
    ]);
    const { entries } = planEntries(dumps('a.txt', 'b.txt'), records);
    expect([...entries.keys()]).toEqual(['bridge-111111', 'port-222222']);
    expect(entries.get('bridge-111111')?.sources).toEqual([
      { file: 'a.txt', index: 0, line: 1 },
      { file: 'b.txt', index: 1, line: 11 },
    ]);
    // The entry shows the last copy in archive order.
    expect(entries.get('bridge-111111')?.from.name).toBe('b.txt');
  });

  test('gives both stories more hash digits when their slugs clash, whichever came first', () => {
    const first = ref('abcdef1100000000', 'same-title-abcdef');
    const second = ref('abcdef2200000000', 'same-title-abcdef');
    const keys = (order: string[]) =>
      [
        ...planEntries(
          dumps(...order),
          new Map([
            ['a.txt', record(first)],
            ['b.txt', record(second)],
          ]),
        ).entries.keys(),
      ].sort();
    expect(keys(['a.txt', 'b.txt'])).toEqual(['same-title-abcdef11', 'same-title-abcdef22']);
    expect(keys(['b.txt', 'a.txt'])).toEqual(keys(['a.txt', 'b.txt']));
  });

  test('takes the signature a worker worked out for a story alone in its dump, the same it would compute', () => {
    const alone = ref('1111110000000000', 'x-111111');
    const entry = planEntries(dumps('a.txt'), new Map([['a.txt', record(alone)]])).entries.get('x-111111');
    expect(entry?.signature).toBe(alone.signature);
    expect(entry?.signature).toBe(entrySignature(alone.id, alone.digest, 'x-111111', entry?.sources ?? []));
  });

  test('changes the signature when the sources change', () => {
    const one = planEntries(dumps('a.txt'), new Map([['a.txt', record(ref('1111110000000000', 'x-111111'))]]));
    const two = planEntries(
      dumps('a.txt', 'b.txt'),
      new Map([
        ['a.txt', record(ref('1111110000000000', 'x-111111'))],
        ['b.txt', record(ref('1111110000000000', 'x-111111', 0, 'b.txt'))],
      ]),
    );
    expect(one.entries.get('x-111111')?.signature).not.toBe(two.entries.get('x-111111')?.signature);
  });
});
