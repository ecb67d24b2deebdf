import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { capLength, stripControls, toHtmlText, toMetaText } from './plain-text.ts';

describe('stripControls', () => {
  test('removes C0 and C1 controls and XML’s noncharacters, and keeps tab, line feed and all other text', () => {
    expect(stripControls('a\u0001b\u001B[31mc\u007F\u0085\u009Fd\te\nf\uFFFEg\uFFFF<&>“é”')).toBe('ab[31mcd\te\nfg<&>“é”');
  });

  test('leaves only characters XML 1.0 allows, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(stripControls(text)).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/);
      }),
    );
  });
});

describe('capLength', () => {
  test('keeps text up to the limit as it is', () => {
    expect(capLength('a'.repeat(200), 200)).toBe('a'.repeat(200));
  });

  test('cuts longer text to the limit, ellipsis included, without splitting a character', () => {
    expect(capLength('word '.repeat(2000), 200)).toBe(`${'word '.repeat(40).trimEnd()}…`);
    const astral = `a${'\u{20000}'.repeat(300)}`;
    const cut = capLength(astral, 200);
    expect(Array.from(cut)).toHaveLength(200);
    expect(cut.endsWith('\u{20000}…')).toBe(true);
    expect(capLength('e\u0301'.repeat(300), 10)).toBe(`${'e\u0301'.repeat(9)}…`);
  });
});

describe('toMetaText', () => {
  test('drops bidi overrides and controls and folds spacing, so a title cannot spoof or break its metadata', () => {
    expect(toMetaText(' Invoice \u202Egnp.exe\u202C for\u2066 you\u2069\u0001\n\tnow ', 200)).toBe('Invoice gnp.exe for you now');
  });

  test('caps a 5,000-character headline at 200 characters', () => {
    const title = toMetaText('Headline '.repeat(600), 200);
    expect(title.length).toBeLessThanOrEqual(200);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('toHtmlText', () => {
  test('escapes what HTML would read as markup or a reference', () => {
    expect(toHtmlText('<img src=x onerror=alert(1)> &amp; "q"')).toBe('&lt;img src=x onerror=alert(1)&gt; &amp;amp; "q"');
  });
});
