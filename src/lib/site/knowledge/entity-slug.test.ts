import { describe, expect, it } from 'vitest';
import { slugifyName } from './entity-slug.ts';

describe('slugifyName', () => {
  it('folds case, accents and punctuation, so spellings of one name share a slug', () => {
    expect(slugifyName('Hassan Nasrallah')).toBe('hassan-nasrallah');
    expect(slugifyName('Al-Sadr')).toBe(slugifyName('al Sadr'));
    expect(slugifyName('Zürich')).toBe('zurich');
  });

  it('keeps the letters of other scripts', () => {
    expect(slugifyName('حسن نصر الله')).toBe('حسن-نصر-الله');
  });

  it('never gives a page number or a listing’s own segment', () => {
    expect(slugifyName('1984')).toBe('1984-name');
    expect(slugifyName('A–Z')).toBe('a-z-name');
  });

  it('gives a name of punctuation alone a stable slug of its own', () => {
    expect(slugifyName('???')).toMatch(/^name-[0-9a-f]{8}$/);
    expect(slugifyName('???')).toBe(slugifyName('???'));
    expect(slugifyName('???')).not.toBe(slugifyName('!!!'));
  });
});
