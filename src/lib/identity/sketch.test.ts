import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { BANDS, BINS, bandKeys, candidateKeysInto, compareSketches, sketchText } from './sketch.ts';

const body = [
  'The council voted on Tuesday to restore the night bus routes cut last spring.',
  'Drivers accepted a pay deal after three weeks of talks with the transport authority.',
  'The first buses will run from the Central Station terminus next Monday, officials said.',
];

describe('sketchText', () => {
  test('ignores case, punctuation, spacing and where paragraphs break', () => {
    const relaid = [body.join('  ').toUpperCase().replace(/\./g, ';')];
    expect(sketchText(relaid)).toEqual(sketchText(body));
  });

  test('has one value a bin and counts distinct shingles', () => {
    const { sketch, shingles } = sketchText(body);
    expect(sketch).toHaveLength(BINS);
    expect(shingles).toBe(body.join(' ').split(' ').length - 2);
  });

  test('gives an empty sketch to a body without words', () => {
    expect(sketchText(['—', ''])).toEqual({ sketch: new Uint16Array(0), shingles: 0, words: 0 });
  });

  test('counts the words of all paragraphs as a reader does', () => {
    expect(sketchText(['Iran’s US-led coalition, 2024.', '— “Yes,” he said.']).words).toBe(7);
    expect(sketchText(['Two words']).words).toBe(2);
  });
});

describe('compareSketches', () => {
  test('shows no shingle of its own for a body that is the start of another', () => {
    const whole = sketchText(body).sketch;
    const start = sketchText(body.slice(0, 2)).sketch;
    const { onlyFirst, onlySecond, jaccard } = compareSketches(start, whole);
    expect(onlyFirst).toBe(0);
    expect(onlySecond).toBeGreaterThan(0);
    expect(jaccard + onlySecond).toBe(1);
  });

  test('is 1 for the same text and near 0 for unrelated text', () => {
    const a = sketchText(body).sketch;
    const other = sketchText([
      'Prices at the fuel pumps rose again in the northern provinces, where farmers say the harvest is at risk and traders blame the weak currency for the change.',
    ]).sketch;
    expect(compareSketches(a, a).jaccard).toBe(1);
    expect(compareSketches(a, other).jaccard).toBeLessThan(0.1);
    expect(compareSketches(a, new Uint16Array(0)).jaccard).toBe(0);
  });
});

describe('bandKeys', () => {
  test('gives the same keys to the same sketch and mostly other keys to another', () => {
    const a = sketchText(body).sketch;
    const b = sketchText(body.slice(1)).sketch;
    expect(bandKeys(a)).toEqual(bandKeys(sketchText(body).sketch));
    expect(bandKeys(a)).toHaveLength(BINS / 4);
    const shared = bandKeys(a).filter((key, i) => key === bandKeys(b)[i]).length;
    expect(shared).toBeLessThan(BINS / 4);
  });
});

describe('candidateKeysInto', () => {
  test('gives the band keys of the bands with a shingle in them, in order, and none of a short body’s empty bands', () => {
    for (const words of [3, 12, 40, 400]) {
      const { sketch } = sketchText([Array.from({ length: words }, (_, i) => `word${i}`).join(' ')]);
      const keys = new Uint32Array(BANDS);
      const count = candidateKeysInto(sketch, keys);
      const informative = bandKeys(sketch).filter((_, band) => sketch.subarray(band * 4, band * 4 + 4).some((bin) => bin !== 0xffff));
      expect(Array.from(keys.subarray(0, count))).toEqual(informative);
      if (words <= 12) expect(count).toBeLessThan(BANDS);
    }
  });
});

describe('sketchText against its definition', () => {
  // One-permutation MinHash over a set of word 3-shingles, written plainly.
  const mix = (h: number) => {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  const definition = (paragraphs: string[]) => {
    const words = (
      paragraphs
        .join(' ')
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu) ?? []
    ).map((word) => {
      let h = 0x811c9dc5;
      for (const char of word.split('')) h = Math.imul(h ^ char.charCodeAt(0), 0x01000193);
      return h >>> 0;
    });
    const set = new Set<number>();
    const width = Math.min(3, words.length);
    for (let i = 0; i + width <= words.length; i++) {
      let h = 0;
      for (let k = 0; k < width; k++) h = mix((h ^ (words[i + k] as number)) + k);
      set.add(h);
    }
    const minima = Array<number>(BINS).fill(Infinity);
    for (const h of set) minima[h >>> 25] = Math.min(minima[h >>> 25] as number, h & 0x1ffffff);
    return { bins: minima.map((m) => (m === Infinity ? 0xffff : Math.min(0xfffe, m >>> 9))), shingles: set.size };
  };

  test('gives the bins and shingle count of the plain definition', () => {
    const words = ['strike', 'port', 'the', 'said', 'Ministry', 'of', 'Health', '2024', 'Café', 'ΟΔΟΣ', 'الرياض', 'the', 'the'];
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 5 }), (blocks) => {
        const paragraphs = blocks.map((block) => block.join(' '));
        const { sketch, shingles, words } = sketchText(paragraphs);
        const expected = definition(paragraphs);
        expect(shingles).toBe(expected.shingles);
        expect(words).toBe(
          paragraphs
            .join(' ')
            .split(' ')
            .filter((token) => /[\p{L}\p{N}]/u.test(token)).length,
        );
        expect([...sketch]).toEqual(expected.bins);
      }),
      { numRuns: 500 },
    );
  });
});
