/**
 * Social preview images on disk: rasterize a story's SVG (`og-image.ts`)
 * with resvg, and keep each PNG in a cache folder keyed by everything that
 * draws it, so a rebuild of 10k stories renders only the headlines that
 * changed. Fonts come from Debian's fonts-dejavu-core (Latin, Greek,
 * Cyrillic, Arabic, Hebrew); without them the images are left out and the
 * build says so.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { buildOgImageSvg, OG_IMAGE_VERSION } from './og-image.ts';

/** The fonts the SVG names, from Debian's fonts-dejavu-core. */
export const OG_FONT_FILES = ['DejaVuSans-Bold.ttf', 'DejaVuSerif-Bold.ttf'].map((file) => `/usr/share/fonts/truetype/dejavu/${file}`);

/** Archives up to this many stories get preview images when the config says "auto". */
export const AUTO_SOCIAL_IMAGES_LIMIT = 5000;

/** Whether this build draws preview images: the config's choice, "auto" by archive size, and only with the fonts. */
export function useSocialImages(setting: boolean | 'auto', stories: number): boolean {
  const wanted = setting === 'auto' ? stories <= AUTO_SOCIAL_IMAGES_LIMIT : setting;
  return wanted && OG_FONT_FILES.every((file) => existsSync(file));
}

/**
 * The PNG of a story's preview, from the cache or drawn and cached.
 *
 * @param story The headline, the archive's name and the headline's direction.
 * @param cacheDir Folder the PNGs are kept in between builds.
 */
export async function renderOgImage(story: { title: string; name: string; dir: 'ltr' | 'rtl' }, cacheDir: string): Promise<Buffer> {
  const key = createHash('sha256')
    .update(JSON.stringify([OG_IMAGE_VERSION, story.title, story.name, story.dir]))
    .digest('hex')
    .slice(0, 32);
  const file = path.join(cacheDir, `${key}.png`);
  const cached = await readFile(file).catch(() => undefined);
  if (cached) return cached;
  const svg = buildOgImageSvg(story);
  const png = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: OG_FONT_FILES, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  await mkdir(cacheDir, { recursive: true });
  // Written aside and renamed, so a build killed mid-write leaves no half image in the cache;
  // a name of its own per call, as two stories with one headline render at once.
  const temporary = `${file}.${randomUUID()}.tmp`;
  await writeFile(temporary, png);
  await rename(temporary, file);
  return png;
}
