import { describe, expect, test } from 'vitest';
import { parseDump } from '../../src/lib/ingest/parse-dump.ts';
import { generateDumps, zipfVocabularyOf } from './generate-dumps.ts';

const files = [...generateDumps({ articles: 300, perFile: 10, seed: 7 })];

describe('generateDumps', () => {
  test('writes the articles asked for, every one readable by the ingest', () => {
    expect(files).toHaveLength(30);
    const parsed = files.map((file) => parseDump(file.text, file.name));
    expect(parsed.flatMap((result) => result.errors)).toEqual([]);
    expect(parsed.reduce((sum, result) => sum + result.articles.length, 0)).toBe(300);
  });

  test('gives the same archive for the same seed, another for another', () => {
    expect([...generateDumps({ articles: 20, seed: 7 })]).toEqual([...generateDumps({ articles: 20, seed: 7 })]);
    expect([...generateDumps({ articles: 20, seed: 8 })]).not.toEqual([...generateDumps({ articles: 20, seed: 7 })]);
  });

  test('prints typographic punctuation at about the rate of the real dumps', () => {
    // The seeds hold about six and a half a kilobyte (“ ” ’ ‘ — –).
    const text = files.map((file) => file.text).join('');
    const perKilobyte = (text.match(/[“”’‘—–]/g) ?? []).length / (Buffer.byteLength(text) / 1000);
    expect(perKilobyte).toBeGreaterThan(4);
    expect(perKilobyte).toBeLessThan(10);
  });
});

describe('generateDumps with a Zipf vocabulary', () => {
  const zipf = [...generateDumps({ articles: 300, seed: 7, vocabulary: 'zipf' })];
  const counts = new Map<string, number>();
  for (const word of zipf
    .map((file) => file.text)
    .join(' ')
    .toLowerCase()
    .match(/[a-z]+/g) ?? []) {
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }

  test('stays readable by the ingest', () => {
    const parsed = zipf.map((file) => parseDump(file.text, file.name));
    expect(parsed.flatMap((result) => result.errors)).toEqual([]);
    expect(parsed.reduce((sum, result) => sum + result.articles.length, 0)).toBe(300);
  });

  test('draws from tens of thousands of words, about 1/rank as often', () => {
    const { words } = zipfVocabularyOf(7);
    expect(new Set(words).size).toBe(60_000);
    // Hundreds of thousands of tokens reach deep into the tail…
    expect(counts.size).toBeGreaterThan(15_000);
    // …and the count of a word falls with its rank like 1/rank (ten times rarer per decade, within noise).
    const at = (rank: number) => counts.get(words[rank - 1]!) ?? 0;
    const decade = (from: number) => {
      let sum = 0;
      for (let rank = from; rank < from + 50; rank++) sum += at(rank);
      return sum;
    };
    expect(decade(1000) / decade(100)).toBeGreaterThan(0.05);
    expect(decade(1000) / decade(100)).toBeLessThan(0.2);
    // The small default vocabulary has a few hundred words.
    const small = new Set(
      files
        .map((file) => file.text)
        .join(' ')
        .toLowerCase()
        .match(/[a-z]+/g),
    );
    expect(small.size).toBeLessThan(2_000);
  });
});
