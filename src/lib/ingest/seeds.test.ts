// Golden test over the real dumps in ../shared/seeds (outside this repository;
// CI has them beside the clone).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseDump } from './parse-dump.ts';

const SEEDS = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));

/** Every article of every seed dump (none when the seeds are not beside this clone). */
function readSeeds() {
  if (!existsSync(SEEDS)) return [];
  return readdirSync(SEEDS)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .flatMap((name) => {
      const { articles, errors } = parseDump(readFileSync(SEEDS + name, 'utf8'), name);
      expect(errors).toEqual([]);
      return articles;
    });
}

describe.skipIf(!existsSync(SEEDS))('parseDump on the seed dumps', () => {
  const articles = readSeeds();
  const count = (article: (typeof articles)[number], type: string) => article.blocks.filter((b) => b.type === type).length;

  test('finds the four articles with their titles and subtitle', () => {
    expect(articles.map((a) => [a.title, a.subtitle])).toEqual([
      ['Rare Moment of Doubt Between Iran, Iraqi Allies', undefined],
      ['Former Israeli Spies Describe Attack Using Exploding Electronic Devices against Lebanon’s Hezbollah', undefined],
      ['Iraq after the Al-Aqsa Flood: Iran’s Plan for the Rapid Collapse', 'How did the ‘Islamic Resistance in Iraq’ emerge?'],
      ['Childhood Cancer Patients in Lebanon Must Battle Disease while Under Fire', undefined],
    ]);
  });

  test('keeps each lead caption once, with its credit split off', () => {
    expect(articles.map((a) => a.captions.map((c) => [c.text.slice(0, 40), c.credit]))).toEqual([
      [['Members of the “Nujaba Movement” during ', 'X']],
      [['An ambulance rushes wounded people to th', 'Photo by Anwar AMRO / AFP']],
      [['Iraqi Prime Minister Mohammed Shia al-Su', 'AFP']],
      [['Mohammad Mousawi, 8, a displaced boy fro', 'AP Photo/Hussein Malla']],
    ]);
  });

  test('finds the section headings and nothing else as headings', () => {
    expect(articles.map((a) => a.blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : [])))).toEqual([
      [],
      [],
      [
        'Ain al-Asad: The first attack',
        'Iraq’s Shiite to liberate Jerusalem',
        'Syrian lesson',
        'Who came first Sudani or the ‘Framework’?',
        '‘Special Iranian operation’',
        'The bulletproof vest',
        'Exchanging roles towards the abyss',
        'Direct confrontation',
        'New deal or another collapse',
      ],
      [],
    ]);
  });

  test('keeps every body paragraph (blank-line and single-line-break dumps alike)', () => {
    expect(articles.map((a) => count(a, 'paragraph'))).toEqual([22, 23, 86, 37]);
  });

  test('reads “So what had they agreed upon? And who are “they”?” as a paragraph', () => {
    const third = articles[2]!;
    expect(third.blocks.find((b) => b.type !== 'figure' && b.text.startsWith('So what had they'))?.type).toBe('paragraph');
  });
});
