/**
 * robots.txt, pointing crawlers at the sitemap on the deployed origin.
 */
import type { APIContext } from 'astro';
import { SITE } from '../site.config.ts';

export function GET(context: APIContext): Response {
  const sitemap = new URL('/sitemap-index.xml', context.site ?? SITE.url).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
