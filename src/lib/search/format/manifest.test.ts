import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createManifest, selectShards, selectVocabulary, shardFile, shardOf, vocabularyFile } from './manifest.ts';
import { FUZZY_HEAD_LENGTH, MIN_FUZZY_LENGTH, MIN_PREFIX_LENGTH } from './options.ts';
import { chunkVocabulary } from './vocabulary.ts';

describe('shardOf', () => {
  const firsts = ['a', 'f', 'k', 'p'];
  it('finds the last shard starting at or before the term', () => {
    expect(shardOf(firsts, 'a')).toBe(0);
    expect(shardOf(firsts, 'ezz')).toBe(0);
    expect(shardOf(firsts, 'f')).toBe(1);
    expect(shardOf(firsts, 'zebra')).toBe(3);
  });
});

describe('selectShards', () => {
  // Reference: cut a sorted vocabulary into runs, and check by brute force
  // that the selected shards hold every term a query word may match.
  const vocabulary = fc.uniqueArray(fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 7 }), {
    minLength: 1,
    maxLength: 60,
  });

  it('selects every shard holding the word or its prefix matches, and every vocabulary chunk of its typo range', () => {
    fc.assert(
      fc.property(
        vocabulary,
        fc.integer({ min: 1, max: 8 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 7 }),
        (words, size, query) => {
          const sorted = [...words].sort((a, b) => (a < b ? -1 : 1));
          const runs: string[][] = [];
          for (let i = 0; i < sorted.length; i += size) runs.push(sorted.slice(i, i + size));
          const firsts = runs.map((run) => run[0]!);
          const selected = new Set(selectShards(firsts, query));
          const needed = (word: string) => word === query || (query.length >= MIN_PREFIX_LENGTH && word.startsWith(query));
          runs.forEach((run, i) => {
            if (run.some(needed)) expect(selected.has(i)).toBe(true);
          });
          expect(selected.size).toBeLessThanOrEqual(runs.filter((run) => run.some(needed)).length + 1);
          const chunks = new Set(selectVocabulary(firsts, query));
          const typoRange = (word: string) => query.length >= MIN_FUZZY_LENGTH && word.startsWith(query.slice(0, FUZZY_HEAD_LENGTH));
          runs.forEach((run, i) => {
            if (run.some(typoRange)) expect(chunks.has(i)).toBe(true);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads a typo range from the chunks holding it and no other, its words never split across chunks', () => {
    fc.assert(
      fc.property(
        vocabulary,
        fc.integer({ min: 1, max: 8 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 5, maxLength: 7 }),
        (words, size, query) => {
          const sorted = [...words].sort((a, b) => (a < b ? -1 : 1));
          const chunks = chunkVocabulary(sorted, size);
          expect(chunks.flat()).toEqual(sorted);
          const { manifest } = createManifest(1, [], chunks);
          const head = query.slice(0, FUZZY_HEAD_LENGTH);
          const holding = chunks.flatMap((chunk, i) => (chunk.some((word) => word.startsWith(head)) ? [i] : []));
          expect(holding.length).toBeLessThanOrEqual(1);
          const selected = selectVocabulary(manifest.vocabulary, query);
          if (holding.length > 0) expect(selected).toEqual(holding);
          else expect(selected.length).toBe(1);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('selects no shard of an empty index', () => {
    expect(selectShards([], 'harbour')).toEqual([]);
  });
});

describe('createManifest', () => {
  const shards = [
    { first: 'a', json: '{"v":3,"t":[["a"]],"h":[]}' },
    { first: 'm', json: '{"v":3,"t":[["m"]],"h":[]}' },
  ];
  it('names every file by its number and one hash of all, which any change to any file changes', () => {
    const { manifest, files, vocabularyFiles } = createManifest(3, shards, [['a', 'b'], ['m']]);
    expect(files.map((file) => file.name)).toEqual([shardFile(manifest, 0), shardFile(manifest, 1)]);
    expect(files[1]!.name).toMatch(/^1-[a-z0-9]{14}\.jz$/);
    expect(vocabularyFiles.map((file) => file.name)).toEqual([vocabularyFile(manifest, 0), vocabularyFile(manifest, 1)]);
    // The manifest lists no file names: only first terms and the two hashes.
    expect(JSON.stringify(manifest)).not.toContain('.jz');
    expect(createManifest(3, shards, [['a', 'b'], ['m']]).manifest).toEqual(manifest);
    const changed = createManifest(3, [shards[0]!, { first: 'm', json: '{"v":3,"t":[["mm"]],"h":[]}' }], [['a', 'b'], ['m']]).manifest;
    expect(changed.shardHash).not.toBe(manifest.shardHash);
    expect(changed.vocabularyHash).toBe(manifest.vocabularyHash);
    expect(createManifest(3, shards, [['a', 'c'], ['m']]).manifest.vocabularyHash).not.toBe(manifest.vocabularyHash);
  });
});
