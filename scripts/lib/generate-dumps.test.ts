import { describe, expect, test } from 'vitest';
import { parseDump } from '../../src/lib/ingest/parse-dump.ts';
import { generateDumps } from './generate-dumps.ts';

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
