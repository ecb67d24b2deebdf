/**
 * Read an entry file back: its frontmatter and the text of its body blocks.
 * The body format is the ingest's own (see `ingest/to-mdast.ts`), so this is
 * the exact inverse of that serializer, not a general Markdown parser: fast
 * enough to run over 100k entries at build time.
 */

/** One block of an entry body, as plain text. */
export interface TextBlock {
  type: 'paragraph' | 'heading' | 'figure';
  /** The text a reader sees (a figure's caption, credit included). */
  text: string;
}

const FRONTMATTER = /^---\n([\s\S]*?)\n---\n?/;
const HEADING = /^(#{1,6}) (.*)$/;
// A backslash escape or a character reference, matched in one pass so that an
// escaped "&" stays literal.
const ESCAPE_OR_REFERENCE = /\\([!-/:-@[-`{-~])|&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

/**
 * Split an entry file into its YAML frontmatter and Markdown body.
 *
 * @param file The file's contents.
 * @returns The YAML source (without fences) and the body.
 */
export function splitEntryFile(file: string): { yaml: string; body: string } {
  const match = FRONTMATTER.exec(file);
  if (!match) return { yaml: '', body: file };
  return { yaml: match[1] ?? '', body: file.slice(match[0].length) };
}

/** Markdown inline text back to what it says: backslash escapes and references resolved. */
function unescapeMarkdown(text: string): string {
  return text.replace(
    ESCAPE_OR_REFERENCE,
    (whole, escaped?: string, hex?: string, dec?: string, name?: string) => escaped ?? referenced(whole, hex, dec, name),
  );
}

function referenced(whole: string, hex?: string, dec?: string, name?: string): string {
  if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
  if (dec) return String.fromCodePoint(Number.parseInt(dec, 10));
  return NAMED[(name ?? '').toLowerCase()] ?? whole;
}

/**
 * The blocks of an entry body as plain text, in reading order.
 *
 * @param body The Markdown body the ingest wrote.
 * @returns Paragraphs, headings and figures with their text.
 */
export function readBodyBlocks(body: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  // An inline photo is a block quote: `> caption`, then `>` and `> credit` when credited.
  let figure: string[] | undefined;
  for (const line of body.split('\n')) {
    if (line.charCodeAt(0) === 62 /* > */) {
      figure ??= [];
      if (line.length > 2) figure.push(unescapeMarkdown(line.slice(2)));
      continue;
    }
    if (figure) {
      blocks.push(figureBlock(figure));
      figure = undefined;
    }
    if (line.length === 0) continue;
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ type: 'heading', text: unescapeMarkdown(heading[2] ?? '') });
      continue;
    }
    blocks.push({ type: 'paragraph', text: unescapeMarkdown(line) });
  }
  if (figure) blocks.push(figureBlock(figure));
  return blocks;
}

/** A figure's caption and credit as the reader sees them: `caption (credit)`. */
function figureBlock([caption = '', credit]: string[]): TextBlock {
  return { type: 'figure', text: credit === undefined ? caption : `${caption} (${credit})` };
}
