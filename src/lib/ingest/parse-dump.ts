/**
 * Read the articles out of one dump: find each article's header (title,
 * subtitle, caption copies, `TT`, the title again), then read its body.
 */
import type { Block, ParsedArticle } from './types.ts';
import { IngestError } from './errors.ts';
import { dedupeCaptions, splitFoldedCredit } from './captions.ts';
import { isSectionHeading } from './headings.ts';
import { Lines, nextNonBlank } from './dump-lines.ts';
import { FONT_SIZE_CONTROL, findHeaders, type Header } from './find-headers.ts';
import { foldLines } from './text.ts';

/** What a dump yields: its articles, and what could not be read, each with its line. */
export interface ParseResult {
  articles: ParsedArticle[];
  errors: IngestError[];
}

/**
 * Parse one dump into articles.
 *
 * @param text The file's contents (any line ends, an optional byte-order mark).
 * @param file The file's path, for error messages.
 * @returns The articles in order, and an error for each part that could not be read.
 */
export function parseDump(text: string, file: string): ParseResult {
  const lines = new Lines(foldLines(text));
  const headers = findHeaders(lines);
  const articles: ParsedArticle[] = [];
  const errors: IngestError[] = [];

  const first = headers[0]?.start ?? lines.text.length;
  const stray = nextNonBlank(lines, 0, first);
  if (stray >= 0) {
    errors.push(
      new IngestError(
        file,
        stray + 1,
        headers.length === 0
          ? `cannot find an article header, expected a title line followed by "${FONT_SIZE_CONTROL}" and the title again`
          : `text before the first article header belongs to no article, expected a title line followed by "${FONT_SIZE_CONTROL}" and the title again`,
      ),
    );
  }

  headers.forEach((header, index) => {
    const end = headers[index + 1]?.start ?? lines.text.length;
    if (header.error) {
      errors.push(new IngestError(file, header.start + 1, header.error));
      return;
    }
    const captions = dedupeCaptions(header.captionLines, true);
    articles.push({
      title: header.title,
      ...(header.subtitle ? { subtitle: header.subtitle } : {}),
      captions,
      blocks: readBody(lines, header, end),
      index,
      line: header.start + 1,
    });
  });

  return { articles, errors };
}

/** Read the body between a header and the next article: paragraphs, headings, inline photo captions. */
function readBody(lines: Lines, header: Header, end: number): Block[] {
  const blocks: Block[] = [];
  const captionsSeen = header.repeats;
  let k = header.bodyStart;
  while (k < end) {
    const text = lines.text[k] as string;
    if (text === '') {
      k++;
      continue;
    }
    // Adjacent copies of one line are a photo caption printed twice (or more).
    let m = k + 1;
    while (m < end && lines.text[m] !== '' && lines.same(m, k)) m++;
    if (text === FONT_SIZE_CONTROL || captionsSeen.has(k)) {
      // Chrome, or a caption or title printed once more.
    } else if (m - k >= 2) {
      captionsSeen.add(k);
      blocks.push({ type: 'figure', caption: splitFoldedCredit(text), line: k + 1 });
    } else {
      blocks.push({ type: isSectionHeading(text) ? 'heading' : 'paragraph', text, line: k + 1 });
    }
    k = m;
  }
  // A heading needs something under it.
  const last = blocks.at(-1);
  if (last?.type === 'heading') blocks[blocks.length - 1] = { ...last, type: 'paragraph' };
  return blocks;
}
