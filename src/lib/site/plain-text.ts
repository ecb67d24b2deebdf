/**
 * Story text made fit for places that are not the page: `<title>`, Open
 * Graph, JSON-LD and the feed. The page shows text as the dump wrote it; these
 * places get it without characters that break or spoof them.
 */

// C0 and C1 control characters except tab and line feed, and the two
// noncharacters XML 1.0 forbids: a U+0001 in a title made the feed ill-formed.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
// Bidi embeddings, overrides and isolates: "invoice\u202Egnp.exe" reads as
// "invoiceexe.png" in a tab title or a link preview, where nothing isolates it.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const SPACES = /\s+/g;
const HTML_SPECIALS = /[&<>]/g;
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Longest `<title>` and `og:title`, in characters as a reader counts them. */
export const TITLE_LENGTH = 200;
/** Longest meta description. */
export const DESCRIPTION_LENGTH = 300;

/**
 * Remove control characters other than tab and line feed, and the
 * noncharacters U+FFFE and U+FFFF.
 */
export function stripControls(text: string): string {
  return text.replace(CONTROLS, '');
}

/**
 * One line of metadata: controls and bidi overrides removed, spacing folded,
 * and cut to `max` characters (grapheme clusters, so no letter loses its
 * accent or half of a surrogate pair) with an ellipsis.
 *
 * @param text Story text.
 * @param max The longest result, ellipsis included.
 * @returns Text safe to put in a `<title>`, a meta tag or JSON-LD.
 */
export function toMetaText(text: string, max: number): string {
  const line = stripControls(text).replace(BIDI_CONTROLS, '').replace(SPACES, ' ').trim();
  return capLength(line, max);
}

/**
 * Cut text to at most `max` grapheme clusters, the last one an ellipsis when
 * anything was cut.
 */
export function capLength(text: string, max: number): string {
  // A cluster is at least one UTF-16 unit, so a shorter string needs no segmenting.
  if (text.length <= max) return text;
  const clusters = Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (part) => part.segment);
  if (clusters.length <= max) return text;
  return `${clusters
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/**
 * Text as HTML that shows exactly that text: for an RSS `<description>`,
 * which feed readers decode as HTML after the XML is read.
 */
export function toHtmlText(text: string): string {
  return text.replace(HTML_SPECIALS, (c) => HTML_ESCAPES[c] ?? c);
}
