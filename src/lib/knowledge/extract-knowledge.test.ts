import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ParsedArticle } from '../ingest/types.ts';
import { extractKnowledge } from './extract-knowledge.ts';
import { MAX_NAMES_PER_KIND } from './resolve-names.ts';

function article(paragraphs: string[], captions: string[] = []): ParsedArticle {
  return {
    title: 'A Story',
    captions: captions.map((text, index) => ({ text, lead: index === 0 })),
    blocks: paragraphs.map((text, index) => ({ type: 'paragraph' as const, text, line: index + 5 })),
    index: 0,
    line: 1,
  };
}

describe('extractKnowledge: names', () => {
  const knowledge = extractKnowledge(
    article([
      'Army chief General Abdel Fattah al-Burhan met Hezbollah Secretary General Hassan Nasrallah in Beirut on Tuesday.',
      'The paramilitary Rapid Support Forces (RSF) said it had left Omdurman. Burhan’s office denied it, and the RSF did not reply.',
      'Reuters reported that Crown Prince Mohammed bin Salman had called Ursula von der Leyen.',
    ]),
  );

  it('keeps full names with their particles and strips titles and possessives', () => {
    expect(knowledge.people).toEqual(expect.arrayContaining(['Abdel Fattah al-Burhan', 'Hassan Nasrallah', 'Mohammed bin Salman', 'Ursula von der Leyen']));
    expect(knowledge.people.join('|')).not.toMatch(/General|Crown|Prince|’s/);
  });

  it('resolves a surname alone to the full name given earlier', () => {
    expect(knowledge.people).not.toContain('Burhan');
    expect(knowledge.people[0]).toBe('Abdel Fattah al-Burhan');
  });

  it('resolves an acronym to the expansion the story gives', () => {
    expect(knowledge.organisations).toContain('Rapid Support Forces');
    expect(knowledge.organisations).not.toContain('RSF');
  });

  it('lists an agency named as an actor, places, and never a weekday', () => {
    expect(knowledge.organisations).toEqual(expect.arrayContaining(['Reuters', 'Hezbollah']));
    expect(knowledge.places).toEqual(expect.arrayContaining(['Beirut', 'Omdurman']));
    expect([...knowledge.people, ...knowledge.places, ...knowledge.organisations]).not.toContain('Tuesday');
  });

  it('never lists a photo credit (the parser splits it off) or the TT marker', () => {
    const credited = extractKnowledge(article(['TT', 'The port reopened.'], ['A ship in Mombasa']));
    expect(credited.organisations).not.toContain('TT');
    expect(credited.places).toEqual(['Mombasa']);
  });

  it('caps each kind for a story that names hundreds', () => {
    const names = Array.from({ length: 500 }, (_, i) => `Person${String.fromCharCode(65 + (i % 26))}${i} Surname${i}`);
    const crowded = extractKnowledge(article(names.map((name) => `${name} said the vote was fair.`)));
    expect(crowded.people.length).toBe(MAX_NAMES_PER_KIND);
  });

  it('keeps a name with markup characters as text, and right-to-left names as written', () => {
    const odd = extractKnowledge(article(['Minister <b>Sam</b> Okoro spoke.', 'President Ahmed al-Sharaa met قيس سعيد in Damascus.']));
    for (const name of [...odd.people, ...odd.places, ...odd.organisations]) expect(typeof name).toBe('string');
    expect(odd.people).toContain('Ahmed al-Sharaa');
    expect(odd.places).toContain('Damascus');
  });
});

describe('extractKnowledge: dates', () => {
  it('reads absolute dates from captions and body, with their text and sentence', () => {
    const knowledge = extractKnowledge(
      article(['The war began on April 15, 2023. Fighting resumed in December 2023.'], ['Soldiers in Omdurman on March 12, 2024']),
    );
    expect(knowledge.dates).toEqual([
      { date: '2024-03-12', text: 'March 12, 2024', sentence: 'Soldiers in Omdurman on March 12, 2024' },
      { date: '2023-04-15', text: 'April 15, 2023', sentence: 'The war began on April 15, 2023.' },
      { date: '2023-12', text: 'December 2023', sentence: 'Fighting resumed in December 2023.' },
    ]);
    expect(knowledge.latestDate).toBe('2024-03-12');
  });

  it('gives a day without a year the year of the same sentence or the nearest earlier dated mention, else leaves it out', () => {
    expect(extractKnowledge(article(['Hamas attacked on October 7.'])).dates).toEqual([]);
    const inferred = extractKnowledge(article(['Talks collapsed in January 2020.', 'A truce began on November 24 and held.']));
    expect(inferred.dates.map((date) => date.date)).toEqual(['2020-01', '2020-11-24']);
  });

  it('does not take weekdays or relative dates, and invents none for a story without', () => {
    const knowledge = extractKnowledge(article(['On Tuesday the council met. Ten years ago it was different. It has 2000 members.']));
    expect(knowledge.dates).toEqual([]);
    expect(knowledge).not.toHaveProperty('latestDate');
  });

  it('leaves dates announced for the future out of latestDate', () => {
    const knowledge = extractKnowledge(
      article(['The bridge closed on May 2, 2024.', 'It is due to reopen on June 30, 2024, and a hearing is planned for July 9, 2024.']),
    );
    expect(knowledge.dates).toHaveLength(3);
    expect(knowledge.latestDate).toBe('2024-05-02');
  });
});

describe('extractKnowledge: quotes', () => {
  const knowledge = extractKnowledge(
    article([
      'Union leader Simon Sang addressed the rally.',
      '“We have been patient for five years,” Sang said. “Patience is not a wage.”',
      'Prime Minister Viktor Orban said: “The next two days will be decisive.”',
      '“Nobody trusts the other side,” said a Sudanese diplomat who asked not to be named.',
      '“The smoke is cleaner than before,” a ministry engineer explained.',
      'The group called its fighters “heroes” and screened “The Way Back” at a festival.',
    ]),
  );

  it('finds each form of attribution, with the speaker’s full name', () => {
    expect(knowledge.quotes).toEqual([
      { text: 'We have been patient for five years', speaker: 'Simon Sang' },
      { text: 'Patience is not a wage.', speaker: 'Simon Sang' },
      { text: 'The next two days will be decisive.', speaker: 'Viktor Orban' },
      { text: 'Nobody trusts the other side', speaker: 'a Sudanese diplomat' },
      { text: 'The smoke is cleaner than before', speaker: 'a ministry engineer' },
    ]);
  });

  it('resolves a pronoun to the person last named', () => {
    const pronoun = extractKnowledge(article(['Zeina El Chami treats children at the centre.', '“They had no place to go,” she added.']));
    expect(pronoun.quotes).toEqual([{ text: 'They had no place to go', speaker: 'Zeina El Chami' }]);
  });
});

describe('extractKnowledge on any text', () => {
  it('never throws and returns lists of non-empty strings and valid dates', () => {
    const word = fc.constantFrom(
      'Said',
      'said',
      '“',
      '”',
      '"',
      'al-',
      'Al',
      'bin',
      'the',
      'The',
      'October',
      '7,',
      '2024',
      'in',
      'Baghdad',
      'RSF',
      '(RSF)',
      'General',
      '<b>',
      'قيس',
      '.',
      ',',
      'X',
      'TT',
    );
    const paragraph = fc.array(word, { maxLength: 30 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 5 }), (paragraphs) => {
        const knowledge = extractKnowledge(article(paragraphs.filter((text) => text.trim())));
        for (const name of [...knowledge.people, ...knowledge.places, ...knowledge.organisations]) expect(name.trim()).not.toBe('');
        for (const date of knowledge.dates) expect(date.date).toMatch(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/);
        for (const quote of knowledge.quotes) expect(quote.speaker.trim()).not.toBe('');
      }),
      { numRuns: 200 },
    );
  });
});
