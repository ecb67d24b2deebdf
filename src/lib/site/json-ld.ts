/**
 * schema.org NewsArticle structured data for a story page.
 */
import { DESCRIPTION_LENGTH, TITLE_LENGTH, toMetaText } from './plain-text.ts';

/** What the JSON-LD of one story is built from. */
export interface NewsArticleInput {
  /** The headline. */
  title: string;
  /** The standfirst, when there is one. */
  subtitle?: string;
  /** One or two sentences that describe the story. */
  description: string;
  /** The story's canonical URL. */
  url: string;
  /** Words in the story. */
  wordCount: number;
  /** The site's name, as publisher. */
  publisher: string;
  /** The site's home page URL. */
  publisherUrl: string;
  /** The story's content hash, a stable identifier. */
  id: string;
  /** BCP 47 language of the story. */
  lang: string;
  /** The people, places and organisations the story names, each with its page. */
  mentions?: readonly Mention[];
}

/** A thing a story names, as schema.org types it. */
export interface Mention {
  type: 'Person' | 'Place' | 'Organization';
  name: string;
  /** Its page on the site, absolute. */
  url: string;
}

/** Google shows at most 110 characters of a headline. */
const HEADLINE_LENGTH = 110;

/**
 * Build the NewsArticle object for a story.
 *
 * @param input The story's metadata.
 * @returns A JSON-LD object with `@context` set.
 */
export function buildNewsArticle(input: NewsArticleInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${input.url}#article`,
    headline: toMetaText(input.title, HEADLINE_LENGTH),
    ...(input.subtitle ? { alternativeHeadline: toMetaText(input.subtitle, TITLE_LENGTH) } : {}),
    description: toMetaText(input.description, DESCRIPTION_LENGTH),
    url: input.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    identifier: input.id,
    inLanguage: input.lang,
    wordCount: input.wordCount,
    isAccessibleForFree: true,
    publisher: { '@type': 'Organization', name: input.publisher, url: input.publisherUrl },
    ...(input.mentions && input.mentions.length > 0
      ? { mentions: input.mentions.map((mention) => ({ '@type': mention.type, name: mention.name, url: mention.url })) }
      : {}),
  };
}

/**
 * Serialize JSON-LD for a `<script type="application/ld+json">` element: `<`,
 * `>` and `&` become JSON escapes, so no text from a dump can close the
 * element or open a comment, whatever it contains.
 *
 * @param data Any JSON value.
 * @returns Text safe to place between the script tags unescaped.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
