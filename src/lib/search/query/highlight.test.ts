import { describe, expect, it } from 'vitest';
import { hasMatch, highlightText, makeSnippet } from './highlight.ts';

const marked = (segments: { text: string; match: boolean }[]) => segments.map((segment) => (segment.match ? `[${segment.text}]` : segment.text)).join('');

describe('highlightText', () => {
  it('marks words whose folded form matched, keeping the printed form', () => {
    expect(marked(highlightText('Café on Harbour’s edge', { terms: ['cafe', 'harbour'] }))).toBe('[Café] on [Harbour]’s edge');
  });

  it('marks each word of a phrase occurrence, stopwords included', () => {
    expect(marked(highlightText('close the road, not the street', { terms: [], phrases: [['close', 'the', 'road']] }))).toBe(
      '[close] [the] [road], not the street',
    );
  });

  it('returns markup characters as plain text', () => {
    expect(highlightText('<img src=x onerror=alert(1)>', { terms: ['img'] })).toEqual([
      { text: '<', match: false },
      { text: 'img', match: true },
      { text: ' src=x onerror=alert(1)>', match: false },
    ]);
  });
});

describe('makeSnippet', () => {
  const body = `${'Lorem ipsum dolor sit amet. '.repeat(20)}The harbour was calm. ${'Consectetur adipiscing elit. '.repeat(20)}`;

  it('centres on the first match with ellipses where text was cut', () => {
    const text = marked(makeSnippet(body, { terms: ['harbour'] }, 120));
    expect(text).toMatch(/^… .*The \[harbour\] was calm\..* …$/);
    expect(text.length).toBeLessThan(140);
  });

  it('starts at the beginning when nothing matches', () => {
    expect(marked(makeSnippet(body, { terms: ['ferry'] }, 40))).toBe('Lorem ipsum dolor sit amet. Lorem ipsum …');
  });
});

describe('hasMatch', () => {
  it('tells whether a text holds a matched word or phrase', () => {
    expect(hasMatch('The harbour was calm', { terms: ['harbour'] })).toBe(true);
    expect(hasMatch('close the road', { terms: [], phrases: [['close', 'the', 'road']] })).toBe(true);
    expect(hasMatch('close a road', { terms: [], phrases: [['close', 'the', 'road']] })).toBe(false);
  });
});
