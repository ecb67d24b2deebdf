/**
 * Each story's social preview image (`og:image`), drawn at build time from
 * its headline and the archive's name, and cached between builds. Left out
 * when the config turns them off, or "auto" finds the archive too large.
 */
import path from 'node:path';
import type { APIContext, GetStaticPaths } from 'astro';
import { SITE } from '../../site.config.ts';
import { loadArchive } from '../../lib/site/load-archive.ts';
import { renderOgImage, useSocialImages } from '../../lib/site/og-image-fs.ts';
import type { Story } from '../../lib/site/story.ts';

export const getStaticPaths = (async () => {
  const { stories } = await loadArchive();
  if (!useSocialImages(SITE.socialImages, stories.length)) return [];
  return stories.map((story) => ({ params: { slug: story.slug }, props: { story } }));
}) satisfies GetStaticPaths;

export async function GET(context: APIContext): Promise<Response> {
  const { story } = context.props as { story: Story };
  const png = await renderOgImage({ title: story.title, name: SITE.name, dir: story.dir }, path.join(SITE.cacheDir, 'clippings-og'));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
