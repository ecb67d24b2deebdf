/**
 * The RSS feed: the last stories in archive order, newest first.
 */
import { paths } from '../lib/site/paths.ts';
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { SITE } from '../site.config.ts';
import { loadArchive } from '../lib/site/load-archive.ts';
import { toFeedItem } from '../lib/site/feed.ts';

export async function GET(context: APIContext): Promise<Response> {
  const { stories } = await loadArchive();
  return rss({
    title: SITE.title,
    description: SITE.description,
    site: new URL(paths.path('/'), context.site ?? SITE.url).href,
    trailingSlash: true,
    items: stories
      .slice(-SITE.feedSize)
      .reverse()
      .map((story) => toFeedItem(story, paths.story(story.slug))),
  });
}
