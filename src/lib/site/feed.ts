/**
 * The RSS feed's items: story text as feed readers must receive it.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import { DESCRIPTION_LENGTH, TITLE_LENGTH, toHtmlText, toMetaText } from './plain-text.ts';
import type { Story } from './story.ts';

/**
 * One feed item. Control characters are stripped, or the XML is not
 * well-formed; the description is escaped once more than XML needs, because
 * readers decode a description as HTML: it must read as plain text.
 *
 * @param link Its page's path.
 * @returns The item for `@astrojs/rss`.
 */
export function toFeedItem(story: Pick<Story, 'title' | 'subtitle' | 'excerpt'>, link: string): RSSFeedItem {
  const description = toMetaText(story.subtitle ?? story.excerpt, DESCRIPTION_LENGTH);
  return {
    title: toMetaText(story.title, TITLE_LENGTH),
    link,
    ...(description ? { description: toHtmlText(description) } : {}),
  };
}
