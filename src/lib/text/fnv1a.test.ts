import { describe, expect, test } from 'vitest';
import { fnv1a } from './fnv1a.ts';

describe('fnv1a', () => {
  test('gives the published FNV-1a 32-bit values for ASCII text', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  test('hashes UTF-16 code units, so text beyond ASCII differs from text that shares its low bytes', () => {
    expect(fnv1a('ف')).not.toBe(fnv1a('A'));
    expect(fnv1a('ف')).toBeGreaterThanOrEqual(0);
  });
});
