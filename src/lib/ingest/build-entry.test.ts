import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { sketchArticle } from '../identity/article-identity.ts';
import { articleWordCount } from './build-entry.ts';
import { parseDump } from './parse-dump.ts';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const SEEDS = new URL('../../../../shared/seeds/', import.meta.url);

/** Every article of the golden fixtures and, when they are beside the project, of the real dumps. */
function articles() {
  const inputs = readdirSync(FIXTURES).map((name) => readFileSync(new URL(`${name}/input.txt`, FIXTURES), 'utf8'));
  let seeds: string[] = [];
  try {
    seeds = readdirSync(SEEDS).filter((name) => name.endsWith('.txt'));
  } catch {
    // The seeds are optional here: the fixtures hold inline photos and Arabic text.
  }
  for (const name of seeds) inputs.push(readFileSync(new URL(name, SEEDS), 'utf8'));
  return inputs.flatMap((input) => parseDump(input, 'input.txt').articles);
}

describe('articleWordCount', () => {
  test('counts the same words from the sketch’s count of the text as from the blocks', () => {
    const all = articles();
    expect(all.length).toBeGreaterThan(10);
    for (const article of all) expect(articleWordCount(article, sketchArticle(article).words)).toBe(articleWordCount(article));
  });

  test('counts inline photo captions with the text', () => {
    const dump =
      'Rain Stops Play\n\nA photo (AFP)\nTT\n\nRain Stops Play\n\nA photo (AFP)\n\nThe match was called off.\n\nFans wait in the rain (Photo by Ana Diaz / AFP)\nFans wait in the rain (Photo by Ana Diaz / AFP)\n\nIt resumes today.\n';
    const [article] = parseDump(dump, 'a.txt').articles;
    expect(article?.blocks.map((block) => block.type)).toEqual(['paragraph', 'figure', 'paragraph']);
    expect(articleWordCount(article!)).toBe(5 + 5 + 3);
  });
});
