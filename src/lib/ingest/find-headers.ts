/**
 * Find each article's header in a dump: the title, an optional subtitle,
 * caption copies, `TT`, and the title again.
 */
import { PrintedLines, type Lines, nextNonBlank } from './dump-lines.ts';

// The source site's font-size control, printed between the two copies of the header.
export const FONT_SIZE_CONTROL = 'TT';
// A header holds a subtitle and a few caption copies; more lines than this is a body.
const MAX_HEADER_LINES = 12;
// A headline is a line, not a paragraph.
const MAX_TITLE_LENGTH = 300;

/** Where one article's header was found. */
export interface Header {
  /** Line index of the title. */
  start: number;
  /** Line index where the body starts. */
  bodyStart: number;
  title: string;
  subtitle?: string;
  captionLines: string[];
  /** Every header line, so repeats of them are dropped from the body. */
  repeats: PrintedLines;
  /** Set when the header could not be read: the article is reported, not written. */
  error?: string;
}

/**
 * Every header in the dump, in order: those anchored on `TT` and those without it.
 *
 * @param lines The dump's lines.
 * @returns The headers by where they start; one that could not be read carries an `error`.
 */
export function findHeaders(lines: Lines): Header[] {
  const headers: Header[] = [];
  const covered = new Uint8Array(lines.text.length);
  const cover = (from: number, to: number) => covered.fill(1, from, to);

  for (let t = 0; t < lines.text.length; t++) {
    // A TT printed again inside a header already read is a repeat, not a new article.
    if (lines.text[t] !== FONT_SIZE_CONTROL || covered[t]) continue;
    const header = readHeaderAround(lines, t);
    headers.push(header);
    cover(header.start, header.bodyStart);
  }

  for (let i = 0; i < lines.text.length; i++) {
    if (covered[i] || lines.text[i] === '' || (i > 0 && lines.text[i - 1] !== '')) continue;
    const header = readHeaderWithoutControl(lines, i);
    if (!header) continue;
    headers.push(header);
    cover(header.start, header.bodyStart);
    i = header.bodyStart - 1;
  }

  return headers.sort((a, b) => a.start - b.start);
}

/**
 * Read the header whose `TT` line stands at `t`: the title is the line above
 * that the line after `TT` repeats.
 */
function readHeaderAround(lines: Lines, t: number): Header {
  const repeat = nextNonBlank(lines, t + 1, lines.text.length);
  const above: number[] = [];
  for (let k = t - 1; k >= 0 && above.length < MAX_HEADER_LINES; k--) {
    if (lines.text[k] === FONT_SIZE_CONTROL) break;
    if (lines.text[k] !== '') above.unshift(k);
    else if (k > 0 && lines.text[k - 1] === '' && above.length > 0) break;
  }
  const titleAt = repeat < 0 ? -1 : above.findLastIndex((k) => lines.same(k, repeat));

  if (titleAt < 0) {
    const start = above[0] ?? t;
    const found = repeat < 0 ? 'the end of the file' : `"${clip(lines.text[repeat] ?? '')}"`;
    return {
      start,
      bodyStart: t + 1,
      title: '',
      captionLines: [],
      repeats: new PrintedLines(lines, []),
      error: `cannot read the header, expected the title repeated after "${FONT_SIZE_CONTROL}", found ${found}`,
    };
  }

  const title = above[titleAt] as number;
  const middle = above.slice(titleAt + 1);
  const { subtitle, captionLines } = classifyHeaderLines(lines, middle);
  return finishHeader(lines, title, repeat, subtitle, captionLines);
}

/**
 * Try to read a header without `TT` at line `i`: the title, an optional
 * subtitle, caption pairs, then the title again. Returns undefined when the
 * lines that follow do not have that shape.
 */
function readHeaderWithoutControl(lines: Lines, i: number): Header | undefined {
  if ((lines.text[i] as string).length > MAX_TITLE_LENGTH) return undefined;
  let subtitle: number | undefined;
  const captionLines: string[] = [];
  let pending = -1;
  let seen = 0;

  for (let j = i + 1; j < lines.text.length; j++) {
    const text = lines.text[j] as string;
    if (text === '') continue;
    if (text === FONT_SIZE_CONTROL || ++seen > MAX_HEADER_LINES) return undefined;
    if (lines.same(j, i)) {
      // An adjacent copy is a caption pair in a body, not a header.
      if (j === i + 1) return undefined;
      if (pending >= 0) {
        if (subtitle !== undefined || captionLines.length > 0) return undefined;
        subtitle = pending;
      }
      return finishHeader(lines, i, j, subtitle === undefined ? undefined : lines.text[subtitle], captionLines);
    }
    if (pending < 0) {
      pending = j;
    } else if (j === pending + 1 && lines.same(j, pending)) {
      captionLines.push(lines.text[pending] as string, text);
      pending = -1;
    } else if (subtitle === undefined && captionLines.length === 0) {
      subtitle = pending;
      pending = j;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** Split the lines between the title and `TT`: a first lone line is the subtitle, the rest are captions. */
function classifyHeaderLines(lines: Lines, middle: number[]): { subtitle?: string; captionLines: string[] } {
  const first = middle[0];
  if (first === undefined) return { captionLines: [] };
  const next = middle[1];
  const firstIsPaired = next !== undefined && lines.same(next, first);
  const captions = firstIsPaired ? middle : middle.slice(1);
  return {
    ...(firstIsPaired ? {} : { subtitle: lines.text[first] }),
    captionLines: captions.map((k) => lines.text[k] as string),
  };
}

/** Complete a header once its title and the title's repeat are known: skip what the repeat prints again. */
function finishHeader(lines: Lines, title: number, repeat: number, subtitle: string | undefined, captionLines: string[]): Header {
  const repeats = new PrintedLines(lines, [lines.text[title] as string, ...captionLines, ...(subtitle ? [subtitle] : [])]);

  let bodyStart = repeat + 1;
  for (let k = bodyStart; k < lines.text.length; k++) {
    const text = lines.text[k] as string;
    if (text === '') continue;
    if (text !== FONT_SIZE_CONTROL && !repeats.has(k)) break;
    bodyStart = k + 1;
  }

  return {
    start: title,
    bodyStart,
    title: lines.text[title] as string,
    ...(subtitle ? { subtitle } : {}),
    captionLines,
    repeats,
  };
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
