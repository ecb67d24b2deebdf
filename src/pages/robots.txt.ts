/**
 * robots.txt, pointing crawlers at the sitemap on the deployed origin.
 */
import { paths } from '../lib/site/paths.ts';
import type { APIContext } from 'astro';
import { SITE } from '../site.config.ts';

export function GET(context: APIContext): Response {
  const sitemap = new URL(paths.path('sitemap-index.xml'), context.site ?? SITE.url).href;
  return new Response(`User-agent: *\nAllow: ${paths.base}\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
