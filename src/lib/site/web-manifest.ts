/**
 * The web app manifest: the archive installs under its own name, opens at its
 * base path, and stays within it.
 */

/** Sizes of the PNG icons written beside the manifest (Chromium's install prompt wants 192 and 512). */
export const ICON_SIZES = [192, 512] as const;

/**
 * Size of the pages' own icon, a PNG rendered beside those: a browser tab's
 * 16 pixels at twice the density. Not the SVG, which Chromium reads as a
 * document of its own on the page's main thread as the page finishes loading,
 * where a search page paints its first results (DESIGN.md, "Browser").
 */
export const FAVICON_SIZE = 32;

/** Where an icon of a size lives, below the base. */
export function iconPath(size: number): string {
  return `icons/icon-${size}.png`;
}

/**
 * @param options.name The archive's name.
 * @param options.description One line on what it holds.
 * @param options.lang Interface language.
 * @param options.base The base path ("/", "/archive/").
 * @returns The manifest, ready for `JSON.stringify`.
 */
export function buildWebManifest(options: { name: string; description: string; lang: string; base: string }): Record<string, unknown> {
  const { name, description, lang, base } = options;
  return {
    name,
    short_name: name.length <= 12 ? name : Array.from(name).slice(0, 12).join('').trimEnd(),
    description,
    lang,
    start_url: base,
    scope: base,
    display: 'standalone',
    background_color: '#fbfaf6',
    theme_color: '#fbfaf6',
    icons: [
      { src: `${base}favicon.svg`, sizes: 'any', type: 'image/svg+xml' },
      ...ICON_SIZES.map((size) => ({ src: `${base}${iconPath(size)}`, sizes: `${size}x${size}`, type: 'image/png', purpose: 'any' })),
    ],
  };
}
