import { describe, expect, test } from 'vitest';
import { BINS, bandKeys, compareSketches, decodeSketch, sketchText } from './sketch.ts';

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
    expect(decodeSketch(sketch)).toHaveLength(BINS);
    expect(shingles).toBe(body.join(' ').split(' ').length - 2);
  });

  test('gives an empty sketch to a body without words', () => {
    expect(sketchText(['—', ''])).toEqual({ sketch: '', shingles: 0 });
    expect(decodeSketch('')).toHaveLength(0);
  });
});

describe('compareSketches', () => {
  test('shows no shingle of its own for a body that is the start of another', () => {
    const whole = decodeSketch(sketchText(body).sketch);
    const start = decodeSketch(sketchText(body.slice(0, 2)).sketch);
    const { onlyFirst, onlySecond, jaccard } = compareSketches(start, whole);
    expect(onlyFirst).toBe(0);
    expect(onlySecond).toBeGreaterThan(0);
    expect(jaccard + onlySecond).toBe(1);
  });

  test('is 1 for the same text and near 0 for unrelated text', () => {
    const a = decodeSketch(sketchText(body).sketch);
    const other = decodeSketch(
      sketchText([
        'Prices at the fuel pumps rose again in the northern provinces, where farmers say the harvest is at risk and traders blame the weak currency for the change.',
      ]).sketch,
    );
    expect(compareSketches(a, a).jaccard).toBe(1);
    expect(compareSketches(a, other).jaccard).toBeLessThan(0.1);
    expect(compareSketches(a, new Uint16Array(0)).jaccard).toBe(0);
  });
});

describe('bandKeys', () => {
  test('gives the same keys to the same sketch and mostly other keys to another', () => {
    const a = decodeSketch(sketchText(body).sketch);
    const b = decodeSketch(sketchText(body.slice(1)).sketch);
    expect(bandKeys(a)).toEqual(bandKeys(decodeSketch(sketchText(body).sketch)));
    expect(bandKeys(a)).toHaveLength(BINS / 4);
    const shared = bandKeys(a).filter((key, i) => key === bandKeys(b)[i]).length;
    expect(shared).toBeLessThan(BINS / 4);
  });
});
