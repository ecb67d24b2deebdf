import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeExcerpt, truncateAtWord } from './excerpt.ts';
import type { TextBlock } from '../entry-text.ts';

const paragraph = (text: string): TextBlock => ({ type: 'paragraph', text });

describe('makeExcerpt', () => {
  it('keeps a short first paragraph whole', () => {
    expect(makeExcerpt([paragraph('A short opening.')])).toBe('A short opening.');
  });

  it('skips headings and photo captions', () => {
    const blocks: TextBlock[] = [
      { type: 'figure', text: 'A crowd on the quay (AFP)' },
      { type: 'heading', text: 'Background' },
      paragraph('The council met on Tuesday.'),
    ];
    expect(makeExcerpt(blocks)).toBe('The council met on Tuesday.');
  });

  it('joins paragraphs until the excerpt is long enough, then cuts at a word', () => {
    const blocks = [paragraph('First sentence here.'), paragraph('Second one follows it closely.')];
    expect(makeExcerpt(blocks, 30)).toBe('First sentence here. Second…');
  });

  it('is empty for a body without paragraphs', () => {
    expect(makeExcerpt([{ type: 'heading', text: 'Only a heading' }])).toBe('');
  });
});

describe('truncateAtWord', () => {
  it('returns text that fits unchanged', () => {
    expect(truncateAtWord('Fits nicely', 20)).toBe('Fits nicely');
  });

  it('drops trailing punctuation before the ellipsis', () => {
    expect(truncateAtWord('One, two, three, four', 12)).toBe('One, two…');
  });

  it('cuts inside a word only when the first word is too long', () => {
    expect(truncateAtWord('Supercalifragilistic', 10)).toBe('Supercali…');
  });

  it('counts characters, not UTF-16 units, and never splits a surrogate pair', () => {
    expect(truncateAtWord('😀😀😀😀😀😀', 4)).toBe('😀😀😀…');
  });

  it('never exceeds the limit and keeps a prefix of the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 2, max: 300 }), (text, max) => {
        const cut = truncateAtWord(text, max);
        if (Array.from(text).length <= max) {
          expect(cut).toBe(text);
        } else {
          expect(Array.from(cut).length).toBeLessThanOrEqual(max);
          expect(cut.endsWith('…')).toBe(true);
          expect(text.startsWith(cut.slice(0, -1))).toBe(true);
        }
      }),
    );
  });
});
