import { describe, expect, it } from 'vitest';
import { chunkVocabulary, findFuzzyCandidates, fuzzyDistance } from './vocabulary.ts';

describe('chunkVocabulary', () => {
  it('cuts the sorted words into runs of about the given size, never between words of the same first two letters', () => {
    expect(chunkVocabulary(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(chunkVocabulary(['haa', 'hab', 'hac', 'hb', 'hca', 'hcb', 'i'], 2)).toEqual([['haa', 'hab', 'hac'], ['hb'], ['hca', 'hcb'], ['i']]);
    expect(chunkVocabulary(['ab', 'ac', 'ada', 'adb', 'ae'], 3)).toEqual([
      ['ab', 'ac'],
      ['ada', 'adb', 'ae'],
    ]);
    expect(chunkVocabulary([], 2)).toEqual([[]]);
  });
});

describe('fuzzyDistance', () => {
  it('allows no typo below five letters, one up to seven, two from eight', () => {
    expect(['ferr', 'ferry', 'harbour', 'timetable'].map(fuzzyDistance)).toEqual([0, 1, 1, 2]);
  });
});

describe('findFuzzyCandidates', () => {
  it('finds words within the distance that keep the first two letters', () => {
    const words = ['harbour', 'harbours', 'harbor', 'barbour', 'hrabour', 'harvest', 'timetable'];
    expect(findFuzzyCandidates(words, 'harbour')).toEqual(['harbour', 'harbours', 'harbor']);
    expect(findFuzzyCandidates(words, 'timetabel')).toEqual(['timetable']);
    expect(findFuzzyCandidates(words, 'harb')).toEqual([]);
  });
});
