import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildNewsArticle, serializeJsonLd } from './json-ld.ts';

const input = {
  title: 'Storm Brings Record October Rainfall',
  subtitle: 'Rivers burst their banks',
  description: 'Rain fell for three days.',
  url: 'https://example.org/articles/storm-abc123/',
  wordCount: 640,
  publisher: 'Clippings',
  publisherUrl: 'https://example.org/',
  id: '0123456789abcdef',
  lang: 'en',
};

describe('buildNewsArticle', () => {
  it('describes the story as a schema.org NewsArticle', () => {
    expect(buildNewsArticle(input)).toMatchInlineSnapshot(`
      {
        "@context": "https://schema.org",
        "@id": "https://example.org/articles/storm-abc123/#article",
        "@type": "NewsArticle",
        "alternativeHeadline": "Rivers burst their banks",
        "description": "Rain fell for three days.",
        "headline": "Storm Brings Record October Rainfall",
        "identifier": "0123456789abcdef",
        "inLanguage": "en",
        "isAccessibleForFree": true,
        "mainEntityOfPage": {
          "@id": "https://example.org/articles/storm-abc123/",
          "@type": "WebPage",
        },
        "publisher": {
          "@type": "Organization",
          "name": "Clippings",
          "url": "https://example.org/",
        },
        "url": "https://example.org/articles/storm-abc123/",
        "wordCount": 640,
      }
    `);
  });

  it('leaves out the alternative headline when there is no subtitle', () => {
    expect(buildNewsArticle({ ...input, subtitle: undefined })).not.toHaveProperty('alternativeHeadline');
  });

  it('shortens a headline to the 110 characters search engines show', () => {
    const headline = buildNewsArticle({ ...input, title: 'word '.repeat(40) }).headline as string;
    expect(Array.from(headline)).toHaveLength(110);
    expect(headline.endsWith('…')).toBe(true);
  });

  it('leaves bidi overrides and control characters out of the headline, standfirst and description', () => {
    const article = buildNewsArticle({ ...input, title: 'Invoice \u202Egnp.exe\u202C', subtitle: 'A\u0001 b\u2066', description: 'C\u001B[2J d' });
    expect([article.headline, article.alternativeHeadline, article.description]).toEqual(['Invoice gnp.exe', 'A b', 'C[2J d']);
  });
});

describe('serializeJsonLd', () => {
  it('cannot close its script element, whatever the headline says', () => {
    const text = serializeJsonLd({ headline: '</script><script>alert(1)</script><!--' });
    expect(text).not.toMatch(/[<>]/);
    expect(JSON.parse(text)).toEqual({ headline: '</script><script>alert(1)</script><!--' });
  });

  it('round-trips any value through JSON.parse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = serializeJsonLd(value);
        expect(text).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
