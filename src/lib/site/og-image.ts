/**
 * A story's social preview image (`og:image`), as SVG for resvg to rasterize:
 * the headline, wrapped to at most four lines, and the archive's name, on the
 * site's paper colour. Right-to-left headlines are set right to left (resvg
 * shapes and orders them; satori cannot). Pure: no fonts are measured, lines
 * are cut by an estimate of the glyphs' width.
 */

import { TITLE_LENGTH, toMetaText } from './plain-text.ts';

/** Bump when the drawing changes, so cached images are redrawn. */
export const OG_IMAGE_VERSION = 1;
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
const MARGIN = 80;
const TITLE_SIZE = 60;
const LINE_HEIGHT = 1.2;
const MAX_LINES = 4;
// Average advance of a bold glyph, in ems: generous, so a line rarely overflows.
const EM_PER_CHAR = 0.62;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Cut text into lines of at most `width` characters at spaces, at most
 * `maxLines`, the last one ending in "…" when text was left out.
 */
export function wrapLines(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const chars = Array.from(word);
    // A word longer than a line is cut (URLs, long compounds).
    const pieces =
      chars.length > width ? Array.from({ length: Math.ceil(chars.length / width) }, (_, i) => chars.slice(i * width, (i + 1) * width).join('')) : [word];
    for (const piece of pieces) {
      const next = line ? `${line} ${piece}` : piece;
      if (Array.from(next).length <= width) line = next;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = Array.from(kept[maxLines - 1]!);
  kept[maxLines - 1] = `${last
    .slice(0, Math.max(0, width - 1))
    .join('')
    .trimEnd()}…`;
  return kept;
}

/**
 * @param options.title The headline.
 * @param options.name The archive's name.
 * @param options.dir The headline's direction.
 * @returns An SVG document of 1200×630.
 */
export function buildOgImageSvg(options: { title: string; name: string; dir: 'ltr' | 'rtl' }): string {
  // Story text: no control character (not allowed in XML) or bidi override reaches the SVG.
  const title = toMetaText(options.title, TITLE_LENGTH);
  const name = toMetaText(options.name, TITLE_LENGTH);
  const { dir } = options;
  const width = Math.floor((OG_WIDTH - 2 * MARGIN) / (TITLE_SIZE * EM_PER_CHAR));
  const lines = wrapLines(title, width, MAX_LINES);
  const rtl = dir === 'rtl';
  // resvg anchors right-to-left text by its right edge with text-anchor "end".
  const x = rtl ? OG_WIDTH - MARGIN : MARGIN;
  const top = 150 + TITLE_SIZE;
  const text = lines.map((line, i) => `<tspan x="${x}" y="${top + i * TITLE_SIZE * LINE_HEIGHT}">${escapeXml(line)}</tspan>`).join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}">`,
    `<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="#fbfaf6"/>`,
    `<rect width="${OG_WIDTH}" height="14" fill="#7a1f1f"/>`,
    `<text font-family="DejaVu Sans" font-weight="700" font-size="${TITLE_SIZE}" fill="#16171a"${rtl ? ' direction="rtl" text-anchor="end"' : ''}>${text}</text>`,
    `<rect x="${MARGIN}" y="${OG_HEIGHT - 130}" width="${OG_WIDTH - 2 * MARGIN}" height="2" fill="#7a1f1f"/>`,
    `<text x="${MARGIN}" y="${OG_HEIGHT - 70}" font-family="DejaVu Serif" font-weight="700" font-size="40" fill="#7a1f1f">${escapeXml(name)}</text>`,
    '</svg>',
  ].join('');
}
