/**
 * One collection: the stories the ingest wrote, metadata only.
 */
import { defineCollection } from 'astro:content';
import { SITE } from './site.config.ts';
import { articlesLoader } from './lib/site/articles-loader-fs.ts';

export const collections = {
  articles: defineCollection({ loader: articlesLoader(SITE.articlesDir) }),
};
