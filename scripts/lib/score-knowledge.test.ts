import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDump } from '../../src/lib/ingest/parse-dump.ts';
import { foldName } from '../../src/lib/knowledge/classify-name.ts';
import { extractKnowledge, type Knowledge } from '../../src/lib/knowledge/extract-knowledge.ts';
import { scoreKnowledge, value, type GoldStory } from './score-knowledge.ts';

const none: Knowledge = { people: [], places: [], organisations: [], dates: [], quotes: [] };

describe('scoreKnowledge', () => {
  const gold: Record<string, GoldStory> = {
    'A Story': {
      people: [['Abdel Fattah al-Burhan', 'Abdel Fattah Burhan']],
      places: [['Khartoum']],
      organisations: [['Rapid Support Forces', 'RSF']],
      optional: ['Halfaya'],
      not_entities: ['AFP'],
      dates: ['2024-03-12', '2023'],
      latest: '2024-03-12',
      quotes: [
        ['We will not stop', 'Abdel Fattah al-Burhan'],
        ['Nobody trusts', 'a Sudanese diplomat'],
      ],
    },
  };

  it('folds case, punctuation and diacritics, takes variants under the right kind, and counts optional names as precise', () => {
    const found = { ...none, people: ['ABDEL FATTAH BURHAN'], places: ['Halfaya', 'Khartoúm'], organisations: ['AFP', 'Khartoum'] };
    const score = scoreKnowledge(gold, new Map([[foldName('A Story'), found]]));
    expect(score.entityRecall).toEqual({ hit: 2, of: 3 });
    expect(score.entityPrecision).toEqual({ hit: 4, of: 5 });
    expect(score.forbidden).toEqual(['A Story: AFP']);
  });

  it('needs the right speaker for a quote (a description by its head noun) and scores dates as sets', () => {
    const found: Knowledge = {
      ...none,
      quotes: [
        { text: 'We will not stop until…', speaker: 'Burhan' },
        { text: 'Nobody trusts the other side', speaker: 'the diplomat' },
      ],
      dates: [
        { date: '2024-03-12', text: 'March 12, 2024', sentence: 's' },
        { date: '2024-03-12', text: 'March 12, 2024', sentence: 't' },
        { date: '2020', text: '2020', sentence: 's' },
      ],
      latestDate: '2024-03-15',
    };
    const score = scoreKnowledge(gold, new Map([[foldName('A Story'), found]]));
    expect(score.quoteRecall).toEqual({ hit: 1, of: 2 });
    expect(score.quotePrecision).toEqual({ hit: 1, of: 2 });
    expect(score.dateRecall).toEqual({ hit: 1, of: 2 });
    expect(score.datePrecision).toEqual({ hit: 1, of: 2 });
    expect(score.latestMisses).toEqual([]);
  });

  it('flags a date invented for a story that states none, and a latestDate more than seven days off', () => {
    const story = { ...gold['A Story']!, dates: [], latest: null };
    const found = { ...none, dates: [{ date: '2024-01-01', text: '2024', sentence: 's' }], latestDate: '2024-01-01' };
    const score = scoreKnowledge({ 'A Story': story }, new Map([[foldName('A Story'), found]]));
    expect(score.invented).toHaveLength(1);
    expect(score.latestMisses).toHaveLength(1);
  });
});

describe('the extractor on the project’s labelled set', () => {
  it('meets the targets of issue 11', () => {
    const set = path.resolve(import.meta.dirname, '../../eval/knowledge/own');
    const gold = JSON.parse(readFileSync(path.join(set, 'gold.json'), 'utf8')) as Record<string, GoldStory>;
    const extracted = new Map<string, Knowledge>();
    for (const file of readdirSync(path.join(set, 'raw'))) {
      for (const article of parseDump(readFileSync(path.join(set, 'raw', file), 'utf8'), file).articles)
        extracted.set(foldName(article.title), extractKnowledge(article));
    }
    const score = scoreKnowledge(gold, extracted);
    expect(extracted.size).toBe(Object.keys(gold).length);
    for (const ratio of [score.entityRecall, score.entityPrecision, score.quoteRecall, score.quotePrecision]) expect(value(ratio)).toBeGreaterThanOrEqual(0.85);
    for (const ratio of [score.dateRecall, score.datePrecision]) expect(value(ratio)).toBeGreaterThanOrEqual(0.9);
    expect(score.latestMisses.length).toBeLessThanOrEqual(1);
    expect(score.invented).toEqual([]);
  });
});
