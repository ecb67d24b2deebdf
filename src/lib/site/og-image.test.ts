import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { buildOgImageSvg, OG_HEIGHT, OG_WIDTH, wrapLines } from './og-image.ts';
import { OG_FONT_FILES, useSocialImages, AUTO_SOCIAL_IMAGES_LIMIT } from './og-image-fs.ts';

describe('wrapLines', () => {
  it('cuts at spaces within the width and keeps every word', () => {
    expect(wrapLines('one two three four five', 9, 4)).toEqual(['one two', 'three', 'four five']);
  });

  it('ends the last line kept with an ellipsis when words are left out, and cuts a word longer than a line', () => {
    expect(wrapLines('aaaa bbbb cccc dddd', 4, 2)).toEqual(['aaaa', 'bbb…']);
    expect(wrapLines('abcdefghij', 4, 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('buildOgImageSvg', () => {
  it('escapes the headline and the name as text', () => {
    const svg = buildOgImageSvg({ title: 'A <script> & "quotes"', name: 'R&D <News>', dir: 'ltr' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('A &#60;script&#62; &#38; &#34;quotes&#34;');
    expect(svg).toContain('R&#38;D &#60;News&#62;');
  });

  it('leaves out control characters and bidi overrides, which XML and readers must not get', () => {
    const svg = buildOgImageSvg({ title: 'Bad\u0001 title \u202Egnp.exe', name: 'Archive', dir: 'ltr' });
    expect(svg).not.toMatch(/[\u0000-\u0008\u202E]/);
    expect(svg).toContain('Bad title gnp.exe');
  });

  /** Leftmost and rightmost inked columns of the headline band of a rendered image. */
  function inkSpan(title: string, dir: 'ltr' | 'rtl'): [number, number] {
    const image = new Resvg(buildOgImageSvg({ title, name: 'Archive', dir }), {
      font: { loadSystemFonts: false, fontFiles: OG_FONT_FILES, defaultFontFamily: 'DejaVu Sans' },
    }).render();
    // `pixels` copies the whole image on each read: read it once.
    const pixels = image.pixels;
    let left = OG_WIDTH;
    let right = -1;
    for (let y = 120; y < 460; y++) {
      for (let x = 0; x < OG_WIDTH; x++) {
        if (pixels[(y * OG_WIDTH + x) * 4]! < 100) {
          left = Math.min(left, x);
          right = Math.max(right, x);
        }
      }
    }
    expect(image.height).toBe(OG_HEIGHT);
    return [left, right];
  }

  it.skipIf(!OG_FONT_FILES.every((file) => existsSync(file)))('sets a right-to-left headline from the right margin, a left-to-right one from the left', () => {
    const [ltrLeft, ltrRight] = inkSpan('Short headline', 'ltr');
    const [rtlLeft, rtlRight] = inkSpan('عنوان قصير', 'rtl');
    expect(ltrLeft).toBeLessThan(100);
    expect(ltrRight).toBeLessThan(OG_WIDTH / 2);
    expect(rtlRight).toBeGreaterThan(OG_WIDTH - 100);
    expect(rtlLeft).toBeGreaterThan(OG_WIDTH / 2);
  });
});

describe('useSocialImages', () => {
  it('follows the config, and "auto" draws them up to the limit only', () => {
    const fonts = OG_FONT_FILES.every((file) => existsSync(file));
    expect(useSocialImages(false, 10)).toBe(false);
    expect(useSocialImages(true, 10 * AUTO_SOCIAL_IMAGES_LIMIT)).toBe(fonts);
    expect(useSocialImages('auto', AUTO_SOCIAL_IMAGES_LIMIT)).toBe(fonts);
    expect(useSocialImages('auto', AUTO_SOCIAL_IMAGES_LIMIT + 1)).toBe(false);
  });
});
